import type { MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Cell, DataTable, Row, RowHeader } from '~/components/data-table'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader } from '~/components/page-header'
import { AuditFindings } from '~/components/tools/audit-findings'
import { ARTIFACT_LABELS, artifactPath } from '~/domain/artifacts'
import type { loader } from '~/utils/tools-page.server'

// The loader lives in a server module of this route's own (docs/decisions/0016).
export { loader } from '~/utils/tools-page.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.own ? 'Improvement tools · SILA Academy' : `Improvement work: ${data?.fellowName ?? 'fellow'} · SILA Academy` },
]

const TOOLS = [
  {
    to: '/tools/audits/new',
    name: 'New equity audit',
    what: 'Counts per student group for suspension, chronic absence, advanced courses, special education or proficiency: risk ratios, flagged groups, and the voices behind the numbers.',
  },
  {
    to: '/tools/fishbones/new',
    name: 'New fishbone',
    what: 'A causal system analysis of your problem of practice: causes under each bone, each placed in people or in the system, with its evidence.',
  },
  {
    to: '/tools/pdsa/new',
    name: 'New PDSA cycles',
    what: 'Plan, do, study, act on a change idea, cycle after cycle, with a run chart of your measure.',
  },
] as const

export default function ToolsIndex() {
  const { own, fellowName, artifacts, audits } = useLoaderData<typeof loader>()
  return (
    <>
      <PageHeader title={own ? 'Improvement tools' : `Improvement work: ${fellowName}`}>
        <p>
          {own
            ? 'Your equity audits, fishbones and PDSA cycles. Your coach and academy staff can read them; you attach them to assignments.'
            : `What ${fellowName} has built. You are reading it; only they can change it.`}
        </p>
      </PageHeader>
      {own ? (
        <section aria-labelledby="start-heading" className="mb-8">
          <h2 id="start-heading" className="text-xl font-semibold">Start something new</h2>
          <ul className="mt-3 grid gap-4 md:grid-cols-3">
            {TOOLS.map((tool) => (
              <li key={tool.to} className="rounded-lg bg-white p-5 shadow-sm">
                <h3 className="text-lg font-semibold">
                  <Link to={tool.to} className="text-brand-800 underline underline-offset-4">
                    {tool.name}
                  </Link>
                </h3>
                <p className="mt-1 text-sm text-slate-700">{tool.what}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="mb-8">
        <AuditFindings audits={audits} heading={own ? 'What your equity audits flagged' : 'What their equity audits flagged (small groups suppressed)'} />
      </div>
      <section aria-labelledby="work-heading">
        <h2 id="work-heading" className="mb-3 text-xl font-semibold">{own ? 'Your work' : 'Their work'}</h2>
        {artifacts.length === 0 ? (
          <p className="text-slate-700">Nothing yet.</p>
        ) : (
          <DataTable caption={own ? 'Your improvement work' : `Improvement work of ${fellowName}`} columns={['Title', 'Tool', 'Last changed']}>
            {artifacts.map((a) => (
              <Row key={a.id}>
                <RowHeader>
                  <Link to={artifactPath(a.kind, a.id)} className="text-brand-800 underline underline-offset-4">
                    {a.title}
                  </Link>
                </RowHeader>
                <Cell>{ARTIFACT_LABELS[a.kind]}</Cell>
                <Cell>
                  <time dateTime={a.updatedAt}>{a.updatedAt.slice(0, 10)}</time>
                </Cell>
              </Row>
            ))}
          </DataTable>
        )}
      </section>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
