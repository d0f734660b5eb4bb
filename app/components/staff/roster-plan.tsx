import { Cell, DataTable, Row, RowHeader } from '../data-table'
import type { RosterPlanView } from '~/domain/roster'

export const link = 'text-brand-700 underline underline-offset-4'

export function plural(n: number, one: string, many = `${one}s`) {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`
}

export function Counts({ view, applied }: { view: RosterPlanView; applied: boolean }) {
  const { counts } = view
  const items = [
    [applied ? 'Added' : 'To add', `${counts.creates.toLocaleString('en-US')}${counts.invitations > 0 ? ` (${plural(counts.invitations, 'invitation')})` : ''}`],
    [applied ? 'Updated' : 'To update', counts.updates.toLocaleString('en-US')],
    ['Unchanged', counts.unchanged.toLocaleString('en-US')],
    ['New LEAs', counts.newLeas.toLocaleString('en-US')],
    ['New schools', counts.newSchools.toLocaleString('en-US')],
    ...(applied ? [] : [['Problems', counts.problems.toLocaleString('en-US')]]),
  ]
  return (
    <dl className="my-4 flex flex-wrap gap-3">
      {items.map(([label, value]) => (
        <div key={label} className="rounded-lg bg-white px-4 py-2 shadow-sm">
          <dt className="text-sm text-slate-700">{label}</dt>
          <dd className="text-xl font-semibold tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  )
}

export function PlanTables({ view, applied }: { view: RosterPlanView; applied: boolean }) {
  return (
    <>
      {view.problems.length > 0 ? (
        <section aria-labelledby="roster-problems" className="mb-8">
          <h2 id="roster-problems" className="mb-2 text-xl font-semibold">Problems to fix in the file</h2>
          <DataTable caption="Problems in the file, by line and column" columns={['Line', 'Column', 'Problem']}>
            {view.problems.map((p, i) => (
              <Row key={i}>
                <RowHeader>{p.line}</RowHeader>
                <Cell>{p.column ?? 'the whole row'}</Cell>
                <Cell>{p.message}</Cell>
              </Row>
            ))}
          </DataTable>
        </section>
      ) : null}
      {view.creates.length > 0 ? (
        <section aria-labelledby="roster-creates" className="mb-8">
          <h2 id="roster-creates" className="mb-2 text-xl font-semibold">{applied ? 'Fellows added' : 'Fellows to add'}</h2>
          <DataTable caption={applied ? 'Fellows added' : 'Fellows to add'} columns={['Line', 'Name', 'Email', 'School', 'Position', 'Cohort and year', 'Coach']}>
            {view.creates.map((c) => (
              <Row key={c.line}>
                <Cell>{c.line}</Cell>
                <RowHeader>{c.name}</RowHeader>
                <Cell>
                  {c.email}
                  {c.invited ? null : <span className="block text-xs text-slate-700"> (has an account already: no invitation)</span>}
                </Cell>
                <Cell>
                  {c.school}
                  {c.newSchool ? <strong className="text-xs font-semibold text-emerald-900"> (new)</strong> : null}
                  <span className="block text-xs text-slate-700">
                    {' '}
                    {c.lea}, {c.state}
                  </span>
                </Cell>
                <Cell>{c.position}</Cell>
                <Cell>
                  {c.cohort}, year {c.programYear}
                </Cell>
                <Cell>{c.coach ?? 'not paired yet'}</Cell>
              </Row>
            ))}
          </DataTable>
        </section>
      ) : null}
      {view.updates.length > 0 ? (
        <section aria-labelledby="roster-updates" className="mb-8">
          <h2 id="roster-updates" className="mb-2 text-xl font-semibold">{applied ? 'Fellows updated' : 'Fellows to update'}</h2>
          <p className="mb-2 text-sm text-slate-700">Progress, answers, submissions, artifacts and coaching records stay as they are; a new coach starts today and the earlier pairing is kept in the history.</p>
          <DataTable caption={applied ? 'Fellows updated, with each change' : 'Fellows to update, with each change'} columns={['Line', 'Name', 'Email', 'Changes']}>
            {view.updates.map((u) => (
              <Row key={u.line}>
                <Cell>{u.line}</Cell>
                <RowHeader>{u.name}</RowHeader>
                <Cell>{u.email}</Cell>
                <Cell>
                  <ul className="space-y-1">
                    {u.changes.map((change) => (
                      <li key={change}>{change}</li>
                    ))}
                  </ul>
                </Cell>
              </Row>
            ))}
          </DataTable>
        </section>
      ) : null}
      {view.newLeas.length + view.newSchools.length > 0 ? (
        <section aria-labelledby="roster-places" className="mb-8">
          <h2 id="roster-places" className="mb-2 text-xl font-semibold">{applied ? 'LEAs and schools added' : 'LEAs and schools to add'}</h2>
          <ul className="list-disc space-y-1 pl-6">
            {view.newLeas.map((l) => (
              <li key={`lea-${l}`}>LEA: {l}</li>
            ))}
            {view.newSchools.map((s) => (
              <li key={`school-${s}`}>School: {s}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {view.unchanged.length > 0 ? (
        <section aria-labelledby="roster-unchanged" className="mb-8">
          <h2 id="roster-unchanged" className="mb-2 text-xl font-semibold">Unchanged</h2>
          <details className="rounded-lg bg-white p-4 shadow-sm">
            <summary className="cursor-pointer font-semibold text-brand-800">{plural(view.unchanged.length, 'fellow')} already on the roster as the file says</summary>
            <div className="mt-3">
              <DataTable caption="Fellows left as they are" columns={['Line', 'Name', 'Email']}>
                {view.unchanged.map((u) => (
                  <Row key={u.line}>
                    <Cell>{u.line}</Cell>
                    <RowHeader>{u.name}</RowHeader>
                    <Cell>{u.email}</Cell>
                  </Row>
                ))}
              </DataTable>
            </div>
          </details>
        </section>
      ) : null}
    </>
  )
}
