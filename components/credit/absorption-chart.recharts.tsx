'use client'

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { formatMonthShort, formatRupiahAxis, formatRupiahShort, type Locale } from '@/lib/format'
import { CHART_TEXT, chartTicks, dataMax, TOOLTIP_ITEM_STYLE, inDrawnOrder } from '@/components/charts/scale'

/** The series in the order they are drawn: the legend and the tooltip list them so. */
const SERIES = ['subsidyDue', 'subsidyPaid', 'subsidyPaidCumulative', 'subsidyCeiling'] as const

export type AbsorptionPoint = { month: number; subsidyDue: number; subsidyPaid: number; subsidyPaidCumulative: number | null; subsidyCeiling: number }

/** Subsidy due and paid by month, with the cumulative paid against the budget ceiling. */
export function AbsorptionChart({ data, labels, locale = 'id' }: { data: AbsorptionPoint[]; labels: { due: string; paid: string; cumulative: string; ceiling: string }; locale?: Locale }) {
  const ticks = chartTicks(dataMax(data, ['subsidyDue', 'subsidyPaid', 'subsidyPaidCumulative', 'subsidyCeiling']))
  return (
    <div className="h-72 w-full" role="img" aria-label={`${labels.cumulative} / ${labels.ceiling}`}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="month" tickFormatter={(m: number) => formatMonthShort(m, { locale })} tick={{ fontSize: 12 }} />
          {/* the axis of the chart's first, library-free drawing (static-chart.tsx), so that it does not move under the pointer */}
          <YAxis tickFormatter={(v: number) => formatRupiahAxis(v, { locale })} tick={{ fontSize: 12 }} width={72} ticks={ticks} domain={[0, ticks[ticks.length - 1]]} interval={0} />
          <Tooltip itemStyle={TOOLTIP_ITEM_STYLE} itemSorter={inDrawnOrder(SERIES)} formatter={(v) => formatRupiahShort(Number(v), { locale })} labelFormatter={(m) => formatMonthShort(Number(m), { locale })} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={inDrawnOrder(SERIES)} formatter={(value) => <span style={{ color: CHART_TEXT }}>{value}</span>} />
          <Bar dataKey="subsidyDue" name={labels.due} fill="#cbd5e1" isAnimationActive={false} />
          <Bar dataKey="subsidyPaid" name={labels.paid} fill="#f0b35a" isAnimationActive={false} />
          <Line dataKey="subsidyPaidCumulative" name={labels.cumulative} stroke="#b45309" strokeWidth={2.5} dot={false} isAnimationActive={false} />
          <Line dataKey="subsidyCeiling" name={labels.ceiling} stroke="#dc2626" strokeDasharray="6 4" dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  )
}
