import postgres from 'postgres'

/**
 * The large academy's own databases on a PostgreSQL server: made, dropped and labelled through the
 * server's maintenance database, never through the app's connection.
 */

export const LOCAL_SERVER = 'postgres://postgres@127.0.0.1:5432'

/** Bumped when the seed changes shape, so the bench re-seeds a database made by an older seed. */
export const SEED_VERSION = 1

/** sila_large for the 10,000-fellow academy, sila_large_<n> for any other size. */
export function largeDatabaseUrl(fellows: number, server = process.env.LARGE_DATABASE_SERVER ?? LOCAL_SERVER) {
  return `${server.replace(/\/$/, '')}/${fellows === 10_000 ? 'sila_large' : `sila_large_${fellows}`}`
}

function split(url: string) {
  const parsed = new URL(url)
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ''))
  parsed.pathname = '/postgres'
  return { name, maintenance: parsed.toString() }
}

/** The label the seed writes on its database when it finishes: what it holds and how it was made. */
export function seedLabel(args: { fellows: number; seed: number; today: string }) {
  return `sila large academy v${SEED_VERSION}: fellows=${args.fellows} seed=${args.seed} today=${args.today}`
}

async function withMaintenance<T>(url: string, run: (sql: postgres.Sql, name: string) => Promise<T>) {
  const { name, maintenance } = split(url)
  const sql = postgres(maintenance, { max: 1, onnotice: () => {}, connect_timeout: 5 })
  try {
    return await run(sql, name)
  } finally {
    await sql.end({ timeout: 5 })
  }
}

/** Drops and recreates the database. Only databases named sila_large… are ever dropped. */
export async function recreateDatabase(url: string) {
  await withMaintenance(url, async (sql, name) => {
    if (!/^sila_large\w*$/.test(name)) throw new Error(`Refusing to drop “${name}”: the large-academy seed only replaces databases named sila_large….`)
    await sql.unsafe(`drop database if exists "${name}" with (force)`)
    await sql.unsafe(`create database "${name}"`)
  })
}

export async function labelDatabase(url: string, label: string) {
  await withMaintenance(url, (sql, name) => sql.unsafe(`comment on database "${name}" is '${label.replace(/'/g, "''")}'`))
}

/** The seed's label on the database, or null when it is missing or the seed never finished. */
export async function readDatabaseLabel(url: string) {
  return withMaintenance(url, async (sql, name) => {
    const rows = await sql<{ label: string | null }[]>`select shobj_description(oid, 'pg_database') as label from pg_database where datname = ${name}`
    return rows[0]?.label ?? null
  })
}
