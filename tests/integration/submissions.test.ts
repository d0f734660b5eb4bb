import { and, eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { db } from '../../db/client.server'
import { pairCoach } from '../../db/factories'
import { coachAssignments, moduleSchedule, notifications, submissionEvents, submissionFiles, submissions } from '../../db/schema'
import { ensureDefaultSchedules } from '../../app/utils/schedules.server'
import { makeAcademy, makeFellow, makeUser, TEST_PASSWORD } from '../support/academy'
import { serveAppForTests } from '../support/app'
import { location, pageText, signIn, TestClient } from '../support/client'

const app = serveAppForTests()
const SLUG = 'launching-the-academy'

async function signedIn(email: string) {
  const client = app.client()
  expect((await signIn(client, email, TEST_PASSWORD)).status).toBe(302)
  return client
}

async function startSubmission(client: TestClient, slug = SLUG) {
  const response = await client.post('/submissions', { moduleSlug: slug })
  expect(response.status).toBe(302)
  const path = location(response) ?? ''
  expect(path).toMatch(/^\/submissions\/[0-9a-f-]{36}$/)
  return path
}

async function statusOf(path: string) {
  const [row] = await db.select({ status: submissions.status, submittedAt: submissions.submittedAt }).from(submissions).where(eq(submissions.id, path.split('/').pop() ?? ''))
  return row
}

function upload(client: TestClient, path: string, name: string, bytes: Uint8Array<ArrayBuffer>, type = 'application/octet-stream') {
  const form = new FormData()
  form.set('file', new File([bytes], name, { type }))
  return client.request(path, { method: 'POST', body: form })
}

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n')

test('submit, return with feedback, resubmit, accept: every step recorded with who and when', async () => {
  const academy = await makeAcademy()
  const fellow = await signedIn(academy.fellowUser.email)
  const path = await startSubmission(fellow)
  expect(await startSubmission(fellow)).toBe(path)

  expect((await fellow.post(path, { intent: 'save-draft', body: '## My why\n\nI lead for **justice**.' })).status).toBe(200)
  expect((await fellow.post(path, { intent: 'submit', body: '## My why\n\nI lead for **justice**.' })).status).toBe(200)
  expect((await statusOf(path)).status).toBe('submitted')

  const coach = await signedIn(academy.coach.email)
  expect(await pageText(await coach.get('/caseload'))).toContain('Waiting for your review (1)')
  const noFeedback = await coach.post(path, { intent: 'review', decision: 'return', feedback: '  ' })
  expect(noFeedback.status).toBe(409)
  expect(await noFeedback.text()).toContain('Write feedback before returning work')
  expect((await coach.post(path, { intent: 'review', decision: 'return', feedback: 'Say more about *whose* justice.' })).status).toBe(200)
  expect((await statusOf(path)).status).toBe('returned')

  const returnedPage = await pageText(await fellow.get(path))
  expect(returnedPage).toContain('Latest feedback')
  expect(returnedPage).toContain('Say more about whose justice.')
  expect((await fellow.post(path, { intent: 'submit', body: '## My why\n\nJustice for the students furthest from opportunity.' })).status).toBe(200)
  expect((await statusOf(path)).status).toBe('resubmitted')

  // The fellow cannot change work that is with a reviewer.
  expect((await fellow.post(path, { intent: 'save-draft', body: 'sneaky edit' })).status).toBe(409)

  const staff = await signedIn(academy.staff.email)
  expect((await staff.post(path, { intent: 'review', decision: 'accept', feedback: '' })).status).toBe(200)
  expect((await statusOf(path)).status).toBe('accepted')
  const again = await staff.post(path, { intent: 'review', decision: 'accept', feedback: '' })
  expect(again.status).toBe(409)
  expect(await again.text()).toContain('This has been accepted; it can no longer change.')

  const events = await db
    .select({ from: submissionEvents.fromStatus, to: submissionEvents.toStatus, actorId: submissionEvents.actorId, createdAt: submissionEvents.createdAt })
    .from(submissionEvents)
    .where(eq(submissionEvents.submissionId, path.split('/').pop() ?? ''))
    .orderBy(submissionEvents.createdAt)
  expect(events.map((e) => [e.from, e.to, e.actorId])).toEqual([
    [null, 'draft', academy.fellowUser.id],
    ['draft', 'submitted', academy.fellowUser.id],
    ['submitted', 'returned', academy.coach.id],
    ['returned', 'resubmitted', academy.fellowUser.id],
    ['resubmitted', 'accepted', academy.staff.id],
  ])
  expect(events.every((e) => e.createdAt instanceof Date)).toBe(true)

  const notices = await db.select({ userId: notifications.userId, kind: notifications.kind }).from(notifications)
  expect(notices).toEqual(
    expect.arrayContaining([
      { userId: academy.coach.id, kind: 'review-waiting' },
      { userId: academy.fellowUser.id, kind: 'submission-returned' },
      { userId: academy.fellowUser.id, kind: 'submission-accepted' },
    ]),
  )
  const body = await (await fellow.get(path)).text()
  expect(body).toContain('<h2>My why</h2>')
})

test('written work is shown sanitised: no scripts, handlers or javascript: links reach a reviewer', async () => {
  const academy = await makeAcademy()
  const fellow = await signedIn(academy.fellowUser.email)
  const path = await startSubmission(fellow)
  const hostile = 'Hello <img src=x onerror="alert(1)"> <script>alert(2)</script> [click](javascript:alert(3)) **bold**'
  await fellow.post(path, { intent: 'submit', body: hostile })
  const html = await (await (await signedIn(academy.coach.email)).get(path)).text()
  const work = html.slice(html.indexOf('id="work-heading"'), html.indexOf('id="attachments-heading"'))
  expect(work).toContain('<strong>bold</strong>')
  expect(work).not.toContain('onerror')
  expect(work).not.toContain('<script')
  expect(work).not.toContain('javascript:')
})

test('a coach cannot review, or even see, work outside their caseload', async () => {
  const academy = await makeAcademy()
  const fellow = await signedIn(academy.fellowUser.email)
  const path = await startSubmission(fellow)
  await fellow.post(path, { intent: 'submit', body: 'Ready for review.' })
  const otherCoach = await signedIn(academy.otherCoach.email)
  expect((await otherCoach.get(path)).status).toBe(404)
  expect((await otherCoach.post(path, { intent: 'review', decision: 'accept', feedback: '' })).status).toBe(404)
  expect(await pageText(await otherCoach.get('/review'))).toContain('Nothing is waiting for review.')
  expect((await statusOf(path)).status).toBe('submitted')
})

test('a coach replaced on a pairing loses access to the fellow’s work', async () => {
  const academy = await makeAcademy()
  const fellow = await signedIn(academy.fellowUser.email)
  const path = await startSubmission(fellow)
  const coach = await signedIn(academy.coach.email)
  expect((await coach.get(path)).status).toBe(200)
  await db.update(coachAssignments).set({ endsOn: '2026-11-01' }).where(eq(coachAssignments.fellowId, academy.fellow.id))
  await pairCoach({ fellowId: academy.fellow.id, coachId: academy.otherCoach.id, startsOn: '2026-11-01' })
  expect((await coach.get(path)).status).toBe(404)
  expect((await (await signedIn(academy.otherCoach.email)).get(path)).status).toBe(200)
})

test('a fellow cannot see another fellow’s submission or attachment, even by guessing the address', async () => {
  const academy = await makeAcademy()
  const owner = await signedIn(academy.fellowUser.email)
  const path = await startSubmission(owner)
  expect((await upload(owner, path, 'plan.pdf', PDF, 'application/pdf')).status).toBe(200)
  const [file] = await db.select({ id: submissionFiles.id }).from(submissionFiles).where(eq(submissionFiles.submissionId, path.split('/').pop() ?? ''))
  const fileUrl = `${path}/files/${file.id}`
  const download = await owner.get(fileUrl)
  expect(download.status).toBe(200)
  expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''plan\.pdf$/)
  expect(download.headers.get('content-type')).toBe('application/pdf')
  expect(new Uint8Array(await download.arrayBuffer())).toEqual(PDF)

  const other = await signedIn(academy.otherFellowUser.email)
  expect((await other.get(path)).status).toBe(404)
  expect((await other.get(fileUrl)).status).toBe(404)
  expect((await other.post(path, { intent: 'save-draft', body: 'hijack' })).status).toBe(404)
  expect((await other.get(`/submissions/00000000-0000-0000-0000-000000000000`)).status).toBe(404)
  expect((await other.get('/submissions/not-an-id')).status).toBe(404)
  // The right file under another submission's address is refused too.
  const otherPath = await startSubmission(other)
  expect((await other.get(`${otherPath}/files/${file.id}`)).status).toBe(404)
  expect(location(await app.client().get(fileUrl))).toMatch(/^\/login/)
})

test('an oversize or wrong-type upload gets a clear error and the draft is kept', async () => {
  const { user } = await makeFellow()
  const fellow = await signedIn(user.email)
  const path = await startSubmission(fellow)
  await fellow.post(path, { intent: 'save-draft', body: 'My careful draft.' })

  const big = new Uint8Array(10 * 1024 * 1024 + 1)
  big.set(PDF)
  const oversize = await upload(fellow, path, 'huge.pdf', big, 'application/pdf')
  expect(oversize.status).toBe(413)
  expect(await oversize.text()).toContain('That file is larger than 10 MB')

  const disguised = await upload(fellow, path, 'notes.pdf', new TextEncoder().encode('<script>alert(1)</script>'), 'application/pdf')
  expect(disguised.status).toBe(415)
  expect(await disguised.text()).toContain('is not a PDF, Word document (DOCX) or image')

  expect((await upload(fellow, path, '', new Uint8Array(0))).status).toBe(400)
  const id = path.split('/').pop() ?? ''
  expect(await db.select({ id: submissionFiles.id }).from(submissionFiles).where(eq(submissionFiles.submissionId, id))).toEqual([])
  const [row] = await db.select({ body: submissions.body, status: submissions.status }).from(submissions).where(eq(submissions.id, path.split('/').pop() ?? ''))
  expect(row).toEqual({ body: 'My careful draft.', status: 'draft' })
})

test('illegal moves are refused with a reason and change nothing', async () => {
  const academy = await makeAcademy()
  const fellow = await signedIn(academy.fellowUser.email)
  const path = await startSubmission(fellow)
  const coach = await signedIn(academy.coach.email)
  const early = await coach.post(path, { intent: 'review', decision: 'accept', feedback: '' })
  expect(early.status).toBe(409)
  expect(await early.text()).toContain('This is still a draft')
  const empty = await fellow.post(path, { intent: 'submit', body: '   ' })
  expect(empty.status).toBe(409)
  expect(await empty.text()).toContain('your submission is empty')
  expect((await fellow.post(path, { intent: 'review', decision: 'accept', feedback: '' })).status).toBe(403)
  expect((await fellow.post(path, { intent: 'launch-rockets' })).status).toBe(400)
  expect((await statusOf(path)).status).toBe('draft')
})

test('late work is accepted and marked late; a module not yet open can be read but not submitted', async () => {
  const academy = await makeAcademy()
  await ensureDefaultSchedules()
  await db.update(moduleSchedule).set({ opensOn: '2026-09-01', dueOn: '2026-09-25' }).where(and(eq(moduleSchedule.cohortId, academy.cohort.id), eq(moduleSchedule.moduleSlug, SLUG)))
  await db.update(moduleSchedule).set({ opensOn: '2099-01-04', dueOn: '2099-01-30' }).where(and(eq(moduleSchedule.cohortId, academy.cohort.id), eq(moduleSchedule.moduleSlug, 'planning-the-equity-audit')))
  const fellow = await signedIn(academy.fellowUser.email)
  expect(await pageText(await fellow.get('/home'))).toContain('Overdue')
  const path = await startSubmission(fellow)
  expect((await fellow.post(path, { intent: 'submit', body: 'Better late than never.' })).status).toBe(200)
  expect(await pageText(await fellow.get(path))).toContain('Late: first submitted after the due date')

  expect(await pageText(await fellow.get('/learn'))).toContain('Upcoming: opens 2099-01-04. You can preview it now.')
  const page = await pageText(await fellow.get('/learn/planning-the-equity-audit'))
  expect(page).toContain('You can read this module now and submit once it opens.')
  const refused = await fellow.post('/submissions', { moduleSlug: 'planning-the-equity-audit' })
  expect(refused.status).toBe(400)
  expect(await pageText(refused)).toContain('This module opens on 2099-01-04')
})

test('staff edit a cohort’s schedule; bad dates are refused with the module named', async () => {
  const academy = await makeAcademy()
  const staff = await signedIn(academy.staff.email)
  const schedulePath = `/staff/cohorts/${academy.cohort.id}/schedule`
  expect((await staff.post(schedulePath, { intent: 'fill-default' })).status).toBe(200)
  const rows = await db.select({ slug: moduleSchedule.moduleSlug, opensOn: moduleSchedule.opensOn, dueOn: moduleSchedule.dueOn }).from(moduleSchedule).where(eq(moduleSchedule.cohortId, academy.cohort.id))
  expect(rows).toHaveLength(20)
  expect(rows.find((r) => r.slug === SLUG)).toEqual({ slug: SLUG, opensOn: '2026-09-01', dueOn: '2026-09-25' })

  const bad = await staff.post(schedulePath, { intent: 'save', [`opens:${SLUG}`]: '2026-09-30', [`due:${SLUG}`]: '2026-09-01' })
  expect(bad.status).toBe(400)
  expect(await pageText(bad)).toContain('Launching the academy: the due date comes before the module opens.')
  const nonsense = await staff.post(schedulePath, { intent: 'save', [`opens:${SLUG}`]: '2026-02-30', [`due:${SLUG}`]: 'soon' })
  expect(nonsense.status).toBe(400)
  expect((await staff.post(schedulePath, { intent: 'save', [`opens:${SLUG}`]: '2026-09-08', [`due:${SLUG}`]: '2026-10-02' })).status).toBe(200)
  const [saved] = await db
    .select({ opensOn: moduleSchedule.opensOn, dueOn: moduleSchedule.dueOn })
    .from(moduleSchedule)
    .where(and(eq(moduleSchedule.cohortId, academy.cohort.id), eq(moduleSchedule.moduleSlug, SLUG)))
  expect(saved).toEqual({ opensOn: '2026-09-08', dueOn: '2026-10-02' })

  const fellow = await signedIn(academy.fellowUser.email)
  expect((await fellow.get(schedulePath)).status).toBe(403)
  const coach = await signedIn(academy.coach.email)
  expect((await coach.post(schedulePath, { intent: 'fill-default' })).status).toBe(403)
})

test('a year-two fellow sees only their own track’s instructions on their submission', async () => {
  const { user } = await makeFellow({ programYear: 2, position: 'assistant_principal' })
  const fellow = await signedIn(user.email)
  const path = await startSubmission(fellow, 'capstone')
  const text = await pageText(await fellow.get(path))
  expect(text).toContain('For assistant principals')
  expect(text).not.toContain('For principals')
  const staff = await makeUser('staff')
  expect((await (await signedIn(staff.email)).get(path)).status).toBe(200)
})
