import { redirect } from '@remix-run/node'
import type { Role } from '~/domain/roles'
import { homePathFor } from '~/domain/roles'
import { recentlyReauthenticated, secondFactorStep } from '~/domain/session-rules'
import { validateSession, type CurrentSession, type SessionUser } from './session.server'

export type { CurrentSession, SessionUser }

function here(request: Request) {
  const url = new URL(request.url)
  return url.pathname + url.search
}

function withRedirectTo(path: string, request: Request) {
  return `${path}?${new URLSearchParams({ redirectTo: here(request) })}`
}

/**
 * The signed-in user, or null; a session still waiting for its second factor is not signed in.
 * When a GET renews the session (sliding expiry) the renewed cookie goes out on a redirect to the
 * same URL; other methods wait for the next page load.
 */
export async function getUser(request: Request) {
  const { user, session, setCookie } = await validateSession(request)
  if (!user || !session || secondFactorStep(user, session.secondFactorVerified) !== 'none') return null
  if (setCookie) sendRenewedCookie(request, setCookie)
  return user
}

/** A session of any kind, even one between password and code: for the second-factor pages only. */
export async function requireSession(request: Request) {
  const { user, session, setCookie } = await validateSession(request)
  if (!user || !session) {
    throw redirect(withRedirectTo('/login', request), { headers: setCookie ? { 'Set-Cookie': setCookie } : undefined })
  }
  if (setCookie) sendRenewedCookie(request, setCookie)
  return { user, session }
}

/**
 * The signed-in user and their session. Anyone else goes to sign in (a dead session's cookie is
 * cleared); someone who has given the password but not the code goes to give the code, or to set up
 * the second factor their role requires.
 */
export async function requireUserSession(request: Request) {
  const { user, session } = await requireSession(request)
  const step = secondFactorStep(user, session.secondFactorVerified)
  if (step === 'code') throw redirect(withRedirectTo('/two-factor', request))
  if (step === 'setup') throw redirect(withRedirectTo('/two-factor/setup', request))
  return { user, session }
}

export async function requireUser(request: Request) {
  return (await requireUserSession(request)).user
}

/** For changes to email, password or second factor: the password was asked again in the last ten minutes. */
export async function requireRecentAuthentication(request: Request) {
  const signedIn = await requireUserSession(request)
  if (!recentlyReauthenticated(signedIn.session.reauthenticatedAt, new Date())) {
    throw redirect(withRedirectTo('/account/confirm', request))
  }
  return signedIn
}

function sendRenewedCookie(request: Request, setCookie: string) {
  if (request.method !== 'GET') return
  throw redirect(here(request), { headers: { 'Set-Cookie': setCookie } })
}

/** Refuses with a 403 that names nothing; the UI only hides what this refuses. */
export async function requireRole(request: Request, ...roles: Role[]) {
  const user = await requireUser(request)
  if (!roles.includes(user.role)) throw forbidden()
  return user
}

export async function requireAnonymous(request: Request) {
  const user = await getUser(request)
  if (user) throw redirect(homePathFor(user.role))
}

export function forbidden() {
  return new Response('Forbidden', { status: 403 })
}

/** Only same-site paths, so a crafted link cannot send someone elsewhere after sign-in. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback: string) {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) {
    return fallback
  }
  return to
}
