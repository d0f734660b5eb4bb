import { hash, verify } from '@node-rs/argon2'

/** Argon2id with the OWASP-recommended minimum: 19 MiB, two passes, one lane. */
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const

export function hashPassword(password: string) {
  return hash(password, ARGON2_OPTIONS)
}

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/** Verified against when the account does not exist, so timing does not reveal which emails do. */
let decoyHash: Promise<string> | undefined
export function decoyPasswordHash() {
  decoyHash ??= hashPassword('decoy password that matches nothing')
  return decoyHash
}
