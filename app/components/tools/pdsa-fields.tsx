import { getSelectProps, getTextareaProps, type FieldMetadata, type SubmissionResult } from '@conform-to/react'
import { ErrorList } from '~/components/forms'

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

const CONTROL = 'block w-full rounded border border-slate-400 bg-white px-3 py-2 text-slate-900 aria-[invalid=true]:border-red-700'

/** A labelled textarea whose errors are announced, the multi-line partner of `Field`. */
export function TextAreaField({
  label,
  meta,
  hint,
  rows = 3,
}: {
  label: string
  meta: FieldMetadata<string | undefined>
  hint?: string
  rows?: number
}) {
  const props = getTextareaProps(meta, { ariaDescribedBy: hint ? meta.descriptionId : undefined })
  return (
    <div className="space-y-1">
      <label htmlFor={meta.id} className="block text-sm font-semibold text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={meta.descriptionId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <textarea {...props} key={props.key} rows={rows} className={CONTROL} />
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  )
}

/** A labelled select with a "none" choice first. */
export function SelectField({
  label,
  meta,
  options,
  none,
  hint,
}: {
  label: string
  meta: FieldMetadata<string | undefined>
  options: { value: string; label: string }[]
  none: string
  hint?: string
}) {
  const props = getSelectProps(meta, { ariaDescribedBy: hint ? meta.descriptionId : undefined })
  return (
    <div className="space-y-1">
      <label htmlFor={meta.id} className="block text-sm font-semibold text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={meta.descriptionId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <select {...props} key={props.key} className={CONTROL}>
        <option value="">{none}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  )
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
