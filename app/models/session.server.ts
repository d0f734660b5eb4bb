import { and, desc, eq, isNotNull, ne, sql } from 'drizzle-orm'
import { db } from '../../db/client.server'
import { sessions, users } from '../../db/schema'

export async function insertSession(values: {
  id: string
  userId: string
  expiresAt: Date
  ipAddress: string | null
  userAgent: string | null
  secondFactorVerified: boolean
  reauthenticatedAt?: Date | null
}) {
  await db.insert(sessions).values(values)
}

type SessionRow = NonNullable<Awaited<ReturnType<typeof selectSessionWithUser>>>

const lookups = new Map<string, Promise<SessionRow | null>>()

/**
 * The session and its user in one round trip. The root loader and the page's loader both ask, at
 * the same moment, on every page load: callers that ask while a lookup of the same session is
 * still in flight share it. Nothing is kept once it answers, so a revoked session is never served.
 */
export function getSessionWithUser({ id }: { id: string }): Promise<SessionRow | null> {
  const pending = lookups.get(id)
  if (pending) return pending
  const lookup = selectSessionWithUser(id).finally(() => lookups.delete(id))
  lookups.set(id, lookup)
  return lookup
}

async function selectSessionWithUser(id: string) {
  const [row] = await db
    .select({
      session: {
        id: sessions.id,
        expiresAt: sessions.expiresAt,
        lastSeenAt: sessions.lastSeenAt,
        secondFactorVerified: sessions.secondFactorVerified,
        reauthenticatedAt: sessions.reauthenticatedAt,
      },
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        status: users.status,
        secondFactorEnabled: isNotNull(users.totpKey).mapWith(Boolean),
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
  return row ?? null
}

/** Records a visit; with `expiresAt`, also slides the expiry. */
export async function touchSession({ id, lastSeenAt, expiresAt }: { id: string; lastSeenAt: Date; expiresAt?: Date }) {
  await db.update(sessions).set({ lastSeenAt, ...(expiresAt ? { expiresAt } : {}) }).where(eq(sessions.id, id))
}

export async function markSecondFactorVerified({ id }: { id: string }) {
  await db.update(sessions).set({ secondFactorVerified: true, secondFactorFailures: 0 }).where(eq(sessions.id, id))
}

/** Counts a wrong code against this sign-in and returns how many there have been. */
export async function recordSecondFactorFailure({ id }: { id: string }) {
  const [row] = await db
    .update(sessions)
    .set({ secondFactorFailures: sql`${sessions.secondFactorFailures} + 1` })
    .where(eq(sessions.id, id))
    .returning({ failures: sessions.secondFactorFailures })
  return row?.failures ?? Number.POSITIVE_INFINITY
}

export async function markReauthenticated({ id, at }: { id: string; at: Date }) {
  await db.update(sessions).set({ reauthenticatedAt: at, secondFactorFailures: 0 }).where(eq(sessions.id, id))
}

export async function listUserSessions({ userId }: { userId: string }) {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      ipAddress: sessions.ipAddress,
      userAgent: sessions.userAgent,
      secondFactorVerified: sessions.secondFactorVerified,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(desc(sessions.lastSeenAt))
}

export async function deleteSession({ id }: { id: string }) {
  await db.delete(sessions).where(eq(sessions.id, id))
}

/** Ends one of the user's own sessions; false when there is no such session of theirs. */
export async function deleteOwnSession({ id, userId }: { id: string; userId: string }) {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.id, id), eq(sessions.userId, userId)))
    .returning({ id: sessions.id })
  return rows.length > 0
}

export async function deleteOtherSessions({ userId, keepId }: { userId: string; keepId: string }) {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.id, keepId)))
    .returning({ id: sessions.id })
  return rows.length
}

export async function deleteUserSessions({ userId }: { userId: string }) {
  await db.delete(sessions).where(eq(sessions.userId, userId))
}
