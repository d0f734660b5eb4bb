import { and, asc, eq, ilike, isNotNull, or, sql } from 'drizzle-orm'
import { db } from '../../db/client.server'
import { users } from '../../db/schema'
import type { Role } from '~/domain/roles'

export function normaliseEmail(email: string) {
  return email.trim().toLowerCase()
}

const publicColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  status: users.status,
}

export async function getUserById({ id }: { id: string }) {
  const [user] = await db.select(publicColumns).from(users).where(eq(users.id, id))
  return user ?? null
}

export async function getUserForSignIn({ email }: { email: string }) {
  const [user] = await db
    .select({
      ...publicColumns,
      passwordHash: users.passwordHash,
      failedSignIns: users.failedSignIns,
      lockedUntil: users.lockedUntil,
      secondFactorEnabled: isNotNull(users.totpKey).mapWith(Boolean),
    })
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
  return user ?? null
}

export async function getUserByEmail({ email }: { email: string }) {
  const [user] = await db
    .select(publicColumns)
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
  return user ?? null
}

export async function recordFailedSignIn({ id, lockedUntil }: { id: string; lockedUntil: Date | null }) {
  await db
    .update(users)
    .set({ failedSignIns: sql`${users.failedSignIns} + 1`, lockedUntil })
    .where(eq(users.id, id))
}

export async function recordSuccessfulSignIn({ id }: { id: string }) {
  await db
    .update(users)
    .set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: new Date() })
    .where(eq(users.id, id))
}

export async function createInvitedUser({
  email,
  name,
  role,
}: {
  email: string
  name: string
  role: Role
}) {
  const [user] = await db
    .insert(users)
    .values({ email: normaliseEmail(email), name: name.trim(), role, status: 'invited' })
    .returning(publicColumns)
  return user
}

/** Sets a password and activates the account (invitation accepted, or password reset). */
export async function setPassword({ id, passwordHash }: { id: string; passwordHash: string }) {
  await db
    .update(users)
    .set({
      passwordHash,
      status: sql`case when ${users.status} = 'deactivated' then ${users.status} else 'active' end`,
      failedSignIns: 0,
      lockedUntil: null,
      updatedAt: new Date(),
    })
    .where(eq(users.id, id))
}

export async function setEmail({ id, email }: { id: string; email: string }) {
  await db.update(users).set({ email: normaliseEmail(email), updatedAt: new Date() }).where(eq(users.id, id))
}

export async function updateUserName({ id, name }: { id: string; name: string }) {
  await db.update(users).set({ name: name.trim(), updatedAt: new Date() }).where(eq(users.id, id))
}

export async function updateUserRole({ id, role }: { id: string; role: Role }) {
  await db.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, id))
}

export async function listUsers({ query, limit = 200 }: { query?: string; limit?: number }) {
  const q = query?.trim()
  return db
    .select({ ...publicColumns, lastSignInAt: users.lastSignInAt })
    .from(users)
    .where(q ? or(ilike(users.name, `%${q}%`), ilike(users.email, `%${q}%`)) : undefined)
    .orderBy(asc(users.role), asc(users.name))
    .limit(limit)
}

export async function countUsers() {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users)
  return row.n
}

export async function countActiveAdmins() {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.status, 'active')))
  return row.n
}
