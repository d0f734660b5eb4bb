import { decodeBase32IgnorePadding, decodeBase64, encodeBase32NoPadding } from '@oslojs/encoding'
import { eq } from 'drizzle-orm'
import { totpCodeAt, totpStep } from '../../app/domain/totp'
import { db } from '../../db/client.server'
import { users } from '../../db/schema'
import { nextTotpCode, TEST_TOTP_KEY } from './totp'

/**
 * A browser stand-in for integration tests: keeps cookies, sends same-origin headers on posts
 * (as a browser on the site would), and never follows redirects so tests can assert on them.
 */
export class TestClient {
  private cookies = new Map<string, string>()

  constructor(readonly baseUrl: string) {}

  async request(path: string, init: RequestInit & { form?: Record<string, string> } = {}) {
    const headers = new Headers(init.headers)
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    if (cookie) headers.set('cookie', cookie)
    let body = init.body
    const method = init.method ?? (init.form ? 'POST' : 'GET')
    if (init.form) {
      body = new URLSearchParams(init.form)
      headers.set('content-type', 'application/x-www-form-urlencoded')
    }
    if (method !== 'GET' && !headers.has('origin')) headers.set('origin', this.baseUrl)
    const response = await fetch(new URL(path, this.baseUrl), { ...init, method, headers, body, redirect: 'manual' })
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';')
      const eq = pair.indexOf('=')
      const name = pair.slice(0, eq).trim()
      const value = pair.slice(eq + 1).trim()
      const expired = attributes.some((a) => /max-age=0\b/i.test(a.trim())) || value === ''
      if (expired) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
    return response
  }

  get(path: string) {
    return this.request(path)
  }

  post(path: string, form: Record<string, string>, headers?: HeadersInit) {
    return this.request(path, { form, headers })
  }

  hasSessionCookie() {
    return this.cookies.has('sila_session')
  }

  /** The raw session cookie, to replay it after sign-out. */
  sessionCookie() {
    return this.cookies.get('sila_session') ?? null
  }

  setSessionCookie(value: string) {
    this.cookies.set('sila_session', value)
  }
}

export function location(response: Response) {
  return response.headers.get('location')
}

/**
 * Signs in through the real forms: the password, then, when the app asks for it, a code from
 * TEST_TOTP_KEY. Returns the last response (a redirect to the page on success).
 */
export async function signIn(client: TestClient, email: string, password: string, redirectTo?: string) {
  const response = await client.post('/login', { email, password, ...(redirectTo ? { redirectTo } : {}) })
  const next = location(response)
  if (response.status !== 302 || !next?.startsWith('/two-factor?')) return response
  const destination = new URL(next, client.baseUrl).searchParams.get('redirectTo') ?? ''
  // A code works once, and tests sign the same person in many times within 30 seconds: rather than
  // wait for the clock, forget the step last used. second-factor.test.ts checks replays are refused.
  await db.update(users).set({ totpLastStep: null }).where(eq(users.email, email.toLowerCase()))
  return client.post('/two-factor', { intent: 'code', code: totpCodeAt(decodeBase32IgnorePadding(TEST_TOTP_KEY), totpStep(new Date())), redirectTo: destination })
}

/**
 * Sets up a second factor through the set-up page, as a person scanning its code would: reads the
 * key the page offers and answers with its current code. Returns the response and the key.
 */
export async function setUpSecondFactor(client: TestClient, account: string, redirectTo = '') {
  const page = await client.get(`/two-factor/setup${redirectTo ? `?${new URLSearchParams({ redirectTo })}` : ''}`)
  const html = await page.text()
  const key = /name="key" value="([^"]+)"/.exec(html)?.[1]
  if (!key) throw new Error(`No key on the set-up page (status ${page.status})`)
  const base32 = encodeBase32NoPadding(decodeBase64(key))
  const response = await client.post('/two-factor/setup', { key, code: await nextTotpCode(account, base32), redirectTo })
  return { response, key: base32 }
}

/** The text a reader sees: tags and React's text-joining comments removed, spaces collapsed. */
export async function pageText(response: Response) {
  const html = await response.text()
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
}
