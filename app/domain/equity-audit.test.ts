import { expect, test } from 'vitest'
import { analyseAudit, parseRiskInput, readTypedCounts, schoolYearOf, sharedView } from './equity-audit'

test('school years run September to August', () => {
  expect(schoolYearOf('2026-09-01')).toBe('2026–27')
  expect(schoolYearOf('2027-08-31')).toBe('2026–27')
  expect(schoolYearOf('2099-12-01')).toBe('2099–00')
})

test('a district or state rate may be typed as a percentage or a proportion', () => {
  expect(parseRiskInput('4.5%')).toEqual({ ok: true, value: 0.045 })
  expect(parseRiskInput('4.5')).toEqual({ ok: true, value: 0.045 })
  expect(parseRiskInput('0.045')).toEqual({ ok: true, value: 0.045 })
  expect(parseRiskInput('  ')).toEqual({ ok: true, value: null })
  expect(parseRiskInput('0')).toMatchObject({ ok: false })
  expect(parseRiskInput('150%')).toMatchObject({ ok: false })
  expect(parseRiskInput('four')).toMatchObject({ ok: false, message: expect.stringContaining('“four” is not a number') })
})

test('typed counts: blank rows skipped, blank cells refused rather than read as zero, each problem named', () => {
  expect(
    readTypedCounts([
      { group: 'Asian', enrolled: '45', withOutcome: '0' },
      { group: '', enrolled: '', withOutcome: '' },
      { group: 'White', enrolled: '1,240', withOutcome: '31' },
    ]),
  ).toEqual({ ok: true, counts: [{ group: 'Asian', enrolled: 45, withOutcome: 0 }, { group: 'White', enrolled: 1240, withOutcome: 31 }] })
  expect(
    readTypedCounts([
      { group: 'Asian', enrolled: '45', withOutcome: '' },
      { group: 'White', enrolled: '20', withOutcome: '21' },
      { group: 'asian', enrolled: '4.5', withOutcome: '1' },
      { group: '', enrolled: '3', withOutcome: '1' },
    ]),
  ).toEqual({
    ok: false,
    problems: [
      'Row 1 (Asian), with the outcome: enter a number (0 if none).',
      'Row 2 (White): more students with the outcome (21) than enrolled (20).',
      'Row 3 (asian): “asian” appears twice; each group once per indicator.',
      'Row 3 (asian), enrolled: “4.5” is not a whole number of students.',
      'Row 4: Name the student group.',
    ],
  })
})

test('an audit’s indicators are analysed with its own settings and each its own comparison rate', () => {
  const [small] = analyseAudit({ minCell: 10, minN: 30, threshold: 1.5 }, [
    {
      id: 'a',
      name: 'Advanced course enrolment',
      alternateRisk: 0.2,
      alternateSource: 'District, 2025–26',
      counts: [
        { group: 'Hispanic or Latino', enrolled: 300, withOutcome: 96 },
        { group: 'Other students', enrolled: 28, withOutcome: 9 },
      ],
    },
  ])
  // The rest of the school (28 enrolled) is under the n-size, so the ratio is 0.32 / 0.20 = 1.6: over 1.5.
  expect(small.results[0]).toMatchObject({ ratioUsed: 'alternate', flagged: true })
  expect(small.results[0].alternateRiskRatio).toBeCloseTo(1.6)
  expect(small.flagged).toEqual(['Hispanic or Latino'])
  expect(small.totals).toEqual({ enrolled: 328, withOutcome: 105 })
  const [shared] = sharedView('MD', [small])
  expect(shared.totals.rate).toBe('32.0%')
  expect(shared.groups[0]).toMatchObject({ ratio: '1.60', alternate: true, flagged: true })
})
