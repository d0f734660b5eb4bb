import type { ReactNode } from 'react'

/** A report figure: its heading, a chart and the chart's table, kept together when printed. */
export function Figure({ id, heading, children }: { id: string; heading: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-10 break-inside-avoid space-y-4 rounded-lg bg-white p-6 shadow-sm">
      <h2 id={id} className="text-xl font-semibold">{heading}</h2>
      {children}
    </section>
  )
}
