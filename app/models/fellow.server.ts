import { and, asc, eq, isNull } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { db } from '../../db/client.server'
import { currentPairing } from './pairing.server'
import { coachAssignments, cohorts, fellows, leas, schools, users } from '../../db/schema'

const coachUsers = alias(users, 'coach_users')

/** A fellow's own record: cohort, school, LEA and current coach. */
export async function getFellowProfile({ userId }: { userId: string }) {
  const [row] = await db
    .select({
      fellowId: fellows.id,
      name: users.name,
      cohortId: fellows.cohortId,
      cohortStartYear: cohorts.startYear,
      position: fellows.position,
      programYear: fellows.programYear,
      focusArea: fellows.focusArea,
      projectTitle: fellows.projectTitle,
      cohortName: cohorts.name,
      schoolName: schools.name,
      leaName: leas.name,
      state: leas.state,
      coachName: coachUsers.name,
      coachEmail: coachUsers.email,
    })
    .from(fellows)
    .innerJoin(users, eq(users.id, fellows.userId))
    .innerJoin(cohorts, eq(cohorts.id, fellows.cohortId))
    .innerJoin(schools, eq(schools.id, fellows.schoolId))
    .innerJoin(leas, eq(leas.id, schools.leaId))
    .leftJoin(coachAssignments, currentPairing)
    .leftJoin(coachUsers, eq(coachUsers.id, coachAssignments.coachId))
    .where(eq(fellows.userId, userId))
  return row ?? null
}

/** What the permission check needs about a fellow: whose work it is and who coaches them now. */
export async function getFellowAccessContext({ fellowId }: { fellowId: string }) {
  const [row] = await db
    .select({ fellowUserId: fellows.userId, currentCoachId: coachAssignments.coachId })
    .from(fellows)
    .leftJoin(coachAssignments, currentPairing)
    .where(eq(fellows.id, fellowId))
  return row ?? null
}

/** The fellows a coach is paired with today. */
export async function listCaseload({ coachId }: { coachId: string }) {
  return db
    .select({
      fellowId: fellows.id,
      name: users.name,
      email: users.email,
      position: fellows.position,
      programYear: fellows.programYear,
      cohortName: cohorts.name,
      schoolName: schools.name,
      leaName: leas.name,
      state: leas.state,
      pairedSince: coachAssignments.startsOn,
    })
    .from(coachAssignments)
    .innerJoin(fellows, eq(fellows.id, coachAssignments.fellowId))
    .innerJoin(users, eq(users.id, fellows.userId))
    .innerJoin(cohorts, eq(cohorts.id, fellows.cohortId))
    .innerJoin(schools, eq(schools.id, fellows.schoolId))
    .innerJoin(leas, eq(leas.id, schools.leaId))
    .where(and(eq(coachAssignments.coachId, coachId), isNull(coachAssignments.endsOn)))
    .orderBy(asc(users.name))
}

/** Every fellow of a cohort with what notices and schedules need. */
export async function listCohortFellows({ cohortId }: { cohortId: string }) {
  return db
    .select({ fellowId: fellows.id, userId: fellows.userId, programYear: fellows.programYear, position: fellows.position })
    .from(fellows)
    .innerJoin(users, eq(users.id, fellows.userId))
    .where(and(eq(fellows.cohortId, cohortId), eq(users.status, 'active')))
}

/** Every fellow with their current coach, for pairing. */
export async function listFellowsWithCoach() {
  return db
    .select({ fellowId: fellows.id, name: users.name, cohortName: cohorts.name, coachId: coachAssignments.coachId })
    .from(fellows)
    .innerJoin(users, eq(users.id, fellows.userId))
    .innerJoin(cohorts, eq(cohorts.id, fellows.cohortId))
    .leftJoin(coachAssignments, currentPairing)
    .orderBy(asc(cohorts.name), asc(users.name))
}
