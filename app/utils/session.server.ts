import { createCookie } from '@remix-run/node'
import {
  idleLimitMs,
  judgeSession,
  sessionExpiry,
  SESSION_LIFETIME_MS,
} from '~/domain/session-rules'
import {
  deleteSession,
  getSessionWithUser,
  insertSession,
  touchSession,
} from '~/models/session.server'
import { getEnv, servedOverHttps } from './env.server'
import { clientAddress, userAgent } from './request.server'
import { generateToken, hashToken } from './token.server'

/** `__Host-` binds the cookie to this exact origin when the app is served over HTTPS. */
function sessionCookie() {
  return createCookie(servedOverHttps() ? '__Host-sila_session' : 'sila_session', {
    httpOnly: true,
    sameSite: 'lax',
    secure: true,
    path: '/',
    maxAge: SESSION_LIFETIME_MS / 1000,
  })
}

/**
 * Starts a session after the password. It counts as signed in only once the second factor is
 * given too, for accounts that have one or must have one (see secondFactorStep in session-rules).
 */
export async function createUserSession(
  request: Request,
  userId: string,
  { secondFactorVerified, reauthenticated = false }: { secondFactorVerified: boolean; reauthenticated?: boolean },
) {
  const token = generateToken()
  const now = new Date()
  const expiresAt = sessionExpiry(now)
  await insertSession({
    id: hashToken(token),
    userId,
    expiresAt,
    ipAddress: clientAddress(request),
    userAgent: userAgent(request),
    secondFactorVerified,
    reauthenticatedAt: reauthenticated ? now : null,
  })
  return sessionCookie().serialize(token, { expires: expiresAt })
}

async function readToken(request: Request) {
  const value: unknown = await sessionCookie().parse(request.headers.get('cookie'))
  return typeof value === 'string' && /^[a-z2-7]{32}$/.test(value) ? value : null
}

type SessionRow = NonNullable<Awaited<ReturnType<typeof getSessionWithUser>>>
export type SessionUser = SessionRow['user']
export type CurrentSession = SessionRow['session']

/**
 * Validates the request's session: ended at expiry or when idle past the role's limit. Returns the
 * user and session, and a Set-Cookie header when the session was renewed (sliding expiry) or has to
 * be cleared.
 */
export async function validateSession(
  request: Request,
): Promise<{ user: SessionUser | null; session: CurrentSession | null; setCookie: string | null }> {
  const token = await readToken(request)
  if (!token) return { user: null, session: null, setCookie: null }
  const id = hashToken(token)
  const row = await getSessionWithUser({ id })
  if (!row) return { user: null, session: null, setCookie: await clearSessionCookie() }
  const now = new Date()
  const env = getEnv()
  const limit = idleLimitMs(row.user.role, { staffHours: env.SESSION_IDLE_HOURS, fellowHours: env.SESSION_IDLE_HOURS_FELLOW })
  const verdict = judgeSession(row.session, limit, now)
  if (verdict === 'expired' || verdict === 'idle' || row.user.status !== 'active') {
    await deleteSession({ id })
    return { user: null, session: null, setCookie: await clearSessionCookie() }
  }
  if (verdict === 'renew') {
    const expiresAt = sessionExpiry(now)
    await touchSession({ id, lastSeenAt: now, expiresAt })
    return { ...row, setCookie: await sessionCookie().serialize(token, { expires: expiresAt }) }
  }
  if (verdict === 'touch') await touchSession({ id, lastSeenAt: now })
  return { ...row, setCookie: null }
}

/** Ends the request's session in the database and returns the header that clears the cookie. */
export async function endSession(request: Request) {
  const token = await readToken(request)
  if (token) await deleteSession({ id: hashToken(token) })
  return clearSessionCookie()
}

export function clearSessionCookie() {
  return sessionCookie().serialize('', { maxAge: 0, expires: new Date(0) })
}
