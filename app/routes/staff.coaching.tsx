import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Cell, DataTable, Row, RowHeader } from '~/components/data-table'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader } from '~/components/page-header'
import { BELIEF_DOMAIN_LABELS, BELIEF_DOMAINS, BELIEF_STATUS_LABELS, BELIEF_STATUSES, needsSession } from '~/domain/coaching'
import { academyDate } from '~/domain/schedule'
import { coachingCounts } from '~/models/coaching.server'
import { listCohorts } from '~/models/schedule.server'
import { requireRole } from '~/utils/auth.server'

export const meta: MetaFunction = () => [{ title: 'Coaching cadence · SILA Academy' }]

/** Counts, minutes and dates only: staff never receive the text of notes, summaries or beliefs. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'staff', 'admin')
  const today = academyDate(new Date())
  const since = `${Number(today.slice(0, 4)) - 1}-${today.slice(5, 7)}-01`
  const [cohorts, counts] = await Promise.all([listCohorts(), coachingCounts({ since })])
  return json({
    cohorts: cohorts.map((cohort) => ({
      id: cohort.id,
      name: cohort.name,
      byCoachMonth: counts.sessions.filter((s) => s.cohortId === cohort.id).sort((a, b) => b.month.localeCompare(a.month) || a.coachName.localeCompare(b.coachName)),
      beliefCounts: BELIEF_STATUSES.map((status) => ({
        status,
        byDomain: BELIEF_DOMAINS.map((domain) => counts.beliefs.find((b) => b.cohortId === cohort.id && b.status === status && b.domain === domain)?.count ?? 0),
      })),
      withoutSession: counts.lastSessions
        .filter((f) => f.cohortId === cohort.id && needsSession({ lastSessionOn: f.lastSessionOn, pairedSince: f.pairedSince, today }))
        .map((f) => ({ fellowId: f.fellowId, name: f.fellowName, lastSessionOn: f.lastSessionOn })),
    })),
  })
}

export default function StaffCoaching() {
  const { cohorts } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Coaching cadence">
        <p>Sessions, minutes and belief counts by cohort and coach. Notes and beliefs stay between coach and fellow.</p>
      </PageHeader>
      {cohorts.map((cohort) => (
        <section key={cohort.id} aria-labelledby={`cohort-${cohort.id}`} className="mb-10 space-y-4">
          <h2 id={`cohort-${cohort.id}`} className="text-2xl font-semibold">{cohort.name}</h2>
          <DataTable caption={`Coaching sessions per coach and month, ${cohort.name}`} columns={['Month', 'Coach', { label: 'Sessions', numeric: true }, { label: 'Fellows seen', numeric: true }, { label: 'Sessions per fellow', numeric: true }, { label: 'Minutes', numeric: true }]}>
            {cohort.byCoachMonth.map((row) => (
              <Row key={`${row.month}-${row.coachId}`}>
                <RowHeader>{row.month}</RowHeader>
                <Cell>{row.coachName}</Cell>
                <Cell numeric>{row.sessions}</Cell>
                <Cell numeric>{row.fellows}</Cell>
                <Cell numeric>{(row.sessions / Math.max(1, row.fellows)).toFixed(1)}</Cell>
                <Cell numeric>{row.minutes}</Cell>
              </Row>
            ))}
          </DataTable>
          <DataTable caption={`Limiting beliefs by status and domain, ${cohort.name}`} columns={['Status', ...BELIEF_DOMAINS.map((d) => ({ label: BELIEF_DOMAIN_LABELS[d], numeric: true }))]}>
            {cohort.beliefCounts.map((row) => (
              <Row key={row.status}>
                <RowHeader>{BELIEF_STATUS_LABELS[row.status]}</RowHeader>
                {row.byDomain.map((n, i) => (
                  <Cell key={BELIEF_DOMAINS[i]} numeric>{n}</Cell>
                ))}
              </Row>
            ))}
          </DataTable>
          <div className="rounded-lg bg-white p-5 shadow-sm">
            <h3 className="font-semibold">No session in 30 or more days ({cohort.withoutSession.length})</h3>
            <ul className="mt-2 list-disc pl-5">
              {cohort.withoutSession.map((f) => (
                <li key={f.fellowId}>
                  {f.name} · {f.lastSessionOn ? `last session ${f.lastSessionOn}` : 'no session yet'}
                </li>
              ))}
            </ul>
          </div>
        </section>
      ))}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
