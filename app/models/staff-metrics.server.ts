import { and, asc, eq, inArray, ne, not, or, sql, type SQL } from 'drizzle-orm'
import type { PgSelect } from 'drizzle-orm/pg-core'
import { db } from '../../db/client.server'
import { coachingSessions, cohorts, fellows, leas, moduleProgress, moduleSchedule, modules, schools, submissionEvents, submissions, users } from '../../db/schema'
import type { FellowFact } from '~/domain/staff-metrics'
import type { StaffFilters } from '~/domain/staff-filters'

/** The fellows a filter set covers: active or invited accounts only (a deactivated fellow has left). */
export function fellowScope(filters: StaffFilters): SQL {
  const conditions: (SQL | undefined)[] = [ne(users.status, 'deactivated')]
  if (filters.cohort) conditions.push(eq(fellows.cohortId, filters.cohort))
  if (filters.state) conditions.push(eq(leas.state, filters.state))
  if (filters.lea) conditions.push(eq(leas.id, filters.lea))
  if (filters.school) conditions.push(eq(schools.id, filters.school))
  if (filters.position) conditions.push(eq(fellows.position, filters.position))
  if (filters.year) conditions.push(eq(fellows.programYear, filters.year))
  if (filters.track) {
    conditions.push(eq(fellows.programYear, 2), eq(fellows.position, filters.track === 'principal' ? 'principal' : 'assistant_principal'))
  }
  return and(...conditions) ?? sql`true`
}

/** A module belongs to a fellow's work when it is of their program year and their track (or every track). */
export const moduleAppliesToFellow = and(
  eq(modules.slug, moduleSchedule.moduleSlug),
  eq(modules.year, fellows.programYear),
  or(
    eq(modules.track, 'all'),
    and(eq(modules.track, 'principal'), eq(fellows.position, 'principal')),
    and(eq(modules.track, 'assistant-principal'), eq(fellows.position, 'assistant_principal')),
  ),
)

/** First hand-in judged on its Eastern-time date, as lateness is everywhere else. */
const handedInOn = sql`(${submissions.submittedAt} at time zone 'America/New_York')::date`

/** Adds the joins every scope needs (account, school, LEA) to a query over fellows. */
function placed<T extends PgSelect>(query: T) {
  return query
    .innerJoin(users, eq(users.id, fellows.userId))
    .innerJoin(schools, eq(schools.id, fellows.schoolId))
    .innerJoin(leas, eq(leas.id, schools.leaId))
}

const int = (expression: SQL) => sql<number>`(${expression})::int`

/**
 * Every fellow in scope with their standing: four set-based queries whatever the number of fellows
 * (who they are; their assignments; their coaching; their reviews), merged by fellow.
 */
export async function listFellowFacts({ filters, today, monthStart }: { filters: StaffFilters; today: string; monthStart: string }): Promise<FellowFact[]> {
  const scope = fellowScope(filters)
  const [people, work, coaching, reviews] = await Promise.all([
    placed(db.select({
      fellowId: fellows.id,
      name: users.name,
      cohortId: fellows.cohortId,
      cohortName: cohorts.name,
      cadence: cohorts.coachingCadence,
      state: leas.state,
      leaId: leas.id,
      leaName: leas.name,
      schoolId: schools.id,
      schoolName: schools.name,
      position: fellows.position,
      programYear: fellows.programYear,
      lastSignInOn: sql<string | null>`to_char(${users.lastSignInAt} at time zone 'America/New_York', 'YYYY-MM-DD')`,
    }).from(fellows).$dynamic())
      .innerJoin(cohorts, eq(cohorts.id, fellows.cohortId))
      .where(scope)
      .orderBy(asc(users.name)),
    placed(db.select({
      fellowId: fellows.id,
      modulesOpen: int(sql`count(*) filter (where ${moduleSchedule.opensOn} <= ${today})`),
      modulesDone: int(sql`count(*) filter (where ${moduleSchedule.opensOn} <= ${today} and ${moduleProgress.completedAt} is not null)`),
      onTime: int(sql`count(*) filter (where ${submissions.submittedAt} is not null and ${handedInOn} <= ${moduleSchedule.dueOn})`),
      late: int(sql`count(*) filter (where ${submissions.submittedAt} is not null and ${handedInOn} > ${moduleSchedule.dueOn})`),
      missing: int(sql`count(*) filter (where ${submissions.submittedAt} is null and ${moduleSchedule.dueOn} < ${today})`),
      awaitingReview: int(sql`count(*) filter (where ${submissions.status} in ('submitted', 'resubmitted'))`),
    }).from(fellows).$dynamic())
      .innerJoin(moduleSchedule, eq(moduleSchedule.cohortId, fellows.cohortId))
      .innerJoin(modules, moduleAppliesToFellow)
      .leftJoin(moduleProgress, and(eq(moduleProgress.fellowId, fellows.id), eq(moduleProgress.moduleSlug, modules.slug)))
      .leftJoin(submissions, and(eq(submissions.fellowId, fellows.id), eq(submissions.moduleSlug, modules.slug)))
      .where(scope)
      .groupBy(fellows.id),
    placed(db.select({
      fellowId: fellows.id,
      lastSessionOn: sql<string | null>`to_char(max(${coachingSessions.heldOn}), 'YYYY-MM-DD')`,
      sessionsThisMonth: int(sql`count(*) filter (where ${coachingSessions.heldOn} >= ${monthStart})`),
    }).from(fellows).$dynamic())
      .innerJoin(coachingSessions, and(eq(coachingSessions.fellowId, fellows.id), not(coachingSessions.isDraft)))
      .where(scope)
      .groupBy(fellows.id),
    reviewTurnarounds(scope),
  ])
  const byId = <T extends { fellowId: string }>(rows: T[]) => new Map(rows.map((r) => [r.fellowId, r]))
  const workOf = byId(work)
  const coachingOf = byId(coaching)
  const reviewsOf = byId(reviews)
  return people.map((p) => {
    const w = workOf.get(p.fellowId)
    const c = coachingOf.get(p.fellowId)
    const r = reviewsOf.get(p.fellowId)
    return {
      ...p,
      modulesOpen: w?.modulesOpen ?? 0,
      modulesDone: w?.modulesDone ?? 0,
      onTime: w?.onTime ?? 0,
      late: w?.late ?? 0,
      missing: w?.missing ?? 0,
      awaitingReview: w?.awaitingReview ?? 0,
      reviews: r?.reviews ?? 0,
      reviewDays: Number(r?.reviewDays ?? 0),
      lastSessionOn: c?.lastSessionOn ?? null,
      sessionsThisMonth: c?.sessionsThisMonth ?? 0,
    }
  })
}

const isReview = sql`${submissionEvents.toStatus} in ('returned', 'accepted')`
const isHandIn = sql`${submissionEvents.toStatus} in ('submitted', 'resubmitted')`
// date_part gives float8 seconds; extract gives numeric, whose sums cost a fifth more here.
const seconds = sql`date_part('epoch', ${submissionEvents.createdAt})`

/**
 * Reviews (returned or accepted) per fellow in scope, and the days they took from the hand-ins
 * they answered. Hand-ins and reviews alternate (transition() in ~/domain/submission-state: only
 * a submitted or resubmitted piece can be reviewed, only a returned one handed in again), so per
 * submission the total wait is the sum of review times less the sum of answered hand-in times —
 * every hand-in but a last one still awaiting review. Plain sums in one pass over the events: the
 * first version asked a subquery per review, and that plan's cost (about a million, against a
 * jit_above_cost of 100,000) set PostgreSQL's JIT compiling for half a second on every page view.
 */
function reviewTurnarounds(scope: SQL) {
  const inScope = placed(db.select({ id: fellows.id }).from(fellows).$dynamic()).where(scope)
  const perSubmission = db
    .select({
      fellowId: submissions.fellowId,
      awaiting: sql<boolean>`${submissions.status} in ('submitted', 'resubmitted')`.as('awaiting'),
      reviews: sql<number>`count(*) filter (where ${isReview})`.as('reviews'),
      reviewSeconds: sql<number>`coalesce(sum(${seconds}) filter (where ${isReview}), 0)`.as('review_seconds'),
      handInSeconds: sql<number>`coalesce(sum(${seconds}) filter (where ${isHandIn}), 0)`.as('hand_in_seconds'),
      lastHandIn: sql<number>`coalesce(max(${seconds}) filter (where ${isHandIn}), 0)`.as('last_hand_in'),
    })
    .from(submissions)
    .innerJoin(submissionEvents, eq(submissionEvents.submissionId, submissions.id))
    .where(inArray(submissions.fellowId, inScope))
    .groupBy(submissions.id)
    .as('per_submission')
  const waited = sql`${perSubmission.reviewSeconds} - ${perSubmission.handInSeconds} + case when ${perSubmission.awaiting} then ${perSubmission.lastHandIn} else 0 end`
  return db
    .select({
      fellowId: perSubmission.fellowId,
      reviews: int(sql`sum(${perSubmission.reviews})`),
      reviewDays: sql<number>`(sum(${waited}) / 86400)::float8`,
    })
    .from(perSubmission)
    .where(sql`${perSubmission.reviews} > 0`)
    .groupBy(perSubmission.fellowId)
}

/** Per cohort and calendar month of opening: how many fellows a module applied to, and how many completed it. */
export async function completionByMonth({ filters, today }: { filters: StaffFilters; today: string }) {
  return placed(db.select({
    cohortId: fellows.cohortId,
    cohortName: cohorts.name,
    month: sql<string>`to_char(${moduleSchedule.opensOn}, 'YYYY-MM')`,
    applicable: int(sql`count(*)`),
    done: int(sql`count(${moduleProgress.completedAt})`),
  }).from(fellows).$dynamic())
    .innerJoin(cohorts, eq(cohorts.id, fellows.cohortId))
    .innerJoin(moduleSchedule, eq(moduleSchedule.cohortId, fellows.cohortId))
    .innerJoin(modules, moduleAppliesToFellow)
    .leftJoin(moduleProgress, and(eq(moduleProgress.fellowId, fellows.id), eq(moduleProgress.moduleSlug, modules.slug)))
    .where(and(fellowScope(filters), sql`${moduleSchedule.opensOn} <= ${today}`))
    .groupBy(fellows.cohortId, cohorts.name, sql`to_char(${moduleSchedule.opensOn}, 'YYYY-MM')`)
    .orderBy(asc(cohorts.name), sql`to_char(${moduleSchedule.opensOn}, 'YYYY-MM')`)
}

/** Coaching sessions logged per calendar month for the fellows in scope (drafts are not sessions yet). */
export async function sessionsByMonth({ filters }: { filters: StaffFilters }) {
  return placed(db.select({
    month: sql<string>`to_char(${coachingSessions.heldOn}, 'YYYY-MM')`,
    sessions: int(sql`count(*)`),
  }).from(fellows).$dynamic())
    .innerJoin(coachingSessions, and(eq(coachingSessions.fellowId, fellows.id), not(coachingSessions.isDraft)))
    .where(fellowScope(filters))
    .groupBy(sql`to_char(${coachingSessions.heldOn}, 'YYYY-MM')`)
    .orderBy(sql`to_char(${coachingSessions.heldOn}, 'YYYY-MM')`)
}

/**
 * What the filter form offers: cohorts, LEAs with their state, and the schools of the chosen LEA.
 * Schools wait for an LEA: a statewide academy has thousands, and listing them all made every
 * staff page carry half a megabyte of options (in the HTML and again in its data).
 */
export async function listFilterOptions({ lea }: { lea: string | null }) {
  const [cohortRows, leaRows, schoolRows] = await Promise.all([
    db.select({ id: cohorts.id, name: cohorts.name }).from(cohorts).orderBy(asc(cohorts.startYear), asc(cohorts.name)),
    db.select({ id: leas.id, name: leas.name, state: leas.state }).from(leas).orderBy(asc(leas.state), asc(leas.name)),
    db.select({ id: schools.id, name: schools.name, leaId: schools.leaId }).from(schools).where(lea ? eq(schools.leaId, lea) : sql`false`).orderBy(asc(schools.name)),
  ])
  return { cohorts: cohortRows, leas: leaRows, schools: schoolRows }
}
