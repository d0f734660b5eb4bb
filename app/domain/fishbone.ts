import { z } from 'zod'
import { ARTIFACT_TITLE_MAX } from './artifacts'

/**
 * Causal system analysis (the fishbone): the problem at the head, bones of causes, and each cause
 * tagged by where it locates the problem, in people or in the system (the first equity prompt).
 */

export const CAUSE_LOCI = ['people', 'system'] as const
export type CauseLocus = (typeof CAUSE_LOCI)[number]

export const LOCUS_LABELS: Record<CauseLocus, string> = { people: 'In people', system: 'In the system' }

export const DEFAULT_BONES = [
  'Students',
  'Teachers and instruction',
  'Curriculum and materials',
  'Systems, policies and schedules',
  'Families and community',
  'Leadership and culture',
] as const

export const FISHBONE_LIMITS = {
  problem: 500,
  boneLabel: 80,
  causeText: 300,
  evidence: 1000,
  bones: 12,
  causes: 120,
  /** A cause, its sub-causes, and theirs: deeper trees stop being readable on a bone. */
  depth: 3,
} as const

export const DIRECTIONS = ['up', 'down'] as const
export type Direction = (typeof DIRECTIONS)[number]

// ── Forms ───────────────────────────────────────────────────────────────────

export const TitleSchema = z
  .string({ required_error: 'Give the fishbone a title.' })
  .trim()
  .min(1, 'Give the fishbone a title.')
  .max(ARTIFACT_TITLE_MAX, `Keep the title to ${ARTIFACT_TITLE_MAX} characters.`)

export const ProblemSchema = z
  .string({ required_error: 'State the problem at the head of the fish.' })
  .trim()
  .min(1, 'State the problem at the head of the fish.')
  .max(FISHBONE_LIMITS.problem, `Keep the problem statement to ${FISHBONE_LIMITS.problem} characters.`)

export const NewFishboneSchema = z.object({ title: TitleSchema, problem: ProblemSchema })

export const BoneLabelSchema = z
  .string({ required_error: 'Name the bone.' })
  .trim()
  .min(1, 'Name the bone.')
  .max(FISHBONE_LIMITS.boneLabel, `Keep a bone’s name to ${FISHBONE_LIMITS.boneLabel} characters.`)

export const CauseSchema = z.object({
  text: z
    .string({ required_error: 'Write the cause.' })
    .trim()
    .min(1, 'Write the cause.')
    .max(FISHBONE_LIMITS.causeText, `Keep a cause to ${FISHBONE_LIMITS.causeText} characters; put the detail in its evidence.`),
  locus: z.enum(CAUSE_LOCI, {
    errorMap: () => ({ message: 'Say whether this cause locates the problem in people or in the system.' }),
  }),
  evidence: z
    .string()
    .trim()
    .max(FISHBONE_LIMITS.evidence, `Keep the evidence to ${FISHBONE_LIMITS.evidence} characters.`)
    .default(''),
})

export const DirectionSchema = z.enum(DIRECTIONS, { errorMap: () => ({ message: 'Move up or down.' }) })

// ── The tree ────────────────────────────────────────────────────────────────

export type BoneRow = { id: string; label: string; position: number }
export type CauseRow = {
  id: string
  boneId: string
  parentId: string | null
  text: string
  locus: CauseLocus
  evidence: string
  position: number
}
export type CauseNode = Omit<CauseRow, 'boneId' | 'parentId' | 'position'> & { depth: number; causes: CauseNode[] }
export type BoneNode = { id: string; label: string; causes: CauseNode[] }

function byPosition<T extends { position: number }>(rows: T[]) {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => a.row.position - b.row.position || a.index - b.index)
    .map(({ row }) => row)
}

/**
 * Bones in order with their causes nested under their parents. A cause whose parent is missing or
 * sits on another bone is shown at the top of its own bone rather than lost. (The app only ever
 * points a cause at an existing one, so parent chains cannot loop.)
 */
export function buildFishboneTree(bones: BoneRow[], causes: CauseRow[]): BoneNode[] {
  const ordered = byPosition(causes)
  const byId = new Map(ordered.map((c) => [c.id, c]))
  function isRoot(cause: CauseRow) {
    const parent = cause.parentId === null ? undefined : byId.get(cause.parentId)
    return !parent || parent.boneId !== cause.boneId || parent.id === cause.id
  }
  function node(cause: CauseRow, depth: number): CauseNode {
    const children = ordered.filter((c) => c.parentId === cause.id && !isRoot(c))
    return { id: cause.id, text: cause.text, locus: cause.locus, evidence: cause.evidence, depth, causes: children.map((c) => node(c, depth + 1)) }
  }
  return byPosition(bones).map((bone) => ({
    id: bone.id,
    label: bone.label,
    causes: ordered.filter((c) => c.boneId === bone.id && isRoot(c)).map((c) => node(c, 0)),
  }))
}

/** Every cause in these lists and under them, parents before their children. */
export function causesUnder(causes: CauseNode[]): CauseNode[] {
  return causes.flatMap((cause) => [cause, ...causesUnder(cause.causes)])
}

/** Every cause of the tree, bone by bone, parents before their children. */
export function flattenCauses(bones: BoneNode[]) {
  return bones.flatMap((bone) => causesUnder(bone.causes))
}

/** How deep a cause sits (0 on the bone itself), following parents; a broken chain stops the walk. */
export function causeDepth(rows: { id: string; parentId: string | null }[], id: string) {
  const parents = new Map(rows.map((r) => [r.id, r.parentId]))
  let depth = 0
  let current = parents.get(id) ?? null
  while (current !== null && depth < rows.length) {
    depth += 1
    current = parents.get(current) ?? null
  }
  return depth
}

/** Whether a cause at this depth may take sub-causes. */
export function canHoldSubCauses(depth: number) {
  return depth < FISHBONE_LIMITS.depth - 1
}

/** The order of siblings after moving one up or down; null when it cannot move that way. */
export function moveWithin(ids: string[], id: string, direction: Direction) {
  const from = ids.indexOf(id)
  const to = direction === 'up' ? from - 1 : from + 1
  if (from === -1 || to < 0 || to >= ids.length) return null
  const next = [...ids]
  next[from] = ids[to]
  next[to] = id
  return next
}

// ── Outcomes of a write ─────────────────────────────────────────────────────

/**
 * What a write did. Every write names its fishbone, and a bone or cause of another fishbone is
 * 'not-found': it is never touched.
 */
export type FishboneWrite = 'done' | 'unchanged' | 'not-found' | 'bones-full' | 'causes-full' | 'too-deep'

/** The answer to a form post: shown at `at` (a place on the page) when there is one. */
export type FishboneReply = { ok: boolean; message: string; at?: string }

/**
 * The body and status an action answers with: after a write, `text` is what to say when it was
 * done; for input that failed validation ('invalid'), it is the validation message.
 */
export function fishboneReply(outcome: FishboneWrite | 'invalid', at: string | undefined, text: string): [FishboneReply, { status: number }] {
  const placed = (ok: boolean, message: string): FishboneReply => (at ? { ok, message, at } : { ok, message })
  switch (outcome) {
    case 'done':
      return [placed(true, text), { status: 200 }]
    case 'invalid':
      return [placed(false, text), { status: 400 }]
    case 'unchanged':
      return [placed(true, 'It is already at that end.'), { status: 200 }]
    case 'not-found':
      // The target is not on the page, so the answer goes to the top of the outline.
      return [{ ok: false, message: 'That bone or cause is not part of this fishbone.' }, { status: 404 }]
    case 'bones-full':
      return [placed(false, `A fishbone holds at most ${FISHBONE_LIMITS.bones} bones.`), { status: 400 }]
    case 'causes-full':
      return [placed(false, `A fishbone holds at most ${FISHBONE_LIMITS.causes} causes. Combine or remove some first.`), { status: 400 }]
    case 'too-deep':
      return [placed(false, `Causes nest ${FISHBONE_LIMITS.depth} levels deep at most; add this one a level higher.`), { status: 400 }]
  }
}

// ── The people/system balance ───────────────────────────────────────────────

export type Balance = { total: number; people: number; system: number; peopleShare: number | null; mostInPeople: boolean }

/** The seeds ask the question when strictly more than half of at least three causes sit in people. */
export function causeBalance(causes: { locus: CauseLocus }[]): Balance {
  const people = causes.filter((c) => c.locus === 'people').length
  const total = causes.length
  return {
    total,
    people,
    system: total - people,
    peopleShare: total === 0 ? null : people / total,
    mostInPeople: total >= 3 && people * 2 > total,
  }
}

function causeCount(n: number) {
  return n === 1 ? '1 cause' : `${n} causes`
}

export function balanceSentence(balance: Balance) {
  if (balance.total === 0 || balance.peopleShare === null) return 'No causes yet. As you add them, this shows how many locate the problem in people and how many in the system.'
  const peoplePercent = Math.round(balance.peopleShare * 100)
  const ofTotal = `${balance.people} of ${balance.total} ${balance.total === 1 ? 'cause' : 'causes'}`
  return `${ofTotal} (${peoplePercent}%) ${balance.people === 1 ? 'locates' : 'locate'} the problem in people; ${balance.system} (${100 - peoplePercent}%) in the system.`
}

/** The text alternative's summary, for the SVG's <desc>. */
export function describeFishbone({ problem, bones }: { problem: string; bones: BoneNode[] }) {
  const balance = causeBalance(flattenCauses(bones))
  const perBone = bones.map((bone) => `${bone.label} (${causeCount(causesUnder(bone.causes).length)})`).join('; ')
  const parts = [
    `Fishbone diagram. The problem at its head: ${/[.!?…]$/.test(problem.trim()) ? problem.trim() : `${problem.trim()}.`}`,
    bones.length === 0 ? 'No bones yet.' : `${bones.length === 1 ? '1 bone' : `${bones.length} bones`}: ${perBone}.`,
    balance.total === 0 ? 'No causes yet.' : balanceSentence(balance),
    'The outline gives the same content as text.',
  ]
  return parts.join(' ')
}

/** A cause or bone name short enough to say inside a button's label. */
export function shortLabel(text: string, max = 60) {
  const clean = text.replace(/\s+/g, ' ').trim()
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`
}

/** The download's file name, from the title: lower-case ASCII words joined by hyphens. */
export function svgFileName(title: string) {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return `${slug || 'fishbone'}.svg`
}
