import type { ReactNode } from 'react'

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="mb-8">
      <h1 className="text-3xl font-semibold text-slate-900">{title}</h1>
      {children ? <div className="mt-2 text-slate-700">{children}</div> : null}
    </div>
  )
}

export const POSITION_LABELS = {
  principal: 'Principal',
  assistant_principal: 'Assistant principal',
} as const

export const STATE_NAMES = { MD: 'Maryland', NJ: 'New Jersey' } as const
