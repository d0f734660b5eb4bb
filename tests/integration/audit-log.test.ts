import { sql } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { db } from '../../db/client.server'
import { auditLog } from '../../db/schema'
import { makeAcademy, makeUser, TEST_PASSWORD } from '../support/academy'
import { serveAppForTests } from '../support/app'
import { pageText, signIn } from '../support/client'

const app = serveAppForTests()

test('the audit log records sign-ins, failures and coaching reads in UTC, filters them, exports them, and never holds a secret', async () => {
  const academy = await makeAcademy()
  const failed = app.client()
  expect((await signIn(failed, academy.fellowUser.email, 'wrong password for the log')).status).toBe(400)
  const coach = app.client()
  await signIn(coach, academy.coach.email, TEST_PASSWORD)
  expect((await coach.get(`/coaching/fellows/${academy.fellow.id}`)).status).toBe(200)

  const admin = app.client()
  await signIn(admin, academy.admin.email, TEST_PASSWORD)
  const all = await pageText(await admin.get('/audit'))
  expect(all).toContain('sign_in.failed')
  expect(all).toContain('coaching.read')
  const reads = await pageText(await admin.get(`/audit?action=coaching.read&actor=${encodeURIComponent(academy.coach.email)}`))
  expect(reads).toContain(academy.coach.email)
  const filtered = (await (await admin.get(`/audit.csv?action=coaching.read&actor=${encodeURIComponent(academy.coach.email)}`)).text()).trim().split('\r\n').slice(1)
  expect(filtered.length).toBeGreaterThan(0)
  expect(filtered.every((l) => l.includes(`,${academy.coach.email},coaching.read,`))).toBe(true)
  const today = new Date().toISOString().slice(0, 10)
  expect(await pageText(await admin.get(`/audit?from=2000-01-01&to=2000-01-02`))).toContain('No entries match.')
  expect((await admin.get('/audit?from=yesterday')).status).toBe(400)

  const csv = await (await admin.get(`/audit.csv?actor=${encodeURIComponent(academy.coach.email)}`)).text()
  const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n')
  expect(lines[0]).toBe('when_utc,actor,action,target_type,target_id,from_address,details')
  expect(lines.some((l) => l.includes(',coaching.read,fellow,'))).toBe(true)
  // Every time is UTC (ISO with Z) and from today.
  for (const line of lines.slice(1)) expect(line).toMatch(new RegExp(`^${today}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z,`))
  expect(await pageText(await admin.get('/audit?action=audit.exported'))).toContain(academy.admin.email)

  // No password, hash or token in any entry.
  const rows = await db.select({ text: sql<string>`${auditLog}::text` }).from(auditLog)
  for (const { text } of rows) {
    expect(text).not.toContain(TEST_PASSWORD)
    expect(text).not.toContain('wrong password for the log')
    expect(text).not.toMatch(/\$argon2id\$/)
  }

  for (const role of ['fellow', 'coach'] as const) {
    const outsider = app.client()
    await signIn(outsider, (await makeUser(role)).email, TEST_PASSWORD)
    expect((await outsider.get('/audit')).status).toBe(403)
    expect((await outsider.get('/audit.csv')).status).toBe(403)
  }
})
