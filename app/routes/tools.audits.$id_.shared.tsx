import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader, STATE_NAMES } from '~/components/page-header'
import { SharedAudit } from '~/components/tools/audit-tables'
import { requireUser } from '~/utils/auth.server'
import { loadAudit } from '~/utils/equity-audit.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Equity audit'} (shared view) · SILA Academy` }]

/** The printable page, suppressed by the school's state: what coaches, staff and exports see, and the author's preview of it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { viewer, header, shared } = await loadAudit(user, params.id ?? '')
  return json({ ...header, viewer, shared })
}

export default function SharedAuditPage() {
  const data = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title={data.title}>
        <p>
          {data.fellowName} · {data.school}, {STATE_NAMES[data.state]} · school year {data.schoolYear} · threshold {data.settings.threshold.toFixed(1)}, minimum cell{' '}
          {data.settings.minCell}, n-size {data.settings.minN}
        </p>
        {data.viewer === 'author' ? (
          <p className="mt-2 rounded bg-amber-50 px-3 py-2 text-sm text-amber-950 print:hidden">
            Preview: exactly what your coach, academy staff, attached submissions and exports show, with small groups suppressed under the{' '}
            {STATE_NAMES[data.state]} rule. <Link to={`/tools/audits/${data.id}`} className="underline underline-offset-4">Back to your audit</Link>
          </p>
        ) : (
          <p className="mt-2 print:hidden">
            <Link to={`/tools/audits/${data.id}`} className="text-brand-700 underline underline-offset-4">Back to the audit</Link>
          </p>
        )}
        <p className="mt-2 text-sm print:hidden">Use your browser’s Print command for a paper or PDF copy; navigation and buttons are left off the page.</p>
      </PageHeader>
      <SharedAudit indicators={data.shared} threshold={data.settings.threshold} notes={data.notes} state={data.state} />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
