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

/** Signs in through the real form; returns the response (a redirect on success). */
export async function signIn(client: TestClient, email: string, password: string) {
  return client.post('/login', { email, password })
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
