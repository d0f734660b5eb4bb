import type { Track } from './curriculum'
import { isOwnWork } from './reader'

/**
 * A fellow's own record of work per module slug, as fellow_standing keeps it (db/schema.ts):
 * whether they completed it, the Eastern day they first handed its assignment in, and whether that
 * hand-in awaits review. Only modules with a completion or a hand-in appear.
 */
export type ModuleWork = Record<string, [done: 0 | 1, handedInOn: string | null, awaitingReview: 0 | 1]>

/** A module on a cohort's calendar. */
export type ScheduledModule = { cohortId: string; slug: string; year: number; track: Track; opensOn: string; dueOn: string }

export type WorkCounts = {
  /** Modules of their own work that have opened, and how many of those they completed. */
  modulesOpen: number
  modulesDone: number
  /** Hand-ins on or before the due day, and after it. */
  onTime: number
  late: number
  /** Assignments past their due day and not handed in. */
  missing: number
  /** Handed in and not yet reviewed. */
  awaitingReview: number
}

/** A fellow's figures on the modules of their own work (their year and track) on their cohort's calendar, as of today. */
export function countWork(work: ModuleWork, own: ScheduledModule[], today: string): WorkCounts {
  const counts: WorkCounts = { modulesOpen: 0, modulesDone: 0, onTime: 0, late: 0, missing: 0, awaitingReview: 0 }
  for (const module of own) {
    const entry = work[module.slug]
    const handedInOn = entry?.[1] ?? null
    if (module.opensOn <= today) {
      counts.modulesOpen++
      if (entry?.[0] === 1) counts.modulesDone++
    }
    if (handedInOn !== null) {
      if (handedInOn <= module.dueOn) counts.onTime++
      else counts.late++
    } else if (module.dueOn < today) {
      counts.missing++
    }
    if (entry?.[2] === 1) counts.awaitingReview++
  }
  return counts
}

/**
 * The modules of a cohort's calendar that are a fellow's own work, for a year and position; worked
 * out once per cohort, year and position, since an academy has thousands of fellows and few of those.
 */
export function ownModules(calendar: ScheduledModule[]) {
  const known = new Map<string, ScheduledModule[]>()
  return (cohortId: string, programYear: number, position: 'principal' | 'assistant_principal') => {
    const key = `${cohortId} ${programYear} ${position}`
    let own = known.get(key)
    if (!own) {
      own = calendar.filter((module) => module.cohortId === cohortId && isOwnWork({ programYear, position }, module))
      known.set(key, own)
    }
    return own
  }
}
