import { expect, test } from 'vitest'
import { addUpStanding, countWork, ownModules, type ModuleWork, type ScheduledModule } from './standing'

const today = '2026-11-23'
const module = (slug: string, opensOn: string, dueOn: string, track: ScheduledModule['track'] = 'all', year = 2, cohortId = 'c1'): ScheduledModule => ({
  cohortId,
  slug,
  year,
  track,
  opensOn,
  dueOn,
})

const calendar = [
  module('done-on-time', '2026-09-01', '2026-09-25'),
  module('done-late', '2026-10-01', '2026-10-24', 'principal'),
  module('missing', '2026-10-01', '2026-10-24', 'assistant-principal'),
  module('open-now', '2026-11-02', '2026-11-27'),
  module('not-yet', '2026-12-01', '2026-12-20'),
  module('year-one', '2026-09-01', '2026-09-25', 'all', 1),
  module('other-cohort', '2026-09-01', '2026-09-25', 'all', 2, 'c2'),
]

test('a fellow’s own modules: their cohort, their year, every track and their own', () => {
  const ownOf = ownModules(calendar)
  expect(ownOf('c1', 2, 'principal').map((m) => m.slug)).toEqual(['done-on-time', 'done-late', 'open-now', 'not-yet'])
  expect(ownOf('c1', 2, 'assistant_principal').map((m) => m.slug)).toEqual(['done-on-time', 'missing', 'open-now', 'not-yet'])
  expect(ownOf('c1', 1, 'principal').map((m) => m.slug)).toEqual(['year-one'])
  // Worked out once per cohort, year and position.
  expect(ownOf('c1', 2, 'principal')).toBe(ownOf('c1', 2, 'principal'))
})

test('counts as of today: opened and completed, on time and late by the Eastern day, missing once past due, awaiting review', () => {
  const ownOf = ownModules(calendar)
  const work: ModuleWork = {
    'done-on-time': [1, '2026-09-25', 0],
    'done-late': [1, '2026-10-25', 1],
    'open-now': [0, '2026-11-20', 1],
    // Work on another track's module is not theirs to count.
    missing: [1, '2026-10-02', 0],
  }
  expect(countWork(work, ownOf('c1', 2, 'principal'), today)).toEqual({
    modulesOpen: 3,
    modulesDone: 2,
    onTime: 2,
    late: 1,
    missing: 0,
    awaitingReview: 2,
  })
  // The assistant principal beside them did nothing: two past due, three open.
  expect(countWork({}, ownOf('c1', 2, 'assistant_principal'), today)).toEqual({ modulesOpen: 3, modulesDone: 0, onTime: 0, late: 0, missing: 2, awaitingReview: 0 })
  // A module due today is not missing yet.
  expect(countWork({}, [module('due-today', '2026-11-02', today)], today).missing).toBe(0)
})

test('adding up: each fellow’s figures with their school and cohort, and completion per cohort and month of opening', () => {
  const row = (fellowId: string, position: 'principal' | 'assistant_principal', work: ModuleWork | null) => ({
    fellowId,
    name: fellowId,
    cohortId: 'c1',
    schoolId: 's1',
    position,
    programYear: 2,
    lastSignInOn: null,
    work,
    reviews: work ? 2 : null,
    reviewSeconds: work ? 3 * 86_400 : null,
    lastSessionOn: null,
  })
  const { facts, months } = addUpStanding({
    people: [row('p', 'principal', { 'done-on-time': [1, '2026-09-20', 0], 'done-late': [1, '2026-10-30', 0] }), row('a', 'assistant_principal', null)],
    places: new Map([['s1', { schoolName: 'School One', leaId: 'l1', leaName: 'District One', state: 'MD' as const }]]),
    cohorts: new Map([['c1', { name: 'Cohort One', cadence: 2 }]]),
    calendar,
    sessionsThisMonth: new Map([['p', 1]]),
    today,
  })
  expect(facts.map((f) => [f.fellowId, f.schoolName, f.leaName, f.cohortName, f.modulesDone, f.late, f.missing, f.reviews, f.reviewDays, f.sessionsThisMonth])).toEqual([
    ['p', 'School One', 'District One', 'Cohort One', 2, 1, 0, 2, 3, 1],
    ['a', 'School One', 'District One', 'Cohort One', 0, 0, 2, 0, 0, 0],
  ])
  // September: one shared module for both; October: the principal's and the AP's own; November: the shared one.
  expect(months.map((m) => [m.month, m.applicable, m.done])).toEqual([
    ['2026-09', 2, 1],
    ['2026-10', 2, 1],
    ['2026-11', 2, 0],
  ])
})
