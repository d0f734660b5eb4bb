import path from 'node:path'
import { UNSAFE_flatRoutes } from '@remix-run/dev'
import { expect, test } from 'vitest'
import remixConfig from '../../remix.config.js'
import { listBeliefs } from '../../app/models/coaching.server'
import { listSubmissionFiles } from '../../app/models/submission.server'
import { getCurriculum } from '../../app/utils/content.server'
import { notify } from '../../app/utils/notify.server'
import { makeAcademy, TEST_PASSWORD } from '../support/academy'
import { serveAppForTests } from '../support/app'
import { location, signIn, type TestClient } from '../support/client'
import { ACTORS, TABLE, TO_LOGIN, type ActorName, type Expected, type World } from './access-matrix.table'

const app = serveAppForTests()
const appDirectory = path.resolve('app')
const PROBE_BODY = { intent: 'access-matrix-probe' }
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n')

type Mismatch = { route: string; actor: ActorName; method: string; url: string; expected: string; got: string }

async function signedIn(email: string) {
  const client = app.client()
  const response = await signIn(client, email, TEST_PASSWORD)
  if (response.status !== 302) throw new Error(`${email} could not sign in (${response.status}).`)
  return client
}

/** The path a fixture POST redirected to: the new record's address. */
async function createdAt(response: Response, pattern: RegExp, what: string) {
  const to = location(response) ?? ''
  if (response.status !== 302 || !pattern.test(to)) throw new Error(`Creating ${what} answered ${response.status} ${to}: ${(await response.text()).slice(0, 300)}`)
  return to
}

const UUID = '[0-9a-f-]{36}'

/**
 * One academy (makeAcademy: a cohort with two fellows, each paired with their own coach, staff and
 * an admin) and a record of every type owned by "the fellow", made through the app's own routes.
 */
async function buildWorld() {
  const academy = await makeAcademy()
  const clients: Record<ActorName, TestClient> = {
    anonymous: app.client(),
    fellow: await signedIn(academy.fellowUser.email),
    otherFellow: await signedIn(academy.otherFellowUser.email),
    coach: await signedIn(academy.coach.email),
    otherCoach: await signedIn(academy.otherCoach.email),
    staff: await signedIn(academy.staff.email),
    admin: await signedIn(academy.admin.email),
  }
  const emails: Record<Exclude<ActorName, 'anonymous'>, string> = {
    fellow: academy.fellowUser.email,
    otherFellow: academy.otherFellowUser.email,
    coach: academy.coach.email,
    otherCoach: academy.otherCoach.email,
    staff: academy.staff.email,
    admin: academy.admin.email,
  }
  const { fellow, otherFellow, coach } = clients
  const marker = `am-${Date.now().toString(36)}`

  const moduleSlug = 'launching-the-academy'
  const modules = getCurriculum().modules
  const first = modules.find((m) => m.slug === moduleSlug)
  const later = modules.find((m) => m.year === 2)
  if (!first || first.year !== 1 || first.track !== 'all' || !later) throw new Error('The curriculum has no year-one module launching-the-academy or no year-two module.')

  const submissionPath = await createdAt(await fellow.post('/submissions', { moduleSlug }), new RegExp(`^/submissions/${UUID}$`), 'a submission')
  const submissionId = submissionPath.split('/')[2]
  const form = new FormData()
  form.set('file', new File([PDF], 'plan.pdf', { type: 'application/pdf' }))
  const uploaded = await fellow.request(submissionPath, { method: 'POST', body: form })
  if (uploaded.status !== 200) throw new Error(`Uploading a file answered ${uploaded.status}.`)
  const [file] = await listSubmissionFiles({ submissionId })
  const otherSubmissionPath = await createdAt(await otherFellow.post('/submissions', { moduleSlug }), new RegExp(`^/submissions/${UUID}$`), 'the other fellow’s submission')

  const auditTitle = `Audit ${marker}`
  const auditPath = await createdAt(await fellow.post('/tools/audits/new', { title: auditTitle, schoolYear: '2026–27' }), new RegExp(`^/tools/audits/${UUID}$`), 'an equity audit')
  const fishbonePath = await createdAt(
    await fellow.post('/tools/fishbones/new', { title: 'Ninth-grade attendance', problem: 'Two in five ninth graders are chronically absent.' }),
    new RegExp(`^/tools/fishbones/${UUID}$`),
    'a fishbone',
  )
  const pdsaPath = await createdAt(
    await fellow.post('/tools/pdsa/new', { title: 'PDSA: conferences', problem: 'Few families come to conferences.', aim: 'Half attend by spring.', measureName: 'Families attending', measureUnit: 'families' }),
    new RegExp(`^/tools/pdsa/${UUID}$`),
    'a PDSA ramp',
  )
  await createdAt(await fellow.post(pdsaPath, { intent: 'start-cycle', changeIdea: 'Call each family the week before' }), new RegExp(`^${pdsaPath}/cycles/1$`), 'a PDSA cycle')

  const privateNote = `PRIVATE-${marker}`
  const sharedSummary = `SHARED-${marker}`
  const sessionPath = await createdAt(await coach.post(`/coaching/fellows/${academy.fellow.id}`, { intent: 'new-session' }), new RegExp(`^/coaching/sessions/${UUID}$`), 'a coaching session')
  const saved = await coach.post(sessionPath, { intent: 'save', heldOn: '2026-11-20', minutes: '50', modality: 'video', focus: 'equity', privateNotes: privateNote, sharedSummary, nextSteps: 'Interview three families.' })
  if (saved.status !== 302) throw new Error(`Logging the session answered ${saved.status}.`)
  const added = await coach.post(`/coaching/fellows/${academy.fellow.id}`, { intent: 'add-belief', belief: `BELIEF-${marker}`, domain: 'families', evidence: 'said in our first meeting' })
  if (added.status !== 200) throw new Error(`Adding a belief answered ${added.status}.`)
  const [belief] = await listBeliefs({ fellowId: academy.fellow.id, sharedOnly: false })

  const notificationTitle = `NOTICE-${marker}`
  await notify([{ userId: academy.fellowUser.id, kind: 'module-open', title: notificationTitle, link: null }])

  const world: World = {
    cohortId: academy.cohort.id,
    fellowId: academy.fellow.id,
    otherFellowId: academy.otherFellow.id,
    moduleSlug,
    moduleFile: `${first.slug}.${first.contentHash}.js`,
    laterModuleSlug: later.slug,
    laterModuleFile: `${later.slug}.${later.contentHash}.js`,
    submissionId,
    otherSubmissionId: otherSubmissionPath.split('/')[2],
    fileId: file.id,
    auditId: auditPath.split('/')[3],
    auditTitle,
    fishboneId: fishbonePath.split('/')[3],
    pdsaId: pdsaPath.split('/')[3],
    cycleNumber: 1,
    sessionId: sessionPath.split('/')[3],
    beliefId: belief.id,
    notificationTitle,
    sharedSummary,
    privateNote,
    fellowName: academy.fellowUser.name,
  }
  return { world, clients, emails }
}

/** Remix single fetch: /a/b?x → /a/b.data?x, and / → /_root.data. */
function singleFetchUrl(url: string) {
  const parsed = new URL(url, 'http://matrix.test')
  const pathname = parsed.pathname === '/' ? '/_root' : parsed.pathname.replace(/\/$/, '')
  return `${pathname}.data${parsed.search}`
}

function matches(expected: Expected, response: Response) {
  if (typeof expected === 'number') return response.status === expected
  if ('anyOf' in expected) return expected.anyOf.includes(response.status)
  const to = location(response) ?? ''
  return response.status === expected.status && to.split('?')[0] === expected.location
}

function describeExpected(expected: Expected) {
  if (typeof expected === 'number') return String(expected)
  if ('anyOf' in expected) return `${expected.name} (${expected.anyOf.join('/')})`
  return `${expected.status} → ${expected.location}`
}

function describeGot(response: Response) {
  const to = location(response)
  return to ? `${response.status} → ${to}` : String(response.status)
}

function report(mismatches: Mismatch[]) {
  const head: Mismatch = { route: 'route', actor: 'anonymous', method: 'method', url: 'url', expected: 'expected', got: 'got' }
  const rows = [head, ...mismatches].map((m, i) => [m.route, i === 0 ? 'actor' : m.actor, m.method, m.url, m.expected, m.got])
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)))
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd()).join('\n')
}

test('every route answers every actor as the access matrix says, including for other people’s records', { timeout: 180_000 }, async () => {
  const manifest = UNSAFE_flatRoutes(appDirectory, remixConfig.ignoredRouteFiles)
  const routeFiles = Object.values(manifest).map((route) => route.file).sort()
  const problems: string[] = []
  for (const file of routeFiles) if (!TABLE[file]) problems.push(`app/${file} has no row in tests/integration/access-matrix.table.ts: decide who may reach it and add one.`)
  for (const file of Object.keys(TABLE)) if (!routeFiles.includes(file)) problems.push(`The row for app/${file} names a route that no longer exists: remove it.`)

  const { world, clients, emails } = await buildWorld()
  const mismatches: Mismatch[] = []
  let requests = 0
  let routes = 0
  for (const file of routeFiles) {
    const row = TABLE[file]
    if (!row) continue
    routes++
    const module: Record<string, unknown> = await import(/* @vite-ignore */ path.join(appDirectory, file))
    const posts = row.probes.filter((p) => p.post).length
    if ('action' in module && posts === 0) problems.push(`app/${file} has an action but its row has no POST probe.`)
    if (!('action' in module) && posts > 0) problems.push(`app/${file} has no action but its row has a POST probe.`)
    if (row.probes.length === 0) problems.push(`app/${file}: its row has no probes.`)
    const isPage = 'default' in module

    for (const probe of row.probes) {
      const url = probe.url(world)
      for (const actor of ACTORS) {
        const response = await clients[actor].get(url)
        requests++
        const expected = probe.get[actor]
        if (!matches(expected, response)) mismatches.push({ route: `app/${file}`, actor, method: 'GET', url, expected: describeExpected(expected), got: describeGot(response) })
        const body = await response.text()
        for (const rule of probe.hidden ?? []) {
          const text = rule.text(world)
          if (rule.from.includes(actor) && body.includes(text)) mismatches.push({ route: `app/${file}`, actor, method: 'GET', url, expected: `no “${text}”`, got: `${response.status} showing it` })
        }
        if (!isPage) continue
        // The same loader as the browser fetches it on client-side navigation (single fetch):
        // whoever the page refuses gets the same refusal, and nothing hidden, from its data.
        const dataUrl = singleFetchUrl(url)
        const data = await clients[actor].get(dataUrl)
        requests++
        const dataBody = await data.text()
        const refusal = typeof expected === 'number' && expected >= 400 ? expected : null
        if (refusal !== null && data.status !== refusal) mismatches.push({ route: `app/${file}`, actor, method: 'GET', url: dataUrl, expected: String(refusal), got: describeGot(data) })
        if (expected === TO_LOGIN && (data.status === 200 || !dataBody.includes('/login'))) mismatches.push({ route: `app/${file}`, actor, method: 'GET', url: dataUrl, expected: 'a redirect to /login', got: `${data.status} ${dataBody.slice(0, 60)}` })
        for (const rule of probe.hidden ?? []) {
          const text = rule.text(world)
          if (rule.from.includes(actor) && dataBody.includes(text)) mismatches.push({ route: `app/${file}`, actor, method: 'GET', url: dataUrl, expected: `no “${text}”`, got: `${data.status} showing it` })
        }
      }
      const post = probe.post
      if (!post) continue
      for (const actor of ACTORS) {
        const client = post.freshSession ? (actor === 'anonymous' ? app.client() : await signedIn(emails[actor])) : clients[actor]
        const response = await client.post(url, post.body?.(world) ?? PROBE_BODY)
        await response.arrayBuffer()
        requests++
        const expected = post.expect[actor]
        if (!matches(expected, response)) mismatches.push({ route: `app/${file}`, actor, method: 'POST', url, expected: describeExpected(expected), got: describeGot(response) })
      }
    }
  }

  console.log(`Access matrix: ${routes} routes × ${ACTORS.length} actors = ${requests} requests (GET of every URL and of its page data, POST where the route has an action).`)
  const message = [...problems, mismatches.length > 0 ? `${mismatches.length} answers differ from the access matrix:\n${report(mismatches)}` : ''].filter(Boolean).join('\n')
  expect({ problems, mismatches }, message).toEqual({ problems: [], mismatches: [] })
})
