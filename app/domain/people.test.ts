import { expect, test } from 'vitest'
import {
  academyDateTime,
  AccountStatusSchema,
  canChangeAccountStatus,
  containsPattern,
  fellowProgressRows,
  FellowRecordSchema,
  groupSchools,
  nextAccountStatus,
  pageWindow,
  parsePeopleSearch,
  peopleSearchHref,
  placementEffect,
  statusChangeMessage,
  trackDescription,
} from './people'

const actor = (role: 'fellow' | 'coach' | 'staff' | 'admin', id = 'me') => ({ id, role })

test('staff deactivate fellows and coaches, never staff or administrators', () => {
  expect(canChangeAccountStatus(actor('staff'), actor('fellow', 'x'))).toEqual({ ok: true })
  expect(canChangeAccountStatus(actor('staff'), actor('coach', 'x'))).toEqual({ ok: true })
  for (const role of ['staff', 'admin'] as const) {
    const decision = canChangeAccountStatus(actor('staff'), actor(role, 'x'))
    expect(decision.ok).toBe(false)
    if (!decision.ok) expect(decision.message).toMatch(/Only an administrator/)
  }
})

test('administrators deactivate anyone but themselves; nobody deactivates their own account', () => {
  for (const role of ['fellow', 'coach', 'staff', 'admin'] as const) {
    expect(canChangeAccountStatus(actor('admin'), actor(role, 'x')).ok).toBe(true)
  }
  for (const role of ['staff', 'admin'] as const) {
    const own = canChangeAccountStatus(actor(role), actor(role))
    expect(own.ok).toBe(false)
    if (!own.ok) expect(own.message).toMatch(/your own account/)
  }
})

test('fellows and coaches change no one’s account', () => {
  expect(canChangeAccountStatus(actor('coach'), actor('fellow', 'x')).ok).toBe(false)
  expect(canChangeAccountStatus(actor('fellow'), actor('fellow', 'x')).ok).toBe(false)
})

test('deactivation and reactivation move between statuses; an account that never set a password returns to invited', () => {
  expect(nextAccountStatus('deactivate', 'active', true)).toBe('deactivated')
  expect(nextAccountStatus('deactivate', 'invited', false)).toBe('deactivated')
  expect(nextAccountStatus('deactivate', 'deactivated', true)).toBeNull()
  expect(nextAccountStatus('reactivate', 'deactivated', true)).toBe('active')
  expect(nextAccountStatus('reactivate', 'deactivated', false)).toBe('invited')
  expect(nextAccountStatus('reactivate', 'active', true)).toBeNull()
  expect(statusChangeMessage({ name: 'Ana', role: 'fellow' }, 'deactivate', 'deactivated')).toBe('Ana is deactivated and signed out everywhere. Their work is kept.')
  expect(statusChangeMessage({ name: 'Cam', role: 'coach' }, 'deactivate', 'deactivated')).toMatch(/re-pair them under Pairings/)
  expect(statusChangeMessage({ name: 'Ana', role: 'fellow' }, 'reactivate', 'invited')).toMatch(/send a new invitation/)
  expect(statusChangeMessage({ name: 'Ana', role: 'fellow' }, 'deactivate', null)).toBe('Ana is already deactivated.')
})

test('search parameters fall back to their defaults when missing or unexpected', () => {
  expect(parsePeopleSearch(new URLSearchParams(''))).toEqual({ q: '', role: 'all', status: 'all', page: 1 })
  expect(parsePeopleSearch(new URLSearchParams('q=%20Okafor%20&role=coach&status=deactivated&page=3'))).toEqual({ q: 'Okafor', role: 'coach', status: 'deactivated', page: 3 })
  expect(parsePeopleSearch(new URLSearchParams('role=wizard&status=gone&page=-2'))).toEqual({ q: '', role: 'all', status: 'all', page: 1 })
  expect(parsePeopleSearch(new URLSearchParams('page=2.5')).page).toBe(1)
  expect(parsePeopleSearch(new URLSearchParams('page=0')).page).toBe(1)
  expect(parsePeopleSearch(new URLSearchParams('page=99999999999')).page).toBe(1)
  expect(parsePeopleSearch(new URLSearchParams(`q=${'x'.repeat(500)}`)).q).toHaveLength(100)
})

test('page links keep the search and leave defaults out', () => {
  expect(peopleSearchHref({ q: 'Okafor', role: 'fellow', status: 'all' }, 2)).toBe('?q=Okafor&role=fellow&page=2')
  expect(peopleSearchHref({ q: '', role: 'all', status: 'active' }, 1)).toBe('?status=active')
  expect(peopleSearchHref({ q: '', role: 'all', status: 'all' }, 1)).toBe('?')
  expect(peopleSearchHref({ q: 'a&b', role: 'all', status: 'all' }, 1)).toBe('?q=a%26b')
})

test('page arithmetic: 50 a page, a page past the end shows the last one, an empty result is one empty page', () => {
  expect(pageWindow({ requested: 1, total: 120, size: 50 })).toEqual({ page: 1, pageCount: 3, offset: 0, first: 1, last: 50, hasPrevious: false, hasNext: true })
  expect(pageWindow({ requested: 3, total: 120, size: 50 })).toEqual({ page: 3, pageCount: 3, offset: 100, first: 101, last: 120, hasPrevious: true, hasNext: false })
  expect(pageWindow({ requested: 9, total: 120, size: 50 }).page).toBe(3)
  expect(pageWindow({ requested: 2, total: 100, size: 50 })).toMatchObject({ page: 2, pageCount: 2, first: 51, last: 100, hasNext: false })
  expect(pageWindow({ requested: 4, total: 0, size: 50 })).toEqual({ page: 1, pageCount: 1, offset: 0, first: 0, last: 0, hasPrevious: false, hasNext: false })
})

test('search text matches literally: % and _ are not wildcards', () => {
  expect(containsPattern('Okafor')).toBe('%Okafor%')
  expect(containsPattern('100%_a\\b')).toBe('%100\\%\\_a\\\\b%')
})

test('year two tracks follow position; a change of position or year says what it does to the curriculum', () => {
  expect(trackDescription({ programYear: 2, position: 'assistant_principal' })).toBe('Year two, assistant principal track')
  expect(trackDescription({ programYear: 1, position: 'principal' })).toBe('Year one, shared by all fellows (the principal track in year two)')
  expect(placementEffect({ programYear: 2, position: 'principal' }, { programYear: 2, position: 'assistant_principal' })).toMatch(/^They move to the assistant principal track/)
  expect(placementEffect({ programYear: 1, position: 'principal' }, { programYear: 1, position: 'assistant_principal' })).toBeNull()
  expect(placementEffect({ programYear: 1, position: 'principal' }, { programYear: 2, position: 'principal' })).toMatch(/year two on the principal track/)
  expect(placementEffect({ programYear: 2, position: 'principal' }, { programYear: 1, position: 'principal' })).toMatch(/year one/)
})

test('schools group by state and LEA in the order given', () => {
  const groups = groupSchools([
    { id: '1', name: 'A', leaName: 'East', state: 'MD' },
    { id: '2', name: 'B', leaName: 'East', state: 'MD' },
    { id: '3', name: 'C', leaName: 'West', state: 'MD' },
    { id: '4', name: 'D', leaName: 'East', state: 'NJ' },
  ])
  expect(groups.map((g) => [g.state, g.leaName, g.schools.map((s) => s.name).join('')])).toEqual([
    ['MD', 'East', 'AB'],
    ['MD', 'West', 'C'],
    ['NJ', 'East', 'D'],
  ])
})

test('the record’s forms refuse a third program year, an unknown position and ids that are not ids', () => {
  expect(FellowRecordSchema.safeParse({ intent: 'change-year', programYear: '3' }).success).toBe(false)
  expect(FellowRecordSchema.safeParse({ intent: 'change-year', programYear: '2' }).success).toBe(true)
  expect(FellowRecordSchema.safeParse({ intent: 'change-position', position: 'superintendent' }).success).toBe(false)
  expect(FellowRecordSchema.safeParse({ intent: 'change-cohort', cohortId: 'cohort-1' }).success).toBe(false)
  expect(FellowRecordSchema.safeParse({ intent: 'erase' }).success).toBe(false)
  expect(AccountStatusSchema.safeParse({ intent: 'delete', userId: '8f7c1a52-56a4-4bd3-9f4e-2b8f2b0e7a11' }).success).toBe(false)
})

const MODULES = [
  { slug: 'y1-a', title: 'A', year: 1, month: 1, track: 'all' as const },
  { slug: 'y1-b', title: 'B', year: 1, month: 2, track: 'all' as const },
  { slug: 'y1-c', title: 'C', year: 1, month: 3, track: 'all' as const },
  { slug: 'y1-d', title: 'D', year: 1, month: 4, track: 'all' as const },
  { slug: 'y2-p', title: 'P', year: 2, month: 1, track: 'principal' as const },
  { slug: 'y2-ap', title: 'AP', year: 2, month: 1, track: 'assistant-principal' as const },
]

test('progress rows: module status, and on time, late or overdue by the Eastern due day', () => {
  const rows = fellowProgressRows({
    fellow: { programYear: 1, position: 'principal' },
    modules: MODULES,
    progress: [{ moduleSlug: 'y1-a', completedAt: '2026-09-20T12:00:00Z' }, { moduleSlug: 'y1-b', completedAt: null }],
    answered: [{ moduleSlug: 'y1-c', count: 2 }],
    schedule: [
      { moduleSlug: 'y1-a', opensOn: '2026-09-01', dueOn: '2026-09-25' },
      { moduleSlug: 'y1-b', opensOn: '2026-10-01', dueOn: '2026-10-30' },
      { moduleSlug: 'y1-c', opensOn: '2026-11-02', dueOn: '2026-11-20' },
      { moduleSlug: 'y1-d', opensOn: '2026-12-01', dueOn: '2026-12-18' },
    ],
    submissions: [
      // 11:30 pm Eastern on the due day is on time, though it is already the 26th in UTC.
      { id: 's-a', moduleSlug: 'y1-a', status: 'accepted', submittedAt: '2026-09-26T03:30:00Z' },
      { id: 's-b', moduleSlug: 'y1-b', status: 'submitted', submittedAt: '2026-10-31T14:00:00Z' },
    ],
    today: '2026-11-25',
  })
  expect(rows.map((r) => [r.slug, r.status, r.submissionStatus, r.timeliness])).toEqual([
    ['y1-a', 'complete', 'accepted', 'on-time'],
    ['y1-b', 'in-progress', 'submitted', 'late'],
    ['y1-c', 'in-progress', null, 'overdue'],
    ['y1-d', 'not-started', null, 'upcoming'],
  ])
})

test('progress rows show only the fellow’s own year and track', () => {
  const base = { progress: [], answered: [], schedule: [], submissions: [], today: '2027-09-10' }
  expect(fellowProgressRows({ ...base, fellow: { programYear: 2, position: 'assistant_principal' }, modules: MODULES }).map((r) => [r.slug, r.timeliness])).toEqual([['y2-ap', 'no-date']])
  expect(fellowProgressRows({ ...base, fellow: { programYear: 2, position: 'principal' }, modules: MODULES }).map((r) => r.slug)).toEqual(['y2-p'])
})

test('moments read in Eastern time', () => {
  expect(academyDateTime(new Date('2026-01-15T17:05:00Z'))).toMatch(/^Jan 15, 2026, 12:05\sPM Eastern$/)
})
