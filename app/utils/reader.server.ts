import type { ModuleViewer } from '~/domain/reader'
import { getFellowProfile } from '~/models/fellow.server'
import { requireUser } from './auth.server'

/** The signed-in user as the module reader sees them: a fellow's year and position matter. */
export async function requireModuleViewer(request: Request) {
  const user = await requireUser(request)
  if (user.role !== 'fellow') return { user, viewer: { role: user.role } satisfies ModuleViewer, fellow: null }
  const fellow = await getFellowProfile({ userId: user.id })
  if (!fellow) throw new Response('Your account is not on a cohort roster yet.', { status: 403 })
  const viewer: ModuleViewer = { role: 'fellow', programYear: fellow.programYear, position: fellow.position }
  return { user, viewer, fellow }
}
