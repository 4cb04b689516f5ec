'use client'

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { CHART_TEXT, TOOLTIP_ITEM_STYLE, inDrawnOrder } from '@/components/charts/scale'
import { formatRupiah, formatRupiahAxis, type Locale } from '@/lib/format'

/** The series in the order they are drawn: the legend and the tooltip list them so. */
const SERIES = ['ownCapital', 'externalCapital', 'assets', 'businessVolume'] as const

/** null: the amount was not reported for that year (no bar, a gap in the line), never drawn as zero */
export type TrendPoint = { year: number; ownCapital: number | null; externalCapital: number | null; assets: number | null; businessVolume: number | null }

/**
 * A cooperative's capital (own and external, stacked), assets and business volume per book year.
 * A client leaf: the page computes the points and passes them in; no animation (screenshots, print).
 */
export function TrendChart({ data, labels, locale }: { data: TrendPoint[]; labels: Record<'ownCapital' | 'externalCapital' | 'assets' | 'businessVolume', string>; locale: Locale }) {
  return (
    <div className="h-72 w-full" role="img" aria-label={Object.values(labels).join(', ')}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="year" tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={(v: number) => formatRupiahAxis(v, { locale })} tick={{ fontSize: 11 }} width={72} />
          <Tooltip itemStyle={TOOLTIP_ITEM_STYLE} itemSorter={inDrawnOrder(SERIES)} formatter={(v) => formatRupiah(Number(v), { locale })} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={inDrawnOrder(SERIES)} formatter={(value) => <span style={{ color: CHART_TEXT }}>{value}</span>} />
          <Bar dataKey="ownCapital" name={labels.ownCapital} stackId="capital" fill="#23703f" isAnimationActive={false} />
          <Bar dataKey="externalCapital" name={labels.externalCapital} stackId="capital" fill="#8fc9a3" isAnimationActive={false} />
          <Line dataKey="assets" name={labels.assets} stroke="#0369a1" strokeWidth={2} dot isAnimationActive={false} />
          <Line dataKey="businessVolume" name={labels.businessVolume} stroke="#b45309" strokeWidth={2} dot isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  )
}
