/**
 * The equity audit engine, after the method of the federal IDEA significant-disproportionality rule
 * (34 CFR 300.647): for each student group, its risk of an outcome, the risk of everyone else in the
 * school, and their ratio; an alternate ratio against a district or state risk when the school's
 * comparison group is too small; and the group's share of the outcome against its share of
 * enrolment. Only aggregates go in: never a student.
 */

export type GroupCount = { group: string; enrolled: number; withOutcome: number }

export type AuditSettings = {
  /** Smallest numerator (students with the outcome) a risk is computed from. Federal default 10. */
  minCell: number
  /** Smallest denominator (students enrolled) a risk is computed from. Federal default 30. */
  minN: number
  /** Risk ratio over which a group is flagged (the rule's "exceeds"). Default 2.0. */
  threshold: number
  /** Comparison risk supplied by the fellow (district or state), for the alternate risk ratio. */
  alternateComparisonRisk: number | null
}

export const DEFAULT_SETTINGS: AuditSettings = { minCell: 10, minN: 30, threshold: 2, alternateComparisonRisk: null }

export type GroupResult = {
  group: string
  enrolled: number
  withOutcome: number
  risk: number | null
  comparisonRisk: number | null
  riskRatio: number | null
  /** Used in place of the risk ratio when the school's comparison group is too small. */
  alternateRiskRatio: number | null
  /** The ratio that counts for flagging: the risk ratio, or the alternate one when it applies. */
  ratioUsed: 'risk-ratio' | 'alternate' | null
  shareOfOutcome: number | null
  shareOfEnrolment: number | null
  flagged: boolean
  /** Plain reasons for every figure that could not be computed. */
  notes: string[]
}

export type InputProblem = { row: number; field: 'group' | 'enrolled' | 'withOutcome'; message: string }

/** Checks counts before any arithmetic: whole numbers, outcome within enrolment, unique group names. */
export function validateCounts(rows: GroupCount[]): InputProblem[] {
  const problems: InputProblem[] = []
  const seen = new Set<string>()
  rows.forEach((row, index) => {
    const at = (field: InputProblem['field'], message: string) => problems.push({ row: index + 1, field, message })
    const name = row.group.trim()
    if (!name) at('group', 'Name the student group.')
    else if (seen.has(name.toLowerCase())) at('group', `“${name}” appears twice; each group once per indicator.`)
    seen.add(name.toLowerCase())
    if (!Number.isInteger(row.enrolled) || row.enrolled < 0) at('enrolled', 'Enrolled must be a whole number, 0 or more.')
    if (!Number.isInteger(row.withOutcome) || row.withOutcome < 0) at('withOutcome', 'With the outcome must be a whole number, 0 or more.')
    else if (Number.isInteger(row.enrolled) && row.withOutcome > row.enrolled) {
      at('withOutcome', `More students with the outcome (${row.withOutcome}) than enrolled (${row.enrolled}).`)
    }
  })
  return problems
}

/** Strictly over, with room for floating-point noise so 0.3 / 0.15 is not "over" 2. */
function exceeds(ratio: number, threshold: number) {
  return ratio - threshold > 1e-9
}

function meetsMinimums(numerator: number, denominator: number, settings: AuditSettings) {
  return numerator >= settings.minCell && denominator >= settings.minN
}

/** Computes every group's figures for one indicator. Call validateCounts first. */
export function analyseIndicator(rows: GroupCount[], settings: AuditSettings = DEFAULT_SETTINGS): GroupResult[] {
  const totalEnrolled = rows.reduce((sum, r) => sum + r.enrolled, 0)
  const totalOutcome = rows.reduce((sum, r) => sum + r.withOutcome, 0)
  return rows.map((row) => {
    const notes: string[] = []
    const othersEnrolled = totalEnrolled - row.enrolled
    const othersOutcome = totalOutcome - row.withOutcome
    const groupBigEnough = meetsMinimums(row.withOutcome, row.enrolled, settings)
    const risk = row.enrolled > 0 ? row.withOutcome / row.enrolled : null
    if (risk === null) notes.push('No students enrolled in this group, so it has no risk.')
    const comparisonRisk = othersEnrolled > 0 ? othersOutcome / othersEnrolled : null
    if (comparisonRisk === null) notes.push('No other students are enrolled, so there is nothing to compare with.')

    let riskRatio: number | null = null
    let alternateRiskRatio: number | null = null
    let ratioUsed: GroupResult['ratioUsed'] = null
    if (risk !== null && !groupBigEnough) {
      notes.push(
        row.withOutcome < settings.minCell
          ? `Only ${row.withOutcome} with the outcome, under the minimum cell of ${settings.minCell}: no ratio.`
          : `Only ${row.enrolled} enrolled, under the minimum n-size of ${settings.minN}: no ratio.`,
      )
    } else if (risk !== null && comparisonRisk !== null) {
      const comparisonBigEnough = meetsMinimums(othersOutcome, othersEnrolled, settings)
      if (comparisonBigEnough) {
        if (comparisonRisk === 0) notes.push('No other student has the outcome (comparison risk is 0), so a ratio cannot be computed.')
        else {
          riskRatio = risk / comparisonRisk
          ratioUsed = 'risk-ratio'
        }
      } else if (settings.alternateComparisonRisk !== null && settings.alternateComparisonRisk > 0) {
        alternateRiskRatio = risk / settings.alternateComparisonRisk
        ratioUsed = 'alternate'
        notes.push('The rest of the school is under the minimum cell or n-size: alternate ratio against the district or state rate.')
      } else {
        notes.push('The rest of the school is under the minimum cell or n-size: enter a district or state rate for an alternate ratio.')
      }
    }
    const ratio = ratioUsed === 'risk-ratio' ? riskRatio : ratioUsed === 'alternate' ? alternateRiskRatio : null
    return {
      group: row.group,
      enrolled: row.enrolled,
      withOutcome: row.withOutcome,
      risk,
      comparisonRisk,
      riskRatio,
      alternateRiskRatio,
      ratioUsed,
      shareOfOutcome: totalOutcome > 0 ? row.withOutcome / totalOutcome : null,
      shareOfEnrolment: totalEnrolled > 0 ? row.enrolled / totalEnrolled : null,
      flagged: ratio !== null && exceeds(ratio, settings.threshold),
      notes,
    }
  })
}
