import { academyDate } from '~/domain/schedule'
import { parseStaffFilters } from '~/domain/staff-filters'
import { listFilterOptions, staffStanding } from '~/models/staff-metrics.server'

/** The dashboard filters of this request's URL; a malformed one is a 400 that names it. */
export function requireStaffFilters(request: Request) {
  const parsed = parseStaffFilters(new URL(request.url).searchParams)
  if (!parsed.ok) throw new Response(parsed.message, { status: 400 })
  return parsed.filters
}

/** What the overview and the reports both start from: today, each fellow's facts, completion per month, the filter choices. */
export async function loadStaffView(request: Request) {
  const filters = requireStaffFilters(request)
  const today = academyDate(new Date())
  const [{ facts, months }, options] = await Promise.all([staffStanding({ filters, today, monthStart: `${today.slice(0, 8)}01` }), listFilterOptions({ lea: filters.lea })])
  return { filters, today, facts, months, options }
}
