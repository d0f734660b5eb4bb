import { isValidIsoDate } from './schedule'

/** What the audit log can be narrowed to: an action, who did it (email), and a UTC date range. */
export type AuditFilters = { action: string | null; actor: string | null; from: string | null; to: string | null }

export function parseAuditFilters(params: URLSearchParams): { ok: true; filters: AuditFilters } | { ok: false; message: string } {
  const read = (name: string, max: number) => {
    const value = params.get(name)?.trim()
    return value ? value.slice(0, max) : null
  }
  const filters: AuditFilters = { action: read('action', 60), actor: read('actor', 200), from: read('from', 10), to: read('to', 10) }
  for (const key of ['from', 'to'] as const) {
    const value = filters[key]
    if (value !== null && !isValidIsoDate(value)) return { ok: false, message: `“${value}” is not a date: use YYYY-MM-DD (UTC).` }
  }
  if (filters.from && filters.to && filters.from > filters.to) return { ok: false, message: 'The “from” date is after the “to” date.' }
  return { ok: true, filters }
}

export function auditQuery(filters: AuditFilters) {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value)
  const text = params.toString()
  return text ? `?${text}` : ''
}
