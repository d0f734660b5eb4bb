import { and, asc, desc, eq, ilike, or, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { db } from '../../db/client.server'
import { coachAssignments, coachingSessions, cohorts, fellows, leas, modules, moduleSchedule, schools, submissions, users } from '../../db/schema'
import { containsPattern, pageWindow, type AccountStatus, type Position, type RoleFilter, type StatusFilter } from '~/domain/people'
import { writeAudit } from './audit-log.server'
import { revokeUnusedTokens } from './auth-token.server'
import { currentPairing } from './pairing.server'
import { deleteUserSessions } from './session.server'

const coachUsers = alias(users, 'coach_users')

function peopleFilter({ q, role, status }: { q: string; role: RoleFilter; status: StatusFilter }) {
  const pattern = q ? containsPattern(q) : null
  return and(
    pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
    role === 'all' ? undefined : eq(users.role, role),
    status === 'all' ? undefined : eq(users.status, status),
  )
}

/**
 * One page of accounts matching a name or email fragment, role and status, with each fellow's
 * placement and each coach's current caseload, and the page window over the total.
 */
export async function searchPeople({ q, role, status, page, pageSize }: { q: string; role: RoleFilter; status: StatusFilter; page: number; pageSize: number }) {
  const where = peopleFilter({ q, role, status })
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(users).where(where)
  const window = pageWindow({ requested: page, total, size: pageSize })
  const people = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      status: users.status,
      fellowId: fellows.id,
      cohortName: cohorts.name,
      schoolName: schools.name,
      leaName: leas.name,
      state: leas.state,
      caseload: sql<number | null>`case when ${users.role} = 'coach' then (select count(*) from ${coachAssignments} where ${coachAssignments.coachId} = ${users.id} and ${coachAssignments.endsOn} is null) end::int`,
    })
    .from(users)
    .leftJoin(fellows, eq(fellows.userId, users.id))
    .leftJoin(cohorts, eq(cohorts.id, fellows.cohortId))
    .leftJoin(schools, eq(schools.id, fellows.schoolId))
    .leftJoin(leas, eq(leas.id, schools.leaId))
    .where(where)
    .orderBy(asc(users.name), asc(users.email))
    .limit(pageSize)
    .offset(window.offset)
  return { people, total, window }
}

/** What deciding a deactivation or reactivation needs about an account. */
export async function getAccountForStatusChange({ id }: { id: string }) {
  const [row] = await db
    .select({ id: users.id, name: users.name, role: users.role, status: users.status, hasPassword: sql<boolean>`${users.passwordHash} is not null` })
    .from(users)
    .where(eq(users.id, id))
  return row ?? null
}

/** Moves an account from `from` to `to`; false when its status changed in the meantime. */
export async function setUserStatus({ id, from, to }: { id: string; from: AccountStatus; to: AccountStatus }) {
  const updated = await db
    .update(users)
    .set({ status: to, updatedAt: new Date() })
    .where(and(eq(users.id, id), eq(users.status, from)))
    .returning({ id: users.id })
  return updated.length === 1
}

/**
 * Deactivates or reactivates an account and audits it. Deactivation ends every session of the
 * account at once and cancels its unused invitation and reset links; nothing of its work is
 * touched. False when the status changed in the meantime (nothing is done then).
 */
export async function changeAccountStatus({ id, from, to, actorId, ipAddress }: { id: string; from: AccountStatus; to: AccountStatus; actorId: string; ipAddress: string }) {
  if (!(await setUserStatus({ id, from, to }))) return false
  if (to === 'deactivated') {
    await deleteUserSessions({ userId: id })
    await revokeUnusedTokens({ userId: id, kind: 'invitation' })
    await revokeUnusedTokens({ userId: id, kind: 'password_reset' })
  }
  await writeAudit({
    actorId,
    action: to === 'deactivated' ? 'user.deactivated' : 'user.reactivated',
    targetType: 'user',
    targetId: id,
    ipAddress,
    details: { from, to },
  })
  return true
}

/** The fellow's account, placement and current coach, for staff. */
export async function getFellowRecord({ fellowId }: { fellowId: string }) {
  const [row] = await db
    .select({
      fellowId: fellows.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      status: users.status,
      lastSignInAt: users.lastSignInAt,
      cohortId: cohorts.id,
      cohortName: cohorts.name,
      coachingCadence: cohorts.coachingCadence,
      schoolId: schools.id,
      schoolName: schools.name,
      leaName: leas.name,
      state: leas.state,
      position: fellows.position,
      programYear: fellows.programYear,
      focusArea: fellows.focusArea,
      projectTitle: fellows.projectTitle,
      coachName: coachUsers.name,
    })
    .from(fellows)
    .innerJoin(users, eq(users.id, fellows.userId))
    .innerJoin(cohorts, eq(cohorts.id, fellows.cohortId))
    .innerJoin(schools, eq(schools.id, fellows.schoolId))
    .innerJoin(leas, eq(leas.id, schools.leaId))
    .leftJoin(coachAssignments, currentPairing)
    .leftJoin(coachUsers, eq(coachUsers.id, coachAssignments.coachId))
    .where(eq(fellows.id, fellowId))
  return row ?? null
}

/** Every pairing of the fellow, newest first; the current one has no end date. */
export async function listPairingHistory({ fellowId }: { fellowId: string }) {
  return db
    .select({ id: coachAssignments.id, coachName: users.name, startsOn: coachAssignments.startsOn, endsOn: coachAssignments.endsOn })
    .from(coachAssignments)
    .innerJoin(users, eq(users.id, coachAssignments.coachId))
    .where(eq(coachAssignments.fellowId, fellowId))
    .orderBy(desc(coachAssignments.startsOn), desc(coachAssignments.createdAt))
}

/** Logged sessions with the fellow: how many, how long, the last date. Never their text. */
export async function fellowCoachingCounts({ fellowId }: { fellowId: string }) {
  const [row] = await db
    .select({
      sessions: sql<number>`count(*)::int`,
      minutes: sql<number>`coalesce(sum(${coachingSessions.minutes}), 0)::int`,
      lastSessionOn: sql<string | null>`max(${coachingSessions.heldOn})::text`,
    })
    .from(coachingSessions)
    .where(and(eq(coachingSessions.fellowId, fellowId), eq(coachingSessions.isDraft, false)))
  return row
}

/** Each of the fellow's submissions with its module and its due date in the fellow's cohort. */
export async function listFellowSubmissionsWithDue({ fellowId }: { fellowId: string }) {
  return db
    .select({
      id: submissions.id,
      moduleSlug: submissions.moduleSlug,
      moduleTitle: modules.title,
      year: modules.year,
      status: submissions.status,
      submittedAt: submissions.submittedAt,
      updatedAt: submissions.updatedAt,
      dueOn: moduleSchedule.dueOn,
    })
    .from(submissions)
    .innerJoin(fellows, eq(fellows.id, submissions.fellowId))
    .innerJoin(modules, eq(modules.slug, submissions.moduleSlug))
    .leftJoin(moduleSchedule, and(eq(moduleSchedule.cohortId, fellows.cohortId), eq(moduleSchedule.moduleSlug, submissions.moduleSlug)))
    .where(eq(submissions.fellowId, fellowId))
    .orderBy(asc(modules.year), asc(modules.month))
}

/** Every school with its LEA and state, ordered for a select grouped by state and LEA. */
export async function listSchoolsWithLea() {
  return db
    .select({ id: schools.id, name: schools.name, leaName: leas.name, state: leas.state })
    .from(schools)
    .innerJoin(leas, eq(leas.id, schools.leaId))
    .orderBy(asc(leas.state), asc(leas.name), asc(schools.name))
}

export async function getSchoolWithLea({ id }: { id: string }) {
  const [row] = await db
    .select({ id: schools.id, name: schools.name, leaName: leas.name, state: leas.state })
    .from(schools)
    .innerJoin(leas, eq(leas.id, schools.leaId))
    .where(eq(schools.id, id))
  return row ?? null
}

/** Changes where the fellow sits. Only the fellows row changes: progress, answers and work stay. */
export async function setFellowPlacement({
  fellowId,
  placement,
}: {
  fellowId: string
  placement: { cohortId?: string; schoolId?: string; position?: Position; programYear?: number }
}) {
  await db
    .update(fellows)
    .set({ ...placement, updatedAt: new Date() })
    .where(eq(fellows.id, fellowId))
}
