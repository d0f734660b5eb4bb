import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { writeAudit } from '~/models/audit-log.server'
import { getUser } from '~/utils/auth.server'
import { clientAddress } from '~/utils/request.server'
import { endSession } from '~/utils/session.server'

export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await getUser(request)
  const cookie = await endSession(request)
  if (user) await writeAudit({ actorId: user.id, action: 'sign_out', ipAddress: clientAddress(request) })
  return redirect('/login', { headers: { 'Set-Cookie': cookie } })
}
