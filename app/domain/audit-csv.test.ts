import { expect, test } from 'vitest'
import { auditCsvExport, auditCsvTemplate, parseAuditCsv } from './audit-csv'
import { analyseAudit, sharedView } from './equity-audit'

test('the template parses into its own two indicators of five groups', () => {
  const parsed = parseAuditCsv(auditCsvTemplate())
  expect(parsed.ok).toBe(true)
  if (!parsed.ok) return
  expect(parsed.audit.indicators.map((i) => [i.name, i.counts.length])).toEqual([
    ['Out-of-school suspension', 5],
    ['Chronic absence', 5],
  ])
  expect(parsed.audit.indicators[0].counts[0]).toEqual({ group: 'Black or African American', enrolled: 210, withOutcome: 31 })
})

test('every bad row and cell is named, and nothing is returned to import', () => {
  const text = [
    'indicator,student_group,enrolled,with_outcome',
    'Chronic absence,Asian,40,3',
    'Chronic absence,,40,3',
    'Chronic absence,White,forty,3',
    'Chronic absence,Black or African American,30,31',
    'Chronic absence,asian,12,1',
    ',Hispanic or Latino,-5,',
  ].join('\n')
  const parsed = parseAuditCsv(text)
  expect(parsed.ok).toBe(false)
  if (parsed.ok) return
  expect(parsed.problems).toEqual([
    { line: 3, column: 'student_group', message: 'Name the student group.' },
    { line: 4, column: 'enrolled', message: 'Enrolled: “forty” is not a whole number of students.' },
    { line: 5, column: 'with_outcome', message: 'More students with the outcome (31) than enrolled (30).' },
    { line: 6, column: 'student_group', message: '“asian” appears twice under “Chronic absence”; each group once per indicator.' },
    { line: 7, column: 'indicator', message: 'Name the indicator.' },
    { line: 7, column: 'enrolled', message: 'Enrolled: “-5” is not a whole number of students.' },
    { line: 7, column: 'with_outcome', message: 'With the outcome: enter a number (0 if none).' },
  ])
})

test('an audit file as a spreadsheet writes it: byte-order mark, header case, quoted commas, thousands separators', () => {
  const good = parseAuditCsv('\uFEFFIndicator,Student Group,Enrolled,With Outcome\r\n"Suspension, out of school","Two or more races","1,200",12\r\n\r\n')
  expect(good).toEqual({ ok: true, audit: { indicators: [{ name: 'Suspension, out of school', counts: [{ group: 'Two or more races', enrolled: 1200, withOutcome: 12 }] }] } })
})

test('a file without the columns, an empty file, a binary file and an unclosed quote get one clear problem each', () => {
  expect(parseAuditCsv('group,count\nA,1')).toMatchObject({ ok: false, problems: [{ line: 1, message: expect.stringContaining('missing: indicator, student_group, enrolled, with_outcome') }] })
  expect(parseAuditCsv('')).toMatchObject({ ok: false, problems: [{ message: 'The file is empty. Start from the template.' }] })
  expect(parseAuditCsv('PK\u0003\u0004\u0000\u0000')).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining('not a text file') }] })
  expect(parseAuditCsv('indicator,student_group,enrolled,with_outcome\n"Chronic absence,Asian,40,3')).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining('never closed') }] })
})

test('the export carries only the suppressed view: a hidden group’s counts never appear', () => {
  const analysis = analyseAudit({ minCell: 10, minN: 30, threshold: 2 }, [
    {
      id: 'i1',
      name: 'Out-of-school suspension',
      alternateRisk: null,
      alternateSource: '',
      counts: [
        { group: 'Black or African American', enrolled: 120, withOutcome: 24 },
        { group: 'White', enrolled: 300, withOutcome: 15 },
        { group: 'Hispanic or Latino', enrolled: 150, withOutcome: 12 },
        { group: 'Asian', enrolled: 7, withOutcome: 3 },
      ],
    },
  ])
  const csv = auditCsvExport({ state: 'NJ', school: 'Pier Street Elementary School', schoolYear: '2026–27', indicators: sharedView('NJ', analysis) })
  const lines = csv.trim().split('\r\n')
  expect(lines[0]).toBe('indicator,student_group,enrolled,with_outcome,rate,risk_ratio,ratio_kind,share_of_outcome_and_enrolment,over_threshold,suppression')
  expect(lines.find((l) => l.includes(',Asian,'))).toBe('Out-of-school suspension,Asian,*,*,*,*,,*,,Fewer than 11 students: not shown (New Jersey).')
  // Complementary: the smallest other group (120) is hidden too.
  expect(lines.find((l) => l.includes('Black or African American'))).toContain(',*,*,*,*,')
  // White: 15/300 = 5.0%; everyone else 39/277 = 14.08%; ratio 0.355; 15 of 54 with the outcome, 300 of 577 enrolled.
  expect(lines.find((l) => l.includes(',White,'))).toBe('Out-of-school suspension,White,300,15,5.0%,0.36,risk ratio,27.8% of outcome · 52.0% of enrolment,no,')
  expect(lines.find((l) => l.includes('All students'))).toBe('Out-of-school suspension,All students,577,54,9.4%,,,,,')
  expect(csv).not.toMatch(/,7,3,/)
})

