import { csvLine } from './csv'

/** The three exports staff take to districts and funders. None carries a word of coaching text. */
export const EXPORT_KINDS = ['progress', 'submissions', 'coaching'] as const
export type ExportKind = (typeof EXPORT_KINDS)[number]

export function isExportKind(value: string | null): value is ExportKind {
  return value !== null && EXPORT_KINDS.some((k) => k === value)
}

type Identity = { name: string; email: string; cohort: string; state: string; lea: string; school: string; position: string; programYear: number }

const IDENTITY_COLUMNS = ['fellow', 'email', 'cohort', 'state', 'lea', 'school', 'position', 'program_year']

function identityCells(row: Identity) {
  return [row.name, row.email, row.cohort, row.state, row.lea, row.school, row.position === 'principal' ? 'principal' : 'assistant principal', row.programYear]
}

export const EXPORT_HEADERS: Record<ExportKind, string[]> = {
  progress: [...IDENTITY_COLUMNS, 'module', 'module_year', 'module_month', 'opens_on', 'due_on', 'reading', 'completed_on', 'submission_status', 'handed_in_on', 'timeliness'],
  submissions: [...IDENTITY_COLUMNS, 'module', 'due_on', 'status', 'handed_in_on', 'timeliness', 'reviews', 'last_reviewed_on'],
  coaching: [...IDENTITY_COLUMNS, 'coach', 'sessions_logged', 'minutes', 'sessions_this_month', 'expected_per_month', 'last_session_on'],
}

/** On time, late or missing as the dashboard counts them; "not yet due" for the rest. */
export function timeliness({ handedInOn, dueOn, today }: { handedInOn: string | null; dueOn: string | null; today: string }) {
  if (handedInOn) return dueOn && handedInOn > dueOn ? 'late' : 'on time'
  return dueOn && dueOn < today ? 'missing' : 'not yet due'
}

export type ProgressRow = Identity & {
  module: string
  moduleYear: number
  moduleMonth: number
  opensOn: string
  dueOn: string
  started: boolean
  completedOn: string | null
  submissionStatus: string | null
  handedInOn: string | null
}

export function progressLine(row: ProgressRow, today: string) {
  const reading = row.completedOn ? 'completed' : row.started ? 'started' : row.opensOn > today ? 'not open' : 'not started'
  return csvLine([
    ...identityCells(row),
    row.module,
    row.moduleYear,
    row.moduleMonth,
    row.opensOn,
    row.dueOn,
    reading,
    row.completedOn ?? '',
    row.submissionStatus ?? '',
    row.handedInOn ?? '',
    timeliness({ handedInOn: row.handedInOn, dueOn: row.dueOn, today }),
  ])
}

export type SubmissionRow = Identity & { module: string; dueOn: string | null; status: string; handedInOn: string | null; reviews: number; lastReviewedOn: string | null }

export function submissionLine(row: SubmissionRow, today: string) {
  return csvLine([...identityCells(row), row.module, row.dueOn ?? '', row.status, row.handedInOn ?? '', timeliness({ handedInOn: row.handedInOn, dueOn: row.dueOn, today }), row.reviews, row.lastReviewedOn ?? ''])
}

export type CoachingRow = Identity & { coach: string | null; sessions: number; minutes: number; thisMonth: number; cadence: number; lastOn: string | null }

export function coachingLine(row: CoachingRow) {
  return csvLine([...identityCells(row), row.coach ?? '', row.sessions, row.minutes, row.thisMonth, row.cadence, row.lastOn ?? ''])
}
