/**
 * The server half of the improvement tools' index (app/routes/tools._index.tsx); see docs/decisions/0016.
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { listArtifacts } from '~/models/artifact.server'
import { getFellowProfile } from '~/models/fellow.server'
import { requireUser } from '~/utils/auth.server'
import { requireFellowWorkReader, requireOwnFellowRecord } from '~/utils/artifacts.server'
import { loadAuditFindings } from '~/utils/equity-audit.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const asked = new URL(request.url).searchParams.get('fellow')
  if (user.role === 'fellow' || !asked) {
    const profile = await requireOwnFellowRecord(user)
    const [artifacts, audits] = await Promise.all([
      listArtifacts({ fellowId: profile.fellowId }),
      loadAuditFindings({ fellowId: profile.fellowId, state: profile.state, viewer: 'author' }),
    ])
    return json({ own: true, fellowName: profile.name, artifacts, audits })
  }
  const context = await requireFellowWorkReader(user, asked)
  const profile = await getFellowProfile({ userId: context.fellowUserId })
  if (!profile) throw new Response('Not found', { status: 404 })
  const [artifacts, audits] = await Promise.all([
    listArtifacts({ fellowId: profile.fellowId }),
    loadAuditFindings({ fellowId: profile.fellowId, state: profile.state, viewer: 'reader' }),
  ])
  return json({ own: false, fellowName: profile.name, artifacts, audits })
}
