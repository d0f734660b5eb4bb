import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Cell, DataTable, Row } from '~/components/data-table'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader } from '~/components/page-header'
import { auditQuery, parseAuditFilters } from '~/domain/audit-filters'
import { listAuditActions, listAuditEntries } from '~/models/audit-log.server'
import { requireRole } from '~/utils/auth.server'

export const meta: MetaFunction = () => [{ title: 'Audit log · SILA Academy' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'staff', 'admin')
  const parsed = parseAuditFilters(new URL(request.url).searchParams)
  if (!parsed.ok) throw new Response(parsed.message, { status: 400 })
  const [entries, actions] = await Promise.all([listAuditEntries({ filters: parsed.filters, limit: 200 }), listAuditActions()])
  return json({ filters: parsed.filters, entries, actions })
}

const input = 'block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-slate-900'

export default function AuditLog() {
  const { filters, entries, actions } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Audit log">
        <p>
          Sign-ins, invitations, role, pairing and placement changes, every read of a coaching record, and exports: who, what, when and from where.
          Newest first; times are UTC. The 200 newest matching entries are shown; the CSV has them all.
        </p>
      </PageHeader>
      <Form method="get" className="mb-6 grid gap-4 rounded-lg bg-white p-5 shadow-sm sm:grid-cols-2 lg:grid-cols-5" aria-label="Filter the audit log">
        <div>
          <label htmlFor="audit-action" className="block text-sm font-semibold">Action</label>
          <select id="audit-action" name="action" defaultValue={filters.action ?? ''} className={input}>
            <option value="">Every action</option>
            {actions.map((a) => (
              <option key={a} value={a}>{a}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-actor" className="block text-sm font-semibold">Who (email contains)</label>
          <input id="audit-actor" name="actor" defaultValue={filters.actor ?? ''} className={input} />
        </div>
        <div>
          <label htmlFor="audit-from" className="block text-sm font-semibold">From (UTC)</label>
          <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ''} className={input} />
        </div>
        <div>
          <label htmlFor="audit-to" className="block text-sm font-semibold">To (UTC)</label>
          <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ''} className={input} />
        </div>
        <div className="flex items-end gap-3">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">Filter</button>
          <Link to="/audit" className="py-2 text-brand-800 underline underline-offset-4">Clear</Link>
        </div>
      </Form>
      <p className="mb-3">
        <a href={`/audit.csv${auditQuery(filters)}`} className="text-brand-800 underline underline-offset-4">Download the matching entries as CSV</a>
      </p>
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
      {entries.length === 0 ? <p className="mt-3 text-slate-700">No entries match.</p> : null}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
