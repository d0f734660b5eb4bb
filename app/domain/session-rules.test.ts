import { expect, test } from 'vitest'
import {
  judgeSession,
  judgeSingleUseToken,
  SESSION_LIFETIME_MS,
  SESSION_RENEW_WITHIN_MS,
  sessionExpiry,
} from './session-rules'

const DAY = 24 * 60 * 60 * 1000
const now = new Date('2026-11-22T12:00:00Z')

test('a new session lasts thirty days', () => {
  expect(sessionExpiry(now).getTime() - now.getTime()).toBe(30 * DAY)
  expect(SESSION_LIFETIME_MS).toBe(30 * DAY)
})

test('a session with fifteen or more days left is valid as it is', () => {
  expect(judgeSession(new Date(now.getTime() + 20 * DAY), now)).toBe('valid')
  expect(judgeSession(new Date(now.getTime() + SESSION_RENEW_WITHIN_MS), now)).toBe('valid')
})

test('a session with under fifteen days left is renewed', () => {
  expect(judgeSession(new Date(now.getTime() + 15 * DAY - 1), now)).toBe('renew')
  expect(judgeSession(new Date(now.getTime() + 1000), now)).toBe('renew')
})

test('a session at or past its expiry is expired', () => {
  expect(judgeSession(now, now)).toBe('expired')
  expect(judgeSession(new Date(now.getTime() - 1), now)).toBe('expired')
})

test('a single-use link works once and only before it expires', () => {
  const later = new Date(now.getTime() + 1000)
  expect(judgeSingleUseToken({ expiresAt: later, usedAt: null }, now)).toBe('ok')
  expect(judgeSingleUseToken({ expiresAt: later, usedAt: now }, now)).toBe('used')
  expect(judgeSingleUseToken({ expiresAt: now, usedAt: null }, now)).toBe('expired')
})
