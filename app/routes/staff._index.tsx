import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Cell, DataTable, Row, RowHeader } from '~/components/data-table'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader } from '~/components/page-header'
import { AttentionList } from '~/components/staff/attention-list'
import { FilterForm } from '~/components/staff/filter-form'
import { RollupTable } from '~/components/staff/rollup-table'
import { drillLevel, filterQuery, type StaffFilters } from '~/domain/staff-filters'
import { completionGrid, formatPercent, monthLabel, needingAttention, rollUp, sumFacts, type Rollup } from '~/domain/staff-metrics'
import { requireRole } from '~/utils/auth.server'
import { loadStaffView } from '~/utils/staff-view.server'

export const meta: MetaFunction = () => [{ title: 'Cohort overview · SILA Academy' }]

const EXPORTS = [
  ['progress', 'progress per module'],
  ['submissions', 'submissions'],
  ['coaching', 'coaching cadence'],
] as const

const LEVEL_HEADINGS = { state: 'By state', lea: 'By district (LEA)', school: 'By school', fellow: 'By fellow' } as const
const LEVEL_COLUMNS = { state: 'State', lea: 'District (LEA)', school: 'School', fellow: 'Fellow' } as const

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'staff', 'admin')
  const { filters, today, facts, months, options } = await loadStaffView(request)
  const level = drillLevel(filters)
  const attention = needingAttention(facts, today)
  return json({
    today,
    filters,
    options,
    level,
    total: sumFacts('total', 'All in view', facts, today),
    rows: rollUp(facts, level, today),
    cohorts: rollUp(facts, 'cohort', today),
    months: completionGrid(months),
    attention: attention.slice(0, 50),
    attentionTotal: attention.length,
  })
}

function drillLink(filters: StaffFilters, level: ReturnType<typeof drillLevel>, row: Rollup) {
  if (level === 'state') return `/staff${filterQuery(filters, { state: row.key === 'MD' ? 'MD' : 'NJ' })}`
  if (level === 'lea') return `/staff${filterQuery(filters, { lea: row.key })}`
  if (level === 'school') return `/staff${filterQuery(filters, { school: row.key })}`
  return `/staff/fellows/${row.key}`
}

export default function StaffOverview() {
  const data = useLoaderData<typeof loader>()
  const { filters, options, total, level } = data
  const stateName = filters.state === 'MD' ? 'Maryland' : filters.state === 'NJ' ? 'New Jersey' : null
  const lea = options.leas.find((l) => l.id === filters.lea)
  const school = options.schools.find((s) => s.id === filters.school)
  const crumbs = [
    { label: 'Both states', to: `/staff${filterQuery(filters, { state: null, lea: null, school: null })}` },
    ...(stateName ? [{ label: stateName, to: `/staff${filterQuery(filters, { lea: null, school: null })}` }] : []),
    ...(lea ? [{ label: lea.name, to: `/staff${filterQuery(filters, { school: null })}` }] : []),
    ...(school ? [{ label: school.name, to: `/staff${filterQuery(filters)}` }] : []),
  ]
  const query = filterQuery(filters)
  return (
    <>
      <PageHeader title="Cohort overview">
        <p>
          {total.fellows} fellows in {data.cohorts.length} cohort{data.cohorts.length === 1 ? '' : 's'} across Maryland and New Jersey
          {query ? ' (filtered)' : ''}. Figures as of {data.today}, Eastern time.
        </p>
      </PageHeader>
      <FilterForm action="/staff" filters={filters} options={options} />

      <section aria-labelledby="summary-heading" className="mb-8">
        <h2 id="summary-heading" className="sr-only">Summary</h2>
        <dl className="grid gap-4 sm:grid-cols-3 lg:grid-cols-6">
          {[
            ['Fellows', String(total.fellows)],
            ['Modules completed', formatPercent(total.completionRate)],
            ['Assignments on time', formatPercent(total.onTimeRate)],
            ['Missing assignments', String(total.missing)],
            ['Coaching sessions this month', `${total.sessionsThisMonth} of ${total.sessionsExpected}`],
            ['Need attention', String(total.attention)],
          ].map(([label, value]) => (
            <div key={label} className="rounded-lg bg-white p-4 shadow-sm">
              <dt className="text-sm text-slate-700">{label}</dt>
              <dd className="text-2xl font-semibold text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="drill-heading" className="mb-10 space-y-3">
        <h2 id="drill-heading" className="text-xl font-semibold">{LEVEL_HEADINGS[level]}</h2>
        <nav aria-label="Drill-down" className="text-sm">
          <ol className="flex flex-wrap gap-2">
            {crumbs.map((c, i) => (
              <li key={c.to} className="flex gap-2">
                {i > 0 ? <span aria-hidden="true">›</span> : null}
                {i === crumbs.length - 1 ? <span aria-current="page" className="font-semibold">{c.label}</span> : <Link to={c.to} className="text-brand-800 underline underline-offset-4">{c.label}</Link>}
              </li>
            ))}
          </ol>
        </nav>
        <RollupTable
          caption={`${LEVEL_HEADINGS[level]}: fellows, completion, assignments, review and coaching`}
          firstColumn={LEVEL_COLUMNS[level]}
          rows={data.rows}
          total={total}
          link={(row) => drillLink(filters, level, row)}
        />
        <p className="text-sm text-slate-700">
          Modules completed: of the modules that have opened for each fellow’s year and track. On time, late and missing: assignments whose due day has
          passed or that were handed in, judged on the first hand-in in Eastern time. Review turnaround: mean days from hand-in to a return or acceptance.
        </p>
        <p className="flex flex-wrap gap-x-5 text-sm">
          Download this view as CSV:
          {EXPORTS.map(([kind, label]) => (
            <a key={kind} href={`/staff/export.csv${query ? `${query}&` : '?'}kind=${kind}`} className="text-brand-800 underline underline-offset-4">
              {label}
            </a>
          ))}
        </p>
      </section>

      <section aria-labelledby="cohorts-heading" className="mb-10 space-y-3">
        <h2 id="cohorts-heading" className="text-xl font-semibold">By cohort</h2>
        <RollupTable caption="Cohorts: fellows, completion, assignments, review and coaching" firstColumn="Cohort" rows={data.cohorts} link={(row) => `/staff${filterQuery(filters, { cohort: row.key })}`} />
        <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          {data.cohorts.map((c) => (
            <li key={c.key}>
              {c.label}:{' '}
              <Link to={`/staff/cohorts/${c.key}/heatmap${query}`} className="text-brand-800 underline underline-offset-4">heat map<span className="sr-only"> of {c.label}</span></Link>
              {' · '}
              <Link to={`/staff/cohorts/${c.key}/schedule`} className="text-brand-800 underline underline-offset-4">schedule<span className="sr-only"> of {c.label}</span></Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="months-heading" className="mb-10 space-y-3">
        <h2 id="months-heading" className="text-xl font-semibold">Module completion per month</h2>
        {data.months.months.length === 0 ? (
          <p className="text-slate-700">No module has opened yet for the fellows in view.</p>
        ) : (
          <DataTable caption="Share of fellows who completed the module that opened each month, per cohort" columns={['Cohort', ...data.months.months.map((m) => ({ label: monthLabel(m), numeric: true }))]}>
            {data.months.cohorts.map((c) => (
              <Row key={c.id}>
                <RowHeader>{c.name}</RowHeader>
                {c.rates.map((rate, i) => (
                  <Cell key={data.months.months[i]} numeric>{formatPercent(rate)}</Cell>
                ))}
              </Row>
            ))}
          </DataTable>
        )}
      </section>

      <AttentionList items={data.attention} total={data.attentionTotal} />
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
