import { moduleAccess } from '~/domain/reader'
import { academyDate, dueState, type DueState } from '~/domain/schedule'
import { getCohortSchedule } from '~/models/schedule.server'
import { listFellowSubmissions } from '~/models/submission.server'
import { getCurriculum } from './content.server'

export type DueItem = {
  moduleSlug: string
  title: string
  assignment: string
  opensOn: string | null
  dueOn: string | null
  state: DueState | 'returned'
  submissionId: string | null
}

/** What a fellow owes now: open, due-soon and overdue assignments of their year, and returned work. */
export async function fellowDueItems(fellow: { fellowId: string; cohortId: string; programYear: number; position: 'principal' | 'assistant_principal' }) {
  const viewer = { role: 'fellow' as const, programYear: fellow.programYear, position: fellow.position }
  const [schedule, submissions] = await Promise.all([getCohortSchedule({ cohortId: fellow.cohortId }), listFellowSubmissions({ fellowId: fellow.fellowId })])
  const today = academyDate(new Date())
  const items: DueItem[] = []
  for (const m of getCurriculum().modules) {
    if (moduleAccess(viewer, m) !== 'edit') continue
    const dates = schedule.find((s) => s.moduleSlug === m.slug)
    const submission = submissions.find((s) => s.moduleSlug === m.slug)
    const handedIn = submission ? submission.status !== 'draft' && submission.status !== 'returned' : false
    const state = submission?.status === 'returned' ? 'returned' : dueState({ today, opensOn: dates?.opensOn ?? null, dueOn: dates?.dueOn ?? null, submitted: handedIn })
    if (state === 'done' || state === 'upcoming') continue
    if (state === 'open' && !(dates?.dueOn)) continue
    items.push({ moduleSlug: m.slug, title: m.title, assignment: m.assignment.title, opensOn: dates?.opensOn ?? null, dueOn: dates?.dueOn ?? null, state, submissionId: submission?.id ?? null })
  }
  const order = { returned: 0, overdue: 1, 'due-soon': 2, open: 3, upcoming: 4, done: 5 }
  return items.sort((a, b) => order[a.state] - order[b.state] || (a.dueOn ?? '').localeCompare(b.dueOn ?? ''))
}
