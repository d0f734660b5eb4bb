import { and, eq, gte, sql } from 'drizzle-orm'
import { db } from '../../db/client.server'
import { signInAttempts } from '../../db/schema'

export async function recordSignInAttempt(values: { email: string; ipAddress: string; succeeded: boolean }) {
  await db.insert(signInAttempts).values(values)
}

export async function countFailuresFromAddress({ ipAddress, since }: { ipAddress: string; since: Date }) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(signInAttempts)
    .where(
      and(
        eq(signInAttempts.ipAddress, ipAddress),
        eq(signInAttempts.succeeded, false),
        gte(signInAttempts.createdAt, since),
      ),
    )
  return row.n
}
