import { getFormProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { ErrorList } from '~/components/forms'
import { FellowRecordSchema } from '~/domain/people'

type Option = { value: string; label: string }
type PlacementName = 'cohortId' | 'schoolId' | 'position' | 'programYear'
type PlacementIntent = 'change-cohort' | 'change-school' | 'change-position' | 'change-year'

/**
 * One placement change: a labelled select (optionally in option groups), a hint of what the change
 * does, its errors announced, and a button that names it. Validated by the route's own schema.
 */
export function PlacementForm({
  intent,
  name,
  label,
  button,
  current,
  options,
  groups,
  hint,
  lastResult,
}: {
  intent: PlacementIntent
  name: PlacementName
  label: string
  button: string
  current: string
  options?: Option[]
  groups?: { label: string; options: Option[] }[]
  hint?: string
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const [form, fields] = useForm({
    id: `placement-${intent}`,
    lastResult,
    defaultValue: { [name]: current },
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: FellowRecordSchema }),
  })
  const meta = fields[name]
  const selectProps = getSelectProps(meta, { ariaDescribedBy: hint ? meta.descriptionId : undefined })
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-2 rounded border border-slate-200 p-4">
      <input type="hidden" name="intent" value={intent} />
      <label htmlFor={meta.id} className="block font-semibold text-slate-800">
        {label}
      </label>
      {hint ? (
        <p id={meta.descriptionId} className="text-sm text-slate-700">
          {hint}
        </p>
      ) : null}
      <select {...selectProps} key={selectProps.key} className="block w-full rounded border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700">
        {options?.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {groups?.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <ErrorList id={meta.errorId} errors={meta.errors} />
      <ErrorList id={form.errorId} errors={form.errors} />
      <button type="submit" className="rounded border border-brand-700 bg-white px-3 py-1.5 font-semibold text-brand-800 hover:bg-brand-50">
        {button}
      </button>
    </Form>
  )
}
