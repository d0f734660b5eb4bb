import type { ReactNode } from 'react'

export type Column = string | { label: string; numeric?: boolean }

/** The one table style: a scrollable card, a caption for screen readers, column headers. */
export function DataTable({ caption, columns, children }: { caption: string; columns: Column[]; children: ReactNode }) {
  return (
    // Focusable and named, so a keyboard user can scroll a table wider than the screen.
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
          <tr>
            {columns.map((column) => {
              const { label, numeric } = typeof column === 'string' ? { label: column, numeric: false } : column
              return (
                <th key={label} scope="col" className={`px-4 py-3 ${numeric ? 'text-right' : ''}`}>
                  {label}
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  )
}

export function Row({ children }: { children: ReactNode }) {
  return <tr className="border-b border-slate-100">{children}</tr>
}

export function RowHeader({ children }: { children: ReactNode }) {
  return (
    <th scope="row" className="px-4 py-3 font-semibold">
      {children}
    </th>
  )
}

export function Cell({ children, numeric }: { children: ReactNode; numeric?: boolean }) {
  return <td className={`px-4 py-3 ${numeric ? 'text-right tabular-nums' : ''}`}>{children}</td>
}
