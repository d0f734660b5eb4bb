import { expect, test } from 'vitest'
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

const groups = [
  { group: 'Black', enrolled: 120, withOutcome: 24, riskRatio: 3.357 },
  { group: 'White', enrolled: 300, withOutcome: 15, riskRatio: 0.392 },
  { group: 'Hispanic/Latino', enrolled: 150, withOutcome: 12, riskRatio: 0.88 },
  { group: 'Asian', enrolled: 8, withOutcome: 1, riskRatio: null },
]

test('one hidden group hides the next smallest group’s counts too, so the total cannot give it away', () => {
  const shown = suppressGroups('MD', groups)
  const asian = shown[3]
  expect(asian).toMatchObject({ enrolled: SUPPRESSED, withOutcome: SUPPRESSED, rate: SUPPRESSED, riskRatio: SUPPRESSED, level: 'all' })
  const black = shown[0] // 120 is the smallest of the rest
  expect(black).toMatchObject({ enrolled: SUPPRESSED, withOutcome: SUPPRESSED, level: 'counts', reason: 'Hidden so another hidden figure cannot be worked out from the total.' })
  expect(black.rate).toBe('20.0%')
  expect(shown[1]).toMatchObject({ enrolled: '300', withOutcome: '15', rate: '≤5%', riskRatio: '0.39', level: 'none' })
  // The visible counts never add up to the total with exactly one unknown left.
  const unknownEnrolled = shown.filter((g) => g.enrolled === SUPPRESSED).length
  expect(unknownEnrolled === 0 || unknownEnrolled >= 2).toBe(true)
})

test('two hidden groups need no extra suppression; none hidden means none', () => {
  const two = suppressGroups('NJ', [...groups.slice(0, 3), { group: 'Asian', enrolled: 8, withOutcome: 1, riskRatio: null }, { group: 'Two or more', enrolled: 9, withOutcome: 0, riskRatio: null }])
  expect(two.filter((g) => g.level !== 'none').map((g) => g.group)).toEqual(['Asian', 'Two or more'])
  expect(suppressGroups('NJ', groups.slice(0, 3)).every((g) => g.level === 'none')).toBe(true)
})
