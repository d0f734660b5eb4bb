import { and, asc, eq, gte, ne, not, or, sql, type SQL } from 'drizzle-orm'
import type { PgSelect } from 'drizzle-orm/pg-core'
import { db } from '../../db/client.server'
import { coachingSessions, cohorts, fellowStanding, fellows, leas, moduleSchedule, modules, schools, users } from '../../db/schema'
import { addUpStanding } from '~/domain/standing'
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

/** Adds the joins every scope needs (account, school, LEA) to a query over fellows. */
function placed<T extends PgSelect>(query: T) {
  return query
    .innerJoin(users, eq(users.id, fellows.userId))
    .innerJoin(schools, eq(schools.id, fellows.schoolId))
    .innerJoin(leas, eq(leas.id, schools.leaId))
}

const int = (expression: SQL) => sql<number>`(${expression})::int`

/**
 * What the overview and the reports add up, for the fellows in scope: each one's figures, and
 * completion per cohort and month a module opened (addUpStanding). A few queries whatever the
 * academy's size: the fellows with their standing (one row each, kept by triggers:
 * docs/decisions/0015), the cohorts' calendars, the sessions logged this month, and the schools
 * and cohorts by id. Before the standing, six queries joined every completion, hand-in and
 * coaching session of the academy on each view: 62,000, 70,000 and 100,000 rows at 10,000 fellows.
 */
export async function staffStanding({ filters, today, monthStart }: { filters: StaffFilters; today: string; monthStart: string }) {
  const placedByFilter = filters.state || filters.lea || filters.school
  const fellowsQuery = db
    .select({
      fellowId: fellows.id,
      name: users.name,
      cohortId: fellows.cohortId,
      schoolId: fellows.schoolId,
      position: fellows.position,
      programYear: fellows.programYear,
      lastSignInOn: sql<string | null>`(${users.lastSignInAt} at time zone 'America/New_York')::date`,
      doneBits: fellowStanding.doneBits,
      handedBits: fellowStanding.handedBits,
      awaitingBits: fellowStanding.awaitingBits,
      handedDays: fellowStanding.handedDays,
      reviews: fellowStanding.reviews,
      reviewSeconds: fellowStanding.reviewSeconds,
      lastSessionOn: fellowStanding.lastSessionOn,
    })
    .from(fellows)
    .innerJoin(users, eq(users.id, fellows.userId))
    .leftJoin(fellowStanding, eq(fellowStanding.fellowId, fellows.id))
    .$dynamic()
  const [people, calendar, thisMonth] = await Promise.all([
    // Unordered: every view orders its own rows (rollUp, needingAttention), and sorting 10,000
    // names by the database's collation took a quarter of this query's time.
    (placedByFilter ? fellowsQuery.innerJoin(schools, eq(schools.id, fellows.schoolId)).innerJoin(leas, eq(leas.id, schools.leaId)) : fellowsQuery).where(fellowScope(filters)),
    db
      .select({ cohortId: moduleSchedule.cohortId, slug: modules.slug, year: modules.year, month: modules.month, track: modules.track, opensOn: moduleSchedule.opensOn, dueOn: moduleSchedule.dueOn })
      .from(moduleSchedule)
      .innerJoin(modules, eq(modules.slug, moduleSchedule.moduleSlug)),
    db
      .select({ fellowId: coachingSessions.fellowId, sessions: int(sql`count(*)`) })
      .from(coachingSessions)
      .where(and(not(coachingSessions.isDraft), gte(coachingSessions.heldOn, monthStart)))
      .groupBy(coachingSessions.fellowId),
  ])
  // School, LEA and cohort as two small lists rather than joined onto each of 10,000 rows: the
  // database joins less, and every fellow of a school shares its strings. Read after the fellows,
  // so every school and cohort they name is there (neither can be deleted while named).
  const [placeRows, cohortRows] = await Promise.all([
    db.select({ schoolId: schools.id, schoolName: schools.name, leaId: leas.id, leaName: leas.name, state: leas.state }).from(schools).innerJoin(leas, eq(leas.id, schools.leaId)),
    db.select({ id: cohorts.id, name: cohorts.name, cadence: cohorts.coachingCadence }).from(cohorts),
  ])
  return addUpStanding({
    people,
    places: new Map(placeRows.map((r) => [r.schoolId, r])),
    cohorts: new Map(cohortRows.map((r) => [r.id, r])),
    calendar,
    sessionsThisMonth: new Map(thisMonth.map((r) => [r.fellowId, r.sessions])),
    today,
  })
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
