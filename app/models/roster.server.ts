import { and, desc, eq, inArray, isNull } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { db } from '../../db/client.server'
import { auditLog, coachAssignments, cohorts, fellows, leas, schools, users } from '../../db/schema'
import { describeChange, type LeaRef, type RosterPlan, type RosterSnapshot, type SchoolRef } from '~/domain/roster'

const coachUsers = alias(users, 'coach_users')

/** The cohorts a roster may name, newest first. */
export async function listRosterCohorts() {
  return db.select({ name: cohorts.name, startYear: cohorts.startYear }).from(cohorts).orderBy(desc(cohorts.startYear), cohorts.name)
}

/**
 * What planning a roster needs, in five queries whatever the file's length: every cohort, LEA and
 * school, and the accounts the file names (fellows and coaches) with their fellow records and
 * current pairings.
 */
export async function loadRosterSnapshot({ emails }: { emails: string[] }): Promise<Omit<RosterSnapshot, 'today'>> {
  const named = [...new Set(emails.map((e) => e.toLowerCase()))]
  const [cohortRows, leaRows, schoolRows] = await Promise.all([
    db.select({ id: cohorts.id, name: cohorts.name, startYear: cohorts.startYear }).from(cohorts),
    db.select({ id: leas.id, name: leas.name, state: leas.state }).from(leas),
    db.select({ id: schools.id, leaId: schools.leaId, name: schools.name }).from(schools),
  ])
  if (named.length === 0) return { cohorts: cohortRows, leas: leaRows, schools: schoolRows, users: [], fellows: [], pairings: [] }
  const userRows = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, status: users.status })
    .from(users)
    .where(inArray(users.email, named))
  const fellowRows = await db
    .select({
      id: fellows.id,
      userId: fellows.userId,
      cohortId: fellows.cohortId,
      schoolId: fellows.schoolId,
      position: fellows.position,
      programYear: fellows.programYear,
      coachId: coachAssignments.coachId,
      coachName: coachUsers.name,
      coachEmail: coachUsers.email,
    })
    .from(fellows)
    .innerJoin(users, eq(users.id, fellows.userId))
    .leftJoin(coachAssignments, and(eq(coachAssignments.fellowId, fellows.id), isNull(coachAssignments.endsOn)))
    .leftJoin(coachUsers, eq(coachUsers.id, coachAssignments.coachId))
    .where(inArray(users.email, named))
  return {
    cohorts: cohortRows,
    leas: leaRows,
    schools: schoolRows,
    users: userRows,
    fellows: fellowRows.map(({ id, userId, cohortId, schoolId, position, programYear }) => ({ id, userId, cohortId, schoolId, position, programYear })),
    pairings: fellowRows.flatMap((f) => (f.coachId && f.coachName !== null && f.coachEmail !== null ? [{ fellowId: f.id, coachId: f.coachId, coachName: f.coachName, coachEmail: f.coachEmail }] : [])),
  }
}

function chunks<T>(items: T[], size = 500) {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

function found<K, V>(map: Map<K, V>, key: K) {
  const value = map.get(key)
  if (value === undefined) throw new Error(`The roster plan refers to ${String(key)}, which was not created.`)
  return value
}

type AuditRow = typeof auditLog.$inferInsert
type NewUser = typeof users.$inferInsert

/**
 * Applies a plan in one transaction, all or nothing: new LEAs and schools, invited accounts and
 * fellow records, updates, re-pairings (the current pairing ends today and the new one starts
 * today, so history stays), and an audit row for each. Never touches progress, answers,
 * submissions, artifacts or coaching records. Returns the accounts created, to be invited once
 * the transaction has committed.
 */
export async function applyRosterPlan({ plan, actorId, ipAddress }: { plan: RosterPlan; actorId: string | null; ipAddress: string | null }) {
  return db.transaction(async (tx) => {
    const audit: AuditRow[] = []
    const record = (action: string, fellowId: string | null, details: AuditRow['details']) =>
      audit.push({ actorId, action, targetType: fellowId ? 'fellow' : null, targetId: fellowId, ipAddress, details })

    const leaIds = new Map<string, string>()
    for (const part of chunks(plan.newLeas)) {
      const rows = await tx.insert(leas).values(part.map((l) => ({ name: l.name, state: l.state }))).returning({ id: leas.id, name: leas.name, state: leas.state })
      const keys = new Map(part.map((l) => [`${l.state}|${l.name}`, l.key]))
      for (const r of rows) leaIds.set(found(keys, `${r.state}|${r.name}`), r.id)
    }
    const leaId = (ref: LeaRef) => (ref.kind === 'existing' ? ref.id : found(leaIds, ref.key))

    const schoolIds = new Map<string, string>()
    for (const part of chunks(plan.newSchools)) {
      const values = part.map((s) => ({ key: s.key, leaId: leaId(s.lea), name: s.name }))
      const rows = await tx.insert(schools).values(values.map(({ leaId, name }) => ({ leaId, name }))).returning({ id: schools.id, leaId: schools.leaId, name: schools.name })
      const keys = new Map(values.map((v) => [`${v.leaId}|${v.name}`, v.key]))
      for (const r of rows) schoolIds.set(found(keys, `${r.leaId}|${r.name}`), r.id)
    }
    const schoolId = (ref: SchoolRef) => (ref.kind === 'existing' ? ref.id : found(schoolIds, ref.key))

    // New fellows: invited accounts, fellow records, pairings.
    const created: { id: string; email: string; name: string }[] = []
    for (const part of chunks(plan.creates.filter((c) => c.existingUser === null))) {
      created.push(
        ...(await tx
          .insert(users)
          .values(part.map((c): NewUser => ({ email: c.email, name: c.name, role: 'fellow', status: 'invited' })))
          .returning({ id: users.id, email: users.email, name: users.name })),
      )
    }
    const userIds = new Map(created.map((u) => [u.email, u.id]))
    for (const c of plan.creates) {
      if (c.existingUser?.rename) await tx.update(users).set({ name: c.name, updatedAt: new Date() }).where(eq(users.id, c.existingUser.id))
    }
    const userIdOf = (c: RosterPlan['creates'][number]) => c.existingUser?.id ?? found(userIds, c.email)
    const fellowIds = new Map<string, string>()
    for (const part of chunks(plan.creates)) {
      const rows = await tx
        .insert(fellows)
        .values(part.map((c) => ({ userId: userIdOf(c), cohortId: c.cohort.id, schoolId: schoolId(c.school), position: c.position, programYear: c.programYear })))
        .returning({ id: fellows.id, userId: fellows.userId })
      for (const r of rows) fellowIds.set(r.userId, r.id)
    }
    const paired = plan.creates.flatMap((c) => (c.coach ? [{ fellowId: found(fellowIds, userIdOf(c)), coachId: c.coach.id }] : []))
    for (const part of chunks(paired)) {
      await tx.insert(coachAssignments).values(part.map((p) => ({ ...p, startsOn: plan.today, createdById: actorId })))
    }
    for (const c of plan.creates) {
      const fellowId = found(fellowIds, userIdOf(c))
      record('roster.fellow_created', fellowId, { email: c.email, cohort: c.cohort.name, school: c.schoolName, position: c.position, programYear: c.programYear, line: c.line })
      if (c.coach) record('pairing.changed', fellowId, { from: null, to: c.coach.id, source: 'roster import' })
    }

    // Existing fellows: only the fields that changed.
    for (const u of plan.updates) {
      const { set } = u
      if (set.name !== null) await tx.update(users).set({ name: set.name, updatedAt: new Date() }).where(eq(users.id, u.userId))
      if (set.cohortId !== null || set.school !== null || set.position !== null) {
        await tx
          .update(fellows)
          .set({
            ...(set.cohortId !== null ? { cohortId: set.cohortId } : {}),
            ...(set.school !== null ? { schoolId: schoolId(set.school) } : {}),
            ...(set.position !== null ? { position: set.position } : {}),
            updatedAt: new Date(),
          })
          .where(eq(fellows.id, u.fellowId))
      }
      if (set.coach !== null) {
        await tx.update(coachAssignments).set({ endsOn: plan.today }).where(and(eq(coachAssignments.fellowId, u.fellowId), isNull(coachAssignments.endsOn)))
        await tx.insert(coachAssignments).values({ fellowId: u.fellowId, coachId: set.coach.to.id, startsOn: plan.today, createdById: actorId })
        record('pairing.changed', u.fellowId, { from: set.coach.from, to: set.coach.to.id, source: 'roster import' })
      }
      record('roster.fellow_updated', u.fellowId, { email: u.email, changes: u.changes.map(describeChange), line: u.line })
    }

    record('roster.imported', null, {
      created: plan.creates.length,
      updated: plan.updates.length,
      unchanged: plan.unchanged.length,
      newLeas: plan.newLeas.length,
      newSchools: plan.newSchools.length,
    })
    for (const part of chunks(audit)) await tx.insert(auditLog).values(part)
    return { created }
  })
}

/** A unique index refused a row: someone changed the roster while this import ran. */
export function isRosterConflict(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  if ('code' in error && error.code === '23505') return true
  return 'cause' in error && error.cause !== error && isRosterConflict(error.cause)
}
