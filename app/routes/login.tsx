import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import type { MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { SignInSchema } from '~/domain/account-schemas'
import { ErrorList, Field, FormMessage, SubmitButton, VALIDATE_ON_BLUR } from '~/components/forms'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import type { action } from '~/utils/login-page.server'

// The loader and action live in a server module of this route's own (docs/decisions/0016).
export { action, loader } from '~/utils/login-page.server'

export const meta: MetaFunction = () => [{ title: 'Sign in · SILA Academy' }]

export default function Login() {
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'sign-in',
    lastResult,
    constraint: getZodConstraint(SignInSchema),
    ...VALIDATE_ON_BLUR,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignInSchema }),
  })
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-semibold text-slate-900">Sign in</h1>
      <p className="mt-2 text-slate-700">
        The School Improvement Leadership Academy platform for fellows, coaches and staff.
      </p>
      {searchParams.get('reset') === '1' ? (
        <div className="mt-6">
          <FormMessage tone="success">Your new password is saved. Sign in with it.</FormMessage>
        </div>
      ) : null}
      {searchParams.get('second-factor') === 'ended' ? (
        <div className="mt-6">
          <FormMessage tone="error">Too many wrong codes. For your safety, sign in again with your password.</FormMessage>
        </div>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4 rounded-lg bg-white p-6 shadow-sm">
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <ErrorList id={form.errorId} errors={form.errors} />
        <Field label="Email" meta={fields.email} type="email" autoComplete="username" />
        <Field label="Password" meta={fields.password} type="password" autoComplete="current-password" />
        <div className="flex items-center justify-between gap-4">
          <SubmitButton pending={navigation.state === 'submitting'}>Sign in</SubmitButton>
          <Link to="/forgot-password" className="text-sm text-brand-700 underline underline-offset-4">
            Forgot your password?
          </Link>
        </div>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
