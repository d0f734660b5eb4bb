import { and, asc, desc, eq, gte, ilike, lt } from 'drizzle-orm'
import type { AuditFilters } from '~/domain/audit-filters'
import { db } from '../../db/client.server'
import { auditLog, users } from '../../db/schema'

export type AuditEntry = {
  actorId: string | null
  action: string
  targetType?: string
  targetId?: string
  ipAddress?: string
  details?: Record<string, string | number | boolean | null>
}

/** Who did what, to what, from where; created_at is UTC. Never pass secrets in details. */
export async function writeAudit(entry: AuditEntry) {
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    ipAddress: entry.ipAddress,
    details: entry.details ?? {},
  })
}

function auditWhere(filters: AuditFilters, beforeId: number | null) {
  return and(
    filters.action ? eq(auditLog.action, filters.action) : undefined,
    filters.actor ? ilike(users.email, `%${filters.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
    filters.from ? gte(auditLog.createdAt, new Date(`${filters.from}T00:00:00Z`)) : undefined,
    filters.to ? lt(auditLog.createdAt, new Date(Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000)) : undefined,
    beforeId === null ? undefined : lt(auditLog.id, beforeId),
  )
}

/** Entries newest first, narrowed by the filters; `beforeId` pages through for exports. */
export async function listAuditEntries({ filters, limit = 200, beforeId = null }: { filters: AuditFilters; limit?: number; beforeId?: number | null }) {
  return db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      ipAddress: auditLog.ipAddress,
      details: auditLog.details,
      createdAt: auditLog.createdAt,
      actorEmail: users.email,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(auditWhere(filters, beforeId))
    .orderBy(desc(auditLog.id))
    .limit(limit)
}

/** Every kind of action the log holds, for the filter. */
export async function listAuditActions() {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action))
  return rows.map((r) => r.action)
}
