/**
 * The filters of the staff dashboard, kept in the URL so a view can be bookmarked and shared:
 * cohort, state, LEA, school, position, program year and year-two track.
 */
export type StaffFilters = {
  cohort: string | null
  state: 'MD' | 'NJ' | null
  lea: string | null
  school: string | null
  position: 'principal' | 'assistant_principal' | null
  year: 1 | 2 | null
  track: 'principal' | 'assistant-principal' | null
}

export const NO_FILTERS: StaffFilters = { cohort: null, state: null, lea: null, school: null, position: null, year: null, track: null }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export type FilterResult = { ok: true; filters: StaffFilters } | { ok: false; message: string }

/** Reads the filters from a query string; an unknown value is refused with the field it came from. */
export function parseStaffFilters(params: URLSearchParams): FilterResult {
  const filters: StaffFilters = { ...NO_FILTERS }
  const value = (name: string) => {
    const raw = params.get(name)?.trim()
    return raw ? raw : null
  }
  for (const key of ['cohort', 'lea', 'school'] as const) {
    const raw = value(key)
    if (raw === null) continue
    if (!UUID.test(raw)) return { ok: false, message: `The ${key === 'lea' ? 'district' : key} in this link is not one we know. Choose it again from the filters.` }
    filters[key] = raw.toLowerCase()
  }
  const state = value('state')
  if (state !== null) {
    if (state !== 'MD' && state !== 'NJ') return { ok: false, message: 'State must be MD (Maryland) or NJ (New Jersey).' }
    filters.state = state
  }
  const position = value('position')
  if (position !== null) {
    if (position !== 'principal' && position !== 'assistant_principal') return { ok: false, message: 'Position must be principal or assistant_principal.' }
    filters.position = position
  }
  const year = value('year')
  if (year !== null) {
    if (year !== '1' && year !== '2') return { ok: false, message: 'Program year must be 1 or 2.' }
    filters.year = year === '1' ? 1 : 2
  }
  const track = value('track')
  if (track !== null) {
    if (track !== 'principal' && track !== 'assistant-principal') return { ok: false, message: 'Track must be principal or assistant-principal.' }
    filters.track = track
  }
  return { ok: true, filters }
}

/** The query string of a filter set, with some values changed; empty values are left out. */
export function filterQuery(filters: StaffFilters, changes: Partial<StaffFilters> = {}) {
  const merged = { ...filters, ...changes }
  const params = new URLSearchParams()
  for (const [key, v] of Object.entries(merged)) if (v !== null && v !== undefined) params.set(key, String(v))
  const text = params.toString()
  return text ? `?${text}` : ''
}

export type DrillLevel = 'state' | 'lea' | 'school' | 'fellow'

/** What the drill-down table lists: states, then a state's LEAs, an LEA's schools, a school's fellows. */
export function drillLevel(filters: StaffFilters): DrillLevel {
  if (filters.school) return 'fellow'
  if (filters.lea) return 'school'
  if (filters.state) return 'lea'
  return 'state'
}
