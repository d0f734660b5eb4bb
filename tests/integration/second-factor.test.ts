import { decodeBase32IgnorePadding } from '@oslojs/encoding'
import { and, eq, isNull } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { totpCodeAt, totpStep } from '../../app/domain/totp'
import { latestMessageTo } from '../../app/models/outbox.server'
import { db } from '../../db/client.server'
import { auditLog, recoveryCodes, sessions, users } from '../../db/schema'
import { makeUser, TEST_PASSWORD } from '../support/academy'
import { serveAppForTests } from '../support/app'
import { location, pageText, setUpSecondFactor, signIn, type TestClient } from '../support/client'
import { TEST_TOTP_KEY } from '../support/totp'

const app = serveAppForTests()

function codeFor(base32Key: string, stepOffset = 0) {
  return totpCodeAt(decodeBase32IgnorePadding(base32Key), totpStep(new Date()) + stepOffset)
}

async function auditActions(userId: string) {
  const rows = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.actorId, userId))
  return rows.map((r) => r.action)
}

async function passwordOnly(client: TestClient, email: string) {
  return client.post('/login', { email, password: TEST_PASSWORD })
}

test('a coach without a second factor must set one up before any page opens; the key is stored encrypted', async () => {
  const coach = await makeUser('coach', { secondFactor: false })
  const client = app.client()
  expect(location(await passwordOnly(client, coach.email))).toBe('/two-factor/setup?redirectTo=%2Fcaseload')
  for (const page of ['/caseload', '/account', '/account/sessions', '/learn']) {
    expect(location(await client.get(page))).toBe(`/two-factor/setup?redirectTo=${encodeURIComponent(page)}`)
  }
  // Nobody half signed in is shown as signed in, and the code page sends them on to set up.
  expect(location(await client.get('/two-factor'))).toBe('/two-factor/setup?redirectTo=%2Fcaseload')

  const page = await client.get('/two-factor/setup?redirectTo=%2Fcaseload')
  const html = await page.text()
  expect(html).toContain('Coaches and academy staff see confidential coaching notes')
  expect(html).toContain('<svg')
  const key = /name="key" value="([^"]+)"/.exec(html)?.[1] ?? ''

  const wrong = await client.post('/two-factor/setup', { key, code: '000000', redirectTo: '/caseload' })
  expect(wrong.status).toBe(400)
  const wrongHtml = await wrong.text()
  expect(wrongHtml).toContain('That code did not match.')
  // The same key comes back, so the app the person already scanned stays right.
  expect(wrongHtml).toContain(`name="key" value="${key}"`)
  const [unset] = await db.select({ totpKey: users.totpKey }).from(users).where(eq(users.id, coach.id))
  expect(unset.totpKey).toBeNull()

  const { response, key: base32 } = await setUpSecondFactor(client, coach.email, '/caseload')
  expect(response.status).toBe(200)
  const shown = await pageText(response)
  expect(shown).toContain('Save your recovery codes now')
  expect(shown.match(/\b[a-z2-7]{5}-[a-z2-7]{5}\b/g)).toHaveLength(10)
  expect((await client.get('/caseload')).status).toBe(200)

  const [stored] = await db.select({ totpKey: users.totpKey }).from(users).where(eq(users.id, coach.id))
  expect(stored.totpKey).not.toBeNull()
  expect(stored.totpKey).not.toContain(base32)
  expect(Buffer.from(stored.totpKey ?? '', 'base64').toString('latin1')).not.toContain(Buffer.from(decodeBase32IgnorePadding(base32)).toString('latin1'))
  const codes = await db.select({ codeHash: recoveryCodes.codeHash }).from(recoveryCodes).where(eq(recoveryCodes.userId, coach.id))
  expect(codes).toHaveLength(10)
  for (const code of shown.match(/\b[a-z2-7]{5}-[a-z2-7]{5}\b/g) ?? []) expect(codes.map((c) => c.codeHash)).not.toContain(code.replace('-', ''))
  expect(await auditActions(coach.id)).toContain('second_factor.enabled')
})

test('a coach with a second factor gives a code after the password; a code works once, and five wrong ones end the sign-in', async () => {
  const coach = await makeUser('coach')
  const laptop = app.client()
  expect(location(await passwordOnly(laptop, coach.email))).toBe('/two-factor?redirectTo=%2Fcaseload')
  expect(location(await laptop.get('/caseload'))).toBe('/two-factor?redirectTo=%2Fcaseload')
  expect(await (await laptop.get('/two-factor')).text()).toContain('Enter your code')

  const bad = await laptop.post('/two-factor', { intent: 'code', code: '12345' })
  expect(bad.status).toBe(400)
  expect(await bad.text()).toContain('A code is 6 digits')

  const code = codeFor(TEST_TOTP_KEY)
  const good = await laptop.post('/two-factor', { intent: 'code', code: `${code.slice(0, 3)} ${code.slice(3)}`, redirectTo: '/caseload' })
  expect(location(good)).toBe('/caseload')
  expect((await laptop.get('/caseload')).status).toBe(200)

  // The same code, seen over a shoulder or replayed, does not open a second session.
  const phone = app.client()
  await passwordOnly(phone, coach.email)
  const replay = await phone.post('/two-factor', { intent: 'code', code })
  expect(replay.status).toBe(400)
  expect(await replay.text()).toContain('That code did not match, or was already used.')
  expect(location(await phone.get('/caseload'))).toBe('/two-factor?redirectTo=%2Fcaseload')

  for (let attempt = 2; attempt <= 4; attempt++) {
    expect((await phone.post('/two-factor', { intent: 'code', code: '000000' })).status).toBe(400)
  }
  const fifth = await phone.post('/two-factor', { intent: 'code', code: '000000' })
  expect(location(fifth)).toBe('/login?second-factor=ended')
  expect(phone.hasSessionCookie()).toBe(false)
  expect(await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, coach.id))).toHaveLength(1)
  expect((await auditActions(coach.id)).filter((a) => a === 'second_factor.failed')).toHaveLength(5)
})

test('a recovery code signs in once and sends the person to set up their app again', async () => {
  const fellow = await makeUser('fellow')
  const client = app.client()
  await signIn(client, fellow.email, TEST_PASSWORD)
  const { response } = await setUpSecondFactor(client, fellow.email)
  const [first = '', second = ''] = (await pageText(response)).match(/\b[a-z2-7]{5}-[a-z2-7]{5}\b/g) ?? []
  expect(first).not.toBe('')
  await client.post('/logout', {})

  const lostPhone = app.client()
  expect(location(await passwordOnly(lostPhone, fellow.email))).toBe('/two-factor?redirectTo=%2Fhome')
  const used = await lostPhone.post('/two-factor', { intent: 'recovery', recoveryCode: ` ${first.toUpperCase()} ` })
  expect(location(used)).toBe('/account/security?recovered=1')
  const security = await pageText(await lostPhone.get('/account/security?recovered=1'))
  expect(security).toContain('You signed in with a recovery code.')
  expect(security).toContain('You have 9 unused recovery codes.')

  const again = app.client()
  await passwordOnly(again, fellow.email)
  const reused = await again.post('/two-factor', { intent: 'recovery', recoveryCode: first })
  expect(reused.status).toBe(400)
  expect(await reused.text()).toContain('That is not one of your unused recovery codes')
  expect(location(await again.post('/two-factor', { intent: 'recovery', recoveryCode: second }))).toBe('/account/security?recovered=1')
  const unused = await db.select({ id: recoveryCodes.id }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, fellow.id), isNull(recoveryCodes.usedAt)))
  expect(unused).toHaveLength(8)
  expect(await auditActions(fellow.id)).toContain('second_factor.recovery_code_used')
})

test('changes to sign-in ask for the password and code again after ten minutes', async () => {
  const staff = await makeUser('staff')
  const other = await makeUser('fellow')
  const client = app.client()
  await signIn(client, staff.email, TEST_PASSWORD)
  expect((await client.get('/account/security')).status).toBe(200)
  await db.update(sessions).set({ reauthenticatedAt: new Date(Date.now() - 11 * 60 * 1000) }).where(eq(sessions.userId, staff.id))
  for (const path of ['/account/security', '/two-factor/setup']) {
    expect(location(await client.get(path))).toBe(`/account/confirm?redirectTo=${encodeURIComponent(path)}`)
  }
  const post = await client.post('/account/security', { intent: 'email', email: 'taken-over@example.test' })
  expect(location(post)).toBe('/account/confirm?redirectTo=%2Faccount%2Fsecurity')
  const [unchanged] = await db.select({ email: users.email }).from(users).where(eq(users.id, staff.id))
  expect(unchanged.email).toBe(staff.email)

  const wrongPassword = await client.post('/account/confirm', { password: 'not it', code: codeFor(TEST_TOTP_KEY, 1), redirectTo: '/account/security' })
  expect(wrongPassword.status).toBe(400)
  expect(await wrongPassword.text()).toContain('That is not your password.')
  const noCode = await client.post('/account/confirm', { password: TEST_PASSWORD, redirectTo: '/account/security' })
  expect(noCode.status).toBe(400)
  expect(await noCode.text()).toContain('Enter the 6-digit code from your authenticator app.')
  const confirmed = await client.post('/account/confirm', { password: TEST_PASSWORD, code: codeFor(TEST_TOTP_KEY, 1), redirectTo: '/account/security' })
  expect(location(confirmed)).toBe('/account/security')
  expect(await auditActions(staff.id)).toEqual(expect.arrayContaining(['reauthentication.failed', 'reauthentication.succeeded']))

  const taken = await client.post('/account/security', { intent: 'email', email: other.email })
  expect(taken.status).toBe(400)
  expect(await taken.text()).toContain('Another account already uses this address.')
  const moved = await client.post('/account/security', { intent: 'email', email: 'New.Address@Example.test' })
  expect(moved.status).toBe(200)
  const [changed] = await db.select({ email: users.email }).from(users).where(eq(users.id, staff.id))
  expect(changed.email).toBe('new.address@example.test')
  expect((await latestMessageTo({ toAddress: staff.email }))?.subject).toBe('Your SILA Academy email address was changed')
  expect(await auditActions(staff.id)).toContain('email.changed')
})

test('fellows may turn the second factor on and off; staff may replace theirs but never turn it off', async () => {
  const fellow = await makeUser('fellow')
  const fellowClient = app.client()
  await signIn(fellowClient, fellow.email, TEST_PASSWORD)
  expect(await pageText(await fellowClient.get('/account/security'))).toContain('Set up an authenticator app')
  await setUpSecondFactor(fellowClient, fellow.email)
  expect(await pageText(await fellowClient.get('/account/security'))).toContain('You have 10 unused recovery codes.')
  const newCodes = await fellowClient.post('/account/security', { intent: 'recovery-codes' })
  expect((await pageText(newCodes)).match(/\b[a-z2-7]{5}-[a-z2-7]{5}\b/g)).toHaveLength(10)
  expect(location(await fellowClient.post('/account/security', { intent: 'remove-factor' }))).toBe('/account/security?saved=removed')
  const [off] = await db.select({ totpKey: users.totpKey }).from(users).where(eq(users.id, fellow.id))
  expect(off.totpKey).toBeNull()
  expect(await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, fellow.id))).toHaveLength(0)
  expect(location(await passwordOnly(app.client(), fellow.email))).toBe('/home')

  const staff = await makeUser('staff')
  const staffClient = app.client()
  const other = app.client()
  await signIn(staffClient, staff.email, TEST_PASSWORD)
  await signIn(other, staff.email, TEST_PASSWORD)
  const refused = await staffClient.post('/account/security', { intent: 'remove-factor' })
  expect(refused.status).toBe(403)
  expect(await refused.text()).toContain('Coaches and academy staff must keep a second factor.')
  const { response } = await setUpSecondFactor(staffClient, staff.email)
  expect(response.status).toBe(200)
  // The old phone's sessions end with it.
  expect(location(await other.get('/staff'))).toMatch(/^\/login/)
  expect(await auditActions(staff.id)).toContain('second_factor.replaced')
  const bad = await staffClient.post('/account/security', { intent: 'nonsense' })
  expect(bad.status).toBe(400)
})
