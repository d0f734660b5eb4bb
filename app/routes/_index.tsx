import type { LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { homePathFor } from '~/domain/roles'
import { getUser } from '~/utils/auth.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request)
  return redirect(user ? homePathFor(user.role) : '/login')
}
