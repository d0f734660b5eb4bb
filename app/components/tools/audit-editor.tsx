import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { GroupCount } from '~/domain/disproportionality'
import { AUDIT_LIMITS, INDICATOR_PRESETS, RACE_ETHNICITY_GROUPS, VOICE_QUESTIONS, type TypedRow } from '~/domain/equity-audit'
import { FormMessage } from '../forms'

export type AuditActionData = {
  ok: boolean
  intent: string
  message: string
  indicatorId?: string
  problems?: { line: number; column: string | null; message: string }[]
  details?: string[]
  rows?: TypedRow[]
}

const input = 'block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-slate-900'
const button = 'rounded border border-brand-700 px-3 py-1.5 text-sm font-semibold text-brand-800 hover:bg-brand-50'
const primary = 'rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800'

/** The outcome of one of this page's forms, shown beside that form only. */
export function Outcome({ result, intent, indicatorId }: { result: AuditActionData | undefined; intent: string; indicatorId?: string }) {
  if (!result || result.intent !== intent || (indicatorId && result.indicatorId !== indicatorId)) return null
  return (
    <div className="my-3">
      <FormMessage tone={result.ok ? 'success' : 'error'}>
        <p>{result.message}</p>
        {result.details && result.details.length > 0 ? (
          <ul className="mt-2 list-disc pl-5">
            {result.details.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        ) : null}
      </FormMessage>
    </div>
  )
}

function blankRows(count: number): TypedRow[] {
  return Array.from({ length: count }, () => ({ group: '', enrolled: '', withOutcome: '' }))
}

/** The counts as typed: what failed to save comes back as it was typed; a new indicator starts from the federal race and ethnicity groups. */
function rowsToEdit(counts: GroupCount[], failed: TypedRow[] | undefined): TypedRow[] {
  if (failed) return failed
  if (counts.length === 0) return [...RACE_ETHNICITY_GROUPS.map((group) => ({ group, enrolled: '', withOutcome: '' })), ...blankRows(2)]
  const typed = counts.map((c) => ({ group: c.group, enrolled: String(c.enrolled), withOutcome: String(c.withOutcome) }))
  return [...typed, ...blankRows(Math.min(3, AUDIT_LIMITS.groupsPerIndicator - typed.length))]
}

export function IndicatorEditor({
  indicator,
  result,
}: {
  indicator: { id: string; name: string; alternateRisk: number | null; alternateSource: string; counts: GroupCount[] }
  result: AuditActionData | undefined
}) {
  const failed = result && !result.ok && result.intent === 'save-indicator' && result.indicatorId === indicator.id ? result.rows : undefined
  const rows = rowsToEdit(indicator.counts, failed)
  const prefix = `ind-${indicator.id}`
  return (
    <details open={indicator.counts.length === 0 || Boolean(failed)} className="rounded-lg border border-slate-300 bg-white p-4 print:hidden">
      <summary className="cursor-pointer font-semibold text-brand-800">
        Edit the counts and comparison<span className="sr-only"> for {indicator.name}</span>
      </summary>
      <Outcome result={result} intent="save-indicator" indicatorId={indicator.id} />
      <Form method="post" className="mt-3 space-y-4" key={failed ? 'failed' : indicator.counts.map((c) => `${c.group}${c.enrolled}${c.withOutcome}`).join('|')}>
        <input type="hidden" name="intent" value="save-indicator" />
        <input type="hidden" name="indicatorId" value={indicator.id} />
        <div className="grid gap-4 md:grid-cols-3">
          <div>
            <label htmlFor={`${prefix}-name`} className="block text-sm font-semibold">Indicator</label>
            <input id={`${prefix}-name`} name="name" defaultValue={indicator.name} maxLength={AUDIT_LIMITS.name} required className={input} />
          </div>
          <div>
            <label htmlFor={`${prefix}-alt`} className="block text-sm font-semibold">District or state rate (optional)</label>
            <input
              id={`${prefix}-alt`}
              name="alternateRisk"
              inputMode="decimal"
              defaultValue={indicator.alternateRisk === null ? '' : `${+(indicator.alternateRisk * 100).toFixed(3)}%`}
              aria-describedby={`${prefix}-alt-hint`}
              className={input}
            />
            <p id={`${prefix}-alt-hint`} className="mt-1 text-xs text-slate-600">Used for an alternate risk ratio when the rest of your school is too small to compare with. Such as 4.5%.</p>
          </div>
          <div>
            <label htmlFor={`${prefix}-src`} className="block text-sm font-semibold">Where that rate comes from</label>
            <input id={`${prefix}-src`} name="alternateSource" defaultValue={indicator.alternateSource} maxLength={200} className={input} />
          </div>
        </div>
        <table className="w-full max-w-2xl text-sm">
          <caption className="text-left font-semibold">Counts per student group for {indicator.name}</caption>
          <thead>
            <tr className="text-left">
              <th scope="col" className="py-1 pr-2">Student group</th>
              <th scope="col" className="py-1 pr-2">Enrolled</th>
              <th scope="col" className="py-1">With the outcome</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                <td className="py-1 pr-2">
                  <input name={`rows[${i}].group`} defaultValue={row.group} aria-label={`Row ${i + 1}: student group`} maxLength={AUDIT_LIMITS.name} className={input} />
                </td>
                <td className="py-1 pr-2">
                  <input name={`rows[${i}].enrolled`} defaultValue={row.enrolled} inputMode="numeric" aria-label={`Row ${i + 1}${row.group ? ` (${row.group})` : ''}: enrolled`} className={input} />
                </td>
                <td className="py-1">
                  <input name={`rows[${i}].withOutcome`} defaultValue={row.withOutcome} inputMode="numeric" aria-label={`Row ${i + 1}${row.group ? ` (${row.group})` : ''}: with the outcome`} className={input} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="text-sm text-slate-600">Leave a row blank to remove it. Each student belongs to one group: for English learners or students with disabilities, make an indicator of its own with the group and everyone else.</p>
        <button type="submit" className={primary}>
          Save {indicator.name}
        </button>
      </Form>
      <Form method="post" className="mt-4 border-t border-slate-200 pt-3">
        <input type="hidden" name="intent" value="delete-indicator" />
        <input type="hidden" name="indicatorId" value={indicator.id} />
        <button type="submit" className="text-sm text-red-800 underline">
          Delete the indicator {indicator.name} and its counts
        </button>
      </Form>
    </details>
  )
}

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg bg-white p-6 shadow-sm print:hidden">
      <h2 id={id} className="text-xl font-semibold">{title}</h2>
      {children}
    </section>
  )
}

export function AddIndicatorForm({ result, existing }: { result: AuditActionData | undefined; existing: string[] }) {
  const presets = INDICATOR_PRESETS.filter((p) => !existing.some((e) => e.toLowerCase() === p.toLowerCase()))
  return (
    <Panel id="add-indicator-heading" title="Add an indicator">
      <Outcome result={result} intent="add-indicator" />
      <Form method="post" className="mt-3 flex flex-wrap items-end gap-3">
        <input type="hidden" name="intent" value="add-indicator" />
        <div className="min-w-72 flex-1">
          <label htmlFor="new-indicator" className="block text-sm font-semibold">Indicator</label>
          <input id="new-indicator" name="name" list="indicator-presets" maxLength={AUDIT_LIMITS.name} required aria-describedby="new-indicator-hint" className={input} />
          <datalist id="indicator-presets">
            {presets.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
          <p id="new-indicator-hint" className="mt-1 text-xs text-slate-600">Such as {INDICATOR_PRESETS.slice(0, 3).join('; ')} — or your own.</p>
        </div>
        <button type="submit" className={button}>Add indicator</button>
      </Form>
    </Panel>
  )
}

export function UploadForm({ result }: { result: AuditActionData | undefined }) {
  const problems = result?.intent === 'upload' ? result.problems ?? [] : []
  return (
    <Panel id="upload-heading" title="Upload counts from a spreadsheet">
      <p className="mt-1 text-sm text-slate-700">
        A CSV file with the columns <code>indicator</code>, <code>student_group</code>, <code>enrolled</code>, <code>with_outcome</code>: one row per
        indicator and group. Indicators in the file are created or replaced; others stay as they are. If any row is wrong, nothing is imported and
        every problem is listed. <a href="/tools/audits/template.csv" className="text-brand-700 underline underline-offset-4">Download the template</a>.
      </p>
      <Outcome result={result} intent="upload" />
      {problems.length > 0 ? (
        <table className="mb-3 w-full text-sm">
          <caption className="text-left font-semibold">Problems in the file</caption>
          <thead>
            <tr className="text-left">
              <th scope="col" className="pr-3">Line</th>
              <th scope="col" className="pr-3">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((p, i) => (
              <tr key={i} className="border-t border-slate-200">
                <td className="pr-3 tabular-nums">{p.line}</td>
                <td className="pr-3">{p.column ?? '—'}</td>
                <td>{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="mt-3 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="audit-csv" className="block text-sm font-semibold">CSV file</label>
          <input id="audit-csv" type="file" name="file" accept=".csv,text/csv" required className="mt-1 block text-sm" />
        </div>
        <button type="submit" className={button}>Upload and check</button>
      </Form>
    </Panel>
  )
}

export function NotesForm({ result, notes }: { result: AuditActionData | undefined; notes: Record<string, string> }) {
  return (
    <Panel id="voices-heading" title="Voices and perspectives">
      <p className="mt-1 text-sm text-slate-700">The numbers say where; people closest to them say why. Your coach and staff read these notes with the audit.</p>
      <Outcome result={result} intent="save-notes" />
      <Form method="post" className="mt-3 space-y-4">
        <input type="hidden" name="intent" value="save-notes" />
        {VOICE_QUESTIONS.map((q) => (
          <div key={q.key}>
            <label htmlFor={`note-${q.key}`} className="block font-semibold">{q.label}</label>
            <p id={`note-${q.key}-hint`} className="text-sm text-slate-600">{q.hint}</p>
            <textarea id={`note-${q.key}`} name={q.key} rows={4} maxLength={AUDIT_LIMITS.note} defaultValue={notes[q.key] ?? ''} aria-describedby={`note-${q.key}-hint`} className={`${input} mt-1`} />
          </div>
        ))}
        <button type="submit" className={primary}>Save notes</button>
      </Form>
    </Panel>
  )
}

export function SettingsForm({ result, title, schoolYear, settings }: { result: AuditActionData | undefined; title: string; schoolYear: string; settings: { minCell: number; minN: number; threshold: number } }) {
  const fields = [
    { name: 'title', label: 'Title', value: title, hint: '' },
    { name: 'schoolYear', label: 'School year of the data', value: schoolYear, hint: 'Such as 2026–27.' },
    { name: 'minCell', label: 'Minimum cell (students with the outcome)', value: String(settings.minCell), hint: 'Federal default 10.' },
    { name: 'minN', label: 'Minimum n-size (students enrolled)', value: String(settings.minN), hint: 'Federal default 30.' },
    { name: 'threshold', label: 'Risk-ratio threshold', value: String(settings.threshold), hint: 'Groups over it are flagged. Default 2.0.' },
  ]
  return (
    <Panel id="settings-heading" title="Audit settings">
      <Outcome result={result} intent="save-settings" />
      <Form method="post" className="mt-3 grid gap-4 md:grid-cols-2">
        <input type="hidden" name="intent" value="save-settings" />
        {fields.map((f) => (
          <div key={f.name}>
            <label htmlFor={`setting-${f.name}`} className="block text-sm font-semibold">{f.label}</label>
            <input id={`setting-${f.name}`} name={f.name} defaultValue={f.value} required aria-describedby={f.hint ? `setting-${f.name}-hint` : undefined} className={input} />
            {f.hint ? <p id={`setting-${f.name}-hint`} className="mt-1 text-xs text-slate-600">{f.hint}</p> : null}
          </div>
        ))}
        <div className="md:col-span-2">
          <button type="submit" className={primary}>Save settings</button>
        </div>
      </Form>
    </Panel>
  )
}
