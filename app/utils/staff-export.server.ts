import { csvLine } from '~/domain/csv'
import { coachingLine, EXPORT_HEADERS, progressLine, submissionLine, type ExportKind } from '~/domain/staff-export'
import type { StaffFilters } from '~/domain/staff-filters'
import { listCoachingRows, listFellowIdPage, listProgressRows, listSubmissionRows } from '~/models/staff-export.server'

/**
 * Fellows per database round trip: an academy of 10,000 streams in 50 pages, never all in memory.
 * Pages of 500 held more rows at once, and the server grew by 100–118 MB during the export (npm run bench).
 */
export const EXPORT_PAGE = 200

async function linesFor(kind: ExportKind, fellowIds: string[], today: string) {
  if (kind === 'progress') return (await listProgressRows({ fellowIds })).map((row) => progressLine(row, today)).join('')
  if (kind === 'submissions') return (await listSubmissionRows({ fellowIds })).map((row) => submissionLine(row, today)).join('')
  return (await listCoachingRows({ fellowIds, monthStart: `${today.slice(0, 8)}01` })).map(coachingLine).join('')
}

/** The export as a stream: the header, then one page of fellows at a time as the client reads. */
export function exportStream({ kind, filters, today }: { kind: ExportKind; filters: StaffFilters; today: string }) {
  const encoder = new TextEncoder()
  let after: string | null = null
  let headerSent = false
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(EXPORT_HEADERS[kind])}`))
        return
      }
      const ids = await listFellowIdPage({ filters, after, limit: EXPORT_PAGE })
      if (ids.length > 0) {
        after = ids[ids.length - 1]
        const text = await linesFor(kind, ids, today)
        if (text) controller.enqueue(encoder.encode(text))
      }
      if (ids.length < EXPORT_PAGE) controller.close()
    },
  })
}
