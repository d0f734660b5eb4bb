import { Form, Link, useActionData, useFetcher, useNavigation } from '@remix-run/react'
import { useState } from 'react'
import { STATE_LABELS, SUBMISSION_BODY_MAX, type SubmissionState } from '~/domain/submission-state'
import { ARTIFACT_LABELS, artifactPath, type ArtifactKind } from '~/domain/artifacts'
import { FormMessage } from './forms'

type ActionData = { ok: boolean; intent: string; message: string }

function useResult(...intents: string[]) {
  const data = useActionData<ActionData>()
  return data && intents.includes(data.intent) ? data : undefined
}

/** The outcome of the page's last action, when it came from one of `intents`. */
export function Result({ intents }: { intents: string[] }) {
  const result = useResult(...intents)
  if (!result) return null
  return <FormMessage tone={result.ok ? 'success' : 'error'}>{result.message}</FormMessage>
}

/** The fellow's Markdown text with a preview rendered by the server's sanitiser, a save and a submit. */
export function SubmissionEditor({ body, status }: { body: string; status: SubmissionState }) {
  const [text, setText] = useState(body)
  const preview = useFetcher<{ html: string }>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  return (
    <section aria-labelledby="editor-heading" className="rounded-lg bg-white p-6 shadow-sm">
      <h2 id="editor-heading" className="text-xl font-semibold">Your work</h2>
      <p className="mt-1 text-sm text-slate-700">
        Write in Markdown: **bold**, *italic*, lists with “- ”, headings with “## ”. {status === 'returned' ? 'Revise it using the feedback, then resubmit.' : ''}
      </p>
      <Form method="post" className="mt-4 space-y-3">
        <label htmlFor="submission-body" className="sr-only">Your work, in Markdown</label>
        <textarea
          id="submission-body"
          name="body"
          rows={16}
          maxLength={SUBMISSION_BODY_MAX}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          className="block w-full rounded border border-slate-400 p-3 font-mono text-sm"
        />
        <div className="flex flex-wrap gap-3">
          <button type="submit" name="intent" value="save-draft" disabled={busy} className="rounded border border-brand-700 px-4 py-2 font-semibold text-brand-800">
            Save draft
          </button>
          <button
            type="button"
            onClick={() => preview.submit({ text }, { method: 'post', action: '/markdown-preview' })}
            className="rounded border border-slate-400 px-4 py-2 font-semibold text-slate-800"
          >
            Preview
          </button>
          <button type="submit" name="intent" value="submit" disabled={busy} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {status === 'returned' ? 'Resubmit for review' : 'Submit for review'}
          </button>
        </div>
      </Form>
      {preview.data ? (
        <section aria-label="Preview" aria-live="polite" className="mt-4 rounded border border-dashed border-slate-400 p-4">
          <p className="text-sm font-semibold text-slate-600">Preview: how reviewers will see it</p>
          <div className="prose prose-slate mt-2 max-w-none" dangerouslySetInnerHTML={{ __html: preview.data.html }} />
        </section>
      ) : null}
    </section>
  )
}

type FileRow = { id: string; fileName: string; contentType: string; sizeBytes: number }
type ArtifactRow = { id: string; kind: ArtifactKind; title: string; attached: boolean }


function size(bytes: number) {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

export function AttachmentList({ submissionId, files, artifacts, canEdit }: { submissionId: string; files: FileRow[]; artifacts: ArtifactRow[]; canEdit: boolean }) {
  return (
    <section aria-labelledby="attachments-heading" className="rounded-lg bg-white p-6 shadow-sm">
      <h2 id="attachments-heading" className="text-xl font-semibold">Attachments</h2>
      <Result intents={['upload', 'remove-file', 'attach-artifacts']} />
      {files.length === 0 ? <p className="mt-2 text-slate-700">No files attached.</p> : null}
      <ul className="mt-2 space-y-2">
        {files.map((file) => (
          <li key={file.id} className="flex flex-wrap items-center gap-3">
            <a href={`/submissions/${submissionId}/files/${file.id}`} className="text-brand-700 underline underline-offset-4">
              {file.fileName}
            </a>
            <span className="text-sm text-slate-600">{size(file.sizeBytes)}</span>
            {canEdit ? (
              <Form method="post">
                <input type="hidden" name="intent" value="remove-file" />
                <input type="hidden" name="fileId" value={file.id} />
                <button type="submit" className="text-sm text-red-800 underline">
                  Remove<span className="sr-only"> {file.fileName}</span>
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <Form method="post" encType="multipart/form-data" className="mt-4 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="attachment" className="block text-sm font-semibold">Attach a file (PDF, DOCX or image, up to 10 MB)</label>
            <input id="attachment" type="file" name="file" accept=".pdf,.docx,image/png,image/jpeg,image/gif,image/webp" className="mt-1 block text-sm" />
          </div>
          <button type="submit" className="rounded border border-brand-700 px-3 py-1.5 text-sm font-semibold text-brand-800">Upload</button>
        </Form>
      ) : null}
      <h3 className="mt-6 font-semibold">Your improvement work</h3>
      {artifacts.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">
          {canEdit ? (
            <>
              Equity audits, fishbones and PDSA cycles you build in the{' '}
              <Link to="/tools" className="text-brand-700 underline underline-offset-4">improvement tools</Link> can be attached here.
            </>
          ) : (
            'None attached.'
          )}
        </p>
      ) : canEdit ? (
        <Form method="post" className="mt-2 space-y-2">
          <input type="hidden" name="intent" value="attach-artifacts" />
          <fieldset>
            <legend className="sr-only">Choose the work to attach</legend>
            {artifacts.map((a) => (
              <label key={a.id} className="flex items-center gap-2">
                <input type="checkbox" name="artifactIds" value={a.id} defaultChecked={a.attached} />
                {ARTIFACT_LABELS[a.kind]}: {a.title}
              </label>
            ))}
          </fieldset>
          <button type="submit" className="rounded border border-brand-700 px-3 py-1.5 text-sm font-semibold text-brand-800">Save attached work</button>
        </Form>
      ) : (
        <ul className="mt-1 list-disc pl-5">
          {artifacts.map((a) => (
            <li key={a.id}>
              {ARTIFACT_LABELS[a.kind]}:{' '}
              <Link to={artifactPath(a.kind, a.id)} className="text-brand-700 underline underline-offset-4">
                {a.title}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

export function ReviewForm({ fellowName }: { fellowName: string }) {
  return (
    <section aria-labelledby="review-heading" className="rounded-lg border-2 border-brand-600 bg-white p-6">
      <h2 id="review-heading" className="text-xl font-semibold">Review</h2>
      <p className="mt-1 text-sm text-slate-700">Your feedback goes to {fellowName} beside the work. Markdown works here too.</p>
      <Form method="post" className="mt-4 space-y-4">
        <input type="hidden" name="intent" value="review" />
        <div>
          <label htmlFor="feedback" className="block font-semibold">Feedback</label>
          <textarea id="feedback" name="feedback" rows={8} maxLength={20_000} className="mt-1 block w-full rounded border border-slate-400 p-3" />
        </div>
        <fieldset>
          <legend className="font-semibold">Decision</legend>
          <label className="mt-1 flex items-center gap-2">
            <input type="radio" name="decision" value="accept" /> Accept
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="decision" value="return" /> Return for revision (feedback required)
          </label>
        </fieldset>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">Send review</button>
      </Form>
    </section>
  )
}

type EventRow = { id: string; fromStatus: SubmissionState | null; toStatus: SubmissionState; createdAt: string; actorName: string | null; feedbackHtml: string | null }

export function SubmissionHistory({ events }: { events: EventRow[] }) {
  return (
    <section aria-labelledby="history-heading" className="rounded-lg bg-white p-5 shadow-sm">
      <h2 id="history-heading" className="text-lg font-semibold">History</h2>
      <ol className="mt-2 space-y-3">
        {events.map((e) => (
          <li key={e.id} className="border-l-2 border-slate-300 pl-3">
            <p className="font-semibold">{STATE_LABELS[e.toStatus]}</p>
            <p className="text-sm text-slate-700">
              {e.actorName ?? 'Someone'} · <time dateTime={e.createdAt}>{new Date(e.createdAt).toISOString().replace('T', ' ').slice(0, 16)} UTC</time>
            </p>
            {e.feedbackHtml ? <div className="prose prose-sm prose-slate mt-1 max-w-none" dangerouslySetInnerHTML={{ __html: e.feedbackHtml }} /> : null}
          </li>
        ))}
      </ol>
    </section>
  )
}
