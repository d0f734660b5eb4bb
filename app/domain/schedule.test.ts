import { expect, test } from 'vitest'
import { academyDate, defaultSchedule, dueState, firstSchoolDay, isLate, isValidIsoDate, lastFriday } from './schedule'

test('a module opens on the first school day of its month: weekends and Labor Day skipped', () => {
  expect(firstSchoolDay(2026, 9)).toBe('2026-09-01') // a Tuesday
  expect(firstSchoolDay(2025, 9)).toBe('2025-09-02') // Monday the 1st is Labor Day
  expect(firstSchoolDay(2026, 11)).toBe('2026-11-02') // the 1st is a Sunday
  expect(firstSchoolDay(2027, 1)).toBe('2027-01-04') // New Year's Day is a Friday, then the weekend
  expect(firstSchoolDay(2028, 1)).toBe('2028-01-03') // New Year's Day is a Saturday
})

test('assignments are due on the last Friday of the month', () => {
  expect(lastFriday(2026, 9)).toBe('2026-09-25')
  expect(lastFriday(2026, 10)).toBe('2026-10-30')
  expect(lastFriday(2027, 1)).toBe('2027-01-29')
  expect(lastFriday(2027, 4)).toBe('2027-04-30')
})

test('the default schedule covers both years, September to June', () => {
  const modules = [
    { slug: 'y1-sep', year: 1, month: 1 },
    { slug: 'y1-jan', year: 1, month: 5 },
    { slug: 'y1-jun', year: 1, month: 10 },
    { slug: 'y2-sep', year: 2, month: 1 },
  ]
  expect(defaultSchedule(2026, modules)).toEqual([
    { moduleSlug: 'y1-sep', opensOn: '2026-09-01', dueOn: '2026-09-25' },
    { moduleSlug: 'y1-jan', opensOn: '2027-01-04', dueOn: '2027-01-29' },
    { moduleSlug: 'y1-jun', opensOn: '2027-06-01', dueOn: '2027-06-25' },
    { moduleSlug: 'y2-sep', opensOn: '2027-09-01', dueOn: '2027-09-24' },
  ])
})

test('work is late only when first submitted after the due day ends in Eastern time', () => {
  // 11:30 pm in Maryland on the due date is 03:30 UTC the next day: on time.
  expect(isLate(new Date('2026-09-26T03:30:00Z'), '2026-09-25')).toBe(false)
  expect(isLate(new Date('2026-09-26T04:30:00Z'), '2026-09-25')).toBe(true)
  expect(isLate(null, '2026-09-25')).toBe(false)
  expect(isLate(new Date('2030-01-01T00:00:00Z'), null)).toBe(false)
  expect(academyDate(new Date('2026-09-26T03:30:00Z'))).toBe('2026-09-25')
})

test('an assignment is upcoming, open, due soon, overdue or done', () => {
  const dates = { opensOn: '2026-11-02', dueOn: '2026-11-27' }
  expect(dueState({ today: '2026-10-30', ...dates, submitted: false })).toBe('upcoming')
  expect(dueState({ today: '2026-11-10', ...dates, submitted: false })).toBe('open')
  expect(dueState({ today: '2026-11-24', ...dates, submitted: false })).toBe('due-soon')
  expect(dueState({ today: '2026-11-28', ...dates, submitted: false })).toBe('overdue')
  expect(dueState({ today: '2026-11-28', ...dates, submitted: true })).toBe('done')
})

test('only real calendar dates pass', () => {
  expect(isValidIsoDate('2026-02-28')).toBe(true)
  expect(isValidIsoDate('2026-02-30')).toBe(false)
  expect(isValidIsoDate('26-2-3')).toBe(false)
  expect(isValidIsoDate('')).toBe(false)
})
