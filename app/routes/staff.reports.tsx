import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { BarChart } from '~/components/charts/bar-chart'
import { LineChart } from '~/components/charts/line-chart'
import { Cell, DataTable, Row, RowHeader } from '~/components/data-table'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader } from '~/components/page-header'
import { Figure } from '~/components/staff/figure'
import { FilterForm } from '~/components/staff/filter-form'
import { completionGrid, formatPercent, monthLabel, rollUp } from '~/domain/staff-metrics'
import { sessionsByMonth } from '~/models/staff-metrics.server'
import { requireRole } from '~/utils/auth.server'
import { loadStaffView } from '~/utils/staff-view.server'

export const meta: MetaFunction = () => [{ title: 'Reports · SILA Academy' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'staff', 'admin')
  const { filters, today, facts, months, options } = await loadStaffView(request)
  const sessions = await sessionsByMonth({ filters })
  return json({ today, filters, options, completion: completionGrid(months), states: rollUp(facts, 'state', today), sessions })
}

export default function Reports() {
  const { today, filters, options, completion, states, sessions } = useLoaderData<typeof loader>()
  const monthLabels = completion.months.map(monthLabel)
  const maxSessions = Math.max(1, ...sessions.map((s) => s.sessions))
  return (
    <>
      <PageHeader title="Reports">
        <p>Charts for funder and district reports, for the fellows the filters select, as of {today}. Each chart is followed by its figures as a table.</p>
      </PageHeader>
      <FilterForm action="/staff/reports" filters={filters} options={options} />

      <Figure id="completion-heading" heading="Module completion over the months, per cohort">
        {completion.months.length === 0 ? (
          <p className="text-slate-700">No module has opened yet for the fellows in view.</p>
        ) : (
          <>
            <LineChart
              id="completion-chart"
              title="Share of fellows who completed each month’s module, per cohort"
              description={completion.cohorts.map((c) => `${c.name}: ${c.rates.map((r, i) => `${monthLabels[i]} ${formatPercent(r)}`).join(', ')}`).join('. ')}
              labels={monthLabels}
              series={completion.cohorts.map((c) => ({ name: c.name, values: c.rates }))}
              yLabel="Completed"
            />
            <DataTable caption="Module completion per month and cohort" columns={['Cohort', ...monthLabels.map((label) => ({ label, numeric: true }))]}>
              {completion.cohorts.map((c) => (
                <Row key={c.id}>
                  <RowHeader>{c.name}</RowHeader>
                  {c.rates.map((rate, i) => (
                    <Cell key={completion.months[i]} numeric>{formatPercent(rate)}</Cell>
                  ))}
                </Row>
              ))}
            </DataTable>
          </>
        )}
      </Figure>

      <Figure id="ontime-heading" heading="Assignments handed in on time, per state">
        <BarChart
          id="ontime-chart"
          title="On-time rate of assignments per state"
          description={states.map((s) => `${s.label}: ${formatPercent(s.onTimeRate)} on time (${s.onTime} on time, ${s.late} late, ${s.missing} missing)`).join('. ')}
          bars={states.map((s) => ({ label: s.label, value: s.onTimeRate ?? 0, display: formatPercent(s.onTimeRate) }))}
          max={1}
          axisLabel="Share of due or handed-in assignments handed in on time"
          tick={(v) => `${Math.round(v * 100)}%`}
        />
        <DataTable caption="On time, late and missing assignments per state" columns={['State', { label: 'On time', numeric: true }, { label: 'Late', numeric: true }, { label: 'Missing', numeric: true }, { label: 'On-time rate', numeric: true }]}>
          {states.map((s) => (
            <Row key={s.key}>
              <RowHeader>{s.label}</RowHeader>
              <Cell numeric>{s.onTime}</Cell>
              <Cell numeric>{s.late}</Cell>
              <Cell numeric>{s.missing}</Cell>
              <Cell numeric>{formatPercent(s.onTimeRate)}</Cell>
            </Row>
          ))}
        </DataTable>
      </Figure>

      <Figure id="sessions-heading" heading="Coaching sessions per month">
        {sessions.length === 0 ? (
          <p className="text-slate-700">No coaching sessions logged yet for the fellows in view.</p>
        ) : (
          <>
            <BarChart
              id="sessions-chart"
              title="Coaching sessions logged per month"
              description={sessions.map((s) => `${monthLabel(s.month)}: ${s.sessions}`).join(', ')}
              bars={sessions.map((s) => ({ label: monthLabel(s.month), value: s.sessions, display: String(s.sessions) }))}
              max={maxSessions}
              axisLabel="Sessions logged (drafts not counted)"
              tick={(v) => String(Math.round(v))}
            />
            <DataTable caption="Coaching sessions per month" columns={['Month', { label: 'Sessions', numeric: true }]}>
              {sessions.map((s) => (
                <Row key={s.month}>
                  <RowHeader>{monthLabel(s.month)}</RowHeader>
                  <Cell numeric>{s.sessions}</Cell>
                </Row>
              ))}
            </DataTable>
          </>
        )}
      </Figure>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
