import { databaseDriver, migrateDatabase } from '../../db/client.server'
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoAcademy } from '../../db/seed'
import { syncModules } from '~/models/module.server'
import { countUsers, getUserByEmail } from '~/models/user.server'
import { getCurriculum } from './content.server'
import { getEnv } from './env.server'
import { hashPassword } from './password.server'
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
    await seedDemoAcademy({ passwordHash: await hashPassword(DEMO_PASSWORD) })
    console.log(`Seeded the demo academy in ${Math.round(performance.now() - started)} ms.`)
  }
  await ensureDefaultSchedules()
  if (await getUserByEmail({ email: DEMO_LOGINS[0].email })) printDemoLogins()
}

function printDemoLogins() {
  const lines = DEMO_LOGINS.map((l) => `  ${l.role.padEnd(7)} ${l.email.padEnd(32)} ${l.note}`)
  console.log(['', 'Demo sign-ins (password for all: ' + DEMO_PASSWORD + '):', ...lines, ''].join('\n'))
}
