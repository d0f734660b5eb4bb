import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ErrorList, Field, FormMessage, SubmitButton, VALIDATE_ON_BLUR } from '~/components/forms'
import { ForgotPasswordSchema } from '~/domain/account-schemas'
import { requestPasswordReset } from '~/utils/accounts.server'
import { requireAnonymous } from '~/utils/auth.server'
import { readForm } from '~/utils/request.server'

export const meta: MetaFunction = () => [{ title: 'Forgot your password · SILA Academy' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  return json({})
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request)
  const submission = parseWithZod(formData, { schema: ForgotPasswordSchema })
  if (submission.status !== 'success') {
    return json({ result: submission.reply(), sent: false }, { status: 400 })
  }
  await requestPasswordReset(request, submission.value.email)
  return json({ result: submission.reply({ resetForm: true }), sent: true })
}

export default function ForgotPassword() {
  const data = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'forgot-password',
    lastResult: data?.result,
    constraint: getZodConstraint(ForgotPasswordSchema),
    ...VALIDATE_ON_BLUR,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotPasswordSchema }),
  })
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-semibold">Forgot your password?</h1>
      <p className="mt-2 text-slate-700">
        Enter the email you sign in with. If it belongs to an account, we will send a link to choose a new
        password. The link works once, for one hour.
      </p>
      {data?.sent ? (
        <div className="mt-6">
          <FormMessage tone="success">
            If that email belongs to an account, a reset link is on its way. Check your inbox.
          </FormMessage>
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4 rounded-lg bg-white p-6 shadow-sm">
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field label="Email" meta={fields.email} type="email" autoComplete="username" />
        <div className="flex items-center justify-between gap-4">
          <SubmitButton pending={navigation.state === 'submitting'}>Send reset link</SubmitButton>
          <Link to="/login" className="text-sm text-brand-700 underline underline-offset-4">Back to sign in</Link>
        </div>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
