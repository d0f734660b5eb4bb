import type { GroupCount } from './disproportionality'
import { AUDIT_LIMITS, GroupNameSchema, IndicatorNameSchema, parseCount, type SharedIndicator } from './equity-audit'
import { csvLine, normaliseHeader, parseCsv } from './csv'
import { STATE_RULES, type AuditState } from './suppression'

/**
 * The equity audit CSV: one row per indicator and student group, counts only (never a student).
 *   indicator,student_group,enrolled,with_outcome
 * A file is all or nothing: any bad row, and nothing is imported.
 */
export const AUDIT_CSV_COLUMNS = ['indicator', 'student_group', 'enrolled', 'with_outcome'] as const
export const AUDIT_CSV_MAX_BYTES = 256 * 1024
export const AUDIT_CSV_MAX_ROWS = AUDIT_LIMITS.indicators * AUDIT_LIMITS.groupsPerIndicator

export type CsvProblem = { line: number; column: string | null; message: string }
export type ParsedAudit = { indicators: { name: string; counts: GroupCount[] }[] }


/** Reads an uploaded audit file into indicators, or names every bad row and cell. */
export function parseAuditCsv(text: string): { ok: true; audit: ParsedAudit } | { ok: false; problems: CsvProblem[] } {
  if (text.includes('\u0000')) return { ok: false, problems: [{ line: 1, column: null, message: 'This is not a text file. Save the spreadsheet as CSV (comma-separated values) and upload that.' }] }
  const { rows, error } = parseCsv(text)
  if (error) return { ok: false, problems: [{ line: 1, column: null, message: error }] }
  if (rows.length === 0) return { ok: false, problems: [{ line: 1, column: null, message: 'The file is empty. Start from the template.' }] }
  const [header, ...body] = rows
  const columns = header.cells.map(normaliseHeader)
  const missing = AUDIT_CSV_COLUMNS.filter((c) => !columns.includes(c))
  if (missing.length > 0) {
    return {
      ok: false,
      problems: [{ line: header.line, column: null, message: `The first row must name the columns ${AUDIT_CSV_COLUMNS.join(', ')}; missing: ${missing.join(', ')}.` }],
    }
  }
  if (body.length === 0) return { ok: false, problems: [{ line: header.line, column: null, message: 'The file has column names but no rows of counts.' }] }
  if (body.length > AUDIT_CSV_MAX_ROWS) {
    return { ok: false, problems: [{ line: body[AUDIT_CSV_MAX_ROWS].line, column: null, message: `At most ${AUDIT_CSV_MAX_ROWS} rows (${AUDIT_LIMITS.indicators} indicators of ${AUDIT_LIMITS.groupsPerIndicator} groups).` }] }
  }
  const at = (column: (typeof AUDIT_CSV_COLUMNS)[number]) => columns.indexOf(column)
  const problems: CsvProblem[] = []
  const indicators = new Map<string, { name: string; counts: GroupCount[]; groups: Set<string> }>()
  for (const row of body) {
    const cell = (column: (typeof AUDIT_CSV_COLUMNS)[number]) => row.cells[at(column)] ?? ''
    const problem = (column: string | null, message: string) => problems.push({ line: row.line, column, message })
    if (row.cells.length > columns.length) problem(null, `This row has ${row.cells.length} values but the header names ${columns.length} columns. A value with a comma in it needs "quotes".`)
    const indicator = IndicatorNameSchema.safeParse(cell('indicator'))
    const group = GroupNameSchema.safeParse(cell('student_group'))
    const enrolled = parseCount(cell('enrolled'), 'Enrolled')
    const withOutcome = parseCount(cell('with_outcome'), 'With the outcome')
    if (!indicator.success) problem('indicator', indicator.error.issues[0].message)
    if (!group.success) problem('student_group', group.error.issues[0].message)
    if (!enrolled.ok) problem('enrolled', enrolled.message)
    if (!withOutcome.ok) problem('with_outcome', withOutcome.message)
    else if (enrolled.ok && withOutcome.value > enrolled.value) {
      problem('with_outcome', `More students with the outcome (${withOutcome.value}) than enrolled (${enrolled.value}).`)
    }
    if (!indicator.success || !group.success || !enrolled.ok || !withOutcome.ok) continue
    const key = indicator.data.toLowerCase()
    const entry = indicators.get(key) ?? { name: indicator.data, counts: [], groups: new Set<string>() }
    if (entry.groups.has(group.data.toLowerCase())) {
      problem('student_group', `“${group.data}” appears twice under “${indicator.data}”; each group once per indicator.`)
      continue
    }
    if (!indicators.has(key) && indicators.size >= AUDIT_LIMITS.indicators) {
      problem('indicator', `At most ${AUDIT_LIMITS.indicators} indicators in one audit.`)
      continue
    }
    if (entry.counts.length >= AUDIT_LIMITS.groupsPerIndicator) {
      problem('student_group', `At most ${AUDIT_LIMITS.groupsPerIndicator} groups under one indicator.`)
      continue
    }
    entry.groups.add(group.data.toLowerCase())
    entry.counts.push({ group: group.data, enrolled: enrolled.value, withOutcome: withOutcome.value })
    indicators.set(key, entry)
  }
  if (problems.length > 0) return { ok: false, problems }
  return { ok: true, audit: { indicators: [...indicators.values()].map(({ name, counts }) => ({ name, counts })) } }
}

/** The template fellows fill in: the columns, and example rows that show the shape (invented numbers). */
export function auditCsvTemplate() {
  const example: [string, string, number, number][] = [
    ['Out-of-school suspension', 'Black or African American', 210, 31],
    ['Out-of-school suspension', 'Hispanic or Latino', 180, 14],
    ['Out-of-school suspension', 'White', 240, 10],
    ['Out-of-school suspension', 'Asian', 45, 0],
    ['Out-of-school suspension', 'Two or more races', 25, 2],
    ['Chronic absence', 'Black or African American', 210, 52],
    ['Chronic absence', 'Hispanic or Latino', 180, 41],
    ['Chronic absence', 'White', 240, 30],
    ['Chronic absence', 'Asian', 45, 3],
    ['Chronic absence', 'Two or more races', 25, 5],
  ]
  return csvLine([...AUDIT_CSV_COLUMNS]) + example.map((row) => csvLine(row)).join('')
}

export const AUDIT_EXPORT_COLUMNS = ['indicator', 'student_group', 'enrolled', 'with_outcome', 'rate', 'risk_ratio', 'ratio_kind', 'share_of_outcome_and_enrolment', 'over_threshold', 'suppression'] as const

/** The shared (suppressed) view as CSV: the same cells the printable page shows, and the rule that hid the rest. */
export function auditCsvExport({ state, school, schoolYear, indicators }: { state: AuditState; school: string; schoolYear: string; indicators: SharedIndicator[] }) {
  let out = csvLine([...AUDIT_EXPORT_COLUMNS])
  for (const indicator of indicators) {
    for (const g of indicator.groups) {
      out += csvLine([indicator.name, g.group, g.enrolled, g.withOutcome, g.rate, g.ratio, g.level !== 'none' ? '' : g.alternate ? 'alternate' : g.ratio === '—' ? '' : 'risk ratio', g.composition, g.flagged ? 'yes' : g.level === 'none' ? 'no' : '', g.reason ?? ''])
    }
    out += csvLine([indicator.name, 'All students', indicator.totals.enrolled, indicator.totals.withOutcome, indicator.totals.rate, '', '', '', '', ''])
  }
  out += csvLine([`${school}, school year ${schoolYear}. Suppressed by the ${state === 'MD' ? 'Maryland' : 'New Jersey'} rule: ${STATE_RULES[state]} Method: 34 CFR 300.647.`])
  return out
}
