import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import postgres from 'postgres'
import { databaseName, decideRestore, libpqConnection, pgliteInUseMessage } from '~/domain/backup'

/**
 * The I/O of `npm run backup` and `npm run restore`: pg_dump and pg_restore for PostgreSQL, PGlite's
 * own data-directory dump for the embedded database. Every failure is thrown as an Error whose
 * message is fit to print as is.
 */

export type BackupResult = { file: string; bytes: number; ms: number }
export type RestoreResult = { ms: number; replaced: boolean }

/** Runs a PostgreSQL client tool with an argument array (no shell); rejects with its own message. */
function runTool(command: string, args: string[], env: Record<string, string>) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'pipe'] })
    let stderr = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk
    })
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          error.code === 'ENOENT'
            ? `${command} was not found on PATH. Install the PostgreSQL client tools (the server's major version or newer).`
            : `${command} could not start: ${error.message}`,
        ),
      )
    })
    child.on('close', (code, signal) => {
      if (code === 0) {
        // pg_restore reports warnings it survived on stderr; they are worth reading.
        if (stderr.trim()) process.stderr.write(stderr)
        resolve()
      } else {
        reject(new Error(`${command} failed (${signal ?? `exit ${code}`}): ${stderr.trim() || 'no message'}`))
      }
    })
  })
}

function ensureParentDir(file: string) {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
}

function requireBackupFile(file: string) {
  if (!existsSync(file) || !statSync(file).isFile()) throw new Error(`No backup file at ${file}.`)
}

// ── PostgreSQL ──────────────────────────────────────────────────────────────

/** pg_dump in its custom format (-Fc): compressed, and pg_restore can pick and reorder from it. */
export async function backupPostgres({ url, file }: { url: string; file: string }): Promise<BackupResult> {
  const started = performance.now()
  ensureParentDir(file)
  const { dbname, env } = libpqConnection(url)
  const partial = `${file}.partial`
  try {
    await runTool('pg_dump', ['--format=custom', `--file=${partial}`, `--dbname=${dbname}`], env)
    renameSync(partial, file)
  } finally {
    rmSync(partial, { force: true })
  }
  return { file, bytes: statSync(file).size, ms: performance.now() - started }
}

export async function countPostgresTables(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 5 })
  try {
    const [row] = await sql<{ count: number }[]>`
      select count(*)::int as count from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`
    return row.count
  } finally {
    await sql.end({ timeout: 5 })
  }
}

/**
 * pg_restore into the database of `url`, in one transaction, so a failed restore leaves it as it
 * was. Objects end up owned by the URL's role; grants are not restored.
 */
export async function restorePostgres({ url, file, force }: { url: string; file: string; force: boolean }): Promise<RestoreResult> {
  requireBackupFile(file)
  const started = performance.now()
  const tableCount = await countPostgresTables(url)
  const decision = decideRestore({ target: { driver: 'postgres', database: databaseName(url), tableCount }, force })
  if (!decision.proceed) throw new Error(decision.message)
  const { dbname, env } = libpqConnection(url)
  const args = ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', `--dbname=${dbname}`]
  if (decision.replace) args.push('--clean', '--if-exists')
  await runTool('pg_restore', [...args, file], env)
  return { ms: performance.now() - started, replaced: decision.replace }
}

// ── Embedded PGlite ─────────────────────────────────────────────────────────

function pgliteInUse(dir: string) {
  return existsSync(path.join(dir, 'postmaster.pid'))
}

/** Dumps an open PGlite (the tests' in-memory one, or a data directory the caller opened). */
export async function backupPgliteClient({ client, file }: { client: PGlite; file: string }): Promise<BackupResult> {
  const started = performance.now()
  ensureParentDir(file)
  const dump = await client.dumpDataDir('gzip')
  const partial = `${file}.partial`
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()))
  renameSync(partial, file)
  return { file, bytes: statSync(file).size, ms: performance.now() - started }
}

/** Opens PGLITE_DIR (which the app must not have open), dumps it as a gzipped tar, closes it. */
export async function backupPgliteDir({ dir, file, force }: { dir: string; file: string; force: boolean }): Promise<BackupResult> {
  const started = performance.now()
  if (!existsSync(path.join(dir, 'PG_VERSION'))) throw new Error(`${dir} holds no embedded database (set PGLITE_DIR, or DATABASE_URL for PostgreSQL).`)
  if (pgliteInUse(dir) && !force) throw new Error(pgliteInUseMessage(dir))
  const client = new PGlite(dir)
  try {
    await client.waitReady
    const result = await backupPgliteClient({ client, file })
    return { ...result, ms: performance.now() - started }
  } finally {
    await client.close()
  }
}

/**
 * Loads a dumped data directory into `dir`. It is unpacked into a sibling folder first and moved
 * into place only once PGlite has opened and closed it, so a bad file never costs the old data.
 */
export async function restorePgliteDir({ dir, file, force }: { dir: string; file: string; force: boolean }): Promise<RestoreResult> {
  requireBackupFile(file)
  const started = performance.now()
  const target = path.resolve(dir)
  const entryCount = existsSync(target) ? readdirSync(target).length : 0
  if (entryCount > 0 && pgliteInUse(target) && !force) throw new Error(pgliteInUseMessage(target))
  const decision = decideRestore({ target: { driver: 'pglite', dir: target, entryCount }, force })
  if (!decision.proceed) throw new Error(decision.message)

  const staging = `${target}.restoring-${process.pid}`
  rmSync(staging, { recursive: true, force: true })
  mkdirSync(path.dirname(target), { recursive: true })
  try {
    const client = new PGlite(staging, { loadDataDir: new Blob([await readFile(file)]) })
    await client.waitReady
    await client.query('select 1')
    await client.close()
  } catch (error) {
    rmSync(staging, { recursive: true, force: true })
    throw new Error(`${file} could not be loaded as an embedded database: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (existsSync(target)) {
    const previous = `${target}.replaced-${process.pid}`
    renameSync(target, previous)
    renameSync(staging, target)
    rmSync(previous, { recursive: true, force: true })
  } else {
    renameSync(staging, target)
  }
  return { ms: performance.now() - started, replaced: decision.replace }
}
