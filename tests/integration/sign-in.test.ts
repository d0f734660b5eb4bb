import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { db } from '../../db/client.server'
import { auditLog, sessions, users } from '../../db/schema'
import { makeUser, TEST_PASSWORD } from '../support/academy'
import { serveAppForTests } from '../support/app'
import { location, signIn } from '../support/client'

const app = serveAppForTests()

test('signing in with the right password starts a session and lands on the role’s home', async () => {
  // A fellow without a second factor: the password alone signs them in (coaches: second-factor.test.ts).
  const coach = await makeUser('fellow')
  const client = app.client()
  const response = await signIn(client, coach.email, TEST_PASSWORD)
  expect(response.status).toBe(302)
  expect(location(response)).toBe('/home')
  const setCookie = response.headers.get('set-cookie') ?? ''
  expect(setCookie).toMatch(/HttpOnly/i)
  expect(setCookie).toMatch(/SameSite=Lax/i)
  expect(setCookie).toMatch(/Secure/i)
  const stored = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, coach.id))
  expect(stored).toHaveLength(1)
  // Only the hash is stored: the cookie's token is not the row's id.
  expect(decodeURIComponent(client.sessionCookie() ?? '')).not.toContain(stored[0].id)
  const home = await client.get('/home')
  expect(home.status).toBe(200)
  const audit = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.actorId, coach.id))
  expect(audit.map((a) => a.action)).toContain('sign_in.succeeded')
})

test('a wrong password and an unknown email get the same plain message and no session', async () => {
  const fellow = await makeUser('fellow')
  const client = app.client()
  const wrong = await signIn(client, fellow.email, 'not the password')
  const unknown = await signIn(client, 'nobody@example.test', 'not the password')
  expect(wrong.status).toBe(400)
  expect(unknown.status).toBe(400)
  const message = 'That email and password do not match an active account.'
  expect(await wrong.text()).toContain(message)
  expect(await unknown.text()).toContain(message)
  expect(client.hasSessionCookie()).toBe(false)
})

test('bad input on the sign-in form gets field messages, not an error page', async () => {
  const client = app.client()
  const response = await client.post('/login', { email: 'not an email', password: '' })
  expect(response.status).toBe(400)
  const html = await response.text()
  expect(html).toContain('Enter an email address like name@district.org.')
  expect(html).toContain('Enter your password.')
  const oversized = await client.post('/login', { email: 'a@b.test', password: 'x'.repeat(5000) })
  expect(oversized.status).toBe(400)
})

test('after five failures an account waits, even for the right password', async () => {
  const staff = await makeUser('staff')
  const client = app.client()
  for (let i = 0; i < 5; i++) expect((await signIn(client, staff.email, `wrong ${i}`)).status).toBe(400)
  const [row] = await db.select({ failedSignIns: users.failedSignIns, lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, staff.id))
  expect(row.failedSignIns).toBe(5)
  expect(row.lockedUntil).not.toBeNull()
  const locked = await signIn(client, staff.email, TEST_PASSWORD)
  expect(locked.status).toBe(429)
  expect(await locked.text()).toContain('Too many failed attempts for this account')
  expect(client.hasSessionCookie()).toBe(false)

  // Once the wait is over the right password works again and the count resets.
  await db.update(users).set({ lockedUntil: new Date(Date.now() - 1000) }).where(eq(users.id, staff.id))
  expect((await signIn(client, staff.email, TEST_PASSWORD)).status).toBe(302)
  const [after] = await db.select({ failedSignIns: users.failedSignIns }).from(users).where(eq(users.id, staff.id))
  expect(after.failedSignIns).toBe(0)
})

test('invited and deactivated accounts cannot sign in', async () => {
  const invited = await makeUser('fellow', { status: 'invited' })
  const deactivated = await makeUser('fellow', { status: 'deactivated' })
  const client = app.client()
  expect((await signIn(client, invited.email, TEST_PASSWORD)).status).toBe(400)
  expect((await signIn(client, deactivated.email, TEST_PASSWORD)).status).toBe(400)
})

test('sign-in only redirects to paths on this site', async () => {
  const fellow = await makeUser('fellow')
  const client = app.client()
  const response = await client.post('/login', { email: fellow.email, password: TEST_PASSWORD, redirectTo: '//evil.example/x' })
  expect(location(response)).toBe('/home')
})
