/**
 * npm run demo:code — the current sign-in code for the demo coach, staff and admin accounts, for
 * trying the demo without an authenticator app. Only the demo key: real keys never leave the server.
 */
import { decodeBase32IgnorePadding } from '@oslojs/encoding'
import { DEMO_TOTP_KEY } from '../db/demo-accounts'
import { TOTP_PERIOD_SECONDS, totpCodeAt, totpStep } from '../app/domain/totp'

const now = new Date()
const left = TOTP_PERIOD_SECONDS - (Math.floor(now.getTime() / 1000) % TOTP_PERIOD_SECONDS)
console.log(`${totpCodeAt(decodeBase32IgnorePadding(DEMO_TOTP_KEY), totpStep(now))}  (good for ${left} more seconds; each code works once per account)`)
