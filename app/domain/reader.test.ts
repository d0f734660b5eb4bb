import { expect, test } from 'vitest'
import { applySectionMark, moduleAccess, moduleCalendarMonth, moduleStatus } from './reader'

const yearOne = { year: 1, track: 'all' as const }
const yearTwo = { year: 2, track: 'all' as const }

test('a year-one fellow edits year one and cannot open year two', () => {
  const fellow = { role: 'fellow' as const, programYear: 1, position: 'principal' as const }
  expect(moduleAccess(fellow, yearOne)).toBe('edit')
  expect(moduleAccess(fellow, yearTwo)).toBeNull()
})

test('a year-two fellow edits year two and reads year one as a record', () => {
  const fellow = { role: 'fellow' as const, programYear: 2, position: 'assistant_principal' as const }
  expect(moduleAccess(fellow, yearTwo)).toBe('edit')
  expect(moduleAccess(fellow, yearOne)).toBe('read')
})

test('a track-specific module is for its own track only', () => {
  const principal = { role: 'fellow' as const, programYear: 2, position: 'principal' as const }
  const ap = { role: 'fellow' as const, programYear: 2, position: 'assistant_principal' as const }
  expect(moduleAccess(principal, { year: 2, track: 'principal' })).toBe('edit')
  expect(moduleAccess(ap, { year: 2, track: 'principal' })).toBeNull()
})

test('coaches, staff and admins read every module', () => {
  for (const role of ['coach', 'staff', 'admin'] as const) {
    expect(moduleAccess({ role }, yearTwo)).toBe('read')
    expect(moduleAccess({ role }, { year: 2, track: 'assistant-principal' })).toBe('read')
  }
})

test('sections are marked and unmarked, and the module completes when all are done', () => {
  const allSections = ['a', 'b', 'c']
  expect(applySectionMark({ done: [], sectionId: 'b', markDone: true, allSections })).toEqual({ sectionsDone: ['b'], complete: false })
  expect(applySectionMark({ done: ['a', 'c'], sectionId: 'b', markDone: true, allSections })).toEqual({ sectionsDone: ['a', 'b', 'c'], complete: true })
  expect(applySectionMark({ done: ['a', 'b', 'c'], sectionId: 'a', markDone: false, allSections })).toEqual({ sectionsDone: ['b', 'c'], complete: false })
  // Sections removed from a module's text no longer count.
  expect(applySectionMark({ done: ['gone', 'a'], sectionId: 'b', markDone: true, allSections })).toEqual({ sectionsDone: ['a', 'b'], complete: false })
})

test('status: not started, in progress (progress or an answer), complete', () => {
  expect(moduleStatus(null, false)).toBe('not-started')
  expect(moduleStatus(null, true)).toBe('in-progress')
  expect(moduleStatus({ completedAt: null }, false)).toBe('in-progress')
  expect(moduleStatus({ completedAt: new Date() }, false)).toBe('complete')
})

test('a module falls in the right calendar month of the cohort’s years', () => {
  expect(moduleCalendarMonth(2026, { year: 1, month: 1 })).toEqual({ year: 2026, month: 9 })
  expect(moduleCalendarMonth(2026, { year: 1, month: 4 })).toEqual({ year: 2026, month: 12 })
  expect(moduleCalendarMonth(2026, { year: 1, month: 5 })).toEqual({ year: 2027, month: 1 })
  expect(moduleCalendarMonth(2025, { year: 2, month: 10 })).toEqual({ year: 2027, month: 6 })
})
