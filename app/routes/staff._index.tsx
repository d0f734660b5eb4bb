import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Cell, DataTable, Row, RowHeader } from '~/components/data-table'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader } from '~/components/page-header'
import { Link, useLoaderData } from '@remix-run/react'
import { listCohortSummaries } from '~/models/cohort.server'
import { countSubmissionsByCohort } from '~/models/submission.server'
import { requireRole } from '~/utils/auth.server'

export const meta: MetaFunction = () => [{ title: 'Cohort overview · SILA Academy' }]

const NUMERIC_COLUMNS = ['Fellows', 'Maryland', 'New Jersey', 'Principals', 'Assistant principals', 'Year 1', 'Year 2', 'Districts', 'Schools', 'Awaiting review', 'Returned', 'Accepted']

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'staff', 'admin')
  const [cohorts, submissionCounts] = await Promise.all([listCohortSummaries(), countSubmissionsByCohort()])
  const count = (cohortId: string, ...states: string[]) =>
    submissionCounts.filter((c) => c.cohortId === cohortId && states.includes(c.status)).reduce((sum, c) => sum + c.count, 0)
  return json({
    cohorts: cohorts.map((c) => ({
      ...c,
      awaitingReview: count(c.id, 'submitted', 'resubmitted'),
      returned: count(c.id, 'returned'),
      accepted: count(c.id, 'accepted'),
    })),
  })
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
      <DataTable
        caption="Fellows per cohort by state, position and program year"
        columns={['Cohort', ...NUMERIC_COLUMNS.map((label) => ({ label, numeric: true }))]}
      >
        {cohorts.map((c) => (
          <Row key={c.id}>
            <RowHeader>
              {c.name} <span className="font-normal text-slate-600">(began {c.startYear})</span>
              <Link to={`/staff/cohorts/${c.id}/schedule`} className="block text-sm font-normal text-brand-700 underline underline-offset-4">
                Schedule<span className="sr-only"> of {c.name}</span>
              </Link>
            </RowHeader>
            {[c.fellows, c.maryland, c.newJersey, c.principals, c.assistantPrincipals, c.yearOne, c.yearTwo, c.leas, c.schools, c.awaitingReview, c.returned, c.accepted].map(
              (n, i) => (
                <Cell key={NUMERIC_COLUMNS[i]} numeric>
                  {n}
                </Cell>
              ),
            )}
          </Row>
        ))}
      </DataTable>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
