import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ErrorList, Field, SubmitButton, VALIDATE_ON_BLUR } from '~/components/forms'
import { RecoveryCodeSchema, TotpCodeSchema } from '~/domain/account-schemas'
import { homePathFor } from '~/domain/roles'
import { afterPassword, secondFactorStep } from '~/domain/session-rules'
import { writeAudit } from '~/models/audit-log.server'
import { countUnusedRecoveryCodes } from '~/models/second-factor.server'
import { markSecondFactorVerified } from '~/models/session.server'
import { requireSession, safeRedirect } from '~/utils/auth.server'
import { clientAddress, readForm } from '~/utils/request.server'
import { checkRecoveryCode, checkTotpCode, recordWrongCode } from '~/utils/second-factor.server'

export const meta: MetaFunction = () => [{ title: 'Enter your code · SILA Academy' }]

const CodeSchema = z.object({ intent: z.literal('code'), code: TotpCodeSchema, redirectTo: z.string().optional() })
const RecoverySchema = z.object({ intent: z.literal('recovery'), recoveryCode: RecoveryCodeSchema, redirectTo: z.string().optional() })
const Schema = z.discriminatedUnion('intent', [CodeSchema, RecoverySchema])

/** The second step of signing in, for accounts with an authenticator app set up. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, session } = await requireSession(request)
  const step = secondFactorStep(user, session.secondFactorVerified)
  const redirectTo = new URL(request.url).searchParams.get('redirectTo')
  if (step !== 'code') throw redirect(afterPassword(step, safeRedirect(redirectTo, homePathFor(user.role))))
  return json({})
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, session } = await requireSession(request)
  const formData = await readForm(request)
  const submission = parseWithZod(formData, { schema: Schema })
  if (submission.status !== 'success') {
    return json({ intent: formData.get('intent') === 'recovery' ? 'recovery' : 'code', result: submission.reply({ hideFields: ['code', 'recoveryCode'] }) }, { status: 400 })
  }
  const destination = safeRedirect(submission.value.redirectTo, homePathFor(user.role))
  if (secondFactorStep(user, session.secondFactorVerified) !== 'code') return redirect(destination)
  const { intent } = submission.value
  const accepted =
    submission.value.intent === 'code'
      ? await checkTotpCode({ userId: user.id, code: submission.value.code })
      : await checkRecoveryCode({ userId: user.id, code: submission.value.recoveryCode })
  if (!accepted) {
    const outcome = await recordWrongCode(request, session.id, user.id)
    if (outcome.ended) {
      return redirect('/login?second-factor=ended', { headers: { 'Set-Cookie': outcome.setCookie } })
    }
    const message =
      intent === 'code'
        ? `That code did not match, or was already used. Wait for the next code in your app and try again (${outcome.remaining} tries left).`
        : `That is not one of your unused recovery codes (${outcome.remaining} tries left).`
    return json({ intent, result: submission.reply({ formErrors: [message], hideFields: ['code', 'recoveryCode'] }) }, { status: 400 })
  }
  await markSecondFactorVerified({ id: session.id })
  const ipAddress = clientAddress(request)
  if (intent === 'recovery') {
    const left = await countUnusedRecoveryCodes({ userId: user.id })
    await writeAudit({ actorId: user.id, action: 'second_factor.recovery_code_used', ipAddress, details: { left } })
    // Someone who needed a recovery code has probably lost their phone: send them to set up again.
    return redirect('/account/security?recovered=1')
  }
  await writeAudit({ actorId: user.id, action: 'second_factor.verified', ipAddress })
  return redirect(destination)
}

export default function TwoFactor() {
  const data = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
  const redirectTo = searchParams.get('redirectTo') ?? ''
  const [codeForm, codeFields] = useForm({
    id: 'second-factor-code',
    lastResult: data?.intent === 'code' ? data.result : undefined,
    constraint: getZodConstraint(CodeSchema),
    ...VALIDATE_ON_BLUR,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CodeSchema }),
  })
  const [recoveryForm, recoveryFields] = useForm({
    id: 'second-factor-recovery',
    lastResult: data?.intent === 'recovery' ? data.result : undefined,
    constraint: getZodConstraint(RecoverySchema),
    ...VALIDATE_ON_BLUR,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RecoverySchema }),
  })
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-semibold text-slate-900">Enter your code</h1>
      <p className="mt-2 text-slate-700">
        Open the authenticator app on your phone and type the 6-digit code it shows for the SILA Academy.
      </p>
      <Form method="post" {...getFormProps(codeForm)} className="mt-6 space-y-4 rounded-lg bg-white p-6 shadow-sm">
        <input type="hidden" name="intent" value="code" />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <ErrorList id={codeForm.errorId} errors={codeForm.errors} />
        <Field label="Code" meta={codeFields.code} autoComplete="one-time-code" inputMode="numeric" />
        <SubmitButton pending={navigation.state === 'submitting'}>Continue</SubmitButton>
      </Form>
      <details className="mt-6 rounded-lg bg-white p-6 shadow-sm" open={data?.intent === 'recovery'}>
        <summary className="cursor-pointer font-medium text-brand-700">Lost your phone? Use a recovery code</summary>
        <Form method="post" {...getFormProps(recoveryForm)} className="mt-4 space-y-4">
          <input type="hidden" name="intent" value="recovery" />
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <ErrorList id={recoveryForm.errorId} errors={recoveryForm.errors} />
          <Field
            label="Recovery code"
            meta={recoveryFields.recoveryCode}
            autoComplete="off"
            hint="One of the ten codes you saved when you set up your app. Each works once."
          />
          <SubmitButton>Use recovery code</SubmitButton>
        </Form>
      </details>
      <Form method="post" action="/logout" className="mt-6">
        <button type="submit" className="text-sm text-brand-700 underline underline-offset-4">
          Cancel and sign out
        </button>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
