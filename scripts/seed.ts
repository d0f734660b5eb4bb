/**
 * npm run seed — migrates the database and seeds the demo academy if it has no accounts yet.
 * Works on PGlite (default) and on PostgreSQL (DATABASE_URL).
 */
import { closeDatabase, databaseDriver, migrateDatabase } from '../db/client.server'
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoAcademy } from '../db/seed'
import { countUsers } from '../app/models/user.server'
import { hashPassword } from '../app/utils/password.server'

async function main() {
  await migrateDatabase()
  const existing = await countUsers()
  if (existing > 0) {
    console.log(`The ${databaseDriver} database already has ${existing} accounts; nothing seeded.`)
    return
  }
  await seedDemoAcademy({ passwordHash: await hashPassword(DEMO_PASSWORD) })
  console.log(`Seeded the demo academy (${databaseDriver}). Sign in with password ${DEMO_PASSWORD} as:`)
  for (const login of DEMO_LOGINS) console.log(`  ${login.role.padEnd(7)} ${login.email}`)
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
  .finally(() => closeDatabase())
