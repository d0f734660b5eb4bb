import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { afterAll, inject } from 'vitest'
import { databaseUrl, TEST_DATABASE_PREFIX } from './database'

/**
 * Runs before each integration test file: points the app's one `db` at a fresh, migrated database
 * of its own, before anything imports db/client.server.ts.
 */
const source = inject('testDatabase')
let created: string | null = null

process.env.NODE_ENV = 'test'
process.env.CONTENT_MANIFEST = inject('contentManifest')
process.env.UPLOAD_DIR = mkdtempSync(path.join(os.tmpdir(), 'sila-uploads-'))
process.env.APP_URL = 'http://localhost:3999'
delete process.env.SMTP_URL

if (source.kind === 'postgres') {
  created = `${TEST_DATABASE_PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`
  const admin = postgres(source.serverUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${created} template ${source.template}`)
  await admin.end()
  process.env.DATABASE_URL = databaseUrl(source.serverUrl, created)
  process.env.DATABASE_POOL_SIZE = '4'
  delete process.env.PGLITE_DUMP
} else {
  delete process.env.DATABASE_URL
  process.env.PGLITE_DUMP = source.dumpPath
}

afterAll(async () => {
  const { closeDatabase } = await import('../../db/client.server')
  await closeDatabase()
  if (source.kind === 'postgres' && created) {
    const admin = postgres(source.serverUrl, { max: 1, onnotice: () => {} })
    await admin.unsafe(`drop database if exists ${created} with (force)`)
    await admin.end()
  }
})
