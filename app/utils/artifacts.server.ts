import { canReadFellowWork, type Actor } from '~/domain/permissions'
import type { ArtifactKind } from '~/domain/artifacts'
import { getArtifactHeader } from '~/models/artifact.server'
import { getFellowAccessContext, getFellowProfile } from '~/models/fellow.server'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export type ArtifactViewer = 'author' | 'reader'

/**
 * An artifact of the given kind and how the actor relates to it: its author writes, their current
 * coach and staff read; everyone else, and a wrong kind or a malformed id, gets a 404 that reveals nothing.
 */
export async function requireArtifactAccess(actor: Actor, id: string, kind: ArtifactKind) {
  const artifact = UUID.test(id) ? await getArtifactHeader({ id }) : null
  if (!artifact || artifact.kind !== kind) throw new Response('Not found', { status: 404 })
  const context = { fellowUserId: artifact.fellowUserId, currentCoachId: artifact.currentCoachId }
  if (!canReadFellowWork(actor, context)) throw new Response('Not found', { status: 404 })
  const viewer: ArtifactViewer = actor.role === 'fellow' && actor.id === artifact.fellowUserId ? 'author' : 'reader'
  return { artifact, viewer }
}

/** Only the author changes an artifact; readers who post get a 403. */
export async function requireArtifactAuthor(actor: Actor, id: string, kind: ArtifactKind) {
  const access = await requireArtifactAccess(actor, id, kind)
  if (access.viewer !== 'author') throw new Response('Only the fellow who made this can change it.', { status: 403 })
  return access.artifact
}

/** The signed-in fellow's own record, for creating artifacts; anyone without one gets a 403. */
export async function requireOwnFellowRecord(actor: Actor) {
  const profile = actor.role === 'fellow' ? await getFellowProfile({ userId: actor.id }) : null
  if (!profile) throw new Response('Only fellows on a roster build improvement artifacts.', { status: 403 })
  return profile
}

/** The fellow whose tools a coach or staff member asked for, when they may read that fellow's work. */
export async function requireFellowWorkReader(actor: Actor, fellowId: string) {
  const context = UUID.test(fellowId) ? await getFellowAccessContext({ fellowId }) : null
  if (!context || !canReadFellowWork(actor, context)) throw new Response('Not found', { status: 404 })
  return context
}
