import { decodeBase32IgnorePadding } from '@oslojs/encoding'
import { totpCodeAt, totpStep } from '../../app/domain/totp'

/** Every test coach, staff member and admin has this authenticator key; signIn() types its codes. */
export const TEST_TOTP_KEY = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'

/**
 * A code the server has not seen for this account: each code works once, so a second sign-in
 * in the same 30 seconds uses the next step's code (accepted for clock drift), and a third waits.
 */
const lastStepUsed = new Map<string, number>()
export async function nextTotpCode(account: string, base32Key: string) {
  const step = Math.max(totpStep(new Date()), (lastStepUsed.get(account) ?? -1) + 1)
  if (step > totpStep(new Date()) + 1) console.warn(`Waiting for ${account}'s next sign-in code (each code works once).`)
  while (step > totpStep(new Date()) + 1) await new Promise((resolve) => setTimeout(resolve, 250))
  lastStepUsed.set(account, step)
  return totpCodeAt(decodeBase32IgnorePadding(base32Key), step)
}
