'use client'

import { useEffect, useState } from 'react'
import { useRouter } from 'next/navigation'
import { useLocale, useTranslations } from 'next-intl'
import { formatNumber } from '@/lib/format'
import type { ImportProgress } from '@/lib/imports/service'

/**
 * The running job's progress, polled from the server every second: the user may leave and come back.
 * When the job ends the page reloads its server part to show the result.
 */
export function ImportProgressBar({ id, initial }: { id: string; initial: ImportProgress }) {
  const t = useTranslations('imports')
  const locale = useLocale() === 'en' ? 'en' : 'id'
  const router = useRouter()
  const [p, setP] = useState(initial)
  useEffect(() => {
    let stop = false
    const tick = async () => {
      try {
        const r = await fetch(`/api/impor/${id}/status`, { cache: 'no-store' })
        if (r.ok) {
          const next = (await r.json()) as ImportProgress
          if (stop) return
          setP(next)
          if (next.status !== 'CHECKING' && next.status !== 'IMPORTING') { router.refresh(); return }
        }
      } catch {
        // offline for a moment: try again
      }
      if (!stop) setTimeout(tick, 1000)
    }
    const timer = setTimeout(tick, 700)
    return () => { stop = true; clearTimeout(timer) }
  }, [id, router])
  // the phase this bar shows: it keeps its name when the job ends (DONE, FAILED) until the page refreshes
  const importing = (p.status === 'CHECKING' || p.status === 'IMPORTING' ? p.status : initial.status) === 'IMPORTING'
  const pct = p.total ? Math.min(100, Math.round((p.done / p.total) * 100)) : null
  const label = p.total ? t('progress', { done: formatNumber(p.done, { locale }), total: formatNumber(p.total, { locale }), count: p.total }) : t('progressUnknown', { done: formatNumber(p.done, { locale }), count: p.done })
  return (
    <div className="space-y-2">
      <div className="flex items-baseline justify-between text-sm">
        <span className="font-medium text-slate-900">{importing ? t('importing') : t('checking')}</span>
        <span className="tabular-nums text-slate-600">{label}{pct !== null && ` · ${pct}%`}</span>
      </div>
      <div role="progressbar" aria-label={importing ? t('importing') : t('checking')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct ?? undefined} aria-valuetext={label} className="h-3 w-full overflow-hidden rounded-full bg-slate-200">
        <div className="h-full rounded-full bg-brand-600 transition-[width] duration-500" style={{ width: `${pct ?? 5}%` }} />
      </div>
      <p className="text-xs text-slate-500">{t('leaveNote')}</p>
    </div>
  )
}
