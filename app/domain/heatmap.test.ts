import { expect, test } from 'vitest'
import { heatLooks } from '../../tests/support/heat-look'
import { buildHeatmap, heatDescription, heatState, HEAT_STATES } from './heatmap'

const base = { today: '2026-11-23', applies: true, opensOn: '2026-11-02', dueOn: '2026-11-27', started: false, handedInOn: null }

test('each cell is one state, judged on the first hand-in against the due day', () => {
  expect(heatState({ ...base, applies: false, handedInOn: '2026-11-10' })).toBe('other-track')
  expect(heatState({ ...base, handedInOn: '2026-11-27' })).toBe('done')
  expect(heatState({ ...base, handedInOn: '2026-11-28' })).toBe('late')
  expect(heatState({ ...base, opensOn: '2026-12-01', dueOn: '2026-12-18' })).toBe('upcoming')
  expect(heatState({ ...base, dueOn: '2026-11-22' })).toBe('overdue')
  expect(heatState({ ...base, dueOn: '2026-11-23' })).toBe('not-started')
  expect(heatState({ ...base, started: true })).toBe('in-progress')
})

test('every state has its own colour and symbol in the stylesheet, so colour is never the only cue', () => {
  const looks = heatLooks()
  const states = Object.keys(HEAT_STATES)
  expect([...looks.keys()].sort()).toEqual([...states].sort())
  expect(new Set([...looks.values()].map((l) => l.symbol)).size).toBe(states.length)
  expect(new Set([...looks.values()].map((l) => l.background)).size).toBe(states.length)
})

test('the grid gives each fellow a cell per column, and a year-two module of the other track is marked as such', () => {
  const grid = buildHeatmap({
    today: '2026-11-23',
    people: [
      { fellowId: 'p', name: 'Pat', position: 'principal', programYear: 2, schoolName: 'S', leaName: 'L', state: 'MD' },
      { fellowId: 'a', name: 'Ari', position: 'assistant_principal', programYear: 2, schoolName: 'S', leaName: 'L', state: 'MD' },
    ],
    columns: [
      { slug: 'shared', title: 'Shared', year: 2, month: 1, track: 'all', opensOn: '2026-09-01', dueOn: '2026-09-25' },
      { slug: 'principal-only', title: 'P', year: 2, month: 2, track: 'principal', opensOn: '2026-10-01', dueOn: '2026-10-30' },
    ],
    progress: [{ fellowId: 'a', slug: 'shared' }],
    handIns: [{ fellowId: 'p', slug: 'shared', status: 'accepted', handedInOn: '2026-09-24' }],
  })
  expect(grid.rows.map((r) => r.cells.map((c) => c.state))).toEqual([
    ['done', 'overdue'],
    ['overdue', 'other-track'],
  ])
  expect(grid.rows[0].cells[0]).toEqual({ state: 'done', status: 'accepted' })
  expect(heatDescription(grid.rows[0].cells[0].state, grid.rows[0].cells[0].status, grid.columns[0].dueOn)).toBe('Handed in on time, accepted, due 2026-09-25')
})
