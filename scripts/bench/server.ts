import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { setTimeout as delay } from 'node:timers/promises'
import { serverNodeFlags } from '../start-flags'

/** Starting, watching and stopping server processes for the bench: the built app and the bare baseline. */

export async function freePort() {
  return new Promise<number>((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/** Every process started here, so none outlives the bench when it stops early. */
const started = new Set<ChildProcess>()
process.on('exit', () => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => process.exit(130))
}

export type RunningServer = { url: string; pid: number; child: ChildProcess; output: () => string; startMs: number }

/** Polls /healthz until it answers 200; resolves with the milliseconds since `since`. */
export async function waitHealthy(url: string, since: number, timeoutMs: number, child: ChildProcess) {
  while (performance.now() - since < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`)
    try {
      const response = await fetch(`${url}/healthz`)
      await response.arrayBuffer()
      if (response.status === 200) return performance.now() - since
    } catch {
      // Not listening yet.
    }
    await delay(20)
  }
  throw new Error(`no healthy answer from ${url}/healthz within ${timeoutMs / 1000} s`)
}

/**
 * The built app, started as `npm start` starts it (serverNodeFlags), on a free loopback port. `env` replaces variables; a
 * variable set to undefined is removed, so `DATABASE_URL: undefined` means the embedded database.
 */
export async function startApp(env: Record<string, string | undefined>, timeoutMs = 90_000): Promise<RunningServer> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const merged: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', LOG_REQUESTS: '0', PORT: String(port), APP_URL: url }
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete merged[key]
    else merged[key] = value
  }
  return startProcess(process.execPath, [...serverNodeFlags(), ...(process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : []), 'build/server.js'], merged, url, timeoutMs)
}

/** A bare node:http server that answers every request with the bytes of `file`: what the machine can do. */
export async function startStaticServer(file: string) {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const code = `const b=require('node:fs').readFileSync(${JSON.stringify(file)});require('node:http').createServer((q,r)=>{r.writeHead(200,{'content-type':'text/html; charset=utf-8','content-length':b.length});r.end(b)}).listen(${port},'127.0.0.1')`
  // It has no /healthz of its own; any 200 will do.
  return startProcess(process.execPath, ['-e', code], { ...process.env }, url, 10_000)
}

async function startProcess(command: string, args: string[], env: NodeJS.ProcessEnv, url: string, timeoutMs: number): Promise<RunningServer> {
  const since = performance.now()
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
  started.add(child)
  child.once('exit', () => started.delete(child))
  let log = ''
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  try {
    const startMs = await waitHealthy(url, since, timeoutMs, child)
    return { url, pid: child.pid ?? 0, child, output: () => log, startMs }
  } catch (error) {
    child.kill('SIGKILL')
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${log}`)
  }
}

/** SIGTERM (the app shuts down gracefully), then SIGKILL if it has not gone within 15 s. */
export async function stopServer(server: RunningServer) {
  const { child } = server
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  child.kill('SIGTERM')
  const done = await Promise.race([exited.then(() => true), delay(15_000, false)])
  if (!done) {
    child.kill('SIGKILL')
    await exited
  }
}

/** Resident and peak resident memory of a process, in bytes (Linux /proc). */
export function memoryOf(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024
  return { rss: kb('VmRSS'), peak: kb('VmHWM') }
}

/** Resets the process's peak-RSS mark, so VmHWM then measures one operation. Needs root or the same user. */
export function resetPeakMemory(pid: number) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5')
    return true
  } catch {
    return false
  }
}
