import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { db } from '../../db/client.server'
import { fellows, leas, moduleProgress, moduleSchedule, modules, schools, submissions, users } from '../../db/schema'
import type { StaffFilters } from '~/domain/staff-filters'
import { fellowScope } from './staff-metrics.server'

/** A cohort's fellows in scope, the modules of their years on its schedule, and every fellow's progress and hand-ins. */
export async function getHeatmapData({ cohortId, filters }: { cohortId: string; filters: StaffFilters }) {
  const people = await db
    .select({
      fellowId: fellows.id,
      name: users.name,
      position: fellows.position,
      programYear: fellows.programYear,
      schoolName: schools.name,
      leaName: leas.name,
      state: leas.state,
    })
    .from(fellows)
    .innerJoin(users, eq(users.id, fellows.userId))
    .innerJoin(schools, eq(schools.id, fellows.schoolId))
    .innerJoin(leas, eq(leas.id, schools.leaId))
    .where(and(fellowScope({ ...filters, cohort: cohortId })))
    .orderBy(asc(users.name))
  const years = [...new Set(people.map((p) => p.programYear))]
  const ids = people.map((p) => p.fellowId)
  if (ids.length === 0) return { people, columns: [], progress: [], handIns: [] }
  const [columns, progress, handIns] = await Promise.all([
    db
      .select({ slug: modules.slug, title: modules.title, year: modules.year, month: modules.month, track: modules.track, opensOn: moduleSchedule.opensOn, dueOn: moduleSchedule.dueOn })
      .from(moduleSchedule)
      .innerJoin(modules, eq(modules.slug, moduleSchedule.moduleSlug))
      .where(and(eq(moduleSchedule.cohortId, cohortId), inArray(modules.year, years)))
      .orderBy(asc(modules.year), asc(modules.month), asc(modules.track)),
    db
      .select({ fellowId: moduleProgress.fellowId, slug: moduleProgress.moduleSlug })
      .from(moduleProgress)
      .where(inArray(moduleProgress.fellowId, ids)),
    db
      .select({
        fellowId: submissions.fellowId,
        slug: submissions.moduleSlug,
        status: submissions.status,
        handedInOn: sql<string | null>`to_char(${submissions.submittedAt} at time zone 'America/New_York', 'YYYY-MM-DD')`,
      })
      .from(submissions)
      .where(inArray(submissions.fellowId, ids)),
  ])
  return { people, columns, progress, handIns }
}
