import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { UNSAFE_flatRoutes } from '@remix-run/dev'
import { sql } from 'drizzle-orm'
import { expect, test } from 'vitest'
import remixConfig from '../../remix.config.js'
import { db } from '../../db/client.server'
import { ARTIFACT_TITLE_MAX } from '../../app/domain/artifacts'
import { FISHBONE_LIMITS } from '../../app/domain/fishbone'
import { PDSA_NAME_MAX, PDSA_TEXT_MAX, PDSA_UNIT_MAX } from '../../app/domain/pdsa'
import { ANSWER_MAX_LENGTH } from '../../app/domain/reader'
import { SUBMISSION_BODY_MAX } from '../../app/domain/submission-state'
import { getCurriculum } from '../../app/utils/content.server'
import { ensureDefaultSchedules } from '../../app/utils/schedules.server'
import { makeAcademy, makeUser, TEST_PASSWORD } from '../support/academy'
import { serveAppForTests } from '../support/app'
import { location, signIn, type TestClient } from '../support/client'
import { NAUGHTY_VALUES, preview, type NaughtyValue } from '../support/naughty'

const app = serveAppForTests()
const appDirectory = path.resolve('app')
const SLUG = 'launching-the-academy'
/** Naughty values tried per (route, intent, field); chosen deterministically so runs repeat. */
const VALUES_PER_FIELD = 2
const MAX_FIELDS_PER_ROUTE = 18

type Role = 'anonymous' | 'fellow' | 'coach' | 'staff' | 'admin'
type Failure = { route: string; intent: string; field: string; value: string; status: number; body: string; problem: string }

type FuzzRoute = {
  id: string
  file: string
  urlPath: string
  index: boolean
  isResource: boolean
  hasAction: boolean
  hasLoader: boolean
  intents: string[]
  fields: string[]
  queryKeys: string[]
  params: string[]
}

/** Every route, found by the same flat-routes convention as the app, with what its source reveals about its forms. */
async function discoverRoutes(): Promise<FuzzRoute[]> {
  const manifest = UNSAFE_flatRoutes(appDirectory, remixConfig.ignoredRouteFiles)
  const routes: FuzzRoute[] = []
  for (const route of Object.values(manifest)) {
    const module: Record<string, unknown> = await import(/* @vite-ignore */ path.join(appDirectory, route.file))
    const segments: string[] = []
    for (let at: typeof route | undefined = route; at; at = at.parentId ? manifest[at.parentId] : undefined) if (at.path) segments.unshift(at.path)
    const source = readFileSync(path.join(appDirectory, route.file), 'utf8')
    const domainSources = [...source.matchAll(/from '~\/domain\/([\w-]+)'/g)].map((m) => readFileSync(path.join(appDirectory, 'domain', `${m[1]}.ts`), 'utf8'))
    const urlPath = `/${segments.join('/')}`
    routes.push({
      id: route.id,
      file: route.file,
      urlPath,
      index: route.index ?? false,
      isResource: !('default' in module),
      hasAction: 'action' in module,
      hasLoader: 'loader' in module,
      intents: intentsIn([source, ...domainSources]),
      fields: fieldsIn(source, domainSources).slice(0, MAX_FIELDS_PER_ROUTE),
      queryKeys: unique([...source.matchAll(/searchParams\.get\(\s*'([\w-]+)'/g)].map((m) => m[1])),
      params: [...urlPath.matchAll(/:(\w+)/g)].map((m) => m[1]),
    })
  }
  return routes
}

/** Percent-encodes for a URL; a lone surrogate (which has no UTF-8) goes as the invalid bytes a hostile client would send. */
function encodePart(value: string) {
  return [...value]
    .map((ch) => {
      try {
        return encodeURIComponent(ch)
      } catch {
        return '%ED%A0%80'
      }
    })
    .join('')
}

function unique(values: string[]) {
  return [...new Set(values)]
}

function intentsIn(sources: string[]) {
  const patterns = [
    /intent:\s*z\.literal\(\s*['"]([\w-]+)['"]/g,
    /intent\s*[!=]==?\s*['"]([\w-]+)['"]/g,
    /name="intent"\s+value="([\w-]+)"/g,
    /\bintent="([\w-]+)"/g,
    /_INTENTS\s*=\s*\[([^\]]*)\]/g,
  ]
  const found: string[] = []
  for (const source of sources) {
    for (const pattern of patterns) {
      for (const match of source.matchAll(pattern)) found.push(...(match[1].includes("'") ? [...match[1].matchAll(/'([\w-]+)'/g)].map((m) => m[1]) : [match[1]]))
    }
  }
  return unique(found)
}

function fieldsIn(source: string, domainSources: string[]) {
  const found: string[] = []
  for (const text of [source, ...domainSources]) {
    for (const m of text.matchAll(/(?:^|[\s{,(])(\w+):\s*(?:z\s*\.|[A-Z]\w*Schema\b|[a-z]\w*(?:Field|Text|Schema)\()/gm)) found.push(m[1])
  }
  for (const m of source.matchAll(/\bname="([\w.[\]]+)"/g)) found.push(m[1])
  for (const m of source.matchAll(/\.get(?:All)?\(\s*'([\w.[\]]+)'\s*\)/g)) found.push(m[1])
  for (const m of source.matchAll(/field\(\s*'(\w+)'\s*\)/g)) found.push(m[1])
  return unique(found).filter((name) => !['intent', 'error', 'errors', 'ok', 'message'].includes(name))
}

/** Rows of a raw query, from either driver (postgres-js answers an array, PGlite an object with rows). */
async function rowsOf(query: string): Promise<Record<string, unknown>[]> {
  const result: unknown = await db.execute(sql.raw(query))
  const list: unknown = Array.isArray(result) ? result : result && typeof result === 'object' && 'rows' in result ? result.rows : []
  return Array.isArray(list) ? list.filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null) : []
}

/** A stable pseudo-random number per key, so the sample of values is the same on every run. */
function seed(key: string) {
  return createHash('sha256').update(key).digest().readUInt32BE(0)
}

function sampleValues(key: string) {
  const start = seed(key) % NAUGHTY_VALUES.length
  const step = 1 + (seed(`${key}#step`) % 7)
  const picked = new Map<number, NaughtyValue>()
  for (let i = 0; picked.size < VALUES_PER_FIELD; i++) {
    const index = (start + i * step) % NAUGHTY_VALUES.length
    picked.set(index, NAUGHTY_VALUES[index])
    if (i > NAUGHTY_VALUES.length) break
  }
  return [...picked.values()]
}

/** Which signed-in person may use a route (and, for a few intents, which reviewer). */
function roleFor(route: FuzzRoute, intent: string): Role {
  const file = route.file.replace(/^routes\//, '')
  if (/^(login|logout|forgot-password|reset-password|invitations|healthz|\$)/.test(file)) return 'anonymous'
  if (file.startsWith('admin')) return 'admin'
  if (file.startsWith('staff')) return 'staff'
  if (file.startsWith('coaching.') || file.startsWith('caseload') || file.startsWith('review')) return 'coach'
  if (file.startsWith('submissions.$id.tsx') && intent === 'review') return 'coach'
  return 'fellow'
}

function sentenceIn(value: unknown, sent: Set<string>): boolean {
  // What was sent comes back in the form's values; skip it before the regex, which backtracks badly on 2 MB of one letter.
  if (typeof value === 'string') return !sent.has(value) && /\p{L}{2,}\s+\p{L}/u.test(value)
  if (Array.isArray(value)) return value.some((v) => sentenceIn(v, sent))
  if (value && typeof value === 'object') {
    return Object.entries(value).some(([key, v]) => !['initialValue', 'payload', 'intent', 'form'].includes(key) && sentenceIn(v, sent))
  }
  return false
}

/** A refusal must tell the person something: a sentence in JSON, some text in a page or plain body. */
function explains(contentType: string, body: string, sent: Set<string>) {
  // A single-fetch answer is a turbo-stream whose first line is a JSON array of every value.
  const turboStream = contentType.includes('turbo-stream') || contentType.includes('x-script')
  if (contentType.includes('json') || turboStream) {
    try {
      return sentenceIn(JSON.parse(turboStream ? body.split('\n')[0] : body), sent)
    } catch {
      return false
    }
  }
  const text = body.replace(/<script[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ').trim()
  return text.length > 0
}

type RawResponse = { status: number; contentType: string; body: string }

/** A request with exact bytes and headers (node:http), tolerating a server that answers and closes before the body is sent. */
function rawRequest(url: string, options: { method?: string; headers: Record<string, string>; body?: Buffer | (() => AsyncIterable<Buffer>) }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let settled = false
    // A connection of its own: after a refused over-long body the server's side of it is unusable.
    const request = http.request(url, { method: options.method ?? 'POST', headers: options.headers, agent: false }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => {
        settled = true
        resolve({ status: response.statusCode ?? 0, contentType: String(response.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') })
      })
      response.on('error', (error) => (settled ? undefined : reject(error)))
    })
    request.on('error', (error) => {
      // The server may refuse early and close while the body is still going out.
      setTimeout(() => (settled ? undefined : reject(error)), 200)
    })
    const body = options.body
    if (typeof body === 'function') {
      void (async () => {
        try {
          for await (const chunk of body()) {
            if (settled || request.destroyed) break
            if (!request.write(chunk)) await new Promise((r) => request.once('drain', r))
          }
        } catch {
          // The server closed the connection: its answer is what counts.
        }
        request.end()
      })()
    } else request.end(body)
  })
}

test('hostile input to every action and resource route: no 5xx, a message for every refusal, no stored garbage', { timeout: 240_000 }, async () => {
  // The people and records every route works on.
  const academy = await makeAcademy()
  await ensureDefaultSchedules()
  const victim = await makeUser('fellow')
  const clients: Record<Exclude<Role, 'anonymous'>, TestClient> = {
    fellow: app.client(),
    coach: app.client(),
    staff: app.client(),
    admin: app.client(),
  }
  const emails = { fellow: academy.fellowUser.email, coach: academy.coach.email, staff: academy.staff.email, admin: academy.admin.email }
  for (const role of ['fellow', 'coach', 'staff', 'admin'] as const) expect((await signIn(clients[role], emails[role], TEST_PASSWORD)).status).toBe(302)
  const { fellow, coach } = clients

  const created = async (response: Response) => {
    expect(response.status).toBe(302)
    return (location(response) ?? '').split('/')
  }
  const auditId = (await created(await fellow.post('/tools/audits/new', { title: 'Audit', schoolYear: '2026–27' }))).pop() ?? ''
  expect((await fellow.post(`/tools/audits/${auditId}`, { intent: 'add-indicator', name: 'Chronic absence' })).status).toBe(200)
  const fishboneId = (await created(await fellow.post('/tools/fishbones/new', { title: 'Attendance', problem: 'Ninth graders miss school.' }))).pop() ?? ''
  const pdsaId = (await created(await fellow.post('/tools/pdsa/new', { title: 'PDSA', problem: 'Few families come.', aim: 'Half come.', measureName: 'Families', measureUnit: 'families' })))[3]
  expect((await fellow.post(`/tools/pdsa/${pdsaId}`, { intent: 'start-cycle', changeIdea: 'Call each family' })).status).toBe(302)
  const submissionId = (await created(await fellow.post('/submissions', { moduleSlug: SLUG }))).pop() ?? ''
  const sessionId = (await created(await coach.post(`/coaching/fellows/${academy.fellow.id}`, { intent: 'new-session' }))).pop() ?? ''
  expect((await coach.post(`/coaching/fellows/${academy.fellow.id}`, { intent: 'add-belief', belief: 'Some families do not care', domain: 'students', evidence: '' })).status).toBeLessThan(500)

  const one = async (query: string) => String((await rowsOf(query))[0]?.id ?? '00000000-0000-4000-8000-000000000000')
  const module = getCurriculum().modules.find((m) => m.slug === SLUG)
  const ids: Record<string, string> = {
    id: auditId,
    fellowId: academy.fellow.id,
    coachId: academy.coach.id,
    cohortId: academy.cohort.id,
    schoolId: academy.school.id,
    userId: victim.id,
    sessionId,
    indicatorId: await one(`select id from equity_audit_indicators where artifact_id = '${auditId}'`),
    boneId: await one(`select id from fishbone_bones where artifact_id = '${fishboneId}' limit 1`),
    causeId: '00000000-0000-4000-8000-000000000001',
    parentId: '00000000-0000-4000-8000-000000000002',
    measureId: await one(`select id from pdsa_measures where artifact_id = '${pdsaId}' limit 1`),
    cycleId: await one(`select id from pdsa_cycles where artifact_id = '${pdsaId}' limit 1`),
    beliefId: await one(`select id from limiting_beliefs limit 1`),
    fishboneId,
    fileId: '00000000-0000-4000-8000-000000000003',
    pointId: '00000000-0000-4000-8000-000000000004',
    artifactIds: pdsaId,
    beliefIds: '00000000-0000-4000-8000-000000000005',
  }
  const routeIds: Record<string, string> = {
    'routes/tools.fishbones.$id': fishboneId,
    'routes/tools.fishbones.$id[.]svg': fishboneId,
    'routes/tools.pdsa.$id': pdsaId,
    'routes/tools.pdsa.$id_.cycles.$number': pdsaId,
    'routes/submissions.$id': submissionId,
    'routes/submissions.$id.files.$fileId': submissionId,
  }
  // Staff may deactivate or move the fellow a route is about: let that be someone other than the fuzzing fellow.
  const routeFellowIds: Record<string, string> = { 'routes/staff.fellows.$fellowId': academy.otherFellow.id }
  const paramValue = (route: FuzzRoute, name: string) =>
    ({ id: routeIds[route.id] ?? auditId, fellowId: routeFellowIds[route.id] ?? academy.fellow.id, slug: SLUG, token: 'not-a-real-token-0123456789', file: `${SLUG}.deadbeef.js`, number: '1', '*': 'fuzz-nowhere' })[name] ?? ids[name] ?? ''

  /** A plausible value per field, so the one hostile field is what the action trips over. */
  function plausible(field: string): string {
    if (ids[field]) return ids[field]
    if (/Id$/.test(field)) return '00000000-0000-4000-8000-00000000000f'
    if (/(On|Date|date|At)$/.test(field)) return '2026-10-01'
    const known: Record<string, string> = {
      title: 'Fuzz title', schoolYear: '2026–27', problem: 'Few families come to conferences.', name: 'Fuzz name', label: 'Fuzz bone', text: 'Fuzz cause',
      body: 'Fuzz body', feedback: 'Fuzz feedback', decision: 'return', preference: 'digest', email: 'nobody@example.test', password: 'fuzz-password-123',
      currentPassword: 'wrong-password', newPassword: 'fuzz-password-1234', confirmPassword: 'fuzz-password-1234', minutes: '45', value: '3', number: '1',
      promptId: module?.prompts[0]?.id ?? 'p', sectionId: module?.sections[0]?.id ?? 's', done: 'true', shared: 'true', direction: 'down', to: 'exploring',
      act: 'adapt', modality: 'video', role: 'coach', position: 'principal', programYear: '1', moduleSlug: SLUG, threshold: '2', minCell: '10', minN: '30',
      changeIdea: 'Call each family', belief: 'Fuzz belief text', evidence: 'Fuzz evidence', cadence: '1', locus: 'school', domain: 'students',
    }
    return known[field] ?? 'fuzz'
  }

  const routes = await discoverRoutes()
  const failures: Failure[] = []
  let sent = 0
  const anonymous = () => app.client()
  const clientFor = (role: Role) => (role === 'anonymous' ? anonymous() : clients[role])

  async function check(route: FuzzRoute, intent: string, field: string, value: string, response: RawResponse, echoed: Set<string>) {
    sent++
    const base = { route: route.id, intent, field, value, status: response.status, body: response.body.slice(0, 200) }
    if (response.status >= 500 || response.status === 0) failures.push({ ...base, problem: 'server error' })
    // 431: Node's HTTP parser refuses an over-long URL or header before the app can say anything.
    else if (response.status >= 400 && response.status !== 431 && !explains(response.contentType, response.body, echoed)) failures.push({ ...base, problem: 'refusal without a message' })
  }

  async function send(client: TestClient, url: string, init: RequestInit & { headers?: Record<string, string> }, attempt = 1): Promise<RawResponse> {
    try {
      const response = await client.request(url, init)
      return { status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text() }
    } catch (error) {
      // A kept-alive connection the server closed between requests is the client's race, not an answer: try once more.
      if (attempt === 1) return send(client, url, init, 2)
      return { status: 0, contentType: '', body: `${String(error)} ${error instanceof Error ? String(error.cause) : ''}` }
    }
  }

  const actionUrl = (route: FuzzRoute, asData: boolean) => {
    // Single fetch: a fetcher's post goes to <path>.data and gets a turbo-stream back.
    const url = `${route.urlPath.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(paramValue(route, name))).replace(/\*$/, 'fuzz-nowhere')}${asData && !route.isResource ? '.data' : ''}`
    const query = [route.index ? 'index' : '', ''].filter(Boolean).join('&')
    return query ? `${url}?${query}` : url
  }

  // 1. Every field of every intent of every action, one hostile value at a time.
  for (const route of routes.filter((r) => r.hasAction)) {
    const intents = route.intents.length ? [...route.intents, 'no-such-intent'] : ['']
    for (const intent of intents) {
      const role = roleFor(route, intent)
      const fields = intent === 'no-such-intent' ? ['intent'] : intent ? ['intent', ...route.fields] : route.fields
      for (const field of fields) {
        for (const naughty of sampleValues(`${route.id}|${intent}|${field}`)) {
          const form = new URLSearchParams()
          if (intent && field !== 'intent') form.set('intent', intent)
          for (const other of route.fields) if (other !== field) form.set(other, plausible(other))
          for (const v of Array.isArray(naughty.value) ? naughty.value : [naughty.value]) form.append(field, v)
          // Mostly as a fetcher would (no page render, which is slow); one in eight as a document post.
          const asData = seed(`${route.id}|${intent}|${field}|${naughty.label}`) % 8 !== 0
          const response = await send(clientFor(role), actionUrl(route, asData), { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } })
          await check(route, intent, field, `${naughty.label}: ${preview(naughty.value)}`, response, new Set([...form.values()]))
        }
      }
    }
  }

  // 2. Raw bodies no browser form would send.
  const base = app.url()
  for (const route of routes.filter((r) => r.hasAction)) {
    const intent = route.intents[0] ?? ''
    const role = roleFor(route, intent)
    const client = clientFor(role)
    const url = actionUrl(route, true)
    const field = route.fields[0] ?? 'text'
    const prefix = Buffer.from(`${intent ? `intent=${intent}&` : ''}${field}=`)
    const cases: { label: string; init: RequestInit & { headers: Record<string, string> } }[] = [
      { label: 'raw invalid UTF-8 bytes', init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: Buffer.concat([prefix, Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0x61])]) } },
      { label: 'percent-encoded invalid UTF-8', init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `${prefix.toString()}%FF%C3%28%ED%A0%80%00` } },
      { label: 'broken percent escapes', init: { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `${prefix.toString()}%E0%A4%A&%%%=%` } },
      { label: 'broken multipart', init: { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: `--x\r\nContent-Disposition: form-data; name="${field}"\r\n\r\nno end` } },
      { label: 'multipart without boundary', init: { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: 'a=b' } },
      { label: 'JSON body', init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ intent, [field]: 'x' }) } },
      { label: 'text/plain body', init: { method: 'POST', headers: { 'content-type': 'text/plain' }, body: `intent=${intent}` } },
    ]
    for (const { label, init } of cases) await check(route, intent, field, label, await send(client, url, init), new Set())

    // Every field a file, where the action expects text.
    const files = new FormData()
    if (intent) files.set('intent', intent)
    for (const name of route.fields) files.set(name, new File(['\u0000file text'], 'x.txt', { type: 'text/plain' }))
    await check(route, intent, '*', 'files in text fields', await send(client, url, { method: 'POST', body: files }), new Set())

    // One 20 MB part: under the request limit, over anything a field needs.
    const huge = new FormData()
    if (intent) huge.set('intent', intent)
    huge.set(field, new File([new Uint8Array(20 * 1024 * 1024).fill(0x61)], 'huge.txt', { type: 'text/plain' }))
    await check(route, intent, field, '20 MB part', await send(client, url, { method: 'POST', body: huge }), new Set())
  }

  // Bodies over the limit, declared or chunked, from a few routes of each kind.
  const sessionCookie = clients.fellow.sessionCookie() ?? ''
  for (const route of routes.filter((r) => r.hasAction && ['fellow', 'anonymous'].includes(roleFor(r, r.intents[0] ?? ''))).slice(0, 6)) {
    const url = new URL(actionUrl(route, true), base).toString()
    const headers = { origin: base, cookie: `sila_session=${sessionCookie}` }
    const declared = await rawRequest(url, { headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(30 * 1024 * 1024) }, body: Buffer.from('a=b') }).catch((e: unknown) => ({ status: 0, contentType: '', body: String(e) }))
    await check(route, '', '', 'Content-Length over the limit', declared, new Set())
    if (declared.status !== 413) failures.push({ route: route.id, intent: '', field: '', value: 'Content-Length over the limit', status: declared.status, body: declared.body.slice(0, 200), problem: 'not refused with 413' })
    const chunk = Buffer.alloc(1024 * 1024, 0x61)
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const chunked = await rawRequest(url, {
        headers: { ...headers, 'content-type': type, 'transfer-encoding': 'chunked' },
        body: async function* () {
          yield Buffer.from(type.startsWith('multipart') ? '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n' : 'a=')
          for (let i = 0; i < 30; i++) yield chunk
        },
      }).catch((e: unknown) => ({ status: 0, contentType: '', body: String(e) }))
      await check(route, '', '', `chunked ${type} over the limit`, chunked, new Set())
      if (chunked.status !== 413 && chunked.status !== 411) failures.push({ route: route.id, intent: '', field: '', value: `chunked ${type} over the limit`, status: chunked.status, body: chunked.body.slice(0, 200), problem: 'an unlimited chunked body was read' })
    }
  }

  // 3. Loaders and resource routes: hostile path parameters and query strings.
  for (const route of routes.filter((r) => r.hasLoader)) {
    const role = roleFor(route, '')
    for (const name of route.params) {
      for (const naughty of sampleValues(`${route.id}|param|${name}`)) {
        const value = Array.isArray(naughty.value) ? naughty.value.join('/') : naughty.value.slice(0, 1000)
        const url = route.urlPath.replace(/:(\w+)|\*$/g, (whole, param?: string) => encodePart(param === name || (!param && name === '*') ? value : paramValue(route, param ?? '*')))
        await check(route, 'GET', name, `${naughty.label}: ${preview(naughty.value)}`, await send(clientFor(role), url, {}), new Set())
      }
    }
    const broken = route.urlPath.replace(/:(\w+)|\*$/, '%E0%A4%A')
    await check(route, 'GET', 'path', 'broken percent escape', await send(clientFor(role), broken, {}), new Set())
    for (const key of [...route.queryKeys, 'index', '_data']) {
      for (const naughty of sampleValues(`${route.id}|query|${key}`).slice(0, 3)) {
        const query = new URLSearchParams()
        for (const v of Array.isArray(naughty.value) ? naughty.value : [naughty.value.slice(0, 1000)]) query.append(key, v)
        const url = `${route.urlPath.replace(/:(\w+)|\*$/g, (_, param?: string) => encodeURIComponent(paramValue(route, param ?? '*')))}?${query}`
        await check(route, 'GET', `?${key}`, `${naughty.label}: ${preview(naughty.value)}`, await send(clientFor(role), url, {}), new Set())
      }
    }
  }

  console.log(`${sent} fuzz cases sent to ${routes.filter((r) => r.hasAction).length} actions and ${routes.filter((r) => r.hasLoader).length} loaders`)

  // 4. Nothing hostile was stored: every limit holds in the database itself.
  const overLimit = async (table: string, column: string, max: number) => {
    const rows = await rowsOf(`select count(*)::int as n from ${table} where char_length(${column}) > ${max}`)
    return { table, column, over: Number(rows[0]?.n ?? 0) }
  }
  const limits = await Promise.all([
    overLimit('prompt_responses', 'body', ANSWER_MAX_LENGTH),
    overLimit('submissions', 'body', SUBMISSION_BODY_MAX),
    overLimit('artifacts', 'title', ARTIFACT_TITLE_MAX),
    overLimit('fishbones', 'problem', FISHBONE_LIMITS.problem),
    overLimit('fishbone_bones', 'label', FISHBONE_LIMITS.boneLabel),
    overLimit('fishbone_causes', 'text', FISHBONE_LIMITS.causeText),
    overLimit('fishbone_causes', 'evidence', FISHBONE_LIMITS.evidence),
    overLimit('pdsa_ramps', 'problem', PDSA_TEXT_MAX),
    overLimit('pdsa_ramps', 'aim', PDSA_TEXT_MAX),
    ...['change_idea', 'prediction', 'plan_who', 'plan_what', 'plan_when', 'plan_where', 'plan_measures', 'do_notes', 'study_notes', 'act_notes'].map((c) => overLimit('pdsa_cycles', c, PDSA_TEXT_MAX)),
    overLimit('pdsa_measures', 'name', PDSA_NAME_MAX),
    overLimit('pdsa_measures', 'unit', PDSA_UNIT_MAX),
    overLimit('pdsa_data_points', 'note', PDSA_TEXT_MAX),
    overLimit('equity_audit_indicators', 'alternate_source', 200),
    overLimit('users', 'name', 200),
  ])
  // Any text column anywhere (but the compiled curriculum and outgoing mail): nothing past the largest form limit.
  const textColumns = await rowsOf(
    `select table_name, column_name from information_schema.columns where table_schema = 'public' and data_type in ('text', 'character varying') and table_name not in ('modules', 'outbox', '__drizzle_migrations')`,
  )
  const anyText = await Promise.all(textColumns.map((r) => overLimit(`"${String(r.table_name)}"`, `"${String(r.column_name)}"`, SUBMISSION_BODY_MAX)))
  // No number that is not one: NaN or ±Infinity in a double column, negative or impossible counts.
  const floatColumns = await rowsOf(`select table_name, column_name from information_schema.columns where table_schema = 'public' and data_type in ('double precision', 'real', 'numeric')`)
  const notNumbers = await Promise.all(
    floatColumns.map(async (r) => {
      const rows = await rowsOf(`select count(*)::int as n from "${String(r.table_name)}" where "${String(r.column_name)}" in ('NaN', 'Infinity', '-Infinity')`)
      return { table: String(r.table_name), column: String(r.column_name), over: Number(rows[0]?.n ?? 0) }
    }),
  )
  const badCounts = Number((await rowsOf('select count(*)::int as n from equity_audit_counts where enrolled < 0 or with_outcome < 0 or with_outcome > enrolled'))[0]?.n ?? 0)
  const garbage = [...limits, ...anyText, ...notNumbers].filter((r) => r.over > 0)

  const report = failures.map((f) => `${f.route} [${f.intent}] ${f.field} = ${f.value} → ${f.status} (${f.problem}): ${f.body.replace(/\s+/g, ' ')}`)
  expect(report, `${failures.length} of ${sent} fuzz cases failed`).toEqual([])
  expect(garbage).toEqual([])
  expect(badCounts).toBe(0)
})
