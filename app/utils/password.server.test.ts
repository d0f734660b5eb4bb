import { expect, test } from 'vitest'
import { hashPassword, verifyPassword } from './password.server'
import { generateToken, hashToken } from './token.server'

test('passwords are hashed with Argon2id at m=19456, t=2, p=1 and verify only with the right password', async () => {
  const hash = await hashPassword('a long enough passphrase')
  expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
  expect(await verifyPassword(hash, 'a long enough passphrase')).toBe(true)
  expect(await verifyPassword(hash, 'a long enough passphrasE')).toBe(false)
})

test('a malformed stored hash fails verification instead of throwing', async () => {
  expect(await verifyPassword('not-a-hash', 'anything')).toBe(false)
})

test('tokens carry 160 random bits and only their SHA-256 is stored', () => {
  const a = generateToken()
  const b = generateToken()
  expect(a).toMatch(/^[a-z2-7]{32}$/)
  expect(a).not.toBe(b)
  expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/)
  expect(hashToken(a)).toBe(hashToken(a))
  expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
})
