import { createCookie } from '@remix-run/node'
import { sessionExpiry } from '../../app/domain/session-rules'
import { insertSession } from '../../app/models/session.server'
import { generateToken, hashToken } from '../../app/utils/token.server'

/**
 * A signed-in session for the benchmark, made the way the app makes one (a random token, only its
 * hash stored), without going through /login. Staff, coaches and admins sign in with a second
 * factor that a load test cannot type, so their sessions start here, with the factor counted as given.
 */
export async function benchSessionCookie(userId: string) {
  const token = generateToken()
  await insertSession({ id: hashToken(token), userId, expiresAt: sessionExpiry(new Date()), ipAddress: '127.0.0.1', userAgent: 'sila-bench', secondFactorVerified: true })
  // Encoded as the app's cookie encodes it (Remix cookies carry JSON in base64), not the raw token.
  const header = await createCookie('sila_session').serialize(token)
  return header.split(';')[0]
}
