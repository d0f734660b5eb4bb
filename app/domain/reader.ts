import { schoolMonth, type FellowTrack, type Track } from './curriculum'

export const ANSWER_MAX_LENGTH = 20_000

export type ModuleViewer =
  | { role: 'fellow'; programYear: number; position: 'principal' | 'assistant_principal' }
  | { role: 'coach' | 'staff' | 'admin' }

export function trackOfPosition(position: 'principal' | 'assistant_principal'): FellowTrack {
  return position === 'principal' ? 'principal' : 'assistant-principal'
}

/**
 * What a viewer may do with a module (DESIGN.md): a fellow opens their own year and track and
 * earlier years; earlier years are their record, read-only. Coaches and staff read every module.
 */
export function moduleAccess(viewer: ModuleViewer, module: { year: number; track: Track }): 'edit' | 'read' | null {
  if (viewer.role !== 'fellow') return 'read'
  if (module.year > viewer.programYear) return null
  if (module.track !== 'all' && module.track !== trackOfPosition(viewer.position)) return null
  return module.year === viewer.programYear ? 'edit' : 'read'
}

/** A module is part of a fellow's own work when it is of their year, for every track or theirs. */
export function isOwnWork(fellow: { programYear: number; position: 'principal' | 'assistant_principal' }, module: { year: number; track: Track }) {
  return moduleAccess({ role: 'fellow', ...fellow }, module) === 'edit'
}

export type ModuleStatus = 'not-started' | 'in-progress' | 'complete'

export function moduleStatus(progress: { completedAt: Date | string | null } | null | undefined, answered: boolean): ModuleStatus {
  if (progress?.completedAt) return 'complete'
  if (progress || answered) return 'in-progress'
  return 'not-started'
}

/** Marks a section done or undone; the module is complete when every section is done. */
export function applySectionMark(args: { done: string[]; sectionId: string; markDone: boolean; allSections: string[] }) {
  const set = new Set(args.done.filter((id) => args.allSections.includes(id)))
  if (args.markDone) set.add(args.sectionId)
  else set.delete(args.sectionId)
  const sectionsDone = args.allSections.filter((id) => set.has(id))
  return { sectionsDone, complete: sectionsDone.length === args.allSections.length }
}

/** The module a fellow works on this school month (their own year and track), if any. */
export function currentModuleFor<M extends { year: number; month: number; track: Track }>(modules: M[], viewer: ModuleViewer, date: Date) {
  const month = schoolMonth(date)
  return modules.find((m) => m.month === month && moduleAccess(viewer, m) === 'edit') ?? null
}

/** The calendar month a module falls in for a cohort: month 1 is September of the program year. */
export function moduleCalendarMonth(cohortStartYear: number, module: { year: number; month: number }) {
  const startYear = cohortStartYear + module.year - 1
  const calendarMonth = ((module.month + 7) % 12) + 1
  const year = calendarMonth >= 9 ? startYear : startYear + 1
  return { year, month: calendarMonth }
}
