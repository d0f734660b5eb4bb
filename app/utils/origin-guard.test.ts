import { expect, test } from 'vitest'
import { isForeignRequest } from './origin-guard'

const own = 'https://sila.example.edu'

test('reads are never refused', () => {
  expect(isForeignRequest({ method: 'GET', origin: 'https://evil.example', secFetchSite: 'cross-site', ownOrigin: own })).toBe(false)
})

test('a post from another site is foreign, by Origin or by Sec-Fetch-Site', () => {
  expect(isForeignRequest({ method: 'POST', origin: 'https://evil.example', secFetchSite: undefined, ownOrigin: own })).toBe(true)
  expect(isForeignRequest({ method: 'POST', origin: undefined, secFetchSite: 'cross-site', ownOrigin: own })).toBe(true)
  expect(isForeignRequest({ method: 'DELETE', origin: undefined, secFetchSite: 'same-site', ownOrigin: own })).toBe(true)
  expect(isForeignRequest({ method: 'POST', origin: 'null', secFetchSite: undefined, ownOrigin: own })).toBe(true)
})

test('a post from our own origin passes', () => {
  expect(isForeignRequest({ method: 'POST', origin: own, secFetchSite: 'same-origin', ownOrigin: own })).toBe(false)
  expect(isForeignRequest({ method: 'POST', origin: 'https://public.example.edu', secFetchSite: undefined, ownOrigin: 'http://internal:3000', trustedOrigins: ['https://public.example.edu'] })).toBe(false)
})

test('a request with neither header comes from a non-browser client and passes', () => {
  expect(isForeignRequest({ method: 'POST', origin: undefined, secFetchSite: undefined, ownOrigin: own })).toBe(false)
})
