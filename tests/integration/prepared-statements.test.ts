import { eq, sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import { expect, test } from 'vitest'
import { preparingUnsafe } from '../../db/preparing-client.server'
import { users } from '../../db/schema'

const serverUrl = process.env.TEST_DATABASE_URL
// This file's own migrated database on that server (tests/support/database.ts).
const fileDatabaseUrl = process.env.DATABASE_URL

/** The statements one connection holds after drizzle has run the same query twice on it. */
async function preparedAfterTwoQueries(prepare: boolean) {
  const client = postgres(fileDatabaseUrl ?? '', { max: 1, onnotice: () => {} })
  try {
    const db = drizzle(prepare ? preparingUnsafe(client) : client)
    for (const email of ['first@example.test', 'second@example.test']) {
      await db.select({ id: users.id }).from(users).where(eq(users.email, email))
    }
    const rows = await db.execute<{ statement: string }>(sql`select statement from pg_prepared_statements`)
    return rows.map((r) => r.statement)
  } finally {
    await client.end({ timeout: 1 })
  }
}

test.skipIf(!serverUrl)('on PostgreSQL, drizzle queries are prepared once per connection and reused', async () => {
  const statements = await preparedAfterTwoQueries(true)
  expect(statements.filter((s) => s.includes('from "users" where "users"."email" = $1'))).toHaveLength(1)
})

/**
 * Why the adapter exists (drizzle-team/drizzle-orm#6096): drizzle alone leaves every query
 * unprepared. When a drizzle release prepares them itself this fails: upgrade, then remove
 * preparingUnsafe and docs/decisions/0013.
 */
test.skipIf(!serverUrl)('on PostgreSQL, drizzle 0.45 alone prepares nothing', async () => {
  const statements = await preparedAfterTwoQueries(false)
  expect(statements.filter((s) => s.includes('"users"'))).toEqual([])
})
