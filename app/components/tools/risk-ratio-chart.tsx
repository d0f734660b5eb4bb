/**
 * Risk ratios as horizontal bars with the threshold as a dashed line, drawn on the server as SVG so
 * it reads without JavaScript. Flagged bars differ by pattern and label, not colour alone; groups with
 * no ratio get a row saying so. The table beside it carries the same figures as text.
 */
export type RatioBar = { group: string; ratio: number | null; flagged: boolean; alternate: boolean; missing: string }

const WIDTH = 720
const LABEL = 230
const RIGHT = 90
const ROW = 30
const TOP = 34
const BOTTOM = 40

export function RiskRatioChart({ id, title, bars, threshold }: { id: string; title: string; bars: RatioBar[]; threshold: number }) {
  const max = Math.max(threshold * 1.5, 3, ...bars.map((b) => b.ratio ?? 0))
  const scaleMax = Math.ceil(max * 2) / 2
  const plot = WIDTH - LABEL - RIGHT
  const x = (value: number) => LABEL + (value / scaleMax) * plot
  const height = TOP + bars.length * ROW + BOTTOM
  const ticks = Array.from({ length: Math.floor(scaleMax / 0.5) + 1 }, (_, i) => i * 0.5).filter((t) => scaleMax <= 6 || t % 1 === 0)
  const flagged = bars.filter((b) => b.flagged).map((b) => `${b.group} (${b.ratio?.toFixed(2)})`)
  const description = `${bars.length} student groups. Threshold ${threshold.toFixed(1)}. ${
    flagged.length > 0 ? `Over the threshold: ${flagged.join(', ')}.` : 'No group is over the threshold.'
  } The table gives every figure.`
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="h-auto w-full max-w-3xl" fontFamily="system-ui, sans-serif" fontSize="13">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <defs>
        <pattern id={`${id}-hatch`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="8" height="8" fill="#9f1239" />
          <line x1="0" y1="0" x2="0" y2="8" stroke="#fecdd3" strokeWidth="3" />
        </pattern>
      </defs>
      <text x={LABEL} y={18} fill="#334155" fontWeight="600">Risk ratio (1.0 = same risk as everyone else in the school)</text>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={TOP - 4} y2={height - BOTTOM} stroke="#e2e8f0" />
          <text x={x(t)} y={height - BOTTOM + 16} textAnchor="middle" fill="#475569">
            {t.toFixed(1)}
          </text>
        </g>
      ))}
      {bars.map((bar, i) => {
        const y = TOP + i * ROW
        return (
          <g key={bar.group}>
            <text x={LABEL - 8} y={y + ROW / 2 + 4} textAnchor="end" fill="#0f172a">
              {bar.group.length > 32 ? `${bar.group.slice(0, 31)}…` : bar.group}
            </text>
            {bar.ratio === null ? (
              <text x={LABEL + 6} y={y + ROW / 2 + 4} fill="#475569" fontStyle="italic">
                {bar.missing}
              </text>
            ) : (
              <>
                <rect x={LABEL} y={y + 5} width={Math.max(1, x(bar.ratio) - LABEL)} height={ROW - 10} fill={bar.flagged ? `url(#${id}-hatch)` : '#1d4ed8'} />
                <text x={x(bar.ratio) + 6} y={y + ROW / 2 + 4} fill="#0f172a" fontWeight={bar.flagged ? 700 : 400}>
                  {bar.ratio.toFixed(2)}
                  {bar.alternate ? ' alt.' : ''}
                  {bar.flagged ? ' ▲ over' : ''}
                </text>
              </>
            )}
          </g>
        )
      })}
      <line x1={x(threshold)} x2={x(threshold)} y1={TOP - 8} y2={height - BOTTOM} stroke="#b91c1c" strokeWidth="2" strokeDasharray="6 4" />
      <text x={x(threshold)} y={height - 6} textAnchor="middle" fill="#b91c1c" fontWeight="600">
        Threshold {threshold.toFixed(1)}
      </text>
    </svg>
  )
}
