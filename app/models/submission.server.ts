import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { db } from '../../db/client.server'
import { currentPairing } from './pairing.server'
import {
  artifacts,
  coachAssignments,
  cohorts,
  fellows,
  modules,
  moduleSchedule,
  submissionArtifacts,
  submissionEvents,
  submissions,
  submissionFiles,
  users,
} from '../../db/schema'
import type { SubmissionState } from '~/domain/submission-state'

const actors = alias(users, 'actors')

/** A submission with what the permission check and the page need: owner, coach, cohort, due date. */
export async function getSubmission({ id }: { id: string }) {
  const [row] = await db
    .select({
      id: submissions.id,
      fellowId: submissions.fellowId,
      moduleSlug: submissions.moduleSlug,
      assignmentId: submissions.assignmentId,
      status: submissions.status,
      body: submissions.body,
      submittedAt: submissions.submittedAt,
      updatedAt: submissions.updatedAt,
      fellowUserId: fellows.userId,
      fellowName: users.name,
      position: fellows.position,
      programYear: fellows.programYear,
      cohortId: fellows.cohortId,
      currentCoachId: coachAssignments.coachId,
      opensOn: moduleSchedule.opensOn,
      dueOn: moduleSchedule.dueOn,
    })
    .from(submissions)
    .innerJoin(fellows, eq(fellows.id, submissions.fellowId))
    .innerJoin(users, eq(users.id, fellows.userId))
    .leftJoin(coachAssignments, currentPairing)
    .leftJoin(moduleSchedule, and(eq(moduleSchedule.cohortId, fellows.cohortId), eq(moduleSchedule.moduleSlug, submissions.moduleSlug)))
    .where(eq(submissions.id, id))
  return row ?? null
}

export async function findSubmission({ fellowId, moduleSlug }: { fellowId: string; moduleSlug: string }) {
  const [row] = await db
    .select({ id: submissions.id, status: submissions.status })
    .from(submissions)
    .where(and(eq(submissions.fellowId, fellowId), eq(submissions.moduleSlug, moduleSlug)))
  return row ?? null
}

/** The fellow's draft for an assignment, made on first use; a second call returns the same one. */
export async function createDraft({ fellowId, moduleSlug, assignmentId, actorId }: { fellowId: string; moduleSlug: string; assignmentId: string; actorId: string }) {
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(submissions)
      .values({ fellowId, moduleSlug, assignmentId })
      .onConflictDoNothing()
      .returning({ id: submissions.id })
    if (created) {
      await tx.insert(submissionEvents).values({ submissionId: created.id, actorId, fromStatus: null, toStatus: 'draft' })
      return created.id
    }
    const [existing] = await tx
      .select({ id: submissions.id })
      .from(submissions)
      .where(and(eq(submissions.fellowId, fellowId), eq(submissions.assignmentId, assignmentId)))
    return existing.id
  })
}

/** Saves the fellow's text only while the work is with them; false when it no longer is. */
export async function saveDraftBody({ id, body }: { id: string; body: string }) {
  const updated = await db
    .update(submissions)
    .set({ body, updatedAt: new Date() })
    .where(and(eq(submissions.id, id), inArray(submissions.status, ['draft', 'returned'])))
    .returning({ id: submissions.id })
  return updated.length === 1
}

/**
 * Moves a submission from one state to the next and records who did it, in one transaction. The
 * update only applies if the state is still `from`, so two reviewers cannot both decide.
 */
export async function recordTransition(args: { id: string; from: SubmissionState; to: SubmissionState; actorId: string; feedback?: string | null; body?: string }) {
  return db.transaction(async (tx) => {
    const submitting = args.to === 'submitted' || args.to === 'resubmitted'
    const moved = await tx
      .update(submissions)
      .set({
        status: args.to,
        updatedAt: new Date(),
        ...(args.body === undefined ? {} : { body: args.body }),
        ...(submitting ? { submittedAt: sql`coalesce(${submissions.submittedAt}, now())` } : {}),
      })
      .where(and(eq(submissions.id, args.id), eq(submissions.status, args.from)))
      .returning({ id: submissions.id })
    if (moved.length === 0) return false
    await tx.insert(submissionEvents).values({
      submissionId: args.id,
      actorId: args.actorId,
      fromStatus: args.from,
      toStatus: args.to,
      feedback: args.feedback ?? null,
    })
    return true
  })
}

export async function listSubmissionEvents({ submissionId }: { submissionId: string }) {
  return db
    .select({
      id: submissionEvents.id,
      fromStatus: submissionEvents.fromStatus,
      toStatus: submissionEvents.toStatus,
      feedback: submissionEvents.feedback,
      createdAt: submissionEvents.createdAt,
      actorName: actors.name,
      actorRole: actors.role,
    })
    .from(submissionEvents)
    .leftJoin(actors, eq(actors.id, submissionEvents.actorId))
    .where(eq(submissionEvents.submissionId, submissionId))
    .orderBy(asc(submissionEvents.createdAt), asc(submissionEvents.id))
}

export async function listSubmissionFiles({ submissionId }: { submissionId: string }) {
  return db
    .select({ id: submissionFiles.id, fileName: submissionFiles.fileName, contentType: submissionFiles.contentType, sizeBytes: submissionFiles.sizeBytes })
    .from(submissionFiles)
    .where(eq(submissionFiles.submissionId, submissionId))
    .orderBy(asc(submissionFiles.createdAt))
}

export async function getSubmissionFile({ id, submissionId }: { id: string; submissionId: string }) {
  const [row] = await db
    .select({ id: submissionFiles.id, fileName: submissionFiles.fileName, contentType: submissionFiles.contentType, storageKey: submissionFiles.storageKey, sizeBytes: submissionFiles.sizeBytes })
    .from(submissionFiles)
    .where(and(eq(submissionFiles.id, id), eq(submissionFiles.submissionId, submissionId)))
  return row ?? null
}

export async function insertSubmissionFile(values: { submissionId: string; fileName: string; contentType: string; sizeBytes: number; storageKey: string }) {
  const [row] = await db.insert(submissionFiles).values(values).returning({ id: submissionFiles.id })
  return row
}

export async function deleteSubmissionFile({ id, submissionId }: { id: string; submissionId: string }) {
  const [row] = await db
    .delete(submissionFiles)
    .where(and(eq(submissionFiles.id, id), eq(submissionFiles.submissionId, submissionId)))
    .returning({ storageKey: submissionFiles.storageKey })
  return row ?? null
}

/** The fellow's artifacts, with whether each is attached to this submission. */
export async function listAttachableArtifacts({ fellowId, submissionId }: { fellowId: string; submissionId: string }) {
  return db
    .select({
      id: artifacts.id,
      kind: artifacts.kind,
      title: artifacts.title,
      attached: sql<boolean>`${submissionArtifacts.artifactId} is not null`,
    })
    .from(artifacts)
    .leftJoin(submissionArtifacts, and(eq(submissionArtifacts.artifactId, artifacts.id), eq(submissionArtifacts.submissionId, submissionId)))
    .where(eq(artifacts.fellowId, fellowId))
    .orderBy(asc(artifacts.kind), asc(artifacts.title))
}

/** Replaces the set of attached artifacts with those of `artifactIds` that belong to the fellow. */
export async function setAttachedArtifacts({ submissionId, fellowId, artifactIds }: { submissionId: string; fellowId: string; artifactIds: string[] }) {
  await db.transaction(async (tx) => {
    await tx.delete(submissionArtifacts).where(eq(submissionArtifacts.submissionId, submissionId))
    if (artifactIds.length === 0) return
    const owned = await tx
      .select({ id: artifacts.id })
      .from(artifacts)
      .where(and(eq(artifacts.fellowId, fellowId), inArray(artifacts.id, artifactIds)))
    if (owned.length > 0) await tx.insert(submissionArtifacts).values(owned.map((a) => ({ submissionId, artifactId: a.id })))
  })
}

/** Work waiting for review, oldest first: a coach's current caseload, or everyone's for staff. */
export async function listReviewQueue({ coachId }: { coachId: string | null }) {
  return db
    .select({
      id: submissions.id,
      fellowId: submissions.fellowId,
      status: submissions.status,
      moduleTitle: modules.title,
      fellowName: users.name,
      cohortName: cohorts.name,
      waitingSince: submissions.updatedAt,
      submittedAt: submissions.submittedAt,
      dueOn: moduleSchedule.dueOn,
    })
    .from(submissions)
    .innerJoin(fellows, eq(fellows.id, submissions.fellowId))
    .innerJoin(users, eq(users.id, fellows.userId))
    .innerJoin(cohorts, eq(cohorts.id, fellows.cohortId))
    .innerJoin(modules, eq(modules.slug, submissions.moduleSlug))
    .leftJoin(moduleSchedule, and(eq(moduleSchedule.cohortId, fellows.cohortId), eq(moduleSchedule.moduleSlug, submissions.moduleSlug)))
    .leftJoin(coachAssignments, currentPairing)
    .where(
      and(
        inArray(submissions.status, ['submitted', 'resubmitted']),
        coachId ? eq(coachAssignments.coachId, coachId) : undefined,
      ),
    )
    .orderBy(asc(submissions.updatedAt))
}

/** A fellow's submissions by module, for their list of what is due. */
export async function listFellowSubmissions({ fellowId }: { fellowId: string }) {
  return db
    .select({ id: submissions.id, moduleSlug: submissions.moduleSlug, status: submissions.status, submittedAt: submissions.submittedAt })
    .from(submissions)
    .where(eq(submissions.fellowId, fellowId))
    .orderBy(desc(submissions.updatedAt))
}

/** Submission counts per cohort and state, for the staff overview. */
export async function countSubmissionsByCohort() {
  return db
    .select({ cohortId: fellows.cohortId, status: submissions.status, count: sql<number>`count(*)::int` })
    .from(submissions)
    .innerJoin(fellows, eq(fellows.id, submissions.fellowId))
    .groupBy(fellows.cohortId, submissions.status)
}

export async function listCohortSubmissionStates({ cohortId }: { cohortId: string }) {
  return db
    .select({ fellowId: submissions.fellowId, moduleSlug: submissions.moduleSlug, status: submissions.status })
    .from(submissions)
    .innerJoin(fellows, eq(fellows.id, submissions.fellowId))
    .where(eq(fellows.cohortId, cohortId))
}
