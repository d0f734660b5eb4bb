/**
 * Run as its own process with DATABASE_URL set (db/client.server connects on first import, once
 * per process, and the bench reads two databases): finds what the bench requests need in the large
 * academy and writes it as JSON to the file named by the first argument.
 */
import { writeFileSync } from 'node:fs'
import { closeDatabase } from '../../db/client.server'
import { currentModuleFor, type ModuleViewer } from '../../app/domain/reader'
import { listAuditIds } from '../../app/models/equity-audit.server'
import { getFellowProfile } from '../../app/models/fellow.server'
import { listCohorts } from '../../app/models/schedule.server'
import { listFilterOptions } from '../../app/models/staff-metrics.server'
import { getUserByEmail } from '../../app/models/user.server'
import { getCurriculum } from '../../app/utils/content.server'
import { LARGE_DOMAIN } from '../large-academy/plan'
import { benchSessionCookie } from './session'

export type BenchFellow = { email: string; slug: string; promptIds: string[] }

export type BenchFixtures = {
  staffCookie: string
  heatmapCohortId: string
  lea: { id: string; state: 'MD' | 'NJ' }
  /** Fellows who can write in their current module, for sign-in, the module page and autosave. */
  fellows: BenchFellow[]
  /** The first fellow's equity audit, for a tools page. */
  auditId: string | null
}

/** How many fellows to look at: enough for one per autosave connection. */
const FELLOWS_WANTED = 20

async function main() {
  const out = process.argv[2]
  if (!out) throw new Error('Usage: tsx scripts/bench/fixtures.ts <output.json>')
  const staff = await getUserByEmail({ email: `staff@${LARGE_DOMAIN}` })
  if (!staff) throw new Error(`No staff@${LARGE_DOMAIN}: this database was not made by npm run seed:large.`)
  const cohorts = await listCohorts()
  const { leas } = await listFilterOptions({ lea: null })
  const modules = getCurriculum().modules
  const fellows: BenchFellow[] = []
  let auditId: string | null = null
  for (let i = 1; fellows.length < FELLOWS_WANTED && i <= FELLOWS_WANTED * 3; i++) {
    const email = `fellow.${String(i).padStart(5, '0')}@${LARGE_DOMAIN}`
    const user = await getUserByEmail({ email })
    const profile = user ? await getFellowProfile({ userId: user.id }) : null
    if (!profile) continue
    if (i === 1) auditId = (await listAuditIds({ fellowId: profile.fellowId }))[0]?.id ?? null
    const viewer: ModuleViewer = { role: 'fellow', programYear: profile.programYear, position: profile.position }
    const module = currentModuleFor(modules, viewer, new Date()) ?? modules.find((m) => m.year === profile.programYear && m.month === 1)
    if (module) fellows.push({ email, slug: module.slug, promptIds: module.prompts.map((p) => p.id) })
  }
  const fixtures: BenchFixtures = {
    staffCookie: await benchSessionCookie(staff.id),
    heatmapCohortId: cohorts[0].id,
    lea: { id: leas[0].id, state: leas[0].state },
    fellows,
    auditId,
  }
  writeFileSync(out, JSON.stringify(fixtures))
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
  .finally(() => closeDatabase())
