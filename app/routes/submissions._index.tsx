import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { moduleAccess } from '~/domain/reader'
import { getCompiledModule } from '~/utils/content.server'
import { requireModuleViewer } from '~/utils/reader.server'
import { startSubmission } from '~/utils/submissions.server'
import { readForm } from '~/utils/request.server'

/** POST a module slug: opens (or reopens) the fellow's submission for its assignment. */
export async function action({ request }: ActionFunctionArgs) {
  const { user, viewer, fellow } = await requireModuleViewer(request)
  if (!fellow) throw new Response('Only fellows submit assignments.', { status: 403 })
  const slug = (await readForm(request)).get('moduleSlug')
  const compiled = typeof slug === 'string' ? getCompiledModule(slug) : null
  const result = await startSubmission({
    actorId: user.id,
    fellow,
    moduleSlug: compiled?.slug ?? '',
    canEdit: compiled ? moduleAccess(viewer, compiled) === 'edit' : false,
  })
  if (!result.ok) throw new Response(result.message, { status: result.status })
  return redirect(`/submissions/${result.id}`)
}

export async function loader() {
  return redirect('/home')
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
