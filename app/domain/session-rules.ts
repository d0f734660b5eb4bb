import type { Role } from './roles'

const DAY_MS = 24 * 60 * 60 * 1000

/** Sessions last 30 days and slide forward once fewer than 15 days remain (Lucia's guide). */
export const SESSION_LIFETIME_MS = 30 * DAY_MS
export const SESSION_RENEW_WITHIN_MS = 15 * DAY_MS

/** Last-seen times are written at most once a minute, so reading a page does not always write. */
export const LAST_SEEN_RESOLUTION_MS = 60 * 1000

export type SessionVerdict = 'expired' | 'idle' | 'renew' | 'touch' | 'valid'

/**
 * A session ends at its expiry, or earlier when unused for longer than the idle limit of the
 * account's role. `renew` slides the expiry (and records the visit); `touch` only records the visit.
 */
export function judgeSession(
  session: { expiresAt: Date; lastSeenAt: Date },
  idleLimitMs: number,
  now: Date,
): SessionVerdict {
  const remaining = session.expiresAt.getTime() - now.getTime()
  if (remaining <= 0) return 'expired'
  const unused = now.getTime() - session.lastSeenAt.getTime()
  if (unused >= idleLimitMs) return 'idle'
  if (remaining < SESSION_RENEW_WITHIN_MS) return 'renew'
  if (unused >= LAST_SEEN_RESOLUTION_MS) return 'touch'
  return 'valid'
}

/** Idle limits in hours, from the environment: one for staff, admins and coaches, one for fellows. */
export function idleLimitMs(role: Role, limits: { staffHours: number; fellowHours: number }) {
  return (role === 'fellow' ? limits.fellowHours : limits.staffHours) * 60 * 60 * 1000
}

/** Staff, admins and coaches hold coaching notes or everyone's records: they must use a second factor. */
export function requiresSecondFactor(role: Role) {
  return role !== 'fellow'
}

/** What is still missing before a session counts as signed in: nothing, the code, or setting one up. */
export type SecondFactorStep = 'none' | 'code' | 'setup'

export function secondFactorStep(user: { role: Role; secondFactorEnabled: boolean }, verified: boolean): SecondFactorStep {
  if (user.secondFactorEnabled) return verified ? 'none' : 'code'
  return requiresSecondFactor(user.role) ? 'setup' : 'none'
}

/** Where the browser goes once the password is right: on to the page, or first to the second factor. */
export function afterPassword(step: SecondFactorStep, destination: string) {
  if (step === 'none') return destination
  const path = step === 'code' ? '/two-factor' : '/two-factor/setup'
  return `${path}?${new URLSearchParams({ redirectTo: destination })}`
}

/** Changing email, password or second factor asks for the password again unless it was given this recently. */
export const REAUTHENTICATION_WINDOW_MS = 10 * 60 * 1000

export function recentlyReauthenticated(reauthenticatedAt: Date | null, now: Date) {
  return reauthenticatedAt !== null && now.getTime() - reauthenticatedAt.getTime() < REAUTHENTICATION_WINDOW_MS
}

export function sessionExpiry(now: Date) {
  return new Date(now.getTime() + SESSION_LIFETIME_MS)
}

export const INVITATION_LIFETIME_MS = 7 * DAY_MS
export const PASSWORD_RESET_LIFETIME_MS = 60 * 60 * 1000

export type TokenVerdict = 'ok' | 'used' | 'expired'

/** A single-use link is good once, before it expires. */
export function judgeSingleUseToken(
  token: { expiresAt: Date; usedAt: Date | null },
  now: Date,
): TokenVerdict {
  if (token.usedAt) return 'used'
  if (token.expiresAt.getTime() <= now.getTime()) return 'expired'
  return 'ok'
}
