import path from 'node:path'
import { and, eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { db } from '../../db/client.server'
import { moduleProgress, modules, promptResponses } from '../../db/schema'
import { getCompiledModule } from '../../app/utils/content.server'
import { buildCurriculum } from '../../scripts/content/compile'
import { makeFellow, makeUser, TEST_PASSWORD } from '../support/academy'
import { serveAppForTests } from '../support/app'
import { location, pageText, signIn } from '../support/client'

const app = serveAppForTests()

async function signedIn(email: string) {
  const client = app.client()
  expect((await signIn(client, email, TEST_PASSWORD)).status).toBe(302)
  return client
}

function firstPrompt(slug: string) {
  const compiled = getCompiledModule(slug)
  if (!compiled) throw new Error(`No module ${slug}`)
  return { compiled, promptId: compiled.prompts[0].id }
}

test('every shipped module builds and validates: ten a year, one a month, each long enough', async () => {
  const { problems, manifest } = await buildCurriculum(path.resolve('content'))
  expect(problems).toEqual([])
  for (const year of [1, 2]) {
    const months = manifest.modules.filter((m) => m.year === year).map((m) => m.month)
    expect(months).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  }
  for (const m of manifest.modules) {
    expect(m.proseWords).toBeGreaterThanOrEqual(1200)
    expect(m.prompts.length).toBeGreaterThanOrEqual(3)
    expect(m.equityPhases.length).toBeGreaterThanOrEqual(1)
    expect(m.readings.every((r) => r.citation.length > 20)).toBe(true)
    if (m.year === 2) expect(m.assignment.tracksHtml).not.toBeNull()
  }
  // The start-up sync put every module in the database.
  expect((await db.select({ slug: modules.slug }).from(modules)).length).toBe(20)
})

test('an answer autosaves, updates in place, and is there on the next visit', async () => {
  const { user, fellow } = await makeFellow()
  const client = await signedIn(user.email)
  const { compiled, promptId } = firstPrompt('the-equity-lens')
  const first = await client.post(`/learn/${compiled.slug}`, { intent: 'save-answer', promptId, body: 'A first thought about lenses.' })
  expect(first.status).toBe(200)
  const second = await client.post(`/learn/${compiled.slug}`, { intent: 'save-answer', promptId, body: 'A better, second thought.' })
  expect(second.status).toBe(200)
  const rows = await db
    .select({ body: promptResponses.body })
    .from(promptResponses)
    .where(and(eq(promptResponses.fellowId, fellow.id), eq(promptResponses.moduleSlug, compiled.slug)))
  expect(rows).toEqual([{ body: 'A better, second thought.' }])
  const page = await (await client.get(`/learn/${compiled.slug}`)).text()
  expect(page).toContain('A better, second thought.')
  // Saving an answer starts the module.
  const [progress] = await db.select({ completedAt: moduleProgress.completedAt }).from(moduleProgress).where(eq(moduleProgress.fellowId, fellow.id))
  expect(progress).toEqual({ completedAt: null })
})

test('answers are the fellow’s own: another fellow neither sees nor overwrites them', async () => {
  const a = await makeFellow()
  const b = await makeFellow()
  const { compiled, promptId } = firstPrompt('cultural-identity')
  const clientA = await signedIn(a.user.email)
  await clientA.post(`/learn/${compiled.slug}`, { intent: 'save-answer', promptId, body: 'Only mine: a private reflection.' })
  const clientB = await signedIn(b.user.email)
  expect(await (await clientB.get(`/learn/${compiled.slug}`)).text()).not.toContain('Only mine: a private reflection.')
  await clientB.post(`/learn/${compiled.slug}`, { intent: 'save-answer', promptId, body: 'Mine instead.', fellowId: a.fellow.id })
  const rows = await db
    .select({ fellowId: promptResponses.fellowId, body: promptResponses.body })
    .from(promptResponses)
    .where(eq(promptResponses.moduleSlug, compiled.slug))
  expect(rows).toEqual(
    expect.arrayContaining([
      { fellowId: a.fellow.id, body: 'Only mine: a private reflection.' },
      { fellowId: b.fellow.id, body: 'Mine instead.' },
    ]),
  )
  expect(rows).toHaveLength(2)
})

test('a year-one fellow cannot open a year-two module, its script, or save into it', async () => {
  const { user } = await makeFellow({ programYear: 1 })
  const client = await signedIn(user.email)
  const yearTwo = getCompiledModule('pdsa-planning-and-prediction')
  if (!yearTwo) throw new Error('missing module')
  expect((await client.get(`/learn/${yearTwo.slug}`)).status).toBe(404)
  expect((await client.get(`/modules/${yearTwo.slug}.${yearTwo.contentHash}.js`)).status).toBe(404)
  const post = await client.post(`/learn/${yearTwo.slug}`, { intent: 'save-answer', promptId: yearTwo.prompts[0].id, body: 'x' })
  expect(post.status).toBe(404)
  expect(await (await client.get('/learn')).text()).not.toContain(yearTwo.title)
  expect((await client.get('/learn/no-such-module')).status).toBe(404)
})

test('a year-two fellow reads year one as a record and sees only their own track', async () => {
  const { user } = await makeFellow({ programYear: 2, position: 'assistant_principal' })
  const client = await signedIn(user.email)
  const yearOne = firstPrompt('the-equity-lens')
  expect((await client.get('/learn/the-equity-lens')).status).toBe(200)
  const refused = await client.post('/learn/the-equity-lens', { intent: 'save-answer', promptId: yearOne.promptId, body: 'late' })
  expect(refused.status).toBe(403)
  const html = await (await client.get('/learn/sustain-and-spread')).text()
  expect(html).toContain('For assistant principals')
  expect(html).not.toContain('For principals')
})

test('marking sections done raises progress, and the last one completes the module', async () => {
  const { user, fellow } = await makeFellow()
  const client = await signedIn(user.email)
  const compiled = getCompiledModule('launching-the-academy')
  if (!compiled) throw new Error('missing module')
  const sections = compiled.sections.map((s) => s.id)
  for (const [i, sectionId] of sections.entries()) {
    expect((await client.post(`/learn/${compiled.slug}`, { intent: 'mark-section', sectionId, done: 'true' })).status).toBe(200)
    const [row] = await db.select({ sectionsDone: moduleProgress.sectionsDone, completedAt: moduleProgress.completedAt }).from(moduleProgress).where(eq(moduleProgress.fellowId, fellow.id))
    expect(row.sectionsDone).toHaveLength(i + 1)
    expect(row.completedAt === null).toBe(i < sections.length - 1)
  }
  await client.post(`/learn/${compiled.slug}`, { intent: 'mark-section', sectionId: sections[0], done: 'false' })
  const [undone] = await db.select({ sectionsDone: moduleProgress.sectionsDone, completedAt: moduleProgress.completedAt }).from(moduleProgress).where(eq(moduleProgress.fellowId, fellow.id))
  expect(undone.sectionsDone).toHaveLength(sections.length - 1)
  expect(undone.completedAt).toBeNull()
  const overview = await pageText(await client.get('/learn'))
  expect(overview).toContain(`In progress (${sections.length - 1} of ${sections.length} sections)`)
})

test('bad input to the reader gets a clear 400 and stores nothing', async () => {
  const { user, fellow } = await makeFellow()
  const client = await signedIn(user.email)
  const { compiled, promptId } = firstPrompt('the-equity-lens')
  const long = await client.post(`/learn/${compiled.slug}`, { intent: 'save-answer', promptId, body: 'x'.repeat(20_001) })
  expect(long.status).toBe(400)
  expect(await long.text()).toContain('Answers can be up to 20,000 characters')
  const unknownPrompt = await client.post(`/learn/${compiled.slug}`, { intent: 'save-answer', promptId: 'not-a-prompt', body: 'hello' })
  expect(unknownPrompt.status).toBe(400)
  const unknownSection = await client.post(`/learn/${compiled.slug}`, { intent: 'mark-section', sectionId: 'nope', done: 'true' })
  expect(unknownSection.status).toBe(400)
  const noIntent = await client.post(`/learn/${compiled.slug}`, { body: 'hello' })
  expect(noIntent.status).toBe(400)
  expect(await db.select({ id: promptResponses.promptId }).from(promptResponses).where(eq(promptResponses.fellowId, fellow.id))).toEqual([])
})

test('coaches and staff read any module but cannot answer; signed-out visitors go to sign in', async () => {
  for (const role of ['coach', 'staff'] as const) {
    const user = await makeUser(role)
    const client = await signedIn(user.email)
    const page = await client.get('/learn/capstone')
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('For principals')
    expect(html).toContain('For assistant principals')
    const { promptId } = firstPrompt('capstone')
    expect((await client.post('/learn/capstone', { intent: 'save-answer', promptId, body: 'x' })).status).toBe(403)
  }
  expect(location(await app.client().get('/learn/capstone'))).toMatch(/^\/login/)
})
