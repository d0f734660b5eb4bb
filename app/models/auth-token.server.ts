import { and, eq, isNull } from 'drizzle-orm'
import { db } from '../../db/client.server'
import { authTokens, users } from '../../db/schema'

type TokenKind = (typeof authTokens.$inferInsert)['kind']

export async function insertAuthToken(values: {
  id: string
  userId: string
  kind: TokenKind
  expiresAt: Date
  createdById: string | null
}) {
  await db.insert(authTokens).values(values)
}

export async function getAuthToken({ id, kind }: { id: string; kind: TokenKind }) {
  const [row] = await db
    .select({
      id: authTokens.id,
      expiresAt: authTokens.expiresAt,
      usedAt: authTokens.usedAt,
      user: { id: users.id, email: users.email, name: users.name, role: users.role, status: users.status },
    })
    .from(authTokens)
    .innerJoin(users, eq(users.id, authTokens.userId))
    .where(and(eq(authTokens.id, id), eq(authTokens.kind, kind)))
  return row ?? null
}

/**
 * Marks the token used; returns false when another request used it first, so a link works once
 * even when it is submitted twice at the same moment.
 */
export async function consumeAuthToken({ id }: { id: string }) {
  const used = await db
    .update(authTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(authTokens.id, id), isNull(authTokens.usedAt)))
    .returning({ id: authTokens.id })
  return used.length === 1
}

/** A new link replaces the old ones of the same kind. */
export async function revokeUnusedTokens({ userId, kind }: { userId: string; kind: TokenKind }) {
  await db
    .update(authTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(authTokens.userId, userId), eq(authTokens.kind, kind), isNull(authTokens.usedAt)))
}
