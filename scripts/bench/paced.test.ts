import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from 'vitest'
import { runPaced } from './paced'

/** A server that spends `busyMs` of its one thread on each request, as a page render does. */
async function busyServer(busyMs: number) {
  const arrivals: number[] = []
  const server = http.createServer((request, response) => {
    arrivals.push(performance.now())
    const until = performance.now() + busyMs
    while (performance.now() < until) {
      // Holding the thread: the next request waits its turn.
    }
    response.end(request.method)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, arrivals, close: () => new Promise((resolve) => server.close(resolve)) }
}

test('requests go out evenly at the rate asked, and a server that keeps up answers in about its own time', async () => {
  const server = await busyServer(2)
  try {
    const result = await runPaced({ url: server.url, rate: 50, durationSeconds: 1, connections: 5, requests: [{ method: 'GET', path: '/', headers: {} }] })
    expect(result.total).toBe(50)
    expect(result.non2xx).toBe(0)
    // Spread over the second, not sent at once, so they do not queue: a fraction of the next test's
    // median, with room for a busy test machine firing timers late.
    expect(server.arrivals[49] - server.arrivals[0]).toBeGreaterThan(900)
    expect(result.latency.p50).toBeLessThan(100)
  } finally {
    await server.close()
  }
})

test('a server that falls behind the rate shows its queue in the latencies, measured from when each request was due', async () => {
  // 30 ms of work per request at one request every 20 ms: each waits 10 ms longer than the one before.
  const server = await busyServer(30)
  try {
    const result = await runPaced({ url: server.url, rate: 50, durationSeconds: 1, connections: 50, requests: [{ method: 'POST', path: '/', headers: {}, body: 'x' }] })
    expect(result.total).toBe(50)
    expect(result.latency.max).toBeGreaterThan(400)
    expect(result.latency.p50).toBeGreaterThan(200)
  } finally {
    await server.close()
  }
})
