import type { Track } from './curriculum'
import { isOwnWork } from './reader'
import type { FellowFact, MonthCompletion } from './staff-metrics'

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

/** A fellow in scope with their standing, as the database gives them (no standing yet: nulls). */
export type StandingRow = {
  fellowId: string
  name: string
  cohortId: string
  schoolId: string
  position: 'principal' | 'assistant_principal'
  programYear: number
  lastSignInOn: string | null
  work: ModuleWork | null
  reviews: number | null
  reviewSeconds: number | null
  lastSessionOn: string | null
}

type Place = { schoolName: string; leaId: string; leaName: string; state: 'MD' | 'NJ' }
type Cohort = { name: string; cadence: number }

/**
 * Each fellow's figures (countWork on their own modules), and per cohort and month a module opened
 * how many fellows it applied to and how many completed it: one pass over the fellows, whatever
 * their number, with each group's opened modules and month cells found once.
 */
export function addUpStanding(args: {
  people: StandingRow[]
  places: Map<string, Place>
  cohorts: Map<string, Cohort>
  calendar: ScheduledModule[]
  sessionsThisMonth: Map<string, number>
  today: string
}): { facts: FellowFact[]; months: MonthCompletion[] } {
  const { today } = args
  const ownOf = ownModules(args.calendar)
  const months = new Map<string, MonthCompletion>()
  const cellsOf = new Map<ScheduledModule[], { slug: string; cell: MonthCompletion }[]>()
  const openedCells = (own: ScheduledModule[], cohortId: string, cohortName: string) => {
    let cells = cellsOf.get(own)
    if (!cells) {
      cells = own
        .filter((module) => module.opensOn <= today)
        .map((module) => {
          const month = module.opensOn.slice(0, 7)
          const key = `${cohortId} ${month}`
          let cell = months.get(key)
          if (!cell) months.set(key, (cell = { cohortId, cohortName, month, applicable: 0, done: 0 }))
          return { slug: module.slug, cell }
        })
      cellsOf.set(own, cells)
    }
    return cells
  }
  const facts: FellowFact[] = []
  for (const p of args.people) {
    const place = args.places.get(p.schoolId)
    const cohort = args.cohorts.get(p.cohortId)
    if (!place || !cohort) throw new Error(`Fellow ${p.fellowId} names a school or cohort that was not read.`)
    const own = ownOf(p.cohortId, p.programYear, p.position)
    const work = p.work ?? {}
    const counts = countWork(work, own, today)
    for (const { slug, cell } of openedCells(own, p.cohortId, cohort.name)) {
      cell.applicable++
      if (work[slug]?.[0] === 1) cell.done++
    }
    // Every field named in one literal: spreading the driver's rows gave objects V8 keeps as
    // dictionaries, and adding up 10,000 of them took 27 ms instead of 1.
    facts.push({
      fellowId: p.fellowId,
      name: p.name,
      cohortId: p.cohortId,
      cohortName: cohort.name,
      cadence: cohort.cadence,
      state: place.state,
      leaId: place.leaId,
      leaName: place.leaName,
      schoolId: p.schoolId,
      schoolName: place.schoolName,
      position: p.position,
      programYear: p.programYear,
      lastSignInOn: p.lastSignInOn,
      modulesOpen: counts.modulesOpen,
      modulesDone: counts.modulesDone,
      onTime: counts.onTime,
      late: counts.late,
      missing: counts.missing,
      awaitingReview: counts.awaitingReview,
      reviews: p.reviews ?? 0,
      reviewDays: (p.reviewSeconds ?? 0) / 86_400,
      lastSessionOn: p.lastSessionOn,
      sessionsThisMonth: args.sessionsThisMonth.get(p.fellowId) ?? 0,
    })
  }
  return { facts, months: [...months.values()] }
}
