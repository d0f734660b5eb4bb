import type { WorkCounts } from './standing'
import type { DrillLevel } from './staff-filters'

/** One fellow's standing: the unit every staff figure rolls up from. Their work's counts are countWork's. */
export type FellowFact = WorkCounts & {
  fellowId: string
  name: string
  cohortId: string
  cohortName: string
  state: 'MD' | 'NJ'
  leaId: string
  leaName: string
  schoolId: string
  schoolName: string
  position: 'principal' | 'assistant_principal'
  programYear: number
  lastSignInOn: string | null
  /** Reviews given (a return or an acceptance after a hand-in) and the days they took. */
  reviews: number
  reviewDays: number
  lastSessionOn: string | null
  sessionsThisMonth: number
  /** Sessions a month the fellow's cohort expects. */
  cadence: number
}

export const ATTENTION_RULES = {
  overdue: 2,
  noSessionDays: 30,
  noSignInDays: 21,
} as const

export type AttentionReason = 'overdue' | 'no-session' | 'no-sign-in'

export const ATTENTION_LABELS: Record<AttentionReason, string> = {
  overdue: `${ATTENTION_RULES.overdue} or more overdue assignments`,
  'no-session': `No coaching session in ${ATTENTION_RULES.noSessionDays}+ days`,
  'no-sign-in': `No sign-in in ${ATTENTION_RULES.noSignInDays}+ days`,
}

/**
 * The last dates that are already too long ago, for one day. ISO dates compare as strings in date
 * order, so each fellow costs two string comparisons instead of four date parses: the staff views
 * judge every fellow of the academy several times per page.
 */
let lastCutoffs: { today: string; session: string; signIn: string } | null = null
function attentionCutoffs(today: string) {
  if (lastCutoffs?.today !== today) {
    const day = (daysBack: number) => new Date(Date.parse(`${today}T00:00:00Z`) - daysBack * 86_400_000).toISOString().slice(0, 10)
    lastCutoffs = { today, session: day(ATTENTION_RULES.noSessionDays), signIn: day(ATTENTION_RULES.noSignInDays) }
  }
  return lastCutoffs
}

type AttentionFact = Pick<FellowFact, 'missing' | 'lastSessionOn' | 'lastSignInOn'>

/** Each reason with its test, in the order reasons are listed. A fellow who never signed in or was never coached counts. */
const ATTENTION_TESTS: [AttentionReason, (fact: AttentionFact, cutoffs: ReturnType<typeof attentionCutoffs>) => boolean][] = [
  ['overdue', (fact) => fact.missing >= ATTENTION_RULES.overdue],
  ['no-session', (fact, cutoffs) => fact.lastSessionOn === null || fact.lastSessionOn <= cutoffs.session],
  ['no-sign-in', (fact, cutoffs) => fact.lastSignInOn === null || fact.lastSignInOn <= cutoffs.signIn],
]

/** Why a fellow needs attention today, if they do. */
export function attentionReasons(fact: AttentionFact, today: string): AttentionReason[] {
  const cutoffs = attentionCutoffs(today)
  return ATTENTION_TESTS.filter(([, applies]) => applies(fact, cutoffs)).map(([reason]) => reason)
}

/** Whether a fellow needs attention today, without listing why: asked of every fellow per view. */
export function needsAttention(fact: AttentionFact, today: string) {
  const cutoffs = attentionCutoffs(today)
  return ATTENTION_TESTS.some(([, applies]) => applies(fact, cutoffs))
}

/** Names in the reader's order; one collator, since String#localeCompare builds one per call. */
const byName = new Intl.Collator().compare

export type Rollup = {
  key: string
  label: string
  fellows: number
  principals: number
  assistantPrincipals: number
  yearOne: number
  yearTwo: number
  /** Completed of opened modules, 0–1; null when none has opened. */
  completionRate: number | null
  onTime: number
  late: number
  missing: number
  /** On time of all due or handed-in assignments, 0–1; null when none is due. */
  onTimeRate: number | null
  awaitingReview: number
  /** Mean days from hand-in to a review decision; null when nothing was reviewed. */
  reviewDays: number | null
  sessionsThisMonth: number
  sessionsExpected: number
  attention: number
}

function ratio(part: number, whole: number) {
  return whole > 0 ? part / whole : null
}

/** Adds up a set of fellows: every level of the dashboard (academy, cohort, state, LEA, school) is this sum. */
export function sumFacts(key: string, label: string, facts: FellowFact[], today: string): Rollup {
  let opened = 0
  let done = 0
  let reviews = 0
  let reviewDays = 0
  const total: Rollup = {
    key,
    label,
    fellows: facts.length,
    principals: 0,
    assistantPrincipals: 0,
    yearOne: 0,
    yearTwo: 0,
    completionRate: null,
    onTime: 0,
    late: 0,
    missing: 0,
    onTimeRate: null,
    awaitingReview: 0,
    reviewDays: null,
    sessionsThisMonth: 0,
    sessionsExpected: 0,
    attention: 0,
  }
  for (const f of facts) {
    if (f.position === 'principal') total.principals++
    else total.assistantPrincipals++
    if (f.programYear === 1) total.yearOne++
    else total.yearTwo++
    opened += f.modulesOpen
    done += f.modulesDone
    total.onTime += f.onTime
    total.late += f.late
    total.missing += f.missing
    total.awaitingReview += f.awaitingReview
    reviews += f.reviews
    reviewDays += f.reviewDays
    total.sessionsThisMonth += f.sessionsThisMonth
    total.sessionsExpected += f.cadence
    if (needsAttention(f, today)) total.attention++
  }
  total.completionRate = ratio(done, opened)
  total.onTimeRate = ratio(total.onTime, total.onTime + total.late + total.missing)
  total.reviewDays = reviews > 0 ? reviewDays / reviews : null
  return total
}

export type Grouping = DrillLevel | 'cohort'

const LEVEL_KEYS: Record<Grouping, (f: FellowFact) => [string, string]> = {
  cohort: (f) => [f.cohortId, f.cohortName],
  state: (f) => [f.state, f.state === 'MD' ? 'Maryland' : 'New Jersey'],
  lea: (f) => [f.leaId, f.leaName],
  school: (f) => [f.schoolId, f.schoolName],
  fellow: (f) => [f.fellowId, f.name],
}

/** One row per cohort, state, LEA, school or fellow, in name order. */
export function rollUp(facts: FellowFact[], level: Grouping, today: string): Rollup[] {
  const groups = new Map<string, { label: string; facts: FellowFact[] }>()
  for (const fact of facts) {
    const [key, label] = LEVEL_KEYS[level](fact)
    const group = groups.get(key) ?? { label, facts: [] }
    group.facts.push(fact)
    groups.set(key, group)
  }
  return [...groups.entries()].map(([key, g]) => sumFacts(key, g.label, g.facts, today)).sort((a, b) => byName(a.label, b.label))
}

export function formatPercent(value: number | null) {
  return value === null ? '—' : `${Math.round(value * 100)}%`
}

export type AttentionItem = { fellowId: string; name: string; cohortName: string; schoolName: string; leaName: string; reasons: AttentionReason[] }

/** The fellows who need attention, most reasons first, then by name. */
export function needingAttention(facts: FellowFact[], today: string): AttentionItem[] {
  return facts
    .filter((f) => needsAttention(f, today))
    .map((f) => ({ fellowId: f.fellowId, name: f.name, cohortName: f.cohortName, schoolName: f.schoolName, leaName: f.leaName, reasons: attentionReasons(f, today) }))
    .sort((a, b) => b.reasons.length - a.reasons.length || byName(a.name, b.name))
}

export type MonthCompletion = { cohortId: string; cohortName: string; month: string; applicable: number; done: number }

/** Completion per cohort and month as a grid: the months in order, and each cohort's rate in each. */
export function completionGrid(rows: MonthCompletion[]) {
  const months = [...new Set(rows.map((r) => r.month))].sort()
  const cohorts = new Map<string, { id: string; name: string; rates: (number | null)[] }>()
  for (const row of rows) {
    const cohort = cohorts.get(row.cohortId) ?? { id: row.cohortId, name: row.cohortName, rates: months.map(() => null) }
    cohort.rates[months.indexOf(row.month)] = ratio(row.done, row.applicable)
    cohorts.set(row.cohortId, cohort)
  }
  return { months, cohorts: [...cohorts.values()].sort((a, b) => byName(a.name, b.name)) }
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "2026-10" → "Oct 2026". */
export function monthLabel(month: string) {
  const [year, m] = month.split('-')
  return `${MONTH_NAMES[Number(m) - 1] ?? m} ${year}`
}
