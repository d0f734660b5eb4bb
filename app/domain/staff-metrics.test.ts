import { expect, test } from 'vitest'
import { attentionReasons, completionGrid, formatPercent, needingAttention, needsAttention, rollUp, sumFacts, type FellowFact } from './staff-metrics'

const today = '2026-11-23'

function fact(values: Partial<FellowFact> & { fellowId: string }): FellowFact {
  return {
    name: values.fellowId,
    cohortId: 'c1',
    cohortName: 'Cohort 1',
    state: 'MD',
    leaId: 'l1',
    leaName: 'District 1',
    schoolId: 's1',
    schoolName: 'School 1',
    position: 'principal',
    programYear: 1,
    lastSignInOn: today,
    modulesOpen: 3,
    modulesDone: 0,
    onTime: 0,
    late: 0,
    missing: 0,
    awaitingReview: 0,
    reviews: 0,
    reviewDays: 0,
    lastSessionOn: today,
    sessionsThisMonth: 0,
    cadence: 1,
    ...values,
  }
}

test('attention: two overdue items, 30 days without coaching, 21 days without signing in; never is as bad as long ago', () => {
  const cases = [
    [fact({ fellowId: 'a', missing: 1 }), []],
    [fact({ fellowId: 'a', missing: 2 }), ['overdue']],
    [fact({ fellowId: 'a', lastSessionOn: '2026-10-25' }), []], // 29 days
    [fact({ fellowId: 'a', lastSessionOn: '2026-10-24' }), ['no-session']], // 30 days
    [fact({ fellowId: 'a', lastSessionOn: null }), ['no-session']],
    [fact({ fellowId: 'a', lastSignInOn: '2026-11-03' }), []], // 20 days
    [fact({ fellowId: 'a', lastSignInOn: '2026-11-02' }), ['no-sign-in']], // 21 days
    [fact({ fellowId: 'a', lastSignInOn: null, lastSessionOn: null, missing: 3 }), ['overdue', 'no-session', 'no-sign-in']],
  ] as const
  for (const [f, reasons] of cases) {
    expect(attentionReasons(f, today)).toEqual(reasons)
    // The quick yes or no the roll-ups ask agrees with the reasons.
    expect(needsAttention(f, today)).toBe(reasons.length > 0)
  }
})

test('roll-ups add fellows up: rates are of the summed counts, not averages of averages', () => {
  const facts = [
    // 1 of 3 modules done; 1 on time, 1 missing; one review of 4 days.
    fact({ fellowId: 'a', state: 'MD', leaId: 'l1', leaName: 'District 1', modulesDone: 1, onTime: 1, missing: 1, reviews: 1, reviewDays: 4 }),
    // 3 of 3 done; 3 on time; two reviews of 1 day each; assistant principal in year two.
    fact({ fellowId: 'b', state: 'MD', leaId: 'l2', leaName: 'District 2', position: 'assistant_principal', programYear: 2, modulesDone: 3, onTime: 3, reviews: 2, reviewDays: 2, sessionsThisMonth: 2 }),
    // New Jersey: nothing due yet.
    fact({ fellowId: 'c', state: 'NJ', leaId: 'l3', leaName: 'District 3', modulesOpen: 0, cadence: 2 }),
  ]
  const all = sumFacts('all', 'All', facts, today)
  expect(all).toMatchObject({ fellows: 3, principals: 2, assistantPrincipals: 1, yearOne: 2, yearTwo: 1, onTime: 4, missing: 1, sessionsThisMonth: 2, sessionsExpected: 4, attention: 0 })
  expect(all.completionRate).toBeCloseTo(4 / 6) // not the mean of 1/3, 3/3 and nothing
  expect(all.onTimeRate).toBeCloseTo(4 / 5)
  expect(all.reviewDays).toBeCloseTo(6 / 3)
  const states = rollUp(facts, 'state', today)
  expect(states.map((s) => [s.label, s.fellows, formatPercent(s.completionRate), formatPercent(s.onTimeRate)])).toEqual([
    ['Maryland', 2, '67%', '80%'],
    ['New Jersey', 1, '—', '—'],
  ])
  expect(rollUp(facts, 'lea', today).map((l) => l.label)).toEqual(['District 1', 'District 2', 'District 3'])
  expect(rollUp(facts, 'fellow', today).map((f) => f.key)).toEqual(['a', 'b', 'c'])
  // The sum of the parts is the whole, at every level.
  for (const level of ['state', 'lea', 'school', 'fellow', 'cohort'] as const) {
    expect(rollUp(facts, level, today).reduce((n, r) => n + r.fellows, 0)).toBe(3)
    expect(rollUp(facts, level, today).reduce((n, r) => n + r.onTime, 0)).toBe(4)
  }
})

test('fellows needing attention come most reasons first', () => {
  const list = needingAttention(
    [fact({ fellowId: 'calm' }), fact({ fellowId: 'one', lastSignInOn: null }), fact({ fellowId: 'three', lastSignInOn: null, lastSessionOn: null, missing: 2 })],
    today,
  )
  expect(list.map((i) => [i.fellowId, i.reasons.length])).toEqual([
    ['three', 3],
    ['one', 1],
  ])
})

test('completion per month lines cohorts up under the same months', () => {
  const grid = completionGrid([
    { cohortId: 'b', cohortName: 'B', month: '2026-10', applicable: 4, done: 1 },
    { cohortId: 'a', cohortName: 'A', month: '2026-09', applicable: 2, done: 2 },
    { cohortId: 'a', cohortName: 'A', month: '2026-10', applicable: 2, done: 0 },
  ])
  expect(grid.months).toEqual(['2026-09', '2026-10'])
  expect(grid.cohorts).toEqual([
    { id: 'a', name: 'A', rates: [1, 0] },
    { id: 'b', name: 'B', rates: [null, 0.25] },
  ])
})
