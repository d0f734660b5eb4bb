import { moduleCalendarMonth } from './reader'

/** ISO date (YYYY-MM-DD) of a UTC calendar day. */
function iso(year: number, month: number, day: number) {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function weekday(year: number, month: number, day: number) {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay()
}

function daysIn(year: number, month: number) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Weekdays that are never school days in Maryland or New Jersey: Labor Day and New Year's Day. */
function isHoliday(year: number, month: number, day: number) {
  if (month === 1 && day === 1) return true
  // Labor Day: the first Monday of September.
  return month === 9 && day <= 7 && weekday(year, month, day) === 1
}

/** The first weekday of the month that is not a holiday. */
export function firstSchoolDay(year: number, month: number) {
  for (let day = 1; day <= 7; day++) {
    const dow = weekday(year, month, day)
    if (dow !== 0 && dow !== 6 && !isHoliday(year, month, day)) return iso(year, month, day)
  }
  return iso(year, month, 1)
}

export function lastFriday(year: number, month: number) {
  for (let day = daysIn(year, month); day > 0; day--) {
    if (weekday(year, month, day) === 5) return iso(year, month, day)
  }
  return iso(year, month, daysIn(year, month))
}

export type ScheduledModule = { slug: string; year: number; month: number }

/**
 * A new cohort's default rhythm: each module opens on the first school day of its month and its
 * assignment is due on the last Friday. Year two follows a year after year one.
 */
export function defaultSchedule(cohortStartYear: number, modules: ScheduledModule[]) {
  return modules.map((m) => {
    const { year, month } = moduleCalendarMonth(cohortStartYear, m)
    return { moduleSlug: m.slug, opensOn: firstSchoolDay(year, month), dueOn: lastFriday(year, month) }
  })
}

/** The academy's schools are all on Eastern time; "today" and "late" are judged there. */
export const ACADEMY_TIME_ZONE = 'America/New_York'

/** Made once: building a formatter with a time zone costs far more than formatting (about 0.2 ms each time). */
const academyDay = new Intl.DateTimeFormat('en-CA', { timeZone: ACADEMY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })

export function academyDate(instant: Date) {
  return academyDay.format(instant)
}

/** Work first submitted after the end of its due day (Eastern time) is late. Never blocked, only marked. */
export function isLate(firstSubmittedAt: Date | null, dueOn: string | null) {
  if (!firstSubmittedAt || !dueOn) return false
  return academyDate(firstSubmittedAt) > dueOn
}

export type DueState = 'upcoming' | 'open' | 'due-soon' | 'overdue' | 'done'

/** Where an assignment stands for a fellow today. */
export function dueState(args: { today: string; opensOn: string | null; dueOn: string | null; submitted: boolean }): DueState {
  const { today, opensOn, dueOn, submitted } = args
  if (submitted) return 'done'
  if (opensOn && today < opensOn) return 'upcoming'
  if (dueOn && today > dueOn) return 'overdue'
  if (dueOn && daysBetween(today, dueOn) <= 3) return 'due-soon'
  return 'open'
}

export function daysBetween(from: string, to: string) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

export function isValidIsoDate(value: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}
