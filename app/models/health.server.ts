import { databaseDriver, pingDatabase } from '../../db/client.server'

/** One round trip to the database, timed. */
export async function checkDatabase() {
  const started = performance.now()
  try {
    await pingDatabase()
    return { driver: databaseDriver, state: 'up' as const, latencyMs: Math.round((performance.now() - started) * 10) / 10 }
  } catch {
    return { driver: databaseDriver, state: 'down' as const }
  }
}
