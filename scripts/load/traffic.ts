import autocannon from 'autocannon'
import type { IncomingHttpHeaders } from 'node:http'
import { answerBody, createLedger, recordAcknowledged, recordSent, type WriteLedger } from './ledger'
import type { Failure, RequestKind, Sample } from './report'
import { isSavedAnswer } from './single-fetch'

export type TrafficFellow = { fellowId: string; email: string }

export type TrafficOptions = {
  appUrl: string
  password: string
  /** One per connection. */
  fellows: TrafficFellow[]
  module: { slug: string; promptIds: string[] }
  durationSeconds: number
  connections: number
  /** Sees every answered request with its body, e.g. to check what a 503 page says. */
  inspect?: (sample: Sample, body: string, headers: IncomingHttpHeaders) => void
}

export type TrafficResult = {
  /** When the load started, on the performance.now() clock; samples count from here. */
  startedAt: number
  seconds: number
  samples: Sample[]
  failures: Failure[]
  ledger: WriteLedger
  autocannon: autocannon.Result
}

/** A request a connection sent and has not had an answer to yet. */
type InFlight = { kind: RequestKind; startedAt: number; promptId?: string; body?: string }

type Connection = { fellow: TrafficFellow; cookie: string | null; sequence: number; inFlight: InFlight | null }

/** What one connection does over and over: its home page, the module, then four autosaves. */
const STEPS: RequestKind[] = ['home', 'module page', 'autosave', 'autosave', 'autosave', 'autosave']

/**
 * Seconds autocannon waits for an answer before it counts a timeout and reconnects. A browser waits
 * minutes; 30 s is far past anyone's patience, yet long enough for the sign-in stampede at the start
 * of a 200-user run (every connection at once, Argon2 on two cores: the slowest took ~10 s).
 */
export const REQUEST_TIMEOUT_SECONDS = 30

function headerValues(headers: IncomingHttpHeaders, name: string) {
  const values: string[] = []
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name || value === undefined) continue
    values.push(...(Array.isArray(value) ? value : [value]))
  }
  return values
}

/**
 * Drives the app with autocannon, one fellow per connection, each connection strictly sequential:
 * sign in through POST /login (again whenever the session is gone), then loop over STEPS. The
 * autosave is what the prompt's fetcher sends: a single-fetch POST to /learn/<slug>.data.
 */
export async function runTraffic(options: TrafficOptions): Promise<TrafficResult> {
  const { appUrl, password, fellows, module, durationSeconds, connections, inspect } = options
  if (fellows.length < connections) throw new Error(`${connections} connections need ${connections} fellows; there are ${fellows.length}.`)
  const origin = new URL(appUrl).origin
  const samples: Sample[] = []
  const failures: Failure[] = []
  const ledger = createLedger()
  const startedAt = performance.now()
  const now = () => performance.now() - startedAt
  let assigned = 0

  function request(connection: Connection, step: RequestKind): autocannon.Request {
    // A request still waiting when the next one is built got no answer: the connection broke or
    // timed out, and autocannon moved on.
    if (connection.inFlight) failures.push({ kind: connection.inFlight.kind, at: now() })
    const form = { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', origin }
    if (!connection.cookie) {
      connection.inFlight = { kind: 'sign-in', startedAt: now() }
      const body = new URLSearchParams({ email: connection.fellow.email, password }).toString()
      return { method: 'POST', path: '/login', headers: form, body }
    }
    const cookie = connection.cookie
    if (step === 'home' || step === 'module page') {
      connection.inFlight = { kind: step, startedAt: now() }
      return { method: 'GET', path: step === 'home' ? '/home' : `/learn/${module.slug}`, headers: { cookie } }
    }
    connection.sequence += 1
    const promptId = module.promptIds[connection.sequence % module.promptIds.length]
    const body = answerBody({ email: connection.fellow.email, sequence: connection.sequence })
    recordSent(ledger, { fellowId: connection.fellow.fellowId, promptId, body })
    connection.inFlight = { kind: 'autosave', startedAt: now(), promptId, body }
    return {
      method: 'POST',
      path: `/learn/${module.slug}.data`,
      headers: { ...form, cookie },
      body: new URLSearchParams({ intent: 'save-answer', promptId, body }).toString(),
    }
  }

  function answered(connection: Connection, status: number, body: string, headers: IncomingHttpHeaders) {
    const inFlight = connection.inFlight
    if (!inFlight) return
    connection.inFlight = null
    const sample: Sample = { kind: inFlight.kind, status, startedAt: inFlight.startedAt, finishedAt: now() }
    samples.push(sample)
    inspect?.(sample, body, headers)
    if (inFlight.kind === 'sign-in') {
      const session = headerValues(headers, 'set-cookie').find((c) => c.startsWith('sila_session='))
      if (status === 302 && session) connection.cookie = session.split(';', 1)[0]
    } else if (status === 302 || status === 401) {
      // Sent back to sign in: the session is gone.
      connection.cookie = null
    }
    if (inFlight.kind === 'autosave' && inFlight.promptId && inFlight.body && status === 200 && isSavedAnswer(body, inFlight.promptId)) {
      recordAcknowledged(ledger, { fellowId: connection.fellow.fellowId, promptId: inFlight.promptId, body: inFlight.body })
    }
  }

  const instance = autocannon({
    url: appUrl,
    connections,
    duration: durationSeconds,
    timeout: REQUEST_TIMEOUT_SECONDS,
    setupClient(client) {
      const fellow = fellows[assigned++]
      const connection: Connection = { fellow, cookie: null, sequence: 0, inFlight: null }
      // State lives here, not in autocannon's per-request context, which is wiped every loop.
      client.setRequests(
        STEPS.map((step) => ({
          // Keep autocannon's defaults (host, port) and replace what this step sends.
          setupRequest: (defaults: autocannon.Request) => ({ ...defaults, ...request(connection, step) }),
          onResponse: (status: number, body: string, _context: object, headers: IncomingHttpHeaders | undefined) => answered(connection, status, body, headers ?? {}),
        })),
      )
    },
  })
  const result = await instance
  return { startedAt, seconds: result.duration, samples, failures, ledger, autocannon: result }
}
