import { expect, test } from 'vitest'
import { accountLockoutMs, addressIsThrottled, describeWait } from './sign-in-throttle'

test('an account waits only after its fifth failure', () => {
  for (const failures of [0, 1, 2, 3, 4]) expect(accountLockoutMs(failures)).toBe(0)
  expect(accountLockoutMs(5)).toBe(30_000)
})

test('each further failure doubles the wait, up to an hour', () => {
  expect(accountLockoutMs(6)).toBe(60_000)
  expect(accountLockoutMs(7)).toBe(120_000)
  expect(accountLockoutMs(11)).toBe(1_920_000)
  expect(accountLockoutMs(12)).toBe(3_600_000)
  expect(accountLockoutMs(40)).toBe(3_600_000)
})

test('an address is throttled at twenty failures in the window', () => {
  expect(addressIsThrottled(19)).toBe(false)
  expect(addressIsThrottled(20)).toBe(true)
})

test('waits are described in plain words', () => {
  expect(describeWait(1_000)).toBe('1 second')
  expect(describeWait(30_000)).toBe('30 seconds')
  expect(describeWait(61_000)).toBe('2 minutes')
})
