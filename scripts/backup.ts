/**
 * npm run backup -- [--out file] [--force]
 * PostgreSQL (DATABASE_URL): pg_dump in custom format to backups/sila-<UTC time>.dump.
 * Embedded (PGLITE_DIR, default data/pglite): the data directory as backups/sila-<UTC time>.tar.gz;
 * stop the app first, since two processes must never open the folder at once.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { backupFileName, formatBytes, formatDuration, parseBackupArgs } from '../app/domain/backup'
import { backupPgliteDir, backupPostgres } from '../app/utils/backup.server'

async function main() {
  if (existsSync('.env')) process.loadEnvFile('.env')
  const args = parseBackupArgs(process.argv.slice(2))
  if (!args.ok) {
    console.error(args.message)
    process.exitCode = 2
    return
  }
  const url = process.env.DATABASE_URL
  const driver = url ? 'postgres' : 'pglite'
  const file = args.value.out ?? path.join('backups', backupFileName({ driver, now: new Date() }))
  const result = url
    ? await backupPostgres({ url, file })
    : await backupPgliteDir({ dir: path.resolve(process.env.PGLITE_DIR ?? 'data/pglite'), file, force: args.value.force })
  console.log(`Backed up the ${driver} database to ${result.file} (${formatBytes(result.bytes)} in ${formatDuration(result.ms)}).`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
