import { readFileSync } from 'node:fs'
import path from 'node:path'
import { eq, sql } from 'drizzle-orm'
import { beforeAll, expect, test } from 'vitest'
import { db, migrationsFolder } from '../../db/client.server'
import { submissionEvents, submissions } from '../../db/schema'
import { createDraft, recordTransition } from '../../app/models/submission.server'
import { syncModules } from '../../app/models/module.server'
import { getCurriculum } from '../../app/utils/content.server'
import { makeFellow, makeUser } from '../support/academy'

beforeAll(async () => {
  await syncModules({ compiled: getCurriculum().modules })
})

const DAY = 86_400

async function sumsOf(id: string) {
  const [row] = await db.select({ reviews: submissions.reviews, reviewSeconds: submissions.reviewSeconds, lastHandedInAt: submissions.lastHandedInAt }).from(submissions).where(eq(submissions.id, id))
  return row
}

/** A submission whose history is written as events on the days given (days from a fixed noon). */
async function withHistory(steps: { to: 'submitted' | 'returned' | 'resubmitted' | 'accepted'; day: number }[]) {
  const { fellow, user } = await makeFellow()
  const coach = await makeUser('coach')
  const id = await createDraft({ fellowId: fellow.id, moduleSlug: 'cultural-identity', assignmentId: `bench-${steps.length}-${Math.random()}`, actorId: user.id })
  let from: string = 'draft'
  for (const step of steps) {
    await db.update(submissions).set({ status: step.to }).where(eq(submissions.id, id))
    await db.insert(submissionEvents).values({ submissionId: id, actorId: coach.id, fromStatus: from as 'draft', toStatus: step.to, createdAt: new Date(Date.UTC(2026, 9, 1, 12) + step.day * DAY * 1000) })
    from = step.to
  }
  return id
}

test('each review adds the time since the hand-in it answers; a hand-in still waiting adds nothing', async () => {
  // Handed in day 0, returned day 3, handed in again day 5, accepted day 6: two reviews, 4 days.
  const reviewed = await withHistory([{ to: 'submitted', day: 0 }, { to: 'returned', day: 3 }, { to: 'resubmitted', day: 5 }, { to: 'accepted', day: 6 }])
  expect(await sumsOf(reviewed)).toEqual({ reviews: 2, reviewSeconds: 4 * DAY, lastHandedInAt: new Date(Date.UTC(2026, 9, 6, 12)) })
  // Returned after 2 days, handed in again, not yet reviewed: one review of 2 days.
  const waiting = await withHistory([{ to: 'submitted', day: 0 }, { to: 'returned', day: 2 }, { to: 'resubmitted', day: 10 }])
  expect(await sumsOf(waiting)).toMatchObject({ reviews: 1, reviewSeconds: 2 * DAY })
})

test('the app’s own transitions keep the sums too', async () => {
  const { fellow, user } = await makeFellow()
  const coach = await makeUser('coach')
  const id = await createDraft({ fellowId: fellow.id, moduleSlug: 'cultural-identity', assignmentId: 'y1-transition', actorId: user.id })
  expect(await recordTransition({ id, from: 'draft', to: 'submitted', actorId: user.id })).toBe(true)
  expect(await recordTransition({ id, from: 'submitted', to: 'returned', actorId: coach.id, feedback: 'Say more.' })).toBe(true)
  const sums = await sumsOf(id)
  expect(sums.reviews).toBe(1)
  expect(sums.reviewSeconds).toBeGreaterThanOrEqual(0)
  expect(sums.reviewSeconds).toBeLessThan(60)
  expect(sums.lastHandedInAt).not.toBeNull()
})

test('migration 0006 fills in, for events recorded before it, the same sums the trigger keeps', async () => {
  const ids = [
    await withHistory([{ to: 'submitted', day: 0 }, { to: 'returned', day: 3 }, { to: 'resubmitted', day: 5 }, { to: 'accepted', day: 6 }]),
    await withHistory([{ to: 'submitted', day: 0 }, { to: 'returned', day: 2 }, { to: 'resubmitted', day: 10 }]),
    await withHistory([{ to: 'submitted', day: 1 }]),
    await withHistory([]),
  ]
  const kept = await Promise.all(ids.map(sumsOf))
  await db.update(submissions).set({ reviews: 0, reviewSeconds: 0, lastHandedInAt: null })
  const statements = readFileSync(path.join(migrationsFolder, '0006_review_sums_trigger.sql'), 'utf8').split('--> statement-breakpoint')
  const backfill = statements.find((s) => s.includes('UPDATE submissions AS s'))
  expect(backfill).toBeDefined()
  await db.execute(sql.raw(backfill ?? ''))
  expect(await Promise.all(ids.map(sumsOf))).toEqual(kept)
})
