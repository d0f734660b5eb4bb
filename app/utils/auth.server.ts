import { redirect } from '@remix-run/node'
import type { Role } from '~/domain/roles'
import { homePathFor } from '~/domain/roles'
import { validateSession, type SessionUser } from './session.server'

export type { SessionUser }

/**
 * The signed-in user, or null. When a GET renews the session (sliding expiry) the renewed cookie
 * goes out on a redirect to the same URL; other methods wait for the next page load.
 */
export async function getUser(request: Request) {
  const { user, setCookie } = await validateSession(request)
  if (user && setCookie) sendRenewedCookie(request, setCookie)
  return user
}

/** The signed-in user; anyone else goes to sign in, and a dead session's cookie is cleared. */
export async function requireUser(request: Request) {
  const { user, setCookie } = await validateSession(request)
  if (!user) {
    const url = new URL(request.url)
    const redirectTo = url.pathname + url.search
    throw redirect(`/login?${new URLSearchParams({ redirectTo })}`, {
      headers: setCookie ? { 'Set-Cookie': setCookie } : undefined,
    })
  }
  if (setCookie) sendRenewedCookie(request, setCookie)
  return user
}

function sendRenewedCookie(request: Request, setCookie: string) {
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  throw redirect(url.pathname + url.search, { headers: { 'Set-Cookie': setCookie } })
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
