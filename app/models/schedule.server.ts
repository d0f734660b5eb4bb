import { and, asc, eq, sql } from 'drizzle-orm'
import { db } from '../../db/client.server'
import { cohorts, modules, moduleSchedule } from '../../db/schema'

export async function getCohort({ id }: { id: string }) {
  const [row] = await db
    .select({ id: cohorts.id, name: cohorts.name, startYear: cohorts.startYear, coachingCadence: cohorts.coachingCadence })
    .from(cohorts)
    .where(eq(cohorts.id, id))
  return row ?? null
}

export async function setCoachingCadence({ id, perMonth }: { id: string; perMonth: number }) {
  await db.update(cohorts).set({ coachingCadence: perMonth }).where(eq(cohorts.id, id))
}

export async function listCohorts() {
  return db.select({ id: cohorts.id, name: cohorts.name, startYear: cohorts.startYear }).from(cohorts).orderBy(asc(cohorts.startYear), asc(cohorts.name))
}

/** The cohort's dates for every module, in curriculum order; modules without dates come back with nulls. */
export async function getCohortSchedule({ cohortId }: { cohortId: string }) {
  return db
    .select({
      moduleSlug: modules.slug,
      title: modules.title,
      year: modules.year,
      month: modules.month,
      opensOn: moduleSchedule.opensOn,
      dueOn: moduleSchedule.dueOn,
    })
    .from(modules)
    .leftJoin(moduleSchedule, and(eq(moduleSchedule.moduleSlug, modules.slug), eq(moduleSchedule.cohortId, cohortId)))
    .orderBy(asc(modules.year), asc(modules.month))
}

export async function getScheduleEntry({ cohortId, moduleSlug }: { cohortId: string; moduleSlug: string }) {
  const [row] = await db
    .select({ opensOn: moduleSchedule.opensOn, dueOn: moduleSchedule.dueOn })
    .from(moduleSchedule)
    .where(and(eq(moduleSchedule.cohortId, cohortId), eq(moduleSchedule.moduleSlug, moduleSlug)))
  return row ?? null
}

/** Fills in dates a cohort does not have yet; dates staff already set are kept. */
export async function insertMissingSchedule({ cohortId, entries }: { cohortId: string; entries: { moduleSlug: string; opensOn: string; dueOn: string }[] }) {
  if (entries.length === 0) return 0
  const inserted = await db
    .insert(moduleSchedule)
    .values(entries.map((e) => ({ cohortId, ...e })))
    .onConflictDoNothing()
    .returning({ moduleSlug: moduleSchedule.moduleSlug })
  return inserted.length
}

export async function setScheduleDates({ cohortId, entries }: { cohortId: string; entries: { moduleSlug: string; opensOn: string; dueOn: string }[] }) {
  if (entries.length === 0) return
  await db
    .insert(moduleSchedule)
    .values(entries.map((e) => ({ cohortId, ...e })))
    .onConflictDoUpdate({
      target: [moduleSchedule.cohortId, moduleSchedule.moduleSlug],
      set: { opensOn: sql`excluded.opens_on`, dueOn: sql`excluded.due_on` },
    })
}
