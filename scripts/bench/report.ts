import { formatNumber, judge, type LatencySummary, type TableRow, type Target } from './stats'

/** What one run of `npm run bench` measured; written whole to bench/results.json. */
export type LoadFigures = { requestsPerSecond: number; total: number; non2xx: number; errors: number; latency: LatencySummary }

export type PageWeight = { path: string; files: number; rawBytes: number; gzipBytes: number }

export type LighthouseRun = { score: number | null; firstContentfulPaintMs: number | null; largestContentfulPaintMs: number | null; totalBlockingTimeMs: number | null; cumulativeLayoutShift: number | null }

export type StaffTimings = { overview: LatencySummary; heatmap: LatencySummary; leaDrillDown: LatencySummary }

export type BenchResults = {
  startedAt: string
  finishedAt: string
  durationSeconds: number
  machine: { cpus: number; memoryGb: number; node: string; loadAverageBefore: number[]; loadAverageAfter: number[]; stealShare: number | null }
  databases: { large: string; small: string; largeFellows: number; smallFellows: number; jit: 'on' | 'off' }
  modulePage: { path: string; htmlBytes: number; app: LoadFigures; bare: LoadFigures; ratio: number; steady: LoadFigures } | null
  staff: StaffTimings | null
  autosave: { steady: LoadFigures; throughput: LoadFigures } | null
  export: { seconds: number; bytes: number; lines: number; rssBeforeMb: number; peakMb: number; growthMb: number } | null
  contentBuildSeconds: number | null
  coldStart: { pgliteSeconds: number | null; postgresSeconds: number | null }
  javascript: Record<string, PageWeight> | null
  lighthouse: { path: string; mobile: LighthouseRun; desktop: LighthouseRun } | null
  growth: { small: StaffTimings; large: StaffTimings } | null
  errors: string[]
}

export const TARGETS = {
  throughputRatio: { limit: 0.15, better: 'higher' },
  modulePageP95: { limit: 50, better: 'lower' },
  staffP95: { limit: 150, better: 'lower' },
  autosaveP95: { limit: 30, better: 'lower' },
  exportSeconds: { limit: 10, better: 'lower' },
  exportGrowthMb: { limit: 100, better: 'lower' },
  modulePageJsKb: { limit: 150, better: 'lower' },
  lighthouse: { limit: 95, better: 'higher' },
  // Ten times the fellows: a cost that grows at most linearly grows at most tenfold.
  growthRatio: { limit: 10.0001, better: 'lower' },
} satisfies Record<string, Target>

const ms = (n: number | null | undefined) => `${formatNumber(n ?? null, 1)} ms`

function row(section: string, figure: string, value: string, target?: { text: string; value: number | null; rule: Target }): TableRow {
  return { section, figure, value, target: target?.text ?? '', verdict: target ? judge(target.value, target.rule) : '' }
}

function latencyRows(section: string, name: string, l: LatencySummary | undefined, target?: { text: string; rule: Target }) {
  if (!l) return [row(section, name, 'not measured')]
  return [
    row(section, `${name} p50`, ms(l.p50)),
    row(section, `${name} p95`, ms(l.p95), target ? { ...target, value: l.p95 } : undefined),
  ]
}

/** The printed table: every figure of the issue, with its target and verdict where it has one. */
export function reportRows(r: BenchResults): TableRow[] {
  const rows: TableRow[] = []
  const m = r.modulePage
  const s1 = '1. Module page'
  if (m) {
    rows.push(
      row(s1, 'app, 50 connections', `${formatNumber(m.app.requestsPerSecond)} req/s`),
      row(s1, 'bare node:http, same bytes', `${formatNumber(m.bare.requestsPerSecond)} req/s`),
      row(s1, 'app ÷ bare', `${formatNumber(m.ratio * 100)} %`, { text: '≥ 15 %', value: m.ratio, rule: TARGETS.throughputRatio }),
      row(s1, 'at 100 req/s: p50', ms(m.steady.latency.p50)),
      row(s1, 'at 100 req/s: p95', ms(m.steady.latency.p95), { text: '< 50 ms', value: m.steady.latency.p95, rule: TARGETS.modulePageP95 }),
      row(s1, 'at 100 req/s: p99', ms(m.steady.latency.p99)),
    )
  } else rows.push(row(s1, 'all', 'not measured'))

  const s2 = `2. Staff pages (${formatNumber(r.databases.largeFellows, 0)} fellows)`
  const staffTarget = { text: '< 150 ms', rule: TARGETS.staffP95 }
  rows.push(
    ...latencyRows(s2, 'overview', r.staff?.overview, staffTarget),
    ...latencyRows(s2, 'heat map', r.staff?.heatmap, staffTarget),
    ...latencyRows(s2, 'LEA drill-down', r.staff?.leaDrillDown),
  )

  const s3 = '3. Autosave'
  const a = r.autosave
  rows.push(
    row(s3, 'at 100 req/s: p50', a ? ms(a.steady.latency.p50) : 'not measured'),
    row(s3, 'at 100 req/s: p95', a ? ms(a.steady.latency.p95) : 'not measured', { text: '< 30 ms', value: a?.steady.latency.p95 ?? null, rule: TARGETS.autosaveP95 }),
    row(s3, 'throughput, 10 connections', a ? `${formatNumber(a.throughput.requestsPerSecond)} req/s` : 'not measured'),
  )

  const s4 = '4. CSV export of all progress'
  const e = r.export
  rows.push(
    row(s4, 'time', e ? `${formatNumber(e.seconds, 2)} s (${formatNumber(e.lines, 0)} lines)` : 'not measured', { text: '< 10 s', value: e?.seconds ?? null, rule: TARGETS.exportSeconds }),
    row(s4, 'server memory growth', e ? `${formatNumber(e.growthMb)} MB (peak ${formatNumber(e.peakMb)} MB)` : 'not measured', { text: '< 100 MB', value: e?.growthMb ?? null, rule: TARGETS.exportGrowthMb }),
  )

  const s5 = '5. Build and start'
  rows.push(
    row(s5, 'content build, all modules', r.contentBuildSeconds === null ? 'not measured' : `${formatNumber(r.contentBuildSeconds, 2)} s`),
    row(s5, 'cold start, PGlite (fresh)', r.coldStart.pgliteSeconds === null ? 'not measured' : `${formatNumber(r.coldStart.pgliteSeconds, 2)} s`),
    row(s5, 'cold start, PostgreSQL', r.coldStart.postgresSeconds === null ? 'not measured' : `${formatNumber(r.coldStart.postgresSeconds, 2)} s`),
  )

  const s6 = '6. JavaScript and Lighthouse'
  for (const [page, weight] of Object.entries(r.javascript ?? {})) {
    const kb = weight.gzipBytes / 1024
    const target = page === 'module page (fellow)' ? { text: '< 150 KB', value: kb, rule: TARGETS.modulePageJsKb } : undefined
    rows.push(row(s6, `JS gzipped: ${page}`, `${formatNumber(kb)} KB (${weight.files} files)`, target))
  }
  if (!r.javascript) rows.push(row(s6, 'JS per page', 'not measured'))
  const lh = r.lighthouse
  rows.push(
    row(s6, 'Lighthouse, module page (mobile)', lh?.mobile.score == null ? 'not measured' : String(lh.mobile.score), { text: '≥ 95', value: lh?.mobile.score ?? null, rule: TARGETS.lighthouse }),
    row(s6, 'Lighthouse, module page (desktop)', lh?.desktop.score == null ? 'not measured' : String(lh.desktop.score)),
  )

  const s7 = `7. Growth ${formatNumber(r.databases.smallFellows, 0)} → ${formatNumber(r.databases.largeFellows, 0)} fellows`
  const g = r.growth
  for (const [key, label, judged] of [['overview', 'overview', true], ['heatmap', 'heat map', true], ['leaDrillDown', 'LEA drill-down', false]] as const) {
    if (!g) {
      rows.push(row(s7, label, 'not measured'))
      continue
    }
    const ratio = g.large[key].p95 / g.small[key].p95
    const value = `p95 ${ms(g.small[key].p95)} → ${ms(g.large[key].p95)} (×${formatNumber(ratio, 2)})`
    rows.push(row(s7, label, value, judged ? { text: '≤ ×10 (linear)', value: ratio, rule: TARGETS.growthRatio } : undefined))
  }
  return rows
}
