import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Cell, DataTable, Row, RowHeader } from '~/components/data-table'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader, POSITION_LABELS, STATE_NAMES } from '~/components/page-header'
import { ReviewQueue } from '~/components/review-queue'
import { listCaseload } from '~/models/fellow.server'
import { listReviewQueue } from '~/models/submission.server'
import { requireRole } from '~/utils/auth.server'

export const meta: MetaFunction = () => [{ title: 'Your caseload · SILA Academy' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'coach')
  const [caseload, queue] = await Promise.all([listCaseload({ coachId: user.id }), listReviewQueue({ coachId: user.id })])
  return json({ caseload, queue })
}

export default function Caseload() {
  const { caseload, queue } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Your caseload">
        <p>
          {caseload.length} fellow{caseload.length === 1 ? '' : 's'} paired with you.
        </p>
      </PageHeader>
      <section aria-labelledby="waiting-heading" className="mb-8">
        <h2 id="waiting-heading" className="mb-3 text-xl font-semibold">
          Waiting for your review ({queue.length})
        </h2>
        <ReviewQueue queue={queue} />
      </section>
      <h2 className="mb-3 text-xl font-semibold">Fellows</h2>
      {caseload.length === 0 ? (
        <p className="rounded-lg bg-white p-6 shadow-sm">No fellows are paired with you yet.</p>
      ) : (
        <DataTable caption="Fellows in your caseload" columns={['Fellow', 'School', 'District and state', 'Position', 'Year', 'Cohort']}>
          {caseload.map((fellow) => (
            <Row key={fellow.fellowId}>
              <RowHeader>{fellow.name}</RowHeader>
              <Cell>{fellow.schoolName}</Cell>
              <Cell>
                {fellow.leaName}, {STATE_NAMES[fellow.state]}
              </Cell>
              <Cell>{POSITION_LABELS[fellow.position]}</Cell>
              <Cell>Year {fellow.programYear}</Cell>
              <Cell>{fellow.cohortName}</Cell>
            </Row>
          ))}
        </DataTable>
      )}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
