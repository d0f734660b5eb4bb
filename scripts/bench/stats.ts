/** Pure helpers of the benchmark: percentiles, summaries, the target verdicts and the printed table. */

/** The p-th percentile (0–100) of values sorted ascending, by linear interpolation between closest ranks; NaN for none. */
function percentileOfSorted(sorted: readonly number[], p: number) {
  if (sorted.length === 0) return Number.NaN
  const rank = (p / 100) * (sorted.length - 1)
  const low = Math.floor(rank)
  const high = Math.ceil(rank)
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low)
}

/** The p-th percentile (0–100) by linear interpolation between closest ranks; NaN for no values. */
export function percentile(values: readonly number[], p: number) {
  return percentileOfSorted([...values].sort((a, b) => a - b), p)
}

export type LatencySummary = { count: number; p50: number; p95: number; p99: number; mean: number; max: number }

/** Sorted once; the largest is the last, not Math.max(...values), which overflows the stack past about 100,000 values. */
export function summarize(values: readonly number[]): LatencySummary {
  const round = (n: number) => Math.round(n * 100) / 100
  const sorted = [...values].sort((a, b) => a - b)
  return {
    count: values.length,
    p50: round(percentileOfSorted(sorted, 50)),
    p95: round(percentileOfSorted(sorted, 95)),
    p99: round(percentileOfSorted(sorted, 99)),
    mean: round(values.length ? values.reduce((sum, v) => sum + v, 0) / values.length : Number.NaN),
    max: round(values.length ? sorted[sorted.length - 1] : Number.NaN),
  }
}

/** A target of the issue: met when the measured value is on the right side of the limit. */
export type Target = { limit: number; better: 'lower' | 'higher' }

export type Verdict = 'met' | 'missed' | 'not measured'

export function judge(value: number | null, target: Target): Verdict {
  if (value === null || !Number.isFinite(value)) return 'not measured'
  return (target.better === 'lower' ? value < target.limit : value >= target.limit) ? 'met' : 'missed'
}

export type TableRow = { section: string; figure: string; value: string; target: string; verdict: Verdict | '' }

/** A fixed-width text table, one line per figure, with the section named once per group. */
export function formatTable(rows: readonly TableRow[]) {
  const header: TableRow = { section: 'item', figure: 'figure', value: 'measured', target: 'target', verdict: '' }
  const cells = (r: TableRow) => [r.section, r.figure, r.value, r.target, r.verdict]
  const widths = cells(header).map((_, i) => Math.max(...[header, ...rows].map((r) => cells(r)[i].length)))
  const line = (r: TableRow) => cells(r).map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()
  let last = ''
  const body = rows.map((r) => {
    const shown = r.section === last ? { ...r, section: '' } : r
    last = r.section
    return line(shown)
  })
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body].join('\n')
}

/** A number for the table: at most `digits` decimals, thousands separated. */
export function formatNumber(value: number | null, digits = 1) {
  if (value === null || !Number.isFinite(value)) return 'n/a'
  return value.toLocaleString('en-US', { maximumFractionDigits: digits })
}

/** The machine's CPU counters (the `cpu` line of /proc/stat): where its time went since boot. */
export type CpuTimes = { busy: number; steal: number; total: number }

/** Reads the `cpu` line of /proc/stat: user nice system idle iowait irq softirq steal …, in ticks. */
export function parseCpuTimes(procStat: string): CpuTimes | null {
  const line = procStat.split('\n').find((l) => l.startsWith('cpu '))
  if (!line) return null
  const [user, nice, system, idle, iowait, irq, softirq, steal = 0] = line.trim().split(/\s+/).slice(1).map(Number)
  const total = user + nice + system + idle + iowait + irq + softirq + steal
  return { busy: user + nice + system + irq + softirq, steal, total }
}

/**
 * The share of the machine's time, between two readings, that the virtual machine's host took for
 * others (steal): figures measured while it is high are slower than the code.
 */
export function stealShare(before: CpuTimes, after: CpuTimes) {
  const total = after.total - before.total
  return total > 0 ? (after.steal - before.steal) / total : 0
}
