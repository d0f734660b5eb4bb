import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { SetPasswordForm, tokenProblemMessage } from '~/components/set-password-form'
import { SetPasswordSchema } from '~/domain/account-schemas'
import { homePathFor } from '~/domain/roles'
import { afterPassword, secondFactorStep } from '~/domain/session-rules'
import { lookUpToken, redeemToken } from '~/utils/accounts.server'
import { createUserSession } from '~/utils/session.server'
import { readForm } from '~/utils/request.server'

export const meta: MetaFunction = () => [{ title: 'Accept your invitation · SILA Academy' }]

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await lookUpToken(params.token ?? '', 'invitation')
  if (!found.ok) return json({ problem: tokenProblemMessage(found.reason), user: null }, { status: 410 })
  return json({ problem: null, user: { name: found.user.name, email: found.user.email } })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const formData = await readForm(request)
  const submission = parseWithZod(formData, { schema: SetPasswordSchema })
  if (submission.status !== 'success') {
    return json(submission.reply({ hideFields: ['password', 'confirm'] }), { status: 400 })
  }
  const result = await redeemToken(request, params.token ?? '', 'invitation', submission.value.password)
  if (!result.ok) {
    return json(submission.reply({ formErrors: [tokenProblemMessage(result.reason)], hideFields: ['password', 'confirm'] }), {
      status: 410,
    })
  }
  const cookie = await createUserSession(request, result.user.id, { secondFactorVerified: false, reauthenticated: true })
  const step = secondFactorStep({ role: result.user.role, secondFactorEnabled: false }, false)
  return redirect(afterPassword(step, homePathFor(result.user.role)), { headers: { 'Set-Cookie': cookie } })
}

export default function AcceptInvitation() {
  const { problem, user } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  if (problem || !user) {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="text-3xl font-semibold">This invitation cannot be used</h1>
        <p className="mt-4 text-slate-700">{problem}</p>
        <p className="mt-4 text-slate-700">Ask academy staff to send you a new invitation.</p>
        <p className="mt-6">
          <Link to="/login" className="text-brand-700 underline underline-offset-4">Go to sign in</Link>
        </p>
      </div>
    )
  }
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-semibold">{`Welcome, ${user.name}`}</h1>
      <p className="mt-2 text-slate-700">
        Choose a password for <strong>{user.email}</strong> to finish joining the SILA Academy.
      </p>
      <SetPasswordForm lastResult={lastResult} email={user.email} submitLabel="Set password and sign in" />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
