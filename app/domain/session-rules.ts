const DAY_MS = 24 * 60 * 60 * 1000

/** Sessions last 30 days and slide forward once fewer than 15 days remain (Lucia's guide). */
export const SESSION_LIFETIME_MS = 30 * DAY_MS
export const SESSION_RENEW_WITHIN_MS = 15 * DAY_MS

export type SessionVerdict = 'expired' | 'renew' | 'valid'

export function judgeSession(expiresAt: Date, now: Date): SessionVerdict {
  const remaining = expiresAt.getTime() - now.getTime()
  if (remaining <= 0) return 'expired'
  if (remaining < SESSION_RENEW_WITHIN_MS) return 'renew'
  return 'valid'
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
