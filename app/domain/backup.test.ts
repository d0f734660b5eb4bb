import { expect, test } from 'vitest'
import {
  backupFileName,
  decideRestore,
  formatBytes,
  formatDuration,
  libpqConnection,
  parseBackupArgs,
  parseRestoreArgs,
} from './backup'

test('a backup is named by its UTC time, without colons, with the extension of its format', () => {
  const now = new Date('2026-03-01T02:03:04.567Z')
  expect(backupFileName({ driver: 'postgres', now })).toBe('sila-2026-03-01T02-03-04Z.dump')
  expect(backupFileName({ driver: 'pglite', now })).toBe('sila-2026-03-01T02-03-04Z.tar.gz')
})

test('backup takes an optional --out and --force, and refuses anything else', () => {
  expect(parseBackupArgs([])).toEqual({ ok: true, value: { out: null, force: false } })
  expect(parseBackupArgs(['--out', 'nightly.dump'])).toEqual({ ok: true, value: { out: 'nightly.dump', force: false } })
  expect(parseBackupArgs(['--out=x.tar.gz', '--force'])).toEqual({ ok: true, value: { out: 'x.tar.gz', force: true } })
  const unknown = parseBackupArgs(['--clean'])
  expect(unknown.ok).toBe(false)
  if (!unknown.ok) expect(unknown.message).toMatch(/Usage: npm run backup/)
  expect(parseBackupArgs(['--out']).ok).toBe(false)
  expect(parseBackupArgs(['--out', '--force']).ok).toBe(false)
  expect(parseBackupArgs(['stray']).ok).toBe(false)
})

test('restore takes exactly one file and an optional --force', () => {
  expect(parseRestoreArgs(['backups/a.dump'])).toEqual({ ok: true, value: { file: 'backups/a.dump', force: false } })
  expect(parseRestoreArgs(['--force', 'a.dump'])).toEqual({ ok: true, value: { file: 'a.dump', force: true } })
  const none = parseRestoreArgs([])
  expect(none).toEqual({ ok: false, message: expect.stringMatching(/exactly one backup file/) })
  expect(parseRestoreArgs(['a.dump', 'b.dump']).ok).toBe(false)
  expect(parseRestoreArgs(['a.dump', '--yes']).ok).toBe(false)
})

test('the password reaches pg_dump through PGPASSWORD, never on its command line', () => {
  const connection = libpqConnection('postgres://sila:s%40cret@db.internal:5433/sila?ssl=require')
  expect(connection.env).toEqual({ PGPASSWORD: 's@cret' })
  expect(connection.dbname).toBe('postgres://sila@db.internal:5433/sila?sslmode=require')
  expect(connection.dbname).not.toContain('cret')
  expect(libpqConnection('postgres://postgres@127.0.0.1:5432/postgres')).toEqual({
    dbname: 'postgres://postgres@127.0.0.1:5432/postgres',
    env: {},
  })
})

test('a restore goes ahead into an empty database and replaces a full one only with --force', () => {
  const emptyServer = { driver: 'postgres', database: 'sila', tableCount: 0 } as const
  const fullServer = { driver: 'postgres', database: 'sila', tableCount: 37 } as const
  expect(decideRestore({ target: emptyServer, force: false })).toEqual({ proceed: true, replace: false })
  expect(decideRestore({ target: fullServer, force: true })).toEqual({ proceed: true, replace: true })
  expect(decideRestore({ target: fullServer, force: false })).toEqual({
    proceed: false,
    message: expect.stringMatching(/^Database sila already has 37 tables\. .*--force/),
  })

  const emptyDir = { driver: 'pglite', dir: '/srv/sila/pglite', entryCount: 0 } as const
  const fullDir = { driver: 'pglite', dir: '/srv/sila/pglite', entryCount: 22 } as const
  expect(decideRestore({ target: emptyDir, force: false })).toEqual({ proceed: true, replace: false })
  expect(decideRestore({ target: fullDir, force: true })).toEqual({ proceed: true, replace: true })
  expect(decideRestore({ target: fullDir, force: false })).toEqual({
    proceed: false,
    message: expect.stringMatching(/^\/srv\/sila\/pglite is not empty\. .*--force/),
  })
})

test('sizes and times read as a person would say them', () => {
  expect(formatBytes(512)).toBe('512 B')
  expect(formatBytes(2048)).toBe('2.0 KB')
  expect(formatBytes(4_535_343)).toBe('4.3 MB')
  expect(formatDuration(84.4)).toBe('84 ms')
  expect(formatDuration(1250)).toBe('1.3 s')
})
