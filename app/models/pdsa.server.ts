import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { db } from '../../db/client.server'
import { artifacts, pdsaCycles, pdsaDataPoints, pdsaMeasures, pdsaRamps } from '../../db/schema'
import { nextCycle, PDSA_MAX_MEASURES, PDSA_MAX_POINTS_PER_MEASURE, type PdsaAct } from '~/domain/pdsa'
import { insertArtifact, touchArtifact } from './artifact.server'

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0]

const fishboneArtifacts = alias(artifacts, 'fishbone_artifacts')

/** Whether the id names one of this fellow's fishbones: a ramp may only link its author's own. */
async function isOwnFishbone(tx: Tx, { fellowId, fishboneId }: { fellowId: string; fishboneId: string }) {
  const [row] = await tx
    .select({ id: artifacts.id })
    .from(artifacts)
    .where(and(eq(artifacts.id, fishboneId), eq(artifacts.fellowId, fellowId), eq(artifacts.kind, 'fishbone')))
  return Boolean(row)
}

/** The unique-violation code of PostgreSQL, found on the driver's error or on what drizzle wrapped. */
function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (typeof error !== 'object' || error === null) return false
  const code = 'code' in error ? error.code : undefined
  const message = 'message' in error && typeof error.message === 'string' ? error.message : ''
  const named = ('constraint_name' in error && error.constraint_name === constraint) || ('constraint' in error && error.constraint === constraint) || message.includes(constraint)
  if (code === '23505' && named) return true
  return 'cause' in error ? isUniqueViolation(error.cause, constraint) : false
}

export type CreatePdsaResult = { ok: true; id: string } | { ok: false; reason: 'fishbone-not-found' }

/** A new PDSA artifact: its common record, the ramp, and the first measure when one was named. */
export async function createPdsa(args: {
  fellowId: string
  title: string
  problem: string
  aim: string
  fishboneId: string | null
  measure: { name: string; unit: string } | null
}): Promise<CreatePdsaResult> {
  return db.transaction(async (tx) => {
    if (args.fishboneId && !(await isOwnFishbone(tx, { fellowId: args.fellowId, fishboneId: args.fishboneId }))) {
      return { ok: false, reason: 'fishbone-not-found' }
    }
    const id = await insertArtifact(tx, { fellowId: args.fellowId, kind: 'pdsa', title: args.title })
    await tx.insert(pdsaRamps).values({ artifactId: id, problem: args.problem, aim: args.aim, fishboneId: args.fishboneId })
    if (args.measure) await tx.insert(pdsaMeasures).values({ artifactId: id, name: args.measure.name, unit: args.measure.unit, position: 0 })
    return { ok: true, id }
  })
}

/** The whole ramp: problem and aim, the cycles in order, and each measure with its points by date. */
export async function getPdsa({ artifactId }: { artifactId: string }) {
  const [ramp] = await db
    .select({
      problem: pdsaRamps.problem,
      aim: pdsaRamps.aim,
      fishboneId: pdsaRamps.fishboneId,
      fishboneTitle: fishboneArtifacts.title,
    })
    .from(pdsaRamps)
    .leftJoin(fishboneArtifacts, eq(fishboneArtifacts.id, pdsaRamps.fishboneId))
    .where(eq(pdsaRamps.artifactId, artifactId))
  if (!ramp) return null
  const [cycles, measures, points] = await Promise.all([
    db
      .select({
        id: pdsaCycles.id,
        number: pdsaCycles.number,
        changeIdea: pdsaCycles.changeIdea,
        prediction: pdsaCycles.prediction,
        doNotes: pdsaCycles.doNotes,
        studyNotes: pdsaCycles.studyNotes,
        act: pdsaCycles.act,
        actNotes: pdsaCycles.actNotes,
      })
      .from(pdsaCycles)
      .where(eq(pdsaCycles.artifactId, artifactId))
      .orderBy(asc(pdsaCycles.number)),
    db
      .select({ id: pdsaMeasures.id, name: pdsaMeasures.name, unit: pdsaMeasures.unit })
      .from(pdsaMeasures)
      .where(eq(pdsaMeasures.artifactId, artifactId))
      .orderBy(asc(pdsaMeasures.position), asc(pdsaMeasures.id)),
    db
      .select({
        id: pdsaDataPoints.id,
        measureId: pdsaDataPoints.measureId,
        observedOn: pdsaDataPoints.observedOn,
        value: pdsaDataPoints.value,
        note: pdsaDataPoints.note,
        cycleNumber: pdsaCycles.number,
      })
      .from(pdsaDataPoints)
      .innerJoin(pdsaMeasures, eq(pdsaMeasures.id, pdsaDataPoints.measureId))
      .leftJoin(pdsaCycles, eq(pdsaCycles.id, pdsaDataPoints.cycleId))
      .where(eq(pdsaMeasures.artifactId, artifactId))
      .orderBy(asc(pdsaDataPoints.observedOn), asc(pdsaDataPoints.createdAt)),
  ])
  return {
    ramp,
    cycles,
    measures: measures.map((m) => ({ ...m, points: points.filter((p) => p.measureId === m.id) })),
  }
}

/** One cycle of a ramp, with the cycle before it (what it starts from) and how many cycles there are. */
export async function getPdsaCycle({ artifactId, number }: { artifactId: string; number: number }) {
  const rows = await db
    .select({
      id: pdsaCycles.id,
      number: pdsaCycles.number,
      changeIdea: pdsaCycles.changeIdea,
      prediction: pdsaCycles.prediction,
      planWho: pdsaCycles.planWho,
      planWhat: pdsaCycles.planWhat,
      planWhen: pdsaCycles.planWhen,
      planWhere: pdsaCycles.planWhere,
      planMeasures: pdsaCycles.planMeasures,
      doNotes: pdsaCycles.doNotes,
      studyNotes: pdsaCycles.studyNotes,
      act: pdsaCycles.act,
      actNotes: pdsaCycles.actNotes,
    })
    .from(pdsaCycles)
    .where(and(eq(pdsaCycles.artifactId, artifactId), inArray(pdsaCycles.number, [number - 1, number])))
  const cycle = rows.find((r) => r.number === number)
  if (!cycle) return null
  const previous = rows.find((r) => r.number === number - 1) ?? null
  const [{ last }] = await db
    .select({ last: sql<number>`coalesce(max(${pdsaCycles.number}), 0)::int` })
    .from(pdsaCycles)
    .where(eq(pdsaCycles.artifactId, artifactId))
  return { cycle, previous, lastNumber: last }
}

export type RampWriteResult = { ok: true } | { ok: false; reason: 'fishbone-not-found' }

export async function updateRamp(args: {
  artifactId: string
  fellowId: string
  title: string
  problem: string
  aim: string
  fishboneId: string | null
}): Promise<RampWriteResult> {
  return db.transaction(async (tx) => {
    if (args.fishboneId && !(await isOwnFishbone(tx, { fellowId: args.fellowId, fishboneId: args.fishboneId }))) {
      return { ok: false, reason: 'fishbone-not-found' }
    }
    await tx
      .update(pdsaRamps)
      .set({ problem: args.problem, aim: args.aim, fishboneId: args.fishboneId })
      .where(eq(pdsaRamps.artifactId, args.artifactId))
    await touchArtifact(tx, { id: args.artifactId, title: args.title })
    return { ok: true }
  })
}

export type AddCycleResult =
  | { ok: true; number: number }
  | { ok: false; reason: 'needs-act' | 'limit'; message: string }
  | { ok: false; reason: 'conflict'; message: string }

/**
 * Starts the next cycle, numbered one past the highest, if the chaining rule allows it. Two posts at
 * once could both read the same highest number; the unique index on (artifact, number) lets only one
 * insert land and the other is answered as a conflict.
 */
export async function addCycle({ artifactId, changeIdea }: { artifactId: string; changeIdea: string }): Promise<AddCycleResult> {
  try {
    return await db.transaction(async (tx): Promise<AddCycleResult> => {
      const [last] = await tx
        .select({ number: pdsaCycles.number, changeIdea: pdsaCycles.changeIdea, act: pdsaCycles.act, actNotes: pdsaCycles.actNotes })
        .from(pdsaCycles)
        .where(eq(pdsaCycles.artifactId, artifactId))
        .orderBy(desc(pdsaCycles.number))
        .limit(1)
      const [{ cycles }] = await tx.select({ cycles: count() }).from(pdsaCycles).where(eq(pdsaCycles.artifactId, artifactId))
      const next = nextCycle({ last: last ?? null, count: cycles })
      if (!next.allowed) return { ok: false, reason: next.reason, message: next.message }
      await tx.insert(pdsaCycles).values({ artifactId, number: next.number, changeIdea })
      await touchArtifact(tx, { id: artifactId })
      return { ok: true, number: next.number }
    })
  } catch (error) {
    if (isUniqueViolation(error, 'pdsa_cycles_number_key')) {
      return { ok: false, reason: 'conflict', message: 'Another cycle was started a moment ago. Reload the page to see it.' }
    }
    throw error
  }
}

export type CyclePhaseValues =
  | {
      changeIdea: string
      prediction: string
      planWho: string
      planWhat: string
      planWhen: string
      planWhere: string
      planMeasures: string
    }
  | { doNotes: string }
  | { studyNotes: string }
  | { act: PdsaAct; actNotes: string }

/** Saves one phase of one cycle of this ramp; false when the ramp has no such cycle. */
export async function updateCyclePhase({ artifactId, number, values }: { artifactId: string; number: number; values: CyclePhaseValues }) {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(pdsaCycles)
      .set({ ...values, updatedAt: sql`now()` })
      .where(and(eq(pdsaCycles.artifactId, artifactId), eq(pdsaCycles.number, number)))
      .returning({ id: pdsaCycles.id })
    if (updated.length === 0) return false
    await touchArtifact(tx, { id: artifactId })
    return true
  })
}

export type AddMeasureResult = { ok: true; id: string } | { ok: false; reason: 'limit' }

export async function addMeasure({ artifactId, name, unit }: { artifactId: string; name: string; unit: string }): Promise<AddMeasureResult> {
  return db.transaction(async (tx) => {
    const [{ measures }] = await tx.select({ measures: count() }).from(pdsaMeasures).where(eq(pdsaMeasures.artifactId, artifactId))
    if (measures >= PDSA_MAX_MEASURES) return { ok: false, reason: 'limit' }
    const [row] = await tx.insert(pdsaMeasures).values({ artifactId, name, unit, position: measures }).returning({ id: pdsaMeasures.id })
    await touchArtifact(tx, { id: artifactId })
    return { ok: true, id: row.id }
  })
}

export type AddDataPointResult = { ok: true } | { ok: false; reason: 'measure-not-found' | 'cycle-not-found' | 'limit' }

/** Adds a point to a measure of this ramp, tagged with one of this ramp's cycles or none. */
export async function addDataPoint(args: {
  artifactId: string
  measureId: string
  cycleId: string | null
  observedOn: string
  value: number
  note: string
}): Promise<AddDataPointResult> {
  return db.transaction(async (tx) => {
    const [measure] = await tx
      .select({ id: pdsaMeasures.id })
      .from(pdsaMeasures)
      .where(and(eq(pdsaMeasures.id, args.measureId), eq(pdsaMeasures.artifactId, args.artifactId)))
    if (!measure) return { ok: false, reason: 'measure-not-found' }
    if (args.cycleId) {
      const [cycle] = await tx
        .select({ id: pdsaCycles.id })
        .from(pdsaCycles)
        .where(and(eq(pdsaCycles.id, args.cycleId), eq(pdsaCycles.artifactId, args.artifactId)))
      if (!cycle) return { ok: false, reason: 'cycle-not-found' }
    }
    const [{ points }] = await tx.select({ points: count() }).from(pdsaDataPoints).where(eq(pdsaDataPoints.measureId, measure.id))
    if (points >= PDSA_MAX_POINTS_PER_MEASURE) return { ok: false, reason: 'limit' }
    await tx.insert(pdsaDataPoints).values({
      measureId: measure.id,
      cycleId: args.cycleId,
      observedOn: args.observedOn,
      value: args.value,
      note: args.note,
    })
    await touchArtifact(tx, { id: args.artifactId })
    return { ok: true }
  })
}

/** Removes a point only if it belongs to a measure of this ramp; false otherwise. */
export async function deleteDataPoint({ artifactId, pointId }: { artifactId: string; pointId: string }) {
  return db.transaction(async (tx) => {
    const ownMeasures = tx.select({ id: pdsaMeasures.id }).from(pdsaMeasures).where(eq(pdsaMeasures.artifactId, artifactId))
    const deleted = await tx
      .delete(pdsaDataPoints)
      .where(and(eq(pdsaDataPoints.id, pointId), inArray(pdsaDataPoints.measureId, ownMeasures)))
      .returning({ id: pdsaDataPoints.id })
    if (deleted.length === 0) return false
    await touchArtifact(tx, { id: artifactId })
    return true
  })
}
