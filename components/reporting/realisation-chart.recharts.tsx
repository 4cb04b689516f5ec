'use client'

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { CHART_TEXT, TOOLTIP_ITEM_STYLE, inDrawnOrder } from '@/components/charts/scale'
import { formatRupiahAxis, formatNumber } from '@/lib/format'
import { formatIndicatorValue, type Unit } from '@/lib/reporting/display'

/** The series in the order they are drawn: the legend and the tooltip list them so. */
const SERIES = ['value', 'target'] as const

export type RealisationPoint = { label: string; value: number | null; target: number | null }

/**
 * Realisation per quarter as bars, the quarter's own target as a line where one is set, and the
 * year's target as a dashed reference line. Receives its data as props; no animation (screenshots
 * and reduced motion).
 */
export function RealisationChart({
  data, unit, decimals, yearTarget, labels, locale,
}: {
  data: RealisationPoint[]
  unit: Unit
  decimals: number
  yearTarget: number | null
  labels: { series: string; target: string; yearTarget: string }
  locale: 'id' | 'en'
}) {
  const tick = (v: number) => (unit === 'RUPIAH' ? formatRupiahAxis(v, { locale }) : unit === 'PERCENT' ? `${formatNumber(v, { locale })}%` : formatNumber(v, { locale }))
  const top = niceCeil(Math.max(0, yearTarget ?? 0, ...data.flatMap((d) => [d.value ?? 0, d.target ?? 0])))
  const hasQuarterTargets = data.some((d) => d.target !== null)
  return (
    <div className="h-72 w-full" role="img" aria-label={`${labels.series}: ${data.map((d) => `${d.label} ${formatIndicatorValue(d.value, unit, decimals, locale)}`).join(', ')}`}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 12, right: 12, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#475569' }} tickLine={false} axisLine={{ stroke: '#cbd5e1' }} />
          <YAxis tickFormatter={tick} tick={{ fontSize: 12, fill: '#475569' }} tickLine={false} axisLine={false} width={72} domain={[0, top]} tickCount={6} />
          <Tooltip itemStyle={TOOLTIP_ITEM_STYLE} itemSorter={inDrawnOrder(SERIES)} formatter={(v) => formatIndicatorValue(typeof v === 'number' ? v : null, unit, decimals, locale)} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={inDrawnOrder(SERIES)} formatter={(value) => <span style={{ color: CHART_TEXT }}>{value}</span>} />
          <Bar dataKey="value" name={labels.series} fill="#2f8a52" radius={[4, 4, 0, 0]} isAnimationActive={false} />
          {hasQuarterTargets && <Line dataKey="target" name={labels.target} stroke="#b45309" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} connectNulls />}
          {yearTarget !== null && <ReferenceLine y={yearTarget} stroke="#b45309" strokeDasharray="6 4" label={{ value: labels.yearTarget, position: 'insideTopRight', fontSize: 11, fill: '#b45309' }} />}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  )
}

/** A round axis maximum at or above `x`: 1, 2, 2.5, 5 or 10 times a power of ten (88 → 100, 43.950 → 50.000). */
function niceCeil(x: number): number {
  if (x <= 0) return 1
  const p = 10 ** Math.floor(Math.log10(x))
  return ([1, 2, 2.5, 5, 10].find((m) => m * p >= x) ?? 10) * p
}
