import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ErrorList, Field, FormMessage, SubmitButton } from '~/components/forms'
import { PageHeader } from '~/components/page-header'
import { ChangePasswordSchema, NameSchema, PASSWORD_MIN } from '~/domain/account-schemas'
import { ROLE_LABELS } from '~/domain/roles'
import { getPreferences, setNotificationPreference } from '~/models/notification.server'
import { updateUserName } from '~/models/user.server'
import { changePassword } from '~/utils/accounts.server'
import { requireUser } from '~/utils/auth.server'
import { createUserSession } from '~/utils/session.server'
import { readForm } from '~/utils/request.server'

export const meta: MetaFunction = () => [{ title: 'Your account · SILA Academy' }]

const ProfileSchema = z.object({ intent: z.literal('profile'), name: NameSchema })
const NotificationSchema = z.object({
  intent: z.literal('notifications'),
  preference: z.enum(['immediate', 'digest', 'none'], { errorMap: () => ({ message: 'Choose how you want to hear from the academy.' }) }),
})
const PasswordSchema = ChangePasswordSchema.and(z.object({ intent: z.literal('password') }))

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const [preferences] = await getPreferences({ userIds: [user.id] })
  return json({ user: { name: user.name, email: user.email, role: user.role }, preference: preferences?.preference ?? 'immediate' })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const formData = await readForm(request)
  if (formData.get('intent') === 'notifications') {
    const submission = parseWithZod(formData, { schema: NotificationSchema })
    if (submission.status !== 'success') return json({ intent: 'notifications', result: submission.reply(), done: false }, { status: 400 })
    await setNotificationPreference({ userId: user.id, preference: submission.value.preference })
    return json({ intent: 'notifications', result: submission.reply(), done: true })
  }
  if (formData.get('intent') === 'password') {
    const submission = parseWithZod(formData, { schema: PasswordSchema })
    const hide = ['currentPassword', 'password', 'confirm']
    if (submission.status !== 'success') return json({ intent: 'password', result: submission.reply({ hideFields: hide }), done: false }, { status: 400 })
    const changed = await changePassword(request, user.id, submission.value.currentPassword, submission.value.password)
    if (!changed) {
      return json(
        { intent: 'password', result: submission.reply({ fieldErrors: { currentPassword: ['That is not your current password.'] }, hideFields: hide }), done: false },
        { status: 400 },
      )
    }
    // Every session ended with the change; this browser gets a fresh one on the way back.
    const cookie = await createUserSession(request, user.id)
    return redirect('/account?saved=password', { headers: { 'Set-Cookie': cookie } })
  }
  const submission = parseWithZod(formData, { schema: ProfileSchema })
  if (submission.status !== 'success') return json({ intent: 'profile', result: submission.reply(), done: false }, { status: 400 })
  await updateUserName({ id: user.id, name: submission.value.name })
  return json({ intent: 'profile', result: submission.reply(), done: true })
}

export default function Account() {
  const { user, preference } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const [profileForm, profileFields] = useForm({
    id: 'profile',
    lastResult: data?.intent === 'profile' ? data.result : undefined,
    defaultValue: { name: user.name },
    constraint: getZodConstraint(ProfileSchema),
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProfileSchema }),
  })
  const [passwordForm, passwordFields] = useForm({
    id: 'password',
    lastResult: data?.intent === 'password' ? data.result : undefined,
    shouldValidate: 'onBlur',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PasswordSchema }),
  })
  return (
    <>
      <PageHeader title="Your account">
        <p>
          {user.email} · {ROLE_LABELS[user.role]}
        </p>
      </PageHeader>
      <div className="grid max-w-4xl gap-6 md:grid-cols-2">
        <section aria-labelledby="profile-heading" className="rounded-lg bg-white p-6 shadow-sm">
          <h2 id="profile-heading" className="text-xl font-semibold">Profile</h2>
          {data?.intent === 'profile' && data.done ? <FormMessage tone="success">Your name is saved.</FormMessage> : null}
          <Form method="post" {...getFormProps(profileForm)} className="mt-4 space-y-4">
            <input type="hidden" name="intent" value="profile" />
            <ErrorList id={profileForm.errorId} errors={profileForm.errors} />
            <Field label="Name" meta={profileFields.name} autoComplete="name" />
            <SubmitButton>Save name</SubmitButton>
          </Form>
        </section>
        <section aria-labelledby="notifications-heading" className="rounded-lg bg-white p-6 shadow-sm md:col-span-2">
          <h2 id="notifications-heading" className="text-xl font-semibold">Notifications</h2>
          {data?.intent === 'notifications' && data.done ? <FormMessage tone="success">Saved.</FormMessage> : null}
          <Form method="post" className="mt-3">
            <input type="hidden" name="intent" value="notifications" />
            <fieldset>
              <legend className="text-slate-700">
                When a module opens, work is due in 3 days, a submission is returned or accepted, or work waits for your review:
              </legend>
              {[
                ['immediate', 'Email me each one as it happens'],
                ['digest', 'Email me one weekly digest'],
                ['none', 'No email: show them only in the app'],
              ].map(([value, label]) => (
                <label key={value} className="mt-2 flex items-center gap-2">
                  <input type="radio" name="preference" value={value} defaultChecked={preference === value} />
                  {label}
                </label>
              ))}
            </fieldset>
            <div className="mt-4">
              <SubmitButton>Save notification choice</SubmitButton>
            </div>
          </Form>
        </section>
        <section aria-labelledby="password-heading" className="rounded-lg bg-white p-6 shadow-sm">
          <h2 id="password-heading" className="text-xl font-semibold">Change password</h2>
          <p className="mt-1 text-sm text-slate-700">Changing it signs you out on every other device.</p>
          {searchParams.get('saved') === 'password' && !data ? <FormMessage tone="success">Your new password is saved.</FormMessage> : null}
          <Form method="post" {...getFormProps(passwordForm)} className="mt-4 space-y-4">
            <input type="hidden" name="intent" value="password" />
            <input type="email" name="username" autoComplete="username" value={user.email} readOnly hidden />
            <ErrorList id={passwordForm.errorId} errors={passwordForm.errors} />
            <Field label="Current password" meta={passwordFields.currentPassword} type="password" autoComplete="current-password" />
            <Field
              label="New password"
              meta={passwordFields.password}
              type="password"
              autoComplete="new-password"
              hint={`At least ${PASSWORD_MIN} characters.`}
            />
            <Field label="Type the new password again" meta={passwordFields.confirm} type="password" autoComplete="new-password" />
            <SubmitButton>Change password</SubmitButton>
          </Form>
        </section>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
