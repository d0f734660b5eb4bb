import { execFile } from 'node:child_process'
import { chown, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { setTimeout as delay } from 'node:timers/promises'
import { promisify } from 'node:util'
import { freePort } from './app-server'

const run = promisify(execFile)

/**
 * A throwaway PostgreSQL cluster in a temporary folder, on its own port, for drills that stop and
 * start the server. Never the machine's shared server: this one is ours to break.
 */
export type Cluster = {
  /** The `postgres` database on it. */
  url: string
  port: number
  dir: string
  /** `pg_ctl stop -m fast`: connections are cut, as in a crash-free restart. */
  stop: () => Promise<void>
  /** Starts the server and resolves when it accepts connections (pg_isready), with that moment. */
  start: () => Promise<number>
  /** Stops the server if it runs and deletes the folder. Safe to call twice. */
  destroy: () => Promise<void>
}

/** The newest installed server binaries, e.g. /usr/lib/postgresql/15/bin. */
async function serverBinaries() {
  const root = '/usr/lib/postgresql'
  const versions = (await readdir(root).catch(() => [])).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a))
  if (versions.length === 0) throw new Error(`No PostgreSQL server binaries under ${root}.`)
  return path.join(root, versions[0], 'bin')
}

/** initdb and pg_ctl refuse to run as root; as root, run them as the postgres user. */
function asPostgres(command: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]
}

export async function createThrowawayCluster({ preferredPort = 55432 }: { preferredPort?: number } = {}): Promise<Cluster> {
  const bin = await serverBinaries()
  const dir = await mkdtemp(path.join(tmpdir(), 'sila-outage-'))
  const data = path.join(dir, 'data')
  const log = path.join(dir, 'server.log')
  let running = false
  let destroyed = false

  async function pg(command: string, args: string[]) {
    const [file, argv] = asPostgres(path.join(bin, command), args)
    return run(file, argv, { timeout: 60_000 })
  }

  async function destroy() {
    if (destroyed) return
    destroyed = true
    if (running) await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {})
    running = false
    await rm(dir, { recursive: true, force: true })
  }

  try {
    if (process.getuid?.() === 0) {
      const { stdout } = await run('id', ['-u', 'postgres'])
      const { stdout: group } = await run('id', ['-g', 'postgres'])
      await chown(dir, Number(stdout.trim()), Number(group.trim()))
    }
    await pg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync', '--no-instructions'])
    const port = await freePort(preferredPort)
    const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir}`

    async function start() {
      let failed: unknown = null
      const starting = pg('pg_ctl', ['-D', data, '-l', log, '-o', options, '-w', '-t', '60', 'start']).catch((error: unknown) => {
        failed = error
      })
      running = true
      // pg_ctl -w polls slowly; pg_isready tells the moment the server accepts connections.
      let readyAt = 0
      while (!readyAt) {
        if (failed) throw failed
        const ready = await pg('pg_isready', ['-q', '-h', '127.0.0.1', '-p', String(port)]).then(() => true, () => false)
        if (ready) readyAt = performance.now()
        else await delay(25)
      }
      await starting
      return readyAt
    }

    async function stop() {
      await pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])
      running = false
    }

    await start()
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, dir, stop, start, destroy }
  } catch (error) {
    await destroy()
    throw error
  }
}
