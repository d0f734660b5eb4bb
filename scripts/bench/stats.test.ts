import { expect, test } from 'vitest'
import { formatNumber, formatTable, judge, parseCpuTimes, percentile, stealShare, summarize } from './stats'

test('percentiles interpolate between the closest ranks', () => {
  const values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]
  expect(percentile(values, 0)).toBe(10)
  expect(percentile(values, 50)).toBe(55)
  expect(percentile(values, 100)).toBe(100)
  expect(percentile(values, 95)).toBeCloseTo(95.5)
  expect(percentile([7], 99)).toBe(7)
  expect(percentile([], 50)).toBeNaN()
})

test('percentiles do not depend on the order of the samples', () => {
  expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3)
  expect(summarize([3, 1, 2])).toMatchObject({ count: 3, p50: 2, max: 3, mean: 2 })
  // A bare server answers hundreds of thousands of requests in a phase: no spread of them all.
  const many = Array.from({ length: 500_000 }, (_, i) => (i * 7919) % 500_000)
  expect(summarize(many)).toMatchObject({ count: 500_000, max: 499_999, p50: 249_999.5 })
})

test('a target is met on its side of the limit, and a missing figure is not measured', () => {
  expect(judge(49.9, { limit: 50, better: 'lower' })).toBe('met')
  expect(judge(50, { limit: 50, better: 'lower' })).toBe('missed')
  expect(judge(0.15, { limit: 0.15, better: 'higher' })).toBe('met')
  expect(judge(0.1, { limit: 0.15, better: 'higher' })).toBe('missed')
  expect(judge(null, { limit: 1, better: 'lower' })).toBe('not measured')
  expect(judge(Number.NaN, { limit: 1, better: 'lower' })).toBe('not measured')
})

test('the table aligns its columns and names each section once', () => {
  const table = formatTable([
    { section: '1. Module page', figure: 'p95', value: '12 ms', target: '< 50 ms', verdict: 'met' },
    { section: '1. Module page', figure: 'throughput', value: '1,200 req/s', target: '', verdict: '' },
    { section: '4. Export', figure: 'time', value: '3.2 s', target: '< 10 s', verdict: 'missed' },
  ])
  const lines = table.split('\n')
  expect(lines).toHaveLength(5)
  expect(lines[2].startsWith('1. Module page')).toBe(true)
  expect(lines[3].startsWith(' ')).toBe(true)
  expect(lines[3].indexOf('throughput')).toBe(lines[2].indexOf('p95'))
  expect(lines[4]).toContain('missed')
})

test('numbers are rounded and separated for reading', () => {
  expect(formatNumber(12345.678)).toBe('12,345.7')
  expect(formatNumber(null)).toBe('n/a')
})

test('steal is the share of the time between two readings that the host took', () => {
  const before = parseCpuTimes('cpu  100 0 50 800 10 0 0 40 0 0\ncpu0 50 0 25 400 5 0 0 20 0 0\n')
  const after = parseCpuTimes('cpu  200 0 100 1000 10 0 0 90 0 0\n')
  expect(before).toEqual({ busy: 150, steal: 40, total: 1000 })
  if (!before || !after) throw new Error('unparsed')
  // 400 ticks passed; the host took 50 of them.
  expect(stealShare(before, after)).toBe(0.125)
  expect(parseCpuTimes('no cpu line')).toBeNull()
})
