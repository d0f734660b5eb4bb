import { randomUUID } from 'node:crypto'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { getEnv } from './env.server'

/** Uploads live under UPLOAD_DIR with random names; the database holds the name people see. */
function uploadPath(storageKey: string) {
  if (!/^[0-9a-f-]{36}$/.test(storageKey)) throw new Error('Bad storage key')
  return path.resolve(getEnv().UPLOAD_DIR, storageKey.slice(0, 2), storageKey)
}

export async function storeUpload(bytes: Uint8Array) {
  const storageKey = randomUUID()
  const file = uploadPath(storageKey)
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, bytes, { flag: 'wx' })
  return storageKey
}

export function readUpload(storageKey: string) {
  return readFile(uploadPath(storageKey))
}

export async function deleteUpload(storageKey: string) {
  await rm(uploadPath(storageKey), { force: true })
}
