import { decodeBase32IgnorePadding } from '@oslojs/encoding'
import { DEMO_TOTP_KEY } from '../../db/demo-accounts'
import { encryptTotpKey } from '../../app/utils/second-factor.server'
import type { PgInsertValue, PgTable } from 'drizzle-orm/pg-core'
import { getTableColumns, sql } from 'drizzle-orm'
import { db, migrateDatabase } from '../../db/client.server'
import { coachAssignments, coachingSessions, cohorts, fellows, leas, moduleProgress, promptResponses, schools, submissionEvents, submissions, users } from '../../db/schema'
import { seedDemoAudit } from '../../db/seed-artifacts'
import { syncModules } from '../../app/models/module.server'
import { getCurriculum } from '../../app/utils/content.server'
import { hashPassword } from '../../app/utils/password.server'
import { ensureDefaultSchedules } from '../../app/utils/schedules.server'
import { LARGE_DOMAIN, planFellow, planStructure, sessionQuota, type FellowRows, type PlanOptions } from './plan'

/**
 * Writes the planned academy into the database that DATABASE_URL names (already migrated by the
 * caller's fresh database, or migrated here). Imported only after DATABASE_URL is set, because
 * db/client.server connects when it is first imported.
 */

export const LARGE_PASSWORD = 'sila-large-password'

/** Fellows generated and written per round: bounds memory whatever the academy's size. */
const FELLOWS_PER_ROUND = 500

/** PostgreSQL takes at most 65,535 parameters in one statement; stay under it. */
const MAX_PARAMETERS = 60_000

/** The triggers that keep fellow_standing as the seed's rows arrive (migration 0007). */
const STANDING_TRIGGERS = [
  ['module_progress', 'module_progress_standing_insert'],
  ['submissions', 'submissions_standing_insert'],
  ['submissions', 'submissions_standing_update'],
  ['coaching_sessions', 'coaching_sessions_standing_insert'],
] as const

const timings = new Map<string, { rows: number; ms: number }>()

async function insertRows<T extends PgTable>(label: string, table: T, rows: PgInsertValue<T>[]) {
  if (rows.length === 0) return
  const started = performance.now()
  // Every column of the table, not the first row's keys: a later row may set columns the first left out.
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(getTableColumns(table)).length))
  for (let i = 0; i < rows.length; i += perStatement) {
    await db.insert(table).values(rows.slice(i, i + perStatement))
  }
  const entry = timings.get(label) ?? { rows: 0, ms: 0 }
  timings.set(label, { rows: entry.rows + rows.length, ms: entry.ms + performance.now() - started })
}

export async function seedLargeAcademy(options: Omit<PlanOptions, 'modules'>) {
  const started = performance.now()
  await migrateDatabase()
  const compiled = getCurriculum().modules
  await syncModules({ compiled })
  const plan: PlanOptions = { ...options, modules: compiled }
  // One Argon2id hash for every account: hashing 10,000 passwords would take minutes and prove nothing.
  const passwordHash = await hashPassword(LARGE_PASSWORD)

  // The demo academy's public authenticator key: this academy is as invented as the demo one.
  const structure = planStructure(plan, passwordHash, encryptTotpKey(decodeBase32IgnorePadding(DEMO_TOTP_KEY)))
  await insertRows('leas', leas, structure.leas)
  await insertRows('schools', schools, structure.schools)
  await insertRows('cohorts', cohorts, structure.cohorts)
  await insertRows('users (staff, coaches)', users, [...structure.staffUsers, ...structure.coaches])
  const scheduleStarted = performance.now()
  const scheduled = await ensureDefaultSchedules()
  timings.set('module_schedule', { rows: scheduled, ms: performance.now() - scheduleStarted })

  const quota = sessionQuota(plan, structure)
  // Each review event updates its submission's sums (migration 0006), and each such update would
  // refresh the fellow's standing (0007): 208,000 refreshes, half a minute, and a table twenty times
  // its size. Every fellow's standing is worked out once instead, after the last round.
  for (const [table, trigger] of STANDING_TRIGGERS) await db.execute(sql.raw(`alter table ${table} disable trigger ${trigger}`))
  for (let first = 0; first < plan.size.fellows; first += FELLOWS_PER_ROUND) {
    const planned: FellowRows[] = []
    for (let i = first; i < Math.min(plan.size.fellows, first + FELLOWS_PER_ROUND); i++) {
      planned.push(planFellow(plan, structure, i, quota[i], passwordHash))
    }
    await insertRows('users (fellows)', users, planned.map((p) => p.user))
    await insertRows('fellows', fellows, planned.map((p) => p.fellow))
    await insertRows('coach_assignments', coachAssignments, planned.map((p) => p.pairing))
    await insertRows('module_progress', moduleProgress, planned.flatMap((p) => p.progress))
    await insertRows('prompt_responses', promptResponses, planned.flatMap((p) => p.answers))
    await insertRows('submissions', submissions, planned.flatMap((p) => p.submissions))
    await insertRows('submission_events', submissionEvents, planned.flatMap((p) => p.events))
    await insertRows('coaching_sessions', coachingSessions, planned.flatMap((p) => p.sessions))
  }

  const standingStarted = performance.now()
  for (const [table, trigger] of STANDING_TRIGGERS) await db.execute(sql.raw(`alter table ${table} enable trigger ${trigger}`))
  await db.execute(sql`select refresh_fellow_standing(array(select id from fellows))`)
  timings.set('fellow_standing', { rows: plan.size.fellows, ms: performance.now() - standingStarted })

  // The first fellow also gets an equity audit, so the bench has an improvement-tool page to load.
  const first = planFellow(plan, structure, 0, quota[0], passwordHash)
  if (first.fellow.id) await seedDemoAudit({ fellowId: first.fellow.id })

  // Vacuum too, as autovacuum would have long since: index-only scans need the visibility map.
  const analyzeStarted = performance.now()
  await db.execute('vacuum analyze')
  timings.set('vacuum analyze', { rows: 0, ms: performance.now() - analyzeStarted })
  return { timings: [...timings.entries()].map(([table, t]) => ({ table, ...t })), totalMs: performance.now() - started, domain: LARGE_DOMAIN }
}
