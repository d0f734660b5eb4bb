import type { SubmissionResult } from '@conform-to/react'

/**
 * What every PDSA form post answers: which form it was, whether it landed, a sentence to show, and
 * Conform's result so the form shows its field errors and keeps what was typed.
 */
export type PdsaActionData = {
  ok: boolean
  form: string
  message: string
  result?: SubmissionResult<string[]>
}

/** The result for one form of a page with several: only the form that posted gets it. */
export function resultFor(data: PdsaActionData | undefined, form: string) {
  return data?.form === form ? data.result : undefined
}

/** A short text shown in place of a form for readers, or a dash when nothing is written yet. */
export function ReadOnlyText({ label, text }: { label: string; text: string }) {
  return (
    <div>
      <dt className="text-sm font-semibold text-slate-700">{label}</dt>
      <dd className="mt-1 whitespace-pre-wrap text-slate-900">{text || <span className="text-slate-600">Not written yet.</span>}</dd>
    </div>
  )
}
