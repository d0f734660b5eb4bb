import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseAuditFilters } from '~/domain/audit-filters'
import { csvLine } from '~/domain/csv'
import { listAuditEntries, writeAudit } from '~/models/audit-log.server'
import { requireRole } from '~/utils/auth.server'
import { clientAddress } from '~/utils/request.server'

const PAGE = 1000

/** The whole matching audit log as CSV, streamed a thousand entries at a time, newest first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'staff', 'admin')
  const parsed = parseAuditFilters(new URL(request.url).searchParams)
  if (!parsed.ok) throw new Response(parsed.message, { status: 400 })
  const filters = parsed.filters
  await writeAudit({ actorId: user.id, action: 'audit.exported', targetType: 'audit_log', ipAddress: clientAddress(request), details: { action: filters.action, actor: filters.actor, from: filters.from, to: filters.to } })
  const encoder = new TextEncoder()
  let beforeId: number | null = null
  let started = false
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(['when_utc', 'actor', 'action', 'target_type', 'target_id', 'from_address', 'details'])}`))
        return
      }
      const rows = await listAuditEntries({ filters, limit: PAGE, beforeId })
      if (rows.length > 0) {
        beforeId = rows[rows.length - 1].id
        controller.enqueue(
          encoder.encode(
            rows
              .map((e) => csvLine([new Date(e.createdAt).toISOString(), e.actorEmail ?? '', e.action, e.targetType ?? '', e.targetId ?? '', e.ipAddress ?? '', JSON.stringify(e.details)]))
              .join(''),
          ),
        )
      }
      if (rows.length < PAGE) controller.close()
    },
  })
  return new Response(stream, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="sila-audit-log.csv"', 'Cache-Control': 'no-store' },
  })
}
