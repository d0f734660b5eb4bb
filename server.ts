import { existsSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { createExpressApp } from './app/express-app.server'

/**
 * Production entry point, compiled to build/server.js by `npm run build`. It loads the Remix build,
 * lets it migrate (and, on an empty embedded database, seed the demo academy), then listens.
 */
async function main() {
  const started = performance.now()
  if (existsSync('.env')) process.loadEnvFile('.env')
  const buildPath = pathToFileURL(path.resolve('build/index.js')).href
  const build: ServerBuild = await import(buildPath)
  const entry = build.entry.module
  const startup = 'startup' in entry ? entry.startup : undefined
  if (typeof startup !== 'function') throw new Error('build/index.js does not export startup(); run `npm run build`.')
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
  const stop = () => server.close(() => process.exit(0))
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
