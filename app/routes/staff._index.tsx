import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Cell, DataTable, Row, RowHeader } from '~/components/data-table'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader } from '~/components/page-header'
import { listCohortSummaries } from '~/models/cohort.server'
import { requireRole } from '~/utils/auth.server'

export const meta: MetaFunction = () => [{ title: 'Cohort overview · SILA Academy' }]

const NUMERIC_COLUMNS = ['Fellows', 'Maryland', 'New Jersey', 'Principals', 'Assistant principals', 'Year 1', 'Year 2', 'Districts', 'Schools']

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
      <DataTable
        caption="Fellows per cohort by state, position and program year"
        columns={['Cohort', ...NUMERIC_COLUMNS.map((label) => ({ label, numeric: true }))]}
      >
        {cohorts.map((c) => (
          <Row key={c.id}>
            <RowHeader>
              {c.name} <span className="font-normal text-slate-600">(began {c.startYear})</span>
            </RowHeader>
            {[c.fellows, c.maryland, c.newJersey, c.principals, c.assistantPrincipals, c.yearOne, c.yearTwo, c.leas, c.schools].map(
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
