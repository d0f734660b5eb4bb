import { Form } from '@remix-run/react'
import { BELIEF_DOMAIN_LABELS, BELIEF_DOMAINS, BELIEF_STATUS_LABELS, BELIEF_STATUSES, type BeliefDomain, type BeliefStatus } from '~/domain/coaching'

type Update = { id: string; fromStatus: BeliefStatus | null; toStatus: BeliefStatus; evidence: string; createdAt: string }
type Belief = { id: string; belief: string; domain: BeliefDomain; evidence: string; status: BeliefStatus; sharedWithFellow: boolean; updates: Update[] }

/** The statuses as a row of steps, the current one marked by text and weight, not colour alone. */
export function BeliefSteps({ status }: { status: BeliefStatus }) {
  return (
    <ol className="mt-2 flex flex-wrap gap-1 text-xs" aria-label={`Status: ${BELIEF_STATUS_LABELS[status]}`}>
      {BELIEF_STATUSES.map((s) => (
        <li key={s} aria-current={s === status ? 'step' : undefined} className={`rounded px-2 py-0.5 ${s === status ? 'bg-brand-700 font-bold text-white' : 'bg-slate-100 text-slate-700'}`}>
          {s === status ? '● ' : ''}
          {BELIEF_STATUS_LABELS[s]}
        </li>
      ))}
    </ol>
  )
}

/** How a belief moved over the year, oldest first. */
export function BeliefTimeline({ updates }: { updates: Update[] }) {
  return (
    <ol className="mt-2 space-y-1 text-sm text-slate-700">
      {updates.map((u) => (
        <li key={u.id}>
          <time dateTime={u.createdAt}>{u.createdAt.slice(0, 10)}</time>: {u.fromStatus ? `${BELIEF_STATUS_LABELS[u.fromStatus]} → ` : ''}
          {BELIEF_STATUS_LABELS[u.toStatus]}
          {u.evidence ? ` — ${u.evidence}` : ''}
        </li>
      ))}
    </ol>
  )
}

export function BeliefLedger({ beliefs, sessions }: { beliefs: Belief[]; sessions: { id: string; heldOn: string }[] }) {
  return (
    <section aria-labelledby="beliefs-heading" className="rounded-lg bg-white p-6 shadow-sm">
      <h2 id="beliefs-heading" className="text-xl font-semibold">Limiting beliefs</h2>
      <p className="mt-1 text-sm text-slate-700">Coach-only unless you share one. Aguilar (2020): surface, explore, and watch for the shift.</p>
      <ul className="mt-4 space-y-5">
        {beliefs.map((b) => (
          <li key={b.id} className="rounded border border-slate-200 p-4">
            <p className="font-semibold">“{b.belief}”</p>
            <p className="text-sm text-slate-600">
              {BELIEF_DOMAIN_LABELS[b.domain]} · {b.sharedWithFellow ? 'Shared with the fellow' : 'Private to you'}
            </p>
            <BeliefSteps status={b.status} />
            <BeliefTimeline updates={b.updates} />
            <Form method="post" className="mt-3 grid gap-2 sm:grid-cols-[auto_1fr_auto] sm:items-end">
              <input type="hidden" name="intent" value="move-belief" />
              <input type="hidden" name="beliefId" value={b.id} />
              <div>
                <label htmlFor={`to-${b.id}`} className="block text-sm font-semibold">Moved to</label>
                <select id={`to-${b.id}`} name="to" defaultValue="" className="rounded border border-slate-400 px-2 py-1">
                  <option value="" disabled>Choose</option>
                  {BELIEF_STATUSES.filter((s) => s !== b.status).map((s) => (
                    <option key={s} value={s}>{BELIEF_STATUS_LABELS[s]}</option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor={`evidence-${b.id}`} className="block text-sm font-semibold">What showed it</label>
                <input id={`evidence-${b.id}`} name="evidence" className="w-full rounded border border-slate-400 px-2 py-1" />
              </div>
              {sessions.length > 0 ? (
                <div>
                  <label htmlFor={`session-${b.id}`} className="block text-sm font-semibold">In session</label>
                  <select id={`session-${b.id}`} name="sessionId" className="rounded border border-slate-400 px-2 py-1">
                    {sessions.map((s) => (
                      <option key={s.id} value={s.id}>{s.heldOn}</option>
                    ))}
                  </select>
                </div>
              ) : null}
              <button type="submit" className="rounded border border-brand-700 px-3 py-1 text-sm font-semibold text-brand-800 sm:col-span-3 sm:justify-self-start">
                Record movement<span className="sr-only"> of “{b.belief}”</span>
              </button>
            </Form>
            <Form method="post" className="mt-2">
              <input type="hidden" name="intent" value="share-belief" />
              <input type="hidden" name="beliefId" value={b.id} />
              <input type="hidden" name="shared" value={b.sharedWithFellow ? 'false' : 'true'} />
              <button type="submit" className="text-sm text-brand-700 underline">
                {b.sharedWithFellow ? 'Stop sharing with the fellow' : 'Share with the fellow'}
                <span className="sr-only">: “{b.belief}”</span>
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <Form method="post" className="mt-6 space-y-3 border-t border-slate-200 pt-4">
        <h3 className="font-semibold">Add a belief</h3>
        <input type="hidden" name="intent" value="add-belief" />
        <div>
          <label htmlFor="belief" className="block text-sm font-semibold">The belief, in the fellow’s words</label>
          <textarea id="belief" name="belief" rows={2} className="w-full rounded border border-slate-400 p-2" />
        </div>
        <div>
          <label htmlFor="domain" className="block text-sm font-semibold">About</label>
          <select id="domain" name="domain" className="rounded border border-slate-400 px-2 py-1">
            {BELIEF_DOMAINS.map((d) => (
              <option key={d} value={d}>{BELIEF_DOMAIN_LABELS[d]}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="belief-evidence" className="block text-sm font-semibold">What surfaced it</label>
          <textarea id="belief-evidence" name="evidence" rows={2} className="w-full rounded border border-slate-400 p-2" />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="shared" /> Share with the fellow
        </label>
        <button type="submit" className="rounded border border-brand-700 px-3 py-1.5 font-semibold text-brand-800">Add belief</button>
      </Form>
    </section>
  )
}
