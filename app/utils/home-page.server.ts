/**
 * The server half of a fellow's home page (app/routes/home.tsx); see docs/decisions/0016.
 */
import type { LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { currentModuleFor, moduleStatus } from '~/domain/reader'
import { getFellowProfile } from '~/models/fellow.server'
import { getYearOverview } from '~/models/module.server'
import { requireRole } from '~/utils/auth.server'
import { getCurriculum } from '~/utils/content.server'
import { fellowDueItems } from '~/utils/due.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'fellow')
  const profile = await getFellowProfile({ userId: user.id })
  if (!profile) return json({ name: user.name, profile, current: null, due: [] })
  const due = await fellowDueItems(profile)
  const viewer = { role: 'fellow' as const, programYear: profile.programYear, position: profile.position }
  const module = currentModuleFor(getCurriculum().modules, viewer, new Date())
  if (!module) return json({ name: user.name, profile, current: null, due })
  const overview = await getYearOverview({ fellowId: profile.fellowId, cohortId: profile.cohortId, slugs: [module.slug] })
  const status = moduleStatus(overview.progress[0], overview.answered.length > 0)
  const current = { slug: module.slug, title: module.title, minutes: module.minutes, assignment: module.assignment.title, status, dueOn: overview.schedule[0]?.dueOn ?? null }
  return json({ name: user.name, profile, current, due })
}
