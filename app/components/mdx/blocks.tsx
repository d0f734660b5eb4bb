import type { ReactNode } from 'react'
import { useReader } from './reader-context'

const TRACK_LABELS = { principal: 'For principals', 'assistant-principal': 'For assistant principals' } as const

/** A year-two passage for one track: the fellow sees their own; coaches and staff see both, labelled. */
export function Track({ for: track, children }: { for: keyof typeof TRACK_LABELS; children?: ReactNode }) {
  const reader = useReader()
  if (reader.track && reader.track !== track) return null
  return (
    <div className="my-6 rounded-lg border-l-4 border-brand-600 bg-white px-5 py-1">
      <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{TRACK_LABELS[track]}</p>
      {children}
    </div>
  )
}

export function Callout({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <aside aria-label={title} className="my-6 rounded-lg border border-amber-300 bg-amber-50 px-5 py-1">
      <p className="font-semibold text-amber-950">{title}</p>
      {children}
    </aside>
  )
}

/** The equity-centered improvement questions of one phase, from content/equity-prompts.json. */
export function EquityPrompts({ phase }: { phase: string }) {
  const { equityPhases } = useReader()
  const data = equityPhases[phase]
  if (!data) return null
  return (
    <aside aria-labelledby={`equity-${phase}`} className="not-prose my-8 rounded-lg border border-slate-300 bg-white p-5">
      <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">Equity-centered improvement questions</p>
      <h3 id={`equity-${phase}`} className="mt-1 text-lg font-semibold text-slate-900">
        {data.title}
      </h3>
      <p className="mt-1 text-slate-700">{data.summary}</p>
      <ul className="mt-3 list-disc space-y-2 pl-5 text-slate-800">
        {data.prompts.map((prompt) => (
          <li key={prompt.id}>{prompt.text}</li>
        ))}
      </ul>
    </aside>
  )
}
