/**
 * Telling "the database is not answering" apart from every other failure, so the app can answer
 * 503 (try again soon; nothing was lost) instead of 500 (a bug). Pure: no I/O, safe in the browser
 * bundle, which shows the same words.
 */

/** Seconds a client should wait before trying again; sent as Retry-After. */
export const RETRY_AFTER_SECONDS = 30

export const DATABASE_UNAVAILABLE = {
  title: 'The academy is briefly unavailable',
  body: 'The academy’s database is not answering right now. Your saved work is safe; try again in a minute.',
  /** Beside a prompt, which keeps the text and retries by itself. */
  autosave: 'Not saved yet: the academy’s database is not answering. Your text stays here and is saved as soon as it is back.',
}

/**
 * Node socket errors and postgres.js's own connection errors: the server cannot be reached, or the
 * connection to it broke.
 */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
])

/**
 * SQLSTATEs the server sends while shutting down, starting up or full: admin_shutdown,
 * crash_shutdown, cannot_connect_now, too_many_connections. Class 08 (connection exceptions) is
 * matched by its prefix.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300'])

/** How deep to follow `cause` and `errors`; drizzle wraps once, AggregateError once more. */
const MAX_DEPTH = 4

function isUnavailableCode(code: unknown) {
  if (typeof code !== 'string') return false
  return CONNECTION_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)
}

function unavailableAt(error: unknown, depth: number): boolean {
  if (typeof error !== 'object' || error === null || depth > MAX_DEPTH) return false
  if ('code' in error && isUnavailableCode(error.code)) return true
  // drizzle wraps driver errors in DrizzleQueryError { cause }.
  if ('cause' in error && unavailableAt(error.cause, depth + 1)) return true
  // Node's happy-eyeballs connect reports every address it tried in an AggregateError.
  if ('errors' in error && Array.isArray(error.errors)) return error.errors.some((inner) => unavailableAt(inner, depth + 1))
  return false
}

/** True when the error means the database could not be reached, not that a query was wrong. */
export function isDatabaseUnavailable(error: unknown) {
  return unavailableAt(error, 0)
}

/**
 * postgres.js 3.4.9 can throw from a setImmediate after a connection dropped: a write it scheduled
 * (a transaction's ROLLBACK, say) finds the socket already gone (porsager/postgres#1154, #1208).
 * By then the query has already failed with CONNECTION_CLOSED through the normal path, so the
 * write is moot; the unmerged upstream fixes (#1168, #1209) simply skip it. Nothing else matches.
 */
export function isPostgresJsWriteAfterClose(error: unknown) {
  return (
    error instanceof TypeError &&
    /Cannot read properties of null \(reading 'write'\)/.test(error.message) &&
    /nextWrite[\s\S]*postgres[\\/]src[\\/]connection\.js|postgres[\\/]src[\\/]connection\.js[\s\S]*nextWrite/.test(error.stack ?? '')
  )
}

/**
 * Keeps the process alive through that one known, harmless throw, which would otherwise take every
 * request down with it when PostgreSQL restarts mid-transaction (ADR 0012). Any other uncaught
 * exception ends the process as Node would.
 */
export function survivePostgresJsWriteAfterClose(target: NodeJS.Process) {
  target.on('uncaughtException', (error) => {
    if (isPostgresJsWriteAfterClose(error)) {
      console.warn('Database connection dropped mid-write (postgres.js #1154); the query already failed and was answered.')
      return
    }
    console.error(error)
    target.exit(1)
  })
}
