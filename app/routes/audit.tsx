import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Cell, DataTable, Row } from '~/components/data-table'
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
      <DataTable caption="Audit log entries" columns={['When (UTC)', 'Who', 'What', 'Target', 'From']}>
        {entries.map((e) => (
          <Row key={e.id}>
            <Cell>{new Date(e.createdAt).toISOString().replace('T', ' ').slice(0, 19)}</Cell>
            <Cell>{e.actorEmail ?? '—'}</Cell>
            <Cell>{e.action}</Cell>
            <Cell>{e.targetType ? `${e.targetType} ${e.targetId ?? ''}` : '—'}</Cell>
            <Cell>{e.ipAddress ?? '—'}</Cell>
          </Row>
        ))}
      </DataTable>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
