'use client'

import { useEffect, useState } from 'react'
import { useRouter } from 'next/navigation'
import { useTranslations } from 'next-intl'
import { formatDate, formatDateTime, formatNumber, formatPercent } from '@/lib/format'
import type { RateChangeStatus } from '@/lib/credit/rate-change'

const isLive = (c: RateChangeStatus) => c.state === 'QUEUED' || c.state === 'RUNNING'

/**
 * A programme's rate changes as a job computes them (lib/credit/rate-change.ts): each one queued or running with
 * its progress, polled every second (the admin may leave and come back), and the last finished one's outcome.
 * When the last running one ends the page reloads its server part: the figures and the rates it shows changed.
 */
export function RateChanges({ programId, initial, banks, locale }: {
  programId: string; initial: RateChangeStatus[]; banks: { id: string; name: string }[]; locale: 'id' | 'en'
}) {
  const t = useTranslations('credit')
  const router = useRouter()
  const [changes, setChanges] = useState(initial)
  const [polling, setPolling] = useState(() => initial.some(isLive))
  // the page's own data after a save (the action revalidates it) or a refresh: newer than what this last polled
  // (adjusted while rendering, React's pattern for state that follows a prop)
  const [seen, setSeen] = useState(initial)
  if (seen !== initial) {
    setSeen(initial)
    setChanges(initial)
    if (initial.some(isLive)) setPolling(true)
  }
  useEffect(() => {
    if (!polling) return
    let stop = false
    const tick = async () => {
      try {
        const r = await fetch(`/api/kredit/program/${encodeURIComponent(programId)}/suku-bunga`, { cache: 'no-store' })
        if (r.ok) {
          const next = (await r.json()) as RateChangeStatus[]
          if (stop) return
          setChanges(next)
          if (!next.some(isLive)) { setPolling(false); router.refresh(); return }
        }
      } catch {
        // offline for a moment: try again
      }
      if (!stop) setTimeout(tick, 1000)
    }
    const timer = setTimeout(tick, 700)
    return () => { stop = true; clearTimeout(timer) }
  }, [polling, programId, router])

  if (changes.length === 0) return null
  const bankName = (id: string) => banks.find((b) => b.id === id)?.name ?? id
  return (
    <div className="space-y-3" data-testid="rate-changes" aria-live="polite">
      {changes.map((c) => {
        const what = { bank: bankName(c.bankId), rate: formatPercent(c.rate, { locale }), date: formatDate(c.effectiveFrom, { locale }) }
        if (isLive(c)) {
          const pct = c.total ? Math.min(100, Math.round((c.done / c.total) * 100)) : null
          const label = c.state === 'QUEUED' || c.total === null
            ? t('rateQueued')
            : t('rateProgress', { done: formatNumber(c.done, { locale }), total: formatNumber(c.total, { locale }), count: c.total })
          return (
            <div key={c.id} className="space-y-2 rounded-md border border-brand-200 bg-brand-50 p-3" data-state={c.state}>
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
                <span className="font-medium text-slate-900">{t('rateRunning', what)}</span>
                <span className="tabular-nums text-slate-600">{label}{pct !== null && ` · ${pct}%`}</span>
              </div>
              <div role="progressbar" aria-label={t('rateRunning', what)} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct ?? undefined} aria-valuetext={label} className="h-3 w-full overflow-hidden rounded-full bg-slate-200">
                <div className="h-full rounded-full bg-brand-600 transition-[width] duration-500" style={{ width: `${pct ?? 3}%` }} />
              </div>
              <p className="text-xs text-slate-600">{t('rateRunningNote')}</p>
            </div>
          )
        }
        const when = t('rateBy', { by: c.by, time: formatDateTime(c.finishedAt ?? c.createdAt, { locale }) })
        return c.state === 'SUCCEEDED' ? (
          <p key={c.id} className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900" data-state={c.state}>
            {t('rateDone', { ...what, loans: formatNumber(c.loans ?? 0, { locale }), count: c.loans ?? 0 })} <span className="text-xs text-emerald-800">{when}</span>
          </p>
        ) : (
          <p key={c.id} role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900" data-state={c.state}>
            {t('rateFailed', what)} {c.error} <span className="text-xs text-red-800">{when}</span>
          </p>
        )
      })}
    </div>
  )
}
