import { getCollectionProps, getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { ErrorList, SubmitButton, TextAreaField, VALIDATE_ON_BLUR } from '~/components/forms'
import { ActSchema, DoSchema, PDSA_ACT_LABELS, PDSA_ACT_MEANINGS, PDSA_ACTS, PlanSchema, StudySchema, type PdsaAct } from '~/domain/pdsa'
import { ReadOnlyText } from './pdsa-fields'

export type PdsaCycleDetail = {
  number: number
  changeIdea: string
  prediction: string
  planWho: string
  planWhat: string
  planWhen: string
  planWhere: string
  planMeasures: string
  doNotes: string
  studyNotes: string
  act: PdsaAct | null
  actNotes: string
}

type LastResult = SubmissionResult<string[]> | undefined

/** One phase of the cycle: its heading, what it asks, and its form (or text, for readers). */
export function PhaseCard({ id, title, lead, children }: { id: string; title: string; lead: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg bg-white p-6 shadow-sm">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{lead}</p>
      <div className="mt-4">{children}</div>
    </section>
  )
}

export function PlanForm({ cycle, adapting, lastResult }: { cycle: PdsaCycleDetail; adapting: string | null; lastResult: LastResult }) {
  const [form, fields] = useForm({
    id: 'plan',
    lastResult,
    defaultValue: {
      changeIdea: cycle.changeIdea,
      prediction: cycle.prediction,
      planWho: cycle.planWho,
      planWhat: cycle.planWhat,
      planWhen: cycle.planWhen,
      planWhere: cycle.planWhere,
      planMeasures: cycle.planMeasures,
    },
    constraint: getZodConstraint(PlanSchema),
    ...VALIDATE_ON_BLUR,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PlanSchema }),
  })
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <input type="hidden" name="intent" value="plan" />
      <ErrorList id={form.errorId} errors={form.errors} />
      {adapting ? (
        <p className="rounded bg-amber-50 p-3 text-slate-900">
          <span className="font-semibold">What we are adapting:</span> {adapting}
        </p>
      ) : null}
      <TextAreaField label="Change idea" meta={fields.changeIdea} hint="The change you are testing in this cycle." />
      <TextAreaField label="Prediction" meta={fields.prediction} hint="What you expect to happen, and why. Study checks the results against it." />
      <div className="grid gap-4 md:grid-cols-2">
        <TextAreaField label="Who" meta={fields.planWho} hint="Who runs the test, and with whom." rows={2} />
        <TextAreaField label="What" meta={fields.planWhat} hint="What exactly will be done." rows={2} />
        <TextAreaField label="When" meta={fields.planWhen} rows={2} />
        <TextAreaField label="Where" meta={fields.planWhere} rows={2} />
      </div>
      <TextAreaField label="Measures" meta={fields.planMeasures} hint="What you will count or collect to know what happened." rows={2} />
      <SubmitButton>Save plan</SubmitButton>
    </Form>
  )
}

export function DoForm({ cycle, lastResult }: { cycle: PdsaCycleDetail; lastResult: LastResult }) {
  const [form, fields] = useForm({
    id: 'do',
    lastResult,
    defaultValue: { doNotes: cycle.doNotes },
    constraint: getZodConstraint(DoSchema),
    ...VALIDATE_ON_BLUR,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: DoSchema }),
  })
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <input type="hidden" name="intent" value="do" />
      <ErrorList id={form.errorId} errors={form.errors} />
      <TextAreaField label="What happened" meta={fields.doNotes} hint="What you did, what you saw, and anything that did not go to plan." rows={5} />
      <SubmitButton>Save do notes</SubmitButton>
    </Form>
  )
}

export function StudyForm({ cycle, lastResult }: { cycle: PdsaCycleDetail; lastResult: LastResult }) {
  const [form, fields] = useForm({
    id: 'study',
    lastResult,
    defaultValue: { studyNotes: cycle.studyNotes },
    constraint: getZodConstraint(StudySchema),
    ...VALIDATE_ON_BLUR,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: StudySchema }),
  })
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <input type="hidden" name="intent" value="study" />
      <ErrorList id={form.errorId} errors={form.errors} />
      <div className="rounded bg-slate-50 p-3">
        <p className="text-sm font-semibold text-slate-700">The prediction</p>
        <p className="mt-1 whitespace-pre-wrap text-slate-900">{cycle.prediction || 'No prediction written in the plan yet.'}</p>
      </div>
      <TextAreaField label="Results against the prediction" meta={fields.studyNotes} hint="What the data and the people involved showed, and where that differs from what you predicted." rows={5} />
      <SubmitButton>Save study notes</SubmitButton>
    </Form>
  )
}

export function ActForm({ cycle, lastResult }: { cycle: PdsaCycleDetail; lastResult: LastResult }) {
  const [form, fields] = useForm({
    id: 'act',
    lastResult,
    defaultValue: { act: cycle.act ?? undefined, actNotes: cycle.actNotes },
    constraint: getZodConstraint(ActSchema),
    ...VALIDATE_ON_BLUR,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ActSchema }),
  })
  const choices = getCollectionProps(fields.act, { type: 'radio', options: [...PDSA_ACTS] })
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-4">
      <input type="hidden" name="intent" value="act" />
      <ErrorList id={form.errorId} errors={form.errors} />
      <fieldset aria-describedby={fields.act.errorId} className="space-y-2">
        <legend className="text-sm font-semibold text-slate-800">Decision</legend>
        {PDSA_ACTS.map((act, index) => {
          const props = choices[index]
          return (
            <div key={act} className="flex items-start gap-2">
              <input {...props} key={props.key} className="mt-1" />
              <label htmlFor={props.id}>
                <span className="font-semibold">{PDSA_ACT_LABELS[act]}</span>
                <span className="text-slate-700">: {PDSA_ACT_MEANINGS[act]}</span>
              </label>
            </div>
          )
        })}
        <ErrorList id={fields.act.errorId} errors={fields.act.errors} />
      </fieldset>
      <TextAreaField label="Notes on the decision" meta={fields.actNotes} hint="Why this decision; for adapt, what changes in the next cycle." rows={3} />
      <SubmitButton>Save decision</SubmitButton>
    </Form>
  )
}

/** The whole cycle as text, for the coach and staff who read it. */
export function CycleReadOnly({ cycle, phase }: { cycle: PdsaCycleDetail; phase: 'plan' | 'do' | 'study' | 'act' }) {
  if (phase === 'plan') {
    return (
      <dl className="space-y-4">
        <ReadOnlyText label="Change idea" text={cycle.changeIdea} />
        <ReadOnlyText label="Prediction" text={cycle.prediction} />
        <ReadOnlyText label="Who" text={cycle.planWho} />
        <ReadOnlyText label="What" text={cycle.planWhat} />
        <ReadOnlyText label="When" text={cycle.planWhen} />
        <ReadOnlyText label="Where" text={cycle.planWhere} />
        <ReadOnlyText label="Measures" text={cycle.planMeasures} />
      </dl>
    )
  }
  if (phase === 'do') {
    return (
      <dl>
        <ReadOnlyText label="What happened" text={cycle.doNotes} />
      </dl>
    )
  }
  if (phase === 'study') {
    return (
      <dl className="space-y-4">
        <ReadOnlyText label="The prediction" text={cycle.prediction} />
        <ReadOnlyText label="Results against the prediction" text={cycle.studyNotes} />
      </dl>
    )
  }
  return (
    <dl className="space-y-4">
      <ReadOnlyText label="Decision" text={cycle.act ? `${PDSA_ACT_LABELS[cycle.act]}: ${PDSA_ACT_MEANINGS[cycle.act]}` : ''} />
      <ReadOnlyText label="Notes on the decision" text={cycle.actNotes} />
    </dl>
  )
}
