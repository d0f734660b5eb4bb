import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { setTimeout as delay } from 'node:timers/promises'
import { serverNodeFlags } from '../start-flags'

export type AppServer = {
  url: string
  pid: number
  /** The server is still the process we started (it never had to be restarted). */
  alive: () => boolean
  /** Its console output so far, for a failure report. */
  output: () => string[]
  stop: () => Promise<void>
}

/** A TCP port nobody listens on right now, at or above `from` (0: any the kernel picks). */
export async function freePort(from = 0): Promise<number> {
  for (let port = from; port < from + 100; port++) {
    const found = await new Promise<number | null>((resolve) => {
      const probe = createServer()
      probe.once('error', () => resolve(null))
      probe.listen(port, '127.0.0.1', () => {
        const address = probe.address()
        probe.close(() => resolve(address && typeof address === 'object' ? address.port : null))
      })
    })
    if (found) return found
    if (from === 0) break
  }
  throw new Error(`No free port from ${from}.`)
}

/**
 * Starts the built server as `npm start` does (`node [flags] build/server.js`, so the child's PID is the server's) on a free
 * loopback port against `databaseUrl`, and waits until it says it is ready. Needs `npm run build`.
 */
export async function startAppServer({ databaseUrl }: { databaseUrl: string }): Promise<AppServer> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [...serverNodeFlags(), 'build/server.js'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), APP_URL: url, LOG_REQUESTS: '0', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  const collect = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean))
    // Enough to explain a failure; an outage logs one line per failed request.
    if (lines.length > 2000) lines.splice(0, lines.length - 1000)
  }
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const alive = () => child.exitCode === null && child.signalCode === null

  const started = performance.now()
  while (!lines.some((line) => line.includes('is ready on'))) {
    if (!alive()) throw new Error(`The app exited before it was ready:\n${lines.join('\n')}`)
    if (performance.now() - started > 60_000) {
      child.kill('SIGKILL')
      throw new Error(`The app was not ready after 60 s:\n${lines.join('\n')}`)
    }
    await delay(50)
  }

  async function stop() {
    if (!alive()) return
    child.kill('SIGTERM')
    // The server's own grace period is 10 s; past that, it is stuck.
    const stopped = await Promise.race([exited.then(() => true), delay(15_000, false, { ref: false })])
    if (!stopped) {
      child.kill('SIGKILL')
      await exited
    }
  }

  if (child.pid === undefined) throw new Error('The app server did not start.')
  return { url, pid: child.pid, alive, output: () => [...lines], stop }
}
