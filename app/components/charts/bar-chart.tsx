/**
 * Horizontal bars with their values written beside them, drawn on the server as SVG for reports
 * staff paste into funder documents. The table that follows each chart carries the same figures.
 */
export type Bar = { label: string; value: number; display: string }

const WIDTH = 720
const LABEL = 200
const RIGHT = 80
const ROW = 30
const TOP = 30
const BOTTOM = 34

export function BarChart({ id, title, description, bars, max, axisLabel, tick }: { id: string; title: string; description: string; bars: Bar[]; max: number; axisLabel: string; tick: (value: number) => string }) {
  const plot = WIDTH - LABEL - RIGHT
  const top = Math.max(max, 1)
  const x = (value: number) => LABEL + (value / top) * plot
  const height = TOP + bars.length * ROW + BOTTOM
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => t * top)
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="h-auto w-full max-w-3xl" fontFamily="system-ui, sans-serif" fontSize="13">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <text x={LABEL} y={16} fill="#334155" fontWeight="600">{axisLabel}</text>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={TOP - 4} y2={height - BOTTOM} stroke="#e2e8f0" />
          <text x={x(t)} y={height - BOTTOM + 16} textAnchor="middle" fill="#475569">{tick(t)}</text>
        </g>
      ))}
      {bars.map((bar, i) => {
        const y = TOP + i * ROW
        return (
          <g key={bar.label}>
            <text x={LABEL - 8} y={y + ROW / 2 + 4} textAnchor="end" fill="#0f172a">{bar.label}</text>
            <rect x={LABEL} y={y + 5} width={Math.max(1, x(bar.value) - LABEL)} height={ROW - 10} fill="#1d4ed8" />
            <text x={x(bar.value) + 6} y={y + ROW / 2 + 4} fill="#0f172a">{bar.display}</text>
          </g>
        )
      })}
    </svg>
  )
}
