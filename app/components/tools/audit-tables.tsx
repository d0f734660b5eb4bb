import type { GroupResult } from '~/domain/disproportionality'
import { formatRatio, formatRisk, METHOD_CITATION, VOICE_QUESTIONS, type SharedIndicator } from '~/domain/equity-audit'
import { formatShare, STATE_RULES, type AuditState } from '~/domain/suppression'
import { Cell, DataTable, Row, RowHeader } from '../data-table'
import { RiskRatioChart } from './risk-ratio-chart'

function FlagBadge({ flagged }: { flagged: boolean }) {
  return flagged ? <span className="rounded bg-rose-100 px-2 py-0.5 font-semibold text-rose-900">▲ Over threshold</span> : <span className="text-slate-600">—</span>
}

/** The author's full figures for one indicator: every count, risk, ratio and reason. */
export function AuthorResults({ indicator, threshold }: { indicator: { id: string; name: string; results: GroupResult[] }; threshold: number }) {
  return (
    <div className="space-y-4">
      <DataTable
        caption={`${indicator.name}: figures per student group`}
        columns={['Student group', { label: 'Enrolled', numeric: true }, { label: 'With outcome', numeric: true }, { label: 'Risk', numeric: true }, { label: 'Comparison risk', numeric: true }, { label: 'Risk ratio', numeric: true }, 'Share of outcome · of enrolment', 'Flag', 'Notes']}
      >
        {indicator.results.map((r) => (
          <Row key={r.group}>
            <RowHeader>{r.group}</RowHeader>
            <Cell numeric>{r.enrolled.toLocaleString('en-US')}</Cell>
            <Cell numeric>{r.withOutcome.toLocaleString('en-US')}</Cell>
            <Cell numeric>{formatRisk(r.risk)}</Cell>
            <Cell numeric>{formatRisk(r.comparisonRisk)}</Cell>
            <Cell numeric>
              {r.ratioUsed === 'alternate' ? `${formatRatio(r.alternateRiskRatio)} (alternate)` : formatRatio(r.riskRatio)}
            </Cell>
            <Cell>
              {formatShare(r.shareOfOutcome)} · {formatShare(r.shareOfEnrolment)}
            </Cell>
            <Cell>
              <FlagBadge flagged={r.flagged} />
            </Cell>
            <Cell>{r.notes.length > 0 ? <span className="text-slate-700">{r.notes.join(' ')}</span> : null}</Cell>
          </Row>
        ))}
      </DataTable>
      <RiskRatioChart
        id={`chart-${indicator.id}`}
        title={`${indicator.name}: risk ratio by student group`}
        threshold={threshold}
        bars={indicator.results.map((r) => ({
          group: r.group,
          ratio: r.ratioUsed === 'alternate' ? r.alternateRiskRatio : r.riskRatio,
          alternate: r.ratioUsed === 'alternate',
          flagged: r.flagged,
          missing: 'no ratio (see the table)',
        }))}
      />
    </div>
  )
}

/** What coaches, staff and exports see of one indicator: suppressed by the school's state. */
export function SharedResults({ indicator, threshold }: { indicator: SharedIndicator; threshold: number }) {
  return (
    <div className="space-y-4">
      <DataTable
        caption={`${indicator.name}: figures per student group, small groups suppressed`}
        columns={['Student group', { label: 'Enrolled', numeric: true }, { label: 'With outcome', numeric: true }, { label: 'Rate', numeric: true }, { label: 'Risk ratio', numeric: true }, 'Share of outcome · of enrolment', 'Flag', 'Why hidden']}
      >
        {indicator.groups.map((g) => (
          <Row key={g.group}>
            <RowHeader>{g.group}</RowHeader>
            <Cell numeric>{g.enrolled}</Cell>
            <Cell numeric>{g.withOutcome}</Cell>
            <Cell numeric>{g.rate}</Cell>
            <Cell numeric>{g.alternate ? `${g.ratio} (alternate)` : g.ratio}</Cell>
            <Cell>{g.composition}</Cell>
            <Cell>
              <FlagBadge flagged={g.flagged} />
            </Cell>
            <Cell>{g.reason ?? ''}</Cell>
          </Row>
        ))}
        <Row>
          <RowHeader>All students</RowHeader>
          <Cell numeric>{indicator.totals.enrolled.toLocaleString('en-US')}</Cell>
          <Cell numeric>{indicator.totals.withOutcome.toLocaleString('en-US')}</Cell>
          <Cell numeric>{indicator.totals.rate}</Cell>
          <Cell numeric>—</Cell>
          <Cell>100%</Cell>
          <Cell>{null}</Cell>
          <Cell>{null}</Cell>
        </Row>
      </DataTable>
      <RiskRatioChart
        id={`shared-chart-${indicator.id}`}
        title={`${indicator.name}: risk ratio by student group (small groups suppressed)`}
        threshold={threshold}
        bars={indicator.groups.map((g) => ({
          group: g.group,
          ratio: g.chartRatio,
          alternate: g.alternate,
          flagged: g.flagged,
          missing: g.level === 'none' ? 'no ratio (group or comparison too small)' : 'suppressed (small group)',
        }))}
      />
    </div>
  )
}

export function VoicesRead({ notes }: { notes: Record<string, string> }) {
  const written = VOICE_QUESTIONS.filter((q) => notes[q.key]?.trim())
  if (written.length === 0) return <p className="text-slate-700">No notes on voices and perspectives yet.</p>
  return (
    <dl className="space-y-4">
      {written.map((q) => (
        <div key={q.key}>
          <dt className="font-semibold">{q.label}</dt>
          <dd className="mt-1 whitespace-pre-wrap text-slate-800">{notes[q.key]}</dd>
        </div>
      ))}
    </dl>
  )
}

export function MethodNote({ stateRule }: { stateRule?: string }) {
  return (
    <section aria-labelledby="method-heading" className="rounded-lg border border-slate-300 bg-white p-5 text-sm text-slate-700">
      <h2 id="method-heading" className="font-semibold text-slate-900">Method</h2>
      <p className="mt-1">{METHOD_CITATION}</p>
      {stateRule ? <p className="mt-2">Small-cell suppression in every shared view and export. {stateRule} When exactly one group would be hidden, the next smallest is hidden too, so neither can be worked out from the total.</p> : null}
      <p className="mt-2">Groups under one indicator must not overlap (each student counted once), because each group is compared with all the others.</p>
    </section>
  )
}

/** Every indicator, the voices and the method, as anyone but the author sees them. */
export function SharedAudit({ indicators, threshold, notes, state }: { indicators: SharedIndicator[]; threshold: number; notes: Record<string, string>; state: AuditState }) {
  return (
    <div className="space-y-10">
      {indicators.map((indicator) => (
        <section key={indicator.id} aria-labelledby={`h-${indicator.id}`} className="space-y-4 break-inside-avoid">
          <h2 id={`h-${indicator.id}`} className="text-2xl font-semibold">{indicator.name}</h2>
          {indicator.alternateRisk !== null ? (
            <p className="text-slate-800">
              Alternate comparison: {(indicator.alternateRisk * 100).toFixed(1)}%{indicator.alternateSource ? ` (${indicator.alternateSource})` : ''}.
            </p>
          ) : null}
          <SharedResults indicator={indicator} threshold={threshold} />
        </section>
      ))}
      {indicators.length === 0 ? <p className="text-slate-700">No indicators yet.</p> : null}
      <section aria-labelledby="voices-read" className="rounded-lg bg-white p-6 shadow-sm">
        <h2 id="voices-read" className="text-xl font-semibold">Voices and perspectives</h2>
        <div className="mt-3">
          <VoicesRead notes={notes} />
        </div>
      </section>
      <MethodNote stateRule={STATE_RULES[state]} />
    </div>
  )
}
