import type { MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader, POSITION_LABELS, STATE_NAMES } from '~/components/page-header'
import type { loader } from '~/utils/home-page.server'

// The loader lives in a server module of this route's own (docs/decisions/0016).
export { loader } from '~/utils/home-page.server'

export const meta: MetaFunction = () => [{ title: 'This month · SILA Academy' }]

const DUE_STYLES = {
  returned: { label: 'Returned: revise', symbol: '↩', className: 'bg-amber-100 text-amber-950' },
  overdue: { label: 'Overdue', symbol: '!', className: 'bg-red-100 text-red-900' },
  'due-soon': { label: 'Due soon', symbol: '⏳', className: 'bg-amber-50 text-amber-950' },
  open: { label: 'Open', symbol: '○', className: 'bg-slate-100 text-slate-800' },
  upcoming: { label: 'Upcoming', symbol: '·', className: 'bg-slate-100 text-slate-800' },
  done: { label: 'Done', symbol: '✓', className: 'bg-emerald-100 text-emerald-900' },
} as const

export default function FellowHome() {
  const { name, profile, current, due } = useLoaderData<typeof loader>()
  const monthName = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric' }).format(new Date())
  return (
    <>
      <PageHeader title={`Welcome, ${name}`}>
        <p>What is due in {monthName}.</p>
      </PageHeader>
      {profile ? (
        <div className="grid gap-6 md:grid-cols-2">
          <section aria-labelledby="due-heading" className="rounded-lg bg-white p-6 shadow-sm">
            <h2 id="due-heading" className="text-xl font-semibold">Due this month</h2>
            {current ? (
              <div className="mt-3 space-y-2 text-slate-800">
                <p>
                  <Link to={`/learn/${current.slug}`} className="text-lg font-semibold text-brand-800 underline underline-offset-4">
                    {current.title}
                  </Link>
                </p>
                <p>
                  About {current.minutes} minutes ·{' '}
                  {current.status === 'complete' ? 'complete' : current.status === 'in-progress' ? 'in progress' : 'not started'}
                </p>
                <p>
                  Assignment: {current.assignment}
                  {current.dueOn ? `, due ${current.dueOn}` : ''}
                </p>
              </div>
            ) : (
              <p className="mt-3 text-slate-700">No module this month: the academy follows the school year, September to June.</p>
            )}
          </section>
          <section aria-labelledby="owed-heading" className="rounded-lg bg-white p-6 shadow-sm md:col-span-2">
            <h2 id="owed-heading" className="text-xl font-semibold">Due and overdue</h2>
            {due.length === 0 ? (
              <p className="mt-3 text-slate-700">Nothing is due or overdue. Well done.</p>
            ) : (
              <ul className="mt-3 space-y-2">
                {due.map((item) => (
                  <li key={item.moduleSlug} className="flex flex-wrap items-baseline gap-x-3">
                    <span className={`rounded px-2 py-0.5 text-sm font-semibold ${DUE_STYLES[item.state].className}`}>
                      <span aria-hidden="true">{DUE_STYLES[item.state].symbol} </span>
                      {DUE_STYLES[item.state].label}
                    </span>
                    <Link to={item.submissionId ? `/submissions/${item.submissionId}` : `/learn/${item.moduleSlug}#assignment`} className="font-semibold text-brand-800 underline underline-offset-4">
                      {item.assignment}
                    </Link>
                    <span className="text-sm text-slate-700">
                      {item.title}
                      {item.dueOn ? ` · due ${item.dueOn}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="profile-heading" className="rounded-lg bg-white p-6 shadow-sm">
            <h2 id="profile-heading" className="text-xl font-semibold">Your academy record</h2>
            <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-slate-800">
              <dt className="font-semibold">Cohort</dt>
              <dd>{profile.cohortName}</dd>
              <dt className="font-semibold">Program year</dt>
              <dd>Year {profile.programYear}</dd>
              <dt className="font-semibold">Position</dt>
              <dd>{POSITION_LABELS[profile.position]}</dd>
              <dt className="font-semibold">School</dt>
              <dd>{profile.schoolName}</dd>
              <dt className="font-semibold">District</dt>
              <dd>
                {profile.leaName}, {STATE_NAMES[profile.state]}
              </dd>
              <dt className="font-semibold">Equity coach</dt>
              <dd>{profile.coachName ?? 'Not yet paired'}</dd>
            </dl>
          </section>
        </div>
      ) : (
        <p className="rounded-lg bg-white p-6 shadow-sm text-slate-700">
          Your account is not yet on a cohort roster. Academy staff will add you to your cohort.
        </p>
      )}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
