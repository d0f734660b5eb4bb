import { and, asc, desc, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm'
import { db } from '../../db/client.server'
import {
  beliefUpdates,
  coachAssignments,
  coachingSessionBeliefs,
  coachingSessionRevisions,
  coachingSessions,
  cohorts,
  fellows,
  limitingBeliefs,
  users,
} from '../../db/schema'
import type { BeliefDomain, BeliefStatus, SessionInput } from '~/domain/coaching'
import { currentPairing } from './pairing.server'

/** Columns everyone with access to a session may have; private notes are selected separately. */
const sharedColumns = {
  id: coachingSessions.id,
  coachId: coachingSessions.coachId,
  fellowId: coachingSessions.fellowId,
  heldOn: coachingSessions.heldOn,
  minutes: coachingSessions.minutes,
  modality: coachingSessions.modality,
  focus: coachingSessions.focus,
  sharedSummary: coachingSessions.sharedSummary,
  nextSteps: coachingSessions.nextSteps,
  isDraft: coachingSessions.isDraft,
  updatedAt: coachingSessions.updatedAt,
}

export async function getSession({ id }: { id: string }) {
  const [row] = await db
    .select({ ...sharedColumns, privateNotes: coachingSessions.privateNotes })
    .from(coachingSessions)
    .where(eq(coachingSessions.id, id))
  return row ?? null
}

export async function getSessionBeliefIds({ sessionId }: { sessionId: string }) {
  const rows = await db.select({ beliefId: coachingSessionBeliefs.beliefId }).from(coachingSessionBeliefs).where(eq(coachingSessionBeliefs.sessionId, sessionId))
  return rows.map((r) => r.beliefId)
}

/** A coach's view of a fellow's sessions: their own in full (notes separately), others' shared parts. */
export async function listSessionsForCoach({ fellowId, coachId }: { fellowId: string; coachId: string }) {
  return db
    .select({ ...sharedColumns, coachName: users.name })
    .from(coachingSessions)
    .innerJoin(users, eq(users.id, coachingSessions.coachId))
    .where(and(eq(coachingSessions.fellowId, fellowId), or(eq(coachingSessions.isDraft, false), eq(coachingSessions.coachId, coachId))))
    .orderBy(desc(coachingSessions.heldOn), desc(coachingSessions.createdAt))
}

/** What the fellow sees: logged sessions' shared summaries and next steps, newest first. Never notes. */
export async function listSharedSessions({ fellowId }: { fellowId: string }) {
  return db
    .select({
      id: coachingSessions.id,
      heldOn: coachingSessions.heldOn,
      minutes: coachingSessions.minutes,
      modality: coachingSessions.modality,
      sharedSummary: coachingSessions.sharedSummary,
      nextSteps: coachingSessions.nextSteps,
      coachName: users.name,
    })
    .from(coachingSessions)
    .innerJoin(users, eq(users.id, coachingSessions.coachId))
    .where(and(eq(coachingSessions.fellowId, fellowId), eq(coachingSessions.isDraft, false)))
    .orderBy(desc(coachingSessions.heldOn), desc(coachingSessions.createdAt))
}

export async function createDraftSession({ coachId, fellowId, heldOn }: { coachId: string; fellowId: string; heldOn: string }) {
  const [row] = await db
    .insert(coachingSessions)
    .values({ coachId, fellowId, heldOn, minutes: 60, modality: 'in_person', isDraft: true })
    .returning({ id: coachingSessions.id })
  return row.id
}

/**
 * Saves a session. A logged session's previous version is kept as a revision first, so edits have
 * a history; drafts simply update.
 */
export async function saveSession({ id, editorId, values, finalize }: { id: string; editorId: string; values: SessionInput; finalize: boolean }) {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(coachingSessions).where(eq(coachingSessions.id, id))
    if (!current) return
    if (!current.isDraft) {
      await tx.insert(coachingSessionRevisions).values({
        sessionId: id,
        editorId,
        snapshot: {
          heldOn: current.heldOn,
          minutes: current.minutes,
          modality: current.modality,
          focus: current.focus,
          privateNotes: current.privateNotes,
          sharedSummary: current.sharedSummary,
          nextSteps: current.nextSteps,
        },
      })
    }
    await tx
      .update(coachingSessions)
      .set({
        heldOn: values.heldOn,
        minutes: values.minutes,
        modality: values.modality,
        focus: values.focus,
        privateNotes: values.privateNotes,
        sharedSummary: values.sharedSummary,
        nextSteps: values.nextSteps,
        isDraft: current.isDraft && !finalize,
        updatedAt: new Date(),
      })
      .where(eq(coachingSessions.id, id))
    await tx.delete(coachingSessionBeliefs).where(eq(coachingSessionBeliefs.sessionId, id))
    if (values.beliefIds.length > 0) {
      const owned = await tx
        .select({ id: limitingBeliefs.id })
        .from(limitingBeliefs)
        .where(and(eq(limitingBeliefs.fellowId, current.fellowId), inArray(limitingBeliefs.id, values.beliefIds)))
      if (owned.length > 0) await tx.insert(coachingSessionBeliefs).values(owned.map((b) => ({ sessionId: id, beliefId: b.id })))
    }
  })
}

export async function countSessionRevisions({ sessionId }: { sessionId: string }) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(coachingSessionRevisions).where(eq(coachingSessionRevisions.sessionId, sessionId))
  return row.n
}

export async function listBeliefs({ fellowId, sharedOnly }: { fellowId: string; sharedOnly: boolean }) {
  return db
    .select({
      id: limitingBeliefs.id,
      belief: limitingBeliefs.belief,
      domain: limitingBeliefs.domain,
      evidence: limitingBeliefs.evidence,
      status: limitingBeliefs.status,
      sharedWithFellow: limitingBeliefs.sharedWithFellow,
      createdAt: limitingBeliefs.createdAt,
    })
    .from(limitingBeliefs)
    .where(and(eq(limitingBeliefs.fellowId, fellowId), sharedOnly ? eq(limitingBeliefs.sharedWithFellow, true) : undefined))
    .orderBy(asc(limitingBeliefs.createdAt))
}

export async function listBeliefUpdates({ beliefIds, withEvidence }: { beliefIds: string[]; withEvidence: boolean }) {
  if (beliefIds.length === 0) return []
  return db
    .select({
      id: beliefUpdates.id,
      beliefId: beliefUpdates.beliefId,
      fromStatus: beliefUpdates.fromStatus,
      toStatus: beliefUpdates.toStatus,
      evidence: withEvidence ? beliefUpdates.evidence : sql<string>`''`,
      sessionId: beliefUpdates.sessionId,
      createdAt: beliefUpdates.createdAt,
    })
    .from(beliefUpdates)
    .where(inArray(beliefUpdates.beliefId, beliefIds))
    .orderBy(asc(beliefUpdates.createdAt))
}

export async function createBelief(values: { fellowId: string; coachId: string; belief: string; domain: BeliefDomain; evidence: string; sharedWithFellow: boolean }) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(limitingBeliefs).values(values).returning({ id: limitingBeliefs.id })
    await tx.insert(beliefUpdates).values({ beliefId: row.id, fromStatus: null, toStatus: 'surfaced', evidence: values.evidence, createdById: values.coachId })
    return row.id
  })
}

export async function getBelief({ id }: { id: string }) {
  const [row] = await db
    .select({ id: limitingBeliefs.id, fellowId: limitingBeliefs.fellowId, status: limitingBeliefs.status, sharedWithFellow: limitingBeliefs.sharedWithFellow })
    .from(limitingBeliefs)
    .where(eq(limitingBeliefs.id, id))
  return row ?? null
}

/** Moves a belief if it is still where the coach saw it, and records the move with its session and evidence. */
export async function moveBelief(args: { id: string; from: BeliefStatus; to: BeliefStatus; evidence: string; sessionId: string | null; coachId: string }) {
  return db.transaction(async (tx) => {
    const moved = await tx
      .update(limitingBeliefs)
      .set({ status: args.to, updatedAt: new Date() })
      .where(and(eq(limitingBeliefs.id, args.id), eq(limitingBeliefs.status, args.from)))
      .returning({ id: limitingBeliefs.id })
    if (moved.length === 0) return false
    await tx.insert(beliefUpdates).values({ beliefId: args.id, fromStatus: args.from, toStatus: args.to, evidence: args.evidence, sessionId: args.sessionId, createdById: args.coachId })
    return true
  })
}

export async function setBeliefShared({ id, shared }: { id: string; shared: boolean }) {
  await db.update(limitingBeliefs).set({ sharedWithFellow: shared, updatedAt: new Date() }).where(eq(limitingBeliefs.id, id))
}

/** Per fellow of a coach's current caseload: last logged session and sessions since `monthStart`. */
export async function caseloadSessionStats({ coachId, monthStart }: { coachId: string; monthStart: string }) {
  return db
    .select({
      fellowId: coachAssignments.fellowId,
      lastSessionOn: sql<string | null>`max(${coachingSessions.heldOn})::text`,
      sessionsThisMonth: sql<number>`count(${coachingSessions.id}) filter (where ${coachingSessions.heldOn} >= ${monthStart})::int`,
      expected: sql<number>`min(${cohorts.coachingCadence})::int`,
    })
    .from(coachAssignments)
    .innerJoin(fellows, eq(fellows.id, coachAssignments.fellowId))
    .innerJoin(cohorts, eq(cohorts.id, fellows.cohortId))
    .leftJoin(coachingSessions, and(eq(coachingSessions.fellowId, coachAssignments.fellowId), eq(coachingSessions.isDraft, false)))
    .where(and(eq(coachAssignments.coachId, coachId), isNull(coachAssignments.endsOn)))
    .groupBy(coachAssignments.fellowId)
}

/** Staff's view per cohort and coach: counts and minutes only, never the text of notes or beliefs. */
export async function coachingCounts({ since }: { since: string }) {
  const sessions = await db
    .select({
      cohortId: fellows.cohortId,
      coachId: coachingSessions.coachId,
      coachName: users.name,
      month: sql<string>`to_char(${coachingSessions.heldOn}, 'YYYY-MM')`,
      sessions: sql<number>`count(*)::int`,
      fellows: sql<number>`count(distinct ${coachingSessions.fellowId})::int`,
      minutes: sql<number>`sum(${coachingSessions.minutes})::int`,
    })
    .from(coachingSessions)
    .innerJoin(fellows, eq(fellows.id, coachingSessions.fellowId))
    .innerJoin(users, eq(users.id, coachingSessions.coachId))
    .where(and(eq(coachingSessions.isDraft, false), gte(coachingSessions.heldOn, since)))
    .groupBy(fellows.cohortId, coachingSessions.coachId, users.name, sql`to_char(${coachingSessions.heldOn}, 'YYYY-MM')`)
  const beliefs = await db
    .select({ cohortId: fellows.cohortId, status: limitingBeliefs.status, domain: limitingBeliefs.domain, count: sql<number>`count(*)::int` })
    .from(limitingBeliefs)
    .innerJoin(fellows, eq(fellows.id, limitingBeliefs.fellowId))
    .groupBy(fellows.cohortId, limitingBeliefs.status, limitingBeliefs.domain)
  const lastSessions = await db
    .select({
      fellowId: fellows.id,
      cohortId: fellows.cohortId,
      fellowName: users.name,
      pairedSince: coachAssignments.startsOn,
      lastSessionOn: sql<string | null>`max(${coachingSessions.heldOn})::text`,
    })
    .from(fellows)
    .innerJoin(users, eq(users.id, fellows.userId))
    .innerJoin(coachAssignments, currentPairing)
    .leftJoin(coachingSessions, and(eq(coachingSessions.fellowId, fellows.id), eq(coachingSessions.isDraft, false)))
    .groupBy(fellows.id, users.name, coachAssignments.startsOn)
  return { sessions, beliefs, lastSessions }
}

/** Coaches and how many fellows each is paired with now. */
export async function listCoachesWithCaseload() {
  return db
    .select({ id: users.id, name: users.name, email: users.email, caseload: sql<number>`count(${coachAssignments.id})::int` })
    .from(users)
    .leftJoin(coachAssignments, and(eq(coachAssignments.coachId, users.id), isNull(coachAssignments.endsOn)))
    .where(and(eq(users.role, 'coach'), eq(users.status, 'active')))
    .groupBy(users.id)
    .orderBy(asc(users.name))
}

/** Ends the fellow's current pairing (history kept) and starts a new one, in one transaction. */
export async function repair({ fellowId, coachId, startsOn, createdById }: { fellowId: string; coachId: string; startsOn: string; createdById: string }) {
  await db.transaction(async (tx) => {
    await tx.update(coachAssignments).set({ endsOn: startsOn }).where(and(eq(coachAssignments.fellowId, fellowId), isNull(coachAssignments.endsOn)))
    await tx.insert(coachAssignments).values({ fellowId, coachId, startsOn, createdById })
  })
}
