import { getFormProps, getInputProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Form, Link } from '@remix-run/react'
import { ErrorList, Field, SelectField, SubmitButton, TextAreaField, VALIDATE_ON_BLUR } from '~/components/forms'
import { artifactPath } from '~/domain/artifacts'
import {
  cycleStage,
  dataPointSchema,
  latestObservationDate,
  MeasureSchema,
  PDSA_ACT_LABELS,
  PDSA_EARLIEST_DATE,
  PDSA_PHASE_LABELS,
  RampSchema,
  startsFromText,
  StartCycleSchema,
  type NextCycle,
  type PdsaAct,
} from '~/domain/pdsa'
import { RunChart, type RunChartPoint } from './run-chart'
import { ReadOnlyText } from './pdsa-fields'

export type RampCycle = {
  id: string
  number: number
  changeIdea: string
  prediction: string
  doNotes: string
  studyNotes: string
  act: PdsaAct | null
  actNotes: string
}

export type RampMeasure = { id: string; name: string; unit: string; points: RunChartPoint[] }

type LastResult = SubmissionResult<string[]> | undefined

const SECONDARY_BUTTON = 'rounded border border-brand-700 px-3 py-1.5 text-sm font-semibold text-brand-800 hover:bg-brand-50'

/** The problem, aim and linked fishbone: a form for the author, plain text for readers. */
export function RampDetails({
  title,
  ramp,
  fishbones,
  canEdit,
  lastResult,
}: {
  title: string
  ramp: { problem: string; aim: string; fishboneId: string | null; fishboneTitle: string | null }
  fishbones: { id: string; title: string }[]
  canEdit: boolean
  lastResult: LastResult
}) {
  const [form, fields] = useForm({
    id: 'ramp',
    lastResult,
    defaultValue: { title, problem: ramp.problem, aim: ramp.aim, fishboneId: ramp.fishboneId ?? '' },
    constraint: getZodConstraint(RampSchema),
    ...VALIDATE_ON_BLUR,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RampSchema }),
  })
  if (!canEdit) {
    return (
      <dl className="space-y-4">
        <ReadOnlyText label="Problem" text={ramp.problem} />
        <ReadOnlyText label="Aim" text={ramp.aim} />
        {ramp.fishboneId ? (
          <div>
            <dt className="text-sm font-semibold text-slate-700">Grew from the fishbone</dt>
            <dd className="mt-1">
              <Link to={artifactPath('fishbone', ramp.fishboneId)} className="text-brand-800 underline underline-offset-4">
                {ramp.fishboneTitle}
              </Link>
            </dd>
          </div>
        ) : null}
      </dl>
    )
  }
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <input type="hidden" name="intent" value="ramp" />
      <ErrorList id={form.errorId} errors={form.errors} />
      <Field label="Title" meta={fields.title} />
      <TextAreaField label="Problem" meta={fields.problem} rows={3} />
      <TextAreaField label="Aim" meta={fields.aim} hint="What will improve, by how much, by when, and for which students." rows={3} />
      {fishbones.length > 0 ? (
        <SelectField label="Grew from the fishbone" meta={fields.fishboneId} none="No fishbone" options={fishbones.map((f) => ({ value: f.id, label: f.title }))} />
      ) : null}
      <SubmitButton>Save problem and aim</SubmitButton>
    </Form>
  )
}

function stageText(cycle: RampCycle) {
  const stage = cycleStage(cycle)
  if (stage === 'done' && cycle.act) return `${PDSA_ACT_LABELS[cycle.act]}${cycle.actNotes ? ` — ${cycle.actNotes}` : ''}`
  return stage === 'done' ? 'Decided' : `Next: ${PDSA_PHASE_LABELS[stage]}`
}

export function CycleList({ artifactId, cycles }: { artifactId: string; cycles: RampCycle[] }) {
  if (cycles.length === 0) return <p className="text-slate-700">No cycles yet.</p>
  return (
    <ol className="space-y-3">
      {cycles.map((cycle) => (
        <li key={cycle.id} className="rounded border border-slate-200 bg-white p-4">
          <p className="font-semibold">
            <Link to={`/tools/pdsa/${artifactId}/cycles/${cycle.number}`} className="text-brand-800 underline underline-offset-4">
              Cycle {cycle.number}: {cycle.changeIdea}
            </Link>
          </p>
          <p className="mt-1 text-sm text-slate-700">
            {cycle.act ? 'Act: ' : ''}
            {stageText(cycle)}
          </p>
        </li>
      ))}
    </ol>
  )
}

/** "Start cycle N+1", following the chaining rule: what it starts from, or why it cannot start yet. */
export function StartCycleForm({ next, lastResult }: { next: NextCycle; lastResult: LastResult }) {
  const [form, fields] = useForm({
    id: 'start-cycle',
    lastResult,
    defaultValue: { changeIdea: next.allowed ? next.changeIdea : '' },
    constraint: getZodConstraint(StartCycleSchema),
    ...VALIDATE_ON_BLUR,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: StartCycleSchema }),
  })
  if (!next.allowed) return <p className="rounded bg-slate-100 p-3 text-slate-800">{next.message}</p>
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <h3 className="text-lg font-semibold">Start cycle {next.number}</h3>
      {next.from ? <p className="font-medium text-slate-800">{startsFromText(next.from)}</p> : null}
      {next.adapting ? (
        <p className="text-slate-800">
          <span className="font-semibold">What we are adapting:</span> {next.adapting}
        </p>
      ) : null}
      <input type="hidden" name="intent" value="start-cycle" />
      <ErrorList id={form.errorId} errors={form.errors} />
      <TextAreaField
        label={`Change idea for cycle ${next.number}`}
        meta={fields.changeIdea}
        hint={next.from?.act === 'abandon' ? 'The last idea was abandoned: name a different change to test.' : 'The change you will test, in a sentence.'}
      />
      <SubmitButton>Start cycle {next.number}</SubmitButton>
    </Form>
  )
}

function DataPointForm({ measure, cycles, today, lastResult }: { measure: RampMeasure; cycles: RampCycle[]; today: string; lastResult: LastResult }) {
  const schema = dataPointSchema(today)
  const [form, fields] = useForm({
    id: `point-${measure.id}`,
    lastResult,
    constraint: getZodConstraint(schema),
    ...VALIDATE_ON_BLUR,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const dateProps = getInputProps(fields.observedOn, { type: 'date' })
  return (
    <Form method="post" {...getFormProps(form)} aria-labelledby={`${form.id}-heading`} className="space-y-4 rounded border border-slate-200 p-4">
      <h4 id={`${form.id}-heading`} className="font-semibold">
        Add a data point to {measure.name}
      </h4>
      <input type="hidden" name="intent" value="add-point" />
      <input type="hidden" name="measureId" value={measure.id} />
      <ErrorList id={form.errorId} errors={form.errors} />
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={fields.observedOn.id} className="block text-sm font-semibold text-slate-800">
            Date
          </label>
          <input
            {...dateProps}
            key={dateProps.key}
            min={PDSA_EARLIEST_DATE}
            max={latestObservationDate(today)}
            className="block w-full rounded border border-slate-400 bg-white px-3 py-2 text-slate-900 aria-[invalid=true]:border-red-700"
          />
          <ErrorList id={fields.observedOn.errorId} errors={fields.observedOn.errors} />
        </div>
        <Field label={measure.unit ? `Value (${measure.unit})` : 'Value'} meta={fields.value} />
      </div>
      {cycles.length > 0 ? (
        <SelectField
          label="During cycle"
          meta={fields.cycleId}
          none="Not tied to a cycle"
          options={cycles.map((c) => ({ value: c.id, label: `Cycle ${c.number}: ${c.changeIdea.length > 60 ? `${c.changeIdea.slice(0, 59)}…` : c.changeIdea}` }))}
        />
      ) : null}
      <Field label="Note (optional)" meta={fields.note} />
      <SubmitButton>Add data point</SubmitButton>
    </Form>
  )
}

/** One measure: its run chart and table, and for the author the form that adds a point. */
export function MeasurePanel({
  measure,
  cycles,
  today,
  canEdit,
  lastResult,
}: {
  measure: RampMeasure
  cycles: RampCycle[]
  today: string
  canEdit: boolean
  lastResult: LastResult
}) {
  return (
    <section aria-labelledby={`measure-${measure.id}`} className="space-y-4 rounded-lg bg-white p-6 shadow-sm">
      <h3 id={`measure-${measure.id}`} className="text-lg font-semibold">
        {measure.name}
        {measure.unit ? <span className="font-normal text-slate-700"> ({measure.unit})</span> : null}
      </h3>
      <RunChart
        id={`chart-${measure.id}`}
        name={measure.name}
        unit={measure.unit}
        points={measure.points}
        rowAction={
          canEdit
            ? (point) => (
                <Form method="post">
                  <input type="hidden" name="intent" value="delete-point" />
                  <input type="hidden" name="pointId" value={point.id} />
                  <button type="submit" className="text-sm text-brand-800 underline underline-offset-4">
                    Remove<span className="sr-only"> the point of {point.observedOn} ({point.value})</span>
                  </button>
                </Form>
              )
            : undefined
        }
      />
      {canEdit ? <DataPointForm measure={measure} cycles={cycles} today={today} lastResult={lastResult} /> : null}
    </section>
  )
}

export function AddMeasureForm({ lastResult }: { lastResult: LastResult }) {
  const [form, fields] = useForm({
    id: 'add-measure',
    lastResult,
    constraint: getZodConstraint(MeasureSchema),
    ...VALIDATE_ON_BLUR,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: MeasureSchema }),
  })
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <h3 className="text-lg font-semibold">Add a measure</h3>
      <input type="hidden" name="intent" value="add-measure" />
      <ErrorList id={form.errorId} errors={form.errors} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Measure name" meta={fields.name} hint="What you count or rate, e.g. families at conferences." />
        <Field label="Unit (optional)" meta={fields.unit} hint="e.g. families, %, minutes." />
      </div>
      <button type="submit" className={SECONDARY_BUTTON}>
        Add measure
      </button>
    </Form>
  )
}
