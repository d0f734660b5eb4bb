import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from '@conform-to/react'
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
  const shown = errors?.filter(Boolean) ?? []
  if (shown.length === 0) return <div id={id} />
  return (
    <ul id={id} className="mt-1 space-y-1 text-sm font-medium text-red-800">
      {shown.map((error) => (
        <li key={error}>{error}</li>
      ))}
    </ul>
  )
}

type InputType = 'text' | 'email' | 'password' | 'search' | 'date' | 'number' | 'hidden'

const CONTROL = 'block w-full rounded border border-slate-400 bg-white px-3 py-2 text-slate-900 aria-[invalid=true]:border-red-700'

/** The frame every field shares: its label, an optional hint that the control points to, and its announced errors. */
function Labelled({ label, meta, hint, children }: { label: ReactNode; meta: FieldMetadata<string | undefined>; hint?: string; children: ReactNode }) {
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
      {children}
      <ErrorList id={meta.errorId} errors={meta.errors} />
    </div>
  )
}

/** A labelled input whose errors are announced: aria-invalid and aria-describedby come from Conform. */
export function Field({
  label,
  meta,
  type = 'text',
  autoComplete,
  inputMode,
  hint,
}: {
  label: ReactNode
  meta: FieldMetadata<string>
  type?: InputType
  autoComplete?: string
  inputMode?: 'numeric' | 'text' | 'email'
  hint?: string
}) {
  const inputProps = getInputProps(meta, { type, ariaDescribedBy: hint ? meta.descriptionId : undefined })
  return (
    <Labelled label={label} meta={meta} hint={hint}>
      <input {...inputProps} key={inputProps.key} autoComplete={autoComplete} inputMode={inputMode} className={CONTROL} />
    </Labelled>
  )
}

/** The multi-line partner of `Field`. */
export function TextAreaField({ label, meta, hint, rows = 3 }: { label: string; meta: FieldMetadata<string | undefined>; hint?: string; rows?: number }) {
  const props = getTextareaProps(meta, { ariaDescribedBy: hint ? meta.descriptionId : undefined })
  return (
    <Labelled label={label} meta={meta} hint={hint}>
      <textarea {...props} key={props.key} rows={rows} className={CONTROL} />
    </Labelled>
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
    <Labelled label={label} meta={meta} hint={hint}>
      <select {...props} key={props.key} className={CONTROL}>
        <option value="">{none}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Labelled>
  )
}

export function SubmitButton({ children, pending }: { children: ReactNode; pending?: boolean }) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
    >
      {children}
    </button>
  )
}

export function FormMessage({ tone, children }: { tone: 'error' | 'success'; children: ReactNode }) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={`rounded border px-4 py-3 text-sm ${
        tone === 'error' ? 'border-red-300 bg-red-50 text-red-900' : 'border-emerald-300 bg-emerald-50 text-emerald-900'
      }`}
    >
      {children}
    </div>
  )
}

/** The outcome of a form post that answers { ok, message }, shown above the form. */
export function ActionMessage({ result }: { result: { ok: boolean; message: string } | undefined }) {
  if (!result) return null
  return (
    <div className="mb-4">
      <FormMessage tone={result.ok ? 'success' : 'error'}>{result.message}</FormMessage>
    </div>
  )
}

/** A one-field form inside a table row: a labelled select and a button that names its row. */
export function RowSelectForm({
  fields,
  name,
  label,
  defaultValue,
  options,
  button,
}: {
  fields: Record<string, string>
  name: string
  label: string
  defaultValue: string
  options: { value: string; label: string; disabled?: boolean }[]
  button: string
}) {
  const id = `${name}-${Object.values(fields).join('-')}`
  return (
    <Form method="post" className="flex items-center gap-2">
      {Object.entries(fields).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <label htmlFor={id} className="sr-only">{label}</label>
      <select id={id} name={name} defaultValue={defaultValue} className="rounded border border-slate-400 px-2 py-1">
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded border border-slate-400 px-2 py-1">
        {button}
        <span className="sr-only">: {label}</span>
      </button>
    </Form>
  )
}

/**
 * When every form checks its fields: first when a field loses focus, then, once checked (or after
 * the server answered), as the person types. Checking again on blur after an error moved the
 * submit button as the error list emptied between mouse-down and mouse-up, so the click that
 * blurred the field never reached the button, and a corrected form needed a second click.
 */
export const VALIDATE_ON_BLUR = { shouldValidate: 'onBlur', shouldRevalidate: 'onInput' } as const
