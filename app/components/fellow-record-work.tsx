import { Link } from '@remix-run/react'
import { Cell, DataTable, Row, RowHeader } from '~/components/data-table'
import { MODULE_STATUS_LABELS, TIMELINESS_LABELS, type ProgressRow, type Timeliness } from '~/domain/people'
import { STATE_LABELS, type SubmissionState } from '~/domain/submission-state'

const TIMELINESS_STYLES: Record<Timeliness, string> = {
  'on-time': 'bg-emerald-100 text-emerald-900',
  late: 'bg-amber-100 text-amber-950',
  overdue: 'bg-red-100 text-red-900',
  'due-soon': 'bg-amber-50 text-amber-950',
  open: 'bg-slate-100 text-slate-800',
  upcoming: 'bg-slate-100 text-slate-800',
  'no-date': 'bg-slate-100 text-slate-800',
}

function TimelinessBadge({ timeliness }: { timeliness: Timeliness }) {
  return <span className={`rounded px-2 py-0.5 text-sm font-semibold ${TIMELINESS_STYLES[timeliness]}`}>{TIMELINESS_LABELS[timeliness]}</span>
}

/** Each module of the fellow's year and track: where they are, when it is due, and whether work came in on time. */
export function ProgressTable({ programYear, rows }: { programYear: number; rows: ProgressRow[] }) {
  if (rows.length === 0) return <p className="text-slate-700">No modules of year {programYear} are in the curriculum yet.</p>
  return (
    <DataTable caption={`Progress through year ${programYear}`} columns={['Module', 'Status', 'Opens', 'Due', 'Submission', 'On time or late']}>
      {rows.map((row) => (
        <Row key={row.slug}>
          <RowHeader>
            <span className="block text-sm font-normal text-slate-600">Month {row.month}</span>
            <Link to={`/learn/${row.slug}`} className="text-brand-800 underline underline-offset-4">
              {row.title}
            </Link>
          </RowHeader>
          <Cell>{MODULE_STATUS_LABELS[row.status]}</Cell>
          <Cell>{row.opensOn ?? 'Not scheduled'}</Cell>
          <Cell>{row.dueOn ?? 'Not scheduled'}</Cell>
          <Cell>
            {row.submissionId && row.submissionStatus ? (
              <Link to={`/submissions/${row.submissionId}`} className="text-brand-800 underline underline-offset-4">
                {STATE_LABELS[row.submissionStatus]}
                <span className="sr-only">: {row.title}</span>
              </Link>
            ) : (
              'None yet'
            )}
          </Cell>
          <Cell>
            <TimelinessBadge timeliness={row.timeliness} />
          </Cell>
        </Row>
      ))}
    </DataTable>
  )
}

type SubmissionRow = { id: string; moduleTitle: string; year: number; status: SubmissionState; submittedOn: string | null; dueOn: string | null; late: boolean }

/** Every submission of the fellow, both years, each opening the submission page. */
export function SubmissionsTable({ rows }: { rows: SubmissionRow[] }) {
  if (rows.length === 0) return <p className="text-slate-700">No submissions yet.</p>
  return (
    <DataTable caption="Submissions" columns={['Assignment', 'Year', 'Status', 'First submitted', 'Due', 'On time or late']}>
      {rows.map((row) => (
        <Row key={row.id}>
          <RowHeader>
            <Link to={`/submissions/${row.id}`} className="text-brand-800 underline underline-offset-4">
              {row.moduleTitle}
            </Link>
          </RowHeader>
          <Cell>{row.year}</Cell>
          <Cell>{STATE_LABELS[row.status]}</Cell>
          <Cell>{row.submittedOn ?? 'Not submitted'}</Cell>
          <Cell>{row.dueOn ?? 'Not scheduled'}</Cell>
          <Cell>{row.submittedOn ? <TimelinessBadge timeliness={row.late ? 'late' : 'on-time'} /> : null}</Cell>
        </Row>
      ))}
    </DataTable>
  )
}

/** Coaching as staff may see it (DESIGN.md): counts, minutes and dates, never what was said. */
export function CoachingCounts({
  sessions,
  minutes,
  lastSessionOn,
  daysSince,
  cadence,
}: {
  sessions: number
  minutes: number
  lastSessionOn: string | null
  daysSince: number | null
  cadence: number
}) {
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
      <dt className="font-semibold">Sessions logged</dt>
      <dd>{sessions}</dd>
      <dt className="font-semibold">Minutes of coaching</dt>
      <dd>{minutes}</dd>
      <dt className="font-semibold">Last session</dt>
      <dd>
        {lastSessionOn ? `${lastSessionOn} (${daysSince === 0 ? 'today' : `${daysSince} day${daysSince === 1 ? '' : 's'} ago`})` : 'None yet'}
      </dd>
      <dt className="font-semibold">Expected</dt>
      <dd>
        {cadence} session{cadence === 1 ? '' : 's'} a month (the cohort’s cadence)
      </dd>
    </dl>
  )
}

/** Who has coached the fellow, newest first; the current pairing has no end. */
export function PairingHistory({ pairings }: { pairings: { id: string; coachName: string; startsOn: string; endsOn: string | null }[] }) {
  if (pairings.length === 0) return <p className="text-slate-700">Not paired with a coach yet. Pair them under Pairings.</p>
  return (
    <DataTable caption="Coach pairings, newest first" columns={['Coach', 'From', 'Until']}>
      {pairings.map((p) => (
        <Row key={p.id}>
          <RowHeader>{p.coachName}</RowHeader>
          <Cell>{p.startsOn}</Cell>
          <Cell>{p.endsOn ?? 'Now'}</Cell>
        </Row>
      ))}
    </DataTable>
  )
}
