import { expect, test } from 'vitest'
import { isAwaitingReview, isEditable, SUBMISSION_STATES, transition, type SubmissionAction } from './submission-state'

test('the happy path: draft → submitted → returned → resubmitted → accepted', () => {
  expect(transition('draft', 'submit', 'fellow')).toEqual({ ok: true, to: 'submitted' })
  expect(transition('submitted', 'return', 'reviewer')).toEqual({ ok: true, to: 'returned' })
  expect(transition('returned', 'submit', 'fellow')).toEqual({ ok: true, to: 'resubmitted' })
  expect(transition('resubmitted', 'return', 'reviewer')).toEqual({ ok: true, to: 'returned' })
  expect(transition('resubmitted', 'accept', 'reviewer')).toEqual({ ok: true, to: 'accepted' })
  expect(transition('submitted', 'accept', 'reviewer')).toEqual({ ok: true, to: 'accepted' })
})

test('every other move is refused, with a reason', () => {
  const allowed = new Set(['draft/submit/fellow', 'returned/submit/fellow', 'submitted/return/reviewer', 'submitted/accept/reviewer', 'resubmitted/return/reviewer', 'resubmitted/accept/reviewer'])
  let refused = 0
  for (const from of SUBMISSION_STATES) {
    for (const action of ['submit', 'return', 'accept'] as SubmissionAction[]) {
      for (const by of ['fellow', 'reviewer'] as const) {
        const result = transition(from, action, by)
        expect(result.ok).toBe(allowed.has(`${from}/${action}/${by}`))
        if (!result.ok) {
          refused++
          expect(result.message.length).toBeGreaterThan(10)
        }
      }
    }
  }
  expect(refused).toBe(5 * 3 * 2 - allowed.size)
  expect(transition('accepted', 'return', 'reviewer')).toEqual({ ok: false, message: 'This has been accepted; it can no longer change.' })
  expect(transition('draft', 'accept', 'fellow')).toEqual({ ok: false, message: 'Only a reviewer can return or accept work.' })
})

test('the fellow edits only drafts and returned work; reviewers act only on work awaiting review', () => {
  expect(SUBMISSION_STATES.filter(isEditable)).toEqual(['draft', 'returned'])
  expect(SUBMISSION_STATES.filter(isAwaitingReview)).toEqual(['submitted', 'resubmitted'])
})
