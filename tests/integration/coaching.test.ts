import { and, eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { db } from '../../db/client.server'
import { auditLog, beliefUpdates, coachingSessionRevisions, coachingSessions, limitingBeliefs } from '../../db/schema'
import { makeAcademy, TEST_PASSWORD } from '../support/academy'
import { serveAppForTests } from '../support/app'
import { location, pageText, signIn, TestClient } from '../support/client'

const app = serveAppForTests()

const PRIVATE_NOTE = 'PRIVATE: she bristled when families came up; push on this gently.'
const SHARED_SUMMARY = 'SHARED: we mapped the attendance data and named two system causes.'
const HIDDEN_BELIEF = 'HIDDEN-BELIEF: these parents just do not value school.'
const SHARED_BELIEF = 'SHARED-BELIEF: I am not the kind of leader who can talk about race.'

async function signedIn(email: string) {
  const client = app.client()
  expect((await signIn(client, email, TEST_PASSWORD)).status).toBe(302)
  return client
}

/** A coach logs a session with a private note and a shared summary, and two beliefs (one shared). */
async function coachedAcademy() {
  const academy = await makeAcademy()
  const coach = await signedIn(academy.coach.email)
  const fellowPage = `/coaching/fellows/${academy.fellow.id}`
  const created = await coach.post(fellowPage, { intent: 'new-session' })
  expect(created.status).toBe(302)
  const sessionPath = location(created) ?? ''
  const logged = await coach.post(sessionPath, {
    intent: 'save',
    heldOn: '2026-11-20',
    minutes: '50',
    modality: 'video',
    focus: 'equity',
    privateNotes: PRIVATE_NOTE,
    sharedSummary: SHARED_SUMMARY,
    nextSteps: 'Interview three families before our next session.',
  })
  expect(logged.status).toBe(302)
  expect((await coach.post(fellowPage, { intent: 'add-belief', belief: HIDDEN_BELIEF, domain: 'families', evidence: 'said in our first meeting' })).status).toBe(200)
  expect((await coach.post(fellowPage, { intent: 'add-belief', belief: SHARED_BELIEF, domain: 'self_as_leader', evidence: 'named it herself', shared: 'on' })).status).toBe(200)
  const sessionId = sessionPath.split('/').pop() ?? ''
  return { academy, coach, fellowPage, sessionPath, sessionId }
}

function expectNothingPrivate(body: string) {
  expect(body).not.toContain('PRIVATE:')
  expect(body).not.toContain('HIDDEN-BELIEF')
  expect(body).not.toContain('bristled')
}

async function everything(client: TestClient, paths: string[]) {
  return (await Promise.all(paths.map(async (p) => (await client.get(p)).text()))).join('\n')
}

test('the fellow sees the shared summary and shared belief, and never a private note or unshared belief (HTML and loader data)', async () => {
  const { academy } = await coachedAcademy()
  const fellow = await signedIn(academy.fellowUser.email)
  const html = await (await fellow.get('/coaching')).text()
  expect(html).toContain('SHARED: we mapped the attendance data')
  expect(html).toContain('SHARED-BELIEF')
  expect(html).toContain('Interview three families')
  expectNothingPrivate(html)
  // The same route's data as the browser fetches it on client-side navigation.
  const data = await fellow.get('/coaching.data')
  expect(data.status).toBe(200)
  const payload = await data.text()
  expect(payload).toContain('SHARED: we mapped the attendance data')
  expectNothingPrivate(payload)
})

test('no other page or resource route hands the fellow a private note or hidden belief', async () => {
  const { academy, sessionPath, fellowPage } = await coachedAcademy()
  const fellow = await signedIn(academy.fellowUser.email)
  expect((await fellow.get(sessionPath)).status).toBe(404)
  expect((await fellow.get(`${sessionPath}.data`)).status).not.toBe(200)
  expect((await fellow.get(fellowPage)).status).toBe(404)
  expectNothingPrivate(await everything(fellow, ['/home', '/learn', '/notifications', '/account', sessionPath, fellowPage, `${fellowPage}.data`]))
})

test('staff and admins receive counts, never the text of notes, summaries or beliefs', async () => {
  const { academy, sessionPath, fellowPage } = await coachedAcademy()
  for (const user of [academy.staff, academy.admin]) {
    const client = await signedIn(user.email)
    const page = await client.get('/staff/coaching')
    expect(page.status).toBe(200)
    const text = await pageText(page)
    expect(text).toContain(academy.coach.name)
    expect(text).toContain('50') // minutes
    // The fellow seen on the 20th is not flagged; the one never seen since September is.
    expect(text).toContain(`${academy.otherFellowUser.name} · no session yet`)
    expect(text).not.toContain(academy.fellowUser.name)
    expect(await pageText(await client.get('/staff/pairings'))).toContain(`${academy.coach.name}: 1 fellow `)
    const body = await everything(client, ['/staff/coaching', '/staff/coaching.data', '/staff', '/staff/pairings', '/review', '/audit'])
    expectNothingPrivate(body)
    expect(body).not.toContain('SHARED:')
    expect(body).not.toContain('SHARED-BELIEF')
    expect((await client.get(sessionPath)).status).toBe(404)
    expect((await client.get(fellowPage)).status).toBe(404)
  }
})

test('a coach cannot read or write sessions or beliefs for a fellow outside their caseload', async () => {
  const { academy, sessionPath, fellowPage } = await coachedAcademy()
  const other = await signedIn(academy.otherCoach.email)
  expect((await other.get(fellowPage)).status).toBe(404)
  expect((await other.get(sessionPath)).status).toBe(404)
  expect((await other.post(fellowPage, { intent: 'new-session' })).status).toBe(404)
  expect((await other.post(fellowPage, { intent: 'add-belief', belief: 'planted', domain: 'staff' })).status).toBe(404)
  expect((await other.post(sessionPath, { intent: 'save', heldOn: '2026-11-21', minutes: '30', modality: 'phone', privateNotes: 'overwritten' })).status).toBe(404)
  const [session] = await db.select({ privateNotes: coachingSessions.privateNotes }).from(coachingSessions).where(eq(coachingSessions.fellowId, academy.fellow.id))
  expect(session.privateNotes).toBe(PRIVATE_NOTE)
  expect(await db.select({ id: limitingBeliefs.id }).from(limitingBeliefs).where(eq(limitingBeliefs.belief, 'planted'))).toEqual([])
})

test('a replaced coach keeps their own sessions read-only and loses the fellow’s new work; the new coach sees shared history', async () => {
  const { academy, coach, sessionPath, fellowPage, sessionId } = await coachedAcademy()
  const staff = await signedIn(academy.staff.email)
  expect((await staff.post('/staff/pairings', { fellowId: academy.fellow.id, coachId: academy.otherCoach.id })).status).toBe(200)

  const ownOld = await coach.get(sessionPath)
  expect(ownOld.status).toBe(200)
  expect(await ownOld.text()).toContain('PRIVATE:')
  const edit = await coach.post(sessionPath, { intent: 'save', heldOn: '2026-11-20', minutes: '50', modality: 'video', privateNotes: 'changed' })
  expect(edit.status).toBe(403)
  expect((await coach.get(fellowPage)).status).toBe(404)
  expect((await coach.post(fellowPage, { intent: 'new-session' })).status).toBe(404)

  const newCoach = await signedIn(academy.otherCoach.email)
  const page = await newCoach.get(fellowPage)
  expect(page.status).toBe(200)
  const html = await page.text()
  expect(html).toContain('SHARED: we mapped the attendance data')
  expect(html).toContain('(earlier coach)')
  expect(html).toContain('SHARED-BELIEF')
  expect(html).not.toContain('PRIVATE:')
  expect((await newCoach.get(sessionPath)).status).toBe(404)
  const audit = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.action, 'pairing.changed'), eq(auditLog.targetId, academy.fellow.id)))
  expect(audit).toHaveLength(1)
  expect(sessionId).toMatch(/^[0-9a-f-]{36}$/)
})

test('every read of a coaching record lands in the audit log', async () => {
  const { academy, coach, sessionPath, fellowPage, sessionId } = await coachedAcademy()
  const before = await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, 'coaching.read'))
  await coach.get(fellowPage)
  await coach.get(sessionPath)
  await (await signedIn(academy.fellowUser.email)).get('/coaching')
  const reads = await db
    .select({ actorId: auditLog.actorId, targetType: auditLog.targetType, targetId: auditLog.targetId })
    .from(auditLog)
    .where(eq(auditLog.action, 'coaching.read'))
  expect(reads.length - before.length).toBe(3)
  expect(reads).toEqual(
    expect.arrayContaining([
      { actorId: academy.coach.id, targetType: 'fellow', targetId: academy.fellow.id },
      { actorId: academy.coach.id, targetType: 'session', targetId: sessionId },
      { actorId: academy.fellowUser.id, targetType: 'fellow', targetId: academy.fellow.id },
    ]),
  )
})

test('beliefs move one step at a time with evidence, and edits to a logged session keep their history', async () => {
  const { academy, coach, fellowPage, sessionPath, sessionId } = await coachedAcademy()
  const [belief] = await db.select({ id: limitingBeliefs.id }).from(limitingBeliefs).where(and(eq(limitingBeliefs.fellowId, academy.fellow.id), eq(limitingBeliefs.belief, SHARED_BELIEF)))
  const jump = await coach.post(fellowPage, { intent: 'move-belief', beliefId: belief.id, to: 'shifted', evidence: 'too soon' })
  expect(jump.status).toBe(400)
  expect(await jump.text()).toContain('A belief moves one step at a time')
  const noEvidence = await coach.post(fellowPage, { intent: 'move-belief', beliefId: belief.id, to: 'exploring', evidence: '' })
  expect(noEvidence.status).toBe(400)
  expect((await coach.post(fellowPage, { intent: 'move-belief', beliefId: belief.id, to: 'exploring', evidence: 'asked what race talk she has led', sessionId })).status).toBe(200)
  const moves = await db.select({ from: beliefUpdates.fromStatus, to: beliefUpdates.toStatus, sessionId: beliefUpdates.sessionId }).from(beliefUpdates).where(eq(beliefUpdates.beliefId, belief.id)).orderBy(beliefUpdates.createdAt)
  expect(moves).toEqual([
    { from: null, to: 'surfaced', sessionId: null },
    { from: 'surfaced', to: 'exploring', sessionId },
  ])
  // The fellow sees the movement of a shared belief, without the coach's evidence.
  const fellowView = await pageText(await (await signedIn(academy.fellowUser.email)).get('/coaching'))
  expect(fellowView).toContain('Surfaced → Exploring')
  expect(fellowView).not.toContain('asked what race talk')

  expect((await coach.post(sessionPath, { intent: 'save', heldOn: '2026-11-20', minutes: '55', modality: 'video', privateNotes: PRIVATE_NOTE, sharedSummary: SHARED_SUMMARY })).status).toBe(302)
  const revisions = await db.select({ snapshot: coachingSessionRevisions.snapshot }).from(coachingSessionRevisions).where(eq(coachingSessionRevisions.sessionId, sessionId))
  expect(revisions).toHaveLength(1)
  expect(JSON.stringify(revisions[0].snapshot)).toContain('"minutes":50')
})

test('session drafts autosave, bad input gets a clear message, and the caseload shows cadence', async () => {
  const academy = await makeAcademy()
  const coach = await signedIn(academy.coach.email)
  const fellowPage = `/coaching/fellows/${academy.fellow.id}`
  const sessionPath = location(await coach.post(fellowPage, { intent: 'new-session' })) ?? ''
  const draft = await coach.post(sessionPath, { intent: 'autosave', heldOn: '2026-11-21', minutes: '40', modality: 'phone', privateNotes: 'half a thought' })
  expect(draft.status).toBe(200)
  const [row] = await db.select({ isDraft: coachingSessions.isDraft, privateNotes: coachingSessions.privateNotes }).from(coachingSessions).where(eq(coachingSessions.id, sessionPath.split('/').pop() ?? ''))
  expect(row).toEqual({ isDraft: true, privateNotes: 'half a thought' })
  const bad = await coach.post(sessionPath, { intent: 'save', heldOn: 'tomorrow-ish', minutes: '1000', modality: 'telepathy' })
  expect(bad.status).toBe(400)
  expect(await bad.text()).toContain('Give the date as a calendar date.')
  // A draft is not a session yet: the fellow does not see it, and the caseload counts none.
  expect(await pageText(await (await signedIn(academy.fellowUser.email)).get('/coaching'))).toContain('No sessions yet.')
  const caseload = await pageText(await coach.get('/caseload'))
  expect(caseload).toContain('No session in 30+ days')
  expect(caseload).toContain('0 of 1')
})

test('staff set a cohort’s coaching cadence and the caseload measures against it', async () => {
  const academy = await makeAcademy()
  const staff = await signedIn(academy.staff.email)
  const schedulePath = `/staff/cohorts/${academy.cohort.id}/schedule`
  const bad = await staff.post(schedulePath, { intent: 'cadence', perMonth: '0' })
  expect(bad.status).toBe(400)
  expect(await bad.text()).toContain('must be a whole number from 1 to 8')
  expect((await staff.post(schedulePath, { intent: 'cadence', perMonth: '2' })).status).toBe(200)
  const coach = await signedIn(academy.coach.email)
  expect(await pageText(await coach.get('/caseload'))).toContain('0 of 2')
  expect((await coach.post(schedulePath, { intent: 'cadence', perMonth: '4' })).status).toBe(403)
})
