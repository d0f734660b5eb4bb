import postgres from 'postgres'
import type { TestProject } from 'vitest/node'
import { dropTestDatabases, prepareTemplate, TEMPLATE_DATABASE } from './database'

declare module 'vitest' {
  // Module augmentation only works through an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    testDatabase: import('./database').TestDatabaseSource
  }
}

export default async function setup(project: TestProject) {
  const source = await prepareTemplate()
  project.provide('testDatabase', source)
  return async () => {
    if (source.kind !== 'postgres') return
    const admin = postgres(source.serverUrl, { max: 1, onnotice: () => {} })
    await dropTestDatabases(admin)
    await admin.unsafe(`drop database if exists ${TEMPLATE_DATABASE}`)
    await admin.end()
  }
}
