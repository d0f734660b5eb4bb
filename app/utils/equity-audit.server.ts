import type { Actor } from '~/domain/permissions'
import { analyseAudit, auditFindings, sharedView } from '~/domain/equity-audit'
import type { AuditState } from '~/domain/suppression'
import { getAudit, getAudits, listAuditIds } from '~/models/equity-audit.server'
import { requireArtifactAccess } from './artifacts.server'

/**
 * An audit as the actor may see it: the author gets every figure; everyone else only the view
 * suppressed by the school's state (the author can ask for that view too, to preview it).
 */
export async function loadAudit(actor: Actor, id: string) {
  const { artifact, viewer } = await requireArtifactAccess(actor, id, 'equity_audit')
  const audit = await getAudit({ artifactId: artifact.id })
  if (!audit) throw new Response('Not found', { status: 404 })
  const settings = { minCell: audit.minCell, minN: audit.minN, threshold: audit.threshold }
  const analysis = analyseAudit(settings, audit.indicators)
  const header = {
    id: artifact.id,
    title: artifact.title,
    fellowName: artifact.fellowName,
    school: artifact.schoolName,
    state: artifact.state,
    schoolYear: audit.schoolYear,
    settings,
    notes: audit.notes,
  }
  return { artifact, viewer, header, analysis, shared: sharedView(artifact.state, analysis) }
}

/** Every audit of a fellow with its flagged groups, as this viewer may see them: year one carried into year two. */
export async function loadAuditFindings({ fellowId, state, viewer }: { fellowId: string; state: AuditState; viewer: 'author' | 'reader' }) {
  const list = await listAuditIds({ fellowId })
  const audits = await getAudits({ artifactIds: list.map((a) => a.id) })
  return list.flatMap((item) => {
    const audit = audits.find((a) => a.artifactId === item.id)
    if (!audit) return []
    const analysis = analyseAudit({ minCell: audit.minCell, minN: audit.minN, threshold: audit.threshold }, audit.indicators)
    return [{ ...item, threshold: audit.threshold, indicatorCount: audit.indicators.length, findings: auditFindings(state, viewer, analysis) }]
  })
}
