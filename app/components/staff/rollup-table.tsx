import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { formatPercent, type Rollup } from '~/domain/staff-metrics'
import { Cell, DataTable, Row, RowHeader } from '../data-table'

const COLUMNS = [
  'Fellows',
  'Principals · APs',
  'Modules completed',
  'On time',
  'Late',
  'Missing',
  'On-time rate',
  'Awaiting review',
  'Review turnaround',
  'Sessions this month',
  'Need attention',
]

/** The same measures at every level: one row per cohort, state, LEA, school or fellow. */
export function RollupTable({ caption, firstColumn, rows, total, link }: { caption: string; firstColumn: string; rows: Rollup[]; total?: Rollup; link: (row: Rollup) => string | null }) {
  return (
    <DataTable caption={caption} columns={[firstColumn, ...COLUMNS.map((label) => ({ label, numeric: true }))]}>
      {rows.map((row) => {
        const to = link(row)
        return <RollupRow key={row.key} row={row} name={to ? <Link to={to} className="text-brand-800 underline underline-offset-4">{row.label}</Link> : row.label} />
      })}
      {total ? <RollupRow row={total} name={total.label} /> : null}
    </DataTable>
  )
}

function RollupRow({ row, name }: { row: Rollup; name: ReactNode }) {
  return (
    <Row>
      <RowHeader>{name}</RowHeader>
      <Cell numeric>{row.fellows}</Cell>
      <Cell numeric>
        {row.principals} · {row.assistantPrincipals}
      </Cell>
      <Cell numeric>{formatPercent(row.completionRate)}</Cell>
      <Cell numeric>{row.onTime}</Cell>
      <Cell numeric>{row.late}</Cell>
      <Cell numeric>{row.missing}</Cell>
      <Cell numeric>{formatPercent(row.onTimeRate)}</Cell>
      <Cell numeric>{row.awaitingReview}</Cell>
      <Cell numeric>{row.reviewDays === null ? '—' : `${row.reviewDays.toFixed(1)} days`}</Cell>
      <Cell numeric>
        {row.sessionsThisMonth} of {row.sessionsExpected}
      </Cell>
      <Cell numeric>{row.attention}</Cell>
    </Row>
  )
}
