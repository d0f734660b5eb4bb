import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader, POSITION_LABELS, STATE_NAMES } from '~/components/page-header'
import { listCaseload } from '~/models/fellow.server'
import { requireRole } from '~/utils/auth.server'

export const meta: MetaFunction = () => [{ title: 'Your caseload · SILA Academy' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'coach')
  const caseload = await listCaseload({ coachId: user.id })
  return json({ caseload })
}

export default function Caseload() {
  const { caseload } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Your caseload">
        <p>
          {caseload.length} fellow{caseload.length === 1 ? '' : 's'} paired with you.
        </p>
      </PageHeader>
      {caseload.length === 0 ? (
        <p className="rounded-lg bg-white p-6 shadow-sm">No fellows are paired with you yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Fellows in your caseload</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-4 py-3">Fellow</th>
                <th scope="col" className="px-4 py-3">School</th>
                <th scope="col" className="px-4 py-3">District and state</th>
                <th scope="col" className="px-4 py-3">Position</th>
                <th scope="col" className="px-4 py-3">Year</th>
                <th scope="col" className="px-4 py-3">Cohort</th>
              </tr>
            </thead>
            <tbody>
              {caseload.map((fellow) => (
                <tr key={fellow.fellowId} className="border-b border-slate-100">
                  <th scope="row" className="px-4 py-3 font-semibold">{fellow.name}</th>
                  <td className="px-4 py-3">{fellow.schoolName}</td>
                  <td className="px-4 py-3">
                    {fellow.leaName}, {STATE_NAMES[fellow.state]}
                  </td>
                  <td className="px-4 py-3">{POSITION_LABELS[fellow.position]}</td>
                  <td className="px-4 py-3">Year {fellow.programYear}</td>
                  <td className="px-4 py-3">{fellow.cohortName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
