import { expect, test } from 'vitest'
import { analyseIndicator, DEFAULT_SETTINGS, validateCounts } from './disproportionality'

const school = [
  { group: 'Black', enrolled: 120, withOutcome: 24 },
  { group: 'White', enrolled: 300, withOutcome: 15 },
  { group: 'Hispanic/Latino', enrolled: 150, withOutcome: 12 },
  { group: 'Asian', enrolled: 20, withOutcome: 1 },
]

test('risk, comparison risk (everyone else in the school) and risk ratio, worked by hand', () => {
  const [black, white, hispanic] = analyseIndicator(school)
  expect(black.risk).toBeCloseTo(24 / 120)
  expect(black.comparisonRisk).toBeCloseTo(28 / 470)
  expect(black.riskRatio).toBeCloseTo(0.2 / (28 / 470)) // 3.357
  expect(black.ratioUsed).toBe('risk-ratio')
  expect(black.flagged).toBe(true)
  expect(white.riskRatio).toBeCloseTo(0.05 / (37 / 290)) // 0.392: under-represented
  expect(white.flagged).toBe(false)
  expect(hispanic.riskRatio).toBeCloseTo(0.08 / (40 / 440))
  expect(hispanic.flagged).toBe(false)
})

test('composition: each group’s share of the outcome against its share of enrolment', () => {
  const [black] = analyseIndicator(school)
  expect(black.shareOfOutcome).toBeCloseTo(24 / 52)
  expect(black.shareOfEnrolment).toBeCloseTo(120 / 590)
})

test('a group under the minimum cell or n-size gets no ratio, and says why', () => {
  const asian = analyseIndicator(school)[3]
  expect(asian.risk).toBeCloseTo(0.05)
  expect(asian.riskRatio).toBeNull()
  expect(asian.flagged).toBe(false)
  expect(asian.notes).toEqual(['Only 1 with the outcome, under the minimum cell of 10: no ratio.'])
  const [few] = analyseIndicator([{ group: 'A', enrolled: 25, withOutcome: 12 }, ...school.slice(1)])
  expect(few.notes).toEqual(['Only 25 enrolled, under the minimum n-size of 30: no ratio.'])
})

test('when the rest of the school is too small, the alternate ratio uses the supplied district or state risk', () => {
  const rows = [
    { group: 'Multilingual learners', enrolled: 400, withOutcome: 40 },
    { group: 'Other students', enrolled: 25, withOutcome: 2 },
  ]
  const [withoutAlternate] = analyseIndicator(rows)
  expect(withoutAlternate.riskRatio).toBeNull()
  expect(withoutAlternate.notes.join(' ')).toContain('enter a district or state rate for an alternate ratio')
  const [withAlternate] = analyseIndicator(rows, { ...DEFAULT_SETTINGS, alternateComparisonRisk: 0.05 })
  expect(withAlternate.ratioUsed).toBe('alternate')
  expect(withAlternate.alternateRiskRatio).toBeCloseTo(2)
  // Exactly 2.0 is at the threshold, not over it (34 CFR 300.647: a ratio that "exceeds" the threshold).
  expect(withAlternate.flagged).toBe(false)
  const [over] = analyseIndicator(rows, { ...DEFAULT_SETTINGS, alternateComparisonRisk: 0.0499 })
  expect(over.alternateRiskRatio).toBeCloseTo(2.004, 3)
  expect(over.flagged).toBe(true)
})

test('the threshold edge: a ratio of exactly 2.0 from the school’s own comparison is not flagged; just over is', () => {
  // A: 30/100 = 0.30; rest: 15/100 = 0.15; ratio 0.30 / 0.15 = 2.
  const [atEdge] = analyseIndicator([
    { group: 'A', enrolled: 100, withOutcome: 30 },
    { group: 'B', enrolled: 100, withOutcome: 15 },
  ])
  expect(atEdge.riskRatio).toBeCloseTo(2)
  expect(atEdge.flagged).toBe(false)
  // A: 31/100 = 0.31; ratio 0.31 / 0.15 = 2.067.
  const [justOver] = analyseIndicator([
    { group: 'A', enrolled: 100, withOutcome: 31 },
    { group: 'B', enrolled: 100, withOutcome: 15 },
  ])
  expect(justOver.riskRatio).toBeCloseTo(2.067, 3)
  expect(justOver.flagged).toBe(true)
})

test('a zero comparison risk is explained, not divided by', () => {
  const [a] = analyseIndicator(
    [
      { group: 'A', enrolled: 100, withOutcome: 20 },
      { group: 'B', enrolled: 100, withOutcome: 0 },
    ],
    { ...DEFAULT_SETTINGS, minCell: 0 },
  )
  expect(a.riskRatio).toBeNull()
  expect(a.notes).toContain('No other student has the outcome (comparison risk is 0), so a ratio cannot be computed.')
})

test('the threshold and minimums are the audit’s settings', () => {
  const [black] = analyseIndicator(school, { ...DEFAULT_SETTINGS, threshold: 4 })
  expect(black.flagged).toBe(false)
  const asian = analyseIndicator(school, { ...DEFAULT_SETTINGS, minCell: 1, minN: 10 })[3]
  expect(asian.riskRatio).not.toBeNull()
})

test('bad counts are named by row and field before any arithmetic', () => {
  expect(validateCounts(school)).toEqual([])
  expect(
    validateCounts([
      { group: '', enrolled: 10, withOutcome: 1 },
      { group: 'A', enrolled: 10.5, withOutcome: 1 },
      { group: 'B', enrolled: 10, withOutcome: 11 },
      { group: 'b', enrolled: 5, withOutcome: -1 },
    ]),
  ).toEqual([
    { row: 1, field: 'group', message: 'Name the student group.' },
    { row: 2, field: 'enrolled', message: 'Enrolled must be a whole number, 0 or more.' },
    { row: 3, field: 'withOutcome', message: 'More students with the outcome (11) than enrolled (10).' },
    { row: 4, field: 'group', message: '“b” appears twice; each group once per indicator.' },
    { row: 4, field: 'withOutcome', message: 'With the outcome must be a whole number, 0 or more.' },
  ])
})
