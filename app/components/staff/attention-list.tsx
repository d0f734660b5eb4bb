import { Link } from '@remix-run/react'
import { ATTENTION_LABELS, type AttentionItem } from '~/domain/staff-metrics'

/** Fellows who need a nudge, each with why and a link to their record. */
export function AttentionList({ items, total }: { items: AttentionItem[]; total: number }) {
  return (
    <section aria-labelledby="attention-heading" className="rounded-lg bg-white p-6 shadow-sm">
      <h2 id="attention-heading" className="text-xl font-semibold">Fellows needing attention ({total})</h2>
      <p className="mt-1 text-sm text-slate-700">
        {Object.values(ATTENTION_LABELS).join('; ')}. {total > items.length ? `The ${items.length} with the most reasons are listed.` : ''}
      </p>
      {items.length === 0 ? <p className="mt-3 text-slate-700">Nobody in this view needs attention.</p> : null}
      <ul className="mt-3 divide-y divide-slate-100">
        {items.map((item) => (
          <li key={item.fellowId} className="py-2">
            <Link to={`/staff/fellows/${item.fellowId}`} className="font-semibold text-brand-800 underline underline-offset-4">
              {item.name}
            </Link>{' '}
            <span className="text-sm text-slate-700">
              {item.schoolName}, {item.leaName} · {item.cohortName}
            </span>
            <ul className="mt-1 flex flex-wrap gap-2 text-sm">
              {item.reasons.map((r) => (
                <li key={r} className="rounded bg-amber-100 px-2 py-0.5 text-amber-950">{ATTENTION_LABELS[r]}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  )
}
