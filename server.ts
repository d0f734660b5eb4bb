import { existsSync } from 'node:fs'
import type { Server, ServerResponse } from 'node:http'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { createExpressApp } from './app/express-app.server'
import { survivePostgresJsWriteAfterClose } from './app/utils/database-unavailable'

/** How long in-flight requests get to finish after SIGTERM before their connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000

/**
 * Production entry point, compiled to build/server.js by `npm run build`. It loads the Remix build,
 * lets it migrate (and, on an empty embedded database, seed the demo academy), then listens.
 * The database is the Remix build's own: importing db/client.server here would bundle a second
 * copy into build/server.js and open the database twice.
 */
async function main() {
  survivePostgresJsWriteAfterClose(process)
  const started = performance.now()
  if (existsSync('.env')) process.loadEnvFile('.env')
  const buildPath = pathToFileURL(path.resolve('build/index.js')).href
  const build: ServerBuild = await import(buildPath)
  const entry = build.entry.module
  const startup = 'startup' in entry ? entry.startup : undefined
  if (typeof startup !== 'function') throw new Error('build/index.js does not export startup(); run `npm run build`.')
  const closeDatabase = 'closeDatabase' in entry ? entry.closeDatabase : undefined
  await startup()

  const mode = process.env.NODE_ENV === 'development' ? 'development' : 'production'
  const port = Number(process.env.PORT ?? 3000)
  const app = createExpressApp({
    build,
    mode,
    appUrl: process.env.APP_URL ?? `http://localhost:${port}`,
    trustProxy: process.env.TRUST_PROXY === '1' || process.env.TRUST_PROXY === 'true',
    publicDir: path.resolve('public'),
    logRequests: process.env.LOG_REQUESTS !== '0',
  })
  const server = app.listen(port, () => {
    const ms = Math.round(performance.now() - started)
    console.log(`SILA Academy is ready on http://localhost:${port} (started in ${ms} ms)`)
  })
  shutDownGracefully({ server, closeDatabase: typeof closeDatabase === 'function' ? () => closeDatabase() : null })
}

/**
 * On SIGTERM or SIGINT: stop accepting connections, let requests in flight finish (up to
 * SHUTDOWN_GRACE_MS), close idle keep-alive connections so they cannot hold the process open,
 * then close the database and exit 0. A second signal exits at once.
 */
function shutDownGracefully({ server, closeDatabase }: { server: Server; closeDatabase: (() => unknown) | null }) {
  const inFlight = new Set<ServerResponse>()
  let stopping = false
  server.prependListener('request', (_request, response) => {
    inFlight.add(response)
    response.on('close', () => inFlight.delete(response))
    // Served, but the connection then ends, so no client reuses a socket that is about to close.
    if (stopping) response.setHeader('Connection', 'close')
  })

  async function stop(signal: NodeJS.Signals) {
    if (stopping) {
      console.log(`Shutdown: second ${signal}, exiting now.`)
      process.exit(1)
    }
    stopping = true
    const started = performance.now()
    const elapsed = () => `${Math.round(performance.now() - started)} ms`
    console.log(`Shutdown: ${signal} received; no new connections, waiting up to ${SHUTDOWN_GRACE_MS / 1000} s for ${inFlight.size} request(s) in flight.`)
    for (const response of inFlight) if (!response.headersSent) response.setHeader('Connection', 'close')
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    server.closeIdleConnections()
    const sweep = setInterval(() => server.closeIdleConnections(), 100)
    const finished = await Promise.race([closed.then(() => true), delay(SHUTDOWN_GRACE_MS, false)])
    clearInterval(sweep)
    if (finished) {
      console.log(`Shutdown: requests finished and connections closed after ${elapsed()}.`)
    } else {
      console.log(`Shutdown: ${inFlight.size} request(s) still running after ${elapsed()}; closing their connections.`)
      server.closeAllConnections()
      await closed
    }
    try {
      if (closeDatabase) {
        await closeDatabase()
        console.log(`Shutdown: database closed after ${elapsed()}; exiting.`)
      } else {
        console.log('Shutdown: this build does not export closeDatabase() from app/entry.server.tsx; exiting without closing the database.')
      }
    } catch (error) {
      console.error(`Shutdown: closing the database failed: ${error instanceof Error ? error.message : String(error)}`)
      process.exit(1)
    }
    process.exit(0)
  }
  process.on('SIGTERM', (signal) => void stop(signal))
  process.on('SIGINT', (signal) => void stop(signal))
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
