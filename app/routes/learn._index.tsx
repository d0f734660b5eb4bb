import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader } from '~/components/page-header'
import { MONTH_NAMES } from '~/domain/curriculum'
import { currentModuleFor, moduleAccess, moduleCalendarMonth, moduleStatus, type ModuleStatus } from '~/domain/reader'
import { academyDate } from '~/domain/schedule'
import { getYearOverview } from '~/models/module.server'
import { getCurriculum } from '~/utils/content.server'
import { requireModuleViewer } from '~/utils/reader.server'

export const meta: MetaFunction = () => [{ title: 'Curriculum · SILA Academy' }]

type Row = {
  slug: string
  title: string
  year: number
  month: number
  minutes: number
  sectionCount: number
  status: ModuleStatus | null
  sectionsDone: number
  when: string
  dueOn: string | null
  opensOn: string | null
  upcoming: boolean
  editable: boolean
}

const calendarLabel = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' })

export async function loader({ request }: LoaderFunctionArgs) {
  const { viewer, fellow } = await requireModuleViewer(request)
  const visible = getCurriculum().modules.filter((m) => moduleAccess(viewer, m))
  if (!fellow) {
    const rows: Row[] = visible.map((m) => ({
      slug: m.slug, title: m.title, year: m.year, month: m.month, minutes: m.minutes, sectionCount: m.sections.length,
      status: null, sectionsDone: 0, when: MONTH_NAMES[m.month - 1], dueOn: null, opensOn: null, upcoming: false, editable: false,
    }))
    return json({ fellow: null, currentSlug: null, rows })
  }
  const today = academyDate(new Date())
  const overview = await getYearOverview({ fellowId: fellow.fellowId, cohortId: fellow.cohortId, slugs: visible.map((m) => m.slug) })
  const rows: Row[] = visible.map((m) => {
    const progress = overview.progress.find((p) => p.moduleSlug === m.slug)
    const answered = overview.answered.some((a) => a.moduleSlug === m.slug && a.count > 0)
    const schedule = overview.schedule.find((s) => s.moduleSlug === m.slug)
    const { year, month } = moduleCalendarMonth(fellow.cohortStartYear, m)
    return {
      slug: m.slug, title: m.title, year: m.year, month: m.month, minutes: m.minutes, sectionCount: m.sections.length,
      status: moduleStatus(progress, answered),
      sectionsDone: progress?.sectionsDone.filter((id) => m.sections.some((s) => s.id === id)).length ?? 0,
      when: calendarLabel.format(new Date(Date.UTC(year, month - 1, 1))),
      dueOn: schedule?.dueOn ?? null,
      opensOn: schedule?.opensOn ?? null,
      upcoming: Boolean(schedule && today < schedule.opensOn),
      editable: moduleAccess(viewer, m) === 'edit',
    }
  })
  const currentSlug = currentModuleFor(visible, viewer, new Date())?.slug ?? null
  return json({ fellow: { programYear: fellow.programYear, cohortName: fellow.cohortName }, currentSlug, rows })
}

const STATUS_TEXT: Record<ModuleStatus, { label: string; symbol: string; className: string }> = {
  'not-started': { label: 'Not started', symbol: '○', className: 'bg-slate-100 text-slate-800' },
  'in-progress': { label: 'In progress', symbol: '◐', className: 'bg-amber-100 text-amber-950' },
  complete: { label: 'Complete', symbol: '●', className: 'bg-emerald-100 text-emerald-900' },
}

function ModuleCard({ row, highlight }: { row: Row; highlight?: boolean }) {
  const status = row.status ? STATUS_TEXT[row.status] : null
  return (
    <li className={`rounded-lg bg-white p-4 shadow-sm ${highlight ? 'border-2 border-brand-600' : ''}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-sm font-semibold text-slate-600">
          {row.when} · month {row.month} · about {row.minutes} minutes
        </p>
        {status ? (
          <span className={`rounded px-2 py-0.5 text-sm font-semibold ${status.className}`}>
            <span aria-hidden="true">{status.symbol} </span>
            {status.label}
            {row.status === 'in-progress' ? ` (${row.sectionsDone} of ${row.sectionCount} sections)` : ''}
          </span>
        ) : null}
      </div>
      <h3 className="mt-1 text-lg font-semibold">
        <Link to={`/learn/${row.slug}`} className="text-brand-800 underline-offset-4 hover:underline">
          {row.title}
        </Link>
      </h3>
      {row.upcoming && row.opensOn ? (
        <p className="text-sm font-semibold text-slate-700">Upcoming: opens {row.opensOn}. You can preview it now.</p>
      ) : null}
      {row.dueOn ? <p className="text-sm text-slate-700">Assignment due {row.dueOn}</p> : null}
      {!row.editable && row.status ? <p className="text-sm text-slate-600">Your record: read-only.</p> : null}
    </li>
  )
}

export default function Curriculum() {
  const { fellow, currentSlug, rows } = useLoaderData<typeof loader>()
  const current = rows.find((r) => r.slug === currentSlug)
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => (fellow ? b - a : a - b))
  return (
    <>
      <PageHeader title="Curriculum">
        <p>
          {fellow
            ? `Your year ${fellow.programYear} at a glance, ${fellow.cohortName}. One module a month, September to June.`
            : 'Every module of both years, read-only. Fellows see their own year and track.'}
        </p>
      </PageHeader>
      {current ? (
        <section aria-labelledby="this-month" className="mb-8">
          <h2 id="this-month" className="mb-3 text-xl font-semibold">This month</h2>
          <ul>
            <ModuleCard row={current} highlight />
          </ul>
        </section>
      ) : null}
      {years.map((year) => (
        <section key={year} aria-labelledby={`year-${year}`} className="mb-8">
          <h2 id={`year-${year}`} className="mb-3 text-xl font-semibold">
            Year {year}
            {fellow && year < fellow.programYear ? ' (your record)' : ''}
          </h2>
          <ol className="grid gap-3 md:grid-cols-2">
            {rows
              .filter((r) => r.year === year)
              .map((row) => (
                <ModuleCard key={row.slug} row={row} />
              ))}
          </ol>
        </section>
      ))}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
