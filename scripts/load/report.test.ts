import { expect, test } from 'vitest'
import { formatStatuses, formatTable, percentile, summarise, type Sample } from './report'

test('percentiles are nearest-rank over sorted values', () => {
  const values = Array.from({ length: 100 }, (_, i) => i + 1)
  expect(percentile(values, 50)).toBe(50)
  expect(percentile(values, 90)).toBe(90)
  expect(percentile(values, 99)).toBe(99)
  expect(percentile([7], 99)).toBe(7)
  expect(percentile([], 50)).toBe(0)
})

test('the summary counts requests, statuses and errors per kind and in total', () => {
  const samples: Sample[] = [
    { kind: 'sign-in', status: 302, startedAt: 0, finishedAt: 40 },
    { kind: 'autosave', status: 200, startedAt: 0, finishedAt: 10 },
    { kind: 'autosave', status: 200, startedAt: 10, finishedAt: 30 },
    { kind: 'autosave', status: 503, startedAt: 30, finishedAt: 31 },
  ]
  const summary = summarise({ samples, failures: [{ kind: 'autosave', at: 40 }], seconds: 2 })
  expect(summary.kinds.autosave).toMatchObject({ requests: 3, perSecond: 1.5, non2xx: 1, errors: 1, statuses: { 200: 2, 503: 1 } })
  expect(summary.kinds.autosave.latencyMs).toEqual({ p50: 10, p90: 20, p99: 20, max: 20 })
  expect(summary.kinds['sign-in']).toMatchObject({ requests: 1, non2xx: 1, errors: 0 })
  expect(summary.kinds.home.requests).toBe(0)
  expect(summary.total).toMatchObject({ requests: 4, perSecond: 2, non2xx: 2, errors: 1 })
  expect(formatStatuses(summary.total.statuses)).toBe('200×2 302×1 503×1')
  expect(formatTable(summary).split('\n')).toHaveLength(6)
})
