import { and, asc, eq, inArray, isNotNull, ne, not, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm'
import type { PgSelect } from 'drizzle-orm/pg-core'
import { db } from '../../db/client.server'
import { coachingSessions, cohorts, fellows, leas, moduleProgress, moduleSchedule, modules, schools, submissions, users } from '../../db/schema'
import type { FellowFact, MonthCompletion } from '~/domain/staff-metrics'
import type { Track } from '~/domain/curriculum'
import { isOwnWork } from '~/domain/reader'
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

/** The ids of the fellows a filter set covers; school and LEA are joined only when a filter names them. */
function fellowIdsInScope(filters: StaffFilters) {
  const query = db.select({ id: fellows.id }).from(fellows).innerJoin(users, eq(users.id, fellows.userId)).$dynamic()
  const placedByFilter = filters.state || filters.lea || filters.school
  const joined = placedByFilter ? query.innerJoin(schools, eq(schools.id, fellows.schoolId)).innerJoin(leas, eq(leas.id, schools.leaId)) : query
  return joined.where(fellowScope(filters))
}

const int = (expression: SQL) => sql<number>`(${expression})::int`

/** The calendar month a module opens in, as YYYY-MM. */
const openingMonth = sql<string>`to_char(${moduleSchedule.opensOn}, 'YYYY-MM')`

type Completions = { byFellow: Map<string, number>; byCohortMonth: Map<string, number> }

/**
 * Opened modules of their own work that the fellows in scope completed, counted per fellow and per
 * cohort and month of opening in one pass (GROUPING SETS): the overview needs both, and two
 * queries joined the same 62,000 completions of a large academy twice, 50 and 70 ms each.
 */
async function completedModules({ filters, today }: { filters: StaffFilters; today: string }): Promise<Completions> {
  const rows = await db
    .select({
      fellowId: sql<string | null>`${fellows.id}`,
      cohortId: sql<string | null>`${fellows.cohortId}`,
      month: sql<string | null>`${openingMonth}`,
      done: int(sql`count(*)`),
    })
    .from(moduleProgress)
    .innerJoin(fellows, eq(fellows.id, moduleProgress.fellowId))
    .innerJoin(moduleSchedule, and(eq(moduleSchedule.cohortId, fellows.cohortId), eq(moduleSchedule.moduleSlug, moduleProgress.moduleSlug)))
    .innerJoin(modules, moduleAppliesToFellow)
    .where(and(inArray(fellows.id, fellowIdsInScope(filters)), isNotNull(moduleProgress.completedAt), sql`${moduleSchedule.opensOn} <= ${today}`))
    .groupBy(sql`grouping sets ((${fellows.id}), (${fellows.cohortId}, ${openingMonth}))`)
  const completions: Completions = { byFellow: new Map(), byCohortMonth: new Map() }
  for (const row of rows) {
    if (row.fellowId !== null) completions.byFellow.set(row.fellowId, row.done)
    else completions.byCohortMonth.set(`${row.cohortId} ${row.month}`, row.done)
  }
  return completions
}

/**
 * What the overview and the reports add up: each fellow's standing (listFellowFacts) and completion
 * per cohort and month (completionByMonth), sharing one count of completed modules.
 */
export async function staffStanding({ filters, today, monthStart }: { filters: StaffFilters; today: string; monthStart: string }) {
  const completions = completedModules({ filters, today })
  const [facts, months] = await Promise.all([listFellowFacts({ filters, today, monthStart, completions }), completionByMonth({ filters, today, completions })])
  return { facts, months }
}

/**
 * Every fellow in scope with their standing, in set-based queries whatever the number of fellows,
 * merged by fellow: who they are; what their cohort's calendar expects of their year and track;
 * the modules they completed (counted with the month grid's, completedModules); their hand-ins;
 * their coaching; their reviews. The calendar is
 * counted once per cohort, year and track rather than once per fellow and module: pairing every
 * fellow with every module of the calendar made 100,000 rows at 10,000 fellows and took 340 ms.
 */
async function listFellowFacts({ filters, today, monthStart, completions }: { filters: StaffFilters; today: string; monthStart: string; completions: Promise<Completions> }): Promise<FellowFact[]> {
  const scope = fellowScope(filters)
  const inScope = fellowIdsInScope(filters)
  const [people, calendar, completed, handIns, coaching, reviews] = await Promise.all([
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
      // Unordered: every view orders its own rows (rollUp, needingAttention), and sorting 10,000
      // names by the database's collation took a quarter of this query's 50 ms.
      .where(scope),
    db
      .select({
        cohortId: moduleSchedule.cohortId,
        year: modules.year,
        track: modules.track,
        opened: int(sql`count(*) filter (where ${moduleSchedule.opensOn} <= ${today})`),
        due: int(sql`count(*) filter (where ${moduleSchedule.dueOn} < ${today})`),
      })
      .from(moduleSchedule)
      .innerJoin(modules, eq(modules.slug, moduleSchedule.moduleSlug))
      .groupBy(moduleSchedule.cohortId, modules.year, modules.track),
    completions,
    db
      .select({
        fellowId: fellows.id,
        onTime: int(sql`count(*) filter (where ${submissions.submittedAt} is not null and ${handedInOn} <= ${moduleSchedule.dueOn})`),
        late: int(sql`count(*) filter (where ${submissions.submittedAt} is not null and ${handedInOn} > ${moduleSchedule.dueOn})`),
        handedInPastDue: int(sql`count(*) filter (where ${submissions.submittedAt} is not null and ${moduleSchedule.dueOn} < ${today})`),
        awaitingReview: int(sql`count(*) filter (where ${submissions.status} in ('submitted', 'resubmitted'))`),
      })
      .from(submissions)
      .innerJoin(fellows, eq(fellows.id, submissions.fellowId))
      .innerJoin(moduleSchedule, and(eq(moduleSchedule.cohortId, fellows.cohortId), eq(moduleSchedule.moduleSlug, submissions.moduleSlug)))
      .innerJoin(modules, moduleAppliesToFellow)
      .where(inArray(fellows.id, inScope))
      .groupBy(fellows.id),
    // Sessions added up per fellow before meeting the scope: 100,000 rows grouped, not joined four times.
    db
      .select({
        fellowId: coachingSessions.fellowId,
        lastSessionOn: sql<string | null>`to_char(max(${coachingSessions.heldOn}), 'YYYY-MM-DD')`,
        sessionsThisMonth: int(sql`count(*) filter (where ${coachingSessions.heldOn} >= ${monthStart})`),
      })
      .from(coachingSessions)
      .where(and(not(coachingSessions.isDraft), inArray(coachingSessions.fellowId, inScope)))
      .groupBy(coachingSessions.fellowId),
    reviewTurnarounds(inScope),
  ])
  const byId = <T extends { fellowId: string }>(rows: T[]) => new Map(rows.map((r) => [r.fellowId, r]))
  const handInsBy = byId(handIns)
  const coachingOf = byId(coaching)
  const reviewsOf = byId(reviews)
  const expected = calendarExpectations(calendar)
  // Every field named in one literal: spreading the driver's rows gave objects V8 keeps as
  // dictionaries, and adding up 10,000 of them took 27 ms instead of 1.
  return people.map((p) => {
    const due = expected(p.cohortId, p.programYear, p.position)
    const h = handInsBy.get(p.fellowId)
    const c = coachingOf.get(p.fellowId)
    const r = reviewsOf.get(p.fellowId)
    return {
      fellowId: p.fellowId,
      name: p.name,
      cohortId: p.cohortId,
      cohortName: p.cohortName,
      cadence: p.cadence,
      state: p.state,
      leaId: p.leaId,
      leaName: p.leaName,
      schoolId: p.schoolId,
      schoolName: p.schoolName,
      position: p.position,
      programYear: p.programYear,
      lastSignInOn: p.lastSignInOn,
      modulesOpen: due.opened,
      modulesDone: completed.byFellow.get(p.fellowId) ?? 0,
      onTime: h?.onTime ?? 0,
      late: h?.late ?? 0,
      missing: due.due - (h?.handedInPastDue ?? 0),
      awaitingReview: h?.awaitingReview ?? 0,
      reviews: r?.reviews ?? 0,
      reviewDays: Number(r?.reviewDays ?? 0),
      lastSessionOn: c?.lastSessionOn ?? null,
      sessionsThisMonth: c?.sessionsThisMonth ?? 0,
    }
  })
}

/**
 * How many of a cohort's scheduled modules have opened, and how many are past due, for a fellow of
 * a year and position: their own work (isOwnWork, as moduleAppliesToFellow says in SQL).
 */
function calendarExpectations(rows: { cohortId: string; year: number; track: Track; opened: number; due: number }[]) {
  const known = new Map<string, { opened: number; due: number }>()
  return (cohortId: string, programYear: number, position: 'principal' | 'assistant_principal') => {
    const key = `${cohortId} ${programYear} ${position}`
    const found = known.get(key)
    if (found) return found
    const sums = { opened: 0, due: 0 }
    for (const row of rows) {
      if (row.cohortId !== cohortId || !isOwnWork({ programYear, position }, row)) continue
      sums.opened += row.opened
      sums.due += row.due
    }
    known.set(key, sums)
    return sums
  }
}

/**
 * Reviews (returned or accepted) per fellow in scope, and the days they took from the hand-ins
 * they answered: sums each submission keeps as its events are recorded (migration 0006,
 * docs/decisions/0014). Adding them up from the events themselves read all 200,000 of a large
 * academy's and took half a second on every page view.
 */
function reviewTurnarounds(inScope: SQLWrapper) {
  return db
    .select({
      fellowId: submissions.fellowId,
      reviews: int(sql`sum(${submissions.reviews})`),
      reviewDays: sql<number>`(sum(${submissions.reviewSeconds}) / 86400)::float8`,
    })
    .from(submissions)
    .where(and(inArray(submissions.fellowId, inScope), sql`${submissions.reviews} > 0`))
    .groupBy(submissions.fellowId)
}

/**
 * Per cohort and calendar month of opening: how many fellows a module applied to, and how many
 * completed it. The first figure is fellows per cohort, year and position times the modules that
 * opened for them that month, so no query pairs every fellow with every module.
 */
async function completionByMonth({ filters, today, completions }: { filters: StaffFilters; today: string; completions: Promise<Completions> }): Promise<MonthCompletion[]> {
  const [groups, calendar, completed] = await Promise.all([
    db
      .select({ cohortId: fellows.cohortId, cohortName: cohorts.name, programYear: fellows.programYear, position: fellows.position, fellows: int(sql`count(*)`) })
      .from(fellows)
      .innerJoin(cohorts, eq(cohorts.id, fellows.cohortId))
      .where(inArray(fellows.id, fellowIdsInScope(filters)))
      .groupBy(fellows.cohortId, cohorts.name, fellows.programYear, fellows.position),
    db
      .select({ cohortId: moduleSchedule.cohortId, month: openingMonth, year: modules.year, track: modules.track, modules: int(sql`count(*)`) })
      .from(moduleSchedule)
      .innerJoin(modules, eq(modules.slug, moduleSchedule.moduleSlug))
      .where(sql`${moduleSchedule.opensOn} <= ${today}`)
      .groupBy(moduleSchedule.cohortId, openingMonth, modules.year, modules.track),
    completions,
  ])
  const doneIn = completed.byCohortMonth
  const cells = new Map<string, MonthCompletion>()
  for (const group of groups) {
    for (const entry of calendar) {
      if (entry.cohortId !== group.cohortId || !isOwnWork(group, entry)) continue
      const key = `${group.cohortId} ${entry.month}`
      const cell = cells.get(key) ?? { cohortId: group.cohortId, cohortName: group.cohortName, month: entry.month, applicable: 0, done: doneIn.get(key) ?? 0 }
      cell.applicable += group.fellows * entry.modules
      cells.set(key, cell)
    }
  }
  return [...cells.values()]
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
