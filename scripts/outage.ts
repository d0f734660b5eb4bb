/**
 * npm run outage -- [--duration 30] [--connections 100] [--stop-after 10] [--down 5] [--json file]
 *
 * A database-outage drill against the built app (`npm run build` first). It starts a throwaway
 * PostgreSQL cluster (initdb in a temporary folder, a free port from 55432; never the machine's
 * shared server), runs the app on it under the load test's traffic, stops PostgreSQL (pg_ctl stop
 * -m fast) after --stop-after seconds, keeps it down for --down seconds, starts it again and keeps
 * the load running. Then it checks that the app answered 503 with a friendly page meanwhile (and
 * /healthz said the database was down), recovered without a restart, and lost no acknowledged
 * autosave. The cluster and its folder are removed at the end, failed or not. Exits 1 on a failed check.
 */
import { setTimeout as delay } from 'node:timers/promises'
import { parseArgs } from 'node:util'
import { startAppServer, type AppServer } from './load/app-server'
import { createThrowawayCluster, type Cluster } from './load/cluster'
import { recreateDatabase } from './load/database'
import { cleanUpOnSignal, prepareAcademy, positiveInteger, reportWrites, writeJsonReport, type LoadAcademy } from './load/harness'
import { countByPhase, formatPhaseTable, isFriendlyOutagePage, isRetryableRefusal, judgeOutage, recoveryMs, type HealthPoll, type OutageMarks } from './load/outage-analysis'
import { formatTable, summarise } from './load/report'
import { runTraffic } from './load/traffic'

const DATABASE = 'sila_outage'
/** After PostgreSQL is back, how long the app may still answer 503 (pooled connections that died). */
const SETTLE_MS = 3_000
/** During the outage an answer slower than this counts as hanging: the app should fail fast. */
const TIMEOUT_MS = 10_000

async function pollHealth(url: string, at: () => number): Promise<HealthPoll> {
  const started = at()
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(TIMEOUT_MS) })
    const body: unknown = await response.json()
    const database = typeof body === 'object' && body !== null && 'database' in body && typeof body.database === 'object' && body.database !== null && 'state' in body.database && typeof body.database.state === 'string' ? body.database.state : null
    return { at: started, status: response.status, database }
  } catch {
    return { at: started, status: 0, database: null }
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string' },
      connections: { type: 'string' },
      'stop-after': { type: 'string' },
      down: { type: 'string' },
      json: { type: 'string' },
    },
  })
  const durationSeconds = positiveInteger('duration', values.duration, 30)
  const connections = positiveInteger('connections', values.connections, 100)
  const stopAfterSeconds = positiveInteger('stop-after', values['stop-after'], 10)
  const downSeconds = positiveInteger('down', values.down, 5)
  if (stopAfterSeconds + downSeconds + SETTLE_MS / 1000 + 1 > durationSeconds) {
    throw new Error(`--duration must leave time after the restart: at least ${stopAfterSeconds + downSeconds + SETTLE_MS / 1000 + 1} s.`)
  }

  let cluster: Cluster | undefined
  let app: AppServer | undefined
  let academy: LoadAcademy | undefined
  async function cleanUp() {
    await app?.stop()
    await academy?.close().catch(() => {})
    await cluster?.destroy()
  }
  cleanUpOnSignal(cleanUp)
  try {
    cluster = await createThrowawayCluster()
    console.log(`Throwaway PostgreSQL on port ${cluster.port} in ${cluster.dir}`)
    const databaseUrl = await recreateDatabase({ serverUrl: cluster.url, name: DATABASE })
    academy = await prepareAcademy({ databaseUrl, count: connections })
    app = await startAppServer({ databaseUrl })
    const appPid = app.pid
    console.log(`App (pid ${appPid}) on ${app.url}; ${connections} fellows for ${durationSeconds} s; PostgreSQL stops at ${stopAfterSeconds} s for ${downSeconds} s…`)

    let unfriendlyPages = 0
    let unretryableSaves = 0
    let pageExample = ''
    const traffic = runTraffic({
      appUrl: app.url,
      password: academy.password,
      fellows: academy.fellows,
      module: academy.module,
      durationSeconds,
      connections,
      inspect(sample, body, headers) {
        if (sample.status !== 503) return
        if (sample.kind === 'autosave') {
          if (!isRetryableRefusal(body)) unretryableSaves++
          return
        }
        const contentType = String(headers['content-type'] ?? '')
        if (!isFriendlyOutagePage(body, contentType)) unfriendlyPages++
        pageExample ||= body
      },
    })

    // The drill runs beside the load, on the load's clock.
    const loadStartedAt = performance.now()
    const at = () => performance.now() - loadStartedAt
    const health: HealthPoll[] = []
    await delay(stopAfterSeconds * 1000)
    const stopAt = at()
    await cluster.stop()
    const stoppedAt = at()
    console.log(`PostgreSQL stopped at ${(stoppedAt / 1000).toFixed(1)} s (pg_ctl took ${Math.round(stoppedAt - stopAt)} ms)`)
    while (at() < stoppedAt + downSeconds * 1000) {
      health.push(await pollHealth(app.url, at))
      await delay(250)
    }
    const restartAt = at()
    const readyAt = (await cluster.start()) - loadStartedAt
    console.log(`PostgreSQL accepting connections again at ${(readyAt / 1000).toFixed(1)} s`)
    let healthBackAt: number | null = null
    while (healthBackAt === null && at() < readyAt + 10_000) {
      const poll = await pollHealth(app.url, at)
      health.push(poll)
      if (poll.status === 200) healthBackAt = at()
      else await delay(50)
    }

    const result = await traffic
    // runTraffic's clock started a moment before ours; put the drill's marks on its clock.
    const shift = loadStartedAt - result.startedAt
    const marks: OutageMarks = { stopAt: stopAt + shift, readyAt: readyAt + shift, settledAt: readyAt + shift + SETTLE_MS }
    const shiftedHealth = health.map((p) => ({ ...p, at: p.at + shift }))
    const writes = await academy.checkWrites(result.ledger)
    const summary = summarise({ samples: result.samples, failures: result.failures, seconds: result.seconds })
    const checks = judgeOutage({
      samples: result.samples,
      failures: result.failures,
      marks,
      health: shiftedHealth,
      stoppedAt: stoppedAt + shift,
      restartAt: restartAt + shift,
      unfriendlyPages,
      unretryableSaves,
      appAlive: app.alive() && app.pid === appPid,
      lostWrites: writes.lost.length,
      acknowledged: writes.acknowledged,
      timeoutMs: TIMEOUT_MS,
    })
    const recovery = recoveryMs(result.samples, marks)
    const phases = countByPhase(result.samples, marks)

    console.log(`\nDatabase outage drill: ${connections} connections for ${result.seconds} s; PostgreSQL down from ${(stopAt / 1000).toFixed(1)} s to ${(readyAt / 1000).toFixed(1)} s (${((readyAt - stopAt) / 1000).toFixed(1)} s)\n`)
    console.log(formatTable(summary))
    console.log(`\nresponses by phase (by when the answer came):\n${formatPhaseTable(phases)}`)
    console.log(`\nrecovery: first request served ${recovery === null ? 'never' : `${Math.round(recovery)} ms`} after PostgreSQL accepted connections; /healthz back to 200 after ${healthBackAt === null ? 'never' : `${Math.round(healthBackAt - readyAt)} ms`}`)
    if (pageExample) console.log(`503 page says: "${pageExample.match(/<h1[^>]*>(.*?)<\/h1>/)?.[1] ?? '?'}" — "${pageExample.match(/<p class="mt-4[^"]*">(.*?)<\/p>/)?.[1] ?? '?'}"`)
    reportWrites(writes)
    console.log('')
    for (const check of checks) console.log(`${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}`)

    writeJsonReport(values.json, {
      connections,
      durationSeconds: result.seconds,
      outage: { stopAtMs: Math.round(stopAt), readyAtMs: Math.round(readyAt), recoveryMs: recovery === null ? null : Math.round(recovery), healthzRecoveryMs: healthBackAt === null ? null : Math.round(healthBackAt - readyAt) },
      summary,
      phases,
      writes: { acknowledged: writes.acknowledged, lost: writes.lost.length },
      checks,
    })
    const failed = checks.filter((c) => !c.ok)
    if (failed.length > 0) {
      console.log(`\nFAILED: ${failed.length} check(s). Last lines from the app:\n${app.output().slice(-15).join('\n')}`)
      process.exitCode = 1
    } else {
      console.log('\nOK')
    }
  } finally {
    await cleanUp()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error)
  process.exitCode = 1
})
