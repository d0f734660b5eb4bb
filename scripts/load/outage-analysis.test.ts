import { expect, test } from 'vitest'
import { countByPhase, isFriendlyOutagePage, isRetryableRefusal, judgeOutage, phaseOf, recoveryMs, type OutageMarks } from './outage-analysis'
import type { Sample } from './report'

const marks: OutageMarks = { stopAt: 1000, readyAt: 3000, settledAt: 4000 }

function sample(kind: Sample['kind'], status: number, startedAt: number, finishedAt = startedAt + 10): Sample {
  return { kind, status, startedAt, finishedAt }
}

test('answers fall in the phase in which they came', () => {
  expect(phaseOf(sample('home', 200, 900, 990), marks)).toBe('before')
  expect(phaseOf(sample('home', 503, 900, 1100), marks)).toBe('outage')
  expect(phaseOf(sample('home', 200, 2990, 3010), marks)).toBe('after')
  const counts = countByPhase([sample('autosave', 200, 10), sample('autosave', 503, 1500), sample('autosave', 503, 1600)], marks)
  expect(counts.before.autosave).toEqual({ 200: 1 })
  expect(counts.outage.autosave).toEqual({ 503: 2 })
  expect(counts.after.home).toEqual({})
})

test('recovery counts from the database being back to the first request sent after it that was served', () => {
  expect(recoveryMs([sample('home', 200, 2000, 3500), sample('home', 503, 3000, 3050), sample('home', 200, 3100, 3250)], marks)).toBe(250)
  expect(recoveryMs([sample('home', 503, 3100)], marks)).toBeNull()
})

test('a friendly outage page is HTML with the outage words and no stack trace', () => {
  const page = '<!DOCTYPE html><html><body><h1>The academy is briefly unavailable</h1></body></html>'
  expect(isFriendlyOutagePage(page, 'text/html; charset=utf-8')).toBe(true)
  expect(isFriendlyOutagePage(page, 'text/plain')).toBe(false)
  expect(isFriendlyOutagePage('Unexpected Server Error', 'text/html')).toBe(false)
  expect(isFriendlyOutagePage(`${page}Error: connect ECONNREFUSED\n    at TCPConnectWrap.afterConnect (node:net:1555:16)`, 'text/html')).toBe(false)
})

test('a refused autosave must tell the prompt to keep the text and retry', () => {
  expect(isRetryableRefusal('[{"_1":2},"data",{"_3":4,"_5":6},"ok",false,"retry",true]')).toBe(true)
  expect(isRetryableRefusal('[{"_1":2},"data",{"_3":4},"ok",false]')).toBe(false)
  expect(isRetryableRefusal('[{"_1":2},"error",["SanitizedError","Error","Unexpected Server Error"]]')).toBe(false)
})

test('a clean drill passes every check, and a 500 or a lost write fails it', () => {
  const samples = [sample('home', 200, 100), sample('home', 503, 1500), sample('autosave', 200, 3100), sample('autosave', 200, 4100)]
  const drill = {
    samples,
    failures: [],
    marks,
    health: [{ at: 1500, status: 503, database: 'down' }],
    stoppedAt: 1200,
    restartAt: 2800,
    unfriendlyPages: 0,
    unretryableSaves: 0,
    appAlive: true,
    lostWrites: 0,
    acknowledged: 2,
    timeoutMs: 10_000,
  }
  expect(judgeOutage(drill).filter((c) => !c.ok)).toEqual([])
  const failed = judgeOutage({ ...drill, samples: [...samples, sample('home', 500, 1600)], lostWrites: 1 }).filter((c) => !c.ok)
  expect(failed.map((c) => c.name)).toEqual(['no 500 (or other error status) at any time', 'no acknowledged write lost'])
  const late = judgeOutage({ ...drill, samples: [...samples, sample('autosave', 503, 4500)] }).filter((c) => !c.ok)
  expect(late.map((c) => c.name)).toEqual(['no 503 once recovered'])
})
