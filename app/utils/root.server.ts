/**
 * The root route's loader, in a server module of the root's own so every page's browser build
 * imports no shared empty module for it (see app/utils/module-page.server.ts for why).
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { countUnread } from '~/models/notification.server'
import { getUser } from '~/utils/auth.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  if (!user) return json({ user: null })
  return json({ user: { id: user.id, name: user.name, role: user.role, unread: await countUnread({ userId: user.id }) } })
}
