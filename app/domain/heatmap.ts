import { isOwnWork } from './reader'

/**
 * A cell of the cohort heat map: where one fellow stands on one module, told by colour and by
 * symbol, so it reads in greyscale and to a screen reader alike.
 */
export type HeatState = 'done' | 'late' | 'overdue' | 'in-progress' | 'not-started' | 'upcoming' | 'other-track'

/** What each state is called; its colour and symbol are the stylesheet's (`data-heat`, app/styles/tailwind.css). */
export const HEAT_STATES: Record<HeatState, { label: string }> = {
  done: { label: 'Handed in on time' },
  late: { label: 'Handed in late' },
  overdue: { label: 'Missing: past its due day' },
  'in-progress': { label: 'Reading, not handed in' },
  'not-started': { label: 'Open, not started' },
  upcoming: { label: 'Not open yet' },
  'other-track': { label: 'Not on their track' },
}

export type HeatInput = {
  today: string
  applies: boolean
  opensOn: string
  dueOn: string
  started: boolean
  /** Eastern-time day of the first hand-in, if any. */
  handedInOn: string | null
}

export function heatState(input: HeatInput): HeatState {
  if (!input.applies) return 'other-track'
  if (input.handedInOn) return input.handedInOn > input.dueOn ? 'late' : 'done'
  if (input.opensOn > input.today) return 'upcoming'
  if (input.dueOn < input.today) return 'overdue'
  return input.started ? 'in-progress' : 'not-started'
}

const SUBMISSION_NOTES: Record<string, string> = {
  submitted: 'awaiting review',
  resubmitted: 'resubmitted, awaiting review',
  returned: 'returned for revision',
  accepted: 'accepted',
}

/** The words a screen reader hears for a cell, and the tooltip: state, then the review and due day. */
export function heatDescription(state: HeatState, submissionStatus: string | null, dueOn: string) {
  const parts: string[] = [HEAT_STATES[state].label]
  if (submissionStatus && SUBMISSION_NOTES[submissionStatus]) parts.push(SUBMISSION_NOTES[submissionStatus])
  if (state !== 'other-track') parts.push(`due ${dueOn}`)
  return parts.join(', ')
}

type HeatColumn = { slug: string; title: string; year: number; month: number; track: 'all' | 'principal' | 'assistant-principal'; opensOn: string; dueOn: string }
type HeatPerson = { fellowId: string; name: string; position: 'principal' | 'assistant_principal'; programYear: number; schoolName: string; leaName: string; state: 'MD' | 'NJ' }

/** The grid: one row per fellow, one cell per module column, with counts of each state per column. */
export function buildHeatmap(args: {
  today: string
  people: HeatPerson[]
  columns: HeatColumn[]
  progress: { fellowId: string; slug: string }[]
  handIns: { fellowId: string; slug: string; status: string; handedInOn: string | null }[]
}) {
  const started = new Set(args.progress.map((p) => `${p.fellowId}|${p.slug}`))
  const handIns = new Map(args.handIns.map((h) => [`${h.fellowId}|${h.slug}`, h]))
  const rows = args.people.map((person) => ({
    ...person,
    cells: args.columns.map((column) => {
      const handIn = handIns.get(`${person.fellowId}|${column.slug}`)
      const state = heatState({
        today: args.today,
        applies: isOwnWork(person, column),
        opensOn: column.opensOn,
        dueOn: column.dueOn,
        started: started.has(`${person.fellowId}|${column.slug}`),
        handedInOn: handIn?.handedInOn ?? null,
      })
      // In column order; the column says which module and its due day, and the component words the
      // cell from these (heatDescription): the page sends thousands of cells, each once as data.
      return { state, status: handIn?.status ?? null }
    }),
  }))
  return { columns: args.columns, rows }
}

export const HEAT_STATE_ORDER: HeatState[] = ['done', 'late', 'overdue', 'in-progress', 'not-started', 'upcoming', 'other-track']

/** How many cells are in each state, for the key. */
export function countStates(rows: { cells: { state: HeatState }[] }[]) {
  const counts: Record<HeatState, number> = { done: 0, late: 0, overdue: 0, 'in-progress': 0, 'not-started': 0, upcoming: 0, 'other-track': 0 }
  for (const row of rows) for (const cell of row.cells) counts[cell.state]++
  return counts
}
