import postgres from 'postgres'
import type { TestProject } from 'vitest/node'
import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildCurriculum } from '../../scripts/content/compile'
import { dropTestDatabases, prepareTemplate, TEMPLATE_DATABASE } from './database'

declare module 'vitest' {
  // Module augmentation only works through an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    testDatabase: import('./database').TestDatabaseSource
    contentManifest: string
  }
}

export default async function setup(project: TestProject) {
  const [source, curriculum] = await Promise.all([prepareTemplate(), buildCurriculum(path.resolve('content'))])
  project.provide('testDatabase', source)
  // The shipped curriculum, compiled once for every test file (its own test checks it is clean).
  const manifest = path.join(os.tmpdir(), 'sila-tests', `manifest-${process.pid}.json`)
  mkdirSync(path.dirname(manifest), { recursive: true })
  writeFileSync(manifest, JSON.stringify(curriculum.manifest))
  project.provide('contentManifest', manifest)
  return async () => {
    if (source.kind !== 'postgres') return
    const admin = postgres(source.serverUrl, { max: 1, onnotice: () => {} })
    await dropTestDatabases(admin)
    await admin.unsafe(`drop database if exists ${TEMPLATE_DATABASE}`)
    await admin.end()
  }
}
