import { formatMonthShort, formatRupiahAxis, type Locale } from '@/lib/format'
import { chartTicks, dataMax } from '@/components/charts/scale'

export type StaticSeries = { key: string; name: string; color: string; kind: 'bar' | 'line'; dashed?: boolean }

/**
 * A monthly bar-and-line chart drawn as plain SVG and HTML, with no chart library: what the first
 * screen of a dashboard shows before anyone points at it (Recharts, about 113 KiB gzip, is loaded
 * on the first pointer, touch or focus, or before printing: components/charts/on-screen.tsx). The plot
 * stretches to its frame (lines keep their width), the axis labels and the legend are HTML, so it
 * reads the same on a phone as on a projector.
 */
export function StaticChart<T extends { month: number }>({ data, series, locale, label }: { data: T[]; series: StaticSeries[]; locale: Locale; label: string }) {
  const value = (row: T, key: string): number | null => {
    const v = (row as Record<string, unknown>)[key]
    return typeof v === 'number' && Number.isFinite(v) ? v : null
  }
  const scale = chartTicks(dataMax(data, series.map((s) => s.key)))
  const top = scale[scale.length - 1]
  const width = Math.max(1, data.length) * 10
  const y = (v: number) => 100 - (v / top) * 100
  const bars = series.filter((s) => s.kind === 'bar')
  const barWidth = 7 / Math.max(1, bars.length)
  return (
    <div className="flex h-72 w-full flex-col text-xs text-slate-600" role="img" aria-label={label} data-static-chart>
      <div className="flex min-h-0 flex-1 pt-2">
        <div className="relative w-[72px] shrink-0" aria-hidden>
          {scale.map((v) => (
            <span key={v} className="absolute right-2 -translate-y-1/2 whitespace-nowrap" style={{ top: `${y(v)}%` }}>{formatRupiahAxis(v, { locale })}</span>
          ))}
        </div>
        <div className="relative min-w-0 flex-1">
          <svg className="absolute inset-0 size-full overflow-visible" viewBox={`0 0 ${width} 100`} preserveAspectRatio="none" aria-hidden>
            {scale.map((v) => (
              <line key={v} x1={0} x2={width} y1={y(v)} y2={y(v)} stroke="#e2e8f0" strokeDasharray="3 3" vectorEffect="non-scaling-stroke" />
            ))}
            {data.map((row, i) =>
              bars.map((s, j) => {
                const v = value(row, s.key)
                if (!v) return null
                return <rect key={`${s.key}-${i}`} x={i * 10 + 1.5 + j * barWidth} width={barWidth} y={y(v)} height={100 - y(v)} fill={s.color} />
              }),
            )}
            {series.filter((s) => s.kind === 'line').map((s) => {
              // a month without a figure (after the as-of day) ends the line
              const runs: string[][] = [[]]
              data.forEach((row, i) => {
                const v = value(row, s.key)
                if (v === null) runs.push([])
                else runs[runs.length - 1].push(`${i * 10 + 5},${y(v)}`)
              })
              return runs.filter((r) => r.length > 0).map((points, k) => (
                <polyline key={`${s.key}-${k}`} points={points.join(' ')} fill="none" stroke={s.color} strokeWidth={s.dashed ? 1.5 : 2.5} strokeDasharray={s.dashed ? '6 4' : undefined} vectorEffect="non-scaling-stroke" />
              ))
            })}
          </svg>
        </div>
      </div>
      <div className="ml-[72px] flex pt-1" aria-hidden>
        {data.map((row, i) => (
          // on a phone every other month, so the names do not run together; a shown name may spill, centred, into
          // its hidden neighbours' room rather than be cut to "M…" (a twelfth of a phone is narrower than "Mar")
          <span key={row.month} className={`flex min-w-0 flex-1 justify-center whitespace-nowrap ${i % 2 ? 'max-sm:invisible' : ''}`}>{formatMonthShort(row.month, { locale })}</span>
        ))}
      </div>
      <ul className="mt-1 flex flex-wrap justify-center gap-x-4 gap-y-1" aria-hidden>
        {series.map((s) => (
          <li key={s.key} className="flex items-center gap-1.5">
            <span className="inline-block h-2.5 w-3.5 rounded-sm" style={s.kind === 'bar' ? { background: s.color } : { borderTop: `${s.dashed ? '2px dashed' : '3px solid'} ${s.color}` }} />
            {s.name}
          </li>
        ))}
      </ul>
    </div>
  )
}
