import type { LoaderFunctionArgs } from '@remix-run/node'
import { rosterCsvTemplate } from '~/domain/roster'
import { listRosterCohorts } from '~/models/roster.server'
import { requireRole } from '~/utils/auth.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'staff', 'admin')
  const [newest] = await listRosterCohorts()
  return new Response(rosterCsvTemplate(newest?.name), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="roster-template.csv"' },
  })
}
