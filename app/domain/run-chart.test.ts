import { expect, test } from 'vitest'
import { analyseRunChart, axisTicks, describeRunChart, findShifts, findTrends, firedRules, median, medianLabel, orderByDate } from './run-chart'

/** Weekly points from 5 January 2026, in the order given. */
function weekly(values: number[]) {
  return values.map((value, i) => ({ observedOn: new Date(Date.UTC(2026, 0, 5 + 7 * i)).toISOString().slice(0, 10), value }))
}

test('the median of an odd and an even number of points, worked by hand', () => {
  expect(median([7, 1, 3])).toBe(3)
  expect(median([10, 15, 12, 13])).toBe(12.5) // 12 and 13 in the middle
  expect(median([])).toBeNull()
  expect(medianLabel(12.5)).toBe('Median 12.5')
})

test('points are put in date order before anything is counted', () => {
  const ordered = orderByDate([
    { observedOn: '2026-03-01', value: 3 },
    { observedOn: '2026-01-01', value: 1 },
    { observedOn: '2026-02-01', value: 2 },
  ])
  expect(ordered.map((p) => p.value)).toEqual([1, 2, 3])
  // Out-of-order entry: the rising trend is only there once the points are sorted by date.
  const analysis = analyseRunChart([5, 1, 4, 2, 3].map((value) => ({ observedOn: `2026-01-0${value}`, value })))
  expect(analysis.points.map((p) => p.value)).toEqual([1, 2, 3, 4, 5])
  expect(analysis.trends).toEqual([{ direction: 'rising', indices: [0, 1, 2, 3, 4] }])
})

test('exactly 6 points above the median is a shift', () => {
  // 12 points: median of 1,1,2,2,2,3 | 8,8,9,9,10,10 is (3 + 8) / 2 = 5.5.
  const values = [2, 1, 3, 2, 1, 2, 8, 9, 8, 10, 9, 10]
  const analysis = analyseRunChart(weekly(values))
  expect(analysis.median).toBe(5.5)
  expect(analysis.shifts).toEqual([
    { side: 'below', indices: [0, 1, 2, 3, 4, 5] },
    { side: 'above', indices: [6, 7, 8, 9, 10, 11] },
  ])
  expect(analysis.points[6].shift).toBe('above')
  expect(analysis.points[0].shift).toBe('below')
  expect(firedRules(analysis)).toEqual(['shift-above', 'shift-below'])
})

test('5 points above the median is not a shift', () => {
  // Median 5 (the 6th of 11 values sorted: 1 2 2 3 4 5 7 8 9 9 10); the 5 points after it are above.
  const values = [2, 4, 1, 3, 2, 5, 8, 9, 10, 7, 9]
  const analysis = analyseRunChart(weekly(values))
  expect(analysis.median).toBe(5)
  // Below: 2 4 1 3 2 is 5 in a row, then 5 is on the median, then 5 above: no shift either side.
  expect(analysis.shifts).toEqual([])
  expect(analysis.points.every((p) => p.shift === null)).toBe(true)
  expect(findShifts([6, 7, 8, 9, 10], 5)).toEqual([])
  expect(findShifts([6, 7, 8, 9, 10, 11], 5)).toEqual([{ side: 'above', indices: [0, 1, 2, 3, 4, 5] }])
})

test('a point on the median inside a run neither breaks the run nor counts toward it', () => {
  // Median 5: five points above, one on the median, one more above = 6 counted points, a shift.
  expect(findShifts([6, 7, 8, 5, 9, 10, 11], 5)).toEqual([{ side: 'above', indices: [0, 1, 2, 4, 5, 6] }])
  // Five above with a median point among them is still only 5: no shift.
  expect(findShifts([6, 7, 5, 8, 9, 10], 5)).toEqual([])
  // In a whole chart: 13 values, median 5 (sorted 1 1 2 2 3 3 5 6 7 8 9 10 11).
  const analysis = analyseRunChart(weekly([1, 2, 3, 1, 2, 3, 6, 7, 8, 5, 9, 10, 11]))
  expect(analysis.median).toBe(5)
  expect(analysis.usefulObservations).toBe(12)
  const onMedian = analysis.points[9]
  expect(onMedian).toMatchObject({ value: 5, onMedian: true, shift: null })
  expect(analysis.shifts).toContainEqual({ side: 'above', indices: [6, 7, 8, 10, 11, 12] })
  // The first six are below: a second shift.
  expect(analysis.shifts).toContainEqual({ side: 'below', indices: [0, 1, 2, 3, 4, 5] })
})

test('5 rising points are a trend, 4 are not, and falling counts too', () => {
  expect(findTrends([1, 2, 3, 4, 5])).toEqual([{ direction: 'rising', indices: [0, 1, 2, 3, 4] }])
  expect(findTrends([1, 2, 3, 4])).toEqual([])
  expect(findTrends([9, 1, 2, 3, 4, 0])).toEqual([]) // 1 2 3 4 rise, but only four points
  expect(findTrends([10, 8, 6, 4, 2])).toEqual([{ direction: 'falling', indices: [0, 1, 2, 3, 4] }])
  const analysis = analyseRunChart(weekly([3, 1, 2, 3, 4, 5, 2]))
  expect(analysis.trends).toEqual([{ direction: 'rising', indices: [1, 2, 3, 4, 5] }])
  expect(analysis.points.map((p) => p.trend)).toEqual([null, 'rising', 'rising', 'rising', 'rising', 'rising', null])
  expect(firedRules(analysis)).toEqual(['trend-rising'])
})

test('a repeated value inside a trend neither counts nor breaks it', () => {
  // 1 2 2 3 4: the repeat is skipped, leaving 1 2 3 4, only four rising points.
  expect(findTrends([1, 2, 2, 3, 4])).toEqual([])
  // 1 2 2 3 4 5: five counted points rising; the repeat (index 2) is not one of them.
  expect(findTrends([1, 2, 2, 3, 4, 5])).toEqual([{ direction: 'rising', indices: [0, 1, 3, 4, 5] }])
  expect(findTrends([5, 4, 4, 4, 3, 2, 1])).toEqual([{ direction: 'falling', indices: [0, 1, 4, 5, 6] }])
})

test('a peak ends a rising trend and starts a falling one', () => {
  expect(findTrends([1, 2, 3, 4, 5, 4, 3, 2, 1])).toEqual([
    { direction: 'rising', indices: [0, 1, 2, 3, 4] },
    { direction: 'falling', indices: [4, 5, 6, 7, 8] },
  ])
})

test('all-equal values: every point sits on the median, so no useful observations, no shift, no trend', () => {
  const analysis = analyseRunChart(weekly([4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4]))
  expect(analysis.median).toBe(4)
  expect(analysis.usefulObservations).toBe(0)
  expect(analysis.shifts).toEqual([])
  expect(analysis.trends).toEqual([])
  expect(analysis.tooFewPoints).toBe(false)
  expect(describeRunChart(analysis, 'students')).toContain('with 0 points off the median')
})

test('fewer than 10 points: the rules still run, and the chart says they are not yet reliable', () => {
  const nine = analyseRunChart(weekly([1, 2, 3, 4, 5, 6, 7, 8, 9]))
  expect(nine.tooFewPoints).toBe(true)
  expect(nine.trends).toHaveLength(1)
  expect(describeRunChart(nine, '')).toContain('With fewer than 10 points the shift and trend rules are not yet reliable')
  expect(analyseRunChart(weekly([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).tooFewPoints).toBe(false)
})

test('the sentence names the median, each shift with its dates, and each trend', () => {
  const analysis = analyseRunChart(weekly([2, 1, 3, 2, 1, 2, 8, 9, 8, 10, 9, 10]))
  const text = describeRunChart(analysis, 'families')
  expect(text).toContain('12 points from 2026-01-05 to 2026-03-23; median 5.5 families, with 12 points off the median.')
  expect(text).toContain('Shift: 6 points in a row above the median, from 2026-02-16 to 2026-03-23.')
  expect(text).toContain('Shift: 6 points in a row below the median, from 2026-01-05 to 2026-02-09.')
  expect(text).not.toContain('not yet reliable')
  const rising = describeRunChart(analyseRunChart(weekly([1, 2, 3, 4, 5])), '%')
  expect(rising).toContain('Trend: 5 points in a row rising, from 1 % on 2026-01-05 to 5 % on 2026-02-02.')
  expect(describeRunChart(analyseRunChart([]), '')).toBe('No data points yet.')
  expect(describeRunChart(analyseRunChart(weekly([3, 1, 2])), '')).toContain('No shift and no trend.')
})

test('axis ticks are round numbers that cover the values', () => {
  expect(axisTicks([3, 12.5])).toEqual([2, 4, 6, 8, 10, 12, 14])
  expect(axisTicks([0, 100])).toEqual([0, 20, 40, 60, 80, 100])
  expect(axisTicks([0.1, 0.9])).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1])
  expect(axisTicks([7])).toEqual([6, 6.5, 7, 7.5, 8]) // a flat series gets room around it
  expect(axisTicks([])).toEqual([0, 1])
})
