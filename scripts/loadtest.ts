/**
 * npm run loadtest -- [--duration 60] [--connections 200] [--postgres URL] [--json file]
 *
 * Signs in one fellow per connection against the built app (`npm run build` first) and keeps each
 * reading its home page and a module and autosaving answers for the duration, on PostgreSQL: a fresh
 * database `sila_loadtest` (dropped first) on the server at --postgres (LOADTEST_POSTGRES_URL,
 * default the local server). Prints throughput, latency percentiles, non-2xx and errors per kind of
 * request, then checks that the database holds every acknowledged autosave. Exits 1 on any 4xx,
 * 5xx, request error or lost write.
 */
import { parseArgs } from 'node:util'
import { recreateDatabase } from './load/database'
import { cleanUpOnSignal, prepareAcademy, positiveInteger, reportWrites, writeJsonReport } from './load/harness'
import { startAppServer } from './load/app-server'
import { formatTable, summarise } from './load/report'
import { runTraffic } from './load/traffic'

const DEFAULT_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres'
const DATABASE = 'sila_loadtest'

async function main() {
  const { values } = parseArgs({
    options: { duration: { type: 'string' }, connections: { type: 'string' }, postgres: { type: 'string' }, json: { type: 'string' } },
  })
  const durationSeconds = positiveInteger('duration', values.duration, 60)
  const connections = positiveInteger('connections', values.connections, 200)
  const serverUrl = values.postgres ?? process.env.LOADTEST_POSTGRES_URL ?? DEFAULT_POSTGRES

  let started = performance.now()
  const databaseUrl = await recreateDatabase({ serverUrl, name: DATABASE })
  const academy = await prepareAcademy({ databaseUrl, count: connections })
  console.log(`Database ${DATABASE} ready with ${connections} fellows in ${Math.round(performance.now() - started)} ms; module ${academy.module.slug} (${academy.module.promptIds.length} prompts).`)
  started = performance.now()
  const app = await startAppServer({ databaseUrl })
  cleanUpOnSignal(async () => {
    await app.stop()
    await academy.close()
  })
  try {
    console.log(`App (pid ${app.pid}) ready on ${app.url} in ${Math.round(performance.now() - started)} ms; ${connections} fellows for ${durationSeconds} s…`)
    const traffic = await runTraffic({ appUrl: app.url, password: academy.password, fellows: academy.fellows, module: academy.module, durationSeconds, connections })
    const summary = summarise({ samples: traffic.samples, failures: traffic.failures, seconds: traffic.seconds })
    const writes = await academy.checkWrites(traffic.ledger)

    console.log(`\nLoad test: ${connections} connections for ${traffic.seconds} s against ${app.url} (PostgreSQL, ${DATABASE})\n`)
    console.log(formatTable(summary))
    console.log(`\nthroughput: ${summary.total.perSecond} requests/s; autocannon errors ${traffic.autocannon.errors}, timeouts ${traffic.autocannon.timeouts}`)
    reportWrites(writes)

    const serverErrors = traffic.samples.filter((s) => s.status >= 400).length
    const problems = [
      serverErrors > 0 ? `${serverErrors} responses were 4xx or 5xx` : null,
      summary.total.errors + traffic.autocannon.errors + traffic.autocannon.timeouts > 0 ? 'requests failed without an answer' : null,
      writes.lost.length > 0 ? `${writes.lost.length} acknowledged writes are not in the database` : null,
      writes.acknowledged === 0 ? 'no autosave was acknowledged' : null,
    ].filter((p) => p !== null)
    writeJsonReport(values.json, {
      connections,
      durationSeconds: traffic.seconds,
      summary,
      autocannon: { errors: traffic.autocannon.errors, timeouts: traffic.autocannon.timeouts, requestsPerSecond: traffic.autocannon.requests.average },
      writes: { acknowledged: writes.acknowledged, lost: writes.lost.length },
      problems,
    })
    if (problems.length > 0) {
      console.log(`\nFAILED: ${problems.join('; ')}`)
      if (serverErrors > 0) console.log(app.output().slice(-20).join('\n'))
      process.exitCode = 1
    } else {
      console.log('\nOK')
    }
  } finally {
    await app.stop()
    await academy.close()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error)
  process.exitCode = 1
})
