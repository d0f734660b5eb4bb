import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader, POSITION_LABELS, STATE_NAMES } from '~/components/page-header'
import { getFellowProfile } from '~/models/fellow.server'
import { requireRole } from '~/utils/auth.server'

export const meta: MetaFunction = () => [{ title: 'This month · SILA Academy' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'fellow')
  const profile = await getFellowProfile({ userId: user.id })
  return json({ name: user.name, profile })
}

export default function FellowHome() {
  const { name, profile } = useLoaderData<typeof loader>()
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
            <p className="mt-3 text-slate-700">
              Nothing is due yet. Your cohort&apos;s module schedule will list this month&apos;s module and
              assignment here once academy staff publish it.
            </p>
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
