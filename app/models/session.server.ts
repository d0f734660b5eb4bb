import { eq } from 'drizzle-orm'
import { db } from '../../db/client.server'
import { sessions, users } from '../../db/schema'

export async function insertSession(values: {
  id: string
  userId: string
  expiresAt: Date
  ipAddress: string | null
  userAgent: string | null
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
      sessionId: sessions.id,
      expiresAt: sessions.expiresAt,
      user: { id: users.id, email: users.email, name: users.name, role: users.role, status: users.status },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
  return row ?? null
}

export async function extendSession({ id, expiresAt }: { id: string; expiresAt: Date }) {
  await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id))
}

export async function deleteSession({ id }: { id: string }) {
  await db.delete(sessions).where(eq(sessions.id, id))
}

export async function deleteUserSessions({ userId }: { userId: string }) {
  await db.delete(sessions).where(eq(sessions.userId, userId))
}
