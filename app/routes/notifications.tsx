import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader } from '~/components/page-header'
import { listNotifications, markAllRead } from '~/models/notification.server'
import { requireUser } from '~/utils/auth.server'
import { readForm } from '~/utils/request.server'

export const meta: MetaFunction = () => [{ title: 'Notifications · SILA Academy' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return json({ notifications: await listNotifications({ userId: user.id }) })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const intent = (await readForm(request)).get('intent')
  if (intent !== 'mark-all-read') return json({ ok: false, message: 'That request could not be read. Reload the page and try again.' }, { status: 400 })
  await markAllRead({ userId: user.id })
  return json({ ok: true })
}

export default function Notifications() {
  const { notifications } = useLoaderData<typeof loader>()
  const unread = notifications.filter((n) => !n.readAt).length
  return (
    <>
      <PageHeader title="Notifications">
        <p>
          {unread} unread. Choose how you hear about these (email now, a weekly digest, or only here) under{' '}
          <Link to="/account" className="text-brand-700 underline">your account</Link>.
        </p>
      </PageHeader>
      {unread > 0 ? (
        <Form method="post" className="mb-4">
          <input type="hidden" name="intent" value="mark-all-read" />
          <button type="submit" className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm">Mark all as read</button>
        </Form>
      ) : null}
      {notifications.length === 0 ? <p className="rounded-lg bg-white p-6 shadow-sm">No notifications yet.</p> : null}
      <ul className="space-y-2">
        {notifications.map((n) => (
          <li key={n.id} className={`rounded-lg bg-white p-4 shadow-sm ${n.readAt ? '' : 'border-l-4 border-brand-600'}`}>
            <p className="font-semibold">
              {n.readAt ? null : <span className="sr-only">Unread: </span>}
              {n.link ? (
                <Link to={n.link} className="text-brand-800 underline underline-offset-4">{n.title}</Link>
              ) : (
                n.title
              )}
            </p>
            <p className="text-sm text-slate-600">{new Date(n.createdAt).toISOString().replace('T', ' ').slice(0, 16)} UTC</p>
          </li>
        ))}
      </ul>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
