import { and, desc, eq, sql } from 'drizzle-orm'
import { db } from '../../db/client.server'
import { artifacts, coachAssignments, fellows, leas, schools, users } from '../../db/schema'
import type { ArtifactKind } from '~/domain/artifacts'
import { currentPairing } from './pairing.server'

type Executor = Pick<typeof db, 'insert'>

/** The common record every tool's detail hangs from; call inside the tool's own transaction. */
export async function insertArtifact(tx: Executor, values: { fellowId: string; kind: ArtifactKind; title: string }) {
  const [row] = await tx.insert(artifacts).values(values).returning({ id: artifacts.id })
  return row.id
}

/** An artifact with what access checks and suppression need: its author, their coach today, the school's state. */
export async function getArtifactHeader({ id }: { id: string }) {
  const [row] = await db
    .select({
      id: artifacts.id,
      kind: artifacts.kind,
      title: artifacts.title,
      fellowId: artifacts.fellowId,
      updatedAt: artifacts.updatedAt,
      fellowUserId: fellows.userId,
      fellowName: users.name,
      programYear: fellows.programYear,
      position: fellows.position,
      schoolName: schools.name,
      state: leas.state,
      currentCoachId: coachAssignments.coachId,
    })
    .from(artifacts)
    .innerJoin(fellows, eq(fellows.id, artifacts.fellowId))
    .innerJoin(users, eq(users.id, fellows.userId))
    .innerJoin(schools, eq(schools.id, fellows.schoolId))
    .innerJoin(leas, eq(leas.id, schools.leaId))
    .leftJoin(coachAssignments, currentPairing)
    .where(eq(artifacts.id, id))
  return row ?? null
}

/** A fellow's artifacts, most recently changed first. */
export async function listArtifacts({ fellowId, kind }: { fellowId: string; kind?: ArtifactKind }) {
  return db
    .select({ id: artifacts.id, kind: artifacts.kind, title: artifacts.title, createdAt: artifacts.createdAt, updatedAt: artifacts.updatedAt })
    .from(artifacts)
    .where(kind ? and(eq(artifacts.fellowId, fellowId), eq(artifacts.kind, kind)) : eq(artifacts.fellowId, fellowId))
    .orderBy(desc(artifacts.updatedAt))
}

/** Marks an artifact changed (its title too, when given); tools call this inside their write transaction. */
export async function touchArtifact(tx: Pick<typeof db, 'update'>, { id, title }: { id: string; title?: string }) {
  await tx
    .update(artifacts)
    .set({ updatedAt: sql`now()`, ...(title === undefined ? {} : { title }) })
    .where(eq(artifacts.id, id))
}

export async function deleteArtifact({ id }: { id: string }) {
  await db.delete(artifacts).where(eq(artifacts.id, id))
}
