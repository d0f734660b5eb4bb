import path from 'node:path'
import { UNSAFE_flatRoutes } from '@remix-run/dev'
import type { ServerBuild } from '@remix-run/node'
import { afterAll, beforeAll } from 'vitest'
import remixConfig, { future } from '../../remix.config.js'
import * as entry from '../../app/entry.server'
import * as root from '../../app/root'
import { createExpressApp } from '../../app/express-app.server'
import { syncModules } from '../../app/models/module.server'
import { getCurriculum } from '../../app/utils/content.server'
import { TestClient } from './client'

const appDirectory = path.resolve('app')

/**
 * A ServerBuild made from the app's real route modules, found by Remix's own flat-routes
 * convention, so integration tests run every loader and action through the Remix request handler
 * in the same module graph as the test (and its database).
 */
export async function createTestBuild(): Promise<ServerBuild> {
  const manifest = UNSAFE_flatRoutes(appDirectory, remixConfig.ignoredRouteFiles)
  const routes: ServerBuild['routes'] = {
    root: { id: 'root', path: '', module: root },
  }
  const assetRoutes: ServerBuild['assets']['routes'] = {
    root: entryRoute('root', undefined, undefined, false, root),
  }
  for (const route of Object.values(manifest)) {
    const module = await import(/* @vite-ignore */ path.join(appDirectory, route.file))
    const parentId = route.parentId ?? 'root'
    routes[route.id] = { id: route.id, parentId, path: route.path, index: route.index, module }
    assetRoutes[route.id] = entryRoute(route.id, parentId, route.path, route.index ?? false, module)
  }
  return {
    mode: 'production',
    entry: { module: entry },
    routes,
    assets: { entry: { module: '/build/entry.client.js', imports: [] }, routes: assetRoutes, url: '/build/manifest.js', version: 'test' },
    publicPath: '/build/',
    assetsBuildDirectory: 'public/build',
    future,
    isSpaMode: false,
  }
}

function entryRoute(
  id: string,
  parentId: string | undefined,
  routePath: string | undefined,
  index: boolean,
  module: Record<string, unknown>,
) {
  return {
    id,
    parentId,
    path: routePath,
    index,
    module: `/build/${id}.js`,
    hasAction: 'action' in module,
    hasLoader: 'loader' in module,
    hasClientAction: false,
    hasClientLoader: false,
    hasErrorBoundary: 'ErrorBoundary' in module,
  }
}

export type TestServer = { url: string; close: () => Promise<void> }

/** The real Express app (headers, origin guard, Remix handler) on an ephemeral loopback port. */
export async function startTestServer(): Promise<TestServer> {
  const build = await createTestBuild()
  const app = createExpressApp({
    build,
    mode: 'production',
    appUrl: 'http://localhost:3999',
    trustProxy: false,
    publicDir: path.resolve('public'),
    logRequests: false,
  })
  const server = app.listen(0, '127.0.0.1')
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('The test server has no TCP port.')
  const { port } = address
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** Starts the app for the file's tests and stops it after; `client()` is a fresh signed-out browser. */
export function serveAppForTests() {
  let server: TestServer | undefined
  beforeAll(async () => {
    await syncModules({ compiled: getCurriculum().modules })
    server = await startTestServer()
  })
  afterAll(() => server?.close())
  return {
    client() {
      if (!server) throw new Error('The test server is not running yet.')
      return new TestClient(server.url)
    },
    url() {
      if (!server) throw new Error('The test server is not running yet.')
      return server.url
    },
  }
}
