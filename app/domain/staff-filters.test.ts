import { expect, test } from 'vitest'
import { drillLevel, filterQuery, NO_FILTERS, parseStaffFilters } from './staff-filters'

const id = '5f0c6c8e-1d2a-4b3c-9d4e-0a1b2c3d4e5f'

test('filters come from the URL and go back into it unchanged', () => {
  const parsed = parseStaffFilters(new URLSearchParams(`cohort=${id}&state=NJ&position=assistant_principal&year=2&track=assistant-principal&school=`))
  expect(parsed).toEqual({ ok: true, filters: { ...NO_FILTERS, cohort: id, state: 'NJ', position: 'assistant_principal', year: 2, track: 'assistant-principal' } })
  if (!parsed.ok) return
  expect(filterQuery(parsed.filters)).toBe(`?cohort=${id}&state=NJ&position=assistant_principal&year=2&track=assistant-principal`)
  expect(filterQuery(parsed.filters, { state: null, position: null, year: null, track: null })).toBe(`?cohort=${id}`)
  expect(filterQuery(NO_FILTERS)).toBe('')
})

test('a bad value is refused with what was wrong', () => {
  expect(parseStaffFilters(new URLSearchParams('state=PA'))).toEqual({ ok: false, message: 'State must be MD (Maryland) or NJ (New Jersey).' })
  expect(parseStaffFilters(new URLSearchParams('year=3'))).toMatchObject({ ok: false })
  expect(parseStaffFilters(new URLSearchParams('lea=1; drop table leas'))).toMatchObject({ ok: false, message: expect.stringContaining('district') })
})

test('the drill-down goes state → LEA → school → fellow', () => {
  expect(drillLevel(NO_FILTERS)).toBe('state')
  expect(drillLevel({ ...NO_FILTERS, state: 'MD' })).toBe('lea')
  expect(drillLevel({ ...NO_FILTERS, state: 'MD', lea: id })).toBe('school')
  expect(drillLevel({ ...NO_FILTERS, lea: id, school: id })).toBe('fellow')
})
