import type { EquityPhase } from '~/domain/content-manifest'

/** The equity-centered improvement questions of one phase, beside a tool's form (from the prompt bank). */
export function EquityQuestions({ phase, only }: { phase: EquityPhase; only?: string[] }) {
  const prompts = only ? phase.prompts.filter((p) => only.includes(p.id)) : phase.prompts
  return (
    <aside aria-labelledby={`equity-${phase.id}`} className="rounded-lg border border-slate-300 bg-white p-5">
      <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">Equity-centered improvement questions</p>
      <h2 id={`equity-${phase.id}`} className="mt-1 text-lg font-semibold text-slate-900">
        {phase.title}
      </h2>
      <ul className="mt-3 list-disc space-y-2 pl-5 text-sm text-slate-800">
        {prompts.map((prompt) => (
          <li key={prompt.id}>{prompt.text}</li>
        ))}
      </ul>
    </aside>
  )
}
