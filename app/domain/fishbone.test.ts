import { expect, test } from 'vitest'
import {
  balanceSentence,
  buildFishboneTree,
  causeBalance,
  causeDepth,
  CauseSchema,
  type CauseRow,
  DEFAULT_BONES,
  describeFishbone,
  fishboneReply,
  flattenCauses,
  moveWithin,
  NewFishboneSchema,
  shortLabel,
  svgFileName,
} from './fishbone'
import { layoutFishbone, type Box, type Segment, wrapText } from './fishbone-layout'

function cause(values: Partial<CauseRow> & { id: string; boneId: string }): CauseRow {
  return { parentId: null, text: `Cause ${values.id}`, locus: 'people', evidence: '', position: 0, ...values }
}

const people = { locus: 'people' as const }
const system = { locus: 'system' as const }

test('the question is asked only when strictly more than half of at least three causes sit in people', () => {
  expect(causeBalance([]).mostInPeople).toBe(false)
  expect(causeBalance([people, people]).mostInPeople).toBe(false)
  expect(causeBalance([people, people, system]).mostInPeople).toBe(true)
  expect(causeBalance([people, people, people]).mostInPeople).toBe(true)
  expect(causeBalance([people, system, system]).mostInPeople).toBe(false)
  // Exactly half is not "most".
  expect(causeBalance([people, people, system, system]).mostInPeople).toBe(false)
  expect(causeBalance([people, people, people, system, system, system]).mostInPeople).toBe(false)
  expect(causeBalance([people, people, people, system]).mostInPeople).toBe(true)
  expect(causeBalance([people, people, people, people, system, system, system]).mostInPeople).toBe(true)
})

test('the balance counts each side and says it in a plain sentence', () => {
  const balance = causeBalance([people, people, system])
  expect(balance).toEqual({ total: 3, people: 2, system: 1, peopleShare: 2 / 3, mostInPeople: true })
  expect(balanceSentence(balance)).toBe('2 of 3 causes (67%) locate the problem in people; 1 (33%) in the system.')
  expect(balanceSentence(causeBalance([people]))).toBe('1 of 1 cause (100%) locates the problem in people; 0 (0%) in the system.')
  expect(balanceSentence(causeBalance([]))).toMatch(/^No causes yet\./)
})

test('the tree puts bones and siblings in position order and nests sub-causes under their parents', () => {
  const bones = [
    { id: 'b2', label: 'Teachers', position: 1 },
    { id: 'b1', label: 'Students', position: 0 },
  ]
  const rows = [
    cause({ id: 'c3', boneId: 'b1', position: 1, locus: 'system' }),
    cause({ id: 'c1', boneId: 'b1', position: 0 }),
    cause({ id: 'c2', boneId: 'b2', position: 0 }),
    cause({ id: 's2', boneId: 'b1', parentId: 'c1', position: 1 }),
    cause({ id: 's1', boneId: 'b1', parentId: 'c1', position: 0, evidence: 'Attendance logs' }),
    cause({ id: 'g1', boneId: 'b1', parentId: 's1', position: 0 }),
  ]
  const tree = buildFishboneTree(bones, rows)
  expect(tree.map((b) => b.id)).toEqual(['b1', 'b2'])
  expect(tree[0].causes.map((c) => c.id)).toEqual(['c1', 'c3'])
  expect(tree[0].causes[0].causes.map((c) => c.id)).toEqual(['s1', 's2'])
  expect(tree[0].causes[0].causes[0]).toMatchObject({ evidence: 'Attendance logs', depth: 1 })
  expect(tree[0].causes[0].causes[0].causes).toMatchObject([{ id: 'g1', depth: 2, causes: [] }])
  expect(tree[1].causes.map((c) => c.id)).toEqual(['c2'])
  expect(flattenCauses(tree).map((c) => c.id)).toEqual(['c1', 's1', 'g1', 's2', 'c3', 'c2'])
})

test('a cause whose parent is missing or on another bone stays on its own bone, at the top level', () => {
  const tree = buildFishboneTree(
    [
      { id: 'b1', label: 'Students', position: 0 },
      { id: 'b2', label: 'Teachers', position: 1 },
    ],
    [
      cause({ id: 'c1', boneId: 'b1' }),
      cause({ id: 'lost', boneId: 'b1', parentId: 'gone', position: 1 }),
      cause({ id: 'crossed', boneId: 'b2', parentId: 'c1' }),
    ],
  )
  expect(tree[0].causes.map((c) => c.id)).toEqual(['c1', 'lost'])
  expect(tree[0].causes[0].causes).toEqual([])
  expect(tree[1].causes.map((c) => c.id)).toEqual(['crossed'])
})

test('depth follows parents; moving stops at either end', () => {
  const rows = [
    { id: 'a', parentId: null },
    { id: 'b', parentId: 'a' },
    { id: 'c', parentId: 'b' },
  ]
  expect(causeDepth(rows, 'a')).toBe(0)
  expect(causeDepth(rows, 'c')).toBe(2)
  expect(moveWithin(['a', 'b', 'c'], 'b', 'up')).toEqual(['b', 'a', 'c'])
  expect(moveWithin(['a', 'b', 'c'], 'b', 'down')).toEqual(['a', 'c', 'b'])
  expect(moveWithin(['a', 'b', 'c'], 'a', 'up')).toBeNull()
  expect(moveWithin(['a', 'b', 'c'], 'c', 'down')).toBeNull()
  expect(moveWithin(['a', 'b'], 'x', 'up')).toBeNull()
})

test('cause input: text and locus required, limits enforced, evidence optional', () => {
  expect(CauseSchema.safeParse({ text: 'Tardy policy', locus: 'system' })).toEqual({
    success: true,
    data: { text: 'Tardy policy', locus: 'system', evidence: '' },
  })
  expect(CauseSchema.safeParse({ text: '   ', locus: 'people' }).success).toBe(false)
  expect(CauseSchema.safeParse({ text: 'x'.repeat(301), locus: 'people' }).success).toBe(false)
  expect(CauseSchema.safeParse({ text: 'x'.repeat(300), locus: 'people' }).success).toBe(true)
  expect(CauseSchema.safeParse({ text: 'Tardy policy', locus: 'students' }).success).toBe(false)
  expect(CauseSchema.safeParse({ text: 'Tardy policy', locus: 'people', evidence: 'e'.repeat(1001) }).success).toBe(false)
  expect(NewFishboneSchema.safeParse({ title: 'Attendance', problem: 'p'.repeat(501) }).success).toBe(false)
  expect(NewFishboneSchema.safeParse({ title: 'Attendance', problem: 'p'.repeat(500) }).success).toBe(true)
})

test('wrapping keeps every line within its width and marks what it cuts', () => {
  const lines = wrapText('Chronic absence is concentrated among ninth graders who ride the late bus', 20)
  expect(lines.every((l) => l.length <= 20)).toBe(true)
  expect(lines.join(' ')).toBe('Chronic absence is concentrated among ninth graders who ride the late bus')
  const cut = wrapText('one two three four five six seven eight nine ten eleven twelve', 10, 2)
  expect(cut).toHaveLength(2)
  expect(cut[1].endsWith('…')).toBe(true)
  expect(cut[1].length).toBeLessThanOrEqual(10)
  expect(wrapText('supercalifragilisticexpialidocious', 10).every((l) => l.length <= 10)).toBe(true)
})

test('labels, file names and the text alternative', () => {
  expect(shortLabel('Attendance policy')).toBe('Attendance policy')
  expect(shortLabel('a'.repeat(80))).toHaveLength(60)
  expect(svgFileName('Ninth-grade attendance: why?')).toBe('ninth-grade-attendance-why.svg')
  expect(svgFileName('Ça va — école')).toBe('ca-va-ecole.svg')
  expect(svgFileName('???')).toBe('fishbone.svg')
  const tree = buildFishboneTree([{ id: 'b1', label: 'Students', position: 0 }], [cause({ id: 'c1', boneId: 'b1' })])
  expect(describeFishbone({ problem: 'Too many ninth graders miss school.', bones: tree })).toBe(
    'Fishbone diagram. The problem at its head: Too many ninth graders miss school. 1 bone: Students (1 cause). 1 of 1 cause (100%) locates the problem in people; 0 (0%) in the system. The outline gives the same content as text.',
  )
  expect(describeFishbone({ problem: 'Attendance', bones: [] })).toBe('Fishbone diagram. The problem at its head: Attendance. No bones yet. No causes yet. The outline gives the same content as text.')
})

test('each outcome of a write gets its status and words, shown where the write happened unless the target is unknown', () => {
  expect(fishboneReply('done', 'cause-1', 'Cause saved.')).toEqual([{ ok: true, message: 'Cause saved.', at: 'cause-1' }, { status: 200 }])
  expect(fishboneReply('unchanged', 'cause-1', 'Cause moved up.')).toEqual([{ ok: true, message: 'It is already at that end.', at: 'cause-1' }, { status: 200 }])
  expect(fishboneReply('invalid', 'add-1', 'Write the cause.')).toEqual([{ ok: false, message: 'Write the cause.', at: 'add-1' }, { status: 400 }])
  expect(fishboneReply('not-found', 'cause-1', 'Cause saved.')).toEqual([{ ok: false, message: 'That bone or cause is not part of this fishbone.' }, { status: 404 }])
  expect(fishboneReply('bones-full', 'add-bone', 'Bone added.')[1]).toEqual({ status: 400 })
  expect(fishboneReply('causes-full', undefined, 'Cause added.')).toEqual([{ ok: false, message: 'A fishbone holds at most 120 causes. Combine or remove some first.' }, { status: 400 }])
  expect(fishboneReply('too-deep', 'add-1', 'Sub-cause added.')[0].ok).toBe(false)
})

// ── The drawing ─────────────────────────────────────────────────────────────

const WORDS = 'students teachers schedule bus referral policy attendance family trust data culture leadership routine tutoring'.split(' ')

function sentence(seed: number, length: number) {
  const words: string[] = []
  for (let i = 0; words.join(' ').length < length; i++) words.push(WORDS[(seed * 7 + i * 3) % WORDS.length])
  return words.join(' ').slice(0, length)
}

/** A fishbone of `bones` bones with `total` causes spread over them, some with sub-causes, texts long enough to wrap. */
function bigFishbone(boneCount: number, total: number) {
  const bones = Array.from({ length: boneCount }, (_, i) => ({ id: `b${i}`, label: i < 6 ? DEFAULT_BONES[i] : sentence(i, 70), position: i }))
  const rows: CauseRow[] = []
  for (let i = 0; i < total; i++) {
    const boneId = `b${i % boneCount}`
    const siblings = rows.filter((r) => r.boneId === boneId && r.parentId === null)
    const parent = i % 5 === 4 ? siblings[siblings.length - 1] : undefined
    rows.push(cause({ id: `c${i}`, boneId, parentId: parent?.id ?? null, text: sentence(i, 20 + ((i * 37) % 280)), locus: i % 3 === 0 ? 'system' : 'people', position: i }))
  }
  return buildFishboneTree(bones, rows)
}

function overlaps(a: Box, b: Box) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

function crosses(segment: Segment, box: Box) {
  for (let step = 0; step <= 400; step++) {
    const t = step / 400
    const x = segment.x1 + (segment.x2 - segment.x1) * t
    const y = segment.y1 + (segment.y2 - segment.y1) * t
    if (x > box.x && x < box.x + box.width && y > box.y && y < box.y + box.height) return true
  }
  return false
}

function labelledBoxes(layout: ReturnType<typeof layoutFishbone>) {
  return [
    { name: 'head', box: layout.head.box },
    { name: 'legend', box: layout.legend.box },
    ...layout.bones.flatMap((bone) => [{ name: `title ${bone.id}`, box: bone.title.box }, ...bone.causes.map((c) => ({ name: `cause ${c.id}`, box: c.label.box }))]),
  ]
}

function expectLegible(boneCount: number, causeCount: number) {
  const bones = bigFishbone(boneCount, causeCount)
  const problem = sentence(3, 500)
  const layout = layoutFishbone({ problem, bones })
  const boxes = labelledBoxes(layout)
  expect(boxes.filter((b) => b.name.startsWith('cause'))).toHaveLength(causeCount)

  const collisions: string[] = []
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i].box, boxes[j].box)) collisions.push(`${boxes[i].name} × ${boxes[j].name}`)
  }
  expect(collisions).toEqual([])

  for (const { name, box } of boxes) {
    expect(box.x, name).toBeGreaterThanOrEqual(0)
    expect(box.y, name).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width, name).toBeLessThanOrEqual(layout.width)
    expect(box.y + box.height, name).toBeLessThanOrEqual(layout.height)
  }

  // No bone and not the spine runs through a label it does not own.
  const crossings: string[] = []
  for (const bone of layout.bones) {
    for (const { name, box } of boxes) if (name !== `title ${bone.id}` && crosses(bone.line, box)) crossings.push(`${bone.id} through ${name}`)
  }
  for (const { name, box } of boxes) if (crosses(layout.spine, box)) crossings.push(`spine through ${name}`)
  expect(crossings).toEqual([])

  // Every label line fits the width its box gives it (at a generous 0.6em per character).
  for (const bone of layout.bones) {
    for (const c of bone.causes) {
      expect(c.label.lines.length).toBeGreaterThan(0)
      for (const line of c.label.lines) expect(line.x + line.text.length * c.label.fontSize * 0.6).toBeLessThanOrEqual(c.label.box.x + c.label.box.width + 0.5)
    }
  }
  return layout
}

test('six bones and forty causes lay out with no label overlapping another and no bone through a label', () => {
  const layout = expectLegible(6, 40)
  expect(layout.bones.map((b) => b.side)).toEqual(['top', 'bottom', 'top', 'bottom', 'top', 'bottom'])
  // Top bones rise from the spine, bottom bones fall from it, all leaning toward the head.
  for (const bone of layout.bones) {
    const spineEnd = bone.side === 'top' ? { x: bone.line.x2, y: bone.line.y2 } : { x: bone.line.x1, y: bone.line.y1 }
    expect(spineEnd.y).toBe(layout.spine.y1)
    expect(spineEnd.x).toBeLessThan(layout.head.box.x)
  }
  // Sub-causes are indented from their parents.
  const sub = layout.bones.flatMap((b) => b.causes).find((c) => c.depth === 1)
  expect(sub?.tick.x2).toBeGreaterThan((sub?.tick.x1 ?? 0) + 18)
  // Wide enough to read at full size, but not absurdly so.
  expect(layout.width).toBeLessThan(2000)
})

test('the limits (12 bones, 120 causes) and a lone bone still lay out cleanly', () => {
  expectLegible(12, 120)
  expectLegible(1, 3)
  const empty = layoutFishbone({ problem: 'Attendance', bones: [] })
  expect(empty.bones).toEqual([])
  expect(empty.head.lines.map((l) => l.text)).toEqual(['Problem', 'Attendance'])
})

test('the standalone drawing carries the whole outline as text, nothing cut short', () => {
  const bones = buildFishboneTree(
    [{ id: 'b1', label: 'Students', position: 0 }],
    [
      cause({ id: 'c1', boneId: 'b1', text: 'A very long cause '.repeat(15).trim(), evidence: 'Attendance logs, fall term' }),
      cause({ id: 's1', boneId: 'b1', parentId: 'c1', text: 'Late bus', locus: 'system' }),
    ],
  )
  const layout = layoutFishbone({ problem: 'Ninth graders miss school', bones, outline: { title: 'Attendance' } })
  const text = layout.outline?.lines.map((l) => l.text).join(' ') ?? ''
  expect(text).toContain('Outline: Attendance')
  expect(text).toContain('Problem: Ninth graders miss school')
  expect(text).toContain('1. Students')
  expect(text.replace(/\s+/g, ' ')).toContain('A very long cause '.repeat(15).trim())
  expect(text).toContain('(in people)')
  expect(text).toContain('Evidence: Attendance logs, fall term')
  expect(text).toContain('• Late bus (in the system)')
  const outlineBox = layout.outline?.box
  expect(outlineBox && outlineBox.y + outlineBox.height).toBeLessThanOrEqual(layout.height)
  // The drawing itself cuts a long cause to three lines.
  expect(layout.bones[0].causes[0].label.lines).toHaveLength(3)
  expect(layoutFishbone({ problem: 'x', bones }).outline).toBeNull()
})
