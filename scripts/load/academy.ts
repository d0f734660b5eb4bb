/**
 * The load test's academy: one district, school and year-one cohort, and as many fellows as there
 * are connections, all sharing one password. Import this only after DATABASE_URL points at the
 * load-test database: db/client.server connects when it is first imported.
 */
import { createCohort, createFellow, createLea, createSchool, createUser } from '../../db/factories'
import { getAnswers } from '../../app/models/module.server'
import { getCurriculum } from '../../app/utils/content.server'
import { hashPassword } from '../../app/utils/password.server'

export const LOAD_PASSWORD = 'load-test password, not secret'

export type LoadFellow = { fellowId: string; email: string }
export type LoadModule = { slug: string; promptIds: string[] }

/** Creates `count` signed-up fellows. Argon2 is slow on purpose, so the one hash is made once. */
export async function seedLoadAcademy({ count }: { count: number }): Promise<LoadFellow[]> {
  const passwordHash = await hashPassword(LOAD_PASSWORD)
  const lea = await createLea({ name: 'Load Test District', state: 'MD' })
  const school = await createSchool({ leaId: lea.id, name: 'Load Test School' })
  const cohort = await createCohort({ name: 'Load Test Cohort', startYear: 2026 })
  const fellows: LoadFellow[] = []
  for (let i = 1; i <= count; i++) {
    const email = `load-fellow-${i}@load.test`
    const user = await createUser({ email, name: `Load Fellow ${i}`, role: 'fellow', passwordHash })
    const fellow = await createFellow({ userId: user.id, cohortId: cohort.id, schoolId: school.id, position: 'principal', programYear: 1 })
    fellows.push({ fellowId: fellow.id, email })
  }
  return fellows
}

/** A year-one module for every fellow, with the most prompts to autosave into. */
export function pickLoadModule(): LoadModule {
  const candidates = getCurriculum().modules.filter((m) => m.year === 1 && m.track === 'all' && m.prompts.length > 0)
  const module = candidates.sort((a, b) => b.prompts.length - a.prompts.length)[0]
  if (!module) throw new Error('The compiled curriculum has no year-one module with prompts.')
  return { slug: module.slug, promptIds: module.prompts.map((p) => p.id) }
}

/** What the database holds for each fellow's answers in the module, prompt id → body. */
export async function readStoredAnswers({ fellows, module }: { fellows: LoadFellow[]; module: LoadModule }) {
  const stored = new Map<string, Record<string, string>>()
  for (const fellow of fellows) stored.set(fellow.fellowId, await getAnswers({ fellowId: fellow.fellowId, moduleSlug: module.slug }))
  return stored
}
