import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { db } from '../../db/client.server'
import { authTokens, users } from '../../db/schema'
import { latestMessageTo } from '../../app/models/outbox.server'
import { makeUser, TEST_PASSWORD } from '../support/academy'
import { serveAppForTests } from '../support/app'
import { location, setUpSecondFactor, signIn } from '../support/client'

const app = serveAppForTests()

async function staffClient() {
  const staff = await makeUser('staff')
  const client = app.client()
  await signIn(client, staff.email, TEST_PASSWORD)
  return { staff, client }
}

async function invitationPath(email: string) {
  const message = await latestMessageTo({ toAddress: email })
  const match = message?.body.match(/https?:\/\/[^\s]+(\/invitations\/[a-z2-7]+)/)
  if (!match) throw new Error(`No invitation link in the outbox for ${email}`)
  return match[1]
}

test('staff invite a coach, the link lands in the outbox, and the invitee sets a password and is signed in', async () => {
  const { client } = await staffClient()
  const response = await client.post('/staff/invite', { name: 'Nia Okoro', email: 'Nia.Okoro@Example.test', role: 'coach' })
  expect(response.status).toBe(200)
  expect(await response.text()).toContain('Invitation sent to')
  const [invited] = await db.select({ status: users.status, role: users.role, passwordHash: users.passwordHash }).from(users).where(eq(users.email, 'nia.okoro@example.test'))
  expect(invited).toEqual({ status: 'invited', role: 'coach', passwordHash: null })

  const path = await invitationPath('nia.okoro@example.test')
  const invitee = app.client()
  const page = await invitee.get(path)
  expect(page.status).toBe(200)
  expect(await page.text()).toContain('Welcome, Nia Okoro')

  const mismatch = await invitee.post(path, { password: 'a fine new password', confirm: 'another password' })
  expect(mismatch.status).toBe(400)
  expect(await mismatch.text()).toContain('The two passwords do not match.')
  const tooShort = await invitee.post(path, { password: 'short', confirm: 'short' })
  expect(await tooShort.text()).toContain('Use at least 12 characters.')

  const accepted = await invitee.post(path, { password: 'a fine new password', confirm: 'a fine new password' })
  expect(accepted.status).toBe(302)
  // A coach must set up an authenticator app before anything else opens.
  expect(location(accepted)).toBe('/two-factor/setup?redirectTo=%2Fcaseload')
  expect(location(await invitee.get('/caseload'))).toBe('/two-factor/setup?redirectTo=%2Fcaseload')
  const { response: setUp } = await setUpSecondFactor(invitee, 'nia.okoro@example.test', '/caseload')
  expect(setUp.status).toBe(200)
  expect((await invitee.get('/caseload')).status).toBe(200)
  const [active] = await db.select({ status: users.status }).from(users).where(eq(users.email, 'nia.okoro@example.test'))
  expect(active.status).toBe('active')
})

test('an invitation link works once', async () => {
  const { client } = await staffClient()
  await client.post('/staff/invite', { name: 'Once Only', email: 'once@example.test', role: 'fellow' })
  const path = await invitationPath('once@example.test')
  const first = app.client()
  expect((await first.post(path, { password: 'first chosen password', confirm: 'first chosen password' })).status).toBe(302)
  const second = app.client()
  const reused = await second.post(path, { password: 'second chosen password', confirm: 'second chosen password' })
  expect(reused.status).toBe(410)
  expect(await reused.text()).toContain('already been used')
  expect((await second.get(path)).status).toBe(410)
  // The first password still stands.
  expect((await signIn(app.client(), 'once@example.test', 'first chosen password')).status).toBe(302)
  expect((await signIn(app.client(), 'once@example.test', 'second chosen password')).status).toBe(400)
})

test('an invitation link older than seven days is refused', async () => {
  const { client } = await staffClient()
  await client.post('/staff/invite', { name: 'Late Comer', email: 'late@example.test', role: 'fellow' })
  const path = await invitationPath('late@example.test')
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'late@example.test'))
  await db.update(authTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(authTokens.userId, user.id))
  const invitee = app.client()
  const page = await invitee.get(path)
  expect(page.status).toBe(410)
  expect(await page.text()).toContain('This link has expired.')
  const post = await invitee.post(path, { password: 'too late password', confirm: 'too late password' })
  expect(post.status).toBe(410)
  expect(invitee.hasSessionCookie()).toBe(false)
})

test('a made-up invitation link reveals nothing', async () => {
  const response = await app.client().get('/invitations/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')
  expect(response.status).toBe(410)
  expect(await response.text()).toContain('This link is not valid')
})

test('invitations are validated and limited by role', async () => {
  const { client } = await staffClient()
  const bad = await client.post('/staff/invite', { name: '', email: 'nope', role: 'wizard' })
  expect(bad.status).toBe(400)
  const html = await bad.text()
  expect(html).toContain('Enter a name.')
  expect(html).toContain('Enter an email address like name@district.org.')
  const admin = await client.post('/staff/invite', { name: 'Would Be Admin', email: 'wba@example.test', role: 'admin' })
  expect(admin.status).toBe(400)
  expect(await admin.text()).toContain('Your role cannot invite that role.')
  const existing = await makeUser('fellow')
  const duplicate = await client.post('/staff/invite', { name: 'Again', email: existing.email, role: 'fellow' })
  expect(duplicate.status).toBe(409)
  expect(await duplicate.text()).toContain('An account with this email already exists.')
})

test('fellows and coaches cannot invite anyone', async () => {
  for (const role of ['fellow', 'coach'] as const) {
    const user = await makeUser(role)
    const client = app.client()
    await signIn(client, user.email, TEST_PASSWORD)
    expect((await client.get('/staff/invite')).status).toBe(403)
    expect((await client.post('/staff/invite', { name: 'X', email: 'x@example.test', role: 'fellow' })).status).toBe(403)
  }
})
