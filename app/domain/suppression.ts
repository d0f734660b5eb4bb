/**
 * Small-cell suppression by the school's state, for every view of an equity audit shared beyond its
 * author (coach, staff, exports, attachments):
 * - Maryland: fewer than 10 students, nothing shown; 10 to 20, the percentage only; percentages at
 *   or below 5 % or at or above 95 % shown as ranges.
 * - New Jersey: fewer than 11 students, suppressed.
 * Complementary suppression: when exactly one group is hidden, the next smallest group is hidden
 * whole (counts, rate and ratio), so the hidden one cannot be worked out from the school's total,
 * and its rate cannot be solved for from the pair's combined count either.
 */
import type { GroupResult } from './disproportionality'

export type AuditState = 'MD' | 'NJ'
export type Level = 'none' | 'counts' | 'all'

export type ShownGroup = {
  group: string
  enrolled: string
  withOutcome: string
  rate: string
  /** The ratio that counts (risk ratio, or alternate), formatted; SUPPRESSED or '—' when not shown. */
  ratio: string
  /** For charts: the ratio when it may be shown, else null. */
  chartRatio: number | null
  alternate: boolean
  composition: string
  flagged: boolean
  level: Level
  reason: string | null
}

export const SUPPRESSED = '*'

export function suppressionLevel(state: AuditState, n: number): Level {
  if (state === 'MD') {
    if (n < 10) return 'all'
    if (n <= 20) return 'counts'
    return 'none'
  }
  return n < 11 ? 'all' : 'none'
}

/** A rate as people read it; Maryland shows the extremes as ranges so tiny groups cannot be singled out. */
export function formatRate(state: AuditState, withOutcome: number, enrolled: number) {
  if (enrolled === 0) return '—'
  const percent = (withOutcome / enrolled) * 100
  if (state === 'MD' && percent <= 5) return '≤5%'
  if (state === 'MD' && percent >= 95) return '≥95%'
  return `${percent.toFixed(1)}%`
}

export function formatShare(share: number | null) {
  return share === null ? '—' : `${(share * 100).toFixed(1)}%`
}

export const STATE_RULES: Record<AuditState, string> = {
  MD: 'Maryland: groups of fewer than 10 students are not shown; groups of 10 to 20 show a percentage only; percentages at or below 5% or at or above 95% are shown as ranges.',
  NJ: 'New Jersey: groups of fewer than 11 students are not shown.',
}

const REASONS: Record<AuditState, string> = {
  MD: 'Fewer than 10 students: not shown (Maryland).',
  NJ: 'Fewer than 11 students: not shown (New Jersey).',
}
const PERCENT_ONLY = '10 to 20 students: percentage only (Maryland).'
const COMPLEMENTARY = 'Hidden so another hidden group cannot be worked out from the total.'

type Figures = Pick<GroupResult, 'group' | 'enrolled' | 'withOutcome' | 'riskRatio' | 'alternateRiskRatio' | 'ratioUsed' | 'flagged' | 'shareOfOutcome' | 'shareOfEnrolment'>

export function suppressGroups(state: AuditState, groups: Figures[]): ShownGroup[] {
  const levels = groups.map((g) => suppressionLevel(state, g.enrolled))
  const reasons: (string | null)[] = levels.map((level) => (level === 'all' ? REASONS[state] : level === 'counts' ? PERCENT_ONLY : null))
  const hidden = levels.filter((level) => level !== 'none').length
  if (hidden === 1) {
    const candidates = groups.map((g, i) => ({ i, enrolled: g.enrolled })).filter(({ i }) => levels[i] === 'none')
    candidates.sort((a, b) => a.enrolled - b.enrolled)
    const next = candidates[0]
    if (next) {
      levels[next.i] = 'all'
      reasons[next.i] = COMPLEMENTARY
    }
  }
  return groups.map((g, i) => {
    const level = levels[i]
    const ratio = g.ratioUsed === 'alternate' ? g.alternateRiskRatio : g.ratioUsed === 'risk-ratio' ? g.riskRatio : null
    const open = level === 'none'
    return {
      group: g.group,
      enrolled: open ? String(g.enrolled) : SUPPRESSED,
      withOutcome: open ? String(g.withOutcome) : SUPPRESSED,
      rate: level === 'all' ? SUPPRESSED : formatRate(state, g.withOutcome, g.enrolled),
      ratio: !open ? SUPPRESSED : ratio === null ? '—' : ratio.toFixed(2),
      chartRatio: open ? ratio : null,
      alternate: open && g.ratioUsed === 'alternate',
      composition: open ? `${formatShare(g.shareOfOutcome)} of outcome · ${formatShare(g.shareOfEnrolment)} of enrolment` : SUPPRESSED,
      flagged: open && g.flagged,
      level,
      reason: reasons[i],
    }
  })
}
