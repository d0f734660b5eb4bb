import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { db } from '../../db/client.server'
import { authTokens, outbox, sessions } from '../../db/schema'
import { latestMessageTo } from '../../app/models/outbox.server'
import { makeUser, TEST_PASSWORD } from '../support/academy'
import { serveAppForTests } from '../support/app'
import { location, signIn } from '../support/client'

const app = serveAppForTests()

async function resetPath(email: string) {
  const message = await latestMessageTo({ toAddress: email })
  const match = message?.body.match(/https?:\/\/[^\s]+(\/reset-password\/[a-z2-7]+)/)
  if (!match) throw new Error(`No reset link in the outbox for ${email}`)
  return match[1]
}

test('a fellow resets a forgotten password; the old password and every old session stop working', async () => {
  const fellow = await makeUser('fellow')
  const laptop = app.client()
  await signIn(laptop, fellow.email, TEST_PASSWORD)
  expect((await laptop.get('/home')).status).toBe(200)

  const asked = await app.client().post('/forgot-password', { email: fellow.email })
  expect(asked.status).toBe(200)
  expect(await asked.text()).toContain('If that email belongs to an account, a reset link is on its way.')
  const path = await resetPath(fellow.email)

  const browser = app.client()
  expect((await browser.get(path)).status).toBe(200)
  const done = await browser.post(path, { password: 'my brand new password', confirm: 'my brand new password' })
  expect(done.status).toBe(302)
  expect(location(done)).toBe('/login?reset=1')

  expect(await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, fellow.id))).toHaveLength(0)
  expect(location(await laptop.get('/home'))).toMatch(/^\/login/)
  expect((await signIn(app.client(), fellow.email, TEST_PASSWORD)).status).toBe(400)
  expect((await signIn(app.client(), fellow.email, 'my brand new password')).status).toBe(302)
  // The link is spent.
  expect((await browser.post(path, { password: 'yet another password', confirm: 'yet another password' })).status).toBe(410)
})

test('a reset link expires after an hour', async () => {
  const coach = await makeUser('coach')
  await app.client().post('/forgot-password', { email: coach.email })
  const path = await resetPath(coach.email)
  await db.update(authTokens).set({ expiresAt: new Date(Date.now() - 1) }).where(eq(authTokens.userId, coach.id))
  const response = await app.client().post(path, { password: 'a new long password', confirm: 'a new long password' })
  expect(response.status).toBe(410)
  expect(await response.text()).toContain('This link has expired.')
  expect((await signIn(app.client(), coach.email, TEST_PASSWORD)).status).toBe(302)
})

test('asking twice keeps only the newest link alive', async () => {
  const staff = await makeUser('staff')
  await app.client().post('/forgot-password', { email: staff.email })
  const first = await resetPath(staff.email)
  await app.client().post('/forgot-password', { email: staff.email })
  const second = await resetPath(staff.email)
  expect(first).not.toBe(second)
  expect((await app.client().get(first)).status).toBe(410)
  expect((await app.client().get(second)).status).toBe(200)
})

test('an unknown email gets the same answer and no message is sent', async () => {
  const before = (await db.select({ id: outbox.id }).from(outbox)).length
  const response = await app.client().post('/forgot-password', { email: 'ghost@example.test' })
  expect(response.status).toBe(200)
  expect(await response.text()).toContain('If that email belongs to an account')
  expect((await db.select({ id: outbox.id }).from(outbox)).length).toBe(before)
})

test('a malformed email gets a clear message', async () => {
  const response = await app.client().post('/forgot-password', { email: 'at-sign-missing' })
  expect(response.status).toBe(400)
  expect(await response.text()).toContain('Enter an email address like name@district.org.')
})
