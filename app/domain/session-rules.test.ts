import { expect, test } from 'vitest'
import {
  judgeSession,
  idleLimitMs,
  judgeSingleUseToken,
  LAST_SEEN_RESOLUTION_MS,
  recentlyReauthenticated,
  requiresSecondFactor,
  secondFactorStep,
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

const IDLE = 12 * 60 * 60 * 1000
const justSeen = { lastSeenAt: now }

test('a session with fifteen or more days left, used within the last minute, is valid as it is', () => {
  expect(judgeSession({ ...justSeen, expiresAt: new Date(now.getTime() + 20 * DAY) }, IDLE, now)).toBe('valid')
  expect(judgeSession({ ...justSeen, expiresAt: new Date(now.getTime() + SESSION_RENEW_WITHIN_MS) }, IDLE, now)).toBe('valid')
})

test('a session with under fifteen days left is renewed', () => {
  expect(judgeSession({ ...justSeen, expiresAt: new Date(now.getTime() + 15 * DAY - 1) }, IDLE, now)).toBe('renew')
  expect(judgeSession({ ...justSeen, expiresAt: new Date(now.getTime() + 1000) }, IDLE, now)).toBe('renew')
})

test('a session at or past its expiry is expired', () => {
  expect(judgeSession({ ...justSeen, expiresAt: now }, IDLE, now)).toBe('expired')
  expect(judgeSession({ ...justSeen, expiresAt: new Date(now.getTime() - 1) }, IDLE, now)).toBe('expired')
})

test('a session unused for the idle limit ends; a visit after a minute is recorded', () => {
  const expiresAt = new Date(now.getTime() + 20 * DAY)
  const seen = (ms: number) => ({ expiresAt, lastSeenAt: new Date(now.getTime() - ms) })
  expect(judgeSession(seen(IDLE), IDLE, now)).toBe('idle')
  expect(judgeSession(seen(IDLE - 1), IDLE, now)).toBe('touch')
  expect(judgeSession(seen(LAST_SEEN_RESOLUTION_MS), IDLE, now)).toBe('touch')
  expect(judgeSession(seen(LAST_SEEN_RESOLUTION_MS - 1), IDLE, now)).toBe('valid')
})

test('the idle limit is the staff one for every role but fellows', () => {
  const limits = { staffHours: 12, fellowHours: 168 }
  expect(idleLimitMs('coach', limits)).toBe(12 * 60 * 60 * 1000)
  expect(idleLimitMs('staff', limits)).toBe(12 * 60 * 60 * 1000)
  expect(idleLimitMs('admin', limits)).toBe(12 * 60 * 60 * 1000)
  expect(idleLimitMs('fellow', limits)).toBe(168 * 60 * 60 * 1000)
})

test('everyone but fellows needs a second factor', () => {
  expect(requiresSecondFactor('fellow')).toBe(false)
  expect(requiresSecondFactor('coach')).toBe(true)
  expect(requiresSecondFactor('staff')).toBe(true)
  expect(requiresSecondFactor('admin')).toBe(true)
})

test('a session needs the code when a second factor is set up, and a set-up when the role requires one', () => {
  expect(secondFactorStep({ role: 'fellow', secondFactorEnabled: false }, false)).toBe('none')
  expect(secondFactorStep({ role: 'fellow', secondFactorEnabled: true }, false)).toBe('code')
  expect(secondFactorStep({ role: 'fellow', secondFactorEnabled: true }, true)).toBe('none')
  expect(secondFactorStep({ role: 'coach', secondFactorEnabled: false }, false)).toBe('setup')
  expect(secondFactorStep({ role: 'coach', secondFactorEnabled: false }, true)).toBe('setup')
  expect(secondFactorStep({ role: 'staff', secondFactorEnabled: true }, false)).toBe('code')
  expect(secondFactorStep({ role: 'admin', secondFactorEnabled: true }, true)).toBe('none')
})

test('re-authentication counts for ten minutes', () => {
  expect(recentlyReauthenticated(null, now)).toBe(false)
  expect(recentlyReauthenticated(new Date(now.getTime() - 9 * 60 * 1000), now)).toBe(true)
  expect(recentlyReauthenticated(new Date(now.getTime() - 10 * 60 * 1000), now)).toBe(false)
})

test('a single-use link works once and only before it expires', () => {
  const later = new Date(now.getTime() + 1000)
  expect(judgeSingleUseToken({ expiresAt: later, usedAt: null }, now)).toBe('ok')
  expect(judgeSingleUseToken({ expiresAt: later, usedAt: now }, now)).toBe('used')
  expect(judgeSingleUseToken({ expiresAt: now, usedAt: null }, now)).toBe('expired')
})
