import { expect, test } from 'vitest'
import { createRandom, deriveSeed, mulberry32 } from './random'

test('the same seed gives the same sequence, and another seed another one', () => {
  const a = mulberry32(42)
  const b = mulberry32(42)
  const c = mulberry32(43)
  const first = [a(), a(), a()]
  expect([b(), b(), b()]).toEqual(first)
  expect([c(), c(), c()]).not.toEqual(first)
})

test('mulberry32 stays in [0, 1) and spreads over it', () => {
  const next = mulberry32(7)
  const values = Array.from({ length: 10_000 }, () => next())
  expect(Math.min(...values)).toBeGreaterThanOrEqual(0)
  expect(Math.max(...values)).toBeLessThan(1)
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length
  expect(mean).toBeGreaterThan(0.48)
  expect(mean).toBeLessThan(0.52)
})

test('int covers both ends of its range and nothing outside it', () => {
  const random = createRandom(1)
  const seen = new Set(Array.from({ length: 1_000 }, () => random.int(3, 6)))
  expect([...seen].sort()).toEqual([3, 4, 5, 6])
})

test('uuids are shaped like version 4 and repeat with the seed', () => {
  const one = createRandom(99).uuid()
  expect(one).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  expect(createRandom(99).uuid()).toBe(one)
})

test('derived seeds differ per label and repeat per label', () => {
  expect(deriveSeed(1, 'fellow:1')).toBe(deriveSeed(1, 'fellow:1'))
  expect(deriveSeed(1, 'fellow:1')).not.toBe(deriveSeed(1, 'fellow:2'))
  expect(deriveSeed(1, 'fellow:1')).not.toBe(deriveSeed(2, 'fellow:1'))
})

test('uuids never repeat within a stream or across namespaces, even from one seed', () => {
  const ids = new Set<string>()
  for (const namespace of [0, 1, 2]) {
    const random = createRandom(5, namespace)
    for (let i = 0; i < 1_000; i++) ids.add(random.uuid())
  }
  expect(ids.size).toBe(3_000)
})
