import { writeAudit } from '~/models/audit-log.server'
import { getSession } from '~/models/coaching.server'
import { getFellowAccessContext } from '~/models/fellow.server'
import type { SessionUser } from './auth.server'
import { clientAddress } from './request.server'

const UUID = /^[0-9a-f-]{36}$/i

/** Only the fellow's current coach works with their coaching record; everyone else gets a 404. */
export async function requireCurrentCoach(user: SessionUser, fellowId: string) {
  const context = UUID.test(fellowId) ? await getFellowAccessContext({ fellowId }) : null
  if (user.role !== 'coach' || !context || context.currentCoachId !== user.id) throw new Response('Not found', { status: 404 })
  return context
}

/**
 * A session is its author's: they keep it (read-only once the pairing has ended). Staff, admins,
 * other coaches and the fellow never open a session record with its private notes.
 */
export async function requireSessionAuthor(user: SessionUser, sessionId: string) {
  const session = UUID.test(sessionId) ? await getSession({ id: sessionId }) : null
  if (user.role !== 'coach' || !session || session.coachId !== user.id) throw new Response('Not found', { status: 404 })
  const context = await getFellowAccessContext({ fellowId: session.fellowId })
  return { session, context, stillPaired: context?.currentCoachId === user.id }
}

/** Every read of a coaching record goes in the audit log: who, which record, from where. */
export async function auditCoachingRead(request: Request, user: SessionUser, target: { type: 'fellow' | 'session'; id: string }) {
  await writeAudit({ actorId: user.id, action: 'coaching.read', targetType: target.type, targetId: target.id, ipAddress: clientAddress(request), details: { role: user.role } })
}
