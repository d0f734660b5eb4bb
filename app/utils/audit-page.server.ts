/**
 * The server half of the equity audit tool (app/routes/tools.audits.$id.tsx); see docs/decisions/0016.
 */
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import type { AuditActionData } from '~/components/tools/audit-editor'
import { json, MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from '@remix-run/node'
import { z } from 'zod'
import { ARTIFACT_TITLE_MAX } from '~/domain/artifacts'
import { AUDIT_CSV_MAX_BYTES, parseAuditCsv } from '~/domain/audit-csv'
import { decodeCsvBytes } from '~/domain/csv'
import { AUDIT_LIMITS, IndicatorNameSchema, parseRiskInput, readTypedCounts, SCHOOL_YEAR, SettingsSchema, VOICE_KEYS } from '~/domain/equity-audit'
import { addIndicator, deleteIndicator, importAuditCounts, saveAuditNotes, saveIndicator, updateAuditSettings } from '~/models/equity-audit.server'
import { requireUser } from '~/utils/auth.server'
import { requireArtifactAuthor } from '~/utils/artifacts.server'
import { loadAudit } from '~/utils/equity-audit.server'
import { readForm } from '~/utils/request.server'

const NoteSchema = z.string().max(AUDIT_LIMITS.note, `Keep each note under ${AUDIT_LIMITS.note.toLocaleString('en-US')} characters.`).default('')

const ActionSchema = z.discriminatedUnion('intent', [
  SettingsSchema.extend({
    intent: z.literal('save-settings'),
    title: z.string({ required_error: 'Give the audit a title.' }).trim().min(1, 'Give the audit a title.').max(ARTIFACT_TITLE_MAX, `Keep the title under ${ARTIFACT_TITLE_MAX} characters.`),
    schoolYear: z.string({ required_error: 'Write the school year like 2026–27.' }).trim().regex(SCHOOL_YEAR, 'Write the school year like 2026–27.'),
  }),
  z.object({ intent: z.literal('add-indicator'), name: IndicatorNameSchema }),
  z.object({
    intent: z.literal('save-indicator'),
    indicatorId: z.string().uuid('Unknown indicator.'),
    name: IndicatorNameSchema,
    alternateRisk: z.string().max(40).default(''),
    alternateSource: z.string().trim().max(200, 'Keep the source under 200 characters.').default(''),
    rows: z
      .array(z.object({ group: z.string().max(1000).default(''), enrolled: z.string().max(40).default(''), withOutcome: z.string().max(40).default('') }))
      .max(AUDIT_LIMITS.groupsPerIndicator + 10, `At most ${AUDIT_LIMITS.groupsPerIndicator} groups under one indicator.`)
      .default([]),
  }),
  z.object({ intent: z.literal('delete-indicator'), indicatorId: z.string().uuid('Unknown indicator.') }),
  z.object({
    intent: z.literal('save-notes'),
    'voices-heard': NoteSchema,
    'not-served': NoteSchema,
    'missing-perspectives': NoteSchema,
    assets: NoteSchema,
  }),
])

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { viewer, header, analysis, shared } = await loadAudit(user, params.id ?? '')
  // Readers never receive the counts: the page and its data are the suppressed view only.
  if (viewer === 'reader') return json({ ...header, viewer, analysis: null, shared })
  return json({ ...header, viewer, analysis, shared: null })
}

const reply = (status: number, data: Omit<AuditActionData, 'ok'>) => json<AuditActionData>({ ok: status < 400, ...data }, { status })

async function handleUpload(request: Request, artifactId: string) {
  let form: FormData
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: AUDIT_CSV_MAX_BYTES }))
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      return reply(413, { intent: 'upload', message: `That file is larger than ${AUDIT_CSV_MAX_BYTES / 1024} KB. An audit's counts fit in far less: check it is the CSV of counts, not a student list.` })
    }
    return reply(400, { intent: 'upload', message: 'The upload could not be read. Choose the file again.' })
  }
  const file = form.get('file')
  if (!(file instanceof File) || file.size === 0) return reply(400, { intent: 'upload', message: 'Choose a CSV file to upload.' })
  const parsed = parseAuditCsv(decodeCsvBytes(new Uint8Array(await file.arrayBuffer())))
  if (!parsed.ok) {
    return reply(400, { intent: 'upload', message: `Nothing was imported: ${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'} to fix in the file.`, problems: parsed.problems })
  }
  const { created, updated } = await importAuditCounts({ artifactId, indicators: parsed.audit.indicators })
  const groups = parsed.audit.indicators.reduce((sum, i) => sum + i.counts.length, 0)
  return reply(200, { intent: 'upload', message: `Imported ${groups} rows: ${created} new indicator${created === 1 ? '' : 's'}, ${updated} replaced.` })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const artifact = await requireArtifactAuthor(user, params.id ?? '', 'equity_audit')
  if (request.headers.get('content-type')?.startsWith('multipart/form-data')) return handleUpload(request, artifact.id)
  const parsed = parseWithZod(await readForm(request), { schema: ActionSchema })
  if (parsed.status !== 'success') {
    const intent = typeof parsed.payload.intent === 'string' ? parsed.payload.intent : ''
    const indicatorId = typeof parsed.payload.indicatorId === 'string' ? parsed.payload.indicatorId : undefined
    return reply(400, { intent, indicatorId, message: Object.values(parsed.error ?? {}).flat()[0] ?? 'That request could not be read.' })
  }
  const value = parsed.value
  switch (value.intent) {
    case 'save-settings': {
      const { title, schoolYear, intent: _, ...settings } = value
      await updateAuditSettings({ artifactId: artifact.id, title, schoolYear: schoolYear.replace('-', '–'), settings })
      return reply(200, { intent: value.intent, message: 'Settings saved; every figure below uses them.' })
    }
    case 'add-indicator': {
      const added = await addIndicator({ artifactId: artifact.id, name: value.name })
      return added
        ? reply(200, { intent: value.intent, message: `Added “${value.name}”. Enter its counts below.` })
        : reply(409, { intent: value.intent, message: `This audit already has an indicator called “${value.name}”.` })
    }
    case 'save-indicator': {
      const base = { intent: value.intent, indicatorId: value.indicatorId, rows: value.rows }
      const risk = parseRiskInput(value.alternateRisk)
      const counts = readTypedCounts(value.rows)
      const details = [...(risk.ok ? [] : [risk.message]), ...(counts.ok ? [] : counts.problems)]
      if (!risk.ok || !counts.ok) return reply(400, { ...base, message: 'Nothing was saved. Fix these and save again:', details })
      const saved = await saveIndicator({ artifactId: artifact.id, indicatorId: value.indicatorId, name: value.name, alternateRisk: risk.value, alternateSource: value.alternateSource, counts: counts.counts })
      if (saved === null) return reply(404, { ...base, message: 'That indicator is not part of this audit.' })
      if (saved === 'duplicate') return reply(409, { ...base, message: `Another indicator is already called “${value.name}”.` })
      return reply(200, { intent: value.intent, indicatorId: value.indicatorId, message: `Saved ${counts.counts.length} groups for “${value.name}”.` })
    }
    case 'delete-indicator': {
      const deleted = await deleteIndicator({ artifactId: artifact.id, indicatorId: value.indicatorId })
      return deleted ? reply(200, { intent: value.intent, message: 'Indicator deleted.' }) : reply(404, { intent: value.intent, message: 'That indicator is not part of this audit.' })
    }
    case 'save-notes': {
      const notes = VOICE_KEYS.map((key) => ({ key, body: value[key] }))
      await saveAuditNotes({ artifactId: artifact.id, notes })
      return reply(200, { intent: value.intent, message: 'Notes saved.' })
    }
  }
}
