import type { ReactNode } from 'react'
import { Cell, DataTable, Row, RowHeader, type Column } from '~/components/data-table'
import {
  analyseRunChart,
  axisTicks,
  describeRunChart,
  firedRules,
  formatValue,
  medianLabel,
  RULE_LABELS,
  type Direction,
  type MarkedPoint,
  type RuleKey,
  type Side,
} from '~/domain/run-chart'

export type RunChartPoint = { id: string; observedOn: string; value: number; cycleNumber: number | null; note: string }

const WIDTH = 720
const LEFT = 64
const RIGHT = 24
const TOP = 24
const PLOT_HEIGHT = 220
const PLOT_WIDTH = WIDTH - LEFT - RIGHT
const INSET = 14
const LEGEND_ROW = 22
const MAX_DATE_LABELS = 6

const INK = '#334155'
const LINE = '#64748b'
const GRID = '#e2e8f0'
const SHIFT = '#b45309'
const TREND = '#1d4ed8'
const BOTH = '#7e22ce'

type Mark = 'point' | 'shift' | 'trend-rising' | 'trend-falling' | 'both'
type LegendEntry = { key: string; label: string; mark: Mark | 'median' }

function markOf(point: { shift: Side | null; trend: Direction | null }): Mark {
  if (point.shift && point.trend) return 'both'
  if (point.shift) return 'shift'
  if (point.trend) return point.trend === 'rising' ? 'trend-rising' : 'trend-falling'
  return 'point'
}

/** Each kind of point has its own shape as well as its own colour, so the chart never relies on colour alone. */
function Shape({ mark, x, y }: { mark: Mark; x: number; y: number }) {
  const outline = { stroke: '#ffffff', strokeWidth: 1.5 }
  switch (mark) {
    case 'shift':
      return <rect x={x - 5.5} y={y - 5.5} width={11} height={11} fill={SHIFT} {...outline} />
    case 'trend-rising':
      return <polygon points={`${x},${y - 7} ${x - 7},${y + 5} ${x + 7},${y + 5}`} fill={TREND} {...outline} />
    case 'trend-falling':
      return <polygon points={`${x},${y + 7} ${x - 7},${y - 5} ${x + 7},${y - 5}`} fill={TREND} {...outline} />
    case 'both':
      return <polygon points={`${x},${y - 8} ${x + 8},${y} ${x},${y + 8} ${x - 8},${y}`} fill={BOTH} {...outline} />
    default:
      return <circle cx={x} cy={y} r={4.5} fill={INK} {...outline} />
  }
}

const RULE_MARKS: Record<RuleKey, Mark> = {
  'shift-above': 'shift',
  'shift-below': 'shift',
  'trend-rising': 'trend-rising',
  'trend-falling': 'trend-falling',
}

/** Which of the date-ordered points get a date under the axis: all when few, else evenly spaced. */
function labelledIndices(count: number) {
  if (count <= MAX_DATE_LABELS) return new Set([...Array(count).keys()])
  return new Set([...Array(MAX_DATE_LABELS).keys()].map((k) => Math.round((k * (count - 1)) / (MAX_DATE_LABELS - 1))))
}

function signalText(point: MarkedPoint<RunChartPoint>) {
  const signals = [
    point.shift ? `Shift (${point.shift} the median)` : null,
    point.trend ? `Trend (${point.trend})` : null,
    point.onMedian ? 'On the median' : null,
  ].filter((s) => s !== null)
  return signals.length > 0 ? signals.join('; ') : 'None'
}

/**
 * A run chart drawn on the server as SVG: points in date order, the median as a dashed line, shift and
 * trend points marked by shape, a legend naming each rule that fired, then the same points as a table.
 */
export function RunChart({
  id,
  name,
  unit,
  points,
  rowAction,
}: {
  id: string
  name: string
  unit: string
  points: RunChartPoint[]
  rowAction?: (point: RunChartPoint) => ReactNode
}) {
  const analysis = analyseRunChart(points)
  const description = describeRunChart(analysis, unit)
  const ordered = analysis.points
  const rules = firedRules(analysis)
  const hasBoth = ordered.some((p) => p.shift && p.trend)
  const legend: LegendEntry[] = [{ key: 'point', label: 'Data point', mark: 'point' }]
  if (analysis.median !== null) legend.push({ key: 'median', label: `${medianLabel(analysis.median)} (dashed line)`, mark: 'median' })
  for (const rule of rules) legend.push({ key: rule, label: RULE_LABELS[rule], mark: RULE_MARKS[rule] })
  if (hasBoth) legend.push({ key: 'both', label: 'Point in both a shift and a trend', mark: 'both' })
  const ticks = axisTicks(analysis.median === null ? ordered.map((p) => p.value) : [...ordered.map((p) => p.value), analysis.median])
  const low = ticks[0]
  const high = ticks[ticks.length - 1]
  const y = (value: number) => TOP + PLOT_HEIGHT - ((value - low) / (high - low)) * PLOT_HEIGHT
  const x = (index: number) =>
    ordered.length === 1 ? LEFT + PLOT_WIDTH / 2 : LEFT + INSET + (index * (PLOT_WIDTH - 2 * INSET)) / (ordered.length - 1)
  const bottom = TOP + PLOT_HEIGHT
  const legendTop = bottom + 62
  const height = legendTop + legend.length * LEGEND_ROW
  const dated = labelledIndices(ordered.length)
  const axisTitle = unit ? `${name} (${unit})` : name
  const titleId = `${id}-title`
  const descId = `${id}-desc`
  const columns: Column[] = ['Date', { label: unit ? `Value (${unit})` : 'Value', numeric: true }, 'Cycle', 'Note', 'Signal', ...(rowAction ? ['Remove'] : [])]

  return (
    <figure className="space-y-3">
      {ordered.length === 0 ? (
        <p className="text-slate-700">No data points yet: the run chart appears with the first one.</p>
      ) : (
        <svg
          role="img"
          aria-labelledby={titleId}
          aria-describedby={descId}
          viewBox={`0 0 ${WIDTH} ${height}`}
          className="h-auto w-full max-w-3xl rounded bg-white"
          fontFamily="inherit"
          fontSize={12}
        >
          <title id={titleId}>{`Run chart: ${name}`}</title>
          <desc id={descId}>{description}</desc>
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={LEFT} x2={LEFT + PLOT_WIDTH} y1={y(tick)} y2={y(tick)} stroke={GRID} />
              <text x={LEFT - 8} y={y(tick) + 4} textAnchor="end" fill={INK}>
                {formatValue(tick)}
              </text>
            </g>
          ))}
          <line x1={LEFT} x2={LEFT} y1={TOP} y2={bottom} stroke={INK} />
          <line x1={LEFT} x2={LEFT + PLOT_WIDTH} y1={bottom} y2={bottom} stroke={INK} />
          <text transform={`translate(16 ${TOP + PLOT_HEIGHT / 2}) rotate(-90)`} textAnchor="middle" fill={INK}>
            {axisTitle}
          </text>
          {ordered.map((point, index) =>
            dated.has(index) ? (
              <text key={point.id} x={x(index)} y={bottom + 18} textAnchor="middle" fill={INK}>
                {point.observedOn}
              </text>
            ) : null,
          )}
          <text x={LEFT + PLOT_WIDTH / 2} y={bottom + 40} textAnchor="middle" fill={INK}>
            Date of observation (points in date order)
          </text>
          {analysis.median === null ? null : (
            <g>
              <line x1={LEFT} x2={LEFT + PLOT_WIDTH} y1={y(analysis.median)} y2={y(analysis.median)} stroke="#0f172a" strokeWidth={1.5} strokeDasharray="6 4" />
              <text x={LEFT + PLOT_WIDTH - 4} y={y(analysis.median) - 6} textAnchor="end" fill="#0f172a" stroke="#ffffff" strokeWidth={3} paintOrder="stroke" fontWeight={600}>
                {medianLabel(analysis.median)}
              </text>
            </g>
          )}
          {ordered.length > 1 ? (
            <polyline points={ordered.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')} fill="none" stroke={LINE} strokeWidth={1.5} />
          ) : null}
          {ordered.map((point, index) => (
            <Shape key={point.id} mark={markOf(point)} x={x(index)} y={y(point.value)} />
          ))}
          {legend.map((entry, row) => {
            const rowY = legendTop + row * LEGEND_ROW
            return (
              <g key={entry.key}>
                {entry.mark === 'median' ? (
                  <line x1={LEFT - 4} x2={LEFT + 16} y1={rowY} y2={rowY} stroke="#0f172a" strokeWidth={1.5} strokeDasharray="6 4" />
                ) : (
                  <Shape mark={entry.mark} x={LEFT + 6} y={rowY} />
                )}
                <text x={LEFT + 26} y={rowY + 4} fill={INK}>
                  {entry.label}
                </text>
              </g>
            )
          })}
        </svg>
      )}
      <figcaption className="text-slate-800">{description}</figcaption>
      {ordered.length === 0 ? null : (
        <DataTable caption={`Data points of ${name}, in date order`} columns={columns}>
          {ordered.map((point) => (
            <Row key={point.id}>
              <RowHeader>
                <time dateTime={point.observedOn}>{point.observedOn}</time>
              </RowHeader>
              <Cell numeric>{formatValue(point.value)}</Cell>
              <Cell>{point.cycleNumber === null ? '—' : `Cycle ${point.cycleNumber}`}</Cell>
              <Cell>{point.note || '—'}</Cell>
              <Cell>{signalText(point)}</Cell>
              {rowAction ? <Cell>{rowAction(point)}</Cell> : null}
            </Row>
          ))}
        </DataTable>
      )}
    </figure>
  )
}
