import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { is } from 'drizzle-orm'
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core'
import postgres from 'postgres'
import { afterAll, expect, test } from 'vitest'
import { db } from '../../db/client.server'
import * as schema from '../../db/schema'
import { backupPgliteClient, backupPostgres, restorePgliteDir, restorePostgres } from '../../app/utils/backup.server'
import { makeAcademy } from '../support/academy'
import { databaseUrl, TEST_DATABASE_PREFIX } from '../support/database'

/** Every table of db/schema.ts, found by type, so a table added later is compared without a change here. */
const tables = Object.values(schema)
  .filter((value) => is(value, PgTable))
  .map((table) => {
    const config = getTableConfig(table)
    const primary = config.primaryKeys[0]?.columns ?? config.columns.filter((column) => column.primary)
    const orderBy = (primary.length > 0 ? primary : config.columns).map((column) => `t."${column.name}"`)
    return { name: config.name, orderBy: orderBy.join(', ') }
  })

type Query = (text: string) => Promise<Record<string, unknown>[]>

/** Each row as PostgreSQL prints it as JSON: exact text, the same for both drivers. */
async function tableRows(query: Query, table: { name: string; orderBy: string }) {
  const rows = await query(`select row_to_json(t)::text as row from "${table.name}" t order by ${table.orderBy}`)
  return rows.map((row) => String(row.row))
}

async function migrationsApplied(query: Query) {
  const rows = await query('select hash from drizzle.__drizzle_migrations order by id')
  return rows.map((row) => String(row.hash))
}

const cleanups: (() => Promise<void> | void)[] = []
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
})

/** A row or more in every table, with the awkward values a restore could get wrong. */
async function seedEveryTable() {
  const academy = await makeAcademy()
  const { fellow, coach, staff, cohort } = academy
  const awkward = 'Ñandú — “quoted”, a back\\slash,\na new line and a tab\t'
  const past = new Date('2026-01-15T13:45:12.345Z')

  await db.insert(schema.sessions).values({ id: randomBytes(32).toString('hex'), userId: academy.fellowUser.id, expiresAt: past, ipAddress: '203.0.113.9', userAgent: awkward })
  await db.insert(schema.recoveryCodes).values([
    { userId: coach.id, codeHash: randomBytes(32).toString('hex') },
    { userId: coach.id, codeHash: randomBytes(32).toString('hex'), usedAt: past },
  ])
  await db.insert(schema.authTokens).values({ id: randomBytes(32).toString('hex'), userId: academy.otherFellowUser.id, kind: 'password_reset', expiresAt: past, createdById: staff.id })
  await db.insert(schema.signInAttempts).values([
    { email: academy.fellowUser.email, ipAddress: '203.0.113.9', succeeded: false },
    { email: academy.fellowUser.email, ipAddress: '203.0.113.9', succeeded: true },
  ])
  const slug = `y1-m9-backup-${randomBytes(3).toString('hex')}`
  await db.insert(schema.modules).values({ slug, year: 1, month: 9, title: awkward, strand: 'Equity', minutes: 90, assignmentId: `${slug}-a`, sectionCount: 4, contentHash: 'abc123' })
  await db.insert(schema.moduleSchedule).values({ cohortId: cohort.id, moduleSlug: slug, opensOn: '2026-09-01', dueOn: '2026-09-25' })
  await db.insert(schema.moduleProgress).values({ fellowId: fellow.id, moduleSlug: slug, sectionsDone: ['intro', 'a "quoted", comma', 'ünïcode'] })
  await db.insert(schema.promptResponses).values({ fellowId: fellow.id, moduleSlug: slug, promptId: 'p1', body: awkward })

  const [audit, fishbone, ramp] = await db
    .insert(schema.artifacts)
    .values([
      { fellowId: fellow.id, kind: 'equity_audit', title: 'Suspension audit', data: { nested: { list: [1, 2.5, null], text: awkward } } },
      { fellowId: fellow.id, kind: 'fishbone', title: 'Absence fishbone' },
      { fellowId: fellow.id, kind: 'pdsa', title: 'Attendance ramp' },
    ])
    .returning({ id: schema.artifacts.id })
  await db.insert(schema.equityAudits).values({ artifactId: audit.id, schoolYear: '2025–26', threshold: 0.1 + 0.2 })
  const [indicator] = await db.insert(schema.equityAuditIndicators).values({ artifactId: audit.id, name: 'Suspension', alternateRisk: 1 / 3, alternateSource: 'MSDE' }).returning({ id: schema.equityAuditIndicators.id })
  await db.insert(schema.equityAuditCounts).values([
    { indicatorId: indicator.id, groupName: 'Black or African American', enrolled: 210, withOutcome: 31 },
    { indicatorId: indicator.id, groupName: 'White', enrolled: 240, withOutcome: 10, position: 1 },
  ])
  await db.insert(schema.equityAuditNotes).values({ artifactId: audit.id, questionKey: 'voices', body: awkward })
  await db.insert(schema.fishbones).values({ artifactId: fishbone.id, problem: 'Chronic absence' })
  const [bone] = await db.insert(schema.fishboneBones).values({ artifactId: fishbone.id, label: 'Policies' }).returning({ id: schema.fishboneBones.id })
  const [cause] = await db.insert(schema.fishboneCauses).values({ boneId: bone.id, text: 'Bus routes', locus: 'system' }).returning({ id: schema.fishboneCauses.id })
  await db.insert(schema.fishboneCauses).values({ boneId: bone.id, parentId: cause.id, text: 'Families do not care', locus: 'people', evidence: awkward })
  await db.insert(schema.pdsaRamps).values({ artifactId: ramp.id, problem: 'Chronic absence', aim: '10 % fewer', fishboneId: fishbone.id })
  const [cycle] = await db.insert(schema.pdsaCycles).values({ artifactId: ramp.id, number: 1, changeIdea: 'Morning greeters', act: 'adapt' }).returning({ id: schema.pdsaCycles.id })
  const [measure] = await db.insert(schema.pdsaMeasures).values({ artifactId: ramp.id, name: 'Absence rate', unit: '%' }).returning({ id: schema.pdsaMeasures.id })
  await db.insert(schema.pdsaDataPoints).values([
    { measureId: measure.id, cycleId: cycle.id, observedOn: '2026-10-01', value: 12.75 },
    { measureId: measure.id, observedOn: '2026-10-08', value: -0.000001 },
  ])

  const [submission] = await db.insert(schema.submissions).values({ fellowId: fellow.id, moduleSlug: slug, assignmentId: `${slug}-a`, status: 'returned', body: awkward, submittedAt: past }).returning({ id: schema.submissions.id })
  await db.insert(schema.submissionEvents).values({ submissionId: submission.id, actorId: coach.id, fromStatus: 'submitted', toStatus: 'returned', feedback: awkward })
  await db.insert(schema.submissionArtifacts).values({ submissionId: submission.id, artifactId: audit.id })
  await db.insert(schema.submissionFiles).values({ submissionId: submission.id, fileName: 'plan.pdf', contentType: 'application/pdf', sizeBytes: 1234, storageKey: 'ab/cd' })

  const [session] = await db.insert(schema.coachingSessions).values({ coachId: coach.id, fellowId: fellow.id, heldOn: '2026-10-02', minutes: 45, modality: 'video', focus: ['beliefs', 'data'], privateNotes: awkward }).returning({ id: schema.coachingSessions.id })
  await db.insert(schema.coachingSessionRevisions).values({ sessionId: session.id, editorId: coach.id, snapshot: { minutes: 40, focus: ['beliefs'] } })
  const [belief] = await db.insert(schema.limitingBeliefs).values({ fellowId: fellow.id, coachId: coach.id, belief: awkward, domain: 'families', status: 'exploring', sharedWithFellow: true }).returning({ id: schema.limitingBeliefs.id })
  await db.insert(schema.beliefUpdates).values({ beliefId: belief.id, sessionId: session.id, fromStatus: 'surfaced', toStatus: 'exploring', createdById: coach.id })
  await db.insert(schema.coachingSessionBeliefs).values({ sessionId: session.id, beliefId: belief.id })

  await db.insert(schema.notifications).values({ userId: academy.fellowUser.id, kind: 'module_open', title: awkward, link: '/learn', dedupeKey: `open:${slug}` })
  await db.insert(schema.outbox).values({ toAddress: academy.fellowUser.email, subject: 'Welcome', body: awkward })
  await db.insert(schema.auditLog).values([
    { actorId: staff.id, action: 'user.invited', targetType: 'user', targetId: academy.fellowUser.id, details: { via: 'test' } },
    { action: 'system.backup', details: {} },
  ])
}

async function expectSameTables(source: Query, restored: Query) {
  expect(tables.length).toBeGreaterThanOrEqual(30)
  const empty: string[] = []
  for (const table of tables) {
    const [before, after] = await Promise.all([tableRows(source, table), tableRows(restored, table)])
    if (before.length === 0) empty.push(table.name)
    expect(after, `rows of ${table.name}`).toEqual(before)
  }
  // A table nobody seeded would pass the comparison without proving anything: seed it above.
  expect(empty, 'tables with no rows in seedEveryTable()').toEqual([])
  expect(await migrationsApplied(restored)).toEqual(await migrationsApplied(source))
}

test('a backup restored into an empty database holds every row of every table, and restore refuses a full one', async () => {
  await seedEveryTable()
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'sila-backup-test-'))
  cleanups.push(() => rmSync(workDir, { recursive: true, force: true }))
  const serverUrl = process.env.TEST_DATABASE_URL
  const sourceUrl = process.env.DATABASE_URL

  if (serverUrl && sourceUrl) {
    const file = path.join(workDir, 'sila.dump')
    const backup = await backupPostgres({ url: sourceUrl, file })
    expect(backup.bytes).toBeGreaterThan(1000)

    const name = `${TEST_DATABASE_PREFIX}backup_${randomBytes(4).toString('hex')}`
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
    await admin.unsafe(`create database ${name}`)
    cleanups.push(async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`)
      await admin.end()
    })
    const targetUrl = databaseUrl(serverUrl, name)
    const restore = await restorePostgres({ url: targetUrl, file, force: false })
    expect(restore.replaced).toBe(false)
    console.log(`PostgreSQL: backup ${backup.bytes} bytes in ${Math.round(backup.ms)} ms, restore in ${Math.round(restore.ms)} ms`)

    const source = postgres(sourceUrl, { max: 1, onnotice: () => {} })
    const restored = postgres(targetUrl, { max: 1, onnotice: () => {} })
    cleanups.push(() => Promise.all([source.end(), restored.end()]).then(() => undefined))
    await expectSameTables((text) => source.unsafe(text), (text) => restored.unsafe(text))

    // Sequences come back too: the next id continues after the restored ones.
    const [next] = await restored.unsafe(`insert into sign_in_attempts (email, ip_address, succeeded) values ('after@restore.test', '127.0.0.1', true) returning id`)
    const [max] = await source.unsafe('select max(id) as id from sign_in_attempts')
    expect(Number(next.id)).toBeGreaterThan(Number(max.id))

    await expect(restorePostgres({ url: targetUrl, file, force: false })).rejects.toThrow(/already has \d+ tables\. .*--force/)
    return
  }

  const client: unknown = Reflect.get(db, '$client')
  if (!(client instanceof PGlite)) throw new Error('The test database is neither PostgreSQL nor PGlite.')
  const file = path.join(workDir, 'sila.tar.gz')
  const backup = await backupPgliteClient({ client, file })
  expect(backup.bytes).toBeGreaterThan(1000)

  const dir = path.join(workDir, 'restored')
  const restore = await restorePgliteDir({ dir, file, force: false })
  expect(restore.replaced).toBe(false)
  console.log(`PGlite: backup ${backup.bytes} bytes in ${Math.round(backup.ms)} ms, restore in ${Math.round(restore.ms)} ms`)

  const restored = new PGlite(dir)
  let closed = false
  cleanups.push(() => (closed ? undefined : restored.close()))
  const query = (on: PGlite) => async (text: string) => (await on.query<Record<string, unknown>>(text)).rows
  await expectSameTables(query(client), query(restored))
  const [next] = await query(restored)(`insert into sign_in_attempts (email, ip_address, succeeded) values ('after@restore.test', '127.0.0.1', true) returning id`)
  const [max] = await query(client)('select max(id) as id from sign_in_attempts')
  expect(Number(next.id)).toBeGreaterThan(Number(max.id))
  await restored.close()
  closed = true

  await expect(restorePgliteDir({ dir, file, force: false })).rejects.toThrow(/is not empty\. .*--force/)
})
