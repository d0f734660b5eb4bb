import { Link } from '@remix-run/react'
import { isLate } from '~/domain/schedule'
import { STATE_LABELS, type SubmissionState } from '~/domain/submission-state'
import { Cell, DataTable, Row, RowHeader } from './data-table'

type QueueRow = {
  id: string
  status: SubmissionState
  moduleTitle: string
  fellowName: string
  cohortName: string
  waitingSince: string
  submittedAt: string | null
  dueOn: string | null
}

export function ReviewQueue({ queue }: { queue: QueueRow[] }) {
  if (queue.length === 0) return <p className="rounded-lg bg-white p-6 shadow-sm">Nothing is waiting for review.</p>
  return (
    <DataTable caption="Submissions waiting for review, oldest first" columns={['Fellow', 'Assignment', 'State', 'Waiting since', 'Cohort']}>
      {queue.map((item) => (
        <Row key={item.id}>
          <RowHeader>
            <Link to={`/submissions/${item.id}`} className="text-brand-700 underline underline-offset-4">
              {item.fellowName}
            </Link>
          </RowHeader>
          <Cell>{item.moduleTitle}</Cell>
          <Cell>
            {STATE_LABELS[item.status]}
            {isLate(item.submittedAt ? new Date(item.submittedAt) : null, item.dueOn) ? ' · late' : ''}
          </Cell>
          <Cell>{item.waitingSince.slice(0, 10)}</Cell>
          <Cell>{item.cohortName}</Cell>
        </Row>
      ))}
    </DataTable>
  )
}
