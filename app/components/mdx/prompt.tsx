import { useFetcher } from '@remix-run/react'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { ANSWER_MAX_LENGTH } from '~/domain/reader'
import { useReader } from './reader-context'

const AUTOSAVE_DELAY_MS = 800
/** While the server says "try again" (the database is down), how long to wait between tries. */
const RETRY_DELAY_MS = 5_000

type SaveResult = { ok: true; promptId: string; savedAt: string } | { ok: false; promptId: string; error: string; retry?: true }

/**
 * A reflection prompt. The answer autosaves a moment after typing stops (and on leaving the
 * field); without JavaScript the same form posts with its Save button.
 */
export function Prompt({ id, children }: { id: string; children?: ReactNode }) {
  const { slug, mode, answers } = useReader()
  const fetcher = useFetcher<SaveResult>({ key: `prompt:${slug}:${id}` })
  const [value, setValue] = useState(answers[id] ?? '')
  const [unsaved, setUnsaved] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  /** Text typed but not yet sent, or sent and refused for now. */
  const pending = useRef<string | null>(null)
  /** The text in the box, for a retry that fires after later renders. */
  const latest = useRef(value)
  const fieldId = `prompt-${id}`
  const statusId = `${fieldId}-status`

  function save(body: string) {
    clearTimeout(timer.current)
    pending.current = null
    setUnsaved(false)
    fetcher.submit({ intent: 'save-answer', promptId: id, body }, { method: 'post', action: `/learn/${slug}` })
  }

  const result = fetcher.data?.promptId === id ? fetcher.data : undefined
  /** The server could not save for now (database outage): the text stays unsaved until a retry lands. */
  const refusedForNow = fetcher.state === 'idle' && result !== undefined && !result.ok && result.retry === true

  useEffect(() => {
    if (!refusedForNow) return
    // Keep the text as pending, so leaving the page still sends it, and try again in a while.
    pending.current = latest.current
    const retry = setTimeout(() => save(latest.current), RETRY_DELAY_MS)
    return () => clearTimeout(retry)
    // Once per refusal; save() is a new function every render and reads the text from a ref.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [refusedForNow])

  // Leaving the page with a save still waiting: send it anyway, so no typed word is lost.
  useEffect(() => {
    function flush() {
      if (pending.current === null) return
      navigator.sendBeacon(`/learn/${slug}`, new URLSearchParams({ intent: 'save-answer', promptId: id, body: pending.current }))
      pending.current = null
    }
    window.addEventListener('pagehide', flush)
    return () => {
      window.removeEventListener('pagehide', flush)
      clearTimeout(timer.current)
    }
  }, [slug, id])

  let status = ''
  if (mode === 'read') status = ''
  else if (unsaved) status = 'Unsaved changes'
  else if (fetcher.state !== 'idle') status = 'Saving…'
  else if (result && !result.ok) status = result.error
  else if (result?.ok) status = 'Saved'

  return (
    <fetcher.Form method="post" action={`/learn/${slug}`} className="not-prose my-8 rounded-lg border border-brand-100 bg-brand-50 p-5" onSubmit={() => setUnsaved(false)}>
      <input type="hidden" name="intent" value="save-answer" />
      <input type="hidden" name="promptId" value={id} />
      <label htmlFor={fieldId} className="block font-semibold text-slate-900">
        <span className="mb-1 block text-sm font-semibold uppercase tracking-wide text-brand-700">Reflection</span>
        {children}
      </label>
      {mode === 'edit' ? (
        <>
          <textarea
            id={fieldId}
            name="body"
            rows={6}
            maxLength={ANSWER_MAX_LENGTH}
            value={value}
            aria-describedby={statusId}
            onChange={(event) => {
              const next = event.currentTarget.value
              setValue(next)
              latest.current = next
              setUnsaved(true)
              pending.current = next
              clearTimeout(timer.current)
              timer.current = setTimeout(() => save(next), AUTOSAVE_DELAY_MS)
            }}
            onBlur={() => {
              if (unsaved) save(value)
            }}
            className="mt-3 block w-full rounded border border-slate-400 bg-white p-3 text-base text-slate-900"
          />
          <div className="mt-2 flex items-center justify-between gap-4">
            <p id={statusId} role="status" aria-live="polite" className={`text-sm ${result && !result.ok ? 'font-semibold text-red-800' : 'text-slate-700'}`}>
              {status}
            </p>
            <button type="submit" className="rounded border border-brand-700 bg-white px-3 py-1.5 text-sm font-semibold text-brand-800 hover:bg-brand-50">
              Save answer
            </button>
          </div>
        </>
      ) : (
        <div id={fieldId} className="mt-3 whitespace-pre-wrap rounded border border-slate-200 bg-white p-3 text-slate-800">
          {answers[id] ? answers[id] : <span className="text-slate-600">No answer yet.</span>}
        </div>
      )}
    </fetcher.Form>
  )
}
