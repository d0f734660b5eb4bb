import { Link } from '@remix-run/react'
import type { KeyboardEvent } from 'react'
import { HEAT_STATE_ORDER, HEAT_STATES, heatDescription, type HeatState } from '~/domain/heatmap'

type Column = { slug: string; title: string; year: number; month: number; track: string; dueOn: string }
type HeatRow = { fellowId: string; name: string; schoolName: string; cells: { state: HeatState; status: string | null }[] }

const KEYS: Record<string, [number, number]> = { ArrowRight: [0, 1], ArrowLeft: [0, -1], ArrowDown: [1, 0], ArrowUp: [-1, 0] }

/**
 * Arrow keys move between cells (Home and End to a row's ends), as in the ARIA grid pattern; Tab
 * still moves from one fellow's name to the next, so the page works without the script too. The
 * cell's place comes from the table itself, so no cell carries its own coordinates.
 */
function moveFocus(event: KeyboardEvent<HTMLTableElement>) {
  const cell = event.target instanceof HTMLElement ? event.target.closest('td, th') : null
  const row = cell?.parentElement
  const body = row?.parentElement
  if (!(cell instanceof HTMLTableCellElement) || !(row instanceof HTMLTableRowElement) || !(body instanceof HTMLTableSectionElement) || body.tagName !== 'TBODY') return
  let next: [number, number] | null = null
  if (event.key in KEYS) next = [row.sectionRowIndex + KEYS[event.key][0], cell.cellIndex + KEYS[event.key][1]]
  else if (event.key === 'Home') next = [row.sectionRowIndex, 0]
  else if (event.key === 'End') next = [row.sectionRowIndex, row.cells.length - 1]
  if (!next) return
  const target = body.rows.item(next[0])?.cells.item(next[1])
  if (!target) return
  event.preventDefault()
  // The first cell is the fellow's name, whose link takes the focus. Other cells become focusable
  // as the keys reach them (a roving focus), so thousands of cells carry no tabindex in the page.
  const link = target.querySelector('a')
  if (link) return link.focus()
  target.tabIndex = -1
  target.focus()
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
          {rows.map((row) => (
            <tr key={row.fellowId} className="border-t border-slate-100">
              <th scope="row" className="sticky left-0 bg-white px-3 py-1 text-left font-normal">
                <Link to={`/staff/fellows/${row.fellowId}`} className="font-semibold text-brand-800 underline underline-offset-4">
                  {row.name}
                </Link>
                <span className="block text-xs text-slate-600">{row.schoolName}</span>
              </th>
              {row.cells.map((cell, c) => {
                const description = heatDescription(cell.state, cell.status, columns[c].dueOn)
                return (
                  // Colour and symbol come from data-heat (app/styles/tailwind.css), the symbol silent
                  // to screen readers: one attribute and one element a cell, in a grid of thousands.
                  <td key={columns[c].slug} title={description} data-heat={cell.state}>
                    <span className="sr-only">{description}</span>
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
            <span aria-hidden="true" data-heat={state} className="inline-flex h-7 w-9 items-center justify-center rounded border border-slate-200 text-base" />
            {HEAT_STATES[state].label} ({counts[state]})
          </li>
        ))}
      </ul>
    </section>
  )
}
