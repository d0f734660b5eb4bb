import { getFormProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Form, useNavigation } from '@remix-run/react'
import { PASSWORD_MIN, SetPasswordSchema } from '~/domain/account-schemas'
import { ErrorList, Field, SubmitButton, VALIDATE_ON_BLUR } from './forms'

/** The new-password form of the invitation, reset and security pages. */
export function SetPasswordForm({
  lastResult,
  email,
  submitLabel,
  intent,
}: {
  lastResult: SubmissionResult<string[]> | undefined
  email: string
  submitLabel: string
  /** Tells this form apart on a page with several. */
  intent?: string
}) {
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'set-password',
    lastResult,
    constraint: getZodConstraint(SetPasswordSchema),
    ...VALIDATE_ON_BLUR,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SetPasswordSchema }),
  })
  return (
    <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4 rounded-lg bg-white p-6 shadow-sm">
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <ErrorList id={form.errorId} errors={form.errors} />
      <Field
        label="New password"
        meta={fields.password}
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN} characters. A short sentence you will remember works well.`}
      />
      <Field label="Type it again" meta={fields.confirm} type="password" autoComplete="new-password" />
      <SubmitButton pending={navigation.state === 'submitting'}>{submitLabel}</SubmitButton>
    </Form>
  )
}

const REASONS = {
  used: 'This link has already been used. Each link works once.',
  expired: 'This link has expired.',
  unknown: 'This link is not valid. Check that you copied the whole address.',
} as const

export function tokenProblemMessage(reason: keyof typeof REASONS) {
  return REASONS[reason]
}
