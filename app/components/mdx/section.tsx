import { useFetcher } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useReader } from './reader-context'

/** One `##` section of a module, with its "mark section done" control for the fellow. */
export function Section({ id, title, children }: { id: string; title: string; children?: ReactNode }) {
  const { slug, mode, sectionsDone } = useReader()
  const fetcher = useFetcher({ key: `section:${slug}:${id}` })
  const pending = fetcher.formData?.get('sectionId') === id ? fetcher.formData.get('done') === 'true' : undefined
  const done = pending ?? sectionsDone.includes(id)
  return (
    <section aria-labelledby={id} className="scroll-mt-6">
      <h2 id={id}>{title}</h2>
      {children}
      {mode === 'edit' ? (
        <fetcher.Form method="post" action={`/learn/${slug}`} className="not-prose mt-6 border-t border-slate-200 pt-4">
          <input type="hidden" name="intent" value="mark-section" />
          <input type="hidden" name="sectionId" value={id} />
          <input type="hidden" name="done" value={done ? 'false' : 'true'} />
          <button
            type="submit"
            aria-pressed={done}
            className={`rounded px-4 py-2 text-sm font-semibold ${
              done ? 'border border-emerald-700 bg-emerald-50 text-emerald-900' : 'bg-brand-700 text-white hover:bg-brand-800'
            }`}
          >
            {done ? '✓ Section done' : 'Mark section done'}
            <span className="sr-only">: {title}</span>
          </button>
        </fetcher.Form>
      ) : null}
    </section>
  )
}
