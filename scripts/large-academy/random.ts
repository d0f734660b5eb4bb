/**
 * A small seeded pseudo-random generator (mulberry32), so the large academy comes out the same on
 * every run with the same seed. Not for anything secret: tokens use crypto.getRandomValues.
 */
export type Random = {
  /** A float in [0, 1). */
  next: () => number
  /** An integer in [min, max], both ends included. */
  int: (min: number, max: number) => number
  chance: (probability: number) => boolean
  pick: <T>(items: readonly T[]) => T
  /**
   * A version-4-shaped UUID that repeats across runs. Its last twelve digits are the stream's
   * namespace and a counter: streams of a 32-bit generator overlap, so randomness alone would collide.
   */
  uuid: () => string
}

export function mulberry32(seed: number) {
  let state = seed >>> 0
  return function next() {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Mixes a seed with a label (a table, a fellow's number) into an independent stream's seed. */
export function deriveSeed(seed: number, label: string | number) {
  let h = (seed ^ 0x9e3779b9) >>> 0
  for (const ch of String(label)) {
    h = Math.imul(h ^ ch.charCodeAt(0), 0x85ebca6b) >>> 0
    h ^= h >>> 13
  }
  return Math.imul(h ^ (h >>> 16), 0xc2b2ae35) >>> 0
}

export function createRandom(seed: number, namespace = 0): Random {
  const next = mulberry32(seed)
  let issued = 0
  function int(min: number, max: number) {
    return min + Math.floor(next() * (max - min + 1))
  }
  function hex(digits: number) {
    let out = ''
    for (let i = 0; i < digits; i++) out += Math.floor(next() * 16).toString(16)
    return out
  }
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)],
    uuid: () => {
      issued++
      const tail = `${namespace.toString(16).padStart(6, '0')}${issued.toString(16).padStart(6, '0')}`
      return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(0, 3)]}${hex(3)}-${tail}`
    },
  }
}
