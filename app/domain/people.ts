import { z } from 'zod'
import { moduleAccess, moduleStatus, trackOfPosition, type ModuleStatus } from './reader'
import type { Role } from './roles'
import { ROLES } from './roles'
import { ACADEMY_TIME_ZONE, daysBetween, dueState, isLate } from './schedule'
import type { SubmissionState } from './submission-state'

// ── Searching people ────────────────────────────────────────────────────────

export const PEOPLE_PAGE_SIZE = 50
export const SEARCH_MAX_LENGTH = 100

export const ROLE_FILTERS = ['all', ...ROLES] as const
export type RoleFilter = (typeof ROLE_FILTERS)[number]

export const ACCOUNT_STATUSES = ['active', 'invited', 'deactivated'] as const
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number]
export const STATUS_FILTERS = ['all', ...ACCOUNT_STATUSES] as const
export type StatusFilter = (typeof STATUS_FILTERS)[number]

export const ROLE_FILTER_LABELS: Record<RoleFilter, string> = {
  all: 'Everyone',
  fellow: 'Fellows',
  coach: 'Equity coaches',
  staff: 'Academy staff',
  admin: 'Administrators',
}

export const STATUS_LABELS: Record<AccountStatus, string> = {
  active: 'Active',
  invited: 'Invited',
  deactivated: 'Deactivated',
}

export const STATUS_FILTER_LABELS: Record<StatusFilter, string> = { all: 'Any status', ...STATUS_LABELS }

export type PeopleSearch = { q: string; role: RoleFilter; status: StatusFilter; page: number }

function pick<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return allowed.find((option) => option === value) ?? fallback
}

/**
 * The People search as the URL gives it. Anything unexpected falls back to its default (everyone,
 * any status, page 1), so a hand-edited address shows results rather than an error.
 */
export function parsePeopleSearch(params: URLSearchParams): PeopleSearch {
  const q = (params.get('q') ?? '').trim().slice(0, SEARCH_MAX_LENGTH)
  const rawPage = params.get('page') ?? ''
  const page = /^\d{1,6}$/.test(rawPage) ? Math.max(1, Number(rawPage)) : 1
  return {
    q,
    role: pick(ROLE_FILTERS, params.get('role'), 'all'),
    status: pick(STATUS_FILTERS, params.get('status'), 'all'),
    page,
  }
}

/** The address of a page of results; defaults are left out so links stay short. */
export function peopleSearchHref(search: Omit<PeopleSearch, 'page'>, page: number) {
  const params = new URLSearchParams()
  if (search.q) params.set('q', search.q)
  if (search.role !== 'all') params.set('role', search.role)
  if (search.status !== 'all') params.set('status', search.status)
  if (page > 1) params.set('page', String(page))
  const query = params.toString()
  return query ? `?${query}` : '?'
}

export type PageWindow = { page: number; pageCount: number; offset: number; first: number; last: number; hasPrevious: boolean; hasNext: boolean }

/** Which rows a page shows. A page past the end shows the last page, so a stale link still lands somewhere. */
export function pageWindow({ requested, total, size }: { requested: number; total: number; size: number }): PageWindow {
  const pageCount = Math.max(1, Math.ceil(total / size))
  const page = Math.min(Math.max(1, Math.floor(requested)), pageCount)
  const offset = (page - 1) * size
  return {
    page,
    pageCount,
    offset,
    first: total === 0 ? 0 : offset + 1,
    last: Math.min(offset + size, total),
    hasPrevious: page > 1,
    hasNext: page < pageCount,
  }
}

/** A pattern for ILIKE that matches the text anywhere, with `%`, `_` and `\` taken literally. */
export function containsPattern(text: string) {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

// ── Deactivating and reactivating accounts ──────────────────────────────────

export const STATUS_INTENTS = ['deactivate', 'reactivate'] as const
export type StatusIntent = (typeof STATUS_INTENTS)[number]

/** The row buttons of People: which account, and whether to deactivate or reactivate it. */
export const AccountStatusSchema = z.object({
  intent: z.enum(STATUS_INTENTS, { errorMap: () => ({ message: 'Choose to deactivate or reactivate.' }) }),
  userId: z.string({ required_error: 'Choose an account.' }).uuid('Choose an account from the list.'),
})
export type StatusDecision = { ok: true } | { ok: false; message: string }

/**
 * Who may deactivate (or reactivate) whom: staff handle fellows and coaches; only administrators
 * handle staff and administrators; nobody their own account, so nobody locks themselves out.
 */
export function canChangeAccountStatus(actor: { id: string; role: Role }, target: { id: string; role: Role }): StatusDecision {
  if (actor.id === target.id) return { ok: false, message: 'You cannot deactivate or reactivate your own account.' }
  if (actor.role === 'admin') return { ok: true }
  if (actor.role === 'staff') {
    if (target.role === 'fellow' || target.role === 'coach') return { ok: true }
    return { ok: false, message: 'Only an administrator can deactivate or reactivate staff and administrator accounts.' }
  }
  return { ok: false, message: 'You cannot change accounts.' }
}

/**
 * The status an account moves to, or null when it is already there. A reactivated account that
 * never set a password goes back to invited, so its invitation is what lets the person in.
 */
export function nextAccountStatus(intent: StatusIntent, current: AccountStatus, hasPassword: boolean): AccountStatus | null {
  if (intent === 'deactivate') return current === 'deactivated' ? null : 'deactivated'
  if (current !== 'deactivated') return null
  return hasPassword ? 'active' : 'invited'
}

export function statusChangeMessage(target: { name: string; role: Role }, intent: StatusIntent, next: AccountStatus | null) {
  const { name } = target
  if (next === null) return intent === 'deactivate' ? `${name} is already deactivated.` : `${name} is not deactivated.`
  if (next === 'deactivated') {
    // Pairings are history staff manage; deactivating a coach does not silently unpair their fellows.
    const pairings = target.role === 'coach' ? ' Their fellows stay paired with them until you re-pair them under Pairings.' : ''
    return `${name} is deactivated and signed out everywhere. Their work is kept.${pairings}`
  }
  if (next === 'invited') return `${name} is reactivated. They have not set a password yet: send a new invitation from Invite.`
  return `${name} is reactivated and can sign in again.`
}

// ── A fellow's record ───────────────────────────────────────────────────────

export type Position = 'principal' | 'assistant_principal'

export const POSITIONS = ['principal', 'assistant_principal'] as const

export const PROGRAM_YEARS = ['1', '2'] as const
const YEAR_MESSAGE = 'A fellow is in program year 1 or 2.'

/** The forms of a fellow's record, told apart by intent; each placement form changes one thing. */
export const FellowRecordSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('change-cohort'), cohortId: z.string({ required_error: 'Choose a cohort.' }).uuid('Choose a cohort from the list.') }),
  z.object({ intent: z.literal('change-school'), schoolId: z.string({ required_error: 'Choose a school.' }).uuid('Choose a school from the list.') }),
  z.object({
    intent: z.literal('change-position'),
    position: z.enum(POSITIONS, { errorMap: () => ({ message: 'Choose principal or assistant principal.' }) }),
  }),
  z.object({
    intent: z.literal('change-year'),
    // Kept as the form's text ('1' or '2') so the select reads it back; the route turns it into a number.
    programYear: z.enum(PROGRAM_YEARS, { errorMap: () => ({ message: YEAR_MESSAGE }) }),
  }),
  z.object({ intent: z.literal('deactivate') }),
  z.object({ intent: z.literal('reactivate') }),
])

const TRACK_NAMES = { principal: 'principal track', 'assistant-principal': 'assistant principal track' } as const

/** Year one is the same for everyone; in year two the position decides the track. */
export function trackDescription({ programYear, position }: { programYear: number; position: Position }) {
  const track = TRACK_NAMES[trackOfPosition(position)]
  if (programYear === 2) return `Year two, ${track}`
  return `Year one, shared by all fellows (the ${track} in year two)`
}

/** What a placement change does to the fellow's curriculum, or null when it changes nothing there. */
export function placementEffect(before: { programYear: number; position: Position }, after: { programYear: number; position: Position }) {
  const track = TRACK_NAMES[trackOfPosition(after.position)]
  if (after.programYear !== before.programYear) {
    return `They now work through year ${after.programYear === 2 ? `two on the ${track}` : 'one'}. Their work so far is kept.`
  }
  if (after.programYear === 2 && after.position !== before.position) {
    return `They move to the ${track}: its year-two modules and assignment instructions. Their work so far is kept.`
  }
  return null
}

export type SchoolOption = { id: string; name: string; leaName: string; state: 'MD' | 'NJ' }

/** Schools grouped by state and LEA for a select's option groups, in the order given. */
export function groupSchools(schools: SchoolOption[]) {
  const groups: { state: 'MD' | 'NJ'; leaName: string; schools: { id: string; name: string }[] }[] = []
  for (const school of schools) {
    const last = groups.at(-1)
    if (last && last.state === school.state && last.leaName === school.leaName) last.schools.push({ id: school.id, name: school.name })
    else groups.push({ state: school.state, leaName: school.leaName, schools: [{ id: school.id, name: school.name }] })
  }
  return groups
}

export type Timeliness = 'on-time' | 'late' | 'overdue' | 'due-soon' | 'open' | 'upcoming' | 'no-date'

export type ProgressRow = {
  slug: string
  title: string
  month: number
  status: ModuleStatus
  opensOn: string | null
  dueOn: string | null
  submissionId: string | null
  submissionStatus: SubmissionState | null
  timeliness: Timeliness
}

/**
 * A fellow's modules of their own year and track with where each stands, composed from the
 * reader's and the schedule's rules: work first submitted after its due day is late; unsubmitted
 * work past its due day is overdue.
 */
export function fellowProgressRows(args: {
  fellow: { programYear: number; position: Position }
  modules: { slug: string; title: string; year: number; month: number; track: 'all' | 'principal' | 'assistant-principal' }[]
  progress: { moduleSlug: string; completedAt: Date | string | null }[]
  answered: { moduleSlug: string; count: number }[]
  schedule: { moduleSlug: string; opensOn: string; dueOn: string }[]
  submissions: { id: string; moduleSlug: string; status: SubmissionState; submittedAt: Date | string | null }[]
  today: string
}): ProgressRow[] {
  const viewer = { role: 'fellow' as const, programYear: args.fellow.programYear, position: args.fellow.position }
  return args.modules
    .filter((m) => moduleAccess(viewer, m) === 'edit')
    .sort((a, b) => a.month - b.month)
    .map((m) => {
      const progress = args.progress.find((p) => p.moduleSlug === m.slug)
      const answered = args.answered.some((a) => a.moduleSlug === m.slug && a.count > 0)
      const dates = args.schedule.find((s) => s.moduleSlug === m.slug)
      const submission = args.submissions.find((s) => s.moduleSlug === m.slug)
      const submittedAt = submission?.submittedAt ? new Date(submission.submittedAt) : null
      const dueOn = dates?.dueOn ?? null
      const opensOn = dates?.opensOn ?? null
      let timeliness: Timeliness
      if (submittedAt) timeliness = isLate(submittedAt, dueOn) ? 'late' : 'on-time'
      else if (!dueOn) timeliness = 'no-date'
      else {
        const state = dueState({ today: args.today, opensOn, dueOn, submitted: false })
        timeliness = state === 'done' ? 'on-time' : state
      }
      return {
        slug: m.slug,
        title: m.title,
        month: m.month,
        status: moduleStatus(progress, answered),
        opensOn,
        dueOn,
        submissionId: submission?.id ?? null,
        submissionStatus: submission?.status ?? null,
        timeliness,
      }
    })
}

export const MODULE_STATUS_LABELS: Record<ModuleStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  complete: 'Complete',
}

export const TIMELINESS_LABELS: Record<Timeliness, string> = {
  'on-time': 'On time',
  late: 'Late',
  overdue: 'Overdue, not submitted',
  'due-soon': 'Due soon',
  open: 'Open',
  upcoming: 'Not open yet',
  'no-date': 'No due date',
}

const dateTime = new Intl.DateTimeFormat('en-US', { timeZone: ACADEMY_TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' })

/** A moment as people at the academy read it: Eastern time, where every school is. */
export function academyDateTime(instant: Date) {
  return `${dateTime.format(instant)} Eastern`
}

/** Days since the last logged session, or null when there has been none. */
export function daysSinceSession(lastSessionOn: string | null, today: string) {
  return lastSessionOn ? daysBetween(lastSessionOn, today) : null
}
