/**
 * Run-chart rules for a PDSA measure, after Provost & Murray, The Health Care Data Guide (2011) and
 * Perla, Provost & Murray, "The run chart: a simple analytical tool for learning from variation in
 * healthcare processes", BMJ Quality & Safety 20 (2011):
 *
 * - the centre line is the median of all the points;
 * - a shift is 6 or more consecutive points all above or all below the median. Points that sit on the
 *   median are skipped: they neither count toward a shift nor break one;
 * - a trend is 5 or more consecutive points all rising or all falling. When a point repeats the value
 *   of the point before it, the repeat is skipped: it neither counts toward a trend nor breaks one
 *   (the paper's rule for "like values"). So 1, 2, 2, 3, 4, 5 is a rising trend of 5 counted points;
 *   the second 2 is not marked as part of it.
 *
 * With fewer than 10 points the rules are still applied, but the chart says they are not yet reliable.
 */

export const SHIFT_MIN_POINTS = 6
export const TREND_MIN_POINTS = 5
export const RELIABLE_MIN_POINTS = 10

export type Side = 'above' | 'below'
export type Direction = 'rising' | 'falling'

export type RunChartInput = { observedOn: string; value: number }

/** Indices into the date-ordered points of the points that count toward the signal. */
export type Shift = { side: Side; indices: number[] }
export type Trend = { direction: Direction; indices: number[] }

export type MarkedPoint<T> = T & {
  onMedian: boolean
  shift: Side | null
  trend: Direction | null
}

export type RunChartAnalysis<T extends RunChartInput> = {
  /** The points in date order (points on the same date keep the order they were given in). */
  points: MarkedPoint<T>[]
  median: number | null
  /** Points not on the median: the ones that can count toward a shift. */
  usefulObservations: number
  tooFewPoints: boolean
  shifts: Shift[]
  trends: Trend[]
}

export function orderByDate<T extends RunChartInput>(points: readonly T[]) {
  return [...points].sort((a, b) => (a.observedOn < b.observedOn ? -1 : a.observedOn > b.observedOn ? 1 : 0))
}

export function median(values: readonly number[]) {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** Runs of 6 or more points on one side of the median; points on the median are passed over. */
export function findShifts(values: readonly number[], centre: number) {
  const shifts: Shift[] = []
  let run: Shift | null = null
  for (const [index, value] of values.entries()) {
    if (value === centre) continue
    const side: Side = value > centre ? 'above' : 'below'
    if (run && run.side === side) {
      run.indices.push(index)
      continue
    }
    if (run && run.indices.length >= SHIFT_MIN_POINTS) shifts.push(run)
    run = { side, indices: [index] }
  }
  if (run && run.indices.length >= SHIFT_MIN_POINTS) shifts.push(run)
  return shifts
}

/** Runs of 5 or more points each higher (or each lower) than the last; repeated values are passed over. */
export function findTrends(values: readonly number[]) {
  const counted = [...values.keys()].filter((index) => index === 0 || values[index] !== values[index - 1])
  const trends: Trend[] = []
  let run: Trend | null = null
  for (let k = 1; k < counted.length; k++) {
    const direction: Direction = values[counted[k]] > values[counted[k - 1]] ? 'rising' : 'falling'
    if (run && run.direction === direction) {
      run.indices.push(counted[k])
      continue
    }
    if (run && run.indices.length >= TREND_MIN_POINTS) trends.push(run)
    // A turning point ends one run and starts the next: 1 2 3 4 5 4 3 2 1 rises to 5 and falls from it.
    run = { direction, indices: [counted[k - 1], counted[k]] }
  }
  if (run && run.indices.length >= TREND_MIN_POINTS) trends.push(run)
  return trends
}

export function analyseRunChart<T extends RunChartInput>(input: readonly T[]): RunChartAnalysis<T> {
  const ordered = orderByDate(input)
  const values = ordered.map((p) => p.value)
  const centre = median(values)
  const shifts = centre === null ? [] : findShifts(values, centre)
  const trends = findTrends(values)
  const shiftAt = new Map<number, Side>()
  for (const shift of shifts) for (const index of shift.indices) shiftAt.set(index, shift.side)
  const trendAt = new Map<number, Direction>()
  for (const trend of trends) for (const index of trend.indices) trendAt.set(index, trend.direction)
  const points = ordered.map((point, index) => ({
    ...point,
    onMedian: point.value === centre,
    shift: shiftAt.get(index) ?? null,
    trend: trendAt.get(index) ?? null,
  }))
  return {
    points,
    median: centre,
    usefulObservations: points.filter((p) => !p.onMedian).length,
    tooFewPoints: points.length < RELIABLE_MIN_POINTS,
    shifts,
    trends,
  }
}

const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 })

export function formatValue(value: number) {
  return NUMBER_FORMAT.format(value)
}

export function medianLabel(centre: number) {
  return `Median ${formatValue(centre)}`
}

export type RuleKey = 'shift-above' | 'shift-below' | 'trend-rising' | 'trend-falling'

export const RULE_LABELS: Record<RuleKey, string> = {
  'shift-above': `Shift: ${SHIFT_MIN_POINTS} or more points in a row above the median`,
  'shift-below': `Shift: ${SHIFT_MIN_POINTS} or more points in a row below the median`,
  'trend-rising': `Trend: ${TREND_MIN_POINTS} or more points in a row rising`,
  'trend-falling': `Trend: ${TREND_MIN_POINTS} or more points in a row falling`,
}

/** The rules that fired, each once, in a fixed order for the legend. */
export function firedRules(analysis: Pick<RunChartAnalysis<RunChartInput>, 'shifts' | 'trends'>) {
  const fired = new Set<RuleKey>([
    ...analysis.shifts.map((s): RuleKey => (s.side === 'above' ? 'shift-above' : 'shift-below')),
    ...analysis.trends.map((t): RuleKey => (t.direction === 'rising' ? 'trend-rising' : 'trend-falling')),
  ])
  const order: RuleKey[] = ['shift-above', 'shift-below', 'trend-rising', 'trend-falling']
  return order.filter((key) => fired.has(key))
}

function plural(count: number, one: string, many: string) {
  return `${count} ${count === 1 ? one : many}`
}

/** The chart in words: the text alternative that names the median and every shift and trend. */
export function describeRunChart<T extends RunChartInput>(analysis: RunChartAnalysis<T>, unit: string) {
  const { points, median: centre } = analysis
  if (points.length === 0 || centre === null) return 'No data points yet.'
  const withUnit = (value: number) => `${formatValue(value)}${unit ? ` ${unit}` : ''}`
  const first = points[0].observedOn
  const last = points[points.length - 1].observedOn
  const sentences = [
    `${plural(points.length, 'point', 'points')} from ${first} to ${last}; median ${withUnit(centre)}, with ${plural(analysis.usefulObservations, 'point', 'points')} off the median.`,
  ]
  for (const shift of analysis.shifts) {
    const from = points[shift.indices[0]].observedOn
    const to = points[shift.indices[shift.indices.length - 1]].observedOn
    sentences.push(`Shift: ${shift.indices.length} points in a row ${shift.side} the median, from ${from} to ${to}.`)
  }
  for (const trend of analysis.trends) {
    const from = points[trend.indices[0]]
    const to = points[trend.indices[trend.indices.length - 1]]
    sentences.push(`Trend: ${trend.indices.length} points in a row ${trend.direction}, from ${withUnit(from.value)} on ${from.observedOn} to ${withUnit(to.value)} on ${to.observedOn}.`)
  }
  if (analysis.shifts.length === 0 && analysis.trends.length === 0) sentences.push('No shift and no trend.')
  if (analysis.tooFewPoints) {
    sentences.push(`With fewer than ${RELIABLE_MIN_POINTS} points the shift and trend rules are not yet reliable: keep collecting data.`)
  }
  return sentences.join(' ')
}

/** Round steps (1, 2 or 5 times a power of ten) covering the values, for the y axis. */
export function axisTicks(values: readonly number[], target = 5) {
  if (values.length === 0) return [0, 1]
  let low = Math.min(...values)
  let high = Math.max(...values)
  if (low === high) {
    const pad = low === 0 ? 1 : Math.abs(low) * 0.1
    low -= pad
    high += pad
  }
  const rough = (high - low) / target
  const power = 10 ** Math.floor(Math.log10(rough))
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power
  const decimals = Math.max(0, -Math.floor(Math.log10(step)))
  const start = Math.floor(low / step) * step
  const ticks: number[] = []
  for (let tick = start; tick < high + step / 2; tick += step) ticks.push(Number(tick.toFixed(decimals)))
  if (ticks[ticks.length - 1] < high) ticks.push(Number((ticks[ticks.length - 1] + step).toFixed(decimals)))
  return ticks
}
