import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { db } from '../../db/client.server'
import { pairCoach } from '../../db/factories'
import { coachAssignments, equityAuditCounts, equityAuditIndicators, fellows } from '../../db/schema'
import { auditCsvTemplate } from '../../app/domain/audit-csv'
import { makeAcademy, makeFellow, makeUser, TEST_PASSWORD } from '../support/academy'
import { serveAppForTests } from '../support/app'
import { location, pageText, signIn, type TestClient } from '../support/client'

const app = serveAppForTests()

async function signedIn(email: string) {
  const client = app.client()
  expect((await signIn(client, email, TEST_PASSWORD)).status).toBe(302)
  return client
}

async function newAudit(client: TestClient) {
  const response = await client.post('/tools/audits/new', { title: 'Equity audit 2026–27', schoolYear: '2026–27' })
  expect(response.status).toBe(302)
  const path = location(response) ?? ''
  expect(path).toMatch(/^\/tools\/audits\/[0-9a-f-]{36}$/)
  return path
}

function uploadCsv(client: TestClient, path: string, text: string) {
  const form = new FormData()
  form.set('file', new File([text], 'audit.csv', { type: 'text/csv' }))
  return client.request(path, { method: 'POST', body: form })
}

async function storedCounts(path: string) {
  return db
    .select({ indicator: equityAuditIndicators.name, group: equityAuditCounts.groupName, enrolled: equityAuditCounts.enrolled, withOutcome: equityAuditCounts.withOutcome })
    .from(equityAuditCounts)
    .innerJoin(equityAuditIndicators, eq(equityAuditIndicators.id, equityAuditCounts.indicatorId))
    .where(eq(equityAuditIndicators.artifactId, path.split('/').pop() ?? ''))
    .orderBy(equityAuditIndicators.position, equityAuditCounts.position)
}

// Maryland: 9 students is under 10, so hidden; the next smallest group (987) is then hidden too.
const MARYLAND_FILE = [
  'indicator,student_group,enrolled,with_outcome',
  'Out-of-school suspension,Black or African American,1234,211',
  'Out-of-school suspension,White,2345,123',
  'Out-of-school suspension,Hispanic or Latino,987,413',
  'Out-of-school suspension,Native Hawaiian or Other Pacific Islander,9,4',
].join('\n')

test('the filled-in template imports whole; its flagged group shows; re-importing replaces rather than doubles', async () => {
  const academy = await makeAcademy()
  const fellow = await signedIn(academy.fellowUser.email)
  const path = await newAudit(fellow)
  const response = await uploadCsv(fellow, path, auditCsvTemplate())
  expect(response.status).toBe(200)
  expect(await response.text()).toContain('Imported 10 rows: 2 new indicators, 0 replaced.')
  expect(await storedCounts(path)).toHaveLength(10)
  const page = await pageText(await fellow.get(path))
  // Black or African American: 31/210 = 14.76% against 26/490 = 5.31%: ratio 2.78, over 2.0.
  expect(page).toContain('Over the threshold of 2.0: Black or African American.')
  expect(page).toContain('2.78')
  const again = await uploadCsv(fellow, path, auditCsvTemplate())
  expect(await again.text()).toContain('0 new indicators, 2 replaced')
  expect(await storedCounts(path)).toHaveLength(10)
})

test('a file with bad rows imports nothing and names each bad row and cell', async () => {
  const academy = await makeAcademy()
  const fellow = await signedIn(academy.fellowUser.email)
  const path = await newAudit(fellow)
  expect((await uploadCsv(fellow, path, MARYLAND_FILE)).status).toBe(200)
  const before = await storedCounts(path)
  const bad = [
    'indicator,student_group,enrolled,with_outcome',
    'Out-of-school suspension,White,2000,100',
    'Chronic absence,Asian,forty,3',
    'Chronic absence,White,30,31',
    'Chronic absence,,12,1',
  ].join('\n')
  const response = await uploadCsv(fellow, path, bad)
  expect(response.status).toBe(400)
  const text = await pageText(response)
  expect(text).toContain('Nothing was imported: 3 problems to fix in the file.')
  expect(text).toContain('3 enrolled Enrolled: “forty” is not a whole number of students.')
  expect(text).toContain('4 with_outcome More students with the outcome (31) than enrolled (30).')
  expect(text).toContain('5 student_group Name the student group.')
  expect(await storedCounts(path)).toEqual(before)
  const notCsv = await uploadCsv(fellow, path, 'name,score\nJordan,3')
  expect(notCsv.status).toBe(400)
  expect(await notCsv.text()).toContain('missing: indicator, student_group, enrolled, with_outcome')
  const huge = await uploadCsv(fellow, path, 'x'.repeat(300 * 1024))
  expect(huge.status).toBe(413)
  expect(await storedCounts(path)).toEqual(before)
})

test('typed counts save whole or not at all, keeping what was typed', async () => {
  const academy = await makeAcademy()
  const fellow = await signedIn(academy.fellowUser.email)
  const path = await newAudit(fellow)
  expect((await fellow.post(path, { intent: 'add-indicator', name: 'Chronic absence' })).status).toBe(200)
  expect((await fellow.post(path, { intent: 'add-indicator', name: 'chronic absence' })).status).toBe(409)
  const [indicator] = await db.select({ id: equityAuditIndicators.id }).from(equityAuditIndicators).where(eq(equityAuditIndicators.artifactId, path.split('/').pop() ?? ''))
  const rows = { 'rows[0].group': 'Asian', 'rows[0].enrolled': '45', 'rows[0].withOutcome': '3', 'rows[1].group': 'White', 'rows[1].enrolled': '240', 'rows[1].withOutcome': '' }
  const bad = await fellow.post(path, { intent: 'save-indicator', indicatorId: indicator.id, name: 'Chronic absence', alternateRisk: '12%', ...rows })
  expect(bad.status).toBe(400)
  const badPage = await pageText(bad)
  expect(badPage).toContain('Row 2 (White), with the outcome: enter a number (0 if none).')
  expect(await storedCounts(path)).toEqual([])
  const good = await fellow.post(path, { intent: 'save-indicator', indicatorId: indicator.id, name: 'Chronic absence', alternateRisk: '12%', alternateSource: 'State, 2025–26', ...rows, 'rows[1].withOutcome': '30' })
  expect(good.status).toBe(200)
  expect(await storedCounts(path)).toEqual([
    { indicator: 'Chronic absence', group: 'Asian', enrolled: 45, withOutcome: 3 },
    { indicator: 'Chronic absence', group: 'White', enrolled: 240, withOutcome: 30 },
  ])
  const [saved] = await db.select({ risk: equityAuditIndicators.alternateRisk }).from(equityAuditIndicators).where(eq(equityAuditIndicators.id, indicator.id))
  expect(saved.risk).toBeCloseTo(0.12)
  expect((await fellow.post(path, { intent: 'save-settings', title: 'Audit', schoolYear: '2026-27', minCell: '0', minN: '30', threshold: '2' })).status).toBe(400)
  expect((await fellow.post(path, { intent: 'save-settings', title: 'Audit', schoolYear: '2026-27', minCell: '5', minN: '20', threshold: '1.5' })).status).toBe(200)
  expect(await pageText(await fellow.get(path))).toContain('threshold 1.5, minimum cell 5, n-size 20')
})

/** A number on its own, not inside a longer number or an id (a random UUID once held "413"). */
function standalone(count: string) {
  return new RegExp(`(?<![\\w-])${count}(?![\\w-])`)
}

test('the coach and staff see only the suppressed view: never a hidden count, in the page, its data or the export', async () => {
  const academy = await makeAcademy()
  const fellow = await signedIn(academy.fellowUser.email)
  const path = await newAudit(fellow)
  expect((await uploadCsv(fellow, path, MARYLAND_FILE)).status).toBe(200)
  const own = await pageText(await fellow.get(path))
  expect(own).toContain('987')
  const preview = await pageText(await fellow.get(`${path}/shared`))
  expect(preview).toContain('Preview: exactly what your coach')
  expect(preview).not.toMatch(standalone('987'))

  for (const email of [academy.coach.email, academy.staff.email, academy.admin.email]) {
    const reader = await signedIn(email)
    const page = await reader.get(path)
    expect(page.status).toBe(200)
    const text = await pageText(page)
    expect(text).toContain('Fewer than 10 students: not shown (Maryland).')
    expect(text).toContain('Hidden so another hidden group cannot be worked out from the total.')
    expect(text).toContain('2345')
    for (const hidden of ['987', '413']) expect(text).not.toMatch(standalone(hidden))
    const data = await (await reader.get(`${path}.data`)).text()
    expect(data).toContain('2345')
    for (const hidden of ['987', '413']) expect(data).not.toMatch(standalone(hidden))
    const csv = await reader.get(`${path}.csv`)
    expect(csv.headers.get('content-type')).toContain('text/csv')
    const body = await csv.text()
    expect(body).toContain('Out-of-school suspension,Hispanic or Latino,*,*,*,*,,*,,Hidden so another hidden group')
    for (const hidden of ['987', '413']) expect(body).not.toMatch(standalone(hidden))
    expect((await reader.post(path, { intent: 'add-indicator', name: 'Chronic absence' })).status).toBe(403)
  }
  // Even the author's export is the shared view: an export leaves the platform.
  expect(await (await fellow.get(`${path}.csv`)).text()).not.toMatch(standalone('987'))
})

test('New Jersey suppresses under 11; the school’s state decides', async () => {
  const { user } = await makeFellow({ state: 'NJ' })
  const fellow = await signedIn(user.email)
  const path = await newAudit(fellow)
  const file = ['indicator,student_group,enrolled,with_outcome', 'Chronic absence,Asian,10,2', 'Chronic absence,White,11,2', 'Chronic absence,Black or African American,500,90'].join('\n')
  expect((await uploadCsv(fellow, path, file)).status).toBe(200)
  const csv = await (await fellow.get(`${path}.csv`)).text()
  expect(csv).toContain('Chronic absence,Asian,*,*,*,*,,*,,Fewer than 11 students: not shown (New Jersey).')
  expect(csv).toContain('Chronic absence,White,*,*,*,*,,*,,Hidden so another hidden group')
  expect(csv).toContain('Chronic absence,Black or African American,500,90,18.0%')
})

test('nobody else reaches an audit: other fellows, unpaired and replaced coaches get 404; guessed ids reveal nothing', async () => {
  const academy = await makeAcademy()
  const fellow = await signedIn(academy.fellowUser.email)
  const path = await newAudit(fellow)
  expect((await uploadCsv(fellow, path, MARYLAND_FILE)).status).toBe(200)
  const other = await signedIn(academy.otherFellowUser.email)
  const otherCoach = await signedIn(academy.otherCoach.email)
  for (const client of [other, otherCoach]) {
    for (const suffix of ['', '/shared', '.csv', '.data']) expect((await client.get(`${path}${suffix}`)).status).toBe(404)
    expect((await uploadCsv(client, path, auditCsvTemplate())).status).toBe(404)
  }
  expect((await fellow.get('/tools/audits/00000000-0000-0000-0000-000000000000')).status).toBe(404)
  expect((await fellow.get('/tools/audits/not-an-id')).status).toBe(404)
  // An indicator id from someone else's audit does nothing.
  const otherPath = await newAudit(other)
  expect((await other.post(otherPath, { intent: 'add-indicator', name: 'Chronic absence' })).status).toBe(200)
  const [theirs] = await db.select({ id: equityAuditIndicators.id }).from(equityAuditIndicators).where(eq(equityAuditIndicators.artifactId, otherPath.split('/').pop() ?? ''))
  expect((await fellow.post(path, { intent: 'delete-indicator', indicatorId: theirs.id })).status).toBe(404)
  expect((await fellow.post(path, { intent: 'save-indicator', indicatorId: theirs.id, name: 'Mine now', 'rows[0].group': 'A', 'rows[0].enrolled': '5', 'rows[0].withOutcome': '1' })).status).toBe(404)
  expect(await db.select().from(equityAuditIndicators).where(eq(equityAuditIndicators.id, theirs.id))).toHaveLength(1)
  // A replaced coach loses access to the fellow's work.
  const newCoach = await makeUser('coach')
  await db.update(coachAssignments).set({ endsOn: '2026-10-01' }).where(eq(coachAssignments.fellowId, academy.fellow.id))
  await pairCoach({ fellowId: academy.fellow.id, coachId: newCoach.id, startsOn: '2026-10-01' })
  expect((await (await signedIn(academy.coach.email)).get(path)).status).toBe(404)
  expect((await (await signedIn(newCoach.email)).get(path)).status).toBe(200)
})

test('a fellow’s tools list shows their audits to them, their coach and staff, and to no one else', async () => {
  const academy = await makeAcademy()
  const fellow = await signedIn(academy.fellowUser.email)
  await newAudit(fellow)
  expect(await pageText(await fellow.get('/tools'))).toContain('Equity audit 2026–27')
  const coach = await signedIn(academy.coach.email)
  expect(await pageText(await coach.get(`/tools?fellow=${academy.fellow.id}`))).toContain('Equity audit 2026–27')
  expect((await (await signedIn(academy.otherCoach.email)).get(`/tools?fellow=${academy.fellow.id}`)).status).toBe(404)
  expect((await (await signedIn(academy.otherFellowUser.email)).get(`/tools?fellow=${academy.fellow.id}`)).status).toBe(200)
  expect(await pageText(await (await signedIn(academy.otherFellowUser.email)).get(`/tools?fellow=${academy.fellow.id}`))).not.toContain('Equity audit 2026–27')
  expect((await coach.get('/tools/audits/new')).status).toBe(403)
})

test('an audit attached to a submission reaches the reviewer as a link to its suppressed view', async () => {
  const academy = await makeAcademy()
  const fellow = await signedIn(academy.fellowUser.email)
  const path = await newAudit(fellow)
  expect((await uploadCsv(fellow, path, MARYLAND_FILE)).status).toBe(200)
  const started = await fellow.post('/submissions', { moduleSlug: 'launching-the-academy' })
  const submission = location(started) ?? ''
  expect(submission).toMatch(/^\/submissions\//)
  const auditId = path.split('/').pop() ?? ''
  expect((await fellow.request(submission, { method: 'POST', body: new URLSearchParams([['intent', 'attach-artifacts'], ['artifactIds', auditId]]), headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(200)
  expect((await fellow.post(submission, { intent: 'submit', body: 'My audit is attached.' })).status).toBe(200)
  const coach = await signedIn(academy.coach.email)
  const review = await coach.get(submission)
  expect(review.status).toBe(200)
  const html = await review.text()
  expect(html).toContain(`href="${path}"`)
  expect(html).toContain('Equity audit 2026–27')
  const opened = await pageText(await coach.get(path))
  expect(opened).toContain('You see this audit as everyone but its author does')
  expect(opened).not.toMatch(standalone('987'))
})

test('year-one audit findings are in view when year-two work starts: on the tools page and the new fishbone and PDSA pages', async () => {
  const { user, fellow } = await makeFellow({ programYear: 1 })
  const client = await signedIn(user.email)
  const path = await newAudit(client)
  expect((await uploadCsv(client, path, auditCsvTemplate())).status).toBe(200)
  // A year later the same fellow is in year two.
  await db.update(fellows).set({ programYear: 2 }).where(eq(fellows.id, fellow.id))
  for (const page of ['/tools', '/tools/fishbones/new', '/tools/pdsa/new']) {
    const text = await pageText(await client.get(page))
    expect(text).toContain('Out-of-school suspension: Black or African American, risk ratio 2.78')
  }
})
