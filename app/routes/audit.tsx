import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader } from '~/components/page-header'
import { listAuditEntries } from '~/models/audit-log.server'
import { requireRole } from '~/utils/auth.server'

export const meta: MetaFunction = () => [{ title: 'Audit log · SILA Academy' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'staff', 'admin')
  const action = new URL(request.url).searchParams.get('action')?.slice(0, 60) || undefined
  return json({ entries: await listAuditEntries({ limit: 200, action }) })
}

export default function AuditLog() {
  const { entries } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Audit log">
        <p>Sign-ins, invitations, role and password changes, newest first. Times are UTC.</p>
      </PageHeader>
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Audit log entries</caption>
          <thead className="border-b border-slate-200 bg-slate-50">
            <tr>
              <th scope="col" className="px-4 py-3">When (UTC)</th>
              <th scope="col" className="px-4 py-3">Who</th>
              <th scope="col" className="px-4 py-3">What</th>
              <th scope="col" className="px-4 py-3">Target</th>
              <th scope="col" className="px-4 py-3">From</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} className="border-b border-slate-100">
                <td className="px-4 py-2 tabular-nums">{new Date(e.createdAt).toISOString().replace('T', ' ').slice(0, 19)}</td>
                <td className="px-4 py-2">{e.actorEmail ?? '—'}</td>
                <td className="px-4 py-2">{e.action}</td>
                <td className="px-4 py-2">{e.targetType ? `${e.targetType} ${e.targetId ?? ''}` : '—'}</td>
                <td className="px-4 py-2">{e.ipAddress ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
