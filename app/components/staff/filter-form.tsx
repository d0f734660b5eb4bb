import { Form, Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { StaffFilters } from '~/domain/staff-filters'

type Options = {
  cohorts: { id: string; name: string }[]
  leas: { id: string; name: string; state: 'MD' | 'NJ' }[]
  schools: { id: string; name: string; leaId: string }[]
}

const select = 'block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-slate-900'

function Choice({ name, label, value, children }: { name: string; label: string; value: string | number | null; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="block text-sm font-semibold text-slate-800">{label}</label>
      <select id={`filter-${name}`} name={name} defaultValue={value === null ? '' : String(value)} className={select}>
        {children}
      </select>
    </div>
  )
}

/** The dashboard's filters as a plain GET form, so every view is a link that can be bookmarked and shared. */
export function FilterForm({ action, filters, options }: { action: string; filters: StaffFilters; options: Options }) {
  const leas = filters.state ? options.leas.filter((l) => l.state === filters.state) : options.leas
  // The loader sends schools only for the chosen LEA (listFilterOptions).
  const schools = options.schools.filter((s) => s.leaId === filters.lea)
  return (
    <Form method="get" action={action} className="mb-8 rounded-lg bg-white p-5 shadow-sm print:hidden" aria-labelledby="filters-heading">
      <h2 id="filters-heading" className="text-lg font-semibold">Filters</h2>
      <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Choice name="cohort" label="Cohort" value={filters.cohort}>
          <option value="">All cohorts</option>
          {options.cohorts.map((c) => (
            <option key={c.id} value={c.id}>{c.name}</option>
          ))}
        </Choice>
        <Choice name="state" label="State" value={filters.state}>
          <option value="">Both states</option>
          <option value="MD">Maryland</option>
          <option value="NJ">New Jersey</option>
        </Choice>
        <Choice name="lea" label="District (LEA)" value={filters.lea}>
          <option value="">All districts</option>
          {leas.map((l) => (
            <option key={l.id} value={l.id}>{l.name} ({l.state})</option>
          ))}
        </Choice>
        <Choice name="school" label="School" value={filters.school}>
          <option value="">{filters.lea ? 'All schools' : 'All schools (choose a district to pick one)'}</option>
          {schools.map((s) => (
            <option key={s.id} value={s.id}>{s.name}</option>
          ))}
        </Choice>
        <Choice name="position" label="Position" value={filters.position}>
          <option value="">Both positions</option>
          <option value="principal">Principals</option>
          <option value="assistant_principal">Assistant principals</option>
        </Choice>
        <Choice name="year" label="Program year" value={filters.year}>
          <option value="">Both years</option>
          <option value="1">Year one</option>
          <option value="2">Year two</option>
        </Choice>
        <Choice name="track" label="Year-two track" value={filters.track}>
          <option value="">Every track</option>
          <option value="principal">Principal track</option>
          <option value="assistant-principal">Assistant-principal track</option>
        </Choice>
        <div className="flex items-end gap-3">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">Apply filters</button>
          <Link to={action} className="py-2 text-brand-800 underline underline-offset-4">Clear</Link>
        </div>
      </div>
    </Form>
  )
}
