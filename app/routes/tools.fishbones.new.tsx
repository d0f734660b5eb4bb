import { getFormProps, getTextareaProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ErrorList, Field, SubmitButton, VALIDATE_ON_BLUR } from '~/components/forms'
import { PageHeader } from '~/components/page-header'
import { AuditFindings } from '~/components/tools/audit-findings'
import { EquityQuestions } from '~/components/tools/equity-questions'
import { artifactPath } from '~/domain/artifacts'
import { DEFAULT_BONES, FISHBONE_LIMITS, NewFishboneSchema } from '~/domain/fishbone'
import { createFishbone } from '~/models/fishbone.server'
import { requireUser } from '~/utils/auth.server'
import { requireOwnFellowRecord } from '~/utils/artifacts.server'
import { loadAuditFindings } from '~/utils/equity-audit.server'
import { getEquityPhase } from '~/utils/content.server'
import { readForm } from '~/utils/request.server'

export const meta: MetaFunction = () => [{ title: 'New fishbone · SILA Academy' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const profile = await requireOwnFellowRecord(user)
  const audits = await loadAuditFindings({ fellowId: profile.fellowId, state: profile.state, viewer: 'author' })
  return json({ phase: getEquityPhase('understand-the-system'), audits })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const profile = await requireOwnFellowRecord(user)
  const submission = parseWithZod(await readForm(request), { schema: NewFishboneSchema })
  if (submission.status !== 'success') return json({ result: submission.reply() }, { status: 400 })
  const id = await createFishbone({ fellowId: profile.fellowId, ...submission.value })
  return redirect(artifactPath('fishbone', id))
}

export default function NewFishbone() {
  const { phase, audits } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'new-fishbone',
    lastResult: data?.result,
    constraint: getZodConstraint(NewFishboneSchema),
    ...VALIDATE_ON_BLUR,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewFishboneSchema }),
  })
  const problemProps = getTextareaProps(fields.problem, { ariaDescribedBy: fields.problem.descriptionId })
  return (
    <>
      <PageHeader title="New fishbone">
        <p>
          A causal system analysis: the problem at the head, its causes along the bones, each placed in people or in the
          system. It starts with six bones ({DEFAULT_BONES.join('; ')}); you can rename, reorder or remove them.
        </p>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Form method="post" {...getFormProps(form)} className="space-y-4 rounded-lg bg-white p-6 shadow-sm">
          <ErrorList id={form.errorId} errors={form.errors} />
          <Field label="Title" meta={fields.title} autoComplete="off" hint="A short name you will recognise, such as “Ninth-grade attendance”." />
          <div className="space-y-1">
            <label htmlFor={fields.problem.id} className="block text-sm font-semibold text-slate-800">
              Problem statement
            </label>
            <p id={fields.problem.descriptionId} className="text-sm text-slate-600">
              Describe what is happening to students, as a pattern you can see in your data rather than a person to blame
              (up to {FISHBONE_LIMITS.problem} characters).
            </p>
            <textarea
              {...problemProps}
              key={problemProps.key}
              rows={4}
              className="block w-full rounded border border-slate-400 bg-white px-3 py-2 text-slate-900 aria-[invalid=true]:border-red-700"
            />
            <ErrorList id={fields.problem.errorId} errors={fields.problem.errors} />
          </div>
          <div className="flex flex-wrap items-center gap-4">
            <SubmitButton pending={navigation.state === 'submitting'}>Start the fishbone</SubmitButton>
            <Link to="/tools" className="text-brand-800 underline underline-offset-4">
              Back to improvement tools
            </Link>
          </div>
        </Form>
        <div className="space-y-6">
          <EquityQuestions phase={phase} only={['locate-the-problem', 'not-served']} />
          <AuditFindings audits={audits} heading="What your equity audits flagged" />
        </div>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
