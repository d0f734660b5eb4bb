import { and, eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { db } from '../../db/client.server'
import { moduleSchedule, notifications, outbox, submissions, users } from '../../db/schema'
import { academyDate } from '../../app/domain/schedule'
import { createScheduledNotices, sendDigests } from '../../app/utils/notification-jobs.server'
import { notify } from '../../app/utils/notify.server'
import { ensureDefaultSchedules } from '../../app/utils/schedules.server'
import { makeAcademy, TEST_PASSWORD } from '../support/academy'
import { serveAppForTests } from '../support/app'
import { pageText, signIn } from '../support/client'

const app = serveAppForTests()
const SLUG = 'identities-and-assets'

function plusDays(date: string, days: number) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

async function noticesOf(userId: string) {
  return db.select({ kind: notifications.kind, emailedAt: notifications.emailedAt }).from(notifications).where(eq(notifications.userId, userId))
}

async function mailTo(email: string) {
  return db.select({ subject: outbox.subject, body: outbox.body }).from(outbox).where(eq(outbox.toAddress, email))
}

test('a module opening and work due in 3 days notify each fellow once; work handed in is not chased', async () => {
  const academy = await makeAcademy()
  await ensureDefaultSchedules()
  const today = academyDate(new Date())
  // The default calendar opens a module on each month's first school day: in a month's first days
  // that one would be opening too. Only the module under test opens or falls due around today.
  await db
    .update(moduleSchedule)
    .set({ opensOn: plusDays(today, -200), dueOn: plusDays(today, -180) })
    .where(eq(moduleSchedule.cohortId, academy.cohort.id))
  await db
    .update(moduleSchedule)
    .set({ opensOn: today, dueOn: plusDays(today, 2) })
    .where(and(eq(moduleSchedule.cohortId, academy.cohort.id), eq(moduleSchedule.moduleSlug, SLUG)))
  await db.insert(submissions).values({ fellowId: academy.otherFellow.id, moduleSlug: SLUG, assignmentId: 'y1-community-asset-map', status: 'submitted', body: 'done', submittedAt: new Date() })

  await createScheduledNotices(today)
  await createScheduledNotices(today)
  const mine = await noticesOf(academy.fellowUser.id)
  expect(mine.map((n) => n.kind).sort()).toEqual(['due-soon', 'module-opens'])
  expect((await noticesOf(academy.otherFellowUser.id)).map((n) => n.kind)).toEqual(['module-opens'])
  // Immediate email is the default.
  expect((await mailTo(academy.fellowUser.email)).map((m) => m.subject)).toEqual(
    expect.arrayContaining(['SILA Academy: “Identities and assets in your school community” is open']),
  )
})

test('digest readers get one weekly email; people who chose none get none', async () => {
  const academy = await makeAcademy()
  await db.update(users).set({ notificationPreference: 'digest' }).where(eq(users.id, academy.fellowUser.id))
  await db.update(users).set({ notificationPreference: 'none' }).where(eq(users.id, academy.otherFellowUser.id))
  await notify([
    { userId: academy.fellowUser.id, kind: 'submission-returned', title: 'First update', link: '/home' },
    { userId: academy.fellowUser.id, kind: 'submission-accepted', title: 'Second update', link: '/home' },
    { userId: academy.otherFellowUser.id, kind: 'submission-accepted', title: 'Quiet update', link: '/home' },
  ])
  expect(await mailTo(academy.fellowUser.email)).toEqual([])
  expect(await sendDigests(new Date())).toBeGreaterThanOrEqual(1)
  const digest = await mailTo(academy.fellowUser.email)
  expect(digest).toHaveLength(1)
  expect(digest[0].subject).toBe('SILA Academy: your weekly digest (2 updates)')
  expect(digest[0].body).toContain('- First update')
  expect(digest[0].body).toContain('- Second update')
  expect((await noticesOf(academy.fellowUser.id)).every((n) => n.emailedAt !== null)).toBe(true)
  await sendDigests(new Date())
  expect(await mailTo(academy.fellowUser.email)).toHaveLength(1)
  expect(await mailTo(academy.otherFellowUser.email)).toEqual([])
})

test('people read their notifications in the app and choose how they hear about them', async () => {
  const academy = await makeAcademy()
  await notify([{ userId: academy.coach.id, kind: 'review-waiting', title: 'Work waits for your review', link: '/review' }])
  const client = app.client()
  await signIn(client, academy.coach.email, TEST_PASSWORD)
  expect(await pageText(await client.get('/caseload'))).toContain('Notifications 1 unread')
  expect(await pageText(await client.get('/notifications'))).toContain('Work waits for your review')
  expect((await client.post('/notifications', { intent: 'mark-all-read' })).status).toBe(200)
  expect(await pageText(await client.get('/notifications'))).toContain('0 unread')

  expect((await client.post('/account', { intent: 'notifications', preference: 'digest' })).status).toBe(200)
  const [row] = await db.select({ preference: users.notificationPreference }).from(users).where(eq(users.id, academy.coach.id))
  expect(row.preference).toBe('digest')
  const bad = await client.post('/account', { intent: 'notifications', preference: 'carrier-pigeon' })
  expect(bad.status).toBe(400)
  expect(await bad.text()).toContain('Choose how you want to hear from the academy.')
})
