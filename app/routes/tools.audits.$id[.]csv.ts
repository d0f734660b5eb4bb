import type { LoaderFunctionArgs } from '@remix-run/node'
import { auditCsvExport } from '~/domain/audit-csv'
import { requireUser } from '~/utils/auth.server'
import { loadAudit } from '~/utils/equity-audit.server'

/** The audit as CSV, suppressed by the school's state for everyone (an export leaves the platform). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { artifact, header, shared } = await loadAudit(user, params.id ?? '')
  const name = `${artifact.title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'equity-audit'}.csv`
  return new Response(auditCsvExport({ state: artifact.state, school: artifact.schoolName, schoolYear: header.schoolYear, indicators: shared }), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    },
  })
}
