'use client'

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { formatMonthShort, formatRupiahAxis, formatRupiahShort, type Locale } from '@/lib/format'
import { CHART_TEXT, chartTicks, dataMax, TOOLTIP_ITEM_STYLE, inDrawnOrder } from '@/components/charts/scale'

/** The series in the order they are drawn: the legend and the tooltip list them so. */
const SERIES = ['disbursed', 'cumulative', 'targetPace'] as const

export type MonthlyPoint = { month: number; disbursed: number; cumulative: number | null; targetPace: number }

/** Cumulative monthly realisation against the target's pace, with each month's disbursement as bars. */
export function RealisationChart({ data, labels, locale = 'id' }: { data: MonthlyPoint[]; labels: { monthly: string; cumulative: string; pace: string }; locale?: Locale }) {
  const ticks = chartTicks(dataMax(data, ['disbursed', 'cumulative', 'targetPace']))
  return (
    <div className="h-72 w-full" role="img" aria-label={`${labels.cumulative} / ${labels.pace}`}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="month" tickFormatter={(m: number) => formatMonthShort(m, { locale })} tick={{ fontSize: 12 }} />
          {/* the axis of the chart's first, library-free drawing (static-chart.tsx), so that it does not move under the pointer */}
          <YAxis tickFormatter={(v: number) => formatRupiahAxis(v, { locale })} tick={{ fontSize: 12 }} width={72} ticks={ticks} domain={[0, ticks[ticks.length - 1]]} interval={0} />
          <Tooltip itemStyle={TOOLTIP_ITEM_STYLE} itemSorter={inDrawnOrder(SERIES)} formatter={(v) => formatRupiahShort(Number(v), { locale })} labelFormatter={(m) => formatMonthShort(Number(m), { locale })} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={inDrawnOrder(SERIES)} formatter={(value) => <span style={{ color: CHART_TEXT }}>{value}</span>} />
          <Bar dataKey="disbursed" name={labels.monthly} fill="#9fd3b0" isAnimationActive={false} />
          <Line dataKey="cumulative" name={labels.cumulative} stroke="#23703f" strokeWidth={2.5} dot={false} isAnimationActive={false} connectNulls={false} />
          <Line dataKey="targetPace" name={labels.pace} stroke="#64748b" strokeDasharray="6 4" dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  )
}
