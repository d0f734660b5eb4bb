import type { IndicatorAnalysis } from '~/domain/equity-audit'
import { STATE_RULES, type AuditState } from '~/domain/suppression'
import { AddIndicatorForm, IndicatorEditor, NotesForm, Outcome, SettingsForm, UploadForm, type AuditActionData } from './audit-editor'
import { AuthorResults, MethodNote } from './audit-tables'

/** The author's page: each indicator's figures, chart and editor, then the forms that add and shape the audit. */
export function AuditWorkbench({
  analysis,
  title,
  schoolYear,
  state,
  settings,
  notes,
  result,
}: {
  analysis: IndicatorAnalysis[]
  title: string
  schoolYear: string
  state: AuditState
  settings: { minCell: number; minN: number; threshold: number }
  notes: Record<string, string>
  result: AuditActionData | undefined
}) {
  const threshold = settings.threshold.toFixed(1)
  return (
    <div className="space-y-10">
      {analysis.length === 0 ? (
        <p className="rounded-lg bg-white p-6 text-slate-700 shadow-sm">No indicators yet. Add one below and type its counts, or upload a CSV file made from the template.</p>
      ) : null}
      <Outcome result={result} intent="delete-indicator" />
      {analysis.map((indicator) => (
        <section key={indicator.id} aria-labelledby={`h-${indicator.id}`} className="space-y-4">
          <h2 id={`h-${indicator.id}`} className="text-2xl font-semibold">{indicator.name}</h2>
          {indicator.counts.length > 0 ? (
            <>
              <p className="text-slate-800">
                {indicator.flagged.length > 0 ? `Over the threshold of ${threshold}: ${indicator.flagged.join(', ')}.` : `No group is over the threshold of ${threshold}.`}
                {indicator.alternateRisk !== null
                  ? ` Alternate comparison: ${(indicator.alternateRisk * 100).toFixed(1)}%${indicator.alternateSource ? ` (${indicator.alternateSource})` : ''}.`
                  : ''}
              </p>
              <AuthorResults indicator={indicator} threshold={settings.threshold} />
            </>
          ) : null}
          <IndicatorEditor indicator={indicator} result={result} />
        </section>
      ))}
      <AddIndicatorForm result={result} existing={analysis.map((i) => i.name)} />
      <UploadForm result={result} />
      <NotesForm result={result} notes={notes} />
      <SettingsForm result={result} title={title} schoolYear={schoolYear} settings={settings} />
      <MethodNote stateRule={STATE_RULES[state]} />
    </div>
  )
}
