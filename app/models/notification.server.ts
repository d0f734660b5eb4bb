import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import { db } from '../../db/client.server'
import { notifications, users } from '../../db/schema'

export type NewNotification = { userId: string; kind: string; title: string; link: string | null; dedupeKey?: string | null }

/** Inserts notices; one with a dedupe key already given to that user is skipped. Returns those made. */
export async function insertNotifications(rows: NewNotification[]) {
  if (rows.length === 0) return []
  return db
    .insert(notifications)
    .values(rows.map((r) => ({ ...r, dedupeKey: r.dedupeKey ?? null })))
    .onConflictDoNothing()
    .returning({ id: notifications.id, userId: notifications.userId, title: notifications.title, link: notifications.link })
}

export async function listNotifications({ userId, limit = 50 }: { userId: string; limit?: number }) {
  return db
    .select({ id: notifications.id, kind: notifications.kind, title: notifications.title, link: notifications.link, readAt: notifications.readAt, createdAt: notifications.createdAt })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(limit)
}

export async function countUnread({ userId }: { userId: string }) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
  return row.n
}

export async function markAllRead({ userId }: { userId: string }) {
  await db.update(notifications).set({ readAt: new Date() }).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
}

export async function markEmailed({ ids }: { ids: string[] }) {
  if (ids.length === 0) return
  await db.update(notifications).set({ emailedAt: new Date() }).where(inArray(notifications.id, ids))
}

export async function getPreferences({ userIds }: { userIds: string[] }) {
  if (userIds.length === 0) return []
  return db
    .select({ id: users.id, email: users.email, name: users.name, preference: users.notificationPreference, status: users.status })
    .from(users)
    .where(inArray(users.id, userIds))
}

export async function setNotificationPreference({ userId, preference }: { userId: string; preference: 'immediate' | 'digest' | 'none' }) {
  await db.update(users).set({ notificationPreference: preference }).where(eq(users.id, userId))
}

/** Users on the weekly digest whose last digest is a week old (or who never had one), with unsent notices. */
export async function listDigestsDue({ before }: { before: Date }) {
  return db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      notificationId: notifications.id,
      title: notifications.title,
      link: notifications.link,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(
      and(
        eq(users.notificationPreference, 'digest'),
        eq(users.status, 'active'),
        isNull(notifications.emailedAt),
        or(isNull(users.lastDigestAt), lt(users.lastDigestAt, before)),
      ),
    )
    .orderBy(users.id, notifications.createdAt)
}

export async function markDigestSent({ userId }: { userId: string }) {
  await db.update(users).set({ lastDigestAt: new Date() }).where(eq(users.id, userId))
}
