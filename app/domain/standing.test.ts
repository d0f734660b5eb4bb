import { expect, test } from 'vitest'
import { addUpStanding, countWork, dayNumber, moduleBit, ownModules, type ModuleWork, type ScheduledModule } from './standing'

const today = '2026-11-23'
// The school-year month of the day a module opens (September is 1), as the content gives it.
const module = (slug: string, opensOn: string, dueOn: string, track: ScheduledModule['track'] = 'all', year = 2, cohortId = 'c1'): ScheduledModule => ({
  cohortId,
  slug,
  year,
  month: ((Number(opensOn.slice(5, 7)) + 3) % 12) + 1,
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

/** Work as fellow_standing keeps it, from entries per slug of the calendar: [completed, first hand-in's day, awaiting review]. */
function workOf(entries: Record<string, [0 | 1, string | null, 0 | 1]>): ModuleWork {
  const work: ModuleWork = { doneBits: 0, handedBits: 0, awaitingBits: 0, handedDays: [] }
  const byBit = Object.entries(entries)
    .map(([slug, entry]) => [moduleBit(calendar.find((m) => m.slug === slug)!), entry] as const)
    .sort((a, b) => a[0] - b[0])
  for (const [bit, [done, handedOn, awaiting]] of byBit) {
    if (done) work.doneBits |= 1 << bit
    if (awaiting) work.awaitingBits |= 1 << bit
    if (handedOn) {
      work.handedBits |= 1 << bit
      work.handedDays.push(dayNumber(handedOn))
    }
  }
  return work
}

test('a module’s bit is its month of the two years; a day’s number counts days since 1970', () => {
  expect(moduleBit({ year: 1, month: 1 })).toBe(0)
  expect(moduleBit({ year: 1, month: 10 })).toBe(9)
  expect(moduleBit({ year: 2, month: 1 })).toBe(10)
  expect(moduleBit({ year: 2, month: 10 })).toBe(19)
  expect(dayNumber('1970-01-02')).toBe(1)
  expect(dayNumber('2026-11-23') - dayNumber('2026-10-24')).toBe(30)
})

test('a fellow’s own modules: their cohort, their year, every track and their own', () => {
  const ownOf = ownModules(calendar, today)
  expect(ownOf('c1', 2, 'principal').modules.map((m) => m.slug)).toEqual(['done-on-time', 'done-late', 'open-now', 'not-yet'])
  expect(ownOf('c1', 2, 'assistant_principal').modules.map((m) => m.slug)).toEqual(['done-on-time', 'missing', 'open-now', 'not-yet'])
  expect(ownOf('c1', 1, 'principal').modules.map((m) => m.slug)).toEqual(['year-one'])
  // As of today: September to December of year two are bits 10 to 13; three opened, two past due.
  expect(ownOf('c1', 2, 'principal')).toMatchObject({ own: 0b1111 << 10, opened: 0b111 << 10, pastDue: 0b11 << 10 })
  // Worked out once per cohort, year and position.
  expect(ownOf('c1', 2, 'principal')).toBe(ownOf('c1', 2, 'principal'))
})

test('counts as of today: opened and completed, on time and late by the Eastern day, missing once past due, awaiting review', () => {
  const ownOf = ownModules(calendar, today)
  const work = workOf({
    'done-on-time': [1, '2026-09-25', 0],
    'done-late': [1, '2026-10-25', 1],
    'open-now': [0, '2026-11-20', 1],
    // Year one's work is not this year's to count.
    'year-one': [1, '2025-09-20', 1],
  })
  expect(countWork(work, ownOf('c1', 2, 'principal'))).toEqual({
    modulesOpen: 3,
    modulesDone: 2,
    onTime: 2,
    late: 1,
    missing: 0,
    awaitingReview: 2,
  })
  // The assistant principal beside them did nothing: two past due, three open.
  const nothing = workOf({})
  expect(countWork(nothing, ownOf('c1', 2, 'assistant_principal'))).toEqual({ modulesOpen: 3, modulesDone: 0, onTime: 0, late: 0, missing: 2, awaitingReview: 0 })
  // A module due today is not missing yet.
  expect(countWork(nothing, ownModules([module('due-today', '2026-11-02', today)], today)('c1', 2, 'principal')).missing).toBe(0)
})

test('adding up: each fellow’s figures with their school and cohort, and completion per cohort and month of opening', () => {
  const row = (fellowId: string, position: 'principal' | 'assistant_principal', work: ModuleWork | null) => ({
    ...(work ?? { doneBits: null, handedBits: null, awaitingBits: null, handedDays: null }),
    fellowId,
    name: fellowId,
    cohortId: 'c1',
    schoolId: 's1',
    position,
    programYear: 2,
    lastSignInOn: null,
    reviews: work ? 2 : null,
    reviewSeconds: work ? 3 * 86_400 : null,
    lastSessionOn: null,
  })
  const { facts, months } = addUpStanding({
    people: [row('p', 'principal', workOf({ 'done-on-time': [1, '2026-09-20', 0], 'done-late': [1, '2026-10-30', 0] })), row('a', 'assistant_principal', null)],
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
