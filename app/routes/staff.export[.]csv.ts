import type { LoaderFunctionArgs } from '@remix-run/node'
import { isExportKind } from '~/domain/staff-export'
import { academyDate } from '~/domain/schedule'
import { writeAudit } from '~/models/audit-log.server'
import { requireRole } from '~/utils/auth.server'
import { clientAddress } from '~/utils/request.server'
import { exportStream } from '~/utils/staff-export.server'
import { requireStaffFilters } from '~/utils/staff-view.server'

/** /staff/export.csv?kind=progress|submissions|coaching plus the dashboard's filters, streamed. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'staff', 'admin')
  const params = new URL(request.url).searchParams
  const kind = params.get('kind')
  if (!isExportKind(kind)) throw new Response('Choose what to export: kind=progress, submissions or coaching.', { status: 400 })
  const filters = requireStaffFilters(request)
  const today = academyDate(new Date())
  await writeAudit({ actorId: user.id, action: 'export.downloaded', targetType: 'export', targetId: kind, ipAddress: clientAddress(request), details: { filters: new URLSearchParams([...params].filter(([k]) => k !== 'kind')).toString() } })
  return new Response(exportStream({ kind, filters, today }), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="sila-${kind}-${today}.csv"`,
      'Cache-Control': 'no-store',
    },
  })
}
