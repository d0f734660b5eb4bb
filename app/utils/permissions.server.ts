import { canReadFellowWork, canWriteFellowWork, type Actor } from '~/domain/permissions'
import { getFellowAccessContext } from '~/models/fellow.server'

/**
 * Object-level check for a fellow's work. Refusals are 404s, so an id that exists and one that
 * does not look the same to someone who may not see either.
 */
export async function requireFellowAccess(actor: Actor, fellowId: string, mode: 'read' | 'write' = 'read') {
  const context = /^[0-9a-f-]{36}$/i.test(fellowId) ? await getFellowAccessContext({ fellowId }) : null
  const allowed = context && (mode === 'read' ? canReadFellowWork(actor, context) : canWriteFellowWork(actor, context))
  if (!allowed) throw new Response('Not found', { status: 404 })
  return context
}
