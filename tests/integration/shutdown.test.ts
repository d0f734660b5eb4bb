import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { afterAll, expect, test } from 'vitest'

/**
 * Runs the built production server (build/server.js) as a real process and stops it with SIGTERM
 * while a sign-in is still arriving. Needs `npm run build` first; without a build it is skipped.
 */
const serverScript = path.resolve('build/server.js')
const built = existsSync(serverScript) && existsSync(path.resolve('build/index.js'))
if (!built) console.warn('shutdown.test.ts skipped: build/server.js is missing; run `npm run build` first.')

const cleanups: (() => void)[] = []
afterAll(() => {
  for (const cleanup of cleanups) cleanup()
})

function freePort() {
  return new Promise<number>((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

function startServer(port: number) {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'sila-shutdown-'))
  cleanups.push(() => rmSync(temp, { recursive: true, force: true }))
  const dataDir = path.join(temp, 'pglite')
  // Only what the server needs: not the test database this process was handed.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    PGLITE_DIR: dataDir,
    UPLOAD_DIR: path.join(temp, 'uploads'),
    LOG_REQUESTS: '0',
  }
  const child = spawn(process.execPath, [serverScript], { cwd: process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'] })
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  })
  const output = { text: '' }
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output.text += chunk))
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output.text += chunk))
  return { child, output, dataDir }
}

async function waitFor(what: string, check: () => boolean, ms: number) {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

function exited(child: ChildProcess) {
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode })
    else child.once('exit', (code, signal) => resolve({ code, signal }))
  })
}

function connect(port: number) {
  return new Promise<net.Socket>((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => resolve(socket))
    socket.once('error', reject)
  })
}

/** Everything the server sends on a socket until it closes the connection. */
function readUntilClosed(socket: net.Socket) {
  return new Promise<string>((resolve, reject) => {
    let received = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (received += chunk))
    socket.once('error', reject)
    socket.once('close', () => resolve(received))
  })
}

test.skipIf(!built)(
  'SIGTERM lets an in-flight sign-in finish, refuses new connections, closes the database and exits 0',
  async () => {
    const port = await freePort()
    const { child, output, dataDir } = startServer(port)
    const exit = exited(child)
    await waitFor('the server to start', () => /is ready on/.test(output.text) || child.exitCode !== null, 25_000)
    expect(output.text).toMatch(/is ready on/)

    // An idle keep-alive connection, as a browser leaves one: it must not hold the process open.
    const idle = await connect(port)
    const idleClosed = readUntilClosed(idle)
    idle.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\n\r\n`)
    await waitFor('the health check', () => idle.bytesRead > 0, 5_000)

    // A sign-in whose body is still arriving when SIGTERM comes.
    const body = new URLSearchParams({ email: 'fellow@demo.sila.test', password: 'sila-demo-password', redirectTo: '' }).toString()
    const signIn = await connect(port)
    const response = readUntilClosed(signIn)
    signIn.write(
      `POST /login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
        `Content-Length: ${body.length}\r\nConnection: keep-alive\r\n\r\n${body.slice(0, 10)}`,
    )
    await new Promise((resolve) => setTimeout(resolve, 300))

    const signalled = performance.now()
    child.kill('SIGTERM')
    await waitFor('the shutdown to begin', () => /Shutdown: SIGTERM received/.test(output.text), 5_000)

    await expect(connect(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    expect(child.exitCode).toBeNull()

    signIn.write(body.slice(10))
    const raw = await response
    expect(raw).toMatch(/^HTTP\/1\.1 302 /)
    expect(raw).toMatch(/^set-cookie: sila_session=/im)
    expect(raw).toMatch(/^connection: close/im)
    await idleClosed

    const result = await Promise.race([exit, new Promise<null>((resolve) => setTimeout(() => resolve(null), 15_000))])
    const shutdownMs = Math.round(performance.now() - signalled)
    expect(result, `the server did not exit within 15 s:\n${output.text}`).toEqual({ code: 0, signal: null })
    console.log(`Shutdown took ${shutdownMs} ms from SIGTERM to exit`)
    // Nothing waited for the 10 s grace period: the idle keep-alive connection was closed at once.
    expect(shutdownMs).toBeLessThan(5_000)

    const lines = output.text.split('\n').filter((line) => line.startsWith('Shutdown:'))
    expect(lines).toEqual([
      expect.stringMatching(/^Shutdown: SIGTERM received; no new connections, waiting up to 10 s for 1 request\(s\) in flight\.$/),
      expect.stringMatching(/^Shutdown: requests finished and connections closed after \d+ ms\.$/),
      expect.stringMatching(/^Shutdown: database closed after \d+ ms; exiting\.$/),
    ])

    // Closed cleanly (PGlite removes its postmaster.pid), with the sign-in's session saved.
    expect(existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false)
    const database = new PGlite(dataDir)
    const sessions = await database.query<{ count: number }>('select count(*)::int as count from sessions')
    await database.close()
    expect(sessions.rows).toEqual([{ count: 1 }])
  },
  40_000,
)
