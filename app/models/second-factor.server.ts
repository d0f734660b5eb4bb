import { and, count, eq, isNull, lt, or } from 'drizzle-orm'
import { db } from '../../db/client.server'
import { recoveryCodes, users } from '../../db/schema'

/** The encrypted TOTP key and the last step used, or null key when none is set up. */
export async function getSecondFactor({ userId }: { userId: string }) {
  const [row] = await db
    .select({ totpKey: users.totpKey, totpLastStep: users.totpLastStep })
    .from(users)
    .where(eq(users.id, userId))
  return row ?? null
}

/** Claims a step for the user's code; false when it, or a later one, was already used (a replay). */
export async function claimTotpStep({ userId, step }: { userId: string; step: number }) {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id })
  return rows.length > 0
}

/** Sets up a second factor: the new key, its first used step, and fresh recovery codes, together. */
export async function saveSecondFactor({
  userId,
  totpKey,
  step,
  codeHashes,
}: {
  userId: string
  totpKey: string
  step: number
  codeHashes: string[]
}) {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ totpKey, totpLastStep: step }).where(eq(users.id, userId))
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId))
    await tx.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })))
  })
}

export async function replaceRecoveryCodes({ userId, codeHashes }: { userId: string; codeHashes: string[] }) {
  await db.transaction(async (tx) => {
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId))
    await tx.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })))
  })
}

export async function removeSecondFactor({ userId }: { userId: string }) {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ totpKey: null, totpLastStep: null }).where(eq(users.id, userId))
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId))
  })
}

/** Uses up a recovery code; false when it is not one of the user's unused codes. */
export async function consumeRecoveryCode({ userId, codeHash }: { userId: string; codeHash: string }) {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id })
  return rows.length > 0
}

export async function countUnusedRecoveryCodes({ userId }: { userId: string }) {
  const [row] = await db
    .select({ unused: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
  return row?.unused ?? 0
}
