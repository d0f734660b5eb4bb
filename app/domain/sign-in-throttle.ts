/** Failures an account may have before it starts to wait. */
export const FREE_FAILURES = 5
const BASE_DELAY_MS = 30_000
const MAX_DELAY_MS = 60 * 60 * 1000

/**
 * How long an account waits after its latest failure: nothing for the first five, then 30 s,
 * doubling with each further failure, capped at an hour.
 */
export function accountLockoutMs(consecutiveFailures: number) {
  if (consecutiveFailures < FREE_FAILURES) return 0
  const doublings = consecutiveFailures - FREE_FAILURES
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** doublings)
}

/** One address may fail this many times in the window, across every account it tries. */
export const ADDRESS_FAILURE_LIMIT = 20
export const ADDRESS_WINDOW_MS = 15 * 60 * 1000

export function addressIsThrottled(failuresInWindow: number) {
  return failuresInWindow >= ADDRESS_FAILURE_LIMIT
}

export function describeWait(ms: number) {
  const seconds = Math.ceil(ms / 1000)
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`
  const minutes = Math.ceil(seconds / 60)
  return `${minutes} minute${minutes === 1 ? '' : 's'}`
}
