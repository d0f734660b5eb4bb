import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm'
import { db } from '../../db/client.server'
import { fishboneBones, fishboneCauses, fishbones } from '../../db/schema'
import { canHoldSubCauses, causeDepth, type CauseLocus, DEFAULT_BONES, type Direction, FISHBONE_LIMITS, type FishboneWrite, moveWithin } from '~/domain/fishbone'
import { insertArtifact, touchArtifact } from './artifact.server'

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0]

/** A new fishbone with its problem statement and the default bones, in one transaction. */
export async function createFishbone({ fellowId, title, problem }: { fellowId: string; title: string; problem: string }) {
  return db.transaction(async (tx) => {
    const id = await insertArtifact(tx, { fellowId, kind: 'fishbone', title })
    await tx.insert(fishbones).values({ artifactId: id, problem })
    await tx.insert(fishboneBones).values(DEFAULT_BONES.map((label, position) => ({ artifactId: id, label, position })))
    return id
  })
}

/** The problem, the bones and every cause (flat, with parents), in display order. */
export async function getFishbone({ artifactId }: { artifactId: string }) {
  const [row] = await db.select({ problem: fishbones.problem }).from(fishbones).where(eq(fishbones.artifactId, artifactId))
  if (!row) return null
  const [bones, causes] = await Promise.all([
    db
      .select({ id: fishboneBones.id, label: fishboneBones.label, position: fishboneBones.position })
      .from(fishboneBones)
      .where(eq(fishboneBones.artifactId, artifactId))
      .orderBy(asc(fishboneBones.position), asc(fishboneBones.id)),
    db
      .select({
        id: fishboneCauses.id,
        boneId: fishboneCauses.boneId,
        parentId: fishboneCauses.parentId,
        text: fishboneCauses.text,
        locus: fishboneCauses.locus,
        evidence: fishboneCauses.evidence,
        position: fishboneCauses.position,
      })
      .from(fishboneCauses)
      .innerJoin(fishboneBones, eq(fishboneBones.id, fishboneCauses.boneId))
      .where(eq(fishboneBones.artifactId, artifactId))
      .orderBy(asc(fishboneCauses.position), asc(fishboneCauses.createdAt), asc(fishboneCauses.id)),
  ])
  return { problem: row.problem, bones, causes }
}

export async function updateProblem({ artifactId, problem }: { artifactId: string; problem: string }): Promise<FishboneWrite> {
  return db.transaction(async (tx) => {
    const updated = await tx.update(fishbones).set({ problem }).where(eq(fishbones.artifactId, artifactId)).returning({ id: fishbones.artifactId })
    if (updated.length === 0) return 'not-found'
    await touchArtifact(tx, { id: artifactId })
    return 'done'
  })
}

function bonesOf(tx: Tx, artifactId: string) {
  return tx.select({ id: fishboneBones.id }).from(fishboneBones).where(eq(fishboneBones.artifactId, artifactId))
}

function orderedBones(tx: Tx, artifactId: string) {
  return tx
    .select({ id: fishboneBones.id, position: fishboneBones.position })
    .from(fishboneBones)
    .where(eq(fishboneBones.artifactId, artifactId))
    .orderBy(asc(fishboneBones.position), asc(fishboneBones.id))
}

/**
 * Positions are rewritten as 0, 1, 2… in the given order, so gaps left by deletions never grow
 * and ties never block a move; only rows whose position changes are written.
 */
async function renumberBones(tx: Tx, rows: { id: string; position: number }[], order: string[]) {
  for (const [position, id] of order.entries()) {
    if (rows.find((r) => r.id === id)?.position !== position) await tx.update(fishboneBones).set({ position }).where(eq(fishboneBones.id, id))
  }
}

async function renumberCauses(tx: Tx, rows: { id: string; position: number }[], order: string[]) {
  for (const [position, id] of order.entries()) {
    if (rows.find((r) => r.id === id)?.position !== position) await tx.update(fishboneCauses).set({ position }).where(eq(fishboneCauses.id, id))
  }
}

export async function addBone({ artifactId, label }: { artifactId: string; label: string }): Promise<FishboneWrite> {
  return db.transaction(async (tx) => {
    const bones = await orderedBones(tx, artifactId)
    if (bones.length >= FISHBONE_LIMITS.bones) return 'bones-full'
    await renumberBones(tx, bones, bones.map((b) => b.id))
    await tx.insert(fishboneBones).values({ artifactId, label, position: bones.length })
    await touchArtifact(tx, { id: artifactId })
    return 'done'
  })
}

export async function renameBone({ artifactId, boneId, label }: { artifactId: string; boneId: string; label: string }): Promise<FishboneWrite> {
  return db.transaction(async (tx) => {
    const renamed = await tx
      .update(fishboneBones)
      .set({ label })
      .where(and(eq(fishboneBones.id, boneId), eq(fishboneBones.artifactId, artifactId)))
      .returning({ id: fishboneBones.id })
    if (renamed.length === 0) return 'not-found'
    await touchArtifact(tx, { id: artifactId })
    return 'done'
  })
}

/** Removes a bone and, through the foreign keys, every cause on it. */
export async function deleteBone({ artifactId, boneId }: { artifactId: string; boneId: string }): Promise<FishboneWrite> {
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(fishboneBones)
      .where(and(eq(fishboneBones.id, boneId), eq(fishboneBones.artifactId, artifactId)))
      .returning({ id: fishboneBones.id })
    if (deleted.length === 0) return 'not-found'
    await touchArtifact(tx, { id: artifactId })
    return 'done'
  })
}

export async function moveBone({ artifactId, boneId, direction }: { artifactId: string; boneId: string; direction: Direction }): Promise<FishboneWrite> {
  return db.transaction(async (tx) => {
    const bones = await orderedBones(tx, artifactId)
    if (!bones.some((b) => b.id === boneId)) return 'not-found'
    const order = moveWithin(bones.map((b) => b.id), boneId, direction)
    if (!order) return 'unchanged'
    await renumberBones(tx, bones, order)
    await touchArtifact(tx, { id: artifactId })
    return 'done'
  })
}

async function findCause(tx: Tx, artifactId: string, causeId: string) {
  const [row] = await tx
    .select({ id: fishboneCauses.id, boneId: fishboneCauses.boneId, parentId: fishboneCauses.parentId })
    .from(fishboneCauses)
    .innerJoin(fishboneBones, eq(fishboneBones.id, fishboneCauses.boneId))
    .where(and(eq(fishboneCauses.id, causeId), eq(fishboneBones.artifactId, artifactId)))
  return row ?? null
}

function siblingsOf(tx: Tx, { boneId, parentId }: { boneId: string; parentId: string | null }) {
  return tx
    .select({ id: fishboneCauses.id, position: fishboneCauses.position })
    .from(fishboneCauses)
    .where(and(eq(fishboneCauses.boneId, boneId), parentId === null ? isNull(fishboneCauses.parentId) : eq(fishboneCauses.parentId, parentId)))
    .orderBy(asc(fishboneCauses.position), asc(fishboneCauses.createdAt), asc(fishboneCauses.id))
}

async function countCauses(tx: Tx, artifactId: string) {
  const [row] = await tx.select({ causes: count() }).from(fishboneCauses).where(inArray(fishboneCauses.boneId, bonesOf(tx, artifactId)))
  return Number(row.causes)
}

/** A cause on a bone, or under another cause of the same bone (parentId), placed last among its siblings. */
export async function addCause({
  artifactId,
  boneId,
  parentId,
  text,
  locus,
  evidence,
}: {
  artifactId: string
  boneId: string
  parentId: string | null
  text: string
  locus: CauseLocus
  evidence: string
}): Promise<FishboneWrite> {
  return db.transaction(async (tx) => {
    const [bone] = await tx
      .select({ id: fishboneBones.id })
      .from(fishboneBones)
      .where(and(eq(fishboneBones.id, boneId), eq(fishboneBones.artifactId, artifactId)))
    if (!bone) return 'not-found'
    if (parentId !== null) {
      const parent = await findCause(tx, artifactId, parentId)
      if (!parent || parent.boneId !== boneId) return 'not-found'
      const onBone = await tx.select({ id: fishboneCauses.id, parentId: fishboneCauses.parentId }).from(fishboneCauses).where(eq(fishboneCauses.boneId, boneId))
      if (!canHoldSubCauses(causeDepth(onBone, parentId))) return 'too-deep'
    }
    if ((await countCauses(tx, artifactId)) >= FISHBONE_LIMITS.causes) return 'causes-full'
    const siblings = await siblingsOf(tx, { boneId, parentId })
    await renumberCauses(tx, siblings, siblings.map((s) => s.id))
    await tx.insert(fishboneCauses).values({ boneId, parentId, text, locus, evidence, position: siblings.length })
    await touchArtifact(tx, { id: artifactId })
    return 'done'
  })
}

export async function updateCause({
  artifactId,
  causeId,
  text,
  locus,
  evidence,
}: {
  artifactId: string
  causeId: string
  text: string
  locus: CauseLocus
  evidence: string
}): Promise<FishboneWrite> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(fishboneCauses)
      .set({ text, locus, evidence })
      .where(and(eq(fishboneCauses.id, causeId), inArray(fishboneCauses.boneId, bonesOf(tx, artifactId))))
      .returning({ id: fishboneCauses.id })
    if (updated.length === 0) return 'not-found'
    await touchArtifact(tx, { id: artifactId })
    return 'done'
  })
}

/** Removes a cause and, through the foreign keys, its sub-causes. */
export async function deleteCause({ artifactId, causeId }: { artifactId: string; causeId: string }): Promise<FishboneWrite> {
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(fishboneCauses)
      .where(and(eq(fishboneCauses.id, causeId), inArray(fishboneCauses.boneId, bonesOf(tx, artifactId))))
      .returning({ id: fishboneCauses.id })
    if (deleted.length === 0) return 'not-found'
    await touchArtifact(tx, { id: artifactId })
    return 'done'
  })
}

/** Moves a cause up or down among the causes that share its bone and parent. */
export async function moveCause({ artifactId, causeId, direction }: { artifactId: string; causeId: string; direction: Direction }): Promise<FishboneWrite> {
  return db.transaction(async (tx) => {
    const cause = await findCause(tx, artifactId, causeId)
    if (!cause) return 'not-found'
    const siblings = await siblingsOf(tx, cause)
    const order = moveWithin(siblings.map((s) => s.id), causeId, direction)
    if (!order) return 'unchanged'
    await renumberCauses(tx, siblings, order)
    await touchArtifact(tx, { id: artifactId })
    return 'done'
  })
}
