import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ActionMessage, ErrorList, Field, SelectField, SubmitButton, TextAreaField, VALIDATE_ON_BLUR } from '~/components/forms'
import { PageHeader } from '~/components/page-header'
import { AuditFindings } from '~/components/tools/audit-findings'
import { EquityQuestions } from '~/components/tools/equity-questions'
import { artifactPath } from '~/domain/artifacts'
import { CreatePdsaSchema, firstMessage, PDSA_EQUITY_PHASES, pdsaPrefill } from '~/domain/pdsa'
import { listArtifacts } from '~/models/artifact.server'
import { createPdsa } from '~/models/pdsa.server'
import { requireOwnFellowRecord } from '~/utils/artifacts.server'
import { loadAuditFindings } from '~/utils/equity-audit.server'
import { requireUser } from '~/utils/auth.server'
import { getEquityPhase } from '~/utils/content.server'
import { readForm } from '~/utils/request.server'

export const meta: MetaFunction = () => [{ title: 'Start PDSA cycles · SILA Academy' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const profile = await requireOwnFellowRecord(user)
  const [fishbones, audits] = await Promise.all([
    listArtifacts({ fellowId: profile.fellowId, kind: 'fishbone' }),
    loadAuditFindings({ fellowId: profile.fellowId, state: profile.state, viewer: 'author' }),
  ])
  return json({
    audits,
    prefill: pdsaPrefill(profile),
    position: profile.position,
    fishbones: fishbones.map((f) => ({ id: f.id, title: f.title })),
    aimQuestions: getEquityPhase(PDSA_EQUITY_PHASES.aim),
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const profile = await requireOwnFellowRecord(user)
  const submission = parseWithZod(await readForm(request), { schema: CreatePdsaSchema })
  if (submission.status !== 'success') {
    return json({ ok: false, message: firstMessage(submission.error), result: submission.reply() }, { status: 400 })
  }
  const { title, problem, aim, fishboneId, measureName, measureUnit } = submission.value
  const created = await createPdsa({
    fellowId: profile.fellowId,
    title,
    problem,
    aim,
    fishboneId: fishboneId ?? null,
    measure: measureName ? { name: measureName, unit: measureUnit } : null,
  })
  if (!created.ok) {
    const message = 'Choose one of your own fishbones, or none.'
    return json({ ok: false, message, result: submission.reply({ fieldErrors: { fishboneId: [message] } }) }, { status: 400 })
  }
  return redirect(artifactPath('pdsa', created.id))
}

export default function NewPdsa() {
  const { prefill, position, fishbones, aimQuestions, audits } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'create',
    lastResult: data?.result,
    defaultValue: { title: prefill.title, problem: prefill.problem, aim: '', fishboneId: '', measureName: '', measureUnit: '' },
    constraint: getZodConstraint(CreatePdsaSchema),
    ...VALIDATE_ON_BLUR,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreatePdsaSchema }),
  })
  return (
    <>
      <PageHeader title="Start PDSA cycles">
        <p>
          Plan, do, study, act: test one change idea at a time on your {position === 'principal' ? 'problem of practice' : 'project'}, and let each cycle start
          from what the last one taught you. <Link to="/tools" className="text-brand-800 underline underline-offset-4">Back to improvement tools</Link>
        </p>
      </PageHeader>
      <ActionMessage result={data} />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Form method="post" {...getFormProps(form)} className="space-y-5 rounded-lg bg-white p-6 shadow-sm">
          <ErrorList id={form.errorId} errors={form.errors} />
          <Field label="Title" meta={fields.title} />
          <TextAreaField label="Problem" meta={fields.problem} hint={prefill.hint} rows={4} />
          <TextAreaField label="Aim (optional)" meta={fields.aim} hint="What will improve, by how much, by when, and for which students." rows={3} />
          {fishbones.length > 0 ? (
            <SelectField
              label="Grew from the fishbone (optional)"
              meta={fields.fishboneId}
              none="No fishbone"
              options={fishbones.map((f) => ({ value: f.id, label: f.title }))}
              hint="Link the causal system analysis these changes answer."
            />
          ) : null}
          <fieldset className="space-y-4 border-t border-slate-200 pt-4">
            <legend className="pt-4 font-semibold">First measure (optional)</legend>
            <p className="text-sm text-slate-700">What you will count across cycles. Its data points make the run chart; you can add more measures later.</p>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field label="Measure name" meta={fields.measureName} />
              <Field label="Unit" meta={fields.measureUnit} hint="e.g. families, %, minutes." />
            </div>
          </fieldset>
          <SubmitButton>Start PDSA cycles</SubmitButton>
        </Form>
        <div className="space-y-6">
          <EquityQuestions phase={aimQuestions} />
          <AuditFindings audits={audits} heading="What your equity audits flagged" />
        </div>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
