import { CAUSE_LOCI, causesUnder, FISHBONE_LIMITS, LOCUS_LABELS, type BoneNode, type CauseLocus, type CauseNode } from './fishbone'

// ── The drawing ─────────────────────────────────────────────────────────────

export type Box = { x: number; y: number; width: number; height: number }
export type Segment = { x1: number; y1: number; x2: number; y2: number }
export type TextLine = { text: string; x: number; y: number }
export type TextBlock = { box: Box; fontSize: number; bold: boolean; lines: TextLine[] }

export type LaidOutCause = { id: string; locus: CauseLocus; depth: number; text: string; tick: Segment; marker: { x: number; y: number }; label: TextBlock }
export type LaidOutBone = { id: string; side: 'top' | 'bottom'; line: Segment; title: TextBlock; causes: LaidOutCause[] }
export type FishboneLayout = {
  width: number
  height: number
  spine: Segment
  head: TextBlock
  bones: LaidOutBone[]
  legend: { box: Box; items: { locus: CauseLocus; marker: { x: number; y: number }; text: TextLine }[] }
  /** The whole outline as lines of text, for the standalone export. */
  outline: TextBlock | null
}

const MARGIN = 24
const CAUSE_FONT = 13
const CAUSE_LINE = 17
const CAUSE_MAX_LINES = 3
const CAUSE_GAP = 8
const LABEL_WIDTH = 230
const MARKER_SPACE = 16
const INDENT = 14
const TICK = 18
/** Horizontal run of a bone per unit of height: parallel bones one column apart never meet. */
const SLANT = 0.35
const COLUMN = TICK + LABEL_WIDTH + 40
const TITLE_FONT = 14
const TITLE_LINE = 18
const TITLE_MAX_LINES = 2
const TITLE_WIDTH = COLUMN - 30
const BONE_INSET = 12
const STACK_START = 14
const SPINE_GAP = 18
const MIN_STACK = 48
const HEAD_WIDTH = 260
const HEAD_PADDING = 14
const HEAD_FONT = 14
const HEAD_LINE = 19
const HEAD_GAP = 32
const LEGEND_HEIGHT = 20
const OUTLINE_FONT = 13
const OUTLINE_LINE = 18
const OUTLINE_MIN_WIDTH = 640

/** Width of one character, erring wide so real glyphs stay inside their box. */
function charWidth(fontSize: number, bold: boolean) {
  return fontSize * (bold ? 0.62 : 0.6)
}

function charsFor(width: number, fontSize: number, bold: boolean) {
  return Math.max(8, Math.floor(width / charWidth(fontSize, bold)))
}

/** The width wrapped lines take (plus what sits before the text), never more than the width they were given. */
function usedWidth(lines: string[], fontSize: number, bold: boolean, lead: number, allotted: number) {
  return Math.min(allotted, Math.ceil(lead + Math.max(0, ...lines.map((l) => l.length)) * charWidth(fontSize, bold)))
}

/** Greedy word wrap; long words are broken, and past maxLines the last line ends with an ellipsis. */
export function wrapText(text: string, maxChars: number, maxLines = Infinity) {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean)
  const lines: string[] = []
  let line = ''
  for (const word of words) {
    let rest = word
    while (rest.length > maxChars) {
      const room = line ? maxChars - line.length - 1 : maxChars
      if (room >= 4) {
        lines.push(`${line ? `${line} ` : ''}${rest.slice(0, room)}`)
        rest = rest.slice(room)
      } else {
        if (line) lines.push(line)
        lines.push(rest.slice(0, maxChars))
        rest = rest.slice(maxChars)
      }
      line = ''
    }
    if (!rest) continue
    if (!line) line = rest
    else if (line.length + 1 + rest.length <= maxChars) line = `${line} ${rest}`
    else {
      lines.push(line)
      line = rest
    }
  }
  if (line) lines.push(line)
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  const last = kept[maxLines - 1]
  kept[maxLines - 1] = `${last.length >= maxChars ? last.slice(0, maxChars - 1).trimEnd() : last}…`
  return kept
}

function textBlock(x: number, y: number, width: number, lines: string[], fontSize: number, lineHeight: number, bold: boolean, textX = x): TextBlock {
  return {
    box: { x, y, width, height: lines.length * lineHeight },
    fontSize,
    bold,
    // Baselines sit about three quarters down each line box.
    lines: lines.map((text, i) => ({ text, x: textX, y: y + i * lineHeight + Math.round(lineHeight * 0.75) })),
  }
}

type StackedCause = { node: CauseNode; lines: string[]; top: number }

/** Causes of one bone, parents before children, each given its wrapped lines and its offset in the stack. */
function stackCauses(bone: BoneNode) {
  const stacked: StackedCause[] = []
  let top = 0
  for (const node of causesUnder(bone.causes)) {
    const indent = Math.min(node.depth, FISHBONE_LIMITS.depth - 1) * INDENT
    const lines = wrapText(node.text, charsFor(LABEL_WIDTH - indent - MARKER_SPACE, CAUSE_FONT, false), CAUSE_MAX_LINES)
    stacked.push({ node, lines, top })
    top += lines.length * CAUSE_LINE + CAUSE_GAP
  }
  return { stacked, height: Math.max(MIN_STACK, top - CAUSE_GAP) }
}

/**
 * Coordinates for the whole drawing. Bones alternate above and below the spine in columns; each
 * bone slants toward the head, and its causes hang off it as ticks with labels stacked down the
 * bone. Bones are parallel and a column apart, so no label can reach the next bone.
 */
export function layoutFishbone({ problem, bones, outline }: { problem: string; bones: BoneNode[]; outline?: { title: string } }): FishboneLayout {
  const stacks = bones.map(stackCauses)
  const titles = bones.map((bone) => wrapText(bone.label, charsFor(TITLE_WIDTH, TITLE_FONT, true), TITLE_MAX_LINES))
  const titleHeight = Math.max(1, ...titles.map((t) => t.length)) * TITLE_LINE
  const sideHeight = (side: 0 | 1) => Math.max(MIN_STACK, ...stacks.filter((_, i) => i % 2 === side).map((s) => s.height))
  const topStack = sideHeight(0)
  const bottomStack = bones.length > 1 ? sideHeight(1) : MIN_STACK

  const headLines = wrapText(problem, charsFor(HEAD_WIDTH - 2 * HEAD_PADDING, HEAD_FONT, true))
  const headHeight = (headLines.length + 1) * HEAD_LINE + 2 * HEAD_PADDING

  const boneTop = MARGIN + titleHeight + 6
  const spineY = Math.max(boneTop + STACK_START + topStack + SPINE_GAP, MARGIN + Math.ceil(headHeight / 2))
  const bottomEnd = spineY + SPINE_GAP + bottomStack + STACK_START
  const topRun = (spineY - boneTop) * SLANT
  const bottomRun = (bottomEnd - spineY) * SLANT

  const laidOut: LaidOutBone[] = bones.map((bone, i) => {
    const side = i % 2 === 0 ? 'top' : 'bottom'
    const left = MARGIN + Math.floor(i / 2) * COLUMN
    const start = left + BONE_INSET
    const line: Segment =
      side === 'top'
        ? { x1: start, y1: boneTop, x2: start + topRun, y2: spineY }
        : { x1: start + bottomRun, y1: spineY, x2: start, y2: bottomEnd }
    const boneX = (y: number) => (side === 'top' ? start + (y - boneTop) * SLANT : start + (bottomEnd - y) * SLANT)
    const titleY = side === 'top' ? MARGIN + titleHeight - titles[i].length * TITLE_LINE : bottomEnd + 6
    const stackTop = side === 'top' ? boneTop + STACK_START : spineY + SPINE_GAP
    const causes = stacks[i].stacked.map(({ node, lines, top }): LaidOutCause => {
      const y = stackTop + top
      const tickY = y + CAUSE_LINE / 2
      const indent = Math.min(node.depth, FISHBONE_LIMITS.depth - 1) * INDENT
      const x = boneX(tickY) + TICK + indent
      return {
        id: node.id,
        locus: node.locus,
        depth: node.depth,
        text: node.text,
        tick: { x1: boneX(tickY), y1: tickY, x2: x, y2: tickY },
        marker: { x: x + 5, y: tickY },
        label: textBlock(x, y, usedWidth(lines, CAUSE_FONT, false, MARKER_SPACE, LABEL_WIDTH - indent), lines, CAUSE_FONT, CAUSE_LINE, false, x + MARKER_SPACE),
      }
    })
    const title = textBlock(left, titleY, usedWidth(titles[i], TITLE_FONT, true, 0, TITLE_WIDTH), titles[i], TITLE_FONT, TITLE_LINE, true)
    return { id: bone.id, side, line, title, causes }
  })

  // The head sits just past the furthest bone or label, so a sparse fishbone stays compact.
  const reach = laidOut.flatMap((bone) => [bone.line.x1, bone.line.x2, bone.title.box.x + bone.title.box.width, ...bone.causes.map((c) => c.label.box.x + c.label.box.width)])
  const headX = Math.ceil(Math.max(MARGIN + 2 * HEAD_GAP, ...reach) + HEAD_GAP)
  const headTop = spineY - Math.ceil(headHeight / 2)
  const headText = textBlock(headX, headTop + HEAD_PADDING, HEAD_WIDTH, ['Problem', ...headLines], HEAD_FONT, HEAD_LINE, true, headX + HEAD_PADDING)
  const head = { ...headText, box: { x: headX, y: headTop, width: HEAD_WIDTH, height: headHeight } }

  const width = headX + HEAD_WIDTH + MARGIN
  const legendY = Math.max(bottomEnd + 6 + (bones.length > 1 ? titleHeight : 0), headTop + headHeight) + 20
  const legend = {
    box: { x: MARGIN, y: legendY, width: 300, height: LEGEND_HEIGHT },
    items: CAUSE_LOCI.map((locus, i) => ({
      locus,
      marker: { x: MARGIN + 6 + i * 150, y: legendY + LEGEND_HEIGHT / 2 },
      text: { text: LOCUS_LABELS[locus], x: MARGIN + 18 + i * 150, y: legendY + 15 },
    })),
  }
  let height = legendY + LEGEND_HEIGHT + MARGIN
  let outlineBlock: TextBlock | null = null
  if (outline) {
    const outlineWidth = Math.max(width - 2 * MARGIN, OUTLINE_MIN_WIDTH)
    const lines = outlineLines({ title: outline.title, problem, bones }, charsFor(outlineWidth, OUTLINE_FONT, false))
    outlineBlock = {
      box: { x: MARGIN, y: height, width: outlineWidth, height: lines.length * OUTLINE_LINE },
      fontSize: OUTLINE_FONT,
      bold: false,
      lines: lines.map((line, i) => ({ text: line.text, x: MARGIN + line.indent * OUTLINE_FONT * 0.6, y: height + i * OUTLINE_LINE + 14 })),
    }
    height += outlineBlock.box.height + MARGIN
  }
  return {
    width: Math.max(width, outlineBlock ? outlineBlock.box.width + 2 * MARGIN : 0),
    height,
    spine: { x1: MARGIN, y1: spineY, x2: headX, y2: spineY },
    head,
    bones: laidOut,
    legend,
    outline: outlineBlock,
  }
}

/** The outline as wrapped lines with their indent (in characters), for the standalone SVG, where nothing is cut short. */
export function outlineLines({ title, problem, bones }: { title: string; problem: string; bones: BoneNode[] }, maxChars: number) {
  const lines: { text: string; indent: number }[] = []
  function add(text: string, indent: number) {
    for (const line of wrapText(text, maxChars - indent)) lines.push({ text: line, indent })
  }
  add(`Outline: ${title}`, 0)
  add(`Problem: ${problem}`, 0)
  function visit(causes: CauseNode[], indent: number) {
    for (const cause of causes) {
      add(`• ${cause.text} (${LOCUS_LABELS[cause.locus].toLowerCase()})`, indent)
      if (cause.evidence) add(`Evidence: ${cause.evidence}`, indent + 2)
      visit(cause.causes, indent + 4)
    }
  }
  bones.forEach((bone, i) => {
    add(`${i + 1}. ${bone.label}${bone.causes.length === 0 ? ' (no causes yet)' : ''}`, 0)
    visit(bone.causes, 4)
  })
  return lines
}
