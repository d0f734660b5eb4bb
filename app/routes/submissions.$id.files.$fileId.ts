import type { LoaderFunctionArgs } from '@remix-run/node'
import { getSubmissionFile } from '~/models/submission.server'
import { requireUser } from '~/utils/auth.server'
import { requireSubmissionAccess } from '~/utils/submissions.server'
import { readUpload } from '~/utils/uploads.server'

/** An attachment, only for people who may see its submission; always downloaded, never rendered inline. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { submission } = await requireSubmissionAccess(user, params.id ?? '')
  const fileId = params.fileId ?? ''
  const file = /^[0-9a-f-]{36}$/i.test(fileId) ? await getSubmissionFile({ id: fileId, submissionId: submission.id }) : null
  if (!file) throw new Response('Not found', { status: 404 })
  const bytes = await readUpload(file.storageKey)
  return new Response(bytes, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(bytes.length),
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
