import type { GroupCount } from './disproportionality'
import { AUDIT_LIMITS, GroupNameSchema, IndicatorNameSchema, parseCount, type SharedIndicator } from './equity-audit'
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

/** RFC 4180 fields: commas, quoted fields with doubled quotes and line breaks, CRLF or LF. */
export function parseCsv(text: string): { rows: { line: number; cells: string[] }[]; error: string | null } {
  const rows: { line: number; cells: string[] }[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let rowLine = 1
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else {
        if (ch === '\n') line++
        cell += ch
      }
      continue
    }
    if (ch === '"' && cell === '') quoted = true
    else if (ch === ',') {
      cells.push(cell)
      cell = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      cells.push(cell)
      rows.push({ line: rowLine, cells })
      cells = []
      cell = ''
      line++
      rowLine = line
    } else cell += ch
  }
  if (quoted) return { rows, error: `Line ${rowLine}: a quoted value is never closed. Check for a stray " character.` }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell)
    rows.push({ line: rowLine, cells })
  }
  return { rows: rows.filter((r) => r.cells.some((c) => c.trim() !== '')), error: null }
}

function normaliseHeader(cell: string) {
  return cell.trim().toLowerCase().replace(/[\s-]+/g, '_')
}

/** Reads an uploaded audit file into indicators, or names every bad row and cell. */
export function parseAuditCsv(raw: string): { ok: true; audit: ParsedAudit } | { ok: false; problems: CsvProblem[] } {
  const text = raw.replace(/^\uFEFF/, '')
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

/**
 * One CSV cell. Quoted when needed; a leading =, +, - or @ is defused with an apostrophe so a
 * spreadsheet never runs a cell as a formula (OWASP "CSV injection").
 */
export function csvCell(value: string | number) {
  let text = String(value)
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvLine(values: (string | number)[]) {
  return `${values.map(csvCell).join(',')}\r\n`
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

// Windows-1252 differs from Latin-1 only in 0x80–0x9F (Node's decoder treats the label as Latin-1).
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'

/**
 * Text from an uploaded file: UTF-8 when it is valid UTF-8, else Windows-1252, which is what Excel's
 * plain "CSV (Comma delimited)" writes on a school laptop.
 */
export function decodeCsvBytes(bytes: Uint8Array) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return Array.from(bytes, (byte) => (byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte))).join('')
  }
}
