import { randomBytes } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { db } from '../../db/client.server'
import { createCohort, createFellow, createLea, createSchool, createUser, pairCoach } from '../../db/factories'
import { auditLog, fellows, moduleProgress, sessions, submissions, users } from '../../db/schema'
import { setScheduleDates } from '../../app/models/schedule.server'
import { getCurriculum } from '../../app/utils/content.server'
import { makeAcademy, makeUser, TEST_PASSWORD } from '../support/academy'
import { serveAppForTests } from '../support/app'
import { location, pageText, signIn } from '../support/client'

const app = serveAppForTests()

async function signedIn(email: string) {
  const client = app.client()
  expect(location(await signIn(client, email, TEST_PASSWORD))).not.toMatch(/^\/login/)
  return client
}

function token() {
  return randomBytes(4).toString('hex')
}

async function statusOf(id: string) {
  const [row] = await db.select({ status: users.status }).from(users).where(eq(users.id, id))
  return row.status
}

async function placementOf(fellowId: string) {
  const [row] = await db
    .select({ cohortId: fellows.cohortId, schoolId: fellows.schoolId, position: fellows.position, programYear: fellows.programYear })
    .from(fellows)
    .where(eq(fellows.id, fellowId))
  return row
}

async function auditRows(action: string, targetId: string) {
  return db.select({ actorId: auditLog.actorId, details: auditLog.details }).from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId))).orderBy(auditLog.id)
}

test('staff find people by name, by email, and by role and status; fellows show their placement and link to their record, coaches their caseload', async () => {
  const academy = await makeAcademy()
  const mark = token()
  const coach = await createUser({ email: `quill.${mark}@coaches.test`, name: `Ines Quillfeather ${mark}`, role: 'coach', status: 'deactivated' })
  await createUser({ email: `other.${mark}@staff.test`, name: `Otto Quillfeather ${mark}`, role: 'staff', status: 'active' })
  const staff = await signedIn(academy.staff.email)

  const byName = await staff.get(`/staff/people?q=${encodeURIComponent(`Quillfeather ${mark}`)}`)
  expect(byName.status).toBe(200)
  const byNameText = await pageText(byName)
  expect(byNameText).toContain(`Ines Quillfeather ${mark}`)
  expect(byNameText).toContain(`Otto Quillfeather ${mark}`)
  expect(byNameText).toContain('Showing 1–2 of 2 people.')
  expect(byNameText).not.toContain(academy.fellowUser.name)

  const byEmail = await pageText(await staff.get(`/staff/people?q=${encodeURIComponent(`quill.${mark}@coaches`)}`))
  expect(byEmail).toContain(`Ines Quillfeather ${mark}`)
  expect(byEmail).not.toContain(`Otto Quillfeather ${mark}`)

  const byRoleAndStatus = await pageText(await staff.get(`/staff/people?q=${mark}&role=coach&status=deactivated`))
  expect(byRoleAndStatus).toContain(`Ines Quillfeather ${mark}`)
  expect(byRoleAndStatus).not.toContain(`Otto Quillfeather ${mark}`)
  expect(await pageText(await staff.get(`/staff/people?q=${mark}&role=coach&status=active`))).toContain('No one matches this search.')

  // A search for a wildcard finds only what contains it literally.
  expect(await pageText(await staff.get(`/staff/people?q=${encodeURIComponent('%quill')}`))).toContain('No one matches this search.')

  const fellowRow = await staff.get(`/staff/people?q=${encodeURIComponent(academy.fellowUser.email)}`)
  const fellowHtml = await fellowRow.text()
  expect(fellowHtml).toContain(`href="/staff/fellows/${academy.fellow.id}"`)
  const fellowText = await pageText(new Response(fellowHtml))
  for (const shown of [academy.cohort.name, academy.school.name, academy.lea.name, 'Maryland', 'Fellow', 'Active']) expect(fellowText).toContain(shown)

  const coachRow = await pageText(await staff.get(`/staff/people?q=${encodeURIComponent(academy.coach.email)}`))
  expect(coachRow).toMatch(new RegExp(`${academy.coach.email} Equity coach Active( )+1 `))
  expect(coach.id).toMatch(/^[0-9a-f-]{36}$/)
})

test('results come 50 a page with previous and next links that keep the search; a page past the end shows the last', async () => {
  const academy = await makeAcademy()
  const mark = `Paginata${token()}`
  for (let i = 1; i <= 55; i++) {
    await createUser({ email: `${mark.toLowerCase()}.${i}@example.test`, name: `${mark} ${String(i).padStart(2, '0')}`, role: 'fellow', status: 'invited' })
  }
  const staff = await signedIn(academy.staff.email)
  const first = await staff.get(`/staff/people?q=${mark}&role=fellow`)
  const firstHtml = await first.text()
  const firstText = await pageText(new Response(firstHtml))
  expect(firstText).toContain('Showing 1–50 of 55 people.')
  expect(firstHtml.match(/<th scope="row"/g)).toHaveLength(50)
  expect(new Set(firstText.match(new RegExp(`${mark} \\d\\d`, 'g'))).size).toBe(50)
  expect(firstText).toContain(`${mark} 50`)
  expect(firstText).not.toContain(`${mark} 51`)
  expect(firstHtml).toContain(`href="/staff/people?q=${mark}&amp;role=fellow&amp;page=2"`)
  expect(firstHtml).toMatch(/rel="next"/)
  expect(firstHtml).not.toMatch(/rel="prev"/)

  const second = await staff.get(`/staff/people?q=${mark}&role=fellow&page=2`)
  const secondHtml = await second.text()
  const secondText = await pageText(new Response(secondHtml))
  expect(secondText).toContain('Showing 51–55 of 55 people.')
  expect(secondHtml.match(/<th scope="row"/g)).toHaveLength(5)
  expect([...new Set(secondText.match(new RegExp(`${mark} \\d\\d`, 'g')))]).toEqual([`${mark} 51`, `${mark} 52`, `${mark} 53`, `${mark} 54`, `${mark} 55`])
  expect(secondHtml).toContain(`href="/staff/people?q=${mark}&amp;role=fellow"`)
  expect(secondHtml).not.toMatch(/rel="next"/)

  expect(await pageText(await staff.get(`/staff/people?q=${mark}&page=99`))).toContain('Showing 51–55 of 55 people.')
  expect((await staff.get(`/staff/people?q=${mark}&page=abc&role=%3Cscript%3E`)).status).toBe(200)
})

test('fellows and coaches are refused every People page and action with a 403; signed-out visitors go to sign in', async () => {
  const academy = await makeAcademy()
  const record = `/staff/fellows/${academy.fellow.id}`
  for (const email of [academy.fellowUser.email, academy.coach.email]) {
    const client = await signedIn(email)
    expect((await client.get('/staff/people')).status).toBe(403)
    expect((await client.get('/staff/people.data')).status).toBe(403)
    expect((await client.get(record)).status).toBe(403)
    expect((await client.get(`${record}.data`)).status).toBe(403)
    expect((await client.post('/staff/people', { intent: 'deactivate', userId: academy.otherFellowUser.id })).status).toBe(403)
    expect((await client.post(record, { intent: 'deactivate' })).status).toBe(403)
    expect((await client.post(record, { intent: 'change-year', programYear: '2' })).status).toBe(403)
    expect((await client.post(record, { intent: 'change-cohort', cohortId: academy.cohort.id })).status).toBe(403)
  }
  expect(await statusOf(academy.otherFellowUser.id)).toBe('active')
  expect(await statusOf(academy.fellowUser.id)).toBe('active')
  expect((await placementOf(academy.fellow.id)).programYear).toBe(1)
  const anonymous = app.client()
  expect(location(await anonymous.get('/staff/people'))).toBe('/login?redirectTo=%2Fstaff%2Fpeople')
  expect(location(await anonymous.post('/staff/people', { intent: 'deactivate', userId: academy.fellowUser.id }))).toMatch(/^\/login/)
  expect(await statusOf(academy.fellowUser.id)).toBe('active')
})

test('staff cannot deactivate staff or administrators, administrators can, and nobody deactivates themselves', async () => {
  const academy = await makeAcademy()
  const otherStaff = await makeUser('staff')
  const otherAdmin = await makeUser('admin')
  const staff = await signedIn(academy.staff.email)
  for (const target of [otherStaff, otherAdmin, academy.admin]) {
    const refused = await staff.post('/staff/people', { intent: 'deactivate', userId: target.id })
    expect(refused.status).toBe(403)
    expect(await pageText(refused)).toContain('Only an administrator can deactivate or reactivate staff and administrator accounts.')
    expect(await statusOf(target.id)).toBe('active')
  }
  const self = await staff.post('/staff/people', { intent: 'deactivate', userId: academy.staff.id })
  expect(self.status).toBe(403)
  expect(await pageText(self)).toContain('You cannot deactivate or reactivate your own account.')
  expect(await statusOf(academy.staff.id)).toBe('active')
  // The page offers no button where the server would refuse.
  const list = await staff.get(`/staff/people?q=${encodeURIComponent(otherAdmin.email)}`)
  const listHtml = await list.text()
  expect(listHtml).toContain(otherAdmin.email)
  expect(listHtml).not.toContain('value="deactivate"')
  expect(await (await staff.get(`/staff/people?q=${encodeURIComponent(academy.fellowUser.email)}`)).text()).toContain('value="deactivate"')

  const admin = await signedIn(academy.admin.email)
  expect((await admin.post('/staff/people', { intent: 'deactivate', userId: academy.admin.id })).status).toBe(403)
  expect(await statusOf(academy.admin.id)).toBe('active')
  for (const target of [otherStaff, otherAdmin]) {
    const done = await admin.post('/staff/people', { intent: 'deactivate', userId: target.id })
    expect(done.status).toBe(200)
    expect(await pageText(done)).toContain(`${target.name} is deactivated and signed out everywhere.`)
    expect(await statusOf(target.id)).toBe('deactivated')
  }
  const coachDone = await staff.post('/staff/people', { intent: 'deactivate', userId: academy.otherCoach.id })
  expect(coachDone.status).toBe(200)
  expect(await pageText(coachDone)).toContain('Their fellows stay paired with them until you re-pair them under Pairings.')
  expect(await statusOf(academy.otherCoach.id)).toBe('deactivated')

  const bad = await staff.post('/staff/people', { intent: 'deactivate', userId: 'not-an-id' })
  expect(bad.status).toBe(400)
  expect(await pageText(bad)).toContain('Choose an account to deactivate or reactivate.')
  expect((await staff.post('/staff/people', { intent: 'erase', userId: academy.fellowUser.id })).status).toBe(400)
  expect((await staff.post('/staff/people', { intent: 'deactivate', userId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404)
  expect(await statusOf(academy.fellowUser.id)).toBe('active')
})

test('deactivation signs the person out at once, keeps their work and is audited; reactivation lets them back in', async () => {
  const academy = await makeAcademy()
  const [slug] = getCurriculum().modules.filter((m) => m.year === 1).map((m) => m.slug)
  const assignmentId = getCurriculum().modules.find((m) => m.slug === slug)?.assignment.id ?? ''
  await db.insert(moduleProgress).values({ fellowId: academy.fellow.id, moduleSlug: slug, sectionsDone: ['introduction'] })
  const [work] = await db
    .insert(submissions)
    .values({ fellowId: academy.fellow.id, moduleSlug: slug, assignmentId, status: 'submitted', body: 'My equity audit plan.', submittedAt: new Date() })
    .returning({ id: submissions.id })

  const fellow = await signedIn(academy.fellowUser.email)
  const secondDevice = await signedIn(academy.fellowUser.email)
  expect((await fellow.get('/home')).status).toBe(200)

  const staff = await signedIn(academy.staff.email)
  const done = await staff.post('/staff/people', { intent: 'deactivate', userId: academy.fellowUser.id })
  expect(done.status).toBe(200)
  expect(await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, academy.fellowUser.id))).toEqual([])
  expect(location(await fellow.get('/home'))).toMatch(/^\/login/)
  expect(location(await secondDevice.get('/learn'))).toMatch(/^\/login/)
  const again = await signIn(app.client(), academy.fellowUser.email, TEST_PASSWORD)
  expect(again.status).toBe(400)

  expect(await db.select({ sectionsDone: moduleProgress.sectionsDone }).from(moduleProgress).where(eq(moduleProgress.fellowId, academy.fellow.id))).toEqual([{ sectionsDone: ['introduction'] }])
  expect(await db.select({ id: submissions.id, status: submissions.status, body: submissions.body }).from(submissions).where(eq(submissions.fellowId, academy.fellow.id))).toEqual([
    { id: work.id, status: 'submitted', body: 'My equity audit plan.' },
  ])
  expect(await auditRows('user.deactivated', academy.fellowUser.id)).toEqual([{ actorId: academy.staff.id, details: { from: 'active', to: 'deactivated' } }])
  const record = await pageText(await staff.get(`/staff/fellows/${academy.fellow.id}`))
  expect(record).toContain('Account status Deactivated')
  expect(record).toContain('Reactivate')

  const back = await staff.post(`/staff/fellows/${academy.fellow.id}`, { intent: 'reactivate' })
  expect(back.status).toBe(200)
  expect(await pageText(back)).toContain(`${academy.fellowUser.name} is reactivated and can sign in again.`)
  expect(await statusOf(academy.fellowUser.id)).toBe('active')
  expect(await auditRows('user.reactivated', academy.fellowUser.id)).toHaveLength(1)
  expect(location(await signIn(app.client(), academy.fellowUser.email, TEST_PASSWORD))).toBe('/home')
})

test('deactivating from the fellow’s record works the same, and an invited account comes back as invited', async () => {
  const academy = await makeAcademy()
  const lea = await createLea({ name: `District ${token()}`, state: 'NJ' })
  const school = await createSchool({ leaId: lea.id, name: `School ${token()}` })
  const invitedUser = await makeUser('fellow', { status: 'invited' })
  const invited = await createFellow({ userId: invitedUser.id, cohortId: academy.cohort.id, schoolId: school.id, position: 'principal', programYear: 1 })
  const staff = await signedIn(academy.staff.email)
  const record = `/staff/fellows/${invited.id}`
  expect((await staff.post(record, { intent: 'deactivate' })).status).toBe(200)
  expect(await statusOf(invitedUser.id)).toBe('deactivated')
  const repeat = await staff.post(record, { intent: 'deactivate' })
  expect(await pageText(repeat)).toContain(`${invitedUser.name} is already deactivated.`)
  const back = await staff.post(record, { intent: 'reactivate' })
  expect(await pageText(back)).toContain('They have not set a password yet: send a new invitation from Invite.')
  expect(await statusOf(invitedUser.id)).toBe('invited')
  expect(await auditRows('user.deactivated', invitedUser.id)).toEqual([{ actorId: academy.staff.id, details: { from: 'invited', to: 'deactivated' } }])
})

const PRIVATE_NOTE = 'PRIVATE-NOTE: he went quiet when we looked at who gets referred.'
const SHARED_SUMMARY = 'SHARED-SUMMARY: we traced referrals to the hallway-pass system.'
const NEXT_STEPS = 'NEXT-STEPS: shadow two students through a whole day.'
const BELIEF = 'BELIEF-TEXT: some families just do not care about school.'

test('the fellow’s record shows progress, on time or late, and coaching counts, never what was said in coaching', async () => {
  const academy = await makeAcademy()
  const yearOne = getCurriculum().modules.filter((m) => m.year === 1).sort((a, b) => a.month - b.month)
  const [early, lateOne, unsubmitted] = yearOne
  await setScheduleDates({
    cohortId: academy.cohort.id,
    entries: [
      { moduleSlug: early.slug, opensOn: '2026-09-01', dueOn: '2026-09-25' },
      { moduleSlug: lateOne.slug, opensOn: '2026-10-01', dueOn: '2026-10-30' },
      { moduleSlug: unsubmitted.slug, opensOn: '2020-11-02', dueOn: '2020-11-20' },
    ],
  })
  await db.insert(moduleProgress).values({ fellowId: academy.fellow.id, moduleSlug: early.slug, sectionsDone: early.sections.map((s) => s.id), completedAt: new Date('2026-09-20T12:00:00Z') })
  const [onTimeWork, lateWork] = await db
    .insert(submissions)
    .values([
      // 11:30 pm Eastern on the due day: on time.
      { fellowId: academy.fellow.id, moduleSlug: early.slug, assignmentId: early.assignment.id, status: 'accepted', submittedAt: new Date('2026-09-26T03:30:00Z') },
      { fellowId: academy.fellow.id, moduleSlug: lateOne.slug, assignmentId: lateOne.assignment.id, status: 'submitted', submittedAt: new Date('2026-11-02T15:00:00Z') },
    ])
    .returning({ id: submissions.id })

  const coach = await signedIn(academy.coach.email)
  const fellowPage = `/coaching/fellows/${academy.fellow.id}`
  const sessionPath = location(await coach.post(fellowPage, { intent: 'new-session' })) ?? ''
  const logged = await coach.post(sessionPath, {
    intent: 'save',
    heldOn: '2026-11-20',
    minutes: '50',
    modality: 'video',
    focus: 'equity',
    privateNotes: PRIVATE_NOTE,
    sharedSummary: SHARED_SUMMARY,
    nextSteps: NEXT_STEPS,
  })
  expect(logged.status).toBe(302)
  expect((await coach.post(fellowPage, { intent: 'add-belief', belief: BELIEF, domain: 'families', evidence: 'EVIDENCE-TEXT said at intake', shared: 'on' })).status).toBe(200)
  // A draft session is not counted.
  await coach.post(fellowPage, { intent: 'new-session' })

  for (const user of [academy.staff, academy.admin]) {
    const client = await signedIn(user.email)
    const response = await client.get(`/staff/fellows/${academy.fellow.id}`)
    expect(response.status).toBe(200)
    const html = await response.text()
    const text = await pageText(new Response(html))
    for (const shown of [academy.fellowUser.name, academy.fellowUser.email, academy.cohort.name, academy.school.name, academy.lea.name, 'Maryland', 'Principal', academy.coach.name, '2026-09-01 Now']) {
      expect(text).toContain(shown)
    }
    expect(text).toContain('Year one, shared by all fellows (the principal track in year two)')
    expect(text).toContain(`Month ${early.month} ${early.title} Complete 2026-09-01 2026-09-25 Accepted : ${early.title} On time`)
    expect(text).toContain(`Month ${lateOne.month} ${lateOne.title} Not started 2026-10-01 2026-10-30 Submitted : ${lateOne.title} Late`)
    expect(text).toContain(`Month ${unsubmitted.month} ${unsubmitted.title} Not started 2020-11-02 2020-11-20 None yet Overdue, not submitted`)
    expect(html).toContain(`href="/submissions/${onTimeWork.id}"`)
    expect(html).toContain(`href="/submissions/${lateWork.id}"`)
    expect(html).toContain(`href="/tools?fellow=${academy.fellow.id}"`)
    expect(text).toContain('Sessions logged 1 Minutes of coaching 50 Last session 2026-11-20')

    const data = await (await client.get(`/staff/fellows/${academy.fellow.id}.data`)).text()
    expect(data).toContain(academy.fellowUser.email)
    for (const body of [html, data]) {
      for (const secret of ['PRIVATE-NOTE', 'went quiet', 'SHARED-SUMMARY', 'hallway-pass', 'NEXT-STEPS', 'BELIEF-TEXT', 'EVIDENCE-TEXT']) expect(body).not.toContain(secret)
    }
  }
})

test('placement changes are stored and audited with old and new values, and keep progress', async () => {
  const academy = await makeAcademy()
  const newCohort = await createCohort({ name: `Cohort ${token()}`, startYear: 2025 })
  const njLea = await createLea({ name: `Harbor ${token()}`, state: 'NJ' })
  const newSchool = await createSchool({ leaId: njLea.id, name: `Lighthouse ${token()}` })
  const slug = getCurriculum().modules.find((m) => m.year === 1)?.slug ?? ''
  await db.insert(moduleProgress).values({ fellowId: academy.fellow.id, moduleSlug: slug, sectionsDone: ['one', 'two'] })
  const staff = await signedIn(academy.staff.email)
  const record = `/staff/fellows/${academy.fellow.id}`

  const page = await staff.get(record)
  const html = await page.text()
  expect(html).toContain(`<optgroup label="New Jersey · ${njLea.name}">`)
  expect(html).toContain(newCohort.name)

  const cohort = await staff.post(record, { intent: 'change-cohort', cohortId: newCohort.id })
  expect(cohort.status).toBe(200)
  expect(await pageText(cohort)).toContain(`${academy.fellowUser.name} is now in ${newCohort.name}`)
  const school = await staff.post(record, { intent: 'change-school', schoolId: newSchool.id })
  expect(await pageText(school)).toContain(`is now at ${newSchool.name}, ${njLea.name} (New Jersey)`)
  const year = await staff.post(record, { intent: 'change-year', programYear: '2' })
  expect(await pageText(year)).toContain('They now work through year two on the principal track.')
  const position = await staff.post(record, { intent: 'change-position', position: 'assistant_principal' })
  expect(await pageText(position)).toContain('They move to the assistant principal track')

  expect(await placementOf(academy.fellow.id)).toEqual({ cohortId: newCohort.id, schoolId: newSchool.id, position: 'assistant_principal', programYear: 2 })
  expect((await auditRows('fellow.placement_changed', academy.fellow.id)).map((r) => r.details)).toEqual([
    { field: 'cohort', from: academy.cohort.id, to: newCohort.id, fromName: academy.cohort.name, toName: newCohort.name },
    { field: 'school', from: academy.school.id, to: newSchool.id, fromName: academy.school.name, toName: newSchool.name },
    { field: 'programYear', from: 1, to: 2 },
    { field: 'position', from: 'principal', to: 'assistant_principal' },
  ])
  expect(await db.select({ sectionsDone: moduleProgress.sectionsDone }).from(moduleProgress).where(eq(moduleProgress.fellowId, academy.fellow.id))).toEqual([{ sectionsDone: ['one', 'two'] }])
  const after = await pageText(await staff.get(record))
  expect(after).toContain('Year two, assistant principal track')
  expect(after).toContain('They are in year two, where the position decides the track')

  const unchanged = await staff.post(record, { intent: 'change-year', programYear: '2' })
  expect(await pageText(unchanged)).toContain('Nothing changed')
  expect(await auditRows('fellow.placement_changed', academy.fellow.id)).toHaveLength(4)
})

test('bad placement input gets a 400 with a message and changes nothing', async () => {
  const academy = await makeAcademy()
  const staff = await signedIn(academy.staff.email)
  const record = `/staff/fellows/${academy.fellow.id}`
  const before = await placementOf(academy.fellow.id)
  const unknownId = '00000000-0000-4000-8000-000000000000'
  const cases: [Record<string, string>, string][] = [
    [{ intent: 'change-cohort', cohortId: unknownId }, 'That cohort does not exist. Choose one from the list.'],
    [{ intent: 'change-cohort', cohortId: 'cohort-one' }, 'Choose a cohort from the list.'],
    [{ intent: 'change-school', schoolId: unknownId }, 'That school does not exist. Choose one from the list.'],
    [{ intent: 'change-school' }, 'Choose a school.'],
    [{ intent: 'change-year', programYear: '3' }, 'A fellow is in program year 1 or 2.'],
    [{ intent: 'change-year', programYear: 'two' }, 'A fellow is in program year 1 or 2.'],
    [{ intent: 'change-position', position: 'superintendent' }, 'Choose principal or assistant principal.'],
    [{ intent: 'rename' }, 'That request could not be read.'],
    [{}, 'That request could not be read.'],
  ]
  for (const [form, message] of cases) {
    const response = await staff.post(record, form)
    expect({ form, status: response.status }).toEqual({ form, status: 400 })
    expect(await pageText(response)).toContain(message)
  }
  expect(await placementOf(academy.fellow.id)).toEqual(before)
  expect(await auditRows('fellow.placement_changed', academy.fellow.id)).toEqual([])
})

test('a record that does not exist is a 404, for reading and for changing', async () => {
  const academy = await makeAcademy()
  const staff = await signedIn(academy.staff.email)
  for (const id of ['not-a-fellow', '00000000-0000-4000-8000-000000000000', academy.fellowUser.id]) {
    expect((await staff.get(`/staff/fellows/${id}`)).status).toBe(404)
    expect((await staff.post(`/staff/fellows/${id}`, { intent: 'change-year', programYear: '2' })).status).toBe(404)
  }
})

test('a coach’s fellows on the People page count only current pairings', async () => {
  const academy = await makeAcademy()
  const lea = await createLea({ name: `District ${token()}`, state: 'MD' })
  const school = await createSchool({ leaId: lea.id, name: `School ${token()}` })
  const extra = await makeUser('fellow')
  const fellow = await createFellow({ userId: extra.id, cohortId: academy.cohort.id, schoolId: school.id, position: 'principal', programYear: 1 })
  await pairCoach({ fellowId: fellow.id, coachId: academy.coach.id, startsOn: '2026-09-01' })
  const staff = await signedIn(academy.staff.email)
  expect(await pageText(await staff.get(`/staff/people?q=${encodeURIComponent(academy.coach.email)}`))).toMatch(/Equity coach Active( )+2 /)
  expect((await staff.post('/staff/pairings', { fellowId: fellow.id, coachId: academy.otherCoach.id })).status).toBe(200)
  expect(await pageText(await staff.get(`/staff/people?q=${encodeURIComponent(academy.coach.email)}`))).toMatch(/Equity coach Active( )+1 /)
})
