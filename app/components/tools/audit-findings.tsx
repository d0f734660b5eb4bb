import { Link } from '@remix-run/react'
import { artifactPath } from '~/domain/artifacts'
import type { Finding } from '~/domain/equity-audit'

type AuditSummary = { id: string; title: string; schoolYear: string; threshold: number; indicatorCount: number; findings: Finding[] }

/** What the equity audits found, carried forward: year-one findings stay in view when year-two work starts. */
export function AuditFindings({ audits, heading = 'What your equity audits flagged' }: { audits: AuditSummary[]; heading?: string }) {
  if (audits.length === 0) return null
  return (
    <section aria-labelledby="findings-heading" className="rounded-lg border-l-4 border-rose-700 bg-white p-6 shadow-sm">
      <h2 id="findings-heading" className="text-xl font-semibold">{heading}</h2>
      <ul className="mt-3 space-y-4">
        {audits.map((audit) => (
          <li key={audit.id}>
            <p className="font-semibold">
              <Link to={artifactPath('equity_audit', audit.id)} className="text-brand-800 underline underline-offset-4">
                {audit.title}
              </Link>{' '}
              <span className="font-normal text-slate-700">({audit.schoolYear})</span>
            </p>
            {audit.findings.length === 0 ? (
              <p className="text-sm text-slate-700">
                {audit.indicatorCount === 0 ? 'No indicators entered yet.' : `No group over the threshold of ${audit.threshold.toFixed(1)} in what can be shown.`}
              </p>
            ) : (
              <ul className="mt-1 list-disc pl-5 text-slate-800">
                {audit.findings.map((f) => (
                  <li key={`${f.indicator}|${f.group}`}>
                    {f.indicator}: {f.group}, risk ratio {f.ratio}
                    {f.alternate ? ' (alternate)' : ''}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
