import type { MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader, STATE_NAMES } from '~/components/page-header'
import { AuditWorkbench } from '~/components/tools/audit-workbench'
import { SharedAudit } from '~/components/tools/audit-tables'
import type { action, loader } from '~/utils/audit-page.server'

// The loader and action live in a server module of this route's own (docs/decisions/0016).
export { action, loader } from '~/utils/audit-page.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Equity audit'} · SILA Academy` }]

export default function AuditPage() {
  const data = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const links = (
    <p className="flex flex-wrap gap-x-5 gap-y-1 print:hidden">
      <Link to={`/tools/audits/${data.id}/shared`} className="text-brand-700 underline underline-offset-4">
        {data.viewer === 'author' ? 'Preview what others see (printable)' : 'Printable page'}
      </Link>
      <a href={`/tools/audits/${data.id}.csv`} className="text-brand-700 underline underline-offset-4">
        Download as CSV{data.viewer === 'author' ? ' (suppressed, as shared)' : ''}
      </a>
    </p>
  )
  return (
    <>
      <PageHeader title={data.title}>
        <p>
          {data.viewer === 'reader' ? `${data.fellowName} · ` : ''}
          {data.school}, {STATE_NAMES[data.state]} · school year {data.schoolYear} · threshold {data.settings.threshold.toFixed(1)}, minimum cell{' '}
          {data.settings.minCell}, n-size {data.settings.minN}
        </p>
        {data.viewer === 'reader' ? (
          <p className="mt-2 rounded bg-amber-50 px-3 py-2 text-sm text-amber-950">
            You see this audit as everyone but its author does: small groups are suppressed under the {STATE_NAMES[data.state]} rule.
          </p>
        ) : (
          <p className="mt-2 text-sm">Only you see every count on this page. Your coach, staff and every export see the suppressed view.</p>
        )}
        {links}
      </PageHeader>
      {data.viewer === 'author' && data.analysis ? (
        <AuditWorkbench
          analysis={data.analysis}
          title={data.title}
          schoolYear={data.schoolYear}
          state={data.state}
          settings={data.settings}
          notes={data.notes}
          result={result}
        />
      ) : (
        <SharedAudit indicators={data.shared ?? []} threshold={data.settings.threshold} notes={data.notes} state={data.state} />
      )}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
