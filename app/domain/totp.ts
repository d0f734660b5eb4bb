import { generateHOTP } from '@oslojs/otp'

/**
 * Time-based one-time passwords (RFC 6238): 30-second steps, 6 digits, SHA-1, as every authenticator
 * app expects. A code is good for the step before and after now (clock drift), and only once: the
 * caller keeps the last step used and we refuse it and anything earlier.
 */
export const TOTP_PERIOD_SECONDS = 30
export const TOTP_DIGITS = 6
const DRIFT_STEPS = 1

export function totpStep(now: Date) {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS)
}

export function totpCodeAt(key: Uint8Array, step: number) {
  return generateHOTP(key, BigInt(step), TOTP_DIGITS)
}

/** Spaces and dashes are what people type when they copy a code from an app; both are ignored. */
export function normaliseCode(input: string) {
  return input.replace(/[\s-]/g, '')
}

/** The step the code belongs to, or null when it is wrong, too old, or already used. */
export function matchTotp({
  key,
  code,
  now,
  lastUsedStep,
}: {
  key: Uint8Array
  code: string
  now: Date
  lastUsedStep: number | null
}) {
  const typed = normaliseCode(code)
  if (!/^\d{6}$/.test(typed)) return null
  const current = totpStep(now)
  for (let step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
    if (lastUsedStep !== null && step <= lastUsedStep) continue
    if (constantTimeEqual(totpCodeAt(key, step), typed)) return step
  }
  return null
}

function constantTimeEqual(a: string, b: string) {
  if (a.length !== b.length) return false
  let difference = 0
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return difference === 0
}

/** Recovery codes read as xxxxx-xxxxx in lower-case base32; people may type them any case. */
export function normaliseRecoveryCode(input: string) {
  return input.trim().toLowerCase().replace(/[\s-]/g, '')
}

export function formatRecoveryCode(raw: string) {
  return `${raw.slice(0, 5)}-${raw.slice(5)}`
}

export const RECOVERY_CODE_COUNT = 10

/** At most this many wrong codes per sign-in; then the password has to be entered again. */
export const SECOND_FACTOR_ATTEMPTS = 5
