import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader } from '~/components/page-header'
import { listCohortSummaries } from '~/models/cohort.server'
import { requireRole } from '~/utils/auth.server'

export const meta: MetaFunction = () => [{ title: 'Cohort overview · SILA Academy' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'staff', 'admin')
  return json({ cohorts: await listCohortSummaries() })
}

export default function StaffOverview() {
  const { cohorts } = useLoaderData<typeof loader>()
  const total = cohorts.reduce((sum, c) => sum + c.fellows, 0)
  return (
    <>
      <PageHeader title="Cohort overview">
        <p>
          {total} fellows in {cohorts.length} cohort{cohorts.length === 1 ? '' : 's'} across Maryland and New Jersey.
        </p>
      </PageHeader>
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Fellows per cohort by state, position and program year</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="px-4 py-3">Cohort</th>
              <th scope="col" className="px-4 py-3 text-right">Fellows</th>
              <th scope="col" className="px-4 py-3 text-right">Maryland</th>
              <th scope="col" className="px-4 py-3 text-right">New Jersey</th>
              <th scope="col" className="px-4 py-3 text-right">Principals</th>
              <th scope="col" className="px-4 py-3 text-right">Assistant principals</th>
              <th scope="col" className="px-4 py-3 text-right">Year 1</th>
              <th scope="col" className="px-4 py-3 text-right">Year 2</th>
              <th scope="col" className="px-4 py-3 text-right">Districts</th>
              <th scope="col" className="px-4 py-3 text-right">Schools</th>
            </tr>
          </thead>
          <tbody>
            {cohorts.map((c) => (
              <tr key={c.id} className="border-b border-slate-100">
                <th scope="row" className="px-4 py-3 font-semibold">
                  {c.name} <span className="font-normal text-slate-600">(began {c.startYear})</span>
                </th>
                {[c.fellows, c.maryland, c.newJersey, c.principals, c.assistantPrincipals, c.yearOne, c.yearTwo, c.leas, c.schools].map(
                  (n, i) => (
                    <td key={i} className="px-4 py-3 text-right tabular-nums">{n}</td>
                  ),
                )}
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
