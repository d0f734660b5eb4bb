import { and, asc, count, eq, gt, inArray, not, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { db } from '../../db/client.server'
import { coachAssignments, coachingSessions, cohorts, fellows, leas, moduleProgress, moduleSchedule, modules, schools, submissions, users } from '../../db/schema'
import type { StaffFilters } from '~/domain/staff-filters'
import { currentPairing } from './pairing.server'
import { qualified } from './qualified.server'
import { fellowScope, moduleAppliesToFellow } from './staff-metrics.server'

const coachUsers = alias(users, 'coach_users')

const identity = {
  fellowId: fellows.id,
  name: users.name,
  email: users.email,
  cohort: cohorts.name,
  state: leas.state,
  lea: leas.name,
  school: schools.name,
  position: fellows.position,
  programYear: fellows.programYear,
}

/** One page of the fellows in scope, by id, for exports that stream a page at a time. */
export async function listFellowIdPage({ filters, after, limit }: { filters: StaffFilters; after: string | null; limit: number }) {
  const rows = await db
    .select({ id: fellows.id })
    .from(fellows)
    .innerJoin(users, eq(users.id, fellows.userId))
    .innerJoin(schools, eq(schools.id, fellows.schoolId))
    .innerJoin(leas, eq(leas.id, schools.leaId))
    .where(after ? and(fellowScope(filters), gt(fellows.id, after)) : fellowScope(filters))
    .orderBy(asc(fellows.id))
    .limit(limit)
  return rows.map((r) => r.id)
}

function placed(fellowIds: string[]) {
  return db
    .select({ ...identity })
    .from(fellows)
    .innerJoin(users, eq(users.id, fellows.userId))
    .innerJoin(cohorts, eq(cohorts.id, fellows.cohortId))
    .innerJoin(schools, eq(schools.id, fellows.schoolId))
    .innerJoin(leas, eq(leas.id, schools.leaId))
    .where(inArray(fellows.id, fellowIds))
}

/** Every scheduled module of each fellow's year and track, with their progress and first hand-in. */
export async function listProgressRows({ fellowIds }: { fellowIds: string[] }) {
  if (fellowIds.length === 0) return []
  return db
    .select({
      ...identity,
      module: modules.title,
      moduleYear: modules.year,
      moduleMonth: modules.month,
      opensOn: moduleSchedule.opensOn,
      dueOn: moduleSchedule.dueOn,
      started: sql<boolean>`${moduleProgress.fellowId} is not null`,
      completedOn: sql<string | null>`to_char(${moduleProgress.completedAt} at time zone 'America/New_York', 'YYYY-MM-DD')`,
      submissionStatus: submissions.status,
      handedInOn: sql<string | null>`to_char(${submissions.submittedAt} at time zone 'America/New_York', 'YYYY-MM-DD')`,
    })
    .from(fellows)
    .innerJoin(users, eq(users.id, fellows.userId))
    .innerJoin(cohorts, eq(cohorts.id, fellows.cohortId))
    .innerJoin(schools, eq(schools.id, fellows.schoolId))
    .innerJoin(leas, eq(leas.id, schools.leaId))
    .innerJoin(moduleSchedule, eq(moduleSchedule.cohortId, fellows.cohortId))
    .innerJoin(modules, moduleAppliesToFellow)
    // The page's ids on the progress side too: without them PostgreSQL hashed all of module_progress
    // (81,629 rows at 10,000 fellows) for each page of 200 fellows, 50 ms a page.
    .leftJoin(moduleProgress, and(eq(moduleProgress.fellowId, fellows.id), eq(moduleProgress.moduleSlug, modules.slug), inArray(moduleProgress.fellowId, fellowIds)))
    .leftJoin(submissions, and(eq(submissions.fellowId, fellows.id), eq(submissions.moduleSlug, modules.slug)))
    .where(inArray(fellows.id, fellowIds))
    .orderBy(asc(fellows.id), asc(modules.year), asc(modules.month))
}

/** Every submission of these fellows with its review history counted; never its text. */
export async function listSubmissionRows({ fellowIds }: { fellowIds: string[] }) {
  if (fellowIds.length === 0) return []
  return db
    .select({
      ...identity,
      module: modules.title,
      dueOn: moduleSchedule.dueOn,
      status: submissions.status,
      handedInOn: sql<string | null>`to_char(${submissions.submittedAt} at time zone 'America/New_York', 'YYYY-MM-DD')`,
      reviews: sql<number>`(select count(*)::int from submission_events r where r.submission_id = ${qualified(submissions, submissions.id)} and r.to_status in ('returned', 'accepted'))`,
      lastReviewedOn: sql<string | null>`(select to_char(max(r.created_at) at time zone 'America/New_York', 'YYYY-MM-DD') from submission_events r where r.submission_id = ${qualified(submissions, submissions.id)} and r.to_status in ('returned', 'accepted'))`,
    })
    .from(submissions)
    .innerJoin(fellows, eq(fellows.id, submissions.fellowId))
    .innerJoin(users, eq(users.id, fellows.userId))
    .innerJoin(cohorts, eq(cohorts.id, fellows.cohortId))
    .innerJoin(schools, eq(schools.id, fellows.schoolId))
    .innerJoin(leas, eq(leas.id, schools.leaId))
    .innerJoin(modules, eq(modules.slug, submissions.moduleSlug))
    .leftJoin(moduleSchedule, and(eq(moduleSchedule.cohortId, fellows.cohortId), eq(moduleSchedule.moduleSlug, submissions.moduleSlug)))
    .where(inArray(fellows.id, fellowIds))
    .orderBy(asc(fellows.id), asc(modules.year), asc(modules.month))
}

/** Coaching cadence per fellow: counts, minutes and dates only. Notes, summaries and beliefs never leave the coach. */
export async function listCoachingRows({ fellowIds, monthStart }: { fellowIds: string[]; monthStart: string }) {
  if (fellowIds.length === 0) return []
  const [people, sessions] = await Promise.all([
    placed(fellowIds).orderBy(asc(fellows.id)),
    db
      .select({
        fellowId: coachingSessions.fellowId,
        sessions: count(),
        minutes: sql<number>`coalesce(sum(${coachingSessions.minutes}), 0)::int`,
        thisMonth: sql<number>`(count(*) filter (where ${coachingSessions.heldOn} >= ${monthStart}))::int`,
        lastOn: sql<string | null>`to_char(max(${coachingSessions.heldOn}), 'YYYY-MM-DD')`,
      })
      .from(coachingSessions)
      .where(and(inArray(coachingSessions.fellowId, fellowIds), not(coachingSessions.isDraft)))
      .groupBy(coachingSessions.fellowId),
  ])
  const coachOf = await db
    .select({ fellowId: fellows.id, coach: coachUsers.name, cadence: cohorts.coachingCadence })
    .from(fellows)
    .innerJoin(cohorts, eq(cohorts.id, fellows.cohortId))
    .leftJoin(coachAssignments, currentPairing)
    .leftJoin(coachUsers, eq(coachUsers.id, coachAssignments.coachId))
    .where(inArray(fellows.id, fellowIds))
  const bySession = new Map(sessions.map((s) => [s.fellowId, s]))
  const byCoach = new Map(coachOf.map((c) => [c.fellowId, c]))
  return people.map((p) => {
    const s = bySession.get(p.fellowId)
    const c = byCoach.get(p.fellowId)
    return { ...p, coach: c?.coach ?? null, cadence: c?.cadence ?? 1, sessions: s?.sessions ?? 0, minutes: s?.minutes ?? 0, thisMonth: s?.thisMonth ?? 0, lastOn: s?.lastOn ?? null }
  })
}
