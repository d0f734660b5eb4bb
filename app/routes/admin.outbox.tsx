import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader } from '~/components/page-header'
import { listOutbox } from '~/models/outbox.server'
import { requireRole } from '~/utils/auth.server'

export const meta: MetaFunction = () => [{ title: 'Outbox · SILA Academy' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'admin')
  return json({ messages: await listOutbox({ limit: 100 }), smtp: Boolean(process.env.SMTP_URL) })
}

export default function Outbox() {
  const { messages, smtp } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Outbox">
        <p>
          {smtp
            ? 'Every message the platform sends, newest first, with whether the mail server accepted it.'
            : 'No mail server is configured (SMTP_URL), so messages wait here. Copy a link to pass it on.'}
        </p>
      </PageHeader>
      {messages.length === 0 ? <p>No messages yet.</p> : null}
      <ul className="space-y-4">
        {messages.map((m) => (
          <li key={m.id} className="rounded-lg bg-white p-5 shadow-sm">
            <h2 className="font-semibold">{m.subject}</h2>
            <p className="text-sm text-slate-700">
              To {m.toAddress} · {new Date(m.createdAt).toISOString().replace('T', ' ').slice(0, 16)} UTC ·{' '}
              {m.sentAt ? 'sent' : m.error ? `not sent: ${m.error}` : 'held in outbox'}
            </p>
            <pre className="mt-3 whitespace-pre-wrap break-words font-sans text-sm text-slate-800">{m.body}</pre>
          </li>
        ))}
      </ul>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
