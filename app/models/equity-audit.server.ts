import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { db } from '../../db/client.server'
import { artifacts, equityAuditCounts, equityAuditIndicators, equityAuditNotes, equityAudits } from '../../db/schema'
import type { GroupCount } from '~/domain/disproportionality'
import type { AuditSettingsRow } from '~/domain/equity-audit'
import { insertArtifact, touchArtifact } from './artifact.server'

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0]

export async function createAudit({ fellowId, title, schoolYear }: { fellowId: string; title: string; schoolYear: string }) {
  return db.transaction(async (tx) => {
    const id = await insertArtifact(tx, { fellowId, kind: 'equity_audit', title })
    await tx.insert(equityAudits).values({ artifactId: id, schoolYear })
    return id
  })
}

/** The whole audit: settings, indicators in order with their counts, and the notes on voices. */
export async function getAudit({ artifactId }: { artifactId: string }) {
  const [audit] = await getAudits({ artifactIds: [artifactId] })
  return audit ?? null
}

/** Several whole audits in four queries, whatever their number. */
export async function getAudits({ artifactIds }: { artifactIds: string[] }) {
  if (artifactIds.length === 0) return []
  const [audits, indicators, counts, notes] = await Promise.all([
    db
      .select({ artifactId: equityAudits.artifactId, schoolYear: equityAudits.schoolYear, minCell: equityAudits.minCell, minN: equityAudits.minN, threshold: equityAudits.threshold })
      .from(equityAudits)
      .where(inArray(equityAudits.artifactId, artifactIds)),
    db
      .select({
        id: equityAuditIndicators.id,
        artifactId: equityAuditIndicators.artifactId,
        name: equityAuditIndicators.name,
        alternateRisk: equityAuditIndicators.alternateRisk,
        alternateSource: equityAuditIndicators.alternateSource,
      })
      .from(equityAuditIndicators)
      .where(inArray(equityAuditIndicators.artifactId, artifactIds))
      .orderBy(asc(equityAuditIndicators.position), asc(equityAuditIndicators.name)),
    db
      .select({ indicatorId: equityAuditCounts.indicatorId, group: equityAuditCounts.groupName, enrolled: equityAuditCounts.enrolled, withOutcome: equityAuditCounts.withOutcome })
      .from(equityAuditCounts)
      .innerJoin(equityAuditIndicators, eq(equityAuditIndicators.id, equityAuditCounts.indicatorId))
      .where(inArray(equityAuditIndicators.artifactId, artifactIds))
      .orderBy(asc(equityAuditCounts.position)),
    db
      .select({ artifactId: equityAuditNotes.artifactId, key: equityAuditNotes.questionKey, body: equityAuditNotes.body })
      .from(equityAuditNotes)
      .where(inArray(equityAuditNotes.artifactId, artifactIds)),
  ])
  return audits.map((audit) => ({
    ...audit,
    indicators: indicators
      .filter((i) => i.artifactId === audit.artifactId)
      .map(({ artifactId: _, ...indicator }) => ({
        ...indicator,
        counts: counts.filter((c) => c.indicatorId === indicator.id).map(({ group, enrolled, withOutcome }) => ({ group, enrolled, withOutcome })),
      })),
    notes: Object.fromEntries(notes.filter((n) => n.artifactId === audit.artifactId).map((n) => [n.key, n.body])),
  }))
}

export async function updateAuditSettings({ artifactId, title, schoolYear, settings }: { artifactId: string; title: string; schoolYear: string; settings: AuditSettingsRow }) {
  await db.transaction(async (tx) => {
    await tx.update(equityAudits).set({ schoolYear, ...settings }).where(eq(equityAudits.artifactId, artifactId))
    await touchArtifact(tx, { id: artifactId, title })
  })
}

async function nextIndicatorPosition(tx: Tx, artifactId: string) {
  const [row] = await tx
    .select({ next: sql<number>`coalesce(max(${equityAuditIndicators.position}), -1) + 1` })
    .from(equityAuditIndicators)
    .where(eq(equityAuditIndicators.artifactId, artifactId))
  return Number(row?.next ?? 0)
}

async function findIndicator(tx: Tx, artifactId: string, name: string) {
  const [row] = await tx
    .select({ id: equityAuditIndicators.id })
    .from(equityAuditIndicators)
    .where(and(eq(equityAuditIndicators.artifactId, artifactId), sql`lower(${equityAuditIndicators.name}) = lower(${name})`))
  return row?.id ?? null
}

/** Adds an indicator; false when the audit already has one of that name. */
export async function addIndicator({ artifactId, name }: { artifactId: string; name: string }) {
  return db.transaction(async (tx) => {
    if (await findIndicator(tx, artifactId, name)) return false
    await tx.insert(equityAuditIndicators).values({ artifactId, name, position: await nextIndicatorPosition(tx, artifactId) })
    await touchArtifact(tx, { id: artifactId })
    return true
  })
}

async function replaceCounts(tx: Tx, indicatorId: string, counts: GroupCount[]) {
  await tx.delete(equityAuditCounts).where(eq(equityAuditCounts.indicatorId, indicatorId))
  if (counts.length === 0) return
  await tx.insert(equityAuditCounts).values(counts.map((c, position) => ({ indicatorId, groupName: c.group, enrolled: c.enrolled, withOutcome: c.withOutcome, position })))
}

/**
 * Saves one indicator as the form holds it: its name, comparison risk and the whole table of counts.
 * Null when the indicator is not this audit's; 'duplicate' when another indicator has the name.
 */
export async function saveIndicator(args: { artifactId: string; indicatorId: string; name: string; alternateRisk: number | null; alternateSource: string; counts: GroupCount[] }) {
  return db.transaction(async (tx) => {
    const [owned] = await tx
      .select({ id: equityAuditIndicators.id })
      .from(equityAuditIndicators)
      .where(and(eq(equityAuditIndicators.id, args.indicatorId), eq(equityAuditIndicators.artifactId, args.artifactId)))
    if (!owned) return null
    const clash = await findIndicator(tx, args.artifactId, args.name)
    if (clash && clash !== args.indicatorId) return 'duplicate' as const
    await tx
      .update(equityAuditIndicators)
      .set({ name: args.name, alternateRisk: args.alternateRisk, alternateSource: args.alternateSource })
      .where(eq(equityAuditIndicators.id, args.indicatorId))
    await replaceCounts(tx, args.indicatorId, args.counts)
    await touchArtifact(tx, { id: args.artifactId })
    return 'saved' as const
  })
}

export async function deleteIndicator({ artifactId, indicatorId }: { artifactId: string; indicatorId: string }) {
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(equityAuditIndicators)
      .where(and(eq(equityAuditIndicators.id, indicatorId), eq(equityAuditIndicators.artifactId, artifactId)))
      .returning({ id: equityAuditIndicators.id })
    if (deleted.length > 0) await touchArtifact(tx, { id: artifactId })
    return deleted.length > 0
  })
}

/**
 * Imports a checked file in one transaction: each indicator in the file is created or has its
 * counts replaced; indicators not in the file are left as they are.
 */
export async function importAuditCounts({ artifactId, indicators }: { artifactId: string; indicators: { name: string; counts: GroupCount[] }[] }) {
  return db.transaction(async (tx) => {
    let created = 0
    let position = await nextIndicatorPosition(tx, artifactId)
    for (const indicator of indicators) {
      let id = await findIndicator(tx, artifactId, indicator.name)
      if (!id) {
        const [row] = await tx.insert(equityAuditIndicators).values({ artifactId, name: indicator.name, position: position++ }).returning({ id: equityAuditIndicators.id })
        id = row.id
        created++
      }
      await replaceCounts(tx, id, indicator.counts)
    }
    await touchArtifact(tx, { id: artifactId })
    return { created, updated: indicators.length - created }
  })
}

export async function saveAuditNotes({ artifactId, notes }: { artifactId: string; notes: { key: string; body: string }[] }) {
  await db.transaction(async (tx) => {
    const empty = notes.filter((n) => !n.body.trim()).map((n) => n.key)
    if (empty.length > 0) await tx.delete(equityAuditNotes).where(and(eq(equityAuditNotes.artifactId, artifactId), inArray(equityAuditNotes.questionKey, empty)))
    const filled = notes.filter((n) => n.body.trim())
    if (filled.length > 0) {
      await tx
        .insert(equityAuditNotes)
        .values(filled.map((n) => ({ artifactId, questionKey: n.key, body: n.body })))
        .onConflictDoUpdate({ target: [equityAuditNotes.artifactId, equityAuditNotes.questionKey], set: { body: sql`excluded.body`, updatedAt: sql`now()` } })
    }
    await touchArtifact(tx, { id: artifactId })
  })
}

/** A fellow's audits, oldest school year first. */
export async function listAuditIds({ fellowId }: { fellowId: string }) {
  return db
    .select({ id: artifacts.id, title: artifacts.title, schoolYear: equityAudits.schoolYear })
    .from(artifacts)
    .innerJoin(equityAudits, eq(equityAudits.artifactId, artifacts.id))
    .where(eq(artifacts.fellowId, fellowId))
    .orderBy(asc(equityAudits.schoolYear), asc(artifacts.createdAt))
}
