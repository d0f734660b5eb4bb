import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'

export const migrationsFolder = path.resolve('db/migrations')
export const TEMPLATE_DATABASE = 'sila_test_template'
export const TEST_DATABASE_PREFIX = 'sila_test_run_'

export type TestDatabaseSource =
  | { kind: 'postgres'; serverUrl: string; template: string }
  | { kind: 'pglite'; dumpPath: string }

/** The URL of another database on the same PostgreSQL server. */
export function databaseUrl(serverUrl: string, name: string) {
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}

/**
 * Migrates once per test run. PostgreSQL: a template database that each test file clones with
 * CREATE DATABASE … TEMPLATE. PGlite: a dumped data directory that each file loads into memory.
 */
export async function prepareTemplate(): Promise<TestDatabaseSource> {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (serverUrl) {
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
    await dropTestDatabases(admin)
    await admin.unsafe(`drop database if exists ${TEMPLATE_DATABASE}`)
    await admin.unsafe(`create database ${TEMPLATE_DATABASE}`)
    await admin.end()
    const client = postgres(databaseUrl(serverUrl, TEMPLATE_DATABASE), { max: 1, onnotice: () => {} })
    await migratePostgres(drizzlePostgres(client), { migrationsFolder })
    await client.end()
    return { kind: 'postgres', serverUrl, template: TEMPLATE_DATABASE }
  }
  const pglite = new PGlite()
  await migratePglite(drizzlePglite(pglite), { migrationsFolder })
  const dump = await pglite.dumpDataDir('gzip')
  await pglite.close()
  const dir = path.join(os.tmpdir(), 'sila-tests')
  mkdirSync(dir, { recursive: true })
  const dumpPath = path.join(dir, `template-${process.pid}.tar.gz`)
  writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()))
  return { kind: 'pglite', dumpPath }
}

export async function dropTestDatabases(admin: postgres.Sql) {
  const rows = await admin<{ datname: string }[]>`
    select datname from pg_database where datname like ${TEST_DATABASE_PREFIX + '%'}`
  for (const { datname } of rows) await admin.unsafe(`drop database if exists "${datname}" with (force)`)
}
