'use client'

import { useEffect, useRef, useState } from 'react'
import { useTranslations } from 'next-intl'
import clsx from 'clsx'
import { stickyClass } from '@/components/ui/sticky-column'

/**
 * A chart's text alternative: its data as a table behind a "Tabel" disclosure under the chart (native
 * <details>, so it opens with the keyboard and is read by screen readers), the same numbers as the chart
 * formatted as the page formats them. `rounded`: its amounts are short, as on the chart's axis, and it says where the
 * exact ones are (the card's .xlsx).
 */
export function ChartTable({ caption, head, rows, rounded = false }: { caption: string; head: string[]; rows: string[][]; rounded?: boolean }) {
  const t = useTranslations('dashboard')
  // a table wider than its card scrolls sideways: said under it, as its last columns are out of sight (a walk read
  // "Rp32.5" for the ceiling, cut at the card's edge, with no sign that it scrolled)
  const box = useRef<HTMLDivElement>(null)
  const [wider, setWider] = useState(false)
  const measure = () => setWider(Boolean(box.current && box.current.scrollWidth > box.current.clientWidth + 1))
  useEffect(() => {
    window.addEventListener('resize', measure)
    return () => window.removeEventListener('resize', measure)
  }, [])
  return (
    <details className="mt-2 print:hidden" data-chart-table onToggle={measure}>
      {/* named after its chart for screen readers: a page's several "Tabel data grafik" are otherwise alike */}
      <summary className="cursor-pointer text-sm font-medium text-brand-700">{t('chartTable')}<span className="sr-only">: {caption}</span></summary>
      {wider && <p className="mt-2 text-xs text-slate-600" data-scroll-hint>{t('chartTableScroll')}</p>}
      {/* wider, the first column (the month, the regency) stays in view and the edges shade where columns go on; an
          amount stays on one line ("Rp1,76 M" is two words) */}
      <div ref={box} className="scroll-shadows relative mt-2 overflow-x-auto" tabIndex={wider ? 0 : undefined} aria-label={wider ? caption : undefined} role={wider ? 'region' : undefined}>
        <table className="w-full text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-600">
            <tr>{head.map((h, i) => <th key={h} scope="col" className={i ? 'px-2 py-1.5 text-right' : clsx('px-2 py-1.5', wider && ['bg-slate-50', stickyClass(true, true)])}>{h}</th>)}</tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r[0]}>{r.map((c, i) => (i ? <td key={i} className="whitespace-nowrap px-2 py-1 text-right tabular-nums">{c}</td> : <th key={i} scope="row" className={clsx('px-2 py-1 text-left font-normal', wider && stickyClass(true))}>{c}</th>))}</tr>
            ))}
          </tbody>
        </table>
      </div>
      {rounded && <p className="mt-2 text-xs text-slate-600" data-rounded-note>{t('chartTableRounded')}</p>}
    </details>
  )
}
