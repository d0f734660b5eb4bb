import { expect, test } from 'vitest'
import { analyseIndicator } from './disproportionality'
import { formatRate, suppressGroups, suppressionLevel, SUPPRESSED } from './suppression'

test('Maryland: under 10 nothing, 10 to 20 percentage only, over 20 everything', () => {
  expect(suppressionLevel('MD', 9)).toBe('all')
  expect(suppressionLevel('MD', 10)).toBe('counts')
  expect(suppressionLevel('MD', 20)).toBe('counts')
  expect(suppressionLevel('MD', 21)).toBe('none')
})

test('New Jersey: under 11 suppressed', () => {
  expect(suppressionLevel('NJ', 10)).toBe('all')
  expect(suppressionLevel('NJ', 11)).toBe('none')
})

test('Maryland shows rates at or below 5% and at or above 95% as ranges; New Jersey shows them', () => {
  expect(formatRate('MD', 2, 100)).toBe('≤5%')
  expect(formatRate('MD', 5, 100)).toBe('≤5%')
  expect(formatRate('MD', 6, 100)).toBe('6.0%')
  expect(formatRate('MD', 96, 100)).toBe('≥95%')
  expect(formatRate('NJ', 2, 100)).toBe('2.0%')
})

const school = [
  { group: 'Black', enrolled: 120, withOutcome: 24 },
  { group: 'White', enrolled: 300, withOutcome: 15 },
  { group: 'Hispanic/Latino', enrolled: 150, withOutcome: 12 },
  { group: 'Asian', enrolled: 8, withOutcome: 1 },
]

test('one hidden group hides the next smallest group whole, so the total cannot give either away', () => {
  const shown = suppressGroups('MD', analyseIndicator(school))
  const asian = shown[3]
  expect(asian).toMatchObject({ enrolled: SUPPRESSED, withOutcome: SUPPRESSED, rate: SUPPRESSED, ratio: SUPPRESSED, chartRatio: null, level: 'all', flagged: false })
  // 120 is the smallest of the rest. Showing its rate (20%) would let a reader solve for Asian's
  // counts from the total (578 enrolled, 52 with the outcome), so the rate goes too.
  const black = shown[0]
  expect(black).toMatchObject({ enrolled: SUPPRESSED, withOutcome: SUPPRESSED, rate: SUPPRESSED, ratio: SUPPRESSED, level: 'all', flagged: false })
  expect(black.reason).toBe('Hidden so another hidden group cannot be worked out from the total.')
  expect(shown[1]).toMatchObject({ enrolled: '300', withOutcome: '15', rate: '≤5%', ratio: '0.38', level: 'none' }) // 0.05 / (37 / 278)
  expect(shown[2].composition).toBe('23.1% of outcome · 26.0% of enrolment')
  const unknownEnrolled = shown.filter((g) => g.enrolled === SUPPRESSED).length
  expect(unknownEnrolled === 0 || unknownEnrolled >= 2).toBe(true)
})

test('Maryland 10 to 20: the percentage only, and a lone one still brings complementary suppression', () => {
  const shown = suppressGroups('MD', analyseIndicator([...school.slice(0, 3), { group: 'Asian', enrolled: 15, withOutcome: 3 }]))
  expect(shown[3]).toMatchObject({ enrolled: SUPPRESSED, withOutcome: SUPPRESSED, rate: '20.0%', ratio: SUPPRESSED, level: 'counts' })
  expect(shown[0].level).toBe('all')
})

test('New Jersey: 10 hidden, 11 shown; a lone hidden group is complemented', () => {
  const shown = suppressGroups('NJ', analyseIndicator([...school.slice(0, 3), { group: 'Asian', enrolled: 10, withOutcome: 1 }]))
  expect(shown[3]).toMatchObject({ rate: SUPPRESSED, level: 'all', reason: 'Fewer than 11 students: not shown (New Jersey).' })
  expect(shown[0].level).toBe('all')
  const eleven = suppressGroups('NJ', analyseIndicator([...school.slice(0, 3), { group: 'Asian', enrolled: 11, withOutcome: 1 }]))
  expect(eleven.every((g) => g.level === 'none')).toBe(true)
  expect(eleven[3]).toMatchObject({ enrolled: '11', withOutcome: '1', rate: '9.1%' })
})

test('two hidden groups need no extra suppression; flagged groups stay flagged when shown', () => {
  const two = suppressGroups('NJ', analyseIndicator([...school.slice(0, 3), { group: 'Asian', enrolled: 8, withOutcome: 1 }, { group: 'Two or more', enrolled: 9, withOutcome: 0 }]))
  expect(two.filter((g) => g.level !== 'none').map((g) => g.group)).toEqual(['Asian', 'Two or more'])
  expect(two[0]).toMatchObject({ group: 'Black', flagged: true, level: 'none' })
  expect(two[0].chartRatio).toBeCloseTo(0.2 / (28 / 467)) // 3.34
})
