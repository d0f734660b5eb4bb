import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { SetPasswordForm, tokenProblemMessage } from '~/components/set-password-form'
import { SetPasswordSchema } from '~/domain/account-schemas'
import { lookUpToken, redeemToken } from '~/utils/accounts.server'
import { readForm } from '~/utils/request.server'

export const meta: MetaFunction = () => [{ title: 'Choose a new password · SILA Academy' }]

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await lookUpToken(params.token ?? '', 'password_reset')
  if (!found.ok) return json({ problem: tokenProblemMessage(found.reason), email: null }, { status: 410 })
  return json({ problem: null, email: found.user.email })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readForm(request)
  const submission = parseWithZod(formData, { schema: SetPasswordSchema })
  if (submission.status !== 'success') {
    return json(submission.reply({ hideFields: ['password', 'confirm'] }), { status: 400 })
  }
  const result = await redeemToken(request, params.token ?? '', 'password_reset', submission.value.password)
  if (!result.ok) {
    return json(submission.reply({ formErrors: [tokenProblemMessage(result.reason)], hideFields: ['password', 'confirm'] }), {
      status: 410,
    })
  }
  return redirect('/login?reset=1')
}

export default function ResetPassword() {
  const { problem, email } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  if (problem || !email) {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="text-3xl font-semibold">This reset link cannot be used</h1>
        <p className="mt-4 text-slate-700">{problem}</p>
        <p className="mt-6">
          <Link to="/forgot-password" className="text-brand-700 underline underline-offset-4">Ask for a new link</Link>
        </p>
      </div>
    )
  }
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-semibold">Choose a new password</h1>
      <p className="mt-2 text-slate-700">For {email}. You will sign in again afterwards, everywhere.</p>
      <SetPasswordForm lastResult={lastResult} email={email} submitLabel="Save new password" />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
