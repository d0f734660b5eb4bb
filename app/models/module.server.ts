import { and, eq, inArray, sql } from 'drizzle-orm'
import { db } from '../../db/client.server'
import { moduleProgress, modules, moduleSchedule, promptResponses } from '../../db/schema'
import type { CompiledModule } from '~/domain/content-manifest'

/** Upserts the compiled curriculum into `modules` (at start-up); answers and progress are untouched. */
export async function syncModules({ compiled }: { compiled: CompiledModule[] }) {
  if (compiled.length === 0) return
  await db
    .insert(modules)
    .values(
      compiled.map((m) => ({
        slug: m.slug,
        year: m.year,
        month: m.month,
        title: m.title,
        strand: m.strand,
        track: m.track,
        minutes: m.minutes,
        assignmentId: m.assignment.id,
        sectionCount: m.sections.length,
        contentHash: m.contentHash,
      })),
    )
    .onConflictDoUpdate({
      target: modules.slug,
      set: {
        year: sql`excluded.year`,
        month: sql`excluded.month`,
        title: sql`excluded.title`,
        strand: sql`excluded.strand`,
        track: sql`excluded.track`,
        minutes: sql`excluded.minutes`,
        assignmentId: sql`excluded.assignment_id`,
        sectionCount: sql`excluded.section_count`,
        contentHash: sql`excluded.content_hash`,
        syncedAt: sql`now()`,
      },
    })
}

export async function getAnswers({ fellowId, moduleSlug }: { fellowId: string; moduleSlug: string }) {
  const rows = await db
    .select({ promptId: promptResponses.promptId, body: promptResponses.body })
    .from(promptResponses)
    .where(and(eq(promptResponses.fellowId, fellowId), eq(promptResponses.moduleSlug, moduleSlug)))
  return Object.fromEntries(rows.map((r) => [r.promptId, r.body]))
}

/**
 * Saves an answer and marks the module started, in one statement (a data-modifying WITH runs to
 * completion with the main insert, atomically). One round trip instead of a four-statement
 * transaction: autosave is the busiest write, and a transaction cut off by a database restart
 * crashes the process through a postgres.js bug (docs/decisions/0011).
 */
export async function saveAnswer({ fellowId, moduleSlug, promptId, body }: { fellowId: string; moduleSlug: string; promptId: string; body: string }) {
  const started = db.$with('started').as(
    db.insert(moduleProgress).values({ fellowId, moduleSlug }).onConflictDoNothing().returning({ fellowId: moduleProgress.fellowId }),
  )
  const [row] = await db
    .with(started)
    .insert(promptResponses)
    .values({ fellowId, moduleSlug, promptId, body })
    .onConflictDoUpdate({
      target: [promptResponses.fellowId, promptResponses.moduleSlug, promptResponses.promptId],
      set: { body, updatedAt: sql`now()` },
    })
    .returning({ updatedAt: promptResponses.updatedAt })
  return row
}

export async function getProgress({ fellowId, moduleSlug }: { fellowId: string; moduleSlug: string }) {
  const [row] = await db
    .select({ sectionsDone: moduleProgress.sectionsDone, startedAt: moduleProgress.startedAt, completedAt: moduleProgress.completedAt })
    .from(moduleProgress)
    .where(and(eq(moduleProgress.fellowId, fellowId), eq(moduleProgress.moduleSlug, moduleSlug)))
  return row ?? null
}

export async function setProgress({ fellowId, moduleSlug, sectionsDone, complete }: { fellowId: string; moduleSlug: string; sectionsDone: string[]; complete: boolean }) {
  const completedAt = complete ? sql`coalesce(${moduleProgress.completedAt}, now())` : sql`null`
  await db
    .insert(moduleProgress)
    .values({ fellowId, moduleSlug, sectionsDone, completedAt: complete ? new Date() : null })
    .onConflictDoUpdate({
      target: [moduleProgress.fellowId, moduleProgress.moduleSlug],
      set: { sectionsDone, completedAt, updatedAt: sql`now()` },
    })
}

/** Progress, answered-prompt counts and schedule for a fellow's modules, for the year at a glance. */
export async function getYearOverview({ fellowId, cohortId, slugs }: { fellowId: string; cohortId: string; slugs: string[] }) {
  if (slugs.length === 0) return { progress: [], answered: [], schedule: [] }
  const [progress, answered, schedule] = await Promise.all([
    db
      .select({ moduleSlug: moduleProgress.moduleSlug, sectionsDone: moduleProgress.sectionsDone, completedAt: moduleProgress.completedAt })
      .from(moduleProgress)
      .where(and(eq(moduleProgress.fellowId, fellowId), inArray(moduleProgress.moduleSlug, slugs))),
    db
      .select({ moduleSlug: promptResponses.moduleSlug, count: sql<number>`count(*)::int` })
      .from(promptResponses)
      .where(and(eq(promptResponses.fellowId, fellowId), inArray(promptResponses.moduleSlug, slugs)))
      .groupBy(promptResponses.moduleSlug),
    db
      .select({ moduleSlug: moduleSchedule.moduleSlug, opensOn: moduleSchedule.opensOn, dueOn: moduleSchedule.dueOn })
      .from(moduleSchedule)
      .where(and(eq(moduleSchedule.cohortId, cohortId), inArray(moduleSchedule.moduleSlug, slugs))),
  ])
  return { progress, answered, schedule }
}

/** Progress rows of several fellows on several modules, for caseload and dashboard tables. */
export async function listProgressFor({ fellowIds, slugs }: { fellowIds: string[]; slugs: string[] }) {
  if (fellowIds.length === 0 || slugs.length === 0) return []
  return db
    .select({ fellowId: moduleProgress.fellowId, moduleSlug: moduleProgress.moduleSlug, completedAt: moduleProgress.completedAt })
    .from(moduleProgress)
    .where(and(inArray(moduleProgress.fellowId, fellowIds), inArray(moduleProgress.moduleSlug, slugs)))
}
