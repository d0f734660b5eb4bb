import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { BeliefSteps, BeliefTimeline } from '~/components/belief-ledger'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader } from '~/components/page-header'
import { BELIEF_DOMAIN_LABELS, MODALITY_LABELS } from '~/domain/coaching'
import { listBeliefs, listBeliefUpdates, listSharedSessions } from '~/models/coaching.server'
import { getFellowProfile } from '~/models/fellow.server'
import { requireRole } from '~/utils/auth.server'
import { auditCoachingRead } from '~/utils/coaching.server'

export const meta: MetaFunction = () => [{ title: 'Coaching · SILA Academy' }]

/** The fellow's side of coaching: what their coach chose to share, and nothing else. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'fellow')
  const profile = await getFellowProfile({ userId: user.id })
  if (!profile) return json({ coachName: null, sessions: [], beliefs: [] })
  const [sessions, beliefs] = await Promise.all([listSharedSessions({ fellowId: profile.fellowId }), listBeliefs({ fellowId: profile.fellowId, sharedOnly: true })])
  const updates = await listBeliefUpdates({ beliefIds: beliefs.map((b) => b.id), withEvidence: false })
  await auditCoachingRead(request, user, { type: 'fellow', id: profile.fellowId })
  return json({
    coachName: profile.coachName,
    sessions,
    beliefs: beliefs.map((b) => ({ id: b.id, belief: b.belief, domain: b.domain, status: b.status, updates: updates.filter((u) => u.beliefId === b.id) })),
  })
}

export default function FellowCoaching() {
  const { coachName, sessions, beliefs } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title="Coaching">
        <p>{coachName ? `Your equity coach is ${coachName}.` : 'You are not yet paired with a coach.'} Next steps and summaries your coach shares appear here, newest first.</p>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <section aria-labelledby="sessions-heading" className="rounded-lg bg-white p-6 shadow-sm">
          <h2 id="sessions-heading" className="text-xl font-semibold">Sessions</h2>
          {sessions.length === 0 ? <p className="mt-3 text-slate-700">No sessions yet.</p> : null}
          <ol className="mt-3 space-y-5">
            {sessions.map((s) => (
              <li key={s.id} className="border-l-4 border-brand-600 pl-4">
                <p className="font-semibold">
                  {s.heldOn} · {s.minutes} minutes · {MODALITY_LABELS[s.modality]} · with {s.coachName}
                </p>
                {s.nextSteps ? (
                  <>
                    <h3 className="mt-2 text-sm font-semibold uppercase tracking-wide text-brand-700">Next steps</h3>
                    <p className="whitespace-pre-wrap">{s.nextSteps}</p>
                  </>
                ) : null}
                {s.sharedSummary ? (
                  <>
                    <h3 className="mt-2 text-sm font-semibold uppercase tracking-wide text-slate-600">Summary</h3>
                    <p className="whitespace-pre-wrap text-slate-800">{s.sharedSummary}</p>
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="beliefs-heading" className="rounded-lg bg-white p-6 shadow-sm">
          <h2 id="beliefs-heading" className="text-xl font-semibold">Beliefs we are working on</h2>
          {beliefs.length === 0 ? <p className="mt-3 text-slate-700">Your coach has not shared any yet.</p> : null}
          <ul className="mt-3 space-y-4">
            {beliefs.map((b) => (
              <li key={b.id}>
                <p className="font-semibold">“{b.belief}”</p>
                <p className="text-sm text-slate-600">{BELIEF_DOMAIN_LABELS[b.domain]}</p>
                <BeliefSteps status={b.status} />
                <BeliefTimeline updates={b.updates} />
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
