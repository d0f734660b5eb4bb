// Starts the built app for the e2e journeys on a fresh database with the demo academy.
import { rmSync } from 'node:fs'
import path from 'node:path'
import postgres from 'postgres'

const port = process.env.E2E_PORT ?? '3100'
const serverUrl = process.env.TEST_DATABASE_URL

if (serverUrl) {
  const name = 'sila_e2e'
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`drop database if exists ${name} with (force)`)
  await admin.unsafe(`create database ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  process.env.DATABASE_URL = url.toString()
  process.env.SEED_DEMO = '1'
} else {
  const dir = path.resolve('data/e2e-pglite')
  rmSync(dir, { recursive: true, force: true })
  delete process.env.DATABASE_URL
  process.env.PGLITE_DIR = dir
}

// Cookies kept by the journeys (tests/e2e/journey.ts) belong to the last run's database.
rmSync(path.resolve('data/e2e-sessions'), { recursive: true, force: true })

process.env.PORT = port
process.env.APP_URL = `http://localhost:${port}`
process.env.LOG_REQUESTS = '0'
await import('../../build/server.js')
