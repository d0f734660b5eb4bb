import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader } from '~/components/page-header'
import { FilterForm } from '~/components/staff/filter-form'
import { HeatLegend, HeatMap } from '~/components/staff/heat-map'
import { buildHeatmap, countStates } from '~/domain/heatmap'
import { academyDate } from '~/domain/schedule'
import { filterQuery } from '~/domain/staff-filters'
import { getHeatmapData } from '~/models/heatmap.server'
import { getCohort } from '~/models/schedule.server'
import { listFilterOptions } from '~/models/staff-metrics.server'
import { requireRole } from '~/utils/auth.server'
import { requireStaffFilters } from '~/utils/staff-view.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Heat map: ${data?.cohort.name ?? 'cohort'} · SILA Academy` }]

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, 'staff', 'admin')
  const cohortId = params.cohortId ?? ''
  const cohort = UUID.test(cohortId) ? await getCohort({ id: cohortId }) : null
  if (!cohort) throw new Response('Not found', { status: 404 })
  const filters = { ...requireStaffFilters(request), cohort: cohort.id }
  const [data, options] = await Promise.all([getHeatmapData({ cohortId: cohort.id, filters }), listFilterOptions({ lea: filters.lea })])
  const grid = buildHeatmap({ today: academyDate(new Date()), ...data })
  return json({ cohort: { id: cohort.id, name: cohort.name }, filters, options, grid, counts: countStates(grid.rows) })
}

export default function CohortHeatmap() {
  const { cohort, filters, options, grid, counts } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title={`Heat map: ${cohort.name}`}>
        <p>
          {grid.rows.length} fellows × {grid.columns.length} modules. Each cell shows where a fellow stands on a module by colour and by symbol; the key
          says what each means. <Link to={`/staff${filterQuery(filters)}`} className="text-brand-800 underline underline-offset-4">Back to the overview</Link>
        </p>
      </PageHeader>
      <FilterForm action={`/staff/cohorts/${cohort.id}/heatmap`} filters={filters} options={{ ...options, cohorts: options.cohorts.filter((c) => c.id === cohort.id) }} />
      <div className="mb-6">
        <HeatLegend counts={counts} />
      </div>
      {grid.rows.length === 0 ? (
        <p className="text-slate-700">No fellows in this cohort match the filters.</p>
      ) : (
        <HeatMap caption={`Module status of each fellow in ${cohort.name}`} columns={grid.columns} rows={grid.rows} />
      )}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
