import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { db } from '../../db/client.server'
import { sessions, users } from '../../db/schema'
import { makeUser, TEST_PASSWORD } from '../support/academy'
import { serveAppForTests } from '../support/app'
import { location, pageText, signIn } from '../support/client'

const app = serveAppForTests()

const DAY = 24 * 60 * 60 * 1000

async function sessionRows(userId: string) {
  return db.select({ id: sessions.id, expiresAt: sessions.expiresAt }).from(sessions).where(eq(sessions.userId, userId))
}

test('signing out deletes the session, so a copied cookie stops working', async () => {
  const fellow = await makeUser('fellow')
  const client = app.client()
  await signIn(client, fellow.email, TEST_PASSWORD)
  const stolen = client.sessionCookie()
  expect(stolen).not.toBeNull()
  expect(await sessionRows(fellow.id)).toHaveLength(1)

  const out = await client.post('/logout', {})
  expect(out.status).toBe(302)
  expect(location(out)).toBe('/login')
  expect(client.hasSessionCookie()).toBe(false)
  expect(await sessionRows(fellow.id)).toHaveLength(0)

  const replay = app.client()
  replay.setSessionCookie(stolen ?? '')
  const response = await replay.get('/home')
  expect(response.status).toBe(302)
  expect(location(response)).toMatch(/^\/login\?redirectTo=%2Fhome/)
})

test('a session is renewed for thirty days once fewer than fifteen remain', async () => {
  const coach = await makeUser('coach')
  const client = app.client()
  await signIn(client, coach.email, TEST_PASSWORD)
  const [row] = await sessionRows(coach.id)
  expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * DAY)

  await db.update(sessions).set({ expiresAt: new Date(Date.now() + 20 * DAY) }).where(eq(sessions.id, row.id))
  expect((await client.get('/caseload')).status).toBe(200)
  const [untouched] = await sessionRows(coach.id)
  expect(untouched.expiresAt.getTime() - Date.now()).toBeLessThan(21 * DAY)

  await db.update(sessions).set({ expiresAt: new Date(Date.now() + 10 * DAY) }).where(eq(sessions.id, row.id))
  const renewing = await client.get('/caseload')
  expect(renewing.status).toBe(302)
  expect(location(renewing)).toBe('/caseload')
  expect(renewing.headers.get('set-cookie')).toMatch(/sila_session=/)
  const [renewed] = await sessionRows(coach.id)
  expect(renewed.expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * DAY)
  expect((await client.get('/caseload')).status).toBe(200)
})

test('an expired session is deleted and its holder sent to sign in', async () => {
  const staff = await makeUser('staff')
  const client = app.client()
  await signIn(client, staff.email, TEST_PASSWORD)
  const [row] = await sessionRows(staff.id)
  await db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.id, row.id))
  const response = await client.get('/staff')
  expect(response.status).toBe(302)
  expect(location(response)).toMatch(/^\/login/)
  expect(await sessionRows(staff.id)).toHaveLength(0)
})

test('changing the password ends every other session and keeps this one signed in', async () => {
  const admin = await makeUser('admin')
  const laptop = app.client()
  const phone = app.client()
  await signIn(laptop, admin.email, TEST_PASSWORD)
  await signIn(phone, admin.email, TEST_PASSWORD)
  expect(await sessionRows(admin.id)).toHaveLength(2)

  // Signed in moments ago, so the password counts as just given: no need to confirm again.
  const mismatch = await laptop.post('/account/security', { intent: 'password', password: 'a different long password', confirm: 'not the same' })
  expect(mismatch.status).toBe(400)
  expect(await mismatch.text()).toContain('The two passwords do not match.')

  const changed = await laptop.post('/account/security', { intent: 'password', password: 'a different long password', confirm: 'a different long password' })
  expect(changed.status).toBe(302)
  expect(location(changed)).toBe('/account/security?saved=password')
  expect(await (await laptop.get('/account/security?saved=password')).text()).toContain('Your new password is saved.')
  expect(await sessionRows(admin.id)).toHaveLength(1)
  expect((await laptop.get('/admin')).status).toBe(200)
  expect(location(await phone.get('/admin'))).toMatch(/^\/login/)
})

test('a deactivated account’s sessions stop working at once', async () => {
  const fellow = await makeUser('fellow')
  const client = app.client()
  await signIn(client, fellow.email, TEST_PASSWORD)
  await db.update(users).set({ status: 'deactivated' }).where(eq(users.id, fellow.id))
  expect(location(await client.get('/home'))).toMatch(/^\/login/)
  expect(await sessionRows(fellow.id)).toHaveLength(0)
})

test('a staff session ends after 12 idle hours, a fellow’s only after 7 days; visits are recorded once a minute', async () => {
  const staff = await makeUser('staff')
  const fellow = await makeUser('fellow')
  const staffClient = app.client()
  const fellowClient = app.client()
  await signIn(staffClient, staff.email, TEST_PASSWORD)
  await signIn(fellowClient, fellow.email, TEST_PASSWORD)
  const idleFor = (userId: string, ms: number) =>
    db.update(sessions).set({ lastSeenAt: new Date(Date.now() - ms) }).where(eq(sessions.userId, userId))

  await idleFor(staff.id, 11 * 60 * 60 * 1000)
  expect((await staffClient.get('/staff')).status).toBe(200)
  const [touched] = await db.select({ lastSeenAt: sessions.lastSeenAt }).from(sessions).where(eq(sessions.userId, staff.id))
  expect(Date.now() - touched.lastSeenAt.getTime()).toBeLessThan(60 * 1000)

  await idleFor(staff.id, 12 * 60 * 60 * 1000 + 1000)
  expect(location(await staffClient.get('/staff'))).toMatch(/^\/login/)
  expect(await sessionRows(staff.id)).toHaveLength(0)

  await idleFor(fellow.id, 13 * 60 * 60 * 1000)
  expect((await fellowClient.get('/home')).status).toBe(200)
  await idleFor(fellow.id, 7 * DAY + 1000)
  expect(location(await fellowClient.get('/home'))).toMatch(/^\/login/)
  expect(await sessionRows(fellow.id)).toHaveLength(0)
})

test('people see where they are signed in and end any of their sessions, never someone else’s', async () => {
  const coach = await makeUser('coach')
  const other = await makeUser('fellow')
  const laptop = app.client()
  const phone = app.client()
  const tablet = app.client()
  const stranger = app.client()
  await signIn(laptop, coach.email, TEST_PASSWORD)
  await phone.request('/login', { form: { email: coach.email, password: TEST_PASSWORD }, headers: { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1' } })
  await signIn(tablet, coach.email, TEST_PASSWORD)
  await signIn(stranger, other.email, TEST_PASSWORD)

  const page = await pageText(await laptop.get('/account/sessions'))
  expect(page).toContain('(this browser)')
  expect(page).toContain('Safari on iOS')
  expect(page).toContain('(password given, code not yet)')
  expect(page).toContain('Sign out everywhere else (2)')

  const rows = await db.select({ id: sessions.id, userAgent: sessions.userAgent }).from(sessions).where(eq(sessions.userId, coach.id))
  const phoneSession = rows.find((r) => r.userAgent?.includes('iPhone'))
  const [strangerSession] = await sessionRows(other.id)
  // Someone else's session id ends nothing.
  const foreign = await laptop.post('/account/sessions', { intent: 'end', session: strangerSession.id })
  expect(foreign.status).toBe(404)
  expect(await sessionRows(other.id)).toHaveLength(1)
  expect((await laptop.post('/account/sessions', { intent: 'end', session: 'not-an-id' })).status).toBe(400)

  expect(location(await laptop.post('/account/sessions', { intent: 'end', session: phoneSession?.id ?? '' }))).toBe('/account/sessions?ended=1')
  expect(await sessionRows(coach.id)).toHaveLength(2)
  expect(location(await laptop.post('/account/sessions', { intent: 'end-others' }))).toBe('/account/sessions?ended=1')
  expect(await sessionRows(coach.id)).toHaveLength(1)
  expect(location(await tablet.get('/caseload'))).toMatch(/^\/login/)
  expect((await laptop.get('/caseload')).status).toBe(200)
})
