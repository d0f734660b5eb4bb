import { expect, test } from 'vitest'
import { csvCell, decodeCsvBytes, normaliseHeader, parseCsv } from './csv'

test('a byte-order mark, quoted fields, doubled quotes, CRLF and blank lines are read as a spreadsheet writes them', () => {
  const text = '\uFEFFIndicator,Student Group,Enrolled,With Outcome\r\n"Suspension, out of school","Students called ""other""",1,200,12\r\n\r\n'
  expect(parseCsv(text).rows[0].cells).toEqual(['Indicator', 'Student Group', 'Enrolled', 'With Outcome'])
  expect(parseCsv(text).rows[1].cells).toEqual(['Suspension, out of school', 'Students called "other"', '1', '200', '12'])
})

test('cells that a spreadsheet would run as formulas are defused; numbers stay numbers', () => {
  expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
  expect(csvCell('@SUM(A1)')).toBe(`'@SUM(A1)`)
  expect(csvCell(-3)).toBe('-3')
  expect(csvCell('a,b')).toBe('"a,b"')
})

test('a file saved by Excel as Windows-1252 reads as the fellow typed it; UTF-8 stays UTF-8', () => {
  // "Pre-K – grade 2" with an en dash: 0x96 in Windows-1252, three bytes in UTF-8.
  const windows = Uint8Array.from([...Buffer.from('Pre-K '), 0x96, ...Buffer.from(' grade 2')])
  expect(decodeCsvBytes(windows)).toBe('Pre-K – grade 2')
  expect(decodeCsvBytes(new TextEncoder().encode('Pre-K – grade 2'))).toBe('Pre-K – grade 2')
})

test('column names are matched however they are typed', () => {
  expect(['Student Group', ' with-outcome ', 'EMAIL'].map(normaliseHeader)).toEqual(['student_group', 'with_outcome', 'email'])
})
