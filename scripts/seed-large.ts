/**
 * npm run seed:large — a synthetic statewide academy on PostgreSQL for the benchmark:
 * 10,000 fellows in 50 cohorts across 2 states and 200 LEAs, 400 coaches, a year of progress,
 * submissions and 100,000 coaching sessions. The same seed and day give the same academy.
 *
 *   npm run seed:large                        sila_large on the local server
 *   npm run seed:large -- --fellows 1000      sila_large_1000 (everything scaled down tenfold)
 *   npm run seed:large -- --database-url postgres://…/sila_large_x   another database (named sila_large…)
 *   --seed 20260901  --today 2026-11-23       another stream, another "today" (default: today, Eastern time)
 */
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { academyDate } from '../app/domain/schedule'
import { labelDatabase, largeDatabaseUrl, recreateDatabase, seedLabel } from './large-academy/database'
import { academySize } from './large-academy/plan'

export const DEFAULT_SEED = 20260901

async function main() {
  const { values } = parseArgs({
    options: {
      fellows: { type: 'string', default: '10000' },
      'database-url': { type: 'string' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      today: { type: 'string' },
    },
  })
  const fellows = Number(values.fellows)
  if (!Number.isInteger(fellows) || fellows < 2) throw new Error('--fellows takes a whole number of 2 or more.')
  const seed = Number(values.seed)
  const today = values.today ?? academyDate(new Date())
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error('--today takes a date as YYYY-MM-DD.')
  const url = values['database-url'] ?? process.env.LARGE_DATABASE_URL ?? largeDatabaseUrl(fellows)
  if (!existsSync(process.env.CONTENT_MANIFEST ?? 'build/content/manifest.json')) {
    throw new Error('The modules come from the compiled curriculum: run `npm run content:build` (or `npm run build`) first.')
  }

  const started = performance.now()
  await recreateDatabase(url)
  // db/client.server connects on first import, so the app's modules load only once this is set.
  process.env.DATABASE_URL = url
  const { seedLargeAcademy } = await import('./large-academy/seed')
  const { closeDatabase } = await import('../db/client.server')
  try {
    const size = academySize(fellows)
    console.log(`Seeding ${new URL(url).pathname.slice(1)}: ${size.fellows} fellows, ${size.cohorts} cohorts, ${size.leas} LEAs, ${size.coaches} coaches, ${size.coachingSessions} coaching sessions (seed ${seed}, today ${today}).`)
    const result = await seedLargeAcademy({ size, seed, today })
    for (const t of result.timings) {
      console.log(`  ${t.table.padEnd(24)} ${String(t.rows).padStart(9)} rows ${(t.ms / 1000).toFixed(1).padStart(7)} s`)
    }
    await labelDatabase(url, seedLabel({ fellows, seed, today }))
    console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s. Every account's password: sila-large-password (e.g. staff@${result.domain}, fellow.00001@${result.domain}).`)
  } finally {
    await closeDatabase()
  }
}

main().catch((error: unknown) => {
  // drizzle's message quotes the whole failed statement (thousands of rows); the cause says why.
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : null
  const message = error instanceof Error ? error.message : String(error)
  console.error(cause ?? (message.length > 500 ? `${message.slice(0, 500)}…` : message))
  process.exitCode = 1
})
