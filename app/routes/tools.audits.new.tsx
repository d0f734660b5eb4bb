import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Field, SubmitButton } from '~/components/forms'
import { PageHeader, STATE_NAMES } from '~/components/page-header'
import { ARTIFACT_TITLE_MAX, artifactPath } from '~/domain/artifacts'
import { SCHOOL_YEAR, schoolYearOf } from '~/domain/equity-audit'
import { academyDate } from '~/domain/schedule'
import { createAudit } from '~/models/equity-audit.server'
import { requireUser } from '~/utils/auth.server'
import { requireOwnFellowRecord } from '~/utils/artifacts.server'
import { readForm } from '~/utils/request.server'

export const meta: MetaFunction = () => [{ title: 'New equity audit · SILA Academy' }]

const NewAuditSchema = z.object({
  title: z.string({ required_error: 'Give the audit a title.' }).trim().min(1, 'Give the audit a title.').max(ARTIFACT_TITLE_MAX, `Keep the title under ${ARTIFACT_TITLE_MAX} characters.`),
  schoolYear: z.string({ required_error: 'Say which school year the data are from, such as 2026–27.' }).trim().regex(SCHOOL_YEAR, 'Write the school year like 2026–27.'),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const profile = await requireOwnFellowRecord(await requireUser(request))
  return json({ school: profile.schoolName, state: profile.state, schoolYear: schoolYearOf(academyDate(new Date())) })
}

export async function action({ request }: ActionFunctionArgs) {
  const profile = await requireOwnFellowRecord(await requireUser(request))
  const submission = parseWithZod(await readForm(request), { schema: NewAuditSchema })
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const id = await createAudit({ fellowId: profile.fellowId, title: submission.value.title, schoolYear: submission.value.schoolYear.replace('-', '–') })
  return redirect(artifactPath('equity_audit', id))
}

export default function NewAudit() {
  const { school, state, schoolYear } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useForm({
    lastResult,
    constraint: getZodConstraint(NewAuditSchema),
    defaultValue: { title: `Equity audit of ${school}, ${schoolYear}`, schoolYear },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NewAuditSchema }),
    shouldRevalidate: 'onInput',
  })
  return (
    <>
      <PageHeader title="New equity audit">
        <p>
          Of {school} ({STATE_NAMES[state]}). You will enter counts per student group — how many are enrolled and how many have each
          outcome — never anything about a single student.
        </p>
      </PageHeader>
      <Form method="post" {...getFormProps(form)} className="max-w-xl space-y-4 rounded-lg bg-white p-6 shadow-sm">
        <Field label="Title" meta={fields.title} />
        <Field label="School year of the data" meta={fields.schoolYear} hint="As schools write it, such as 2026–27." />
        <SubmitButton>Create the audit</SubmitButton>
      </Form>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
