'use client'

import { useRouter } from 'next/navigation'
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { TOOLTIP_ITEM_STYLE } from '@/components/charts/scale'
import { formatNumber, formatPercent, type Locale } from '@/lib/format'
import type { PaceStatus } from '@/lib/dashboard/status'

/** `status`: against its target's pace (lib/dashboard/status.ts), the bar's colour; without it the brand green */
export type RegencyBar = { code: string; name: string; pct: number | null; status?: PaceStatus | null }

/** The bars' colours by status, the cards' tones (green, amber, red); a regency without a target in grey. */
const BAR_FILL: Record<PaceStatus, string> = { ON_TRACK: '#2f8a52', WATCH: '#d97706', BEHIND: '#dc2626' }

/**
 * Regencies ranked by a percentage (realisation of their allocation, or achievement of a target), with
 * the province's figure as a dashed line. A bar opens the regency's page when `linkable` allows it (a
 * district officer's own regency only); `highlight` marks the officer's regency.
 */
export function RegencyBarChart({
  data, provincePct, highlight, linkable, query = '', locale = 'id', labels,
}: {
  data: RegencyBar[]
  provincePct: number | null
  highlight?: string | null
  /** codes whose bar links to the regency page; null: every bar */
  linkable: string[] | null
  query?: string
  locale?: Locale
  labels: { value: string; province: string }
}) {
  const router = useRouter()
  const rows = data.map((d) => ({ ...d, value: d.pct ?? 0 }))
  const canOpen = (code: string) => linkable === null || linkable.includes(code)
  const open = (code: string) => {
    if (canOpen(code)) router.push(`/dasbor/wilayah/${code}${query ? `?${query}` : ''}`)
  }
  const max = Math.max(10, provincePct ?? 0, ...rows.map((r) => r.value))
  const ticks = percentTicks(max)
  return (
    <div className="w-full" style={{ height: Math.max(240, rows.length * 24 + 48) }} role="img" aria-label={`${labels.value}: ${data.map((d) => `${d.name} ${formatPercent(d.pct, { locale })}`).join(', ')}`}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={rows} layout="vertical" margin={{ top: 20, right: 56, bottom: 0, left: 0 }} barCategoryGap={3}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="#e2e8f0" />
          {/* on a phone the ticks would touch ("75% 100%125%"): Recharts leaves out the ones that do not fit, keeping both ends */}
          <XAxis type="number" domain={[0, ticks[ticks.length - 1]]} ticks={ticks} interval="preserveStartEnd" minTickGap={6} tickFormatter={(v: number) => `${formatNumber(v, { locale })}%`} tick={{ fontSize: 11, fill: '#475569' }} />
          <YAxis type="category" dataKey="name" width={128} interval={0} tick={RegencyTick} />
          <Tooltip itemStyle={TOOLTIP_ITEM_STYLE} formatter={(v) => formatPercent(Number(v), { locale })} cursor={{ fill: '#f1f5f9' }} />
          <Bar dataKey="value" name={labels.value} isAnimationActive={false} onClick={(d: { payload?: RegencyBar }) => d.payload && open(d.payload.code)}>
            {rows.map((r) => (
              // the officer's own regency is outlined, so that its colour still says its status
              <Cell key={r.code} fill={r.status === undefined ? (r.code === highlight ? '#b45309' : '#2f8a52') : r.status === null ? '#94a3b8' : BAR_FILL[r.status]} stroke={r.code === highlight && r.status !== undefined ? '#0f172a' : undefined} strokeWidth={r.code === highlight && r.status !== undefined ? 2 : undefined} cursor={canOpen(r.code) ? 'pointer' : 'default'} />
            ))}
            <LabelList dataKey="pct" content={(p) => <ValueLabel {...p} text={formatPercent(typeof p.value === 'number' ? p.value : null, { decimals: 1, locale })} />} />
          </Bar>
          {provincePct !== null && (
            <ReferenceLine x={provincePct} stroke="#1e293b" strokeDasharray="6 4" label={{ value: `${labels.province} ${formatPercent(provincePct, { decimals: 1, locale })}`, position: 'top', fontSize: 11, fill: '#1e293b' }} />
          )}
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}

/**
 * Evenly spaced ticks from 0 past `max`, at most five intervals of a round step (5, 10, 20, 25, 50 … %):
 * Recharts' own ticks on a domain rounded to tens ended 0, 35, 70, 105, 130.
 */
export function percentTicks(max: number): number[] {
  const steps = [5, 10, 20, 25, 50, 100, 200, 250, 500, 1000]
  const step = steps.find((s) => Math.ceil(max / s) <= 5) ?? Math.ceil(max / 5 / 1000) * 1000
  return Array.from({ length: Math.ceil(max / step) + 1 }, (_, i) => i * step)
}

/** A regency's name on one line ("Kabupaten" shortened): Recharts wraps a tick's text to the axis width. */
function RegencyTick({ x, y, payload }: { x?: number | string; y?: number | string; payload?: { value?: string } }) {
  return (
    <text x={x} y={y} dy={4} dx={-4} textAnchor="end" fontSize={11} fill="#334155">
      {String(payload?.value ?? '').replace(/^Kabupaten /, 'Kab. ')}
    </text>
  )
}

/**
 * A bar's value right of its end, on a white ground: the province's dashed line runs through the labels of the
 * bars that end near it, and a halo alone left it visible between the digits ("44,0%" read as "44 0%" on a phone).
 * The ground's width is the text's at 10 px (about 5,6 px a character).
 */
function ValueLabel({ x, y, width, height, text }: { x?: number | string; y?: number | string; width?: number | string; height?: number | string; text: string }) {
  const left = Number(x ?? 0) + Number(width ?? 0) + 4
  const middle = Number(y ?? 0) + Number(height ?? 0) / 2
  return (
    <g>
      <rect x={left - 1} y={middle - 7} width={text.length * 5.6 + 3} height={14} fill="#fff" rx={2} />
      <text x={left} y={middle} dy={3.5} fontSize={10} fill="#334155">{text}</text>
    </g>
  )
}
