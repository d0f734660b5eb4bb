import type { Actor } from '~/domain/permissions'
import { analyseAudit, sharedView } from '~/domain/equity-audit'
import { getAudit } from '~/models/equity-audit.server'
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
  return { artifact, viewer, audit, settings, analysis, shared: sharedView(artifact.state, analysis) }
}
