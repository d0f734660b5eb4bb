import type { LoaderFunctionArgs } from '@remix-run/node'
import { auditCsvTemplate } from '~/domain/audit-csv'
import { requireUser } from '~/utils/auth.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  return new Response(auditCsvTemplate(), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="equity-audit-template.csv"' },
  })
}
