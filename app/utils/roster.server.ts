import { sha256 } from '@oslojs/crypto/sha2'
import { encodeHexLowerCase } from '@oslojs/encoding'
import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from '@remix-run/node'
import { decodeCsvBytes } from '~/domain/csv'
import {
  describeRosterPlan,
  parseRosterCsv,
  planIsEmpty,
  planRoster,
  ROSTER_MAX_BYTES,
  ROSTER_MAX_ROWS,
  sortProblems,
  type RosterPlan,
  type RosterPlanView,
} from '~/domain/roster'
import { academyDate } from '~/domain/schedule'
import { writeAudit } from '~/models/audit-log.server'
import { applyRosterPlan, isRosterConflict, loadRosterSnapshot } from '~/models/roster.server'
import { sendInvitation } from './accounts.server'

/** Who imports: a signed-in staff member, or a script (no account: recorded with no actor). */
export type RosterActor = { id: string | null; name: string; ipAddress: string | null }

/** The actor of `npm run roster:import`; the invitation says the academy invited the fellow. */
export const SCRIPT_ACTOR: RosterActor = { id: null, name: 'The SILA Academy team', ipAddress: null }

export type RosterPreview = {
  plan: RosterPlan
  /** Names this exact plan; an apply that brings it back is refused if the plan has changed since. */
  digest: string
  view: RosterPlanView
}

export type RosterImportResult =
  | { status: 'invalid'; preview: RosterPreview }
  | { status: 'stale'; preview: RosterPreview }
  | { status: 'applied'; preview: RosterPreview; createdUserIds: string[]; invited: number; invitationFailures: number }

/** Reads a roster file and plans it against the academy as it is now. Writes nothing. */
export async function previewRoster(text: string, now = new Date()): Promise<RosterPreview> {
  const parsed = parseRosterCsv(text)
  const today = academyDate(now)
  let plan: RosterPlan = { today, creates: [], updates: [], unchanged: [], problems: [], newLeas: [], newSchools: [] }
  const rows = [...parsed.rows, ...parsed.incomplete]
  if (rows.length > 0) {
    const emails = rows.flatMap((r) => [r.email, r.coachEmail]).filter((e) => e !== null)
    plan = planRoster(parsed.rows, { ...(await loadRosterSnapshot({ emails })), today }, parsed.incomplete)
  }
  plan = { ...plan, problems: sortProblems([...parsed.problems, ...plan.problems]) }
  return { plan, digest: encodeHexLowerCase(sha256(new TextEncoder().encode(JSON.stringify(plan)))), view: describeRosterPlan(plan) }
}

/**
 * Plans the file again and applies it in one transaction, then invites the new accounts. Nothing
 * is applied when the file has a problem, or when `expectedDigest` (the plan someone previewed)
 * no longer matches because the roster changed in between. A file applied already changes nothing.
 */
export async function importRoster(text: string, actor: RosterActor, expectedDigest?: string): Promise<RosterImportResult> {
  const preview = await previewRoster(text)
  if (preview.plan.problems.length > 0) return { status: 'invalid', preview }
  if (expectedDigest !== undefined && expectedDigest !== preview.digest) return { status: 'stale', preview }
  if (planIsEmpty(preview.plan)) return { status: 'applied', preview, createdUserIds: [], invited: 0, invitationFailures: 0 }
  let applied: Awaited<ReturnType<typeof applyRosterPlan>>
  try {
    applied = await applyRosterPlan({ plan: preview.plan, actorId: actor.id, ipAddress: actor.ipAddress })
  } catch (error) {
    if (isRosterConflict(error)) return { status: 'stale', preview: await previewRoster(text) }
    throw error
  }
  // After the commit: an email never goes out for an account that was rolled back.
  let invited = 0
  let invitationFailures = 0
  for (const user of applied.created) {
    try {
      await sendInvitation({ user, inviter: { id: actor.id, name: actor.name } })
      await writeAudit({
        actorId: actor.id,
        action: 'user.invited',
        targetType: 'user',
        targetId: user.id,
        ipAddress: actor.ipAddress ?? undefined,
        details: { role: 'fellow', via: 'roster import' },
      })
      invited++
    } catch (error) {
      // The account exists and can be invited again from Invite; the rest still go out.
      console.error(`Roster import: the invitation to ${user.email} was not sent:`, error)
      invitationFailures++
    }
  }
  return { status: 'applied', preview, createdUserIds: applied.created.map((u) => u.id), invited, invitationFailures }
}

export type RosterUpload = { ok: true; text: string; fileName: string } | { ok: false; status: 400 | 413; message: string }

/** The uploaded CSV as text (UTF-8, or Excel's Windows-1252), refused past the size limit before it is read whole. */
export async function readRosterUpload(request: Request): Promise<RosterUpload> {
  let form: FormData
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: ROSTER_MAX_BYTES }))
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      return {
        ok: false,
        status: 413,
        message: `That file is larger than ${ROSTER_MAX_BYTES / 1024} KB. A roster of ${ROSTER_MAX_ROWS.toLocaleString('en-US')} fellows fits in that: split the file, or check it is the roster CSV and not a workbook.`,
      }
    }
    return { ok: false, status: 400, message: 'The upload could not be read. Choose the file again.' }
  }
  const file = form.get('file')
  if (!(file instanceof File) || file.size === 0) return { ok: false, status: 400, message: 'Choose a CSV file to upload.' }
  return { ok: true, text: decodeCsvBytes(new Uint8Array(await file.arrayBuffer())), fileName: file.name.slice(0, 200) }
}
