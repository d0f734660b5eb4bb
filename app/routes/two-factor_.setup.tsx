import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { decodeBase64, encodeBase64 } from '@oslojs/encoding'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ErrorList, Field, SubmitButton, VALIDATE_ON_BLUR } from '~/components/forms'
import { RecoveryCodes } from '~/components/recovery-codes'
import { TotpCodeSchema } from '~/domain/account-schemas'
import { homePathFor } from '~/domain/roles'
import { requiresSecondFactor, secondFactorStep } from '~/domain/session-rules'
import { writeAudit } from '~/models/audit-log.server'
import { deleteOtherSessions, markReauthenticated, markSecondFactorVerified } from '~/models/session.server'
import { requireRecentAuthentication, requireSession, safeRedirect } from '~/utils/auth.server'
import { clientAddress, readForm } from '~/utils/request.server'
import { describeNewKey, enrolSecondFactor, newTotpKey } from '~/utils/second-factor.server'

export const meta: MetaFunction = () => [{ title: 'Set up your authenticator app · SILA Academy' }]

/** 20 bytes in base64, as the loader puts it in the form. */
const KeySchema = z
  .string({ required_error: 'The page lost its key: reload it and scan the new code.' })
  .regex(/^[A-Za-z0-9+/]{27}=$/, 'The page lost its key: reload it and scan the new code.')
const SetupSchema = z.object({
  key: KeySchema,
  code: TotpCodeSchema,
  redirectTo: z.string().optional(),
})

/**
 * Right after the password, for a role that must have a second factor; otherwise (a fellow adding
 * one, anyone moving to a new phone) only after the password was asked again.
 */
async function requireSetupAllowed(request: Request) {
  const { user, session } = await requireSession(request)
  const step = secondFactorStep(user, session.secondFactorVerified)
  if (step === 'code') {
    const url = new URL(request.url)
    throw redirect(`/two-factor?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`)
  }
  if (step === 'none') return requireRecentAuthentication(request)
  return { user, session }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireSetupAllowed(request)
  const key = newTotpKey()
  return json({
    key: encodeBase64(key),
    ...describeNewKey(key, user.email),
    required: requiresSecondFactor(user.role),
    replacing: user.secondFactorEnabled,
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, session } = await requireSetupAllowed(request)
  const formData = await readForm(request)
  const submission = parseWithZod(formData, { schema: SetupSchema })
  // After a mistake the page must show the same key again: the person's app already holds it.
  const sentKey = KeySchema.safeParse(formData.get('key'))
  const keyShown = sentKey.success ? { key: sentKey.data, ...describeNewKey(decodeBase64(sentKey.data), user.email) } : null
  if (submission.status !== 'success') {
    return json({ result: submission.reply({ hideFields: ['code'] }), keyShown, codes: null, destination: null }, { status: 400 })
  }
  const codes = await enrolSecondFactor({ userId: user.id, key: decodeBase64(submission.value.key), code: submission.value.code })
  if (!codes) {
    const message = 'That code did not match. Check the app shows “SILA Academy” with your email, and type the code it shows now.'
    return json({ result: submission.reply({ formErrors: [message], hideFields: ['code'] }), keyShown, codes: null, destination: null }, { status: 400 })
  }
  await markSecondFactorVerified({ id: session.id })
  // The page reloads its data after this answer; having just proved the new app, they stay allowed here.
  await markReauthenticated({ id: session.id, at: new Date() })
  // A new phone replaces the old one: sessions elsewhere started with the old key end.
  const endedElsewhere = await deleteOtherSessions({ userId: user.id, keepId: session.id })
  await writeAudit({
    actorId: user.id,
    action: user.secondFactorEnabled ? 'second_factor.replaced' : 'second_factor.enabled',
    targetType: 'user',
    targetId: user.id,
    ipAddress: clientAddress(request),
    details: { sessionsEnded: endedElsewhere },
  })
  const destination = safeRedirect(submission.value.redirectTo, homePathFor(user.role))
  return json({ result: submission.reply({ resetForm: true }), keyShown: null, codes, destination })
}

export default function SetUpSecondFactor() {
  const loaded = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const shown = data?.keyShown ?? loaded
  const [form, fields] = useForm({
    id: 'second-factor-setup',
    lastResult: data?.result,
    constraint: getZodConstraint(SetupSchema),
    ...VALIDATE_ON_BLUR,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SetupSchema }),
  })
  if (data?.codes) {
    return (
      <div className="mx-auto max-w-xl">
        <h1 className="text-3xl font-semibold text-slate-900">Your authenticator app is set up</h1>
        <p className="mt-2 text-slate-700">From now on you sign in with your password and a code from the app.</p>
        <RecoveryCodes codes={data.codes} />
        <p className="mt-6">
          <Link to={data.destination ?? '/'} className="rounded bg-brand-700 px-4 py-2 font-medium text-white">
            I have saved my codes: continue
          </Link>
        </p>
      </div>
    )
  }
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-3xl font-semibold text-slate-900">
        {loaded.replacing ? 'Move your sign-in codes to a new app' : 'Set up your authenticator app'}
      </h1>
      <p className="mt-2 text-slate-700">
        {loaded.required
          ? 'Coaches and academy staff see confidential coaching notes and data about schools, so signing in takes a code from an authenticator app on your phone as well as your password.'
          : 'A code from an authenticator app on your phone, as well as your password, keeps your account safe even if your password leaks.'}
      </p>
      <ol className="mt-6 list-decimal space-y-4 pl-6 text-slate-800">
        <li>
          Install an authenticator app if you have none (Microsoft Authenticator, Google Authenticator, 1Password and
          many others work).
        </li>
        <li>
          In the app, add an account and scan this code:
          <div
            className="mt-3 w-48 rounded bg-white p-2"
            role="img"
            aria-label="QR code holding the key shown below it"
            // The SVG is made on the server from our own key and address, not from user input.
            dangerouslySetInnerHTML={{ __html: shown.qrSvg }}
          />
          <p className="mt-3">
            Or type this key: <code className="break-all rounded bg-slate-100 px-2 py-1 font-mono">{shown.text}</code>
          </p>
        </li>
        <li>Type the 6-digit code the app now shows for the SILA Academy.</li>
      </ol>
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4 rounded-lg bg-white p-6 shadow-sm">
        <input type="hidden" name="key" value={shown.key} />
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field label="Code from the app" meta={fields.code} autoComplete="one-time-code" inputMode="numeric" />
        <SubmitButton>Turn on</SubmitButton>
      </Form>
      {loaded.required && !loaded.replacing ? (
        <Form method="post" action="/logout" className="mt-6">
          <button type="submit" className="text-sm text-brand-700 underline underline-offset-4">
            Not now: sign out
          </button>
        </Form>
      ) : (
        <p className="mt-6">
          <Link to="/account/security" className="text-sm text-brand-700 underline underline-offset-4">
            Cancel
          </Link>
        </p>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
