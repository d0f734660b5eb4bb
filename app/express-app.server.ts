import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { createRequestHandler, type ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import helmet from 'helmet'
import morgan from 'morgan'
import { DATABASE_UNAVAILABLE, RETRY_AFTER_SECONDS } from './utils/database-unavailable'
import { isForeignRequest } from './utils/origin-guard'
import { createRemixRequest, sendResponse } from './utils/send-response.server'

declare module '@remix-run/node' {
  // Module augmentation only works through an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface AppLoadContext {
    cspNonce: string
  }
}

export type ExpressAppOptions = {
  build: ServerBuild
  mode: 'production' | 'development' | 'test'
  /** Public address of the app; its origin is trusted for form posts. */
  appUrl: string
  trustProxy: boolean
  /** Folder holding public/ (favicon) and public/build (the browser bundle). */
  publicDir: string
  logRequests: boolean
}

/** Largest request body accepted before Remix reads it (uploads included). */
const MAX_BODY_BYTES = 25 * 1024 * 1024

/** Each response's CSP nonce, readable from helmet's directive callback. */
const nonces = new WeakMap<object, string>()

export function createExpressApp(options: ExpressAppOptions) {
  const { build, mode, appUrl, trustProxy, publicDir, logRequests } = options
  const appOrigin = new URL(appUrl).origin
  // HSTS and upgrades only make sense where the public address is HTTPS.
  const https = appUrl.startsWith('https:')
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', trustProxy)

  app.use((req, res, next) => {
    const nonce = randomBytes(16).toString('base64')
    res.locals.cspNonce = nonce
    nonces.set(res, nonce)
    // Only the server decides the client's address; anything a client sent under this name goes.
    req.headers['x-client-address'] = (trustProxy ? req.ip : req.socket.remoteAddress) ?? 'unknown'
    next()
  })

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", (_req, res) => `'nonce-${nonces.get(res) ?? ''}'`],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          objectSrc: ["'none'"],
          upgradeInsecureRequests: https ? [] : null,
        },
      },
      strictTransportSecurity: https ? { maxAge: 63072000, includeSubDomains: true } : false,
      // same-origin, not no-referrer: with no-referrer Chromium sends "Origin: null" on form posts.
      referrerPolicy: { policy: 'same-origin' },
      crossOriginEmbedderPolicy: false,
    }),
  )

  app.use((req, res, next) => {
    const ownOrigin = `${req.protocol}://${req.get('host') ?? ''}`
    const foreign = isForeignRequest({
      method: req.method,
      origin: req.get('origin'),
      secFetchSite: req.get('sec-fetch-site'),
      ownOrigin,
      trustedOrigins: [appOrigin],
    })
    if (foreign) {
      res.status(403).type('text/plain').send('Forbidden: this request came from another site.')
      return
    }
    // Every form here posts URL-encoded or multipart; any other body would make request.formData() throw.
    if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method) && !/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(req.get('content-type') ?? '')) {
      res.status(415).type('text/plain').send('Send this as a form (URL-encoded or multipart form data).')
      return
    }
    // A chunked body has no Content-Length to check, and Remix would read all of it into memory.
    // Browsers send a length with every form post, so a form without one is refused outright.
    if (req.get('transfer-encoding') && req.get('content-length') === undefined) {
      res.status(411).type('text/plain').send('Send the form with a Content-Length.')
      return
    }
    const length = Number(req.get('content-length') ?? 0)
    if (length > MAX_BODY_BYTES) {
      res.status(413).type('text/plain').send('The request is too large.')
      return
    }
    next()
  })

  app.use(compression())
  if (logRequests) app.use(morgan(mode === 'production' ? 'combined' : 'dev'))

  app.use('/build', express.static(path.join(publicDir, 'build'), { immutable: true, maxAge: '1y' }))
  // Only paths under public/'s own entries reach the static handler: in front of every request it
  // cost each page a failed stat of the disk, about a millisecond under load.
  const publicEntries = new Set(existsSync(publicDir) ? readdirSync(publicDir).filter((name) => name !== 'build') : [])
  const servePublic = express.static(publicDir, { maxAge: '1h' })
  app.use((req, res, next) => (publicEntries.has(req.path.split('/')[1] ?? '') ? servePublic(req, res, next) : next()))

  // @remix-run/express's handler, but sending through sendResponse, which batches the page's writes.
  const handleRequest = createRequestHandler(build, mode)
  const entry = build.entry.module
  const failedForDatabaseOutage = 'failedForDatabaseOutage' in entry && typeof entry.failedForDatabaseOutage === 'function' ? entry.failedForDatabaseOutage : null
  app.all('*', async (req, res, next) => {
    try {
      const request = createRemixRequest(req, res)
      const response = await handleRequest(request, { cspNonce: String(res.locals.cspNonce) })
      // Pages and data requests are already 503 (app/entry.server.tsx); a resource route's 500 is made one here.
      if (response.status === 500 && failedForDatabaseOutage?.(request) === true) {
        res.status(503).set({ 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' }).type('text/plain').send(`${DATABASE_UNAVAILABLE.title}. ${DATABASE_UNAVAILABLE.body}`)
        return
      }
      await sendResponse(res, response)
    } catch (error) {
      next(error)
    }
  })
  return app
}
