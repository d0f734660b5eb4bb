/**
 * npm run bench — how the platform's cost grows with its data, measured side by side in one run
 * on the built app over loopback, against the large academy on the local PostgreSQL (seeded first
 * when missing). Writes bench/results.json and prints the table of the issue's figures and targets.
 *
 *   LARGE_DATABASE_SERVER=postgres://user@host:5432   another server (default: the local one)
 *   BENCH_QUICK=1                                     shorter load phases, for trying the bench out
 *   BENCH_JIT=on                                      leave PostgreSQL's JIT on for the app's connections
 *   BENCH_CPU_PROFILE=/tmp/prof                       the app writes a V8 CPU profile there when it stops
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { importsOfChunk, scriptsInHtml } from './bench/assets'
import type { BenchFixtures } from './bench/fixtures'
import { fetchPage, signIn, timeSequential } from './bench/http'
import { runLighthouse } from './bench/lighthouse'
import { runLoad, type LoadRequest } from './bench/load'
import { runPaced } from './bench/paced'
import { reportRows, type BenchResults, type PageWeight, type StaffTimings } from './bench/report'
import { memoryOf, resetPeakMemory, startApp, startStaticServer, stopServer, type RunningServer } from './bench/server'
import { formatTable, parseCpuTimes, stealShare, summarize } from './bench/stats'
import { largeDatabaseUrl, readDatabaseLabel, SEED_VERSION } from './large-academy/database'

const LARGE = 10_000
const SMALL = 1_000
const PASSWORD = 'sila-large-password'
const quick = process.env.BENCH_QUICK === '1'
const LOAD_SECONDS = quick ? 4 : 15
const STAFF_SAMPLES = quick ? 8 : 30
const tsx = path.resolve('node_modules/.bin/tsx')
/**
 * PostgreSQL's JIT compiles every dashboard aggregate (each costs over jit_above_cost at 10,000
 * fellows) and spends about half a second doing it, on every request. postgres.js sends URL query
 * parameters as session settings, so `?jit=off` turns it off for the app's connections only.
 */
const jit = process.env.BENCH_JIT === 'on' ? 'on' : 'off'

function appDatabaseUrl(url: string) {
  return jit === 'on' ? url : `${url}?jit=off`
}

function log(message: string) {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`)
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`)
}

/** A clean clone has no build: make one, since the bench measures the built app. */
function ensureBuild() {
  if (['build/server.js', 'build/index.js', 'build/content/manifest.json'].every((f) => existsSync(f))) return
  log('No build yet: npm run build')
  run('npm', ['run', 'build'])
}

/** Seeds the academy of this size unless its database holds a finished seed of the current version. */
async function ensureAcademy(fellows: number) {
  const url = largeDatabaseUrl(fellows)
  const label = await readDatabaseLabel(url)
  if (label?.startsWith(`sila large academy v${SEED_VERSION}: fellows=${fellows} `)) return url
  log(`${new URL(url).pathname.slice(1)} is ${label ? 'from an older seed' : 'missing'}: seeding ${fellows} fellows`)
  run(tsx, ['scripts/seed-large.ts', '--fellows', String(fellows)])
  return url
}

function readFixtures(databaseUrl: string): BenchFixtures {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sila-bench-'))
  const file = path.join(dir, 'fixtures.json')
  try {
    run(tsx, ['scripts/bench/fixtures.ts', file], { ...process.env, DATABASE_URL: databaseUrl })
    return JSON.parse(readFileSync(file, 'utf8'))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function staffTimings(server: RunningServer, fixtures: BenchFixtures): Promise<StaffTimings> {
  const options = { count: STAFF_SAMPLES, warmup: 3, budgetMs: 60_000 }
  const time = async (pathname: string) => summarize(await timeSequential(`${server.url}${pathname}`, fixtures.staffCookie, options))
  return {
    overview: await time('/staff'),
    heatmap: await time(`/staff/cohorts/${fixtures.heatmapCohortId}/heatmap`),
    leaDrillDown: await time(`/staff?state=${fixtures.lea.state}&lea=${fixtures.lea.id}`),
  }
}

async function modulePage(server: RunningServer, cookie: string, pathname: string) {
  const html = await fetchPage(`${server.url}${pathname}`, cookie)
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sila-bench-'))
  const file = path.join(dir, 'module.html')
  writeFileSync(file, html)
  const bare = await startStaticServer(file)
  try {
    const page: LoadRequest = { method: 'GET', path: pathname, headers: { Cookie: cookie } }
    // The app and the bare server take turns on the same machine, one right after the other.
    const app = await runLoad({ url: server.url, connections: 50, durationSeconds: LOAD_SECONDS, requests: [page] })
    const baseline = await runLoad({ url: bare.url, connections: 50, durationSeconds: LOAD_SECONDS, requests: [{ method: 'GET', path: pathname, headers: {} }] })
    const steady = await runPaced({ url: server.url, connections: 50, durationSeconds: LOAD_SECONDS * 2, rate: 100, requests: [page] })
    return { path: pathname, htmlBytes: Buffer.byteLength(html), app, bare: baseline, ratio: app.requestsPerSecond / baseline.requestsPerSecond, steady }
  } finally {
    await stopServer(bare)
    rmSync(dir, { recursive: true, force: true })
  }
}

async function autosave(server: RunningServer, fellows: { cookie: string; slug: string; promptId: string }[]) {
  const requests: LoadRequest[] = fellows.map((f, i) => ({
    method: 'POST',
    // What the reader's fetcher posts under single fetch.
    path: `/learn/${f.slug}.data`,
    headers: { Cookie: f.cookie, Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ intent: 'save-answer', promptId: f.promptId, body: `Autosaved by the bench, fellow ${i}. ${'A sentence a fellow might be typing. '.repeat(8)}` }).toString(),
  }))
  const steady = await runPaced({ url: server.url, connections: fellows.length, durationSeconds: LOAD_SECONDS * 2, rate: 100, requests })
  const throughput = await runLoad({ url: server.url, connections: fellows.length, durationSeconds: LOAD_SECONDS, requests })
  return { steady, throughput }
}

async function exportAll(server: RunningServer, cookie: string) {
  const before = memoryOf(server.pid)
  const resetWorked = resetPeakMemory(server.pid)
  let sampledPeak = before.rss
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, memoryOf(server.pid).rss)
  }, 20)
  const started = performance.now()
  let bytes = 0
  let lines = 0
  try {
    const response = await fetch(`${server.url}/staff/export.csv?kind=progress`, { headers: { Cookie: cookie } })
    if (response.status !== 200 || !response.body) throw new Error(`export answered ${response.status}`)
    const reader = response.body.getReader()
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      bytes += chunk.value.byteLength
      for (const byte of chunk.value) if (byte === 10) lines++
    }
  } finally {
    clearInterval(sampler)
  }
  const seconds = (performance.now() - started) / 1000
  const after = memoryOf(server.pid)
  const peak = Math.max(sampledPeak, resetWorked ? after.peak : 0, after.rss)
  const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10
  return { seconds, bytes, lines, rssBeforeMb: mb(before.rss), peakMb: mb(peak), growthMb: mb(peak - before.rss) }
}

/** Every script a page makes the browser load at once, followed through static imports, gzipped one by one. */
async function pageWeight(server: RunningServer, pathname: string, cookie: string | null): Promise<PageWeight> {
  const html = await fetchPage(`${server.url}${pathname}`, cookie)
  const queue = scriptsInHtml(html)
  const seen = new Set<string>()
  let rawBytes = 0
  let gzipBytes = 0
  while (queue.length > 0) {
    const script = queue.shift() ?? ''
    if (seen.has(script)) continue
    seen.add(script)
    const code = await fetchPage(`${server.url}${script}`, cookie)
    rawBytes += Buffer.byteLength(code)
    gzipBytes += gzipSync(code).byteLength
    queue.push(...importsOfChunk(script, code))
  }
  return { path: pathname, files: seen.size, rawBytes, gzipBytes }
}

async function coldStarts(postgresUrl: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sila-bench-pglite-'))
  try {
    // A fresh embedded database: migrations, the demo seed and the first answer.
    const pglite = await startApp({ DATABASE_URL: undefined, PGLITE_DIR: path.join(dir, 'pglite'), UPLOAD_DIR: path.join(dir, 'uploads') })
    await stopServer(pglite)
    const postgres = await startApp({ DATABASE_URL: appDatabaseUrl(postgresUrl) })
    await stopServer(postgres)
    return { pgliteSeconds: pglite.startMs / 1000, postgresSeconds: postgres.startMs / 1000 }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function contentBuild() {
  const started = performance.now()
  run(tsx, ['scripts/build-content.ts'])
  return (performance.now() - started) / 1000
}

/** Runs one step; a failure is recorded and the bench goes on, so one broken figure hides no other. */
async function step<T>(results: BenchResults, name: string, work: () => Promise<T>): Promise<T | null> {
  log(name)
  try {
    return await work()
  } catch (error) {
    const message = `${name}: ${error instanceof Error ? error.message : String(error)}`
    results.errors.push(message)
    console.error(message)
    return null
  }
}

/** The machine's CPU counters, where Linux gives them. */
function readCpuTimes() {
  try {
    return parseCpuTimes(readFileSync('/proc/stat', 'utf8'))
  } catch {
    return null
  }
}

async function main() {
  const started = performance.now()
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    finishedAt: '',
    durationSeconds: 0,
    machine: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverageBefore: os.loadavg(), loadAverageAfter: [], stealShare: null },
    databases: { large: largeDatabaseUrl(LARGE), small: largeDatabaseUrl(SMALL), largeFellows: LARGE, smallFellows: SMALL, jit },
    modulePage: null,
    staff: null,
    autosave: null,
    export: null,
    contentBuildSeconds: null,
    coldStart: { pgliteSeconds: null, postgresSeconds: null },
    javascript: null,
    lighthouse: null,
    growth: null,
    errors: [],
  }
  const cpuBefore = readCpuTimes()
  ensureBuild()
  const largeUrl = await ensureAcademy(LARGE)
  const smallUrl = await ensureAcademy(SMALL)

  log(`Fixtures and a staff session in ${LARGE} fellows`)
  const fixtures = readFixtures(largeUrl)
  log('Starting the built app on PostgreSQL (large academy)')
  const server = await startApp({ DATABASE_URL: appDatabaseUrl(largeUrl) })
  try {
    const signedIn = await step(results, `Signing in ${fixtures.fellows.length} fellows through /login`, async () => {
      const out: { cookie: string; slug: string; promptId: string }[] = []
      for (const f of fixtures.fellows) out.push({ cookie: await signIn(server.url, f.email, PASSWORD), slug: f.slug, promptId: f.promptIds[0] })
      return out
    })
    const first = signedIn?.[0]
    if (signedIn && first) {
      results.modulePage = await step(results, '1. Module page: 50 connections against the app and a bare server, then 100 req/s', () => modulePage(server, first.cookie, `/learn/${first.slug}`))
      results.autosave = await step(results, '3. Autosave: 100 req/s, then throughput', () => autosave(server, signedIn))
    }
    results.staff = await step(results, '2. Staff overview, heat map, LEA drill-down (sequential client)', () => staffTimings(server, fixtures))
    results.export = await step(results, '4. CSV export of all progress', () => exportAll(server, fixtures.staffCookie))
    results.javascript = await step(results, '6. JavaScript per page type', async () => {
      if (!first) throw new Error('no signed-in fellow')
      const weights: Record<string, PageWeight> = {
        'module page (fellow)': await pageWeight(server, `/learn/${first.slug}`, first.cookie),
        'staff overview': await pageWeight(server, '/staff', fixtures.staffCookie),
        'tools index (fellow)': await pageWeight(server, '/tools', first.cookie),
        login: await pageWeight(server, '/login', null),
      }
      if (fixtures.auditId) weights['equity audit tool (fellow)'] = await pageWeight(server, `/tools/audits/${fixtures.auditId}`, first.cookie)
      return weights
    })
    results.lighthouse = await step(results, '6. Lighthouse on the module page', async () => {
      if (!first) throw new Error('no signed-in fellow')
      // Installs Debian's Chromium when it is missing and we are root, as npm test does.
      run(process.execPath, ['scripts/ensure-chromium.js'])
      const pathname = `/learn/${first.slug}`
      return { path: pathname, ...(await runLighthouse(`${server.url}${pathname}`, first.cookie)) }
    })
  } finally {
    await stopServer(server)
  }

  results.growth = await step(results, `7. The same staff pages at ${SMALL} fellows`, async () => {
    const small = readFixtures(smallUrl)
    const smallServer = await startApp({ DATABASE_URL: appDatabaseUrl(smallUrl) })
    try {
      const timings = await staffTimings(smallServer, small)
      if (!results.staff) throw new Error('no figures at the large size to compare with')
      return { small: timings, large: results.staff }
    } finally {
      await stopServer(smallServer)
    }
  })
  const cold = await step(results, '5. Cold start on a fresh PGlite and on PostgreSQL', () => coldStarts(largeUrl))
  if (cold) results.coldStart = cold
  results.contentBuildSeconds = await step(results, '5. Content build', async () => contentBuild())

  results.machine.loadAverageAfter = os.loadavg()
  const cpuAfter = readCpuTimes()
  if (cpuBefore && cpuAfter) results.machine.stealShare = Math.round(stealShare(cpuBefore, cpuAfter) * 1000) / 1000
  results.finishedAt = new Date().toISOString()
  results.durationSeconds = Math.round((performance.now() - started) / 1000)
  mkdirSync('bench', { recursive: true })
  writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`)
  const load = (l: number[]) => l.map((n) => n.toFixed(2)).join(' ')
  console.log(`\nSILA Academy bench — ${results.machine.cpus} cores, Node ${results.machine.node}, load average ${load(results.machine.loadAverageBefore)} before, ${load(results.machine.loadAverageAfter)} after; ${results.machine.stealShare === null ? 'steal not known' : `${(results.machine.stealShare * 100).toFixed(1)} % of the CPU taken by the host (steal)`}; PostgreSQL JIT ${jit}; ${results.durationSeconds} s\n`)
  console.log(formatTable(reportRows(results)))
  if (results.errors.length > 0) console.log(`\nNot measured:\n${results.errors.map((e) => `  ${e}`).join('\n')}`)
  console.log('\nWritten to bench/results.json.')
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
