import { desc, eq } from 'drizzle-orm'
import { db } from '../../db/client.server'
import { outbox } from '../../db/schema'

export async function insertOutboxMessage(values: { toAddress: string; subject: string; body: string }) {
  const [row] = await db.insert(outbox).values(values).returning({ id: outbox.id })
  return row
}

export async function markOutboxMessage({ id, sentAt, error }: { id: string; sentAt: Date | null; error: string | null }) {
  await db.update(outbox).set({ sentAt, error }).where(eq(outbox.id, id))
}

export async function listOutbox({ limit = 100 }: { limit?: number }) {
  return db
    .select({
      id: outbox.id,
      toAddress: outbox.toAddress,
      subject: outbox.subject,
      body: outbox.body,
      sentAt: outbox.sentAt,
      error: outbox.error,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .orderBy(desc(outbox.createdAt))
    .limit(limit)
}

export async function latestMessageTo({ toAddress }: { toAddress: string }) {
  const [row] = await db
    .select({ subject: outbox.subject, body: outbox.body })
    .from(outbox)
    .where(eq(outbox.toAddress, toAddress))
    .orderBy(desc(outbox.createdAt))
    .limit(1)
  return row ?? null
}
