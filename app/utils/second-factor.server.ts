import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { createTOTPKeyURI } from '@oslojs/otp'
import { encodeBase32LowerCaseNoPadding, encodeBase32NoPadding } from '@oslojs/encoding'
import { renderSVG } from 'uqr'
import {
  formatRecoveryCode,
  matchTotp,
  normaliseRecoveryCode,
  RECOVERY_CODE_COUNT,
  SECOND_FACTOR_ATTEMPTS,
  TOTP_DIGITS,
  TOTP_PERIOD_SECONDS,
} from '~/domain/totp'
import {
  claimTotpStep,
  consumeRecoveryCode,
  getSecondFactor,
  replaceRecoveryCodes,
  saveSecondFactor,
} from '~/models/second-factor.server'
import { writeAudit } from '~/models/audit-log.server'
import { recordSecondFactorFailure } from '~/models/session.server'
import { getEnv } from './env.server'
import { clientAddress } from './request.server'
import { endSession } from './session.server'
import { hashToken } from './token.server'

/**
 * Used only when TOTP_ENCRYPTION_KEY is unset, which the environment check allows only for an app
 * not served over https (a laptop, the tests): keys stored with it are as good as plain text.
 */
const DEVELOPMENT_KEY = Buffer.from('sila-development-totp-key-32-byt')

function encryptionKey() {
  const configured = getEnv().TOTP_ENCRYPTION_KEY
  return configured ? Buffer.from(configured, 'base64') : DEVELOPMENT_KEY
}

/** AES-256-GCM; stored as base64 of nonce (12 bytes), ciphertext and tag (16 bytes). */
export function encryptTotpKey(key: Uint8Array) {
  const nonce = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', encryptionKey(), nonce)
  const sealed = Buffer.concat([nonce, cipher.update(key), cipher.final(), cipher.getAuthTag()])
  return sealed.toString('base64')
}

export function decryptTotpKey(stored: string) {
  const sealed = Buffer.from(stored, 'base64')
  const decipher = createDecipheriv('aes-256-gcm', encryptionKey(), sealed.subarray(0, 12))
  decipher.setAuthTag(sealed.subarray(sealed.length - 16))
  return new Uint8Array(Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]))
}

export function newTotpKey() {
  return new Uint8Array(randomBytes(20))
}

/** What the set-up page shows: the key as text (to type in) and as a QR code (to scan). */
export function describeNewKey(key: Uint8Array, email: string) {
  const uri = createTOTPKeyURI('SILA Academy', email, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS)
  const text = encodeBase32NoPadding(key).replace(/(.{4})/g, '$1 ').trim()
  return { uri, text, qrSvg: renderSVG(uri, { border: 2 }) }
}

/** Ten single-use codes: 50 random bits each, shown once, stored as SHA-256. */
function newRecoveryCodes() {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => encodeBase32LowerCaseNoPadding(randomBytes(7)).slice(0, 10))
  return { shown: codes.map(formatRecoveryCode), hashes: codes.map(hashToken) }
}

/**
 * Sets up the second factor once the person has typed a code from the new key, proving their app
 * holds it. Returns the recovery codes to show once, or null when the code does not match.
 */
export async function enrolSecondFactor({ userId, key, code }: { userId: string; key: Uint8Array; code: string }) {
  const step = matchTotp({ key, code, now: new Date(), lastUsedStep: null })
  if (step === null) return null
  const recovery = newRecoveryCodes()
  await saveSecondFactor({ userId, totpKey: encryptTotpKey(key), step, codeHashes: recovery.hashes })
  return recovery.shown
}

export async function regenerateRecoveryCodes({ userId }: { userId: string }) {
  const recovery = newRecoveryCodes()
  await replaceRecoveryCodes({ userId, codeHashes: recovery.hashes })
  return recovery.shown
}

/** True for a current, unused code from the person's authenticator app. */
export async function checkTotpCode({ userId, code }: { userId: string; code: string }) {
  const factor = await getSecondFactor({ userId })
  if (!factor?.totpKey) return false
  const step = matchTotp({ key: decryptTotpKey(factor.totpKey), code, now: new Date(), lastUsedStep: factor.totpLastStep })
  return step !== null && (await claimTotpStep({ userId, step }))
}

export async function checkRecoveryCode({ userId, code }: { userId: string; code: string }) {
  const typed = normaliseRecoveryCode(code)
  if (!/^[a-z2-7]{10}$/.test(typed)) return false
  return consumeRecoveryCode({ userId, codeHash: hashToken(typed) })
}

/**
 * Counts a wrong code against the session. After SECOND_FACTOR_ATTEMPTS the session ends and the
 * returned Set-Cookie clears it: whoever is guessing has to get past the password again.
 */
export async function recordWrongCode(
  request: Request,
  sessionId: string,
  userId: string,
): Promise<{ ended: false; remaining: number } | { ended: true; setCookie: string }> {
  const failures = await recordSecondFactorFailure({ id: sessionId })
  await writeAudit({ actorId: userId, action: 'second_factor.failed', ipAddress: clientAddress(request), details: { failures } })
  if (failures < SECOND_FACTOR_ATTEMPTS) return { ended: false, remaining: SECOND_FACTOR_ATTEMPTS - failures }
  return { ended: true, setCookie: await endSession(request) }
}
