import { canReviewFellowWork, type Actor } from '~/domain/permissions'
import { academyDate } from '~/domain/schedule'
import { isEditable, transition, type SubmissionAction } from '~/domain/submission-state'
import { createDraft, getSubmission, recordTransition } from '~/models/submission.server'
import { getScheduleEntry } from '~/models/schedule.server'
import { getCompiledModule } from './content.server'
import { notify } from './notify.server'

export type SubmissionRole = 'owner' | 'reviewer'

/**
 * The submission and how the actor relates to it. Anyone else gets a 404, so guessing ids
 * reveals nothing.
 */
export async function requireSubmissionAccess(actor: Actor, submissionId: string) {
  const submission = /^[0-9a-f-]{36}$/i.test(submissionId) ? await getSubmission({ id: submissionId }) : null
  if (!submission) throw new Response('Not found', { status: 404 })
  const context = { fellowUserId: submission.fellowUserId, currentCoachId: submission.currentCoachId }
  let role: SubmissionRole | null = null
  if (actor.role === 'fellow' && actor.id === submission.fellowUserId) role = 'owner'
  else if (canReviewFellowWork(actor, context)) role = 'reviewer'
  if (!role) throw new Response('Not found', { status: 404 })
  return { submission, role }
}

export type StartResult = { ok: true; id: string } | { ok: false; status: 400 | 404; message: string }

/** A fellow opens their submission for a module's assignment; before the module opens they may only preview. */
export async function startSubmission(args: { actorId: string; fellow: { fellowId: string; cohortId: string }; moduleSlug: string; canEdit: boolean }): Promise<StartResult> {
  const compiled = getCompiledModule(args.moduleSlug)
  if (!compiled || !args.canEdit) return { ok: false, status: 404, message: 'There is no assignment for you to submit here.' }
  const schedule = await getScheduleEntry({ cohortId: args.fellow.cohortId, moduleSlug: compiled.slug })
  const today = academyDate(new Date())
  if (schedule && today < schedule.opensOn) {
    return { ok: false, status: 400, message: `This module opens on ${schedule.opensOn}. You can read it now and submit once it opens.` }
  }
  const id = await createDraft({ fellowId: args.fellow.fellowId, moduleSlug: compiled.slug, assignmentId: compiled.assignment.id, actorId: args.actorId })
  return { ok: true, id }
}

export type ActResult = { ok: true } | { ok: false; message: string }

/**
 * Submits, returns or accepts, records the step, and tells the people who act next: the coach
 * when work waits for review, the fellow when it comes back or is accepted.
 */
export async function actOnSubmission(args: {
  actor: Actor
  role: SubmissionRole
  /** As requireSubmissionAccess loaded it; the move only lands if its state is unchanged. */
  submission: NonNullable<Awaited<ReturnType<typeof getSubmission>>>
  action: SubmissionAction
  feedback?: string
  body?: string
}): Promise<ActResult> {
  const { submission } = args
  const next = transition(submission.status, args.action, args.role === 'owner' ? 'fellow' : 'reviewer')
  if (!next.ok) return next
  if (args.action === 'return' && !args.feedback?.trim()) return { ok: false, message: 'Write feedback before returning work, so the fellow knows what to revise.' }
  if (args.action === 'submit' && !(args.body ?? submission.body).trim()) return { ok: false, message: 'Write something before you submit: your submission is empty.' }
  const moved = await recordTransition({
    id: submission.id,
    from: submission.status,
    to: next.to,
    actorId: args.actor.id,
    feedback: args.feedback?.trim() || null,
    body: args.action === 'submit' && isEditable(submission.status) ? args.body : undefined,
  })
  if (!moved) return { ok: false, message: 'Someone else changed this submission a moment ago. Reload the page to see where it stands.' }

  const title = getCompiledModule(submission.moduleSlug)?.assignment.title ?? 'An assignment'
  const link = `/submissions/${submission.id}`
  if (args.action === 'submit' && submission.currentCoachId) {
    await notify([{ userId: submission.currentCoachId, kind: 'review-waiting', title: `${submission.fellowName} submitted “${title}” for review`, link }])
  } else if (args.action === 'return') {
    await notify([{ userId: submission.fellowUserId, kind: 'submission-returned', title: `“${title}” was returned with feedback`, link }])
  } else if (args.action === 'accept') {
    await notify([{ userId: submission.fellowUserId, kind: 'submission-accepted', title: `“${title}” was accepted`, link }])
  }
  return { ok: true }
}
