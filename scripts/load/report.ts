/** Turning the load test's samples into numbers and a table. Pure. */

export const REQUEST_KINDS = ['sign-in', 'home', 'module page', 'autosave'] as const
export type RequestKind = (typeof REQUEST_KINDS)[number]

/** One answered request; times in ms since the load started. */
export type Sample = { kind: RequestKind; status: number; startedAt: number; finishedAt: number }
/** A request that got no answer: the connection broke, or it timed out. */
export type Failure = { kind: RequestKind; at: number }

export type KindSummary = {
  requests: number
  perSecond: number
  latencyMs: { p50: number; p90: number; p99: number; max: number }
  statuses: Record<string, number>
  non2xx: number
  errors: number
}

export type Summary = { seconds: number; total: KindSummary; kinds: Record<RequestKind, KindSummary> }

/** Nearest-rank percentile of ascending values; 0 for none. */
export function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return 0
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]
}

/** Responses per status code. */
export function countStatuses(samples: Sample[]) {
  const statuses: Record<string, number> = {}
  for (const s of samples) statuses[s.status] = (statuses[s.status] ?? 0) + 1
  return statuses
}

function summariseKind(samples: Sample[], errors: number, seconds: number): KindSummary {
  const latencies = samples.map((s) => s.finishedAt - s.startedAt).sort((a, b) => a - b)
  const statuses = countStatuses(samples)
  const round = (ms: number) => Math.round(ms * 10) / 10
  return {
    requests: samples.length,
    perSecond: Math.round((samples.length / seconds) * 10) / 10,
    latencyMs: {
      p50: round(percentile(latencies, 50)),
      p90: round(percentile(latencies, 90)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies.at(-1) ?? 0),
    },
    statuses,
    non2xx: samples.filter((s) => s.status < 200 || s.status > 299).length,
    errors,
  }
}

export function summarise({ samples, failures, seconds }: { samples: Sample[]; failures: Failure[]; seconds: number }): Summary {
  const of = (kind: RequestKind) =>
    summariseKind(
      samples.filter((s) => s.kind === kind),
      failures.filter((f) => f.kind === kind).length,
      seconds,
    )
  const kinds = { 'sign-in': of('sign-in'), home: of('home'), 'module page': of('module page'), autosave: of('autosave') }
  return { seconds, total: summariseKind(samples, failures.length, seconds), kinds }
}

/** Responses by status, e.g. "200×5120 302×50". */
export function formatStatuses(statuses: Record<string, number>) {
  return Object.entries(statuses)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([status, count]) => `${status}×${count}`)
    .join(' ') || '–'
}

export function formatTable(summary: Summary) {
  const header = ['request', 'count', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'non-2xx', 'errors', 'statuses']
  const row = (name: string, k: KindSummary) => [
    name,
    String(k.requests),
    String(k.perSecond),
    String(k.latencyMs.p50),
    String(k.latencyMs.p90),
    String(k.latencyMs.p99),
    String(k.latencyMs.max),
    String(k.non2xx),
    String(k.errors),
    formatStatuses(k.statuses),
  ]
  const rows = [header, ...REQUEST_KINDS.map((kind) => row(kind, summary.kinds[kind])), row('all', summary.total)]
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i].length)))
  return rows.map((r) => r.map((cell, i) => (i === 0 || i === r.length - 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd()).join('\n')
}
