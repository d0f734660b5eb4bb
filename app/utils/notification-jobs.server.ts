import { moduleAccess } from '~/domain/reader'
import { daysBetween } from '~/domain/schedule'
import { listCohortFellows } from '~/models/fellow.server'
import { listDigestsDue, markDigestSent, markEmailed, type NewNotification } from '~/models/notification.server'
import { getCohortSchedule, listCohorts } from '~/models/schedule.server'
import { listCohortSubmissionStates } from '~/models/submission.server'
import { getCurriculum } from './content.server'
import { absoluteUrl, sendMail } from './mail.server'
import { notify } from './notify.server'

/** A module that opened within the last week still announces itself, so a missed run catches up. */
const OPENED_WITHIN_DAYS = 7
const DUE_WITHIN_DAYS = 3

/**
 * The notices that follow the calendar: "a module opens" and "an assignment is due in 3 days"
 * (only to fellows who have not handed it in). Each is made once per fellow and module.
 */
export async function createScheduledNotices(today: string) {
  const modules = new Map(getCurriculum().modules.map((m) => [m.slug, m]))
  const rows: NewNotification[] = []
  for (const cohort of await listCohorts()) {
    const [schedule, fellows, submissions] = await Promise.all([
      getCohortSchedule({ cohortId: cohort.id }),
      listCohortFellows({ cohortId: cohort.id }),
      listCohortSubmissionStates({ cohortId: cohort.id }),
    ])
    for (const entry of schedule) {
      const module = modules.get(entry.moduleSlug)
      if (!module || !entry.opensOn || !entry.dueOn) continue
      const sinceOpen = daysBetween(entry.opensOn, today)
      const untilDue = daysBetween(today, entry.dueOn)
      const opening = sinceOpen >= 0 && sinceOpen < OPENED_WITHIN_DAYS
      const dueSoon = untilDue >= 0 && untilDue <= DUE_WITHIN_DAYS
      if (!opening && !dueSoon) continue
      for (const fellow of fellows) {
        if (moduleAccess({ role: 'fellow', programYear: fellow.programYear, position: fellow.position }, module) !== 'edit') continue
        if (opening) {
          rows.push({ userId: fellow.userId, kind: 'module-opens', title: `“${module.title}” is open`, link: `/learn/${module.slug}`, dedupeKey: `opens:${module.slug}` })
        }
        const handedIn = submissions.some((s) => s.fellowId === fellow.fellowId && s.moduleSlug === module.slug && s.status !== 'draft' && s.status !== 'returned')
        if (dueSoon && !handedIn) {
          rows.push({ userId: fellow.userId, kind: 'due-soon', title: `“${module.assignment.title}” is due ${entry.dueOn}`, link: `/learn/${module.slug}#assignment`, dedupeKey: `due:${module.slug}` })
        }
      }
    }
  }
  return (await notify(rows)).length
}

/** One email per digest reader whose last digest is a week old, listing every notice not yet emailed. */
export async function sendDigests(now: Date) {
  const due = await listDigestsDue({ before: new Date(now.getTime() - 7 * 86_400_000 + 60_000) })
  const byUser = new Map<string, typeof due>()
  for (const row of due) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row])
  for (const [userId, items] of byUser) {
    const [first] = items
    await sendMail({
      to: first.email,
      subject: `SILA Academy: your weekly digest (${items.length} update${items.length === 1 ? '' : 's'})`,
      body: [`Hello ${first.name},`, '', 'Since your last digest:', '', ...items.map((i) => `- ${i.title}${i.link ? `\n  ${absoluteUrl(i.link)}` : ''}`), '', 'Change how you hear from the academy under Your account.'].join('\n'),
    })
    await markEmailed({ ids: items.map((i) => i.notificationId) })
    await markDigestSent({ userId })
  }
  return byUser.size
}
