import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { db } from '../../db/client.server'
import { artifacts, fishboneBones, fishboneCauses, fishbones } from '../../db/schema'
import { insertArtifact } from '../../app/models/artifact.server'
import { DEFAULT_BONES } from '../../app/domain/fishbone'
import { makeAcademy, TEST_PASSWORD } from '../support/academy'
import { serveAppForTests } from '../support/app'
import { location, pageText, signIn, type TestClient } from '../support/client'

const app = serveAppForTests()
const QUESTION = 'Where is the system letting students down here?'

async function signedIn(email: string) {
  const client = app.client()
  expect((await signIn(client, email, TEST_PASSWORD)).status).toBe(302)
  return client
}

async function startFishbone(client: TestClient, title = 'Ninth-grade attendance', problem = 'Two in five ninth graders are chronically absent.') {
  const response = await client.post('/tools/fishbones/new', { title, problem })
  expect(response.status).toBe(302)
  const path = location(response) ?? ''
  expect(path).toMatch(/^\/tools\/fishbones\/[0-9a-f-]{36}$/)
  return { path, id: path.split('/').pop() ?? '' }
}

async function bonesOf(artifactId: string) {
  return db.select({ id: fishboneBones.id, label: fishboneBones.label }).from(fishboneBones).where(eq(fishboneBones.artifactId, artifactId)).orderBy(asc(fishboneBones.position))
}

async function causesOn(boneId: string, parentId: string | null = null) {
  return db
    .select({ id: fishboneCauses.id, text: fishboneCauses.text, locus: fishboneCauses.locus, evidence: fishboneCauses.evidence })
    .from(fishboneCauses)
    .where(and(eq(fishboneCauses.boneId, boneId), parentId === null ? isNull(fishboneCauses.parentId) : eq(fishboneCauses.parentId, parentId)))
    .orderBy(asc(fishboneCauses.position))
}

async function allCauses(artifactId: string) {
  const bones = await bonesOf(artifactId)
  if (bones.length === 0) return []
  return db
    .select({ id: fishboneCauses.id, boneId: fishboneCauses.boneId, text: fishboneCauses.text, locus: fishboneCauses.locus, evidence: fishboneCauses.evidence })
    .from(fishboneCauses)
    .where(inArray(fishboneCauses.boneId, bones.map((b) => b.id)))
    .orderBy(asc(fishboneCauses.id))
}

async function updatedAt(artifactId: string) {
  const [row] = await db.select({ updatedAt: artifacts.updatedAt }).from(artifacts).where(eq(artifacts.id, artifactId))
  return row.updatedAt
}

test('a fellow starts a fishbone with the default bones, then adds, edits, moves and deletes causes and bones', async () => {
  const academy = await makeAcademy()
  const fellow = await signedIn(academy.fellowUser.email)
  expect((await fellow.get('/tools/fishbones/new')).status).toBe(200)
  const { path, id } = await startFishbone(fellow)
  const bones = await bonesOf(id)
  expect(bones.map((b) => b.label)).toEqual([...DEFAULT_BONES])
  const [students, teachers, , systems] = bones

  const firstPage = await pageText(await fellow.get(path))
  expect(firstPage).toContain('Ninth-grade attendance')
  expect(firstPage).toContain('Two in five ninth graders are chronically absent.')
  expect(firstPage).toContain('No causes yet.')

  const before = await updatedAt(id)
  const added = await fellow.post(path, { intent: 'add-cause', boneId: students.id, text: 'Students do not see why school matters', locus: 'people', evidence: '' })
  expect(added.status).toBe(200)
  expect(await pageText(added)).toContain('Cause added.')
  expect((await updatedAt(id)).getTime()).toBeGreaterThan(before.getTime())
  expect((await fellow.post(path, { intent: 'add-cause', boneId: students.id, text: 'First-period tardies count as absences', locus: 'system', evidence: 'Attendance policy, section 4' })).status).toBe(200)
  expect((await fellow.post(path, { intent: 'add-cause', boneId: systems.id, text: 'Families are not told about absences', locus: 'people' })).status).toBe(200)
  const [motivation, tardies] = await causesOn(students.id)
  expect((await fellow.post(path, { intent: 'add-cause', boneId: students.id, parentId: motivation.id, text: 'No adult checks in on the first day back', locus: 'people' })).status).toBe(200)
  expect(await causesOn(students.id, motivation.id)).toMatchObject([{ text: 'No adult checks in on the first day back', locus: 'people', evidence: '' }])
  expect(await causesOn(students.id)).toMatchObject([
    { text: 'Students do not see why school matters', locus: 'people' },
    { text: 'First-period tardies count as absences', locus: 'system', evidence: 'Attendance policy, section 4' },
  ])

  // Three of four causes in people: the page asks where the system is failing.
  let page = await pageText(await fellow.get(path))
  expect(page).toContain('3 of 4 causes (75%) locate the problem in people; 1 (25%) in the system.')
  expect(page).toContain(QUESTION)
  expect(page).toContain('Evidence: Attendance policy, section 4')
  const html = await (await fellow.get(path)).text()
  expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="fishbone-title"[^>]*aria-describedby="fishbone-desc"/)
  expect(html).toContain('<title id="fishbone-title">Fishbone: Ninth-grade attendance</title>')
  expect(html).toContain('name="intent"')

  // Re-tagging one cause brings it to exactly half: no longer "most", so no question.
  const [families] = await causesOn(systems.id)
  expect((await fellow.post(path, { intent: 'edit-cause', causeId: families.id, text: 'Absence letters go out in English only', locus: 'system', evidence: 'Letter template' })).status).toBe(200)
  expect(await causesOn(systems.id)).toMatchObject([{ text: 'Absence letters go out in English only', locus: 'system', evidence: 'Letter template' }])
  page = await pageText(await fellow.get(path))
  expect(page).toContain('2 of 4 causes (50%) locate the problem in people; 2 (50%) in the system.')
  expect(page).not.toContain(QUESTION)

  // Moving among siblings, and at the ends.
  expect((await fellow.post(path, { intent: 'move-cause', causeId: tardies.id, direction: 'up' })).status).toBe(200)
  expect((await causesOn(students.id)).map((c) => c.id)).toEqual([tardies.id, motivation.id])
  const atTop = await fellow.post(path, { intent: 'move-cause', causeId: tardies.id, direction: 'up' })
  expect(atTop.status).toBe(200)
  expect(await pageText(atTop)).toContain('It is already at that end.')
  expect((await causesOn(students.id)).map((c) => c.id)).toEqual([tardies.id, motivation.id])

  // Bones: rename, move, add, delete (with their causes).
  expect((await fellow.post(path, { intent: 'rename-bone', boneId: teachers.id, label: 'Classroom practice' })).status).toBe(200)
  expect((await fellow.post(path, { intent: 'move-bone', boneId: students.id, direction: 'down' })).status).toBe(200)
  expect((await bonesOf(id)).slice(0, 3).map((b) => b.label)).toEqual(['Classroom practice', 'Students', 'Curriculum and materials'])
  expect((await fellow.post(path, { intent: 'add-bone', label: 'Transportation' })).status).toBe(200)
  expect((await bonesOf(id)).map((b) => b.label).at(-1)).toBe('Transportation')
  expect((await fellow.post(path, { intent: 'delete-bone', boneId: systems.id })).status).toBe(200)
  expect((await bonesOf(id)).map((b) => b.label)).not.toContain('Systems, policies and schedules')
  expect((await allCauses(id)).map((c) => c.text)).not.toContain('Absence letters go out in English only')

  // Deleting a cause takes its sub-causes with it.
  expect((await fellow.post(path, { intent: 'delete-cause', causeId: motivation.id })).status).toBe(200)
  expect((await allCauses(id)).map((c) => c.text)).toEqual(['First-period tardies count as absences'])

  expect((await fellow.post(path, { intent: 'edit-problem', problem: 'Chronic absence in grade 9 is 41%.' })).status).toBe(200)
  const [stored] = await db.select({ problem: fishbones.problem }).from(fishbones).where(eq(fishbones.artifactId, id))
  expect(stored.problem).toBe('Chronic absence in grade 9 is 41%.')
  expect(await pageText(await fellow.get('/tools'))).toContain('Ninth-grade attendance')
})

test('new bones and causes go last, and positions stay 0, 1, 2… however often things are deleted', async () => {
  const academy = await makeAcademy()
  const fellow = await signedIn(academy.fellowUser.email)
  const { path, id } = await startFishbone(fellow)
  const [students] = await bonesOf(id)
  for (const text of ['A', 'B', 'C']) await fellow.post(path, { intent: 'add-cause', boneId: students.id, text, locus: 'people' })
  const [a] = await causesOn(students.id)
  for (let round = 0; round < 3; round++) {
    const [first] = await causesOn(students.id)
    expect((await fellow.post(path, { intent: 'delete-cause', causeId: first.id })).status).toBe(200)
    expect((await fellow.post(path, { intent: 'add-cause', boneId: students.id, text: `D${round}`, locus: 'system' })).status).toBe(200)
  }
  const positions = await db.select({ text: fishboneCauses.text, position: fishboneCauses.position }).from(fishboneCauses).where(eq(fishboneCauses.boneId, students.id)).orderBy(asc(fishboneCauses.position))
  expect(positions).toEqual([
    { text: 'D0', position: 0 },
    { text: 'D1', position: 1 },
    { text: 'D2', position: 2 },
  ])
  expect(positions.map((p) => p.text)).not.toContain(a.text)

  expect((await fellow.post(path, { intent: 'delete-bone', boneId: students.id })).status).toBe(200)
  expect((await fellow.post(path, { intent: 'add-bone', label: 'Transportation' })).status).toBe(200)
  const bones = await db.select({ label: fishboneBones.label, position: fishboneBones.position }).from(fishboneBones).where(eq(fishboneBones.artifactId, id)).orderBy(asc(fishboneBones.position))
  expect(bones).toEqual([...DEFAULT_BONES.slice(1), 'Transportation'].map((label, position) => ({ label, position })))
})

test('starting a fishbone needs a title and a problem statement within limits; nothing is stored otherwise', async () => {
  const academy = await makeAcademy()
  const fellow = await signedIn(academy.fellowUser.email)
  const empty = await fellow.post('/tools/fishbones/new', { title: '', problem: '   ' })
  expect(empty.status).toBe(400)
  const text = await pageText(empty)
  expect(text).toContain('Give the fishbone a title.')
  expect(text).toContain('State the problem at the head of the fish.')
  expect((await fellow.post('/tools/fishbones/new', { title: 'Attendance', problem: 'p'.repeat(501) })).status).toBe(400)
  expect((await fellow.post('/tools/fishbones/new', { title: 't'.repeat(201), problem: 'Absence' })).status).toBe(400)
  expect(await db.select({ id: artifacts.id }).from(artifacts).where(eq(artifacts.fellowId, academy.fellow.id))).toEqual([])
  // Only fellows start one.
  const coach = await signedIn(academy.coach.email)
  expect((await coach.get('/tools/fishbones/new')).status).toBe(403)
  expect((await coach.post('/tools/fishbones/new', { title: 'Attendance', problem: 'Absence' })).status).toBe(403)
  expect(await db.select({ id: artifacts.id }).from(artifacts).where(eq(artifacts.fellowId, academy.fellow.id))).toEqual([])
})

test('bad input gets a 400 with a reason and stores nothing', async () => {
  const academy = await makeAcademy()
  const fellow = await signedIn(academy.fellowUser.email)
  const { path, id } = await startFishbone(fellow)
  const [students] = await bonesOf(id)
  const cause = { intent: 'add-cause', boneId: students.id, text: 'Late buses', locus: 'system', evidence: '' }
  const cases: [Record<string, string>, string][] = [
    [{ ...cause, text: '' }, 'Write the cause.'],
    [{ ...cause, text: '    ' }, 'Write the cause.'],
    [{ ...cause, text: 'x'.repeat(301) }, 'Keep a cause to 300 characters'],
    [{ ...cause, evidence: 'e'.repeat(1001) }, 'Keep the evidence to 1000 characters.'],
    [{ ...cause, locus: 'students' }, 'Say whether this cause locates the problem in people or in the system.'],
    [{ intent: 'add-cause', boneId: students.id, text: 'Late buses' }, 'Say whether this cause locates the problem in people or in the system.'],
    [{ ...cause, boneId: 'not-an-id' }, 'That request could not be read.'],
    [{ ...cause, intent: 'rewrite-everything' }, 'That request could not be read.'],
    [{ text: 'Late buses' }, 'That request could not be read.'],
    [{ intent: 'edit-problem', problem: 'p'.repeat(501) }, 'Keep the problem statement to 500 characters.'],
    [{ intent: 'edit-problem', problem: '' }, 'State the problem at the head of the fish.'],
    [{ intent: 'add-bone', label: ' ' }, 'Name the bone.'],
    [{ intent: 'rename-bone', boneId: students.id, label: 'b'.repeat(81) }, 'Keep a bone’s name to 80 characters.'],
    [{ intent: 'move-bone', boneId: students.id, direction: 'sideways' }, 'Move up or down.'],
  ]
  for (const [form, message] of cases) {
    const response = await fellow.post(path, form)
    expect(response.status, JSON.stringify(form).slice(0, 80)).toBe(400)
    expect(await pageText(response)).toContain(message)
  }
  expect(await allCauses(id)).toEqual([])
  expect((await bonesOf(id)).map((b) => b.label)).toEqual([...DEFAULT_BONES])
  const [stored] = await db.select({ problem: fishbones.problem }).from(fishbones).where(eq(fishbones.artifactId, id))
  expect(stored.problem).toBe('Two in five ninth graders are chronically absent.')
})

test('a fishbone holds at most 12 bones and 120 causes, nested three deep', async () => {
  const academy = await makeAcademy()
  const fellow = await signedIn(academy.fellowUser.email)
  const { path, id } = await startFishbone(fellow)
  for (let i = 7; i <= 12; i++) expect((await fellow.post(path, { intent: 'add-bone', label: `Bone ${i}` })).status).toBe(200)
  const full = await fellow.post(path, { intent: 'add-bone', label: 'Bone 13' })
  expect(full.status).toBe(400)
  expect(await pageText(full)).toContain('A fishbone holds at most 12 bones.')
  expect(await bonesOf(id)).toHaveLength(12)

  const [students] = await bonesOf(id)
  expect((await fellow.post(path, { intent: 'add-cause', boneId: students.id, text: 'Level one', locus: 'people' })).status).toBe(200)
  const [one] = await causesOn(students.id)
  expect((await fellow.post(path, { intent: 'add-cause', boneId: students.id, parentId: one.id, text: 'Level two', locus: 'people' })).status).toBe(200)
  const [two] = await causesOn(students.id, one.id)
  expect((await fellow.post(path, { intent: 'add-cause', boneId: students.id, parentId: two.id, text: 'Level three', locus: 'system' })).status).toBe(200)
  const [three] = await causesOn(students.id, two.id)
  const tooDeep = await fellow.post(path, { intent: 'add-cause', boneId: students.id, parentId: three.id, text: 'Level four', locus: 'system' })
  expect(tooDeep.status).toBe(400)
  expect(await pageText(tooDeep)).toContain('Causes nest 3 levels deep at most')

  await db.insert(fishboneCauses).values(Array.from({ length: 117 }, (_, i) => ({ boneId: students.id, text: `Cause ${i}`, locus: 'people' as const, position: i + 1 })))
  expect(await allCauses(id)).toHaveLength(120)
  const tooMany = await fellow.post(path, { intent: 'add-cause', boneId: students.id, text: 'One more', locus: 'system' })
  expect(tooMany.status).toBe(400)
  expect(await pageText(tooMany)).toContain('A fishbone holds at most 120 causes.')
  expect(await allCauses(id)).toHaveLength(120)
  // The full page still renders, drawing and all.
  expect((await fellow.get(path)).status).toBe(200)
})

test('the author’s coach and staff read the page and the SVG but cannot change anything; anyone else gets a 404', async () => {
  const academy = await makeAcademy()
  const fellow = await signedIn(academy.fellowUser.email)
  const { path, id } = await startFishbone(fellow)
  const [students] = await bonesOf(id)
  await fellow.post(path, { intent: 'add-cause', boneId: students.id, text: 'Late buses', locus: 'system', evidence: 'Bus logs' })
  const [late] = await causesOn(students.id)
  const posts: Record<string, string>[] = [
    { intent: 'edit-problem', problem: 'Changed' },
    { intent: 'add-bone', label: 'Intruder' },
    { intent: 'rename-bone', boneId: students.id, label: 'Intruder' },
    { intent: 'delete-bone', boneId: students.id },
    { intent: 'move-bone', boneId: students.id, direction: 'down' },
    { intent: 'add-cause', boneId: students.id, text: 'Intruder', locus: 'people' },
    { intent: 'edit-cause', causeId: late.id, text: 'Intruder', locus: 'people' },
    { intent: 'delete-cause', causeId: late.id },
    { intent: 'move-cause', causeId: late.id, direction: 'down' },
  ]
  async function unchanged() {
    expect((await bonesOf(id)).map((b) => b.label)).toEqual([...DEFAULT_BONES])
    expect(await allCauses(id)).toMatchObject([{ text: 'Late buses', locus: 'system', evidence: 'Bus logs' }])
    const [stored] = await db.select({ problem: fishbones.problem }).from(fishbones).where(eq(fishbones.artifactId, id))
    expect(stored.problem).toBe('Two in five ninth graders are chronically absent.')
  }

  for (const email of [academy.coach.email, academy.staff.email, academy.admin.email]) {
    const reader = await signedIn(email)
    const page = await reader.get(path)
    expect(page.status, email).toBe(200)
    const html = await page.text()
    expect(html).toContain('Late buses')
    expect(html).toContain('role="img"')
    expect(html).not.toContain('name="intent"')
    expect(html).not.toContain('Add a cause')
    expect(await pageText(new Response(html))).toContain('You are reading it; only they can change it.')
    expect((await reader.get(`${path}.svg`)).status, email).toBe(200)
    for (const form of posts) expect((await reader.post(path, form)).status, `${email} ${form.intent}`).toBe(403)
  }
  await unchanged()

  for (const email of [academy.otherFellowUser.email, academy.otherCoach.email]) {
    const stranger = await signedIn(email)
    expect((await stranger.get(path)).status, email).toBe(404)
    expect((await stranger.get(`${path}.svg`)).status, email).toBe(404)
    for (const form of posts) expect((await stranger.post(path, form)).status, `${email} ${form.intent}`).toBe(404)
  }
  await unchanged()

  const anonymous = app.client()
  expect((await anonymous.get(path)).status).toBe(302)
  expect((await anonymous.get(`${path}.svg`)).status).toBe(302)

  // Malformed ids and artifacts of another kind are simply not found.
  expect((await fellow.get('/tools/fishbones/not-a-uuid')).status).toBe(404)
  expect((await fellow.get('/tools/fishbones/not-a-uuid.svg')).status).toBe(404)
  const auditId = await insertArtifact(db, { fellowId: academy.fellow.id, kind: 'equity_audit', title: 'An audit' })
  expect((await fellow.get(`/tools/fishbones/${auditId}`)).status).toBe(404)
  expect((await fellow.get(`/tools/fishbones/${auditId}.svg`)).status).toBe(404)
  expect((await fellow.post(`/tools/fishbones/${auditId}`, { intent: 'add-bone', label: 'Sneaky' })).status).toBe(404)
})

test('a bone or cause of another fellow’s fishbone answers 404 through one’s own and changes nothing', async () => {
  const academy = await makeAcademy()
  const other = await signedIn(academy.otherFellowUser.email)
  const theirs = await startFishbone(other, 'Their fishbone', 'Their problem')
  const [theirBone] = await bonesOf(theirs.id)
  await other.post(theirs.path, { intent: 'add-cause', boneId: theirBone.id, text: 'Their cause', locus: 'people', evidence: 'Their evidence' })
  await other.post(theirs.path, { intent: 'add-cause', boneId: theirBone.id, text: 'Their second cause', locus: 'system' })
  const [theirCause] = await causesOn(theirBone.id)

  const fellow = await signedIn(academy.fellowUser.email)
  const mine = await startFishbone(fellow)
  const [myBone] = await bonesOf(mine.id)
  const attempts: Record<string, string>[] = [
    { intent: 'rename-bone', boneId: theirBone.id, label: 'Hijacked' },
    { intent: 'delete-bone', boneId: theirBone.id },
    { intent: 'move-bone', boneId: theirBone.id, direction: 'down' },
    { intent: 'add-cause', boneId: theirBone.id, text: 'Planted', locus: 'people' },
    { intent: 'add-cause', boneId: myBone.id, parentId: theirCause.id, text: 'Planted', locus: 'people' },
    { intent: 'edit-cause', causeId: theirCause.id, text: 'Hijacked', locus: 'system' },
    { intent: 'delete-cause', causeId: theirCause.id },
    { intent: 'move-cause', causeId: theirCause.id, direction: 'down' },
    { intent: 'rename-bone', boneId: '00000000-0000-4000-8000-000000000000', label: 'Nobody' },
  ]
  for (const form of attempts) {
    const response = await fellow.post(mine.path, form)
    expect(response.status, form.intent).toBe(404)
    expect(await pageText(response)).toContain('That bone or cause is not part of this fishbone.')
  }
  expect((await bonesOf(theirs.id)).map((b) => b.label)).toEqual([...DEFAULT_BONES])
  expect((await causesOn(theirBone.id)).map((c) => [c.text, c.locus, c.evidence])).toEqual([
    ['Their cause', 'people', 'Their evidence'],
    ['Their second cause', 'system', ''],
  ])
  expect(await allCauses(mine.id)).toEqual([])
})

test('the SVG download is a standalone file named from the title, with a text alternative and the whole outline', async () => {
  const academy = await makeAcademy()
  const fellow = await signedIn(academy.fellowUser.email)
  const { path, id } = await startFishbone(fellow, 'Ninth-grade attendance: why?', 'Two in five ninth graders are chronically absent & it is rising.')
  const [students] = await bonesOf(id)
  const long = `${'The first-period tardy policy turns late arrivals into absences '.repeat(4).trim()}.`
  await fellow.post(path, { intent: 'add-cause', boneId: students.id, text: long, locus: 'system', evidence: 'Policy handbook <section 4>' })
  const response = await fellow.get(`${path}.svg`)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8')
  expect(response.headers.get('content-disposition')).toBe('attachment; filename="ninth-grade-attendance-why.svg"')
  const svg = await response.text()
  expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
  expect(svg).toContain('<title id="fishbone-title">Fishbone: Ninth-grade attendance: why?</title>')
  expect(svg).toMatch(/<desc id="fishbone-desc">Fishbone diagram\. The problem at its head: Two in five ninth graders are chronically absent &amp; it is rising\./)
  expect(svg).not.toContain('<section 4>')
  expect(svg).toContain('Evidence: Policy handbook &lt;section 4&gt;')
  // The outline carries the long cause in full, over as many lines as it needs.
  const spoken = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]).join(' ')
  expect(spoken).toContain('Outline: Ninth-grade attendance: why?')
  expect(spoken).toContain('1. Students')
  expect(spoken.replace(/\s+/g, ' ')).toContain(`• ${long} (in the system)`)
  expect(spoken).toContain('6. Leadership and culture (no causes yet)')
})
