import { desc, eq } from 'drizzle-orm'
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

export async function listAuditEntries({ limit = 200, action }: { limit?: number; action?: string }) {
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
    .where(action ? eq(auditLog.action, action) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit)
}
