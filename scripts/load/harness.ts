import { writeFileSync } from 'node:fs'
import { countAcknowledged, findLostWrites, type LostWrite, type WriteLedger } from './ledger'

/**
 * What the load test and the outage drill share: an academy in a given database, and the check
 * that every acknowledged autosave is stored.
 */

export type LoadAcademy = Awaited<ReturnType<typeof prepareAcademy>>

/**
 * Points this process at `databaseUrl`, migrates it the way the app does at start-up, and seeds
 * `count` fellows. db/client.server reads DATABASE_URL when first imported, hence the late imports.
 */
export async function prepareAcademy({ databaseUrl, count }: { databaseUrl: string; count: number }) {
  process.env.DATABASE_URL = databaseUrl
  const { closeDatabase, migrateDatabase } = await import('../../db/client.server')
  const { LOAD_PASSWORD, pickLoadModule, readStoredAnswers, seedLoadAcademy } = await import('./academy')
  await migrateDatabase()
  const module = pickLoadModule()
  const fellows = await seedLoadAcademy({ count })

  /** Compares the database with the ledger; run after the load has stopped. */
  async function checkWrites(ledger: WriteLedger): Promise<{ acknowledged: number; lost: LostWrite[] }> {
    const stored = await readStoredAnswers({ fellows, module })
    return { acknowledged: countAcknowledged(ledger), lost: findLostWrites(ledger, stored) }
  }

  return { fellows, module, password: LOAD_PASSWORD, checkWrites, close: closeDatabase }
}

export function reportWrites({ acknowledged, lost }: { acknowledged: number; lost: LostWrite[] }) {
  console.log(`acknowledged autosaves checked: ${acknowledged} (fellow, prompt) pairs`)
  console.log(`writes lost: ${lost.length}`)
  for (const write of lost.slice(0, 10)) {
    console.log(`  fellow ${write.fellowId} prompt ${write.promptId}: acknowledged "${write.acknowledged}", stored ${write.stored === null ? 'nothing' : `"${write.stored}"`}`)
  }
}

export function writeJsonReport(file: string | undefined, report: unknown) {
  if (!file) return
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n')
  console.log(`JSON report: ${file}`)
}

/** A whole number of at least `min` from a command-line flag. */
export function positiveInteger(name: string, raw: string | undefined, fallback: number, min = 1) {
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number of at least ${min}; got "${raw}".`)
  return value
}

/**
 * Ctrl-C or a CI timeout would skip `finally`: run the clean-up (stop the app, remove a throwaway
 * cluster) before exiting. A second signal exits at once.
 */
export function cleanUpOnSignal(cleanUp: () => Promise<void>) {
  let stopping = false
  async function stop(signal: NodeJS.Signals) {
    if (stopping) process.exit(130)
    stopping = true
    console.error(`${signal}: cleaning up…`)
    await cleanUp().catch((error: unknown) => console.error(error))
    process.exit(130)
  }
  process.on('SIGINT', (signal) => void stop(signal))
  process.on('SIGTERM', (signal) => void stop(signal))
}
