import { expect, test } from 'vitest'
import { isDatabaseUnavailable } from './database-unavailable'

function withCode(message: string, code: string) {
  return Object.assign(new Error(message), { code })
}

test('a refused or broken connection means the database is unavailable', () => {
  expect(isDatabaseUnavailable(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true)
  expect(isDatabaseUnavailable(withCode('write CONNECTION_CLOSED 127.0.0.1:5432', 'CONNECTION_CLOSED'))).toBe(true)
  expect(isDatabaseUnavailable(withCode('write CONNECT_TIMEOUT 127.0.0.1:5432', 'CONNECT_TIMEOUT'))).toBe(true)
  expect(isDatabaseUnavailable(withCode('read ECONNRESET', 'ECONNRESET'))).toBe(true)
})

test('a server shutting down, starting up or out of connections is unavailable', () => {
  expect(isDatabaseUnavailable(withCode('terminating connection due to administrator command', '57P01'))).toBe(true)
  expect(isDatabaseUnavailable(withCode('the database system is starting up', '57P03'))).toBe(true)
  expect(isDatabaseUnavailable(withCode('sorry, too many clients already', '53300'))).toBe(true)
  expect(isDatabaseUnavailable(withCode('connection failure', '08006'))).toBe(true)
})

test('errors wrapped by drizzle or grouped by happy eyeballs are unwrapped', () => {
  const refused = withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')
  expect(isDatabaseUnavailable(new Error('Failed query: select 1', { cause: refused }))).toBe(true)
  expect(isDatabaseUnavailable(new AggregateError([refused, refused], 'connect failed'))).toBe(true)
})

test('a wrong query, a broken constraint or a plain bug is not an outage', () => {
  expect(isDatabaseUnavailable(withCode('syntax error at or near "selec"', '42601'))).toBe(false)
  expect(isDatabaseUnavailable(withCode('duplicate key value violates unique constraint', '23505'))).toBe(false)
  expect(isDatabaseUnavailable(new Error('Failed query', { cause: withCode('division by zero', '22012') }))).toBe(false)
  expect(isDatabaseUnavailable(new TypeError('Cannot read properties of undefined'))).toBe(false)
  expect(isDatabaseUnavailable(new Response('Not found', { status: 404 }))).toBe(false)
  expect(isDatabaseUnavailable(null)).toBe(false)
  expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false)
})

test('a cause that refers back to itself does not loop', () => {
  const error: Error & { cause?: unknown } = new Error('loop')
  error.cause = error
  expect(isDatabaseUnavailable(error)).toBe(false)
})
