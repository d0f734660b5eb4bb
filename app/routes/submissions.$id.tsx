import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  json,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { AttachmentList, Result, ReviewForm, SubmissionEditor, SubmissionHistory } from '~/components/submission'
import { trackOfPosition } from '~/domain/reader'
import { isLate } from '~/domain/schedule'
import { isAwaitingReview, isEditable, STATE_LABELS, SUBMISSION_BODY_MAX } from '~/domain/submission-state'
import { cleanFileName, detectUploadType, MAX_UPLOAD_BYTES } from '~/domain/uploads'
import {
  deleteSubmissionFile,
  insertSubmissionFile,
  listAttachableArtifacts,
  listSubmissionEvents,
  listSubmissionFiles,
  saveDraftBody,
  setAttachedArtifacts,
} from '~/models/submission.server'
import { requireUser } from '~/utils/auth.server'
import { getCompiledModule } from '~/utils/content.server'
import { renderMarkdown } from '~/utils/markdown.server'
import { actOnSubmission, requireSubmissionAccess } from '~/utils/submissions.server'
import { deleteUpload, storeUpload } from '~/utils/uploads.server'
import { readForm } from '~/utils/request.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.assignment.title} · ${data.fellowName} · SILA Academy` : 'Submission · SILA Academy' },
]

const ActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('save-draft'), body: z.string().max(SUBMISSION_BODY_MAX, `Keep the text under ${SUBMISSION_BODY_MAX.toLocaleString('en-US')} characters; attach a file for anything longer.`).default('') }),
  z.object({ intent: z.literal('submit'), body: z.string().max(SUBMISSION_BODY_MAX, `Keep the text under ${SUBMISSION_BODY_MAX.toLocaleString('en-US')} characters; attach a file for anything longer.`).default('') }),
  z.object({ intent: z.literal('remove-file'), fileId: z.string().uuid('Unknown file.') }),
  z.object({ intent: z.literal('attach-artifacts'), artifactIds: z.array(z.string().uuid()).max(50).default([]) }),
  z.object({
    intent: z.literal('review'),
    decision: z.enum(['accept', 'return'], { errorMap: () => ({ message: 'Choose whether to accept the work or return it for revision.' }) }),
    feedback: z.string().max(20_000, 'Keep feedback under 20,000 characters.').default(''),
  }),
])

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { submission, role } = await requireSubmissionAccess(user, params.id ?? '')
  const compiled = getCompiledModule(submission.moduleSlug)
  if (!compiled) throw new Response('Not found', { status: 404 })
  const [events, files, artifacts] = await Promise.all([
    listSubmissionEvents({ submissionId: submission.id }),
    listSubmissionFiles({ submissionId: submission.id }),
    listAttachableArtifacts({ fellowId: submission.fellowId, submissionId: submission.id }),
  ])
  const track = compiled.year === 2 ? trackOfPosition(submission.position) : null
  return json({
    id: submission.id,
    role,
    status: submission.status,
    fellowName: submission.fellowName,
    body: role === 'owner' ? submission.body : '',
    bodyHtml: renderMarkdown(submission.body),
    dueOn: submission.dueOn,
    late: isLate(submission.submittedAt, submission.dueOn),
    submittedAt: submission.submittedAt,
    module: { slug: compiled.slug, title: compiled.title },
    assignment: {
      title: compiled.assignment.title,
      kind: compiled.assignment.kind,
      instructionsHtml: compiled.assignment.instructionsHtml,
      trackHtml: track && compiled.assignment.tracksHtml ? compiled.assignment.tracksHtml[track] : null,
      trackLabel: track === 'principal' ? 'For principals' : track ? 'For assistant principals' : null,
    },
    events: events.map((e) => ({ ...e, feedbackHtml: e.feedback ? renderMarkdown(e.feedback) : null })),
    files,
    artifacts: role === 'owner' ? artifacts : artifacts.filter((a) => a.attached),
    canEdit: role === 'owner' && isEditable(submission.status),
    canReview: role === 'reviewer' && isAwaitingReview(submission.status),
  })
}

type ActionData = { ok: boolean; intent: string; message: string }
const reply = (status: number, intent: string, message: string, ok = status < 400) => json<ActionData>({ ok, intent, message }, { status })

async function handleUpload(request: Request, submissionId: string) {
  let form: FormData
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES }))
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      return reply(413, 'upload', 'That file is larger than 10 MB. Make it smaller (for example, save the PDF at a lower quality) and try again. Your text is saved.')
    }
    return reply(400, 'upload', 'The upload could not be read. Try choosing the file again.')
  }
  const file = form.get('file')
  if (!(file instanceof File) || file.size === 0) return reply(400, 'upload', 'Choose a file to attach.')
  const bytes = new Uint8Array(await file.arrayBuffer())
  const detected = detectUploadType(bytes)
  if (!detected) {
    return reply(415, 'upload', `“${cleanFileName(file.name, 'file')}” is not a PDF, Word document (DOCX) or image (PNG, JPEG, GIF, WebP), judged by its contents. Save it as one of those and try again. Your text is saved.`)
  }
  const storageKey = await storeUpload(bytes)
  await insertSubmissionFile({ submissionId, fileName: cleanFileName(file.name, detected.extension), contentType: detected.contentType, sizeBytes: bytes.length, storageKey })
  return reply(200, 'upload', `Attached ${cleanFileName(file.name, detected.extension)}.`)
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const { submission, role } = await requireSubmissionAccess(user, params.id ?? '')
  const isMultipart = request.headers.get('content-type')?.startsWith('multipart/form-data')
  if (isMultipart) {
    if (role !== 'owner' || !isEditable(submission.status)) return reply(403, 'upload', 'Files can be attached only while the work is with you.')
    return handleUpload(request, submission.id)
  }
  const parsed = parseWithZod(await readForm(request), { schema: ActionSchema })
  if (parsed.status !== 'success') {
    const message = Object.values(parsed.error ?? {}).flat()[0] ?? 'That request could not be read.'
    return reply(400, 'unknown', message)
  }
  const value = parsed.value
  if (value.intent === 'review') {
    if (role !== 'reviewer') return reply(403, value.intent, 'Only a reviewer can accept or return this work.')
    const result = await actOnSubmission({ actor: user, role, submission, action: value.decision, feedback: value.feedback })
    return result.ok ? reply(200, value.intent, value.decision === 'accept' ? 'Accepted.' : 'Returned with your feedback.') : reply(409, value.intent, result.message)
  }
  if (role !== 'owner') return reply(403, value.intent, 'Only the fellow can change their own work.')
  switch (value.intent) {
    case 'save-draft': {
      const saved = await saveDraftBody({ id: submission.id, body: value.body })
      return saved ? reply(200, value.intent, 'Draft saved.') : reply(409, value.intent, 'This work is with a reviewer now, so it cannot change.')
    }
    case 'submit': {
      const result = await actOnSubmission({ actor: user, role, submission, action: 'submit', body: value.body })
      return result.ok ? reply(200, value.intent, 'Submitted for review.') : reply(409, value.intent, result.message)
    }
    case 'remove-file': {
      if (!isEditable(submission.status)) return reply(409, value.intent, 'This work is with a reviewer now, so it cannot change.')
      const removed = await deleteSubmissionFile({ id: value.fileId, submissionId: submission.id })
      if (!removed) return reply(404, value.intent, 'That file is not attached here.')
      await deleteUpload(removed.storageKey)
      return reply(200, value.intent, 'File removed.')
    }
    case 'attach-artifacts': {
      if (!isEditable(submission.status)) return reply(409, value.intent, 'This work is with a reviewer now, so it cannot change.')
      await setAttachedArtifacts({ submissionId: submission.id, fellowId: submission.fellowId, artifactIds: value.artifactIds })
      return reply(200, value.intent, 'Attached work updated.')
    }
  }
}

export default function SubmissionPage() {
  const data = useLoaderData<typeof loader>()
  const latestFeedback = [...data.events].reverse().find((e) => e.feedbackHtml)
  return (
    <div className="mx-auto max-w-5xl">
      <p className="text-sm font-semibold text-brand-700">
        <Link to={`/learn/${data.module.slug}`} className="underline underline-offset-4">{data.module.title}</Link>
        {' · '}
        {data.role === 'owner' ? 'Your submission' : `Submission by ${data.fellowName}`}
      </p>
      <h1 className="mt-2 text-3xl font-semibold text-slate-900">{data.assignment.title}</h1>
      <p className="mt-2 flex flex-wrap gap-2 text-sm">
        <span className="rounded bg-slate-200 px-2 py-0.5 font-semibold text-slate-900">{STATE_LABELS[data.status]}</span>
        {data.dueOn ? <span className="rounded bg-white px-2 py-0.5 text-slate-800">Due {data.dueOn}</span> : null}
        {data.late ? <span className="rounded bg-amber-100 px-2 py-0.5 font-semibold text-amber-950">Late: first submitted after the due date</span> : null}
      </p>

      {/* Above the forms: submitting or reviewing removes the form that was used. */}
      <div className="mt-4">
        <Result intents={['save-draft', 'submit', 'review', 'unknown']} />
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="space-y-6">
          {data.canEdit ? (
            <SubmissionEditor body={data.body} status={data.status} />
          ) : (
            <section aria-labelledby="work-heading" className="rounded-lg bg-white p-6 shadow-sm">
              <h2 id="work-heading" className="text-xl font-semibold">The work</h2>
              {data.bodyHtml.trim() ? (
                <div className="prose prose-slate mt-3 max-w-none" dangerouslySetInnerHTML={{ __html: data.bodyHtml }} />
              ) : (
                <p className="mt-3 text-slate-700">Nothing written yet.</p>
              )}
            </section>
          )}
          <AttachmentList submissionId={data.id} files={data.files} artifacts={data.artifacts} canEdit={data.canEdit} />
          {data.canReview ? <ReviewForm fellowName={data.fellowName} /> : null}
        </div>
        <aside className="space-y-6">
          {latestFeedback ? (
            <section aria-labelledby="feedback-heading" className="rounded-lg border-2 border-amber-400 bg-amber-50 p-5">
              <h2 id="feedback-heading" className="text-lg font-semibold">Latest feedback</h2>
              <p className="text-sm text-slate-700">From {latestFeedback.actorName ?? 'a reviewer'}</p>
              <div className="prose prose-slate mt-2 max-w-none" dangerouslySetInnerHTML={{ __html: latestFeedback.feedbackHtml ?? '' }} />
            </section>
          ) : null}
          <section aria-labelledby="instructions-heading" className="rounded-lg bg-white p-5 shadow-sm">
            <h2 id="instructions-heading" className="text-lg font-semibold">Instructions</h2>
            <div className="prose prose-slate mt-2 max-w-none text-sm" dangerouslySetInnerHTML={{ __html: data.assignment.instructionsHtml }} />
            {data.assignment.trackHtml ? (
              <div className="mt-3 border-l-4 border-brand-600 pl-3">
                <h3 className="font-semibold">{data.assignment.trackLabel}</h3>
                <div className="prose prose-slate max-w-none text-sm" dangerouslySetInnerHTML={{ __html: data.assignment.trackHtml }} />
              </div>
            ) : null}
          </section>
          <SubmissionHistory events={data.events} />
        </aside>
      </div>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
