import type { ActionFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { SUBMISSION_BODY_MAX } from '~/domain/submission-state'
import { requireUser } from '~/utils/auth.server'
import { renderMarkdown } from '~/utils/markdown.server'
import { readForm } from '~/utils/request.server'

/** Renders Markdown exactly as it will be shown: through the same sanitiser. */
export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request)
  const text = (await readForm(request)).get('text')
  if (typeof text !== 'string' || text.length > SUBMISSION_BODY_MAX) {
    return json({ html: '<p>Nothing to preview, or too long to preview.</p>' }, { status: 400 })
  }
  return json({ html: renderMarkdown(text) })
}

export async function loader() {
  throw new Response('Not found', { status: 404 })
}
