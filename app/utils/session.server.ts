import { createCookie } from '@remix-run/node'
import { judgeSession, sessionExpiry, SESSION_LIFETIME_MS } from '~/domain/session-rules'
import {
  deleteSession,
  extendSession,
  getSessionWithUser,
  insertSession,
} from '~/models/session.server'
import { servedOverHttps } from './env.server'
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

export async function createUserSession(request: Request, userId: string) {
  const token = generateToken()
  const expiresAt = sessionExpiry(new Date())
  await insertSession({
    id: hashToken(token),
    userId,
    expiresAt,
    ipAddress: clientAddress(request),
    userAgent: userAgent(request),
  })
  return sessionCookie().serialize(token, { expires: expiresAt })
}

async function readToken(request: Request) {
  const value: unknown = await sessionCookie().parse(request.headers.get('cookie'))
  return typeof value === 'string' && /^[a-z2-7]{32}$/.test(value) ? value : null
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof getSessionWithUser>>>['user']

/**
 * Validates the request's session. Returns the user, and a Set-Cookie header when the session was
 * renewed (sliding expiry) or has to be cleared.
 */
export async function validateSession(
  request: Request,
): Promise<{ user: SessionUser | null; setCookie: string | null }> {
  const token = await readToken(request)
  if (!token) return { user: null, setCookie: null }
  const id = hashToken(token)
  const row = await getSessionWithUser({ id })
  if (!row) return { user: null, setCookie: await clearSessionCookie() }
  const now = new Date()
  const verdict = judgeSession(row.expiresAt, now)
  if (verdict === 'expired' || row.user.status !== 'active') {
    await deleteSession({ id })
    return { user: null, setCookie: await clearSessionCookie() }
  }
  if (verdict === 'renew') {
    const expiresAt = sessionExpiry(now)
    await extendSession({ id, expiresAt })
    return { user: row.user, setCookie: await sessionCookie().serialize(token, { expires: expiresAt }) }
  }
  return { user: row.user, setCookie: null }
}

/** Ends the request's session in the database and returns the header that clears the cookie. */
export async function endSession(request: Request) {
  const token = await readToken(request)
  if (token) await deleteSession({ id: hashToken(token) })
  return clearSessionCookie()
}

function clearSessionCookie() {
  return sessionCookie().serialize('', { maxAge: 0, expires: new Date(0) })
}
