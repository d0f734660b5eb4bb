import autocannon from 'autocannon'
import { summarize } from './stats'

/** Load from autocannon, in the bench's own process, against a server in another. */

export type LoadRequest = { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string }

type Options = {
  url: string
  connections: number
  durationSeconds: number
  /** One request shape per connection, dealt out in turn (e.g. one signed-in fellow each). */
  requests: LoadRequest[]
}

/** As many requests as the server answers, over a fixed number of connections (a closed loop). For a steady rate, runPaced. */
export async function runLoad({ url, connections, durationSeconds, requests }: Options) {
  const latencies: number[] = []
  let dealt = 0
  let finish: (result: autocannon.Result) => void = () => {}
  let fail: (error: Error) => void = () => {}
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve
    fail = reject
  })
  // The callback form returns the running instance, whose events give each response's latency.
  const instance = autocannon({
    url,
    connections,
    duration: durationSeconds,
    setupClient: (client) => {
      const request = requests[dealt++ % requests.length]
      // setRequests, not setRequest: the latter changes only the first request, and the rest go out bare.
      client.setRequests([{ method: request.method, path: request.path, headers: request.headers, body: request.body }])
    },
  }, (error, result) => (error ? fail(error) : finish(result)))
  const statuses = new Map<number, number>()
  instance.on('response', (_client, status, _bytes, responseTime) => {
    latencies.push(responseTime)
    statuses.set(status, (statuses.get(status) ?? 0) + 1)
  })
  const result = await done
  refuseUnlessOk(statuses, result.requests.total, result.errors + result.timeouts)
  const total = result.requests.total
  return {
    requestsPerSecond: Math.round((total / result.duration) * 10) / 10,
    total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    latency: summarize(latencies),
  }
}

/** A page that answers with a redirect or an error is fast and tells nothing: more than 1 % of those refuses the figure. */
export function refuseUnlessOk(statuses: Map<number, number>, total: number, failed: number) {
  const answered = [...statuses.values()].reduce((n, count) => n + count, 0)
  const ok = [...statuses].filter(([status]) => status >= 200 && status < 300).reduce((n, [, count]) => n + count, 0)
  if (answered - ok + failed > total * 0.01) {
    throw new Error(`${answered - ok} of ${total} answers were not 2xx and ${failed} failed (${[...statuses].map(([s, n]) => `${s}: ${n}`).join(', ')})`)
  }
  return { non2xx: answered - ok }
}
