import { decodeBase32IgnorePadding } from '@oslojs/encoding'
import { expect, test } from 'vitest'
import { formatRecoveryCode, matchTotp, normaliseRecoveryCode, totpCodeAt, totpStep } from './totp'

// RFC 6238 appendix B: the SHA-1 seed "12345678901234567890", 8-digit codes end in these 6 digits.
const RFC_KEY = new TextEncoder().encode('12345678901234567890')

test('codes match the RFC 6238 test vectors', () => {
  expect(totpCodeAt(RFC_KEY, totpStep(new Date(59_000)))).toBe('287082')
  expect(totpCodeAt(RFC_KEY, totpStep(new Date(1111111109_000)))).toBe('081804')
  expect(totpCodeAt(RFC_KEY, totpStep(new Date(2000000000_000)))).toBe('279037')
})

test('a code is accepted for the step before and after now, and never twice', () => {
  const key = decodeBase32IgnorePadding('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP')
  const now = new Date('2026-11-23T12:00:10Z')
  const step = totpStep(now)
  expect(matchTotp({ key, code: totpCodeAt(key, step), now, lastUsedStep: null })).toBe(step)
  expect(matchTotp({ key, code: totpCodeAt(key, step - 1), now, lastUsedStep: null })).toBe(step - 1)
  expect(matchTotp({ key, code: totpCodeAt(key, step + 1), now, lastUsedStep: null })).toBe(step + 1)
  expect(matchTotp({ key, code: totpCodeAt(key, step - 2), now, lastUsedStep: null })).toBeNull()
  expect(matchTotp({ key, code: totpCodeAt(key, step), now, lastUsedStep: step })).toBeNull()
  expect(matchTotp({ key, code: totpCodeAt(key, step + 1), now, lastUsedStep: step })).toBe(step + 1)
})

test('spaces and dashes are ignored, anything else that is not six digits is refused', () => {
  const key = decodeBase32IgnorePadding('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP')
  const now = new Date('2026-11-23T12:00:10Z')
  const code = totpCodeAt(key, totpStep(now))
  expect(matchTotp({ key, code: `${code.slice(0, 3)} ${code.slice(3)}`, now, lastUsedStep: null })).not.toBeNull()
  expect(matchTotp({ key, code: `${code}0`, now, lastUsedStep: null })).toBeNull()
  expect(matchTotp({ key, code: 'abcdef', now, lastUsedStep: null })).toBeNull()
  expect(matchTotp({ key, code: '', now, lastUsedStep: null })).toBeNull()
})

test('recovery codes are shown in two halves and read back in any case or spacing', () => {
  expect(formatRecoveryCode('abcdefghij')).toBe('abcde-fghij')
  expect(normaliseRecoveryCode(' ABCDE-FGHIJ ')).toBe('abcdefghij')
})
