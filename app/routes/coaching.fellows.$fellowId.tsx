import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { BeliefLedger } from '~/components/belief-ledger'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ActionMessage } from '~/components/forms'
import { PageHeader } from '~/components/page-header'
import { BELIEF_STATUSES, BeliefSchema, canMoveBelief, MODALITY_LABELS } from '~/domain/coaching'
import { academyDate } from '~/domain/schedule'
import { createBelief, createDraftSession, getBelief, listBeliefs, listBeliefUpdates, listSessionsForCoach, moveBelief, setBeliefShared } from '~/models/coaching.server'
import { getFellowProfile } from '~/models/fellow.server'
import { requireUser } from '~/utils/auth.server'
import { auditCoachingRead, requireCurrentCoach } from '~/utils/coaching.server'
import { readForm } from '~/utils/request.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Coaching: ${data?.fellow.name ?? 'fellow'} · SILA Academy` }]

const ActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('new-session') }),
  BeliefSchema.extend({ intent: z.literal('add-belief') }),
  z.object({
    intent: z.literal('move-belief'),
    beliefId: z.string().uuid(),
    to: z.enum(BELIEF_STATUSES, { errorMap: () => ({ message: 'Choose where the belief has moved to.' }) }),
    evidence: z.string({ required_error: 'Say what you saw or heard that shows the move.' }).trim().min(3, 'Say what you saw or heard that shows the move.').max(5000),
    sessionId: z.string().uuid().optional(),
  }),
  z.object({ intent: z.literal('share-belief'), beliefId: z.string().uuid(), shared: z.enum(['true', 'false']) }),
])

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const context = await requireCurrentCoach(user, params.fellowId ?? '')
  const fellowId = params.fellowId ?? ''
  const [profile, sessions, beliefs] = await Promise.all([
    getFellowProfile({ userId: context.fellowUserId }),
    listSessionsForCoach({ fellowId, coachId: user.id }),
    listBeliefs({ fellowId, sharedOnly: false }),
  ])
  const updates = await listBeliefUpdates({ beliefIds: beliefs.map((b) => b.id), withEvidence: true })
  await auditCoachingRead(request, user, { type: 'fellow', id: fellowId })
  return json({
    me: user.id,
    fellow: { id: fellowId, name: profile?.name ?? 'Fellow', school: profile?.schoolName ?? '', cohort: profile?.cohortName ?? '' },
    sessions,
    beliefs: beliefs.map((b) => ({ ...b, updates: updates.filter((u) => u.beliefId === b.id) })),
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  await requireCurrentCoach(user, params.fellowId ?? '')
  const fellowId = params.fellowId ?? ''
  const parsed = parseWithZod(await readForm(request), { schema: ActionSchema })
  if (parsed.status !== 'success') {
    return json({ ok: false, message: Object.values(parsed.error ?? {}).flat()[0] ?? 'That request could not be read.' }, { status: 400 })
  }
  const value = parsed.value
  if (value.intent === 'new-session') {
    const id = await createDraftSession({ coachId: user.id, fellowId, heldOn: academyDate(new Date()) })
    return redirect(`/coaching/sessions/${id}`)
  }
  if (value.intent === 'add-belief') {
    await createBelief({ fellowId, coachId: user.id, belief: value.belief, domain: value.domain, evidence: value.evidence, sharedWithFellow: value.shared === 'on' })
    return json({ ok: true, message: 'Belief added to the ledger.' })
  }
  const belief = await getBelief({ id: value.beliefId })
  if (!belief || belief.fellowId !== fellowId) return json({ ok: false, message: 'That belief is not in this fellow’s ledger.' }, { status: 404 })
  if (value.intent === 'share-belief') {
    await setBeliefShared({ id: belief.id, shared: value.shared === 'true' })
    return json({ ok: true, message: value.shared === 'true' ? 'The fellow can now see this belief and its movement.' : 'This belief is private to you again.' })
  }
  if (!canMoveBelief(belief.status, value.to)) {
    return json({ ok: false, message: 'A belief moves one step at a time: surfaced, exploring, shifting, shifted (or back one step).' }, { status: 400 })
  }
  const moved = await moveBelief({ id: belief.id, from: belief.status, to: value.to, evidence: value.evidence, sessionId: value.sessionId ?? null, coachId: user.id })
  return moved ? json({ ok: true, message: 'Movement recorded.' }) : json({ ok: false, message: 'The belief changed a moment ago; reload and try again.' }, { status: 409 })
}

export default function CoachFellowPage() {
  const { fellow, sessions, beliefs, me } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <>
      <PageHeader title={`Coaching: ${fellow.name}`}>
        <p>
          {fellow.school} · {fellow.cohort}. Private notes and unshared beliefs are yours alone: the fellow, other coaches
          and staff never see them.
        </p>
        <p className="mt-2">
          <Link to={`/tools?fellow=${fellow.id}`} className="text-brand-800 underline underline-offset-4">
            Their improvement work
          </Link>{' '}
          (equity audits, fishbones, PDSA cycles)
        </p>
      </PageHeader>
      <ActionMessage result={result} />
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="sessions-heading" className="rounded-lg bg-white p-6 shadow-sm">
          <div className="flex items-center justify-between gap-4">
            <h2 id="sessions-heading" className="text-xl font-semibold">Sessions</h2>
            <Form method="post">
              <input type="hidden" name="intent" value="new-session" />
              <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">Log a session</button>
            </Form>
          </div>
          {sessions.length === 0 ? <p className="mt-3 text-slate-700">No sessions yet.</p> : null}
          <ol className="mt-3 space-y-3">
            {sessions.map((s) => (
              <li key={s.id} className="border-l-2 border-slate-300 pl-3">
                <p className="font-semibold">
                  {s.coachId === me ? (
                    <Link to={`/coaching/sessions/${s.id}`} className="text-brand-800 underline underline-offset-4">
                      {s.heldOn} · {s.minutes} min · {MODALITY_LABELS[s.modality]}
                    </Link>
                  ) : (
                    `${s.heldOn} · ${s.minutes} min · ${MODALITY_LABELS[s.modality]}`
                  )}
                  {s.isDraft ? <span className="ml-2 rounded bg-amber-100 px-2 text-sm">Draft</span> : null}
                </p>
                <p className="text-sm text-slate-600">{s.coachId === me ? 'You' : `${s.coachName} (earlier coach)`}</p>
                {s.sharedSummary ? <p className="mt-1 whitespace-pre-wrap text-slate-800">{s.sharedSummary}</p> : null}
              </li>
            ))}
          </ol>
        </section>
        <BeliefLedger beliefs={beliefs} sessions={sessions.filter((s) => s.coachId === me && !s.isDraft).map((s) => ({ id: s.id, heldOn: s.heldOn }))} />
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
