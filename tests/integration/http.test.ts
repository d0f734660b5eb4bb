import { expect, test } from 'vitest'
import { makeFellow, makeUser, TEST_PASSWORD } from '../support/academy'
import { serveAppForTests } from '../support/app'
import { signIn } from '../support/client'

const app = serveAppForTests()

test('a POST from a foreign origin is refused with a 403 and changes nothing', async () => {
  const fellow = await makeUser('fellow')
  const client = app.client()
  const foreign = await client.post('/login', { email: fellow.email, password: TEST_PASSWORD }, { origin: 'https://evil.example' })
  expect(foreign.status).toBe(403)
  expect(client.hasSessionCookie()).toBe(false)

  await signIn(client, fellow.email, TEST_PASSWORD)
  const crossSite = await client.post('/logout', {}, { origin: app.url(), 'sec-fetch-site': 'cross-site' })
  expect(crossSite.status).toBe(403)
  expect((await client.get('/home')).status).toBe(200)
})

test('pages carry a CSP whose nonce matches the page’s scripts, and the usual security headers', async () => {
  const response = await app.client().get('/login')
  expect(response.status).toBe(200)
  const csp = response.headers.get('content-security-policy') ?? ''
  const nonce = csp.match(/'nonce-([^']+)'/)?.[1]
  expect(nonce).toBeTruthy()
  expect(csp).toContain("frame-ancestors 'none'")
  expect(csp).toContain("object-src 'none'")
  const html = await response.text()
  // Every script, inline ones included, carries this response's nonce.
  const scriptTags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
  expect(scriptTags.length).toBeGreaterThan(0)
  for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce}"`)
  expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  expect(response.headers.get('referrer-policy')).toBe('same-origin')
  expect(response.headers.get('cache-control')).toBe('no-store')
  expect(response.headers.get('x-powered-by')).toBeNull()
  const second = await app.client().get('/login')
  expect(second.headers.get('content-security-policy')).not.toBe(csp)
})

test('every page has a title, a skip link and a main landmark', async () => {
  const html = await (await app.client().get('/login')).text()
  expect(html).toMatch(/<title>Sign in · SILA Academy<\/title>/)
  expect(html).toContain('href="#main"')
  expect(html).toContain('<main id="main"')
})

test('healthz reports the database and the version as JSON', async () => {
  const response = await app.client().get('/healthz')
  expect(response.status).toBe(200)
  const body = await response.json()
  expect(body.status).toBe('ok')
  expect(body.version).toMatch(/^\d+\.\d+\.\d+/)
  expect(body.database.state).toBe('up')
  expect(['pglite', 'postgres']).toContain(body.database.driver)
})

test('an unknown address gets a plain 404 page', async () => {
  const response = await app.client().get('/no/such/page')
  expect(response.status).toBe(404)
  expect(await response.text()).toContain('We could not find that page')
})

test('an oversized body is refused before it is read', async () => {
  const response = await fetch(new URL('/login', app.url()), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(50 * 1024 * 1024) },
    body: 'email=a',
  }).catch((error: unknown) => error)
  if (response instanceof Response) expect(response.status).toBe(413)
  else expect(response).toBeInstanceOf(Error)
})

test('a post that is not a form (JSON, plain text, no type) gets a 415, never a 500', async () => {
  const fellow = await makeUser('fellow')
  const client = app.client()
  await signIn(client, fellow.email, TEST_PASSWORD)
  for (const [type, body] of [
    ['application/json', '{"intent":"add-indicator","name":"x"}'],
    ['text/plain', 'intent=add-indicator'],
    [null, 'intent=add-indicator'],
  ] as const) {
    const headers: Record<string, string> = type ? { 'content-type': type } : {}
    const response = await client.request('/tools/audits/00000000-0000-0000-0000-000000000000', { method: 'POST', headers, body })
    expect({ type, status: response.status }).toEqual({ type, status: 415 })
  }
  // A form post still goes through (here to a 404: the audit does not exist).
  expect((await client.post('/tools/audits/00000000-0000-0000-0000-000000000000', { intent: 'add-indicator', name: 'x' })).status).toBe(404)
})

test('a broken multipart body gets a 400 from every kind of form, never a 500', async () => {
  const { user } = await makeFellow()
  const client = app.client()
  await signIn(client, user.email, TEST_PASSWORD)
  for (const path of ['/login', '/account', '/notifications', '/tools/audits/new', '/tools/fishbones/new', '/learn/launching-the-academy']) {
    const response = await client.request(path, { method: 'POST', body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nno end', headers: { 'content-type': 'multipart/form-data; boundary=x' } })
    expect({ path, status: response.status }).toEqual({ path, status: 400 })
  }
})
