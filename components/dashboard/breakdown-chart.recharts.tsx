'use client'

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { TOOLTIP_ITEM_STYLE } from '@/components/charts/scale'
import { formatRupiahAxis, formatRupiahShort, type Locale } from '@/lib/format'

/** `label` on the axis (a KBLI section's letter), `title` in the tooltip when the axis is too narrow for it (the section's name). */
export type BreakdownBar = { label: string; title?: string; disbursed: number }

/** Credit disbursed per group (bank, KBLI section, scale) as horizontal bars; data as props. */
export function BreakdownChart({ data, locale = 'id', label }: { data: BreakdownBar[]; locale?: Locale; label: string }) {
  return (
    <div className="w-full" style={{ height: Math.max(120, data.length * 30 + 40) }} role="img" aria-label={`${label}: ${data.map((d) => `${d.title ?? d.label} ${formatRupiahShort(d.disbursed, { locale })}`).join(', ')}`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 0 }} barCategoryGap={4}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" tickFormatter={(v: number) => formatRupiahAxis(v, { locale })} tick={{ fontSize: 11, fill: '#475569' }} />
          <YAxis type="category" dataKey="label" width={84} interval={0} tick={{ fontSize: 11, fill: '#334155' }} />
          <Tooltip itemStyle={TOOLTIP_ITEM_STYLE} formatter={(v) => formatRupiahShort(Number(v), { locale })} labelFormatter={(l, items) => (items?.[0]?.payload as BreakdownBar | undefined)?.title ?? l} cursor={{ fill: '#f1f5f9' }} />
          <Bar dataKey="disbursed" name={label} fill="#2f8a52" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}
