import { createRequestHandler, type ServerBuild } from '@remix-run/node'
import { drizzle } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import { expect, test } from 'vitest'
import { db } from '../../db/client.server'
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

/** The app's real routes plus one whose loader and action fail as if the database were gone. */
async function buildWithOutageRoute(error: unknown): Promise<ServerBuild> {
  const build = await createTestBuild()
  const fail = () => Promise.reject(error)
  const module = { loader: fail, action: fail, default: () => null }
  const route = { id: 'routes/outage-probe', parentId: 'root', path: 'outage-probe', index: false }
  return {
    ...build,
    routes: { ...build.routes, [route.id]: { ...route, module } },
    assets: {
      ...build.assets,
      routes: {
        ...build.assets.routes,
        [route.id]: { ...route, module: '/build/routes/outage-probe.js', hasAction: true, hasLoader: true, hasClientAction: false, hasClientLoader: false, hasErrorBoundary: false },
      },
    },
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

test('any other failure is still a 500', async () => {
  const handle = createRequestHandler(await buildWithOutageRoute(new TypeError('a bug')), 'production')
  const page = await handle(new Request('http://localhost:3999/outage-probe'))
  expect(page.status).toBe(500)
  expect(page.headers.get('retry-after')).toBeNull()
})
