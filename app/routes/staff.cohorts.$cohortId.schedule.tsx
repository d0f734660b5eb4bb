import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Cell, DataTable, Row, RowHeader } from '~/components/data-table'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ActionMessage } from '~/components/forms'
import { PageHeader } from '~/components/page-header'
import { MONTH_NAMES } from '~/domain/curriculum'
import { defaultSchedule, isValidIsoDate } from '~/domain/schedule'
import { writeAudit } from '~/models/audit-log.server'
import { getCohort, getCohortSchedule, setCoachingCadence, setScheduleDates } from '~/models/schedule.server'
import { requireRole } from '~/utils/auth.server'
import { getCurriculum } from '~/utils/content.server'
import { clientAddress, readForm } from '~/utils/request.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Schedule · ${data?.cohort.name ?? 'Cohort'} · SILA Academy` }]

async function requireCohort(request: Request, cohortId: string | undefined) {
  const user = await requireRole(request, 'staff', 'admin')
  const cohort = cohortId && /^[0-9a-f-]{36}$/i.test(cohortId) ? await getCohort({ id: cohortId }) : null
  if (!cohort) throw new Response('Not found', { status: 404 })
  return { user, cohort }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cohort } = await requireCohort(request, params.cohortId)
  return json({ cohort, rows: await getCohortSchedule({ cohortId: cohort.id }) })
}

type RowError = { moduleSlug: string; message: string }

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, cohort } = await requireCohort(request, params.cohortId)
  const form = await readForm(request)
  const intent = form.get('intent')
  const modules = getCurriculum().modules
  if (intent === 'fill-default') {
    await setScheduleDates({ cohortId: cohort.id, entries: defaultSchedule(cohort.startYear, modules) })
    await writeAudit({ actorId: user.id, action: 'schedule.reset_to_default', targetType: 'cohort', targetId: cohort.id, ipAddress: clientAddress(request) })
    return json({ ok: true, message: 'Every module now has the default dates: opens the first school day of its month, due the last Friday.', errors: [] as RowError[] })
  }
  if (intent === 'cadence') {
    const perMonth = Number(form.get('perMonth'))
    if (!Number.isInteger(perMonth) || perMonth < 1 || perMonth > 8) {
      return json({ ok: false, message: 'Expected coaching sessions per month must be a whole number from 1 to 8.', errors: [] as RowError[] }, { status: 400 })
    }
    await setCoachingCadence({ id: cohort.id, perMonth })
    await writeAudit({ actorId: user.id, action: 'cohort.cadence_changed', targetType: 'cohort', targetId: cohort.id, ipAddress: clientAddress(request), details: { perMonth } })
    return json({ ok: true, message: `Coaches of ${cohort.name} are now expected to hold ${perMonth} session${perMonth === 1 ? '' : 's'} a month with each fellow.`, errors: [] as RowError[] })
  }
  if (intent !== 'save') return json({ ok: false, message: 'That request could not be read.', errors: [] as RowError[] }, { status: 400 })
  const errors: RowError[] = []
  const entries = []
  for (const m of modules) {
    const opensOn = String(form.get(`opens:${m.slug}`) ?? '')
    const dueOn = String(form.get(`due:${m.slug}`) ?? '')
    if (!opensOn && !dueOn) continue
    if (!isValidIsoDate(opensOn) || !isValidIsoDate(dueOn)) errors.push({ moduleSlug: m.slug, message: `${m.title}: give both dates as real calendar dates.` })
    else if (dueOn < opensOn) errors.push({ moduleSlug: m.slug, message: `${m.title}: the due date comes before the module opens.` })
    else entries.push({ moduleSlug: m.slug, opensOn, dueOn })
  }
  if (errors.length > 0) return json({ ok: false, message: 'Nothing was saved: fix the dates below.', errors }, { status: 400 })
  await setScheduleDates({ cohortId: cohort.id, entries })
  await writeAudit({ actorId: user.id, action: 'schedule.updated', targetType: 'cohort', targetId: cohort.id, ipAddress: clientAddress(request), details: { modules: entries.length } })
  return json({ ok: true, message: `Saved the dates of ${entries.length} modules.`, errors: [] as RowError[] })
}

export default function CohortSchedule() {
  const { cohort, rows } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const errorFor = (slug: string) => result?.errors.find((e) => e.moduleSlug === slug)?.message
  return (
    <>
      <PageHeader title={`Schedule: ${cohort.name}`}>
        <p>
          When each module opens and when its assignment is due. Fellows can read a module before it opens, and late work
          is always accepted and marked late. <Link to="/staff" className="text-brand-700 underline">Back to cohorts</Link>
        </p>
      </PageHeader>
      <ActionMessage result={result} />
      <Form method="post" className="mb-6 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm">
        <input type="hidden" name="intent" value="cadence" />
        <div>
          <label htmlFor="perMonth" className="block font-semibold">Expected coaching sessions per fellow per month</label>
          <input id="perMonth" name="perMonth" type="number" min={1} max={8} defaultValue={cohort.coachingCadence} className="mt-1 w-24 rounded border border-slate-400 px-2 py-1" />
        </div>
        <button type="submit" className="rounded border border-brand-700 px-3 py-1.5 font-semibold text-brand-800">Save cadence</button>
      </Form>
      <Form method="post" className="mb-6">
        <input type="hidden" name="intent" value="fill-default" />
        <button type="submit" className="rounded border border-brand-700 bg-white px-4 py-2 font-semibold text-brand-800">
          Reset every date to the default schedule
        </button>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value="save" />
        <DataTable caption={`Module dates for ${cohort.name}`} columns={['Module', 'Month', 'Opens', 'Due']}>
          {rows.map((row) => {
            const error = errorFor(row.moduleSlug)
            return (
              <Row key={row.moduleSlug}>
                <RowHeader>
                  {row.title}
                  {error ? (
                    <span id={`error-${row.moduleSlug}`} className="block text-sm font-semibold text-red-800">
                      {error}
                    </span>
                  ) : null}
                </RowHeader>
                <Cell>
                  Year {row.year}, {MONTH_NAMES[row.month - 1]}
                </Cell>
                <Cell>
                  <label htmlFor={`opens-${row.moduleSlug}`} className="sr-only">{`${row.title} opens on`}</label>
                  <input id={`opens-${row.moduleSlug}`} type="date" name={`opens:${row.moduleSlug}`} defaultValue={row.opensOn ?? ''} aria-invalid={error ? true : undefined} aria-describedby={error ? `error-${row.moduleSlug}` : undefined} className="rounded border border-slate-400 px-2 py-1" />
                </Cell>
                <Cell>
                  <label htmlFor={`due-${row.moduleSlug}`} className="sr-only">{`${row.title} assignment due on`}</label>
                  <input id={`due-${row.moduleSlug}`} type="date" name={`due:${row.moduleSlug}`} defaultValue={row.dueOn ?? ''} aria-invalid={error ? true : undefined} aria-describedby={error ? `error-${row.moduleSlug}` : undefined} className="rounded border border-slate-400 px-2 py-1" />
                </Cell>
              </Row>
            )
          })}
        </DataTable>
        <button type="submit" className="mt-4 rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">Save dates</button>
      </Form>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
