/**
 * The decisions of `npm run backup` and `npm run restore`, without the I/O: what the arguments mean,
 * what a backup is called, how a connection URL reaches pg_dump, and when a restore may go ahead.
 */

export type BackupDriver = 'postgres' | 'pglite'

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string }

export const BACKUP_USAGE = 'Usage: npm run backup -- [--out backups/sila.dump] [--force]'
export const RESTORE_USAGE = 'Usage: npm run restore -- <backup file> [--force]'

type Options = { strings: string[]; booleans: string[] }
type Args = { strings: Map<string, string>; booleans: Set<string>; positionals: string[] }

/** A small --name value / --name=value / --flag reader; any unknown option is an error. */
function readArgs(argv: string[], options: Options): Args | string {
  const args: Args = { strings: new Map(), booleans: new Set(), positionals: [] }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (!arg.startsWith('--')) {
      args.positionals.push(arg)
      continue
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2)
    if (options.booleans.includes(name) && inline === undefined) args.booleans.add(name)
    else if (options.strings.includes(name)) {
      const value = inline ?? argv[++i]
      if (!value || (inline === undefined && value.startsWith('--'))) return `--${name} needs a value.`
      args.strings.set(name, value)
    } else return `Unknown option ${arg}.`
  }
  return args
}

/** --force: back up an embedded database whose folder looks in use (left by a crashed app). */
export function parseBackupArgs(argv: string[]): Parsed<{ out: string | null; force: boolean }> {
  const args = readArgs(argv, { strings: ['out'], booleans: ['force'] })
  if (typeof args === 'string') return { ok: false, message: `${args}\n${BACKUP_USAGE}` }
  if (args.positionals.length > 0) return { ok: false, message: `Unexpected ${args.positionals.join(' ')}.\n${BACKUP_USAGE}` }
  return { ok: true, value: { out: args.strings.get('out') ?? null, force: args.booleans.has('force') } }
}

export function parseRestoreArgs(argv: string[]): Parsed<{ file: string; force: boolean }> {
  const args = readArgs(argv, { strings: [], booleans: ['force'] })
  if (typeof args === 'string') return { ok: false, message: `${args}\n${RESTORE_USAGE}` }
  if (args.positionals.length !== 1) {
    return { ok: false, message: `Name exactly one backup file to restore.\n${RESTORE_USAGE}` }
  }
  return { ok: true, value: { file: args.positionals[0], force: args.booleans.has('force') } }
}

/** backups/sila-2026-03-01T02-03-04Z.dump: UTC, sorts by time, no colons (Windows, scp). */
export function backupFileName({ driver, now }: { driver: BackupDriver; now: Date }) {
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z').replaceAll(':', '-')
  return `sila-${stamp}${driver === 'postgres' ? '.dump' : '.tar.gz'}`
}

/**
 * How pg_dump and pg_restore reach the database of a postgres.js URL: the URL without its password
 * as --dbname (so the password never shows in `ps`), the password in PGPASSWORD. postgres.js's
 * `ssl=` parameter becomes libpq's `sslmode=`, which libpq would otherwise reject.
 */
export function libpqConnection(databaseUrl: string): { dbname: string; env: Record<string, string> } {
  const url = new URL(databaseUrl)
  const env: Record<string, string> = {}
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password)
  url.password = ''
  const ssl = url.searchParams.get('ssl')
  if (ssl !== null) {
    url.searchParams.delete('ssl')
    if (!url.searchParams.has('sslmode')) url.searchParams.set('sslmode', ssl === 'true' ? 'require' : ssl)
  }
  return { dbname: url.toString(), env }
}

/** The database name of a URL, for messages. */
export function databaseName(databaseUrl: string) {
  return decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, '')) || '(default)'
}

export type RestoreTarget =
  | { driver: 'postgres'; database: string; tableCount: number }
  | { driver: 'pglite'; dir: string; entryCount: number }

export type RestoreDecision = { proceed: true; replace: boolean } | { proceed: false; message: string }

/** A restore goes into an empty database; replacing one that holds data takes --force. */
export function decideRestore({ target, force }: { target: RestoreTarget; force: boolean }): RestoreDecision {
  const empty = target.driver === 'postgres' ? target.tableCount === 0 : target.entryCount === 0
  if (empty) return { proceed: true, replace: false }
  if (force) return { proceed: true, replace: true }
  const message =
    target.driver === 'postgres'
      ? `Database ${target.database} already has ${target.tableCount} ${target.tableCount === 1 ? 'table' : 'tables'}. ` +
        'Restore into an empty database, or add --force to drop and replace what the backup contains.'
      : `${target.dir} is not empty. Restore into an empty folder (set PGLITE_DIR), or add --force to ` +
        'replace it (stop the app first; the folder is deleted).'
  return { proceed: false, message }
}

/**
 * PGlite writes postmaster.pid while a process has the data directory open and removes it on a
 * clean close, so its presence means the app (or a crashed one) holds the folder.
 */
export function pgliteInUseMessage(dir: string) {
  return (
    `${dir} is in use (postmaster.pid is present): stop the app before backing up or restoring the ` +
    'embedded database, since two processes must never open it at once. If the app is not running ' +
    '(it stopped without closing the database), add --force.'
  )
}

export function formatBytes(bytes: number) {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

export function formatDuration(ms: number) {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`
}
