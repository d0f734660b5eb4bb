import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Cell, DataTable, Row, RowHeader } from '~/components/data-table'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader, POSITION_LABELS, STATE_NAMES } from '~/components/page-header'
import { ReviewQueue } from '~/components/review-queue'
import { Link, useLoaderData } from '@remix-run/react'
import { cadence, needsSession } from '~/domain/coaching'
import { currentModuleFor } from '~/domain/reader'
import { academyDate } from '~/domain/schedule'
import { caseloadSessionStats } from '~/models/coaching.server'
import { listCaseload } from '~/models/fellow.server'
import { listProgressFor } from '~/models/module.server'
import { getCurriculum } from '~/utils/content.server'
import { listReviewQueue } from '~/models/submission.server'
import { requireRole } from '~/utils/auth.server'

export const meta: MetaFunction = () => [{ title: 'Your caseload · SILA Academy' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'coach')
  const today = academyDate(new Date())
  const [caseload, queue, stats] = await Promise.all([
    listCaseload({ coachId: user.id }),
    listReviewQueue({ coachId: user.id }),
    caseloadSessionStats({ coachId: user.id, monthStart: `${today.slice(0, 8)}01` }),
  ])
  const now = new Date()
  const modules = getCurriculum().modules
  const currentSlug = (f: { programYear: number; position: 'principal' | 'assistant_principal' }) =>
    currentModuleFor(modules, { role: 'fellow', programYear: f.programYear, position: f.position }, now)?.slug ?? null
  const slugs = [...new Set(caseload.map(currentSlug).filter((s): s is string => s !== null))]
  const progress = await listProgressFor({ fellowIds: caseload.map((f) => f.fellowId), slugs })
  return json({
    queue,
    caseload: caseload.map((f) => {
      const stat = stats.find((s) => s.fellowId === f.fellowId)
      const slug = currentSlug(f)
      const row = progress.find((p) => p.fellowId === f.fellowId && p.moduleSlug === slug)
      return {
        ...f,
        moduleStatus: slug ? (row?.completedAt ? 'Complete' : row ? 'In progress' : 'Not started') : '—',
        lastSessionOn: stat?.lastSessionOn ?? null,
        cadence: cadence(stat?.sessionsThisMonth ?? 0, stat?.expected ?? 1),
        needsSession: needsSession({ lastSessionOn: stat?.lastSessionOn ?? null, pairedSince: f.pairedSince, today }),
        waiting: queue.some((q) => q.fellowId === f.fellowId),
      }
    }),
  })
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
        <DataTable
          caption="Fellows in your caseload"
          columns={['Fellow', 'School', 'District and state', 'Position', 'Year', 'Cohort', 'This month’s module', 'Last session', 'Sessions this month', 'Flags']}
        >
          {caseload.map((fellow) => (
            <Row key={fellow.fellowId}>
              <RowHeader>
                <Link to={`/coaching/fellows/${fellow.fellowId}`} className="text-brand-800 underline underline-offset-4">
                  {fellow.name}
                </Link>
              </RowHeader>
              <Cell>{fellow.schoolName}</Cell>
              <Cell>
                {fellow.leaName}, {STATE_NAMES[fellow.state]}
              </Cell>
              <Cell>{POSITION_LABELS[fellow.position]}</Cell>
              <Cell>Year {fellow.programYear}</Cell>
              <Cell>{fellow.cohortName}</Cell>
              <Cell>{fellow.moduleStatus}</Cell>
              <Cell>{fellow.lastSessionOn ?? 'None yet'}</Cell>
              <Cell>
                {fellow.cadence.held} of {fellow.cadence.expected}
                {fellow.cadence.met ? ' ✓' : ''}
              </Cell>
              <Cell>
                <ul>
                  {fellow.needsSession ? <li className="font-semibold text-red-800">! No session in 30+ days</li> : null}
                  {fellow.waiting ? <li className="font-semibold text-amber-900">⏳ Submission waiting</li> : null}
                </ul>
              </Cell>
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
