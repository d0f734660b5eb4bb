import type { Track } from './curriculum'
import { isOwnWork } from './reader'
import type { FellowFact, MonthCompletion } from './staff-metrics'

/**
 * A fellow's own record of work, as fellow_standing keeps it (db/schema.ts): one bit per module of
 * their track, at moduleBit. Set in doneBits when they completed it, in handedBits when they handed
 * its assignment in, in awaitingBits while that hand-in awaits review; handedDays holds the Eastern
 * day (dayNumber) of each first hand-in, in the order of the handed bits, lowest first.
 */
export type ModuleWork = { doneBits: number; handedBits: number; awaitingBits: number; handedDays: number[] }

export const NO_WORK: ModuleWork = { doneBits: 0, handedBits: 0, awaitingBits: 0, handedDays: [] }

/**
 * A module's place in the two years: one per month (year 1 September is 0, year 2 June is 19). A
 * fellow takes one module a month (checkCurriculum), so among the modules of their track a bit
 * names one. The same formula is in refresh_fellow_standing (migration 0008).
 */
export function moduleBit(module: { year: number; month: number }) {
  return (module.year - 1) * 10 + (module.month - 1)
}

/** Days since 1970-01-01 of a YYYY-MM-DD day: what fellow_standing.handed_days holds. */
export function dayNumber(day: string) {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000
}

function bitCount(bits: number) {
  let count = 0
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++
  return count
}

/** A module on a cohort's calendar. */
export type ScheduledModule = { cohortId: string; slug: string; year: number; month: number; track: Track; opensOn: string; dueOn: string }

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

/**
 * The modules of a fellow's own work (their cohort's calendar, their year and track) as of today,
 * as bit masks of moduleBit: all of them, those opened, those past their due day, and each one's
 * due day by bit.
 */
export type OwnWork = { modules: ScheduledModule[]; own: number; opened: number; pastDue: number; dueDays: number[] }

/** A fellow's figures on the modules of their own work, as of the day `own` was worked out for. */
export function countWork(work: ModuleWork, own: OwnWork): WorkCounts {
  let onTime = 0
  let late = 0
  let day = 0
  // The handed bits, lowest first, each with its day.
  for (let rest = work.handedBits; rest !== 0; rest &= rest - 1, day++) {
    const bit = 31 - Math.clz32(rest & -rest)
    if ((own.own & (1 << bit)) === 0) continue
    if (work.handedDays[day] <= own.dueDays[bit]) onTime++
    else late++
  }
  return {
    modulesOpen: bitCount(own.opened),
    modulesDone: bitCount(work.doneBits & own.opened),
    onTime,
    late,
    missing: bitCount(own.pastDue & ~work.handedBits),
    awaitingReview: bitCount(work.awaitingBits & own.own),
  }
}

/**
 * The modules of a cohort's calendar that are a fellow's own work, for a year and position, as of
 * today; worked out once per cohort, year and position, since an academy has thousands of fellows
 * and few of those.
 */
export function ownModules(calendar: ScheduledModule[], today: string) {
  // Per cohort, the four kinds of fellow: year one or two, principal or assistant principal.
  const known = new Map<string, (OwnWork | undefined)[]>()
  return (cohortId: string, programYear: number, position: 'principal' | 'assistant_principal') => {
    let kinds = known.get(cohortId)
    if (!kinds) known.set(cohortId, (kinds = []))
    const kind = (programYear - 1) * 2 + (position === 'principal' ? 0 : 1)
    let own = kinds[kind]
    if (!own) {
      own = { modules: [], own: 0, opened: 0, pastDue: 0, dueDays: new Array<number>(32).fill(0) }
      for (const module of calendar) {
        if (module.cohortId !== cohortId || !isOwnWork({ programYear, position }, module)) continue
        const bit = 1 << moduleBit(module)
        own.modules.push(module)
        own.own |= bit
        if (module.opensOn <= today) own.opened |= bit
        if (module.dueOn < today) own.pastDue |= bit
        own.dueDays[moduleBit(module)] = dayNumber(module.dueOn)
      }
      kinds[kind] = own
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
  doneBits: number | null
  handedBits: number | null
  awaitingBits: number | null
  handedDays: number[] | null
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
  const ownOf = ownModules(args.calendar, today)
  const months = new Map<string, MonthCompletion>()
  const cellsOf = new Map<OwnWork, { bit: number; cell: MonthCompletion }[]>()
  const openedCells = (own: OwnWork, cohortId: string, cohortName: string) => {
    let cells = cellsOf.get(own)
    if (!cells) {
      cells = own.modules
        .filter((module) => module.opensOn <= today)
        .map((module) => {
          const month = module.opensOn.slice(0, 7)
          const key = `${cohortId} ${month}`
          let cell = months.get(key)
          if (!cell) months.set(key, (cell = { cohortId, cohortName, month, applicable: 0, done: 0 }))
          return { bit: 1 << moduleBit(module), cell }
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
    const work = p.doneBits === null ? NO_WORK : { doneBits: p.doneBits, handedBits: p.handedBits ?? 0, awaitingBits: p.awaitingBits ?? 0, handedDays: p.handedDays ?? [] }
    const counts = countWork(work, own)
    for (const { bit, cell } of openedCells(own, p.cohortId, cohort.name)) {
      cell.applicable++
      if (work.doneBits & bit) cell.done++
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
