import { and, count, eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { db } from '../../db/client.server'
import { artifacts, fellows, pdsaCycles, pdsaDataPoints, pdsaMeasures, pdsaRamps } from '../../db/schema'
import { insertArtifact } from '../../app/models/artifact.server'
import { makeAcademy, makeFellow, makeUser, TEST_PASSWORD } from '../support/academy'
import { serveAppForTests } from '../support/app'
import { location, pageText, signIn, type TestClient } from '../support/client'

const app = serveAppForTests()

async function signedIn(email: string) {
  const client = app.client()
  expect((await signIn(client, email, TEST_PASSWORD)).status).toBe(302)
  return client
}

/** Creates PDSA work through the form and returns its address. */
async function startRamp(client: TestClient, form: Record<string, string> = {}) {
  const response = await client.post('/tools/pdsa/new', {
    title: 'PDSA: conferences',
    problem: 'Few families of multilingual learners come to student-led conferences.',
    aim: 'Half of these families attend by spring.',
    measureName: 'Families attending',
    measureUnit: 'families',
    ...form,
  })
  expect(response.status).toBe(302)
  const path = location(response) ?? ''
  expect(path).toMatch(/^\/tools\/pdsa\/[0-9a-f-]{36}$/)
  return path
}

function idOf(path: string) {
  return path.split('/')[3]
}

async function measureOf(path: string) {
  const [measure] = await db.select({ id: pdsaMeasures.id }).from(pdsaMeasures).where(eq(pdsaMeasures.artifactId, idOf(path)))
  return measure.id
}

async function pointCount(measureId: string) {
  const [row] = await db.select({ n: count() }).from(pdsaDataPoints).where(eq(pdsaDataPoints.measureId, measureId))
  return row.n
}

async function cyclesOf(path: string) {
  return db
    .select({ id: pdsaCycles.id, number: pdsaCycles.number, changeIdea: pdsaCycles.changeIdea, prediction: pdsaCycles.prediction, act: pdsaCycles.act, actNotes: pdsaCycles.actNotes, studyNotes: pdsaCycles.studyNotes })
    .from(pdsaCycles)
    .where(eq(pdsaCycles.artifactId, idOf(path)))
    .orderBy(pdsaCycles.number)
}

async function addPoint(client: TestClient, path: string, measureId: string, observedOn: string, value: string, extra: Record<string, string> = {}) {
  return client.post(path, { intent: 'add-point', measureId, observedOn, value, note: '', ...extra })
}

/** A ramp with a measure, cycle 1 and one data point, made by the given fellow. */
async function rampWithWork(client: TestClient) {
  const path = await startRamp(client)
  expect(location(await client.post(path, { intent: 'start-cycle', changeIdea: 'Call each family the week before' }))).toBe(`${path}/cycles/1`)
  const measureId = await measureOf(path)
  expect((await addPoint(client, path, measureId, '2026-10-01', '4')).status).toBe(200)
  const [point] = await db.select({ id: pdsaDataPoints.id }).from(pdsaDataPoints).where(eq(pdsaDataPoints.measureId, measureId))
  const [cycle] = await cyclesOf(path)
  return { path, measureId, pointId: point.id, cycleId: cycle.id }
}

test('an assistant principal starts from their project title, a principal from their focus area; only fellows start', async () => {
  const ap = await makeFellow({ position: 'assistant_principal', programYear: 2, state: 'NJ' })
  await db.update(fellows).set({ projectTitle: 'Family attendance at student-led conferences' }).where(eq(fellows.id, ap.fellow.id))
  const client = await signedIn(ap.user.email)
  const page = await client.get('/tools/pdsa/new')
  expect(page.status).toBe(200)
  const html = await page.text()
  expect(html).toMatch(/<textarea[^>]*name="problem"[^>]*>Family attendance at student-led conferences<\/textarea>/)
  expect(html).toContain('value="PDSA: Family attendance at student-led conferences"')

  const path = await startRamp(client, { problem: 'Family attendance at student-led conferences, for families who speak Spanish at home' })
  const [ramp] = await db
    .select({ problem: pdsaRamps.problem, aim: pdsaRamps.aim, fellowId: artifacts.fellowId, kind: artifacts.kind, title: artifacts.title })
    .from(pdsaRamps)
    .innerJoin(artifacts, eq(artifacts.id, pdsaRamps.artifactId))
    .where(eq(pdsaRamps.artifactId, idOf(path)))
  expect(ramp).toEqual({
    problem: 'Family attendance at student-led conferences, for families who speak Spanish at home',
    aim: 'Half of these families attend by spring.',
    fellowId: ap.fellow.id,
    kind: 'pdsa',
    title: 'PDSA: conferences',
  })
  const measures = await db.select({ name: pdsaMeasures.name, unit: pdsaMeasures.unit }).from(pdsaMeasures).where(eq(pdsaMeasures.artifactId, idOf(path)))
  expect(measures).toEqual([{ name: 'Families attending', unit: 'families' }])
  const ramPage = await pageText(await client.get(path))
  expect(ramPage).toContain('Family attendance at student-led conferences, for families who speak Spanish at home')
  expect(ramPage).toContain('No cycles yet.')

  const principal = await makeFellow({ position: 'principal', programYear: 2 })
  await db.update(fellows).set({ focusArea: 'literacy' }).where(eq(fellows.id, principal.fellow.id))
  const principalPage = await (await signedIn(principal.user.email)).get('/tools/pdsa/new')
  const principalHtml = await principalPage.text()
  expect(principalHtml).toMatch(/<textarea[^>]*name="problem"[^>]*>Problem of practice \(literacy\): <\/textarea>/)
  expect(principalHtml).toContain('Your problem of practice is in literacy.')

  const coach = await signedIn((await makeUser('coach')).email)
  expect((await coach.get('/tools/pdsa/new')).status).toBe(403)
  expect((await coach.post('/tools/pdsa/new', { title: 'x', problem: 'y' })).status).toBe(403)
})

test('cycle 1 runs plan, do, study and act; cycle 2 starts only after the act decision, and from it', async () => {
  const { user } = await makeFellow()
  const client = await signedIn(user.email)
  const path = await startRamp(client)
  const started = await client.post(path, { intent: 'start-cycle', changeIdea: 'Text each family a reminder the day before' })
  expect(started.status).toBe(302)
  expect(location(started)).toBe(`${path}/cycles/1`)

  const early = await client.post(path, { intent: 'start-cycle', changeIdea: 'Something else' })
  expect(early.status).toBe(409)
  expect(await pageText(early)).toContain('Decide whether to adopt, adapt or abandon cycle 1 before starting cycle 2.')
  expect(await cyclesOf(path)).toHaveLength(1)

  const cycle = `${path}/cycles/1`
  const plan = await client.post(cycle, {
    intent: 'plan',
    changeIdea: 'Text each family a reminder the day before',
    prediction: 'Eight of twenty families will come, up from three.',
    planWho: 'Ms. Ortiz and the family liaison',
    planWhat: 'A text in the family’s home language',
    planWhen: 'The week of 12 October',
    planWhere: 'Grade 6',
    planMeasures: 'Families attending; replies to the text',
  })
  expect(plan.status).toBe(200)
  expect(await pageText(plan)).toContain('Plan saved.')
  expect((await client.post(cycle, { intent: 'do', doNotes: 'Sent 20 texts; 4 numbers were out of date.' })).status).toBe(200)
  expect((await client.post(cycle, { intent: 'study', studyNotes: 'Seven came: close to the prediction.' })).status).toBe(200)

  const vagueAdapt = await client.post(cycle, { intent: 'act', act: 'adapt', actNotes: '' })
  expect(vagueAdapt.status).toBe(400)
  expect(await pageText(vagueAdapt)).toContain('Say what you will adapt in the next cycle.')
  expect((await cyclesOf(path))[0].act).toBeNull()
  expect((await client.post(cycle, { intent: 'act', act: 'adapt', actNotes: 'Send the reminder in Spanish too' })).status).toBe(200)

  expect(await cyclesOf(path)).toEqual([
    expect.objectContaining({
      number: 1,
      changeIdea: 'Text each family a reminder the day before',
      prediction: 'Eight of twenty families will come, up from three.',
      studyNotes: 'Seven came: close to the prediction.',
      act: 'adapt',
      actNotes: 'Send the reminder in Spanish too',
    }),
  ])
  const cyclePage = await pageText(await client.get(cycle))
  expect(cyclePage).toContain('Sent 20 texts; 4 numbers were out of date.')
  expect(cyclePage).toContain('Equity-centered improvement questions Generate ideas for change')
  expect(cyclePage).toContain('Learn in practice')
  expect(cyclePage).toContain('Sustain and spread')

  const rampHtml = await (await client.get(path)).text()
  expect(await pageText(new Response(rampHtml))).toContain('Starts from cycle 1: Adapt — Send the reminder in Spanish too')
  expect(await pageText(new Response(rampHtml))).toContain('What we are adapting: Send the reminder in Spanish too')
  expect(rampHtml).toMatch(/<textarea[^>]*name="changeIdea"[^>]*>Text each family a reminder the day before<\/textarea>/)

  expect(location(await client.post(path, { intent: 'start-cycle', changeIdea: 'Text each family a reminder in their home language' }))).toBe(`${path}/cycles/2`)
  const second = await pageText(await client.get(`${path}/cycles/2`))
  expect(second).toContain('Starts from cycle 1: Adapt — Send the reminder in Spanish too')
  expect(second).toContain('What we are adapting: Send the reminder in Spanish too')
  expect((await client.get(`${path}/cycles/3`)).status).toBe(404)
  expect((await client.get(`${path}/cycles/zero`)).status).toBe(404)
  expect((await client.get(`${path}/cycles/0`)).status).toBe(404)

  // Abandoning cycle 2 means cycle 3 starts from a blank change idea.
  expect((await client.post(`${path}/cycles/2`, { intent: 'act', act: 'abandon', actNotes: 'Texts were not the barrier' })).status).toBe(200)
  const afterAbandon = await (await client.get(path)).text()
  expect(afterAbandon).toContain('Starts from cycle 2: Abandon — Texts were not the barrier')
  expect(afterAbandon).toMatch(/<textarea[^>]*name="changeIdea"[^>]*><\/textarea>/)
})

test('two starts of the next cycle at once make one cycle; the other is refused with 409', async () => {
  const { user } = await makeFellow()
  const client = await signedIn(user.email)
  const path = await startRamp(client)
  const responses = await Promise.all([
    client.post(path, { intent: 'start-cycle', changeIdea: 'First tab' }),
    client.post(path, { intent: 'start-cycle', changeIdea: 'Second tab' }),
  ])
  expect(responses.map((r) => r.status).sort()).toEqual([302, 409])
  const cycles = await cyclesOf(path)
  expect(cycles.map((c) => c.number)).toEqual([1])
})

test('data points draw a run chart that names a shift once 6 points sit above the median', async () => {
  const { user } = await makeFellow()
  const client = await signedIn(user.email)
  const path = await startRamp(client)
  const measureId = await measureOf(path)
  expect(location(await client.post(path, { intent: 'start-cycle', changeIdea: 'Reminder texts' }))).toBe(`${path}/cycles/1`)
  const [cycle] = await cyclesOf(path)

  const low = [3, 4, 3, 5, 4, 3]
  for (const [i, value] of low.entries()) {
    const added = await addPoint(client, path, measureId, `2026-09-${String(7 + i).padStart(2, '0')}`, String(value))
    expect(added.status).toBe(200)
  }
  const before = await pageText(await client.get(path))
  // Median 3.5: 4, 5, 4 above and 3, 3, 3 below; nothing six in a row.
  expect(before).toContain('median 3.5 families')
  expect(before).toContain('No shift and no trend.')
  expect(before).toContain('With fewer than 10 points the shift and trend rules are not yet reliable')
  expect(before).not.toContain('Shift:')

  const high = [9, 10, 9, 11, 10, 12]
  for (const [i, value] of high.entries()) {
    const added = await addPoint(client, path, measureId, `2026-10-${String(5 + i).padStart(2, '0')}`, String(value), { cycleId: cycle.id, note: i === 0 ? 'First week of texts' : '' })
    expect(added.status).toBe(200)
  }
  expect(await pointCount(measureId)).toBe(12)
  const html = await (await client.get(path)).text()
  expect(html).toMatch(/<svg[^>]*role="img"/)
  const text = await pageText(new Response(html))
  // 12 values sorted: 3 3 3 4 4 5 | 9 9 10 10 11 12, so the median is (5 + 9) / 2 = 7.
  expect(text).toContain('Run chart: Families attending')
  expect(text).toContain('Median 7')
  expect(text).toContain('Shift: 6 or more points in a row above the median')
  expect(text).toContain('Shift: 6 points in a row above the median, from 2026-10-05 to 2026-10-10.')
  expect(text).toContain('Shift: 6 points in a row below the median, from 2026-09-07 to 2026-09-12.')
  expect(text).toContain('2026-10-05 9 Cycle 1 First week of texts Shift (above the median)')

  const [first] = await db.select({ id: pdsaDataPoints.id }).from(pdsaDataPoints).where(and(eq(pdsaDataPoints.measureId, measureId), eq(pdsaDataPoints.observedOn, '2026-09-07')))
  const removed = await client.post(path, { intent: 'delete-point', pointId: first.id })
  expect(removed.status).toBe(200)
  expect(await pageText(removed)).toContain('Data point removed.')
  expect(await pointCount(measureId)).toBe(11)

  expect((await client.post(path, { intent: 'add-measure', name: 'Replies to the text', unit: '' })).status).toBe(200)
  const measures = await db.select({ name: pdsaMeasures.name }).from(pdsaMeasures).where(eq(pdsaMeasures.artifactId, idOf(path)))
  expect(measures.map((m) => m.name).sort()).toEqual(['Families attending', 'Replies to the text'])
})

test('bad input gets a 400 with the reason, the typed values come back, and nothing is stored', async () => {
  const { user } = await makeFellow()
  const client = await signedIn(user.email)
  const path = await startRamp(client)
  const measureId = await measureOf(path)

  const badDate = await addPoint(client, path, measureId, '2026-02-30', '12', { note: 'typed note kept' })
  expect(badDate.status).toBe(400)
  const badDateHtml = await badDate.text()
  expect(await pageText(new Response(badDateHtml))).toContain('Give a real calendar date, written YYYY-MM-DD.')
  expect(badDateHtml).toMatch(/<input[^>]*name="observedOn"[^>]*value="2026-02-30"/)
  expect(badDateHtml).toMatch(/<input[^>]*name="note"[^>]*value="typed note kept"/)
  const notNumber = await addPoint(client, path, measureId, '2026-10-01', 'twelve')
  expect(notNumber.status).toBe(400)
  expect(await pageText(notNumber)).toContain('Give the value as a number, such as 12 or 12.5.')
  expect((await addPoint(client, path, measureId, '1999-12-31', '3')).status).toBe(400)
  expect((await addPoint(client, path, measureId, '2099-01-01', '3')).status).toBe(400)
  expect((await addPoint(client, path, measureId, '2026-10-01', '1e999')).status).toBe(400)
  expect((await addPoint(client, path, measureId, '2026-10-01', '3', { cycleId: 'not-a-cycle' })).status).toBe(400)
  expect((await client.post(path, { intent: 'add-point', measureId: 'nope', observedOn: '2026-10-01', value: '3' })).status).toBe(400)
  expect(await pointCount(measureId)).toBe(0)

  const noIdea = await client.post(path, { intent: 'start-cycle', changeIdea: '   ' })
  expect(noIdea.status).toBe(400)
  expect(await pageText(noIdea)).toContain('Say what change you are testing.')
  expect(await cyclesOf(path)).toEqual([])

  expect(location(await client.post(path, { intent: 'start-cycle', changeIdea: 'Reminder texts' }))).toBe(`${path}/cycles/1`)
  const cycle = `${path}/cycles/1`
  const planWithoutIdea = await client.post(cycle, { intent: 'plan', changeIdea: '', prediction: 'A prediction I typed' })
  expect(planWithoutIdea.status).toBe(400)
  const planHtml = await planWithoutIdea.text()
  expect(await pageText(new Response(planHtml))).toContain('Say what change you are testing.')
  expect(planHtml).toMatch(/<textarea[^>]*name="prediction"[^>]*>A prediction I typed<\/textarea>/)
  expect((await client.post(cycle, { intent: 'study', studyNotes: 's'.repeat(5001) })).status).toBe(400)
  expect((await client.post(cycle, { intent: 'act', act: 'pivot' })).status).toBe(400)
  expect((await client.post(cycle, { intent: 'launch' })).status).toBe(400)
  expect((await client.post(path, { intent: 'launch' })).status).toBe(400)
  expect((await client.post(path, { intent: 'add-measure', name: 'n'.repeat(201) })).status).toBe(400)
  expect((await client.post(path, { intent: 'ramp', title: '', problem: 'p' })).status).toBe(400)
  expect((await client.post(`${path}/cycles/7`, { intent: 'do', doNotes: 'no such cycle' })).status).toBe(404)
  expect(await cyclesOf(path)).toEqual([
    { id: expect.any(String), number: 1, changeIdea: 'Reminder texts', prediction: '', act: null, actNotes: '', studyNotes: '' },
  ])

  const before = await db.select({ n: count() }).from(artifacts)
  const bare = await client.post('/tools/pdsa/new', { title: 'PDSA', problem: 'Problem of practice (literacy): ' })
  expect(bare.status).toBe(400)
  expect(await pageText(bare)).toContain('Finish the problem statement after the colon.')
  expect((await client.post('/tools/pdsa/new', { title: 'PDSA', problem: 'Reading', measureUnit: 'students' })).status).toBe(400)
  expect(await db.select({ n: count() }).from(artifacts)).toEqual(before)
})

test('the coach and staff read the work but cannot change it; another fellow and an unpaired coach get 404', async () => {
  const academy = await makeAcademy()
  const owner = await signedIn(academy.fellowUser.email)
  const { path, measureId } = await rampWithWork(owner)
  const cycle = `${path}/cycles/1`
  const attempts: { url: string; form: Record<string, string> }[] = [
    { url: path, form: { intent: 'add-point', measureId, observedOn: '2026-10-02', value: '9' } },
    { url: path, form: { intent: 'start-cycle', changeIdea: 'Hijack' } },
    { url: path, form: { intent: 'ramp', title: 'Hijack', problem: 'Hijack' } },
    { url: cycle, form: { intent: 'plan', changeIdea: 'Hijack' } },
    { url: cycle, form: { intent: 'act', act: 'abandon' } },
  ]

  for (const email of [academy.coach.email, academy.staff.email, academy.admin.email]) {
    const reader = await signedIn(email)
    const ramp = await reader.get(path)
    expect(ramp.status).toBe(200)
    const html = await ramp.text()
    expect(await pageText(new Response(html))).toContain(`You are reading them; only ${academy.fellowUser.name} can change them.`)
    expect(html).toMatch(/<svg[^>]*role="img"/)
    expect(html).not.toContain('name="intent"')
    const cyclePage = await reader.get(cycle)
    expect(cyclePage.status).toBe(200)
    const cycleHtml = await cyclePage.text()
    const cycleText = await pageText(new Response(cycleHtml))
    expect(cycleText).toContain('Call each family the week before')
    expect(cycleText).toContain(`You are reading it; only ${academy.fellowUser.name} can change it.`)
    expect(cycleHtml).not.toContain('<textarea')
    for (const attempt of attempts) expect((await reader.post(attempt.url, attempt.form)).status).toBe(403)
  }

  for (const email of [academy.otherFellowUser.email, academy.otherCoach.email]) {
    const stranger = await signedIn(email)
    expect((await stranger.get(path)).status).toBe(404)
    expect((await stranger.get(cycle)).status).toBe(404)
    for (const attempt of attempts) expect((await stranger.post(attempt.url, attempt.form)).status).toBe(404)
  }

  expect(await pointCount(measureId)).toBe(1)
  expect(await cyclesOf(path)).toEqual([expect.objectContaining({ number: 1, changeIdea: 'Call each family the week before', act: null })])
  const [ramp] = await db.select({ problem: pdsaRamps.problem }).from(pdsaRamps).where(eq(pdsaRamps.artifactId, idOf(path)))
  expect(ramp.problem).toBe('Few families of multilingual learners come to student-led conferences.')
  expect((await app.client().get(path)).status).toBe(302)
})

test('measure, data point, cycle and fishbone ids from another fellow’s work are refused and change nothing', async () => {
  const academy = await makeAcademy()
  const mine = await signedIn(academy.fellowUser.email)
  const theirs = await signedIn(academy.otherFellowUser.email)
  const a = await rampWithWork(mine)
  const b = await rampWithWork(theirs)

  const foreignMeasure = await addPoint(mine, a.path, b.measureId, '2026-10-03', '5')
  expect(foreignMeasure.status).toBe(404)
  expect(await pageText(foreignMeasure)).toContain('That measure is not part of this work.')
  expect((await addPoint(mine, a.path, a.measureId, '2026-10-03', '5', { cycleId: b.cycleId })).status).toBe(404)
  expect((await mine.post(a.path, { intent: 'delete-point', pointId: b.pointId })).status).toBe(404)
  expect(await pointCount(a.measureId)).toBe(1)
  expect(await pointCount(b.measureId)).toBe(1)

  const theirFishbone = await insertArtifact(db, { fellowId: academy.otherFellow.id, kind: 'fishbone', title: 'Their fishbone' })
  const myFishbone = await insertArtifact(db, { fellowId: academy.fellow.id, kind: 'fishbone', title: 'My fishbone' })
  const before = await db.select({ n: count() }).from(artifacts)
  const refused = await mine.post('/tools/pdsa/new', { title: 'PDSA', problem: 'Reading', fishboneId: theirFishbone })
  expect(refused.status).toBe(400)
  expect(await pageText(refused)).toContain('Choose one of your own fishbones, or none.')
  expect(await db.select({ n: count() }).from(artifacts)).toEqual(before)
  expect((await mine.post(a.path, { intent: 'ramp', title: 'PDSA', problem: 'Reading', fishboneId: theirFishbone })).status).toBe(400)

  expect((await mine.get('/tools/pdsa/new')).status).toBe(200)
  expect(await pageText(await mine.get('/tools/pdsa/new'))).toContain('My fishbone')
  const linked = await startRamp(mine, { fishboneId: myFishbone })
  const [ramp] = await db.select({ fishboneId: pdsaRamps.fishboneId }).from(pdsaRamps).where(eq(pdsaRamps.artifactId, idOf(linked)))
  expect(ramp.fishboneId).toBe(myFishbone)
  expect(await pageText(await mine.get(linked))).toContain('My fishbone')
  const [aRamp] = await db.select({ fishboneId: pdsaRamps.fishboneId }).from(pdsaRamps).where(eq(pdsaRamps.artifactId, idOf(a.path)))
  expect(aRamp.fishboneId).toBeNull()
})
