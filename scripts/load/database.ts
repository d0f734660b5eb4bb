import postgres from 'postgres'

/**
 * Drops and creates `name` on the server behind `serverUrl` (any database on it, usually
 * `postgres`), and returns the new database's URL. The load test gets a clean slate every run.
 */
export async function recreateDatabase({ serverUrl, name }: { serverUrl: string; name: string }) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a plain database name: ${name}`)
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 })
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`)
    await admin.unsafe(`create database ${name}`)
  } finally {
    await admin.end({ timeout: 5 })
  }
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}

/** Drops the database again (best effort: a failed drop only leaves a database behind). */
export async function dropDatabase({ serverUrl, name }: { serverUrl: string; name: string }) {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 })
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`)
  } finally {
    await admin.end({ timeout: 5 })
  }
}
