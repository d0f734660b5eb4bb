import { type BoneNode, type CauseLocus, describeFishbone } from '~/domain/fishbone'
import { layoutFishbone, type TextBlock } from '~/domain/fishbone-layout'

const INK = '#0f172a'
const MUTED = '#475569'
const BRAND = '#0b5649'
/** The same marks as the outline's badges: shape and colour both say where a cause locates the problem. */
export const LOCUS_COLOURS: Record<CauseLocus, string> = { people: '#b45309', system: '#1d4ed8' }
const FONT = "'Source Sans 3', 'Segoe UI', system-ui, -apple-system, sans-serif"
/** Up to this width a drawing shrinks to fit the page's column and stays readable; wider ones keep full size and scroll. */
const FIT_WIDTH = 1400

/**
 * The fishbone as SVG, drawn only with attributes (no inline styles, which the CSP refuses), so the
 * same markup serves the page and the standalone download. With `withOutline`, the whole outline
 * follows the drawing as text, so the file stands on its own. With `fit`, a drawing that can shrink
 * to its container and stay readable does so (and every drawing fits the page when printed).
 */
export function FishboneDiagram({
  title,
  problem,
  bones,
  idPrefix = 'fishbone',
  withOutline = false,
  fit = false,
}: {
  title: string
  problem: string
  bones: BoneNode[]
  idPrefix?: string
  withOutline?: boolean
  fit?: boolean
}) {
  const layout = layoutFishbone({ problem, bones, outline: withOutline ? { title } : undefined })
  const titleId = `${idPrefix}-title`
  const descId = `${idPrefix}-desc`
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-labelledby={titleId}
      aria-describedby={descId}
      fontFamily={FONT}
      className={fit ? `h-auto print:w-full print:max-w-full ${layout.width <= FIT_WIDTH ? 'w-full' : 'max-w-none'}` : undefined}
    >
      <title id={titleId}>{`Fishbone: ${title}`}</title>
      <desc id={descId}>{describeFishbone({ problem, bones })}</desc>
      <rect x={0} y={0} width={layout.width} height={layout.height} fill="#ffffff" />
      <line {...layout.spine} stroke={INK} strokeWidth={3} strokeLinecap="round" />
      <rect {...layout.head.box} rx={14} fill="#eef6f4" stroke={BRAND} strokeWidth={2} />
      <Text block={layout.head} fill={INK} />
      {layout.bones.map((bone) => (
        <g key={bone.id}>
          <line {...bone.line} stroke={INK} strokeWidth={2} strokeLinecap="round" />
          <Text block={bone.title} fill={BRAND} />
          {bone.causes.map((cause) => (
            <g key={cause.id}>
              <line {...cause.tick} stroke={MUTED} strokeWidth={1.25} strokeDasharray={cause.depth > 0 ? '3 2' : undefined} />
              <LocusMark locus={cause.locus} x={cause.marker.x} y={cause.marker.y} />
              <Text block={cause.label} fill={INK} />
            </g>
          ))}
        </g>
      ))}
      {layout.legend.items.map((item) => (
        <g key={item.locus}>
          <LocusMark locus={item.locus} x={item.marker.x} y={item.marker.y} />
          <text x={item.text.x} y={item.text.y} fontSize={13} fill={INK}>
            {item.text.text}
          </text>
        </g>
      ))}
      {layout.outline ? <Text block={layout.outline} fill={INK} /> : null}
    </svg>
  )
}

function LocusMark({ locus, x, y }: { locus: CauseLocus; x: number; y: number }) {
  return locus === 'people' ? (
    <circle cx={x} cy={y} r={5} fill={LOCUS_COLOURS.people} />
  ) : (
    <rect x={x - 5} y={y - 5} width={10} height={10} fill={LOCUS_COLOURS.system} />
  )
}

function Text({ block, fill }: { block: TextBlock; fill: string }) {
  return (
    <text fontSize={block.fontSize} fontWeight={block.bold ? 700 : 400} fill={fill}>
      {block.lines.map((line, i) => (
        <tspan key={i} x={line.x} y={line.y}>
          {line.text}
        </tspan>
      ))}
    </text>
  )
}
