/**
 * Judging a database-outage drill from what the load saw. Pure: times are ms on the load's clock.
 */
import { DATABASE_UNAVAILABLE } from '../../app/utils/database-unavailable'
import { countStatuses, formatStatuses, REQUEST_KINDS, type Failure, type RequestKind, type Sample } from './report'
import { readSingleFetchData } from './single-fetch'

export const PHASES = ['before', 'outage', 'after'] as const
export type Phase = (typeof PHASES)[number]

export type OutageMarks = {
  /** pg_ctl stop was issued. */
  stopAt: number
  /** PostgreSQL accepted connections again. */
  readyAt: number
  /** From here on, the app should have recovered fully. */
  settledAt: number
}

export type HealthPoll = { at: number; status: number; database: string | null }

export type Check = { name: string; ok: boolean; detail: string }

/** By when the answer came: before the stop, while the database was away, after it was back. */
export function phaseOf(sample: { finishedAt: number }, marks: OutageMarks): Phase {
  if (sample.finishedAt < marks.stopAt) return 'before'
  return sample.finishedAt < marks.readyAt ? 'outage' : 'after'
}

/** A page a person could read: the outage words, as HTML, and nothing that looks like a stack trace. */
export function isFriendlyOutagePage(body: string, contentType: string) {
  return (
    contentType.startsWith('text/html') &&
    body.includes(DATABASE_UNAVAILABLE.title) &&
    !/\bat \S+ \(?[^)\s]+:\d+:\d+\)?/.test(body) &&
    !/\b(Error|TypeError|PostgresError):/.test(body)
  )
}

/** An autosave the prompt will keep and retry: `{ ok: false, retry: true }`. */
export function isRetryableRefusal(body: string) {
  const data = readSingleFetchData(body)
  return typeof data === 'object' && data !== null && 'ok' in data && data.ok === false && 'retry' in data && data.retry === true
}

export type PhaseCounts = Record<Phase, Record<RequestKind, Record<string, number>>>

export function countByPhase(samples: Sample[], marks: OutageMarks): PhaseCounts {
  const inPhase = (phase: Phase) => {
    const of = (kind: RequestKind) => countStatuses(samples.filter((s) => s.kind === kind && phaseOf(s, marks) === phase))
    return { 'sign-in': of('sign-in'), home: of('home'), 'module page': of('module page'), autosave: of('autosave') }
  }
  return { before: inPhase('before'), outage: inPhase('outage'), after: inPhase('after') }
}

export function formatPhaseTable(counts: PhaseCounts) {
  const lines = [`${'phase'.padEnd(8)}${'request'.padEnd(13)}statuses`]
  for (const phase of PHASES) {
    for (const kind of REQUEST_KINDS) lines.push(`${phase.padEnd(8)}${kind.padEnd(13)}${formatStatuses(counts[phase][kind])}`)
  }
  return lines.join('\n')
}

/** Time from the database being back to the first request, sent after that, that the app served. */
export function recoveryMs(samples: Sample[], marks: OutageMarks) {
  const served = samples.filter((s) => s.startedAt >= marks.readyAt && s.status >= 200 && s.status < 400).map((s) => s.finishedAt)
  return served.length > 0 ? Math.min(...served) - marks.readyAt : null
}

export function judgeOutage(args: {
  samples: Sample[]
  failures: Failure[]
  marks: OutageMarks
  health: HealthPoll[]
  /** The database was fully stopped from here until restartAt. */
  stoppedAt: number
  restartAt: number
  unfriendlyPages: number
  unretryableSaves: number
  appAlive: boolean
  lostWrites: number
  acknowledged: number
  timeoutMs: number
}): Check[] {
  const { samples, failures, marks, health } = args
  const during = samples.filter((s) => phaseOf(s, marks) === 'outage')
  const unexpected = samples.filter((s) => s.status >= 400 && s.status !== 503)
  const early503 = samples.filter((s) => s.status === 503 && phaseOf(s, marks) === 'before')
  const late503 = samples.filter((s) => s.status === 503 && s.startedAt >= marks.settledAt)
  const slowest = Math.max(0, ...samples.filter((s) => s.startedAt >= marks.stopAt && s.startedAt < marks.settledAt).map((s) => s.finishedAt - s.startedAt))
  const downPolls = health.filter((p) => p.at >= args.stoppedAt && p.at < args.restartAt)
  const recovery = recoveryMs(samples, marks)
  return [
    { name: 'the app answered 503 during the outage', ok: during.some((s) => s.status === 503), detail: `${during.filter((s) => s.status === 503).length} of ${during.length} answers during the outage` },
    { name: 'no 500 (or other error status) at any time', ok: unexpected.length === 0, detail: unexpected.length === 0 ? 'none' : formatStatuses(countStatuses(unexpected)) },
    { name: 'no 503 before the stop', ok: early503.length === 0, detail: `${early503.length}` },
    { name: 'every 503 page is friendly HTML without a stack trace', ok: args.unfriendlyPages === 0, detail: `${args.unfriendlyPages} unfriendly` },
    { name: 'every refused autosave says "not saved, retry"', ok: args.unretryableSaves === 0, detail: `${args.unretryableSaves} without ok:false, retry:true` },
    { name: 'no request hung or failed without an answer', ok: failures.length === 0 && slowest < args.timeoutMs, detail: `${failures.length} unanswered; slowest answer to a request sent during the outage ${Math.round(slowest)} ms` },
    { name: '/healthz said 503, database down, while PostgreSQL was stopped', ok: downPolls.length > 0 && downPolls.every((p) => p.status === 503 && p.database === 'down'), detail: `${downPolls.filter((p) => p.status === 503 && p.database === 'down').length} of ${downPolls.length} polls` },
    { name: 'the app recovered without a restart', ok: args.appAlive && recovery !== null, detail: recovery === null ? 'no request served after the restart' : `first request served ${Math.round(recovery)} ms after PostgreSQL accepted connections` },
    { name: 'no 503 once recovered', ok: late503.length === 0, detail: `${late503.length} from ${Math.round((marks.settledAt - marks.readyAt) / 1000)} s after the restart` },
    { name: 'no acknowledged write lost', ok: args.lostWrites === 0 && args.acknowledged > 0, detail: `${args.lostWrites} lost of ${args.acknowledged} checked` },
  ]
}
