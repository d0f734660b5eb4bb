import { getPreferences, insertNotifications, markEmailed, type NewNotification } from '~/models/notification.server'
import { absoluteUrl, sendMail } from './mail.server'

/**
 * Records in-app notices and, for people who chose immediate email, sends each one now. People on
 * the weekly digest get theirs from `npm run digest`; people who chose none only see them in the app.
 */
export async function notify(rows: NewNotification[]) {
  const made = await insertNotifications(rows)
  if (made.length === 0) return made
  const people = new Map((await getPreferences({ userIds: [...new Set(made.map((n) => n.userId))] })).map((p) => [p.id, p]))
  const emailed: string[] = []
  for (const notice of made) {
    const person = people.get(notice.userId)
    if (!person || person.preference !== 'immediate' || person.status !== 'active') continue
    await sendMail({
      to: person.email,
      subject: `SILA Academy: ${notice.title}`,
      body: [`Hello ${person.name},`, '', notice.title, notice.link ? absoluteUrl(notice.link) : '', '', 'Change how you hear from the academy under Your account.'].join('\n'),
    })
    emailed.push(notice.id)
  }
  await markEmailed({ ids: emailed })
  return made
}
