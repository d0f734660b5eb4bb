/**
 * npm run restore -- <backup file> [--force]
 * PostgreSQL (DATABASE_URL): pg_restore of a .dump into that database, which must have no tables
 * unless --force (then what the backup holds is dropped and replaced).
 * Embedded (PGLITE_DIR, default data/pglite): a .tar.gz into that folder, which must be empty or
 * absent unless --force (then it is replaced). Stop the app first.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { databaseName, formatDuration, parseRestoreArgs } from '../app/domain/backup'
import { restorePgliteDir, restorePostgres } from '../app/utils/backup.server'

async function main() {
  if (existsSync('.env')) process.loadEnvFile('.env')
  const args = parseRestoreArgs(process.argv.slice(2))
  if (!args.ok) {
    console.error(args.message)
    process.exitCode = 2
    return
  }
  const { file, force } = args.value
  const url = process.env.DATABASE_URL
  const dir = path.resolve(process.env.PGLITE_DIR ?? 'data/pglite')
  const result = url ? await restorePostgres({ url, file, force }) : await restorePgliteDir({ dir, file, force })
  const into = url ? `PostgreSQL database ${databaseName(url)}` : dir
  console.log(`Restored ${file} into ${into}${result.replaced ? ', replacing what was there,' : ''} in ${formatDuration(result.ms)}.`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
