import { expect, test } from 'vitest'
import { BELIEF_STATUSES, cadence, canMoveBelief, needsSession, SessionSchema } from './coaching'

test('beliefs move one step at a time, forward or back', () => {
  expect(canMoveBelief('surfaced', 'exploring')).toBe(true)
  expect(canMoveBelief('exploring', 'shifting')).toBe(true)
  expect(canMoveBelief('shifting', 'shifted')).toBe(true)
  expect(canMoveBelief('shifted', 'shifting')).toBe(true)
  expect(canMoveBelief('exploring', 'surfaced')).toBe(true)
  expect(canMoveBelief('surfaced', 'shifted')).toBe(false)
  expect(canMoveBelief('surfaced', 'shifting')).toBe(false)
  for (const s of BELIEF_STATUSES) expect(canMoveBelief(s, s)).toBe(false)
})

test('a fellow needs a session after 30 days without one, counted from the pairing if none yet', () => {
  expect(needsSession({ lastSessionOn: '2026-10-24', pairedSince: '2026-09-01', today: '2026-11-22' })).toBe(false)
  expect(needsSession({ lastSessionOn: '2026-10-23', pairedSince: '2026-09-01', today: '2026-11-22' })).toBe(true)
  expect(needsSession({ lastSessionOn: null, pairedSince: '2026-11-01', today: '2026-11-22' })).toBe(false)
  expect(needsSession({ lastSessionOn: null, pairedSince: '2026-09-01', today: '2026-11-22' })).toBe(true)
})

test('cadence is met when this month’s sessions reach the cohort’s expectation', () => {
  expect(cadence(0, 1)).toEqual({ held: 0, expected: 1, met: false })
  expect(cadence(1, 1)).toEqual({ held: 1, expected: 1, met: true })
  expect(cadence(1, 2).met).toBe(false)
})

test('a session needs a date, a length between 5 and 480 minutes and a modality', () => {
  expect(SessionSchema.safeParse({ heldOn: '2026-11-20', minutes: '45', modality: 'video' }).success).toBe(true)
  const bad = SessionSchema.safeParse({ heldOn: 'yesterday', minutes: '2', modality: 'carrier pigeon' })
  expect(bad.success).toBe(false)
  const messages = bad.success ? [] : bad.error.issues.map((i) => i.message)
  expect(messages).toEqual(['Give the date as a calendar date.', 'A session is at least 5 minutes.', 'Choose in person, video or phone.'])
})
