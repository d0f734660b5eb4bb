import { randomBytes } from 'node:crypto'
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { db } from '../../db/client.server'
import { createCohort, createFellow, createLea, createSchool, pairCoach } from '../../db/factories'
import {
  auditLog,
  authTokens,
  coachAssignments,
  cohorts,
  fellows,
  leas,
  moduleProgress,
  modules,
  outbox,
  promptResponses,
  schools,
  users,
} from '../../db/schema'
import { schoolYearStart } from '../../app/domain/roster'
import { academyDate } from '../../app/domain/schedule'
import { importRoster, previewRoster, SCRIPT_ACTOR } from '../../app/utils/roster.server'
import { makeUser, TEST_PASSWORD } from '../support/academy'
import { serveAppForTests } from '../support/app'
import { location, pageText, signIn, type TestClient } from '../support/client'

const app = serveAppForTests()

const HEADER = 'name,email,state,lea,school,position,cohort,coach_email'

function tag() {
  return randomBytes(3).toString('hex')
}

function today() {
  return academyDate(new Date())
}

async function signedIn(email: string) {
  const client = app.client()
  expect((await signIn(client, email, TEST_PASSWORD)).status).toBe(302)
  return client
}

function upload(client: TestClient, text: string, fileName = 'roster.csv') {
  const form = new FormData()
  form.set('file', new File([text], fileName, { type: 'text/csv' }))
  return client.request('/staff/roster', { method: 'POST', body: form })
}

function digestIn(html: string) {
  return /name="digest" value="([0-9a-f]{64})"/.exec(html)?.[1] ?? null
}

/** A staff member, two coaches, a cohort in its first year and one in its second, and a district with two schools. */
async function rosterAcademy() {
  const t = tag()
  const year = schoolYearStart(today())
  const firstYear = await createCohort({ name: `Cohort ${year}–${year + 2} ${t}`, startYear: year })
  const secondYear = await createCohort({ name: `Cohort ${year - 1}–${year + 1} ${t}`, startYear: year - 1 })
  const lea = await createLea({ name: `Severn Shore ${t}`, state: 'MD' })
  const bayview = await createSchool({ leaId: lea.id, name: `Bayview Elementary ${t}` })
  const marsh = await createSchool({ leaId: lea.id, name: `Marsh Creek Middle ${t}` })
  const staff = await makeUser('staff')
  const coach = await makeUser('coach')
  const otherCoach = await makeUser('coach')
  return { t, firstYear, secondYear, lea, bayview, marsh, staff, coach, otherCoach }
}

/** Every row of the tables an import may write, in a stable order: to compare the database before and after. */
async function everyRow() {
  return {
    users: await db.select().from(users).orderBy(asc(users.id)),
    fellows: await db.select().from(fellows).orderBy(asc(fellows.id)),
    cohorts: await db.select().from(cohorts).orderBy(asc(cohorts.id)),
    leas: await db.select().from(leas).orderBy(asc(leas.id)),
    schools: await db.select().from(schools).orderBy(asc(schools.id)),
    coachAssignments: await db.select().from(coachAssignments).orderBy(asc(coachAssignments.id)),
    authTokens: await db.select().from(authTokens).orderBy(asc(authTokens.id)),
    outbox: await db.select().from(outbox).orderBy(asc(outbox.id)),
    auditLog: await db.select().from(auditLog).orderBy(asc(auditLog.id)),
    moduleProgress: await db.select().from(moduleProgress).orderBy(asc(moduleProgress.fellowId), asc(moduleProgress.moduleSlug)),
    promptResponses: await db.select().from(promptResponses).orderBy(asc(promptResponses.fellowId), asc(promptResponses.promptId)),
  }
}

async function fellowsByEmail(emails: string[]) {
  return db
    .select({ email: users.email, name: users.name, role: users.role, status: users.status, fellowId: fellows.id, cohortId: fellows.cohortId, schoolId: fellows.schoolId, position: fellows.position, programYear: fellows.programYear })
    .from(users)
    .innerJoin(fellows, eq(fellows.userId, users.id))
    .where(inArray(users.email, emails))
    .orderBy(asc(users.email))
}

async function pairingsOf(fellowId: string) {
  return db
    .select({ coachId: coachAssignments.coachId, startsOn: coachAssignments.startsOn, endsOn: coachAssignments.endsOn, createdById: coachAssignments.createdById })
    .from(coachAssignments)
    .where(eq(coachAssignments.fellowId, fellowId))
    .orderBy(asc(coachAssignments.startsOn), asc(coachAssignments.createdAt))
}

async function mailTo(emails: string[]) {
  return db.select({ to: outbox.toAddress, subject: outbox.subject, body: outbox.body }).from(outbox).where(inArray(outbox.toAddress, emails)).orderBy(asc(outbox.toAddress))
}

test('staff preview a roster, apply it (accounts, fellows, places, pairings, invitations, audit), and applying it again changes nothing', async () => {
  const a = await rosterAcademy()
  const emails = [`amara.${a.t}@district.example`, `luis.${a.t}@district.example`, `keisha.${a.t}@district.example`]
  const newLea = `Pine Barrens Regional ${a.t}`
  const file = [
    HEADER,
    `Amara Okafor,${emails[0].toUpperCase()},MD,${a.lea.name},${a.bayview.name},principal,${a.firstYear.name},${a.coach.email}`,
    `Luis Delgado,${emails[1]},New Jersey,${newLea},Wharton Elementary,assistant_principal,${a.firstYear.name},`,
    `"Brooks, Keisha",${emails[2]},nj,${newLea.toUpperCase()},wharton elementary,AP,${a.secondYear.name},${a.otherCoach.email}`,
  ].join('\r\n')
  const staff = await signedIn(a.staff.email)
  const before = await everyRow()

  const previewed = await upload(staff, file)
  expect(previewed.status).toBe(200)
  const html = await previewed.text()
  const text = await pageText(new Response(html))
  expect(text).toContain('Preview of roster.csv')
  expect(text).toContain('Nothing has changed yet. Check the plan below, then apply it.')
  expect(text).toContain('To add 3 (3 invitations) To update 0 Unchanged 0 New LEAs 1 New schools 1 Problems 0')
  expect(text).toContain(`2 Amara Okafor ${emails[0]} ${a.bayview.name} Severn Shore ${a.t}, MD Principal ${a.firstYear.name}, year 1`)
  expect(text).toContain(`4 Brooks, Keisha ${emails[2]} Wharton Elementary (new) ${newLea}, NJ Assistant principal ${a.secondYear.name}, year 2 ${a.otherCoach.name} (${a.otherCoach.email})`)
  expect(text).toContain(`LEA: ${newLea} (NJ)`)
  expect(text).toContain(`School: Wharton Elementary (${newLea}, NJ)`)
  expect(await everyRow()).toEqual(before)
  const digest = digestIn(html)
  expect(digest).not.toBeNull()

  const applied = await staff.post('/staff/roster', { intent: 'apply', csv: file, digest: digest ?? '' })
  expect(applied.status).toBe(200)
  const appliedText = await pageText(applied)
  expect(appliedText).toContain('Applied: 3 fellows added (3 invitations sent), 0 updated, 0 unchanged; 1 new LEA, 1 new school.')

  const created = await fellowsByEmail(emails)
  expect(created.map((f) => [f.email, f.name, f.role, f.status, f.cohortId, f.position, f.programYear])).toEqual([
    [emails[0], 'Amara Okafor', 'fellow', 'invited', a.firstYear.id, 'principal', 1],
    [emails[2], 'Brooks, Keisha', 'fellow', 'invited', a.secondYear.id, 'assistant_principal', 2],
    [emails[1], 'Luis Delgado', 'fellow', 'invited', a.firstYear.id, 'assistant_principal', 1],
  ])
  expect(created[0].schoolId).toBe(a.bayview.id)
  const [pine] = await db.select({ id: leas.id, name: leas.name, state: leas.state }).from(leas).where(eq(leas.name, newLea))
  expect(pine).toMatchObject({ name: newLea, state: 'NJ' })
  const wharton = await db.select({ id: schools.id, name: schools.name }).from(schools).where(eq(schools.leaId, pine.id))
  expect(wharton).toEqual([{ id: created[1].schoolId, name: 'Wharton Elementary' }])
  expect(created[2].schoolId).toBe(wharton[0].id)
  expect(await pairingsOf(created[0].fellowId)).toEqual([{ coachId: a.coach.id, startsOn: today(), endsOn: null, createdById: a.staff.id }])
  expect(await pairingsOf(created[1].fellowId)).toEqual([{ coachId: a.otherCoach.id, startsOn: today(), endsOn: null, createdById: a.staff.id }])
  expect(await pairingsOf(created[2].fellowId)).toEqual([])

  const mail = await mailTo(emails)
  expect(mail.map((m) => [m.to, m.subject])).toEqual(emails.slice().sort().map((e) => [e, 'You are invited to the SILA Academy']))
  expect(mail[0].body).toContain(`${a.staff.name} has invited you`)
  expect(mail[0].body).toMatch(/http:\/\/localhost:3999\/invitations\/[a-z0-9]+/)
  const tokens = await db.select({ kind: authTokens.kind, createdById: authTokens.createdById }).from(authTokens).innerJoin(users, eq(users.id, authTokens.userId)).where(inArray(users.email, emails))
  expect(tokens).toEqual([0, 1, 2].map(() => ({ kind: 'invitation', createdById: a.staff.id })))

  const audit = await db
    .select({ action: auditLog.action, n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(eq(auditLog.actorId, a.staff.id))
    .groupBy(auditLog.action)
    .orderBy(asc(auditLog.action))
  expect(audit).toEqual([
    { action: 'pairing.changed', n: 2 },
    { action: 'roster.fellow_created', n: 3 },
    { action: 'roster.imported', n: 1 },
    { action: 'second_factor.verified', n: 1 },
    { action: 'sign_in.succeeded', n: 1 },
    { action: 'user.invited', n: 3 },
  ])

  // The same file again: all unchanged, nothing to apply, and not one row anywhere is different.
  const settled = await everyRow()
  const again = await upload(staff, file)
  expect(again.status).toBe(200)
  const againHtml = await again.text()
  expect(await pageText(new Response(againHtml))).toContain('To add 0 To update 0 Unchanged 3 New LEAs 0 New schools 0 Problems 0')
  expect(againHtml).not.toContain('Apply this import')
  const reapplied = await staff.post('/staff/roster', { intent: 'apply', csv: file, digest: digestIn(againHtml) ?? (await previewRoster(file)).digest })
  expect(reapplied.status).toBe(200)
  expect(await pageText(reapplied)).toContain('Nothing to change: all 3 fellows in the file are on the roster as it says.')
  expect(await everyRow()).toEqual(settled)
})

test('an update file moves a fellow to another school and coach, naming each change, and leaves progress and answers as they were', async () => {
  const a = await rosterAcademy()
  const fellowUser = await makeUser('fellow')
  const fellow = await createFellow({ userId: fellowUser.id, cohortId: a.secondYear.id, schoolId: a.bayview.id, position: 'principal', programYear: 2 })
  await pairCoach({ fellowId: fellow.id, coachId: a.coach.id, startsOn: '2025-09-02' })
  const [module] = await db.select({ slug: modules.slug }).from(modules).limit(1)
  await db.insert(moduleProgress).values({ fellowId: fellow.id, moduleSlug: module.slug, sectionsDone: ['introduction', 'the-lens'], completedAt: new Date('2026-10-01T14:00:00Z') })
  await db.insert(promptResponses).values({ fellowId: fellow.id, moduleSlug: module.slug, promptId: 'who-is-served', body: 'The students we suspend most are the ones we know least.' })
  const progressBefore = await db.select().from(moduleProgress).where(eq(moduleProgress.fellowId, fellow.id))
  const answersBefore = await db.select().from(promptResponses).where(eq(promptResponses.fellowId, fellow.id))

  const file = [HEADER, `${fellowUser.name},${fellowUser.email},MD,${a.lea.name},${a.marsh.name},principal,${a.secondYear.name},${a.otherCoach.email}`].join('\n')
  const staff = await signedIn(a.staff.email)
  const previewed = await upload(staff, file)
  expect(previewed.status).toBe(200)
  const html = await previewed.text()
  const text = await pageText(new Response(html))
  expect(text).toContain('To add 0 To update 1 Unchanged 0')
  expect(text).toContain(`school: ${a.bayview.name} → ${a.marsh.name}`)
  expect(text).toContain(`coach: ${a.coach.name} (${a.coach.email}) → ${a.otherCoach.name} (${a.otherCoach.email})`)
  expect(text).not.toContain(`cohort: ${a.secondYear.name} →`)
  expect(text).not.toContain('position: Principal →')
  expect(text).not.toContain(`name: ${fellowUser.name} →`)

  const applied = await staff.post('/staff/roster', { intent: 'apply', csv: file, digest: digestIn(html) ?? '' })
  expect(applied.status).toBe(200)
  expect(await pageText(applied)).toContain('Applied: 0 fellows added (0 invitations sent), 1 updated, 0 unchanged')
  const [moved] = await fellowsByEmail([fellowUser.email])
  expect(moved).toMatchObject({ fellowId: fellow.id, schoolId: a.marsh.id, cohortId: a.secondYear.id, programYear: 2, position: 'principal', status: 'active' })
  expect(await pairingsOf(fellow.id)).toEqual([
    { coachId: a.coach.id, startsOn: '2025-09-02', endsOn: today(), createdById: null },
    { coachId: a.otherCoach.id, startsOn: today(), endsOn: null, createdById: a.staff.id },
  ])
  expect(await db.select().from(moduleProgress).where(eq(moduleProgress.fellowId, fellow.id))).toEqual(progressBefore)
  expect(await db.select().from(promptResponses).where(eq(promptResponses.fellowId, fellow.id))).toEqual(answersBefore)
  expect(await mailTo([fellowUser.email])).toEqual([])
  const audit = await db
    .select({ action: auditLog.action, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.targetId, fellow.id), eq(auditLog.actorId, a.staff.id)))
    .orderBy(asc(auditLog.id))
  expect(audit).toEqual([
    { action: 'pairing.changed', details: { from: a.coach.id, to: a.otherCoach.id, source: 'roster import' } },
    {
      action: 'roster.fellow_updated',
      details: { email: fellowUser.email, line: 2, changes: [`school: ${a.bayview.name} → ${a.marsh.name}`, `coach: ${a.coach.name} (${a.coach.email}) → ${a.otherCoach.name} (${a.otherCoach.email})`] },
    },
  ])

  // A blank coach cell leaves the new pairing as it is.
  const blankCoach = file.replace(`,${a.otherCoach.email}`, ',')
  expect((await previewRoster(blankCoach)).view.counts).toMatchObject({ creates: 0, updates: 0, unchanged: 1 })
})

test('a bad file applies nothing and names every problem with its line and column', async () => {
  const a = await rosterAcademy()
  const oldCohort = await createCohort({ name: `Cohort long ago ${a.t}`, startYear: schoolYearStart(today()) - 3 })
  const existing = await makeUser('fellow')
  const file = [
    HEADER,
    `Valid Person,valid.${a.t}@district.example,MD,Brand New District ${a.t},Brand New School,principal,${a.firstYear.name},${a.coach.email}`,
    `Bad State,state.${a.t}@district.example,Virginia,${a.lea.name},${a.bayview.name},principal,${a.firstYear.name},`,
    `Unknown Cohort,cohort.${a.t}@district.example,MD,${a.lea.name},${a.bayview.name},principal,Cohort 1999 ${a.t},`,
    `Again,VALID.${a.t}@district.example,MD,${a.lea.name},${a.bayview.name},principal,${a.firstYear.name},`,
    `A Coach,${a.coach.email},MD,${a.lea.name},${a.bayview.name},principal,${a.firstYear.name},`,
    `Staff Coach,staffcoach.${a.t}@district.example,MD,${a.lea.name},${a.bayview.name},teacher,${a.firstYear.name},${a.staff.email}`,
    `Old Cohort,old.${a.t}@district.example,NJ,${a.lea.name},${a.bayview.name},AP,${oldCohort.name},`,
    `${existing.name},${existing.email},MD,${a.lea.name},${a.bayview.name},principal,${a.firstYear.name},nobody.${a.t}@academy.example`,
  ].join('\n')
  const staff = await signedIn(a.staff.email)
  const before = await everyRow()
  const response = await upload(staff, file)
  expect(response.status).toBe(400)
  const html = await response.text()
  const text = await pageText(new Response(html))
  expect(text).toContain('Nothing can be applied: 8 problems to fix in the file.')
  expect(html).not.toContain('Apply this import')
  const rows = [
    `3 state “Virginia” is not a state of the academy: write MD (Maryland) or NJ (New Jersey).`,
    `4 cohort No cohort is called “Cohort 1999 ${a.t}”. The cohorts are `,
    `5 email valid.${a.t}@district.example is already on line 2; list each fellow once.`,
    `6 email ${a.coach.email} is the account of a coach; only fellows go on the roster.`,
    `7 position “teacher” is not a position of the academy: write principal or assistant principal.`,
    `7 coach_email ${a.staff.email} is not a coach’s account.`,
    `8 cohort “${oldCohort.name}” is not running this school year`,
    `9 coach_email No account has the email nobody.${a.t}@academy.example. Invite the coach first, or leave the cell blank.`,
  ]
  for (const row of rows) expect(text).toContain(row)
  // The unknown cohort's problem lists the cohorts that exist.
  expect(text).toContain(`“${a.firstYear.name}”`)
  expect(text).toContain(`“${a.secondYear.name}”`)

  // Applying it anyway (a forged digest, or the CLI) still applies nothing.
  const forced = await staff.post('/staff/roster', { intent: 'apply', csv: file, digest: '0'.repeat(64) })
  expect(forced.status).toBe(400)
  expect(await pageText(forced)).toContain('Nothing was applied: 8 problems to fix in the file.')
  const cli = await importRoster(file, SCRIPT_ACTOR)
  expect(cli.status).toBe('invalid')
  expect(cli.preview.view.problems).toHaveLength(8)
  expect(await everyRow()).toEqual(before)

  // Files that are not rosters, and too-large files, get a 4xx and a reason; never a 500.
  const notRoster = await upload(staff, 'indicator,student_group,enrolled,with_outcome\nA,B,1,1')
  expect(notRoster.status).toBe(400)
  expect(await pageText(notRoster)).toContain('1 the whole row The first row must name the columns name, email, state, lea, school, position, cohort, coach_email; missing:')
  const binary = await upload(staff, 'PK\u0003\u0004\u0000\u0000')
  expect(binary.status).toBe(400)
  expect(await pageText(binary)).toContain('This is not a text file.')
  const huge = await upload(staff, `${HEADER}\n${'x'.repeat(300 * 1024)}`)
  expect(huge.status).toBe(413)
  expect(await pageText(huge)).toContain('That file is larger than 256 KB.')
  const empty = await upload(staff, '')
  expect(empty.status).toBe(400)
  expect(await pageText(empty)).toContain('Choose a CSV file to upload.')
  const noDigest = await staff.post('/staff/roster', { intent: 'apply', csv: file })
  expect(noDigest.status).toBe(400)
  expect(await pageText(noDigest)).toContain('Preview the file before applying it.')
  const nonsense = await staff.post('/staff/roster', { intent: 'delete-everything' })
  expect(nonsense.status).toBe(400)
  const plainText = await staff.request('/staff/roster', { method: 'POST', body: file, headers: { 'content-type': 'text/plain' } })
  expect(plainText.status).toBe(415) // refused before the route, as every non-form post is
  const brokenMultipart = await staff.request('/staff/roster', { method: 'POST', body: 'not multipart at all', headers: { 'content-type': 'multipart/form-data; boundary=nope' } })
  expect(brokenMultipart.status).toBe(400)
  expect(await everyRow()).toEqual(before)
})

test('an apply whose preview is out of date is refused with a 409 and the new plan; applied from that, it goes through', async () => {
  const a = await rosterAcademy()
  const email = `nadia.${a.t}@district.example`
  const file = [HEADER, `Nadia Haddad,${email},MD,Tidewater ${a.t},Heron Point Elementary,principal,${a.firstYear.name},${a.coach.email}`].join('\n')
  const staff = await signedIn(a.staff.email)
  const previewed = await upload(staff, file)
  const oldDigest = digestIn(await previewed.text()) ?? ''
  // Meanwhile someone else adds the district the file would have created.
  await createLea({ name: `Tidewater ${a.t}`, state: 'MD' })
  const stale = await staff.post('/staff/roster', { intent: 'apply', csv: file, digest: oldDigest, fileName: 'tidewater.csv' })
  expect(stale.status).toBe(409)
  const staleHtml = await stale.text()
  const staleText = await pageText(new Response(staleHtml))
  expect(staleText).toContain('Preview of tidewater.csv Nothing was applied: the roster changed after your preview (someone else edited it).')
  expect(staleText).toContain('New LEAs 0 New schools 1')
  expect(await fellowsByEmail([email])).toEqual([])
  expect(await mailTo([email])).toEqual([])
  const newDigest = digestIn(staleHtml)
  expect(newDigest).not.toBe(oldDigest)
  const applied = await staff.post('/staff/roster', { intent: 'apply', csv: file, digest: newDigest ?? '' })
  expect(applied.status).toBe(200)
  expect(await fellowsByEmail([email])).toHaveLength(1)
})

test('fellows and coaches are refused the roster page, its actions and its template; staff and admins get the template', async () => {
  const a = await rosterAcademy()
  const fellowUser = await makeUser('fellow')
  const admin = await makeUser('admin')
  const file = [HEADER, `Refused Person,refused.${a.t}@district.example,MD,${a.lea.name},${a.bayview.name},principal,${a.firstYear.name},`].join('\n')
  const digest = (await previewRoster(file)).digest
  for (const person of [fellowUser, a.coach]) {
    const client = await signedIn(person.email)
    for (const page of ['/staff', '/staff/invite', '/staff/pairings', '/staff/coaching', '/staff/roster', '/staff/roster/template.csv', '/audit']) {
      const response = await client.get(page)
      expect({ role: person.role, page, status: response.status }).toEqual({ role: person.role, page, status: 403 })
    }
    expect((await upload(client, file)).status).toBe(403)
    expect((await client.post('/staff/roster', { intent: 'apply', csv: file, digest })).status).toBe(403)
  }
  expect(await fellowsByEmail([`refused.${a.t}@district.example`])).toEqual([])
  const signedOut = app.client()
  expect(location(await signedOut.get('/staff/roster'))).toBe(`/login?redirectTo=${encodeURIComponent('/staff/roster')}`)
  for (const person of [a.staff, admin]) {
    const client = await signedIn(person.email)
    const page = await client.get('/staff/roster')
    expect(page.status).toBe(200)
    const pageBody = await pageText(page)
    expect(pageBody).toContain('Upload a roster')
    expect(pageBody).toContain(`“${a.firstYear.name}”`)
    const template = await client.get('/staff/roster/template.csv')
    expect(template.status).toBe(200)
    expect(template.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(template.headers.get('content-disposition')).toBe('attachment; filename="roster-template.csv"')
    expect((await template.text()).split('\r\n')[0]).toBe(HEADER)
  }
})

test('the script’s functions: a preview writes nothing, an import applies as a system import, and the same file again changes nothing', async () => {
  const a = await rosterAcademy()
  const email = `script.${a.t}@district.example`
  const file = [HEADER, `Samuel Levin,${email},NJ,${a.lea.name.replace('Severn Shore', 'Harbor Point')},Pier Street Elementary,principal,${a.secondYear.name},${a.coach.email}`].join('\n')
  const before = await everyRow()
  const preview = await previewRoster(file)
  expect(preview.view.counts).toEqual({ creates: 1, updates: 0, unchanged: 0, problems: 0, newLeas: 1, newSchools: 1, invitations: 1 })
  expect(await everyRow()).toEqual(before)

  const result = await importRoster(file, SCRIPT_ACTOR)
  expect(result.status).toBe('applied')
  if (result.status !== 'applied') return
  expect(result.invited).toBe(1)
  expect(result.createdUserIds).toHaveLength(1)
  const [created] = await fellowsByEmail([email])
  expect(created).toMatchObject({ name: 'Samuel Levin', programYear: 2, status: 'invited' })
  expect(await pairingsOf(created.fellowId)).toEqual([{ coachId: a.coach.id, startsOn: today(), endsOn: null, createdById: null }])
  const [mail] = await mailTo([email])
  expect(mail.body).toContain('The SILA Academy team has invited you')
  const audit = await db
    .select({ actorId: auditLog.actorId, action: auditLog.action })
    .from(auditLog)
    .where(inArray(auditLog.targetId, [created.fellowId, result.createdUserIds[0]]))
    .orderBy(asc(auditLog.id))
  expect(audit).toEqual([
    { actorId: null, action: 'roster.fellow_created' },
    { actorId: null, action: 'pairing.changed' },
    { actorId: null, action: 'user.invited' },
  ])

  const settled = await everyRow()
  const again = await importRoster(file, SCRIPT_ACTOR)
  expect(again.status).toBe('applied')
  expect(again.preview.view.counts).toMatchObject({ creates: 0, updates: 0, unchanged: 1 })
  expect(await everyRow()).toEqual(settled)
})
