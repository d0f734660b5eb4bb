import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { db } from '../../db/client.server'
import { sessions, users } from '../../db/schema'
import { makeUser, TEST_PASSWORD } from '../support/academy'
import { serveAppForTests } from '../support/app'
import { location, signIn } from '../support/client'

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

  const wrong = await laptop.post('/account', { intent: 'password', currentPassword: 'not it', password: 'a different long password', confirm: 'a different long password' })
  expect(wrong.status).toBe(400)
  expect(await wrong.text()).toContain('That is not your current password.')

  const changed = await laptop.post('/account', { intent: 'password', currentPassword: TEST_PASSWORD, password: 'a different long password', confirm: 'a different long password' })
  expect(changed.status).toBe(302)
  expect(location(changed)).toBe('/account?saved=password')
  expect(await (await laptop.get('/account?saved=password')).text()).toContain('Your new password is saved.')
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
