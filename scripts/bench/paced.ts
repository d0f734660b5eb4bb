import http from 'node:http'
import { refuseUnlessOk, type LoadRequest } from './load'
import { summarize } from './stats'

/**
 * Load at a steady pace: one request every 1000/rate ms, sent whether or not earlier ones have been
 * answered (an open loop, as people arrive). autocannon's rate option is not steady: each connection
 * sends its whole quota for the second at once and then waits for the next second, so "100 req/s over
 * 10 connections" arrives as bursts of 10 concurrent requests, and its latencies are the queue of a
 * burst. Each latency here runs from the moment the request was due, not from when it left, so a
 * server (or a bench) that falls behind shows in the figures instead of hiding (coordinated omission).
 */
export async function runPaced({ url, rate, durationSeconds, connections, requests }: {
  url: string
  rate: number
  durationSeconds: number
  /** Keep-alive sockets the requests share; more open when every one is busy, up to this many. */
  connections: number
  /** Request shapes dealt out in turn (one signed-in fellow each, say). */
  requests: LoadRequest[]
}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections })
  const base = new URL(url)
  const latencies: number[] = []
  const statuses = new Map<number, number>()
  let errors = 0
  const inFlight = new Set<Promise<void>>()
  const interval = 1000 / rate
  const total = Math.round(rate * durationSeconds)
  const started = performance.now()

  function send(request: LoadRequest, due: number) {
    const done = new Promise<void>((resolve) => {
      const body = request.body === undefined ? undefined : Buffer.from(request.body)
      const outgoing = http.request(
        { agent, host: base.hostname, port: base.port, method: request.method, path: request.path, headers: body ? { ...request.headers, 'Content-Length': String(body.byteLength) } : request.headers },
        (response) => {
          response.resume()
          response.on('end', () => {
            latencies.push(performance.now() - due)
            statuses.set(response.statusCode ?? 0, (statuses.get(response.statusCode ?? 0) ?? 0) + 1)
            resolve()
          })
          response.on('error', () => {
            errors++
            resolve()
          })
        },
      )
      outgoing.setTimeout(10_000, () => outgoing.destroy(new Error('timed out')))
      outgoing.on('error', () => {
        errors++
        resolve()
      })
      outgoing.end(body)
    })
    inFlight.add(done)
    void done.then(() => inFlight.delete(done))
  }

  for (let i = 0; i < total; i++) {
    const due = started + i * interval
    const wait = due - performance.now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    send(requests[i % requests.length], due)
  }
  await Promise.all(inFlight)
  agent.destroy()
  const seconds = (performance.now() - started) / 1000
  const { non2xx } = refuseUnlessOk(statuses, total, errors)
  return {
    requestsPerSecond: Math.round((latencies.length / seconds) * 10) / 10,
    total: latencies.length,
    non2xx,
    errors,
    latency: summarize(latencies),
  }
}
