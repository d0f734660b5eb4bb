export const SUBMISSION_BODY_MAX = 50_000

export const SUBMISSION_STATES = ['draft', 'submitted', 'returned', 'resubmitted', 'accepted'] as const
export type SubmissionState = (typeof SUBMISSION_STATES)[number]

export type SubmissionAction = 'submit' | 'return' | 'accept'

/** Who may take each action: the fellow submits; reviewers (coach or staff) return or accept. */
const TRANSITIONS: Record<SubmissionAction, { from: SubmissionState[]; by: 'fellow' | 'reviewer' }> = {
  submit: { from: ['draft', 'returned'], by: 'fellow' },
  return: { from: ['submitted', 'resubmitted'], by: 'reviewer' },
  accept: { from: ['submitted', 'resubmitted'], by: 'reviewer' },
}

export type TransitionResult = { ok: true; to: SubmissionState } | { ok: false; message: string }

/**
 * draft → submitted → returned → resubmitted → … → accepted. A returned submission comes back as
 * "resubmitted"; accepted is final. Anything else is refused with a reason a person can act on.
 */
export function transition(from: SubmissionState, action: SubmissionAction, by: 'fellow' | 'reviewer'): TransitionResult {
  const rule = TRANSITIONS[action]
  if (rule.by !== by) {
    return { ok: false, message: by === 'fellow' ? 'Only a reviewer can return or accept work.' : 'Only the fellow can submit their work.' }
  }
  if (!rule.from.includes(from)) {
    const reasons: Record<SubmissionState, string> = {
      draft: 'This is still a draft: it has not been submitted for review.',
      submitted: 'This has already been submitted and is waiting for review.',
      resubmitted: 'This has already been resubmitted and is waiting for review.',
      returned: 'This was returned for revision: the fellow resubmits it next.',
      accepted: 'This has been accepted; it can no longer change.',
    }
    return { ok: false, message: reasons[from] }
  }
  if (action === 'submit') return { ok: true, to: from === 'returned' ? 'resubmitted' : 'submitted' }
  return { ok: true, to: action === 'return' ? 'returned' : 'accepted' }
}

/** The fellow edits their text and attachments only while the work is with them. */
export function isEditable(state: SubmissionState) {
  return state === 'draft' || state === 'returned'
}

export function isAwaitingReview(state: SubmissionState) {
  return state === 'submitted' || state === 'resubmitted'
}

export const STATE_LABELS: Record<SubmissionState, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  returned: 'Returned for revision',
  resubmitted: 'Resubmitted',
  accepted: 'Accepted',
}
