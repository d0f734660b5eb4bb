/**
 * npm run digest — run daily by a scheduler (cron, systemd timer). Creates the calendar notices
 * (modules opening, work due in 3 days) and emails the weekly digest to those who chose it.
 */
import { closeDatabase } from '../db/client.server'
import { academyDate } from '../app/domain/schedule'
import { sendDigests, createScheduledNotices } from '../app/utils/notification-jobs.server'

async function main() {
  const now = new Date()
  const notices = await createScheduledNotices(academyDate(now))
  const digests = await sendDigests(now)
  console.log(`${notices} new notices, ${digests} digests sent.`)
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
  .finally(() => closeDatabase())
