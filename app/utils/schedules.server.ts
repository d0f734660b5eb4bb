import { defaultSchedule } from '~/domain/schedule'
import { insertMissingSchedule, listCohorts } from '~/models/schedule.server'
import { getCurriculum } from './content.server'

/** Gives every cohort the default dates for any module it has none for; staff-set dates stay. */
export async function ensureDefaultSchedules() {
  const modules = getCurriculum().modules
  let added = 0
  for (const cohort of await listCohorts()) {
    added += await insertMissingSchedule({ cohortId: cohort.id, entries: defaultSchedule(cohort.startYear, modules) })
  }
  return added
}
