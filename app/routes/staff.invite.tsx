import { getFormProps, getSelectProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ErrorList, Field, FormMessage, SubmitButton, VALIDATE_ON_BLUR } from '~/components/forms'
import { PageHeader } from '~/components/page-header'
import { InviteSchema } from '~/domain/account-schemas'
import { invitableRoles, ROLE_LABELS } from '~/domain/roles'
import { inviteUser } from '~/utils/accounts.server'
import { requireRole } from '~/utils/auth.server'
import { readForm } from '~/utils/request.server'

export const meta: MetaFunction = () => [{ title: 'Invite people · SILA Academy' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'staff', 'admin')
  return json({ roles: invitableRoles(user.role) })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'staff', 'admin')
  const formData = await readForm(request)
  const allowed = invitableRoles(user.role)
  const submission = parseWithZod(formData, {
    schema: InviteSchema.refine((v) => allowed.includes(v.role), {
      message: 'Your role cannot invite that role.',
      path: ['role'],
    }),
  })
  if (submission.status !== 'success') return json({ result: submission.reply(), invited: null }, { status: 400 })
  const result = await inviteUser(request, user, submission.value)
  if (!result.ok) {
    return json({ result: submission.reply({ fieldErrors: { email: [result.message] } }), invited: null }, { status: 409 })
  }
  return json({ result: submission.reply({ resetForm: true }), invited: submission.value.email })
}

export default function Invite() {
  const { roles } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'invite',
    lastResult: data?.result,
    constraint: getZodConstraint(InviteSchema),
    ...VALIDATE_ON_BLUR,
    defaultValue: { role: 'fellow' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema }),
  })
  return (
    <>
      <PageHeader title="Invite people">
        <p>
          The invitee receives a link, valid for 7 days and usable once, to set a password. Without a mail server
          the message waits in the outbox, where an administrator can read it.
        </p>
      </PageHeader>
      <div className="max-w-lg">
        {data?.invited ? (
          <div className="mb-4">
            <FormMessage tone="success">Invitation sent to {data.invited}.</FormMessage>
          </div>
        ) : null}
        <Form method="post" {...getFormProps(form)} className="space-y-4 rounded-lg bg-white p-6 shadow-sm">
          <ErrorList id={form.errorId} errors={form.errors} />
          <Field label="Full name" meta={fields.name} autoComplete="off" />
          <Field label="Email" meta={fields.email} type="email" autoComplete="off" />
          <div className="space-y-1">
            <label htmlFor={fields.role.id} className="block text-sm font-semibold text-slate-800">
              Role
            </label>
            <select
              {...getSelectProps(fields.role)}
              key={fields.role.key}
              className="block w-full rounded border border-slate-400 bg-white px-3 py-2"
            >
              {roles.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
            <ErrorList id={fields.role.errorId} errors={fields.role.errors} />
          </div>
          <SubmitButton pending={navigation.state === 'submitting'}>Send invitation</SubmitButton>
        </Form>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
