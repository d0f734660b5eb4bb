import { PassThrough } from 'node:stream'
import type { AppLoadContext, EntryContext, HandleDataRequestFunction, HandleErrorFunction } from '@remix-run/node'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream, renderToStaticMarkup } from 'react-dom/server'
import { setServerModuleResolver } from './components/mdx/registry'
import { OutagePage } from './components/outage-page'
import styles from './styles/tailwind.css'
import { serverModuleComponent } from './utils/content.server'
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './utils/database-unavailable'
import { NonceProvider } from './utils/nonce'

export { startup } from './utils/startup.server'
export { closeDatabase } from '../db/client.server'

const ABORT_DELAY = 5_000

setServerModuleResolver(serverModuleComponent)

/**
 * Requests that failed because the database could not be reached. Remix reports the error to
 * handleError before it renders the document or sends the data, but by then the error itself is
 * sanitised to "Unexpected Server Error"; this set carries the verdict across (docs/decisions/0011).
 */
const outageRequests = new WeakSet<Request>()

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // Pages can hold personal data: never let a shared cache keep them.
  responseHeaders.set('Cache-Control', 'no-store')
  if (outageRequests.has(request)) return outageDocument(request, responseHeaders)
  const nonce = typeof loadContext.cspNonce === 'string' ? loadContext.cspNonce : ''
  const waitForAll = isbot(request.headers.get('user-agent') ?? '')
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          shellRendered = true
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          )
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) console.error(error)
        },
      },
    )
    setTimeout(abort, ABORT_DELAY)
  })
}

/**
 * Whether this request failed because the database could not be reached. Resource routes (CSV
 * exports, SVGs) reach no hook here: Remix answers their failures with a bare 500 itself, so the
 * Express layer asks this and answers 503 instead (app/express-app.server.ts).
 */
export function failedForDatabaseOutage(request: Request) {
  return outageRequests.has(request)
}

/** A page request during a database outage: 503 with plain words and when to come back. */
function outageDocument(request: Request, headers: Headers) {
  const url = new URL(request.url)
  // A failed form post is retried by going back to the page, not by re-posting.
  const html = renderToStaticMarkup(<OutagePage stylesheet={styles} retryHref={url.pathname + url.search} />)
  headers.set('Content-Type', 'text/html; charset=utf-8')
  headers.set('Retry-After', String(RETRY_AFTER_SECONDS))
  return new Response(`<!DOCTYPE html>${html}`, { status: 503, headers })
}

/**
 * Loader and action data for client navigations and fetchers: an outage is 503, not 500, so
 * clients (and the load test) can tell "try again" from a bug.
 */
export const handleDataRequest: HandleDataRequestFunction = (response, { request }) => {
  if (!outageRequests.has(request)) return response
  const headers = new Headers(response.headers)
  headers.set('Retry-After', String(RETRY_AFTER_SECONDS))
  return new Response(response.body, { status: 503, headers })
}

export const handleError: HandleErrorFunction = (error, { request }) => {
  if (isDatabaseUnavailable(error)) {
    outageRequests.add(request)
    // One line, not a stack per request: during an outage every request fails the same way.
    console.error(`Database unavailable (${describeCode(error)}) during ${request.method} ${new URL(request.url).pathname}`)
    return
  }
  if (request.signal.aborted) return
  console.error(error)
}

function describeCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'unknown'
  if ('code' in error && typeof error.code === 'string') return error.code
  return 'cause' in error ? describeCode(error.cause) : 'unknown'
}
