import { expect, test } from 'vitest'
import { db } from '../../db/client.server'
import { createCohort, createFellow, createLea, createSchool, pairCoach } from '../../db/factories'
import { coachingSessions, fellows as fellowsTable, moduleProgress, moduleSchedule, submissionEvents, submissions, users } from '../../db/schema'
import { eq } from 'drizzle-orm'
import { academyDate } from '../../app/domain/schedule'
import { NO_FILTERS } from '../../app/domain/staff-filters'
import { staffStanding } from '../../app/models/staff-metrics.server'
import { getCurriculum } from '../../app/utils/content.server'
import { makeUser, TEST_PASSWORD } from '../support/academy'
import { heatLooks } from '../support/heat-look'
import { serveAppForTests } from '../support/app'
import { signIn } from '../support/client'

const app = serveAppForTests()

const DAY = 86_400_000
const today = academyDate(new Date())
const dayOffset = (days: number) => new Date(Date.parse(`${today}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10)
/** Noon Eastern (17:00 UTC in winter, 16:00 in summer: either is the same Eastern day) on a day relative to today. */
const noonOn = (days: number) => new Date(`${dayOffset(days)}T17:00:00Z`)

/** The rows of the table with this caption, each as its cells' text. */
function tableRows(page: string, caption: string) {
  const html = page.replace(/<!-- -->/g, '')
  const start = html.indexOf(`>${caption}</caption>`)
  if (start < 0) throw new Error(`No table captioned “${caption}”`)
  const table = html.slice(start, html.indexOf('</table>', start))
  const body = table.slice(table.indexOf('<tbody'))
  return body
    .split('<tr')
    .slice(1)
    .map((row) =>
      row
        .split(/<t[hd][^>]*>/)
        .slice(1)
        .map((cell) => cell.replace(/<[^>]+>/g, '').replace(/<!-- -->/g, '').replace(/&#x27;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim()),
    )
}

/**
 * A small academy counted by hand. One cohort in year one; modules A (due 40 days ago), B (due 10
 * days ago) and C (open, due in 10 days) and the rest not open yet.
 * - Maryland, district 1, school 1: F1, principal. A completed and handed in on time, accepted a day
 *   later; B handed in late, awaiting review; C started. Coached today; signed in today.
 * - Maryland, district 1, school 2: F2, assistant principal. Nothing handed in (A and B missing); never
 *   coached; never signed in.
 * - New Jersey, district 2, school 3: F3, principal. A on time, returned two days later; B on time,
 *   awaiting review. Coached 40 days ago; signed in today.
 */
async function handCountedAcademy() {
  const staff = await makeUser('staff')
  const coach = await makeUser('coach')
  const cohort = await createCohort({ name: `Counted cohort ${Math.random().toString(36).slice(2, 8)}`, startYear: 2026 })
  const md = await createLea({ name: `Counted MD district ${cohort.id.slice(0, 6)}`, state: 'MD' })
  const nj = await createLea({ name: `Counted NJ district ${cohort.id.slice(0, 6)}`, state: 'NJ' })
  const s1 = await createSchool({ leaId: md.id, name: 'Counted School One' })
  const s2 = await createSchool({ leaId: md.id, name: 'Counted School Two' })
  const s3 = await createSchool({ leaId: nj.id, name: 'Counted School Three' })
  const year1 = getCurriculum().modules.filter((m) => m.year === 1).sort((a, b) => a.month - b.month)
  const [a, b, c, ...later] = year1
  await db.insert(moduleSchedule).values([
    { cohortId: cohort.id, moduleSlug: a.slug, opensOn: dayOffset(-60), dueOn: dayOffset(-40) },
    { cohortId: cohort.id, moduleSlug: b.slug, opensOn: dayOffset(-30), dueOn: dayOffset(-10) },
    { cohortId: cohort.id, moduleSlug: c.slug, opensOn: dayOffset(-5), dueOn: dayOffset(10) },
    ...later.map((m, i) => ({ cohortId: cohort.id, moduleSlug: m.slug, opensOn: dayOffset(20 + 30 * i), dueOn: dayOffset(40 + 30 * i) })),
  ])
  const fellow = async (name: string, schoolId: string, position: 'principal' | 'assistant_principal', signedIn: boolean) => {
    const user = await makeUser('fellow')
    await db.update(users).set({ name, lastSignInAt: signedIn ? new Date() : null }).where(eq(users.id, user.id))
    const record = await createFellow({ userId: user.id, cohortId: cohort.id, schoolId, position, programYear: 1 })
    await pairCoach({ fellowId: record.id, coachId: coach.id, startsOn: dayOffset(-60) })
    return record.id
  }
  const f1 = await fellow('Counted Fellow One', s1.id, 'principal', true)
  const f2 = await fellow('Counted Fellow Two', s2.id, 'assistant_principal', false)
  const f3 = await fellow('Counted Fellow Three', s3.id, 'principal', true)

  const handIn = async (fellowId: string, slug: string, assignmentId: string, submittedDay: number, review: { status: 'accepted' | 'returned'; afterDays: number } | null) => {
    const [row] = await db
      .insert(submissions)
      .values({ fellowId, moduleSlug: slug, assignmentId, status: review?.status ?? 'submitted', body: 'Work', submittedAt: noonOn(submittedDay) })
      .returning({ id: submissions.id })
    await db.insert(submissionEvents).values({ submissionId: row.id, fromStatus: 'draft', toStatus: 'submitted', createdAt: noonOn(submittedDay) })
    if (review) await db.insert(submissionEvents).values({ submissionId: row.id, fromStatus: 'submitted', toStatus: review.status, createdAt: noonOn(submittedDay + review.afterDays) })
  }
  await handIn(f1, a.slug, a.assignment.id, -41, { status: 'accepted', afterDays: 1 })
  await handIn(f1, b.slug, b.assignment.id, -8, null)
  await handIn(f3, a.slug, a.assignment.id, -45, { status: 'returned', afterDays: 2 })
  await handIn(f3, b.slug, b.assignment.id, -12, null)
  await db.insert(moduleProgress).values([
    { fellowId: f1, moduleSlug: a.slug, completedAt: noonOn(-42) },
    { fellowId: f1, moduleSlug: c.slug },
  ])
  const session = (fellowId: string, day: number) => ({ coachId: coach.id, fellowId, heldOn: dayOffset(day), minutes: 45, modality: 'video' as const, privateNotes: 'PRIVATE-NOTE-TEXT', sharedSummary: 'SHARED-SUMMARY-TEXT' })
  await db.insert(coachingSessions).values([session(f1, 0), session(f3, -40)])
  return { staff, cohort, md, nj, s1, s2, s3, f1, f2, f3 }
}

async function staffClient(email: string) {
  const client = app.client()
  expect((await signIn(client, email, TEST_PASSWORD)).status).toBe(302)
  return client
}

const COLUMNS = ['Name', 'Fellows', 'Principals · APs', 'Modules completed', 'On time', 'Late', 'Missing', 'On-time rate', 'Awaiting review', 'Review turnaround', 'Sessions this month', 'Need attention']

test('completion per cohort and month matches the hand count: each opened module counts every fellow once', async () => {
  const academy = await handCountedAcademy()
  const { months: rows } = await staffStanding({ filters: { ...NO_FILTERS, cohort: academy.cohort.id }, today, monthStart: `${today.slice(0, 8)}01` })
  // A, B and C have opened for all three fellows; only F1 completed one, A. Two may share a month.
  const expected = new Map<string, { applicable: number; done: number }>()
  for (const [opensOn, done] of [[dayOffset(-60), 1], [dayOffset(-30), 0], [dayOffset(-5), 0]] as const) {
    const month = opensOn.slice(0, 7)
    const cell = expected.get(month) ?? { applicable: 0, done: 0 }
    expected.set(month, { applicable: cell.applicable + 3, done: cell.done + done })
  }
  const byMonth = Object.fromEntries(rows.map((r) => [r.month, { applicable: r.applicable, done: r.done }]))
  expect(byMonth).toEqual(Object.fromEntries(expected))
  expect(new Set(rows.map((r) => r.cohortName))).toEqual(new Set([academy.cohort.name]))
  // Narrowed to New Jersey: F3 alone.
  const { months: nj } = await staffStanding({ filters: { ...NO_FILTERS, cohort: academy.cohort.id, state: 'NJ' }, today, monthStart: `${today.slice(0, 8)}01` })
  expect(nj.reduce((n, r) => n + r.applicable, 0)).toBe(3)
  expect(nj.reduce((n, r) => n + r.done, 0)).toBe(0)
})

test('the dashboard’s figures match the hand count at every level: state, district, school, fellow', async () => {
  const academy = await handCountedAcademy()
  const client = await staffClient(academy.staff.email)
  const cohort = `cohort=${academy.cohort.id}`

  const byState = tableRows(await (await client.get(`/staff?${cohort}`)).text(), 'By state: fellows, completion, assignments, review and coaching')
  expect(byState).toEqual([
    // MD: 6 opened modules (3 each), 1 completed = 17%; on time 1, late 1, missing 2 → 1 of 4 = 25%;
    // F1's late B awaits review; one review of 1 day; F1 coached this month of 2 expected; F2 needs attention.
    ['Maryland', '2', '1 · 1', '17%', '1', '1', '2', '25%', '1', '1.0 days', '1 of 2', '1'],
    // NJ: 3 opened, 0 completed; 2 on time; B awaits review; one review of 2 days; coached 40 days ago.
    ['New Jersey', '1', '1 · 0', '0%', '2', '0', '0', '100%', '1', '2.0 days', '0 of 1', '1'],
    ['All in view', '3', '2 · 1', '11%', '3', '1', '2', '50%', '2', '1.5 days', '1 of 3', '2'],
  ])
  expect(COLUMNS).toHaveLength(byState[0].length)

  const byLea = tableRows(await (await client.get(`/staff?${cohort}&state=MD`)).text(), 'By district (LEA): fellows, completion, assignments, review and coaching')
  expect(byLea.map((r) => r.slice(0, 8))).toEqual([
    [academy.md.name, '2', '1 · 1', '17%', '1', '1', '2', '25%'],
    ['All in view', '2', '1 · 1', '17%', '1', '1', '2', '25%'],
  ])
  const bySchool = tableRows(await (await client.get(`/staff?${cohort}&state=MD&lea=${academy.md.id}`)).text(), 'By school: fellows, completion, assignments, review and coaching')
  expect(bySchool.map((r) => r.slice(0, 8))).toEqual([
    ['Counted School One', '1', '1 · 0', '33%', '1', '1', '0', '50%'],
    ['Counted School Two', '1', '0 · 1', '0%', '0', '0', '2', '0%'],
    ['All in view', '2', '1 · 1', '17%', '1', '1', '2', '25%'],
  ])
  const schoolPage = await (await client.get(`/staff?${cohort}&state=MD&lea=${academy.md.id}&school=${academy.s2.id}`)).text()
  const byFellow = tableRows(schoolPage, 'By fellow: fellows, completion, assignments, review and coaching')
  expect(byFellow[0]).toEqual(['Counted Fellow Two', '1', '0 · 1', '0%', '0', '0', '2', '0%', '0', '—', '0 of 1', '1'])
  expect(schoolPage).toContain(`href="/staff/fellows/${academy.f2}"`)
  // F2 needs attention for all three reasons; the list links to the record.
  expect(schoolPage).toContain('2 or more overdue assignments')
  expect(schoolPage).toContain('No coaching session in 30+ days')
  expect(schoolPage).toContain('No sign-in in 21+ days')

  const byCohort = tableRows(await (await client.get(`/staff?${cohort}`)).text(), 'Cohorts: fellows, completion, assignments, review and coaching')
  expect(byCohort).toEqual([[academy.cohort.name, '3', '2 · 1', '11%', '3', '1', '2', '50%', '2', '1.5 days', '1 of 3', '2']])
})

test('filters narrow every figure and stay in the URL; a bad filter is a 400 that says which', async () => {
  const academy = await handCountedAcademy()
  const client = await staffClient(academy.staff.email)
  const principals = tableRows(await (await client.get(`/staff?cohort=${academy.cohort.id}&position=principal`)).text(), 'By state: fellows, completion, assignments, review and coaching')
  expect(principals.map((r) => r.slice(0, 3))).toEqual([
    ['Maryland', '1', '1 · 0'],
    ['New Jersey', '1', '1 · 0'],
    ['All in view', '2', '2 · 0'],
  ])
  const page = await (await client.get(`/staff?cohort=${academy.cohort.id}&state=NJ`)).text()
  expect(page).toContain(`/staff/cohorts/${academy.cohort.id}/heatmap?cohort=${academy.cohort.id}&amp;state=NJ`)
  const bad = await client.get('/staff?year=3')
  expect(bad.status).toBe(400)
  expect(await bad.text()).toContain('Program year must be 1 or 2.')
  expect((await client.get('/staff?lea=not-an-id')).status).toBe(400)
})

test('fellows and coaches are refused the staff dashboard', async () => {
  const fellow = await makeUser('fellow')
  const coach = await makeUser('coach')
  for (const user of [fellow, coach]) {
    const client = await staffClient(user.email)
    expect((await client.get('/staff')).status).toBe(403)
  }
})

test('the heat map gives each fellow a cell per module, told by symbol and words as well as colour', async () => {
  const academy = await handCountedAcademy()
  const client = await staffClient(academy.staff.email)
  const response = await client.get(`/staff/cohorts/${academy.cohort.id}/heatmap`)
  expect(response.status).toBe(200)
  // The stylesheet draws each cell's symbol from its data-heat: read it as the cell's first text.
  const looks = heatLooks()
  const html = (await response.text()).replace(/<td([^>]*) data-heat="([^"]+)"([^>]*)>/g, (_, before, state, after) => `<td${before}${after}>${looks.get(state)?.symbol ?? '?'}`)
  const rows = tableRows(html, 'Module status of each fellow in ' + academy.cohort.name + '. Use the arrow keys to move between cells.')
  const [one, three, two] = rows // by name: One, Three, Two
  expect(one[0]).toBe('Counted Fellow OneCounted School One')
  expect(one.slice(1, 5)).toEqual([
    '✓Handed in on time, accepted, due ' + dayOffset(-40),
    '◷Handed in late, awaiting review, due ' + dayOffset(-10),
    '◐Reading, not handed in, due ' + dayOffset(10),
    '·Not open yet, due ' + dayOffset(40),
  ])
  expect(two.slice(1, 4)).toEqual(['✗Missing: past its due day, due ' + dayOffset(-40), '✗Missing: past its due day, due ' + dayOffset(-10), '○Open, not started, due ' + dayOffset(10)])
  expect(three[2]).toBe('✓Handed in on time, awaiting review, due ' + dayOffset(-10))
  expect(html).toContain(`href="/staff/fellows/${academy.f1}"`)
  expect(html.replace(/<!-- -->/g, '')).toContain('Missing: past its due day (2)')
  // Filters apply inside the cohort.
  const nj = tableRows(await (await client.get(`/staff/cohorts/${academy.cohort.id}/heatmap?state=NJ`)).text(), 'Module status of each fellow in ' + academy.cohort.name + '. Use the arrow keys to move between cells.')
  expect(nj.map((r) => r[0])).toEqual(['Counted Fellow ThreeCounted School Three'])
  expect((await client.get('/staff/cohorts/00000000-0000-0000-0000-000000000000/heatmap')).status).toBe(404)
})

test('exports stream the filtered rows as CSV and never carry coaching text', async () => {
  const academy = await handCountedAcademy()
  const client = await staffClient(academy.staff.email)
  const get = async (query: string) => {
    const response = await client.get(`/staff/export.csv?${query}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/csv')
    return (await response.text()).replace(/^\uFEFF/, '').trim().split('\r\n')
  }
  const progress = await get(`kind=progress&cohort=${academy.cohort.id}&state=MD`)
  expect(progress[0]).toBe('fellow,email,cohort,state,lea,school,position,program_year,module,module_year,module_month,opens_on,due_on,reading,completed_on,submission_status,handed_in_on,timeliness')
  // Two Maryland fellows × ten year-one modules.
  expect(progress).toHaveLength(1 + 20)
  expect(progress.filter((l) => l.startsWith('Counted Fellow Two')).map((l) => l.split(',').at(-1))).toEqual(['missing', 'missing', 'not yet due', ...Array(7).fill('not yet due')])
  expect(progress.filter((l) => l.startsWith('Counted Fellow One')).map((l) => l.split(',').at(-1)).slice(0, 3)).toEqual(['on time', 'late', 'not yet due'])
  expect(progress.some((l) => l.includes('Counted Fellow Three'))).toBe(false)

  const handedIn = await get(`kind=submissions&cohort=${academy.cohort.id}`)
  expect(handedIn).toHaveLength(1 + 4)
  expect(handedIn.find((l) => l.startsWith('Counted Fellow Three') && l.includes('returned'))).toMatch(/,returned,\d{4}-\d{2}-\d{2},on time,1,\d{4}-\d{2}-\d{2}$/)

  const coaching = await get(`kind=coaching&cohort=${academy.cohort.id}`)
  expect(coaching[0]).toBe('fellow,email,cohort,state,lea,school,position,program_year,coach,sessions_logged,minutes,sessions_this_month,expected_per_month,last_session_on')
  expect(coaching).toHaveLength(1 + 3)
  expect(coaching.find((l) => l.startsWith('Counted Fellow One'))).toMatch(new RegExp(`,1,45,1,1,${today}$`))
  for (const lines of [progress, handedIn, coaching]) {
    expect(lines.join('\n')).not.toContain('PRIVATE-NOTE-TEXT')
    expect(lines.join('\n')).not.toContain('SHARED-SUMMARY-TEXT')
  }
  expect((await client.get('/staff/export.csv?kind=notes')).status).toBe(400)
  expect((await client.get('/staff/export.csv?kind=progress&state=XX')).status).toBe(400)
  for (const role of ['fellow', 'coach'] as const) {
    const outsider = await staffClient((await makeUser(role)).email)
    expect((await outsider.get(`/staff/export.csv?kind=progress`)).status).toBe(403)
    expect((await outsider.get('/staff/reports')).status).toBe(403)
    expect((await outsider.get(`/staff/cohorts/${academy.cohort.id}/heatmap`)).status).toBe(403)
  }
})

test('an export larger than one page streams every fellow once', async () => {
  const academy = await handCountedAcademy()
  const lea = await createLea({ name: `Paged district ${academy.cohort.id.slice(0, 6)}`, state: 'NJ' })
  const school = await createSchool({ leaId: lea.id, name: 'Paged School' })
  const extra = 520
  const accounts = await db
    .insert(users)
    .values(Array.from({ length: extra }, (_, i) => ({ email: `paged-${academy.cohort.id.slice(0, 6)}-${i}@example.test`, name: `Paged ${String(i).padStart(3, '0')}`, role: 'fellow' as const, status: 'invited' as const })))
    .returning({ id: users.id })
  await db.insert(fellowsTable).values(accounts.map((a) => ({ userId: a.id, cohortId: academy.cohort.id, schoolId: school.id, position: 'principal' as const, programYear: 1 })))
  const client = await staffClient(academy.staff.email)
  const lines = (await (await client.get(`/staff/export.csv?kind=coaching&cohort=${academy.cohort.id}`)).text()).trim().split('\r\n')
  expect(lines).toHaveLength(1 + 3 + extra)
  expect(new Set(lines).size).toBe(lines.length)
})

test('reports draw completion, on-time rate and coaching charts with their tables', async () => {
  const academy = await handCountedAcademy()
  const client = await staffClient(academy.staff.email)
  const html = (await (await client.get(`/staff/reports?cohort=${academy.cohort.id}`)).text()).replace(/<!-- -->/g, '')
  expect(html).toContain('<title id="completion-chart-title">')
  expect(html).toContain('<title id="ontime-chart-title">')
  expect(html).toContain('<title id="sessions-chart-title">')
  expect(tableRows(html, 'On time, late and missing assignments per state')).toEqual([
    ['Maryland', '1', '1', '2', '25%'],
    ['New Jersey', '2', '0', '0', '100%'],
  ])
  const sessions = tableRows(html, 'Coaching sessions per month')
  expect(sessions.reduce((sum, r) => sum + Number(r[1]), 0)).toBe(2)
})
