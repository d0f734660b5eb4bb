/**
 * npm run seed — migrates the database and seeds the demo academy if it has no accounts yet.
 * Works on PGlite (default) and on PostgreSQL (DATABASE_URL).
 */
import { closeDatabase, databaseDriver, migrateDatabase } from '../db/client.server'
import { demoSignInLines } from '../db/demo-accounts'
import { seedDemoAcademy } from '../db/seed'
import { countUsers } from '../app/models/user.server'

async function main() {
  await migrateDatabase()
  const existing = await countUsers()
  if (existing > 0) {
    console.log(`The ${databaseDriver} database already has ${existing} accounts; nothing seeded.`)
    return
  }
  await seedDemoAcademy()
  console.log([`Seeded the demo academy (${databaseDriver}).`, ...demoSignInLines()].join('\n'))
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
  .finally(() => closeDatabase())
