import { databaseDriver, migrateDatabase } from '../../db/client.server'
import { DEMO_LOGINS, demoSignInLines } from '../../db/demo-accounts'
import { seedDemoAcademy } from '../../db/seed'
import { syncModules } from '~/models/module.server'
import { countUsers, getUserByEmail } from '~/models/user.server'
import { getCurriculum } from './content.server'
import { getEnv } from './env.server'
import { ensureDefaultSchedules } from './schedules.server'

/**
 * Runs once before the server listens: applies migrations, syncs the curriculum into `modules`,
 * and on an empty embedded database
 * (or with SEED_DEMO=1) seeds the demo academy. Prints the demo sign-ins while they exist.
 */
export async function startup() {
  const env = getEnv()
  await migrateDatabase()
  await syncModules({ compiled: getCurriculum().modules })
  const seedAllowed = databaseDriver === 'pglite' || env.SEED_DEMO
  if (seedAllowed && (await countUsers()) === 0) {
    const started = performance.now()
    await seedDemoAcademy()
    console.log(`Seeded the demo academy in ${Math.round(performance.now() - started)} ms.`)
  }
  await ensureDefaultSchedules()
  if (await getUserByEmail({ email: DEMO_LOGINS[0].email })) console.log(['', ...demoSignInLines(), ''].join('\n'))
}
