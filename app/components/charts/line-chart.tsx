/**
 * Lines over months, one per series, each with its own marker shape and dash so no line is told
 * apart by colour alone; the series name is written at the end of its line.
 */
export type Series = { name: string; values: (number | null)[] }

const WIDTH = 720
const LEFT = 56
const RIGHT = 170
const TOP = 20
const HEIGHT = 300
const BOTTOM = 46
const STYLES = [
  { stroke: '#1d4ed8', dash: '', marker: 'circle' },
  { stroke: '#b45309', dash: '6 4', marker: 'square' },
  { stroke: '#047857', dash: '2 3', marker: 'triangle' },
  { stroke: '#7c3aed', dash: '10 3 2 3', marker: 'diamond' },
] as const

function Marker({ kind, x, y, color }: { kind: (typeof STYLES)[number]['marker']; x: number; y: number; color: string }) {
  if (kind === 'square') return <rect x={x - 4} y={y - 4} width={8} height={8} fill={color} />
  if (kind === 'triangle') return <polygon points={`${x},${y - 5} ${x + 5},${y + 4} ${x - 5},${y + 4}`} fill={color} />
  if (kind === 'diamond') return <polygon points={`${x},${y - 5} ${x + 5},${y} ${x},${y + 5} ${x - 5},${y}`} fill={color} />
  return <circle cx={x} cy={y} r={4} fill={color} />
}

export function LineChart({ id, title, description, labels, series, yLabel }: { id: string; title: string; description: string; labels: string[]; series: Series[]; yLabel: string }) {
  const plotWidth = WIDTH - LEFT - RIGHT
  const plotHeight = HEIGHT - TOP - BOTTOM
  const x = (i: number) => LEFT + (labels.length <= 1 ? plotWidth / 2 : (i / (labels.length - 1)) * plotWidth)
  const y = (value: number) => TOP + (1 - value) * plotHeight
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="h-auto w-full max-w-3xl" fontFamily="system-ui, sans-serif" fontSize="12">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {[0, 0.25, 0.5, 0.75, 1].map((t) => (
        <g key={t}>
          <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(t)} y2={y(t)} stroke="#e2e8f0" />
          <text x={LEFT - 6} y={y(t) + 4} textAnchor="end" fill="#475569">{Math.round(t * 100)}%</text>
        </g>
      ))}
      <text x={14} y={TOP + plotHeight / 2} transform={`rotate(-90 14 ${TOP + plotHeight / 2})`} textAnchor="middle" fill="#334155">{yLabel}</text>
      {labels.map((label, i) => (
        <text key={label} x={x(i)} y={HEIGHT - BOTTOM + 18} textAnchor="middle" fill="#475569">{label}</text>
      ))}
      {series.map((s, n) => {
        const style = STYLES[n % STYLES.length]
        const points = s.values.flatMap((v, i) => (v === null ? [] : [{ x: x(i), y: y(v) }]))
        const last = points[points.length - 1]
        return (
          <g key={s.name}>
            <polyline points={points.map((p) => `${p.x},${p.y}`).join(' ')} fill="none" stroke={style.stroke} strokeWidth={2} strokeDasharray={style.dash || undefined} />
            {points.map((p) => (
              <Marker key={`${p.x}`} kind={style.marker} x={p.x} y={p.y} color={style.stroke} />
            ))}
            {last ? <text x={WIDTH - RIGHT + 8} y={last.y + 4} fill={style.stroke} fontWeight="600">{s.name}</text> : null}
          </g>
        )
      })}
    </svg>
  )
}
