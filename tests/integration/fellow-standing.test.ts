import { and, eq, sql } from 'drizzle-orm'
import { beforeAll, expect, test } from 'vitest'
import { databaseDriver, db } from '../../db/client.server'
import { coachingSessions, fellows, fellowStanding, moduleProgress, modules, submissions } from '../../db/schema'
import { academyDate } from '../../app/domain/schedule'
import { moduleBit } from '../../app/domain/standing'
import { syncModules } from '../../app/models/module.server'
import { createDraft, recordTransition } from '../../app/models/submission.server'
import { getCurriculum } from '../../app/utils/content.server'
import { makeFellow, makeUser } from '../support/academy'

beforeAll(async () => {
  await syncModules({ compiled: getCurriculum().modules })
})

type StandingRow = typeof fellowStanding.$inferSelect

/** The bits of a standing as entries per module slug: [completed, first hand-in's Eastern day, awaiting review]. */
async function entriesOf(row: StandingRow) {
  const places = await db.select({ slug: modules.slug, year: modules.year, month: modules.month }).from(modules)
  const entries: Record<string, [0 | 1, string | null, 0 | 1]> = {}
  let day = 0
  for (let bit = 0; bit < 31; bit++) {
    const mask = 1 << bit
    if (((row.doneBits | row.handedBits | row.awaitingBits) & mask) === 0) continue
    // The content's module of that month (a test's own track module may share it).
    const slug = places.filter((m) => moduleBit(m) === bit).map((m) => m.slug).sort()[0]
    const handedOn = row.handedBits & mask ? new Date(row.handedDays[day++] * 86_400_000).toISOString().slice(0, 10) : null
    entries[slug] = [row.doneBits & mask ? 1 : 0, handedOn, row.awaitingBits & mask ? 1 : 0]
  }
  expect(day).toBe(row.handedDays.length)
  return entries
}

async function standingOf(fellowId: string) {
  const [row] = await db.select().from(fellowStanding).where(eq(fellowStanding.fellowId, fellowId))
  return row ? { work: await entriesOf(row), reviews: row.reviews, lastSessionOn: row.lastSessionOn } : undefined
}

async function everyStanding() {
  const rows = await db.select().from(fellowStanding)
  return rows.sort((a, b) => a.fellowId.localeCompare(b.fellowId))
}

test('the standing follows a fellow’s completions, hand-ins, reviews and coaching as they are written', async () => {
  const { fellow, user } = await makeFellow()
  const coach = await makeUser('coach')
  const session = (heldOn: string, isDraft = false) => ({ coachId: coach.id, fellowId: fellow.id, heldOn, minutes: 45, modality: 'video' as const, isDraft })

  await db.insert(moduleProgress).values({ fellowId: fellow.id, moduleSlug: 'cultural-identity' })
  expect(await standingOf(fellow.id)).toEqual({ work: {}, reviews: 0, lastSessionOn: null })
  await db.update(moduleProgress).set({ completedAt: new Date() }).where(eq(moduleProgress.fellowId, fellow.id))
  expect((await standingOf(fellow.id))?.work).toEqual({ 'cultural-identity': [1, null, 0] })

  // A draft is nobody's business yet; the hand-in is, on its Eastern-time day; a review clears the wait.
  const id = await createDraft({ fellowId: fellow.id, moduleSlug: 'cultural-identity', assignmentId: 'standing-1', actorId: user.id })
  expect((await standingOf(fellow.id))?.work).toEqual({ 'cultural-identity': [1, null, 0] })
  expect(await recordTransition({ id, from: 'draft', to: 'submitted', actorId: user.id })).toBe(true)
  const today = academyDate(new Date())
  expect((await standingOf(fellow.id))?.work).toEqual({ 'cultural-identity': [1, today, 1] })
  expect(await recordTransition({ id, from: 'submitted', to: 'returned', actorId: coach.id, feedback: 'Say more.' })).toBe(true)
  expect(await standingOf(fellow.id)).toMatchObject({ work: { 'cultural-identity': [1, today, 0] }, reviews: 1 })

  // Drafts of sessions do not count; publishing, moving and deleting one do.
  await db.insert(coachingSessions).values([session('2026-10-01'), session('2026-11-02', true)])
  expect((await standingOf(fellow.id))?.lastSessionOn).toBe('2026-10-01')
  await db.update(coachingSessions).set({ isDraft: false }).where(eq(coachingSessions.heldOn, '2026-11-02'))
  expect((await standingOf(fellow.id))?.lastSessionOn).toBe('2026-11-02')
  await db.update(coachingSessions).set({ heldOn: '2026-09-15' }).where(eq(coachingSessions.heldOn, '2026-11-02'))
  expect((await standingOf(fellow.id))?.lastSessionOn).toBe('2026-10-01')
  await db.delete(coachingSessions).where(eq(coachingSessions.heldOn, '2026-10-01'))
  expect((await standingOf(fellow.id))?.lastSessionOn).toBe('2026-09-15')

  // Progress reset, work handed in stays handed in; a submission deleted takes its entry with it.
  await db.delete(moduleProgress).where(eq(moduleProgress.fellowId, fellow.id))
  expect((await standingOf(fellow.id))?.work).toEqual({ 'cultural-identity': [0, today, 0] })
  await db.delete(submissions).where(eq(submissions.id, id))
  expect(await standingOf(fellow.id)).toEqual({ work: {}, reviews: 0, lastSessionOn: '2026-09-15' })

  // A fellow removed takes their standing with them.
  await db.delete(fellows).where(eq(fellows.id, fellow.id))
  expect(await standingOf(fellow.id)).toBeUndefined()
})

test('what the triggers kept is what working every standing out afresh gives (the migrations’ backfill)', async () => {
  for (const position of ['principal', 'assistant_principal'] as const) {
    const { fellow, user } = await makeFellow({ position, programYear: 2 })
    const coach = await makeUser('coach')
    await db.insert(moduleProgress).values([
      { fellowId: fellow.id, moduleSlug: 'causal-system-analysis-part-1', completedAt: new Date('2026-10-03T15:00:00Z') },
      { fellowId: fellow.id, moduleSlug: 'cultural-identity' },
    ])
    const id = await createDraft({ fellowId: fellow.id, moduleSlug: 'causal-system-analysis-part-1', assignmentId: `fresh-${position}`, actorId: user.id })
    await recordTransition({ id, from: 'draft', to: 'submitted', actorId: user.id })
    await db.insert(coachingSessions).values({ coachId: coach.id, fellowId: fellow.id, heldOn: '2026-10-20', minutes: 30, modality: 'phone' })
  }
  const kept = await everyStanding()
  expect(kept.length).toBeGreaterThanOrEqual(2)
  await db.delete(fellowStanding)
  await db.execute(sql`select refresh_fellow_standing(array(select id from fellows))`)
  expect(await everyStanding()).toEqual(kept)
})

test('only modules of the fellow’s track are their work; a change of position or of a module’s month works it out again', async () => {
  // A principals' module beside the content's module for everyone of year 2, month 3.
  const [shared] = await db.select().from(modules).where(and(eq(modules.year, 2), eq(modules.month, 3)))
  await db.insert(modules).values({ ...shared, slug: 'principals-only', track: 'principal', assignmentId: 'principals-only' })
  const { fellow } = await makeFellow({ position: 'assistant_principal', programYear: 2 })
  await db.insert(moduleProgress).values({ fellowId: fellow.id, moduleSlug: 'principals-only', completedAt: new Date() })
  expect((await standingOf(fellow.id))?.work).toEqual({})
  await db.update(fellows).set({ position: 'principal' }).where(eq(fellows.id, fellow.id))
  expect((await standingOf(fellow.id))?.work).toEqual({ [shared.slug]: [1, null, 0] })
  // Moved to month 4, it takes that month's place.
  await db.update(modules).set({ month: 4 }).where(eq(modules.slug, 'principals-only'))
  const [april] = await db.select().from(modules).where(and(eq(modules.year, 2), eq(modules.month, 4), eq(modules.track, 'all')))
  expect((await standingOf(fellow.id))?.work).toEqual({ [april.slug]: [1, null, 0] })
  await db.delete(modules).where(eq(modules.slug, 'principals-only'))
  expect((await standingOf(fellow.id))?.work).toEqual({})
})

test.skipIf(databaseDriver !== 'postgres')('two writers for one fellow at once: the second waits and counts the first’s rows too', async () => {
  const { fellow, user } = await makeFellow()
  const coach = await makeUser('coach')
  const id = await createDraft({ fellowId: fellow.id, moduleSlug: 'cultural-identity', assignmentId: 'race-1', actorId: user.id })
  let coachWrote!: () => void
  const wrote = new Promise<void>((resolve) => (coachWrote = resolve))
  let letCoachCommit!: () => void
  const commit = new Promise<void>((resolve) => (letCoachCommit = resolve))
  // The coach logs a session and, before committing, the fellow hands in.
  const coachTransaction = db.transaction(async (tx) => {
    await tx.insert(coachingSessions).values({ coachId: coach.id, fellowId: fellow.id, heldOn: '2026-11-20', minutes: 30, modality: 'phone' })
    coachWrote()
    await commit
  })
  await wrote
  const handIn = recordTransition({ id, from: 'draft', to: 'submitted', actorId: user.id })
  // The hand-in's refresh is waiting for the coach's, on the fellow's standing row.
  let waiting = false
  for (let i = 0; i < 100 && !waiting; i++) {
    // postgres.js answers db.execute with the rows themselves (this test runs on PostgreSQL only).
    const rows = (await db.execute(sql`select count(*)::int as waiting from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`)) as unknown as { waiting: number }[]
    waiting = rows[0].waiting > 0
    if (!waiting) await new Promise((resolve) => setTimeout(resolve, 20))
  }
  expect(waiting).toBe(true)
  letCoachCommit()
  await coachTransaction
  expect(await handIn).toBe(true)
  expect(await standingOf(fellow.id)).toMatchObject({ work: { 'cultural-identity': [0, academyDate(new Date()), 1] }, lastSessionOn: '2026-11-20' })
})
