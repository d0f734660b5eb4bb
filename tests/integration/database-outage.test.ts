import { createRequestHandler, type ServerBuild } from '@remix-run/node'
import { drizzle } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import { expect, test } from 'vitest'
import { db } from '../../db/client.server'
import path from 'node:path'
import { createExpressApp } from '../../app/express-app.server'
import { createTestBuild } from '../support/app'
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from '../../app/utils/database-unavailable'

/** A real error from postgres.js through drizzle: nothing listens on port 1. */
async function refusedConnectionError() {
  const client = postgres('postgres://postgres@127.0.0.1:1/postgres', { max: 1, connect_timeout: 2, onnotice: () => {} })
  try {
    await drizzle(client).execute('select 1')
  } catch (error) {
    return error
  } finally {
    await client.end({ timeout: 1 })
  }
  throw new Error('A query on port 1 succeeded.')
}

/**
 * The app's real routes plus two whose loader and action fail as if the database were gone: a page
 * (/outage-probe) and a resource route with no component, as a CSV export is (/outage-probe.csv).
 */
async function buildWithOutageRoute(error: unknown): Promise<ServerBuild> {
  const build = await createTestBuild()
  const fail = () => Promise.reject(error)
  const page: ServerBuild['routes'][string] = { id: 'routes/outage-probe', parentId: 'root', path: 'outage-probe', index: false, module: { loader: fail, action: fail, default: () => null } }
  const resource: ServerBuild['routes'][string] = { id: 'routes/outage-probe[.]csv', parentId: 'root', path: 'outage-probe.csv', index: false, module: { loader: fail, default: undefined } }
  const assets = (route: ServerBuild['routes'][string]) => ({
    id: route.id,
    parentId: route.parentId,
    path: route.path,
    index: route.index,
    module: `/build/${route.id}.js`,
    hasAction: 'action' in route.module,
    hasLoader: true,
    hasClientAction: false,
    hasClientLoader: false,
    hasErrorBoundary: false,
  })
  return {
    ...build,
    routes: { ...build.routes, [page.id]: page, [resource.id]: resource },
    assets: { ...build.assets, routes: { ...build.assets.routes, [page.id]: assets(page), [resource.id]: assets(resource) } },
  }
}

test('a refused connection is an outage; a wrong query on a working database is not', async () => {
  expect(isDatabaseUnavailable(await refusedConnectionError())).toBe(true)
  const wrongQuery = await db.execute('selec 1').then(
    () => null,
    (error: unknown) => error,
  )
  expect(wrongQuery).not.toBeNull()
  expect(isDatabaseUnavailable(wrongQuery)).toBe(false)
})

test('during an outage a page answers 503 with the friendly page, and data requests answer 503', async () => {
  const handle = createRequestHandler(await buildWithOutageRoute(await refusedConnectionError()), 'production')

  const page = await handle(new Request('http://localhost:3999/outage-probe'))
  expect(page.status).toBe(503)
  expect(page.headers.get('retry-after')).toMatch(/^\d+$/)
  expect(page.headers.get('content-type')).toContain('text/html')
  expect(page.headers.get('cache-control')).toBe('no-store')
  const html = await page.text()
  expect(html).toContain(DATABASE_UNAVAILABLE.title)
  expect(html).toContain(DATABASE_UNAVAILABLE.body)
  expect(html).not.toMatch(/ECONNREFUSED|Error:|\bat \S+ \(/)

  const data = await handle(new Request('http://localhost:3999/outage-probe.data'))
  expect(data.status).toBe(503)
  expect(data.headers.get('retry-after')).toMatch(/^\d+$/)
  expect(await data.text()).not.toContain('ECONNREFUSED')

  const post = await handle(
    new Request('http://localhost:3999/outage-probe.data', {
      method: 'POST',
      // No Origin: straight into the Remix handler there is no Host for Remix's CSRF check to match.
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'intent=save-answer',
    }),
  )
  expect(post.status).toBe(503)
})

test('during an outage a resource route (a CSV export) answers 503 in plain words through the Express app', async () => {
  const app = createExpressApp({ build: await buildWithOutageRoute(await refusedConnectionError()), mode: 'production', appUrl: 'http://localhost:3999', trustProxy: false, publicDir: path.resolve('public'), logRequests: false })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  try {
    const address = server.address()
    if (!address || typeof address === 'string') throw new Error('no port')
    const response = await fetch(`http://127.0.0.1:${address.port}/outage-probe.csv`)
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const text = await response.text()
    expect(text).toContain(DATABASE_UNAVAILABLE.body)
    expect(text).not.toContain('ECONNREFUSED')
  } finally {
    await new Promise((resolve) => server.close(resolve))
  }
})

test('any other failure is still a 500', async () => {
  const handle = createRequestHandler(await buildWithOutageRoute(new TypeError('a bug')), 'production')
  const page = await handle(new Request('http://localhost:3999/outage-probe'))
  expect(page.status).toBe(500)
  expect(page.headers.get('retry-after')).toBeNull()
  const csv = await handle(new Request('http://localhost:3999/outage-probe.csv'))
  expect(csv.status).toBe(500)
})
