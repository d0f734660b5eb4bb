import { Link } from '@remix-run/react'
import type { KeyboardEvent } from 'react'
import { HEAT_STATE_ORDER, HEAT_STATES, type HeatState } from '~/domain/heatmap'

type Column = { slug: string; title: string; year: number; month: number; track: string }
type HeatRow = { fellowId: string; name: string; schoolName: string; cells: { slug: string; state: HeatState; description: string }[] }

const KEYS: Record<string, [number, number]> = { ArrowRight: [0, 1], ArrowLeft: [0, -1], ArrowDown: [1, 0], ArrowUp: [-1, 0] }

/**
 * Arrow keys move between cells (Home and End to a row's ends), as in the ARIA grid pattern; Tab
 * still moves from one fellow's name to the next, so the page works without the script too.
 */
function moveFocus(event: KeyboardEvent<HTMLTableElement>) {
  const target = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('[data-row]') : null
  if (!target) return
  const row = Number(target.dataset.row)
  const col = Number(target.dataset.col)
  const last = Number(event.currentTarget.dataset.cols)
  let next: [number, number] | null = null
  if (event.key in KEYS) next = [row + KEYS[event.key][0], col + KEYS[event.key][1]]
  else if (event.key === 'Home') next = [row, 0]
  else if (event.key === 'End') next = [row, last]
  if (!next) return
  const cell = event.currentTarget.querySelector<HTMLElement>(`[data-row="${next[0]}"][data-col="${next[1]}"]`)
  if (!cell) return
  event.preventDefault()
  cell.focus()
}

function columnLabel(column: Column) {
  const track = column.track === 'principal' ? ' (principals)' : column.track === 'assistant-principal' ? ' (APs)' : ''
  return `Y${column.year} M${column.month}${track}`
}

export function HeatMap({ caption, columns, rows }: { caption: string; columns: Column[]; rows: HeatRow[] }) {
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm">
      {/* The cells' shared look is set once here, not repeated on each of a cohort's thousands of cells. */}
      <table
        role="grid"
        aria-label={caption}
        data-cols={columns.length}
        onKeyDown={moveFocus}
        className="border-collapse text-sm [&_td]:h-10 [&_td]:w-14 [&_td]:border [&_td]:border-white [&_td]:text-center [&_td]:text-base [&_td:focus]:outline [&_td:focus]:outline-2 [&_td:focus]:outline-brand-700"
      >
        <caption className="sr-only">{caption}. Use the arrow keys to move between cells.</caption>
        <thead>
          <tr>
            <th scope="col" className="sticky left-0 bg-slate-50 px-3 py-2 text-left">Fellow</th>
            {columns.map((column) => (
              <th key={column.slug} scope="col" className="bg-slate-50 px-1 py-2 text-center font-semibold" title={column.title}>
                <abbr title={column.title} className="no-underline">{columnLabel(column)}</abbr>
                <span className="sr-only">: {column.title}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={row.fellowId} className="border-t border-slate-100">
              <th scope="row" className="sticky left-0 bg-white px-3 py-1 text-left font-normal">
                <Link to={`/staff/fellows/${row.fellowId}`} data-row={r} data-col={0} className="font-semibold text-brand-800 underline underline-offset-4">
                  {row.name}
                </Link>
                <span className="block text-xs text-slate-600">{row.schoolName}</span>
              </th>
              {row.cells.map((cell, c) => {
                const look = HEAT_STATES[cell.state]
                return (
                  <td
                    key={cell.slug}
                    data-row={r}
                    data-col={c + 1}
                    tabIndex={-1}
                    title={cell.description}
                    className={look.className}
                  >
                    <span aria-hidden="true">{look.symbol}</span>
                    <span className="sr-only">{cell.description}</span>
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function HeatLegend({ counts }: { counts: Record<HeatState, number> }) {
  return (
    <section aria-labelledby="legend-heading" className="rounded-lg bg-white p-4 shadow-sm">
      <h2 id="legend-heading" className="font-semibold">Key</h2>
      <ul className="mt-2 flex flex-wrap gap-3 text-sm">
        {HEAT_STATE_ORDER.map((state) => (
          <li key={state} className="flex items-center gap-2">
            <span aria-hidden="true" className={`inline-flex h-7 w-9 items-center justify-center rounded border border-slate-200 text-base ${HEAT_STATES[state].className}`}>
              {HEAT_STATES[state].symbol}
            </span>
            {HEAT_STATES[state].label} ({counts[state]})
          </li>
        ))}
      </ul>
    </section>
  )
}
