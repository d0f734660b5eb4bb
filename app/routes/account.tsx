import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ErrorList, Field, FormMessage, SubmitButton, VALIDATE_ON_BLUR } from '~/components/forms'
import { PageHeader } from '~/components/page-header'
import { NameSchema } from '~/domain/account-schemas'
import { ROLE_LABELS } from '~/domain/roles'
import { getPreferences, setNotificationPreference } from '~/models/notification.server'
import { updateUserName } from '~/models/user.server'
import { requireUser } from '~/utils/auth.server'
import { readForm } from '~/utils/request.server'

export const meta: MetaFunction = () => [{ title: 'Your account · SILA Academy' }]

const ProfileSchema = z.object({ intent: z.literal('profile'), name: NameSchema })
const NotificationSchema = z.object({
  intent: z.literal('notifications'),
  preference: z.enum(['immediate', 'digest', 'none'], { errorMap: () => ({ message: 'Choose how you want to hear from the academy.' }) }),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const [preferences] = await getPreferences({ userIds: [user.id] })
  return json({
    user: { name: user.name, email: user.email, role: user.role, secondFactorEnabled: user.secondFactorEnabled },
    preference: preferences?.preference ?? 'immediate',
  })
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
  const submission = parseWithZod(formData, { schema: ProfileSchema })
  if (submission.status !== 'success') return json({ intent: 'profile', result: submission.reply(), done: false }, { status: 400 })
  await updateUserName({ id: user.id, name: submission.value.name })
  return json({ intent: 'profile', result: submission.reply(), done: true })
}

export default function Account() {
  const { user, preference } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const [profileForm, profileFields] = useForm({
    id: 'profile',
    lastResult: data?.intent === 'profile' ? data.result : undefined,
    defaultValue: { name: user.name },
    constraint: getZodConstraint(ProfileSchema),
    ...VALIDATE_ON_BLUR,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProfileSchema }),
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
        <section aria-labelledby="security-heading" className="rounded-lg bg-white p-6 shadow-sm">
          <h2 id="security-heading" className="text-xl font-semibold">Sign-in and security</h2>
          <p className="mt-2 text-slate-700">
            {user.secondFactorEnabled
              ? 'You sign in with your password and a code from your authenticator app.'
              : 'You sign in with your password only. You can add a code from an authenticator app.'}
          </p>
          <ul className="mt-4 space-y-2">
            <li>
              <Link to="/account/security" className="text-brand-700 underline underline-offset-4">
                Change your email, password or second factor
              </Link>
            </li>
            <li>
              <Link to="/account/sessions" className="text-brand-700 underline underline-offset-4">
                See where you are signed in
              </Link>
            </li>
          </ul>
        </section>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
