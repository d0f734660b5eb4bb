/**
 * Small-cell suppression by the school's state, for every view of an equity audit shared beyond its
 * author (coach, staff, exports, attachments):
 * - Maryland: fewer than 10 students, nothing shown; 10 to 20, the percentage only; percentages at
 *   or below 5 % or at or above 95 % shown as ranges.
 * - New Jersey: fewer than 11 students, suppressed.
 * Complementary suppression: when exactly one group's counts are hidden, the next smallest group's
 * counts are hidden too, so no hidden count can be worked out by subtracting from the total.
 */

export type AuditState = 'MD' | 'NJ'
export type Level = 'none' | 'counts' | 'all'

export type ShownGroup = {
  group: string
  enrolled: string
  withOutcome: string
  rate: string
  riskRatio: string
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

const REASONS: Record<AuditState, Record<Exclude<Level, 'none'>, string>> = {
  MD: { all: 'Fewer than 10 students: not shown (Maryland).', counts: '10 to 20 students: percentage only (Maryland).' },
  NJ: { all: 'Fewer than 11 students: not shown (New Jersey).', counts: 'Hidden so another hidden figure cannot be worked out from the total.' },
}
const COMPLEMENTARY = 'Hidden so another hidden figure cannot be worked out from the total.'

export function suppressGroups(
  state: AuditState,
  groups: { group: string; enrolled: number; withOutcome: number; riskRatio: number | null }[],
): ShownGroup[] {
  const levels = groups.map((g) => suppressionLevel(state, g.enrolled))
  const reasons: (string | null)[] = levels.map((level) => (level === 'none' ? null : REASONS[state][level]))
  const hidden = levels.filter((level) => level !== 'none').length
  if (hidden === 1) {
    const candidates = groups.map((g, i) => ({ i, enrolled: g.enrolled })).filter(({ i }) => levels[i] === 'none')
    candidates.sort((a, b) => a.enrolled - b.enrolled)
    const next = candidates[0]
    if (next) {
      levels[next.i] = 'counts'
      reasons[next.i] = COMPLEMENTARY
    }
  }
  return groups.map((g, i) => {
    const level = levels[i]
    return {
      group: g.group,
      enrolled: level === 'none' ? String(g.enrolled) : SUPPRESSED,
      withOutcome: level === 'none' ? String(g.withOutcome) : SUPPRESSED,
      rate: level === 'all' ? SUPPRESSED : formatRate(state, g.withOutcome, g.enrolled),
      riskRatio: level === 'none' && g.riskRatio !== null ? g.riskRatio.toFixed(2) : level === 'none' ? '—' : SUPPRESSED,
      level,
      reason: reasons[i],
    }
  })
}
