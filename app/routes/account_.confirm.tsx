import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ErrorList, Field, SubmitButton, VALIDATE_ON_BLUR } from '~/components/forms'
import { PASSWORD_MAX, TotpCodeSchema } from '~/domain/account-schemas'
import { markReauthenticated } from '~/models/session.server'
import { signIn } from '~/utils/accounts.server'
import { requireUserSession, safeRedirect } from '~/utils/auth.server'
import { readForm } from '~/utils/request.server'
import { checkTotpCode, recordWrongCode } from '~/utils/second-factor.server'

export const meta: MetaFunction = () => [{ title: 'Confirm it is you · SILA Academy' }]

/** The code is asked only of people with an authenticator app; the action checks it is there. */
const ConfirmSchema = z.object({
  password: z.string({ required_error: 'Enter your password.' }).max(PASSWORD_MAX),
  code: TotpCodeSchema.optional(),
  redirectTo: z.string().optional(),
})

/** Asked before a change to email, password or second factor, so an unattended laptop cannot make one. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireUserSession(request)
  return json({ email: user.email, needsCode: user.secondFactorEnabled })
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, session } = await requireUserSession(request)
  const formData = await readForm(request)
  const submission = parseWithZod(formData, { schema: ConfirmSchema })
  const hideFields = ['password', 'code']
  if (submission.status !== 'success') return json(submission.reply({ hideFields }), { status: 400 })
  const { code } = submission.value
  if (user.secondFactorEnabled && code === undefined) {
    return json(submission.reply({ fieldErrors: { code: ['Enter the 6-digit code from your authenticator app.'] }, hideFields }), { status: 400 })
  }
  const checked = await signIn(request, user.email, submission.value.password, 'reauthentication')
  if (!checked.ok) {
    const message = checked.status === 429 ? checked.message : 'That is not your password.'
    return json(submission.reply({ formErrors: [message], hideFields }), { status: checked.status })
  }
  if (code !== undefined && user.secondFactorEnabled && !(await checkTotpCode({ userId: user.id, code }))) {
    const outcome = await recordWrongCode(request, session.id, user.id)
    if (outcome.ended) return redirect('/login?second-factor=ended', { headers: { 'Set-Cookie': outcome.setCookie } })
    const message = `That code did not match, or was already used. Wait for the next code and try again (${outcome.remaining} tries left).`
    return json(submission.reply({ formErrors: [message], hideFields }), { status: 400 })
  }
  await markReauthenticated({ id: session.id, at: new Date() })
  return redirect(safeRedirect(submission.value.redirectTo, '/account/security'))
}

export default function ConfirmItIsYou() {
  const { email, needsCode } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const [form, fields] = useForm({
    id: 'confirm-it-is-you',
    lastResult,
    constraint: getZodConstraint(ConfirmSchema),
    ...VALIDATE_ON_BLUR,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ConfirmSchema }),
  })
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-semibold text-slate-900">Confirm it is you</h1>
      <p className="mt-2 text-slate-700">
        Before you change how you sign in, enter your password{needsCode ? ' and a code from your authenticator app' : ''} again.
      </p>
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4 rounded-lg bg-white p-6 shadow-sm">
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field label="Password" meta={fields.password} type="password" autoComplete="current-password" />
        {needsCode ? <Field label="Code from your app" meta={fields.code} autoComplete="one-time-code" inputMode="numeric" /> : null}
        <div className="flex items-center justify-between gap-4">
          <SubmitButton>Confirm</SubmitButton>
          <Link to="/account" className="text-sm text-brand-700 underline underline-offset-4">
            Back to your account
          </Link>
        </div>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
