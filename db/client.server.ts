import { mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'
import { preparingUnsafe } from './preparing-client.server'
import * as schema from './schema'

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>

type Connection =
  | { driver: 'postgres'; db: Database; client: postgres.Sql; migrate: () => Promise<void> }
  | { driver: 'pglite'; db: Database; client: PGlite; migrate: () => Promise<void> }

export const migrationsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../db/migrations',
)

/**
 * One database for the process: PostgreSQL through postgres.js when DATABASE_URL is set, otherwise
 * embedded PGlite in PGLITE_DIR (./data/pglite). PGLITE_DUMP loads a dumped data directory into
 * memory instead — the test suite uses it to hand each test file a fresh, migrated copy.
 */
function connect(): Connection {
  const url = process.env.DATABASE_URL
  if (url) {
    const client = postgres(url, {
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      onnotice: () => {},
      // A server that does not even refuse (a dead host, a cut network) fails requests after 3 s
      // rather than letting them hang; a healthy connect takes milliseconds.
      connect_timeout: 3,
      idle_timeout: 60,
      // postgres.js reconnects by itself, one queued query per attempt, after this many seconds.
      // Its default grows to 20 s within a few failures, so during an outage requests queued for
      // the pool hung for up to 20 s, and after it the app took as long to notice the database was
      // back. A short constant pause fails queued requests fast (503) and recovers within a
      // moment; attempts only happen while queries wait, so an idle app never spins
      // (docs/decisions/0011).
      backoff: () => 0.02,
      // The staff overview's aggregates cost enough to trigger JIT compilation, which took 0.5–1 s
      // per page view for queries that run in 0.2 s (npm run bench; README, Performance).
      connection: { jit: 'off' },
    })
    const db = drizzlePostgres(preparingUnsafe(client), { schema })
    return { driver: 'postgres', db, client, migrate: () => migratePostgres(db, { migrationsFolder }) }
  }
  const dump = process.env.PGLITE_DUMP
  let client: PGlite
  if (dump) {
    client = new PGlite({ loadDataDir: new Blob([readFileSync(dump)]) })
  } else {
    const dir = path.resolve(process.env.PGLITE_DIR ?? 'data/pglite')
    mkdirSync(path.dirname(dir), { recursive: true })
    client = new PGlite(dir)
  }
  const db = drizzlePglite(client, { schema })
  return { driver: 'pglite', db, client, migrate: () => migratePglite(db, { migrationsFolder }) }
}

const connection = connect()

export const db: Database = connection.db
export const databaseDriver = connection.driver

export async function migrateDatabase() {
  await connection.migrate()
}

/** A cheap round trip for /healthz and the outage handler. */
export async function pingDatabase() {
  await db.execute('select 1')
}

export async function closeDatabase() {
  if (connection.driver === 'postgres') await connection.client.end({ timeout: 5 })
  else await connection.client.close()
}
