import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useFetcher, useLoaderData } from '@remix-run/react'
import { useRef } from 'react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ActionMessage } from '~/components/forms'
import { PageHeader } from '~/components/page-header'
import { FOCUS_CONCEPTS, MODALITIES, MODALITY_LABELS, SessionSchema } from '~/domain/coaching'
import { moduleAccess } from '~/domain/reader'
import { countSessionRevisions, getSessionBeliefIds, listBeliefs, saveSession } from '~/models/coaching.server'
import { getFellowProfile } from '~/models/fellow.server'
import { requireUser } from '~/utils/auth.server'
import { auditCoachingRead, requireSessionAuthor } from '~/utils/coaching.server'
import { getCurriculum } from '~/utils/content.server'
import { readForm } from '~/utils/request.server'

export const meta: MetaFunction = () => [{ title: 'Coaching session · SILA Academy' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { session, context, stillPaired } = await requireSessionAuthor(user, params.sessionId ?? '')
  const [profile, beliefs, touched, revisions] = await Promise.all([
    getFellowProfile({ userId: context?.fellowUserId ?? '' }),
    stillPaired ? listBeliefs({ fellowId: session.fellowId, sharedOnly: false }) : Promise.resolve([]),
    getSessionBeliefIds({ sessionId: session.id }),
    countSessionRevisions({ sessionId: session.id }),
  ])
  await auditCoachingRead(request, user, { type: 'session', id: session.id })
  const viewer = profile ? { role: 'fellow' as const, programYear: profile.programYear, position: profile.position } : null
  const modules = viewer ? getCurriculum().modules.filter((m) => moduleAccess(viewer, m) === 'edit').map((m) => ({ slug: m.slug, title: m.title })) : []
  return json({
    session: { ...session, beliefIds: touched },
    fellowName: profile?.name ?? 'Fellow',
    readOnly: !stillPaired,
    beliefs: beliefs.map((b) => ({ id: b.id, belief: b.belief })),
    modules,
    revisions,
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const { session, stillPaired } = await requireSessionAuthor(user, params.sessionId ?? '')
  if (!stillPaired) return json({ ok: false, message: 'Your pairing with this fellow has ended: the session is yours to read, not to change.' }, { status: 403 })
  const form = await readForm(request)
  const intent = form.get('intent')
  const parsed = parseWithZod(form, { schema: SessionSchema })
  if (parsed.status !== 'success') {
    const message = Object.values(parsed.error ?? {}).flat()[0] ?? 'That request could not be read.'
    return json({ ok: false, message: intent === 'autosave' ? `Draft not saved yet: ${message}` : message }, { status: 400 })
  }
  if (intent === 'autosave') {
    if (!session.isDraft) return json({ ok: false, message: 'Logged sessions are saved with the Save button.' }, { status: 409 })
    await saveSession({ id: session.id, editorId: user.id, values: parsed.value, finalize: false })
    return json({ ok: true, message: 'Draft saved.' })
  }
  if (intent !== 'save') return json({ ok: false, message: 'That request could not be read.' }, { status: 400 })
  await saveSession({ id: session.id, editorId: user.id, values: parsed.value, finalize: true })
  return redirect(`/coaching/fellows/${session.fellowId}`)
}

const AUTOSAVE_DELAY_MS = 1500

export default function SessionPage() {
  const { session, fellowName, readOnly, beliefs, modules, revisions } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const autosave = useFetcher<typeof action>()
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const form = useRef<HTMLFormElement>(null)
  function scheduleAutosave() {
    if (!session.isDraft || readOnly) return
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      if (!form.current) return
      const data = new FormData(form.current)
      data.set('intent', 'autosave')
      autosave.submit(data, { method: 'post' })
    }, AUTOSAVE_DELAY_MS)
  }
  const field = 'mt-1 block w-full rounded border border-slate-400 px-3 py-2'
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={`${session.isDraft ? 'Log a session' : 'Session'} with ${fellowName}`}>
        <p>
          <Link to={`/coaching/fellows/${session.fellowId}`} className="text-brand-700 underline">Back to {fellowName}</Link>
          {revisions > 0 ? ` · edited ${revisions} time${revisions === 1 ? '' : 's'} (earlier versions are kept)` : ''}
        </p>
      </PageHeader>
      <ActionMessage result={result} />
      {readOnly ? <p className="mb-4 rounded bg-slate-100 p-3">Your pairing with this fellow has ended. This session stays yours to read.</p> : null}
      <Form method="post" ref={form} onChange={scheduleAutosave} className="space-y-5 rounded-lg bg-white p-6 shadow-sm">
        <fieldset disabled={readOnly} className="space-y-5">
          <div className="grid gap-4 sm:grid-cols-3">
            <div>
              <label htmlFor="heldOn" className="block font-semibold">Date</label>
              <input id="heldOn" type="date" name="heldOn" defaultValue={session.heldOn} required className={field} />
            </div>
            <div>
              <label htmlFor="minutes" className="block font-semibold">Minutes</label>
              <input id="minutes" type="number" name="minutes" min={5} max={480} defaultValue={session.minutes} required className={field} />
            </div>
            <fieldset>
              <legend className="font-semibold">How</legend>
              {MODALITIES.map((m) => (
                <label key={m} className="flex items-center gap-2">
                  <input type="radio" name="modality" value={m} defaultChecked={session.modality === m} /> {MODALITY_LABELS[m]}
                </label>
              ))}
            </fieldset>
          </div>
          <fieldset>
            <legend className="font-semibold">Focus</legend>
            <div className="mt-1 flex flex-wrap gap-x-4">
              {[...FOCUS_CONCEPTS.map((c) => ({ value: c, label: c[0].toUpperCase() + c.slice(1) })), ...modules.map((m) => ({ value: `module:${m.slug}`, label: m.title }))].map((option) => (
                <label key={option.value} className="flex items-center gap-2">
                  <input type="checkbox" name="focus" value={option.value} defaultChecked={session.focus.includes(option.value)} /> {option.label}
                </label>
              ))}
            </div>
          </fieldset>
          <div>
            <label htmlFor="privateNotes" className="block font-semibold">Private notes</label>
            <p id="privateNotes-hint" className="text-sm text-slate-600">Only you ever see these: not the fellow, not staff, not a later coach.</p>
            <textarea id="privateNotes" name="privateNotes" rows={6} aria-describedby="privateNotes-hint" defaultValue={session.privateNotes} className={field} />
          </div>
          <div>
            <label htmlFor="sharedSummary" className="block font-semibold">Shared summary</label>
            <p id="sharedSummary-hint" className="text-sm text-slate-600">The fellow reads this on their coaching page.</p>
            <textarea id="sharedSummary" name="sharedSummary" rows={4} aria-describedby="sharedSummary-hint" defaultValue={session.sharedSummary} className={field} />
          </div>
          <div>
            <label htmlFor="nextSteps" className="block font-semibold">Next steps (shared)</label>
            <textarea id="nextSteps" name="nextSteps" rows={3} defaultValue={session.nextSteps} className={field} />
          </div>
          {beliefs.length > 0 ? (
            <fieldset>
              <legend className="font-semibold">Limiting beliefs touched</legend>
              {beliefs.map((b) => (
                <label key={b.id} className="flex items-center gap-2">
                  <input type="checkbox" name="beliefIds" value={b.id} defaultChecked={session.beliefIds.includes(b.id)} /> “{b.belief}”
                </label>
              ))}
            </fieldset>
          ) : null}
          <div className="flex items-center gap-4">
            <button type="submit" name="intent" value="save" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              {session.isDraft ? 'Log session' : 'Save changes'}
            </button>
            <p role="status" aria-live="polite" className="text-sm text-slate-700">
              {autosave.state !== 'idle' ? 'Saving draft…' : autosave.data?.message ?? (session.isDraft ? 'Drafts save themselves as you type.' : '')}
            </p>
          </div>
        </fieldset>
      </Form>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
