import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ErrorList, Field, FormMessage, SubmitButton, VALIDATE_ON_BLUR } from '~/components/forms'
import { PageHeader } from '~/components/page-header'
import { RecoveryCodes } from '~/components/recovery-codes'
import { SetPasswordForm } from '~/components/set-password-form'
import { EmailSchema, SetPasswordSchema } from '~/domain/account-schemas'
import { requiresSecondFactor } from '~/domain/session-rules'
import { writeAudit } from '~/models/audit-log.server'
import { countUnusedRecoveryCodes, removeSecondFactor } from '~/models/second-factor.server'
import { changeEmail, replacePassword } from '~/utils/accounts.server'
import { requireRecentAuthentication } from '~/utils/auth.server'
import { clientAddress, readForm } from '~/utils/request.server'
import { regenerateRecoveryCodes } from '~/utils/second-factor.server'
import { createUserSession } from '~/utils/session.server'

export const meta: MetaFunction = () => [{ title: 'Sign-in and security · SILA Academy' }]

const EmailChangeSchema = z.object({ intent: z.literal('email'), email: EmailSchema })
const PasswordChangeSchema = SetPasswordSchema.and(z.object({ intent: z.literal('password') }))
const FactorSchema = z.object({ intent: z.enum(['recovery-codes', 'remove-factor']) })

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireRecentAuthentication(request)
  return json({
    email: user.email,
    secondFactorEnabled: user.secondFactorEnabled,
    secondFactorRequired: requiresSecondFactor(user.role),
    recoveryCodesLeft: user.secondFactorEnabled ? await countUnusedRecoveryCodes({ userId: user.id }) : 0,
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireRecentAuthentication(request)
  const formData = await readForm(request)
  const intent = formData.get('intent')
  if (intent === 'email') {
    const submission = parseWithZod(formData, { schema: EmailChangeSchema })
    if (submission.status !== 'success') return json({ intent, result: submission.reply(), codes: null, done: false }, { status: 400 })
    if (!(await changeEmail(request, user, submission.value.email))) {
      return json({ intent, result: submission.reply({ fieldErrors: { email: ['Another account already uses this address.'] } }), codes: null, done: false }, { status: 400 })
    }
    return json({ intent, result: submission.reply(), codes: null, done: true })
  }
  if (intent === 'password') {
    const submission = parseWithZod(formData, { schema: PasswordChangeSchema })
    const hideFields = ['password', 'confirm']
    if (submission.status !== 'success') return json({ intent, result: submission.reply({ hideFields }), codes: null, done: false }, { status: 400 })
    await replacePassword(request, user.id, submission.value.password)
    // Every session ended with the change; this browser, which just proved who it is, gets a new one.
    const cookie = await createUserSession(request, user.id, { secondFactorVerified: true, reauthenticated: true })
    return redirect('/account/security?saved=password', { headers: { 'Set-Cookie': cookie } })
  }
  const submission = parseWithZod(formData, { schema: FactorSchema })
  if (submission.status !== 'success') {
    return json({ intent: 'factor', result: submission.reply({ formErrors: ['Choose what to do with your second factor.'] }), codes: null, done: false }, { status: 400 })
  }
  if (!user.secondFactorEnabled) {
    return json({ intent: 'factor', result: submission.reply({ formErrors: ['You have no authenticator app set up.'] }), codes: null, done: false }, { status: 400 })
  }
  const ipAddress = clientAddress(request)
  if (submission.value.intent === 'recovery-codes') {
    const codes = await regenerateRecoveryCodes({ userId: user.id })
    await writeAudit({ actorId: user.id, action: 'second_factor.recovery_codes_replaced', targetType: 'user', targetId: user.id, ipAddress })
    return json({ intent: 'factor', result: submission.reply(), codes, done: true })
  }
  if (requiresSecondFactor(user.role)) {
    return json({ intent: 'factor', result: submission.reply({ formErrors: ['Coaches and academy staff must keep a second factor. Set up a new app instead.'] }), codes: null, done: false }, { status: 403 })
  }
  await removeSecondFactor({ userId: user.id })
  await writeAudit({ actorId: user.id, action: 'second_factor.removed', targetType: 'user', targetId: user.id, ipAddress })
  return redirect('/account/security?saved=removed')
}

export default function Security() {
  const { email, secondFactorEnabled, secondFactorRequired, recoveryCodesLeft } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const [emailForm, emailFields] = useForm({
    id: 'change-email',
    lastResult: data?.intent === 'email' ? data.result : undefined,
    defaultValue: { email },
    constraint: getZodConstraint(EmailChangeSchema),
    ...VALIDATE_ON_BLUR,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EmailChangeSchema }),
  })
  const factorErrors = data?.intent === 'factor' && !data.done ? data.result.error?.[''] : undefined
  return (
    <>
      <PageHeader title="Sign-in and security">
        <p>
          Changes here need your password again after ten minutes. <Link to="/account/sessions" className="text-brand-700 underline underline-offset-4">See where you are signed in</Link>.
        </p>
      </PageHeader>
      {searchParams.get('recovered') === '1' ? (
        <div className="mb-6 max-w-4xl">
          <FormMessage tone="error">
            You signed in with a recovery code. If you lost your phone, set up your authenticator app again now.
          </FormMessage>
        </div>
      ) : null}
      <div className="grid max-w-4xl gap-6 md:grid-cols-2">
        <section aria-labelledby="email-heading" className="rounded-lg bg-white p-6 shadow-sm">
          <h2 id="email-heading" className="text-xl font-semibold">Email address</h2>
          <p className="mt-1 text-sm text-slate-700">You sign in with it; we tell your old address when it changes.</p>
          {data?.intent === 'email' && data.done ? <FormMessage tone="success">Your email address is changed.</FormMessage> : null}
          <Form method="post" {...getFormProps(emailForm)} className="mt-4 space-y-4">
            <input type="hidden" name="intent" value="email" />
            <ErrorList id={emailForm.errorId} errors={emailForm.errors} />
            <Field label="Email" meta={emailFields.email} type="email" autoComplete="email" />
            <SubmitButton>Change email</SubmitButton>
          </Form>
        </section>
        <section aria-labelledby="password-heading" className="rounded-lg bg-white p-6 shadow-sm">
          <h2 id="password-heading" className="text-xl font-semibold">Password</h2>
          <p className="mt-1 text-sm text-slate-700">Changing it signs you out on every other device.</p>
          {searchParams.get('saved') === 'password' && !data ? <FormMessage tone="success">Your new password is saved.</FormMessage> : null}
          <SetPasswordForm
            lastResult={data?.intent === 'password' ? data.result : undefined}
            email={email}
            submitLabel="Change password"
            intent="password"
          />
        </section>
        <section aria-labelledby="factor-heading" className="rounded-lg bg-white p-6 shadow-sm md:col-span-2">
          <h2 id="factor-heading" className="text-xl font-semibold">Authenticator app (second factor)</h2>
          {searchParams.get('saved') === 'removed' && !data ? (
            <FormMessage tone="success">Your authenticator app is turned off. You sign in with your password only.</FormMessage>
          ) : null}
          <ErrorList errors={factorErrors} />
          {secondFactorEnabled ? (
            <>
              <p className="mt-2 text-slate-700">
                On. You have {recoveryCodesLeft} unused recovery {recoveryCodesLeft === 1 ? 'code' : 'codes'}.
              </p>
              {data?.intent === 'factor' && data.codes ? <RecoveryCodes codes={data.codes} /> : null}
              <div className="mt-4 flex flex-wrap items-center gap-4">
                <Link to="/two-factor/setup" className="text-brand-700 underline underline-offset-4">
                  Move to a new phone or app
                </Link>
                <Form method="post">
                  <button type="submit" name="intent" value="recovery-codes" className="rounded border border-slate-400 px-3 py-1.5">
                    Make new recovery codes
                  </button>
                </Form>
                {secondFactorRequired ? null : (
                  <Form method="post">
                    <button type="submit" name="intent" value="remove-factor" className="rounded border border-red-700 px-3 py-1.5 text-red-800">
                      Turn off
                    </button>
                  </Form>
                )}
              </div>
            </>
          ) : (
            <>
              <p className="mt-2 text-slate-700">Off. Add a code from an authenticator app on your phone to your password.</p>
              <p className="mt-4">
                <Link to="/two-factor/setup" className="text-brand-700 underline underline-offset-4">
                  Set up an authenticator app
                </Link>
              </p>
            </>
          )}
        </section>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
