import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import clsx from 'clsx'
import { FigureCard } from '@/components/dashboard/figure-card'
import { DUE_SOON_DAYS, getOverdueSummary } from '@/lib/data/meetings'
import { formatDate, formatNumber } from '@/lib/format'
import type { SessionUser } from '@/lib/session-user'

/**
 * The overview's "Tindak lanjut rapat terlambat": follow-ups overdue at the dashboard's as-of day,
 * against the same date last year (more is worse: an increase is red), drilling down to that list.
 */
export async function OverdueActionsCard({ user, asOf, regencyCode }: { user: SessionUser; asOf: string; regencyCode?: string }) {
  const [t, locale, s] = await Promise.all([getTranslations('meetings.card'), getLocale(), getOverdueSummary({ user, asOf, regencyCode })])
  if (!s) return null
  const lang = locale === 'en' ? 'en' : 'id'
  const n = (v: number) => formatNumber(v, { locale: lang })
  const query = new URLSearchParams({ overdue: '1', status: 'open', asOf, ...(regencyCode && { regency: regencyCode }) })
  if (user.role === 'DISTRICT_OFFICER' && user.regencyCode) query.set('regency', user.regencyCode)
  if (user.role === 'BANK_OFFICER' && user.bankId) query.set('bank', user.bankId)
  const soon = new URLSearchParams(query)
  soon.delete('overdue')
  soon.set('due', 'soon')
  const arrow = s.change > 0 ? '▲' : '▼'
  return (
    <FigureCard
      testId="card-overdue-actions"
      label={t('overdue')}
      value={n(s.overdue)}
      status={s.overdue === 0 ? 'ON_TRACK' : 'BEHIND'}
      statusLabel={s.overdue === 0 ? t('none') : undefined}
      // whose follow-ups they are, in the reader's terms: a bank officer counts the bank's, a district officer the regency's
      detail={t('overdueDetail', { open: n(s.open), whose: user.role === 'BANK_OFFICER' ? 'bank' : user.role === 'DISTRICT_OFFICER' ? 'ownRegency' : regencyCode ? 'regency' : 'all' })}
      // "= 0 dibanding 7 Desember 2025 (4)" read as a riddle: no change says so, a change says from how many
      change={s.change === 0
        ? <span className="text-slate-600">{t('same', { date: formatDate(s.lastYearAsOf, { locale: lang }), count: n(s.lastYear) })}</span>
        : <><span className={clsx('font-medium tabular-nums', s.change > 0 ? 'text-red-700' : 'text-emerald-700')}>{arrow} {n(Math.abs(s.change))}</span> {t('versus', { date: formatDate(s.lastYearAsOf, { locale: lang }), count: n(s.lastYear) })}</>}
      note={
        <>
          <Link href={`/tindak-lanjut?${query}`} className="no-print font-medium text-brand-700 underline" data-testid="overdue-actions-link">{t('link')} →</Link>
          {/* at risk: not late yet, due within the week (the reminders' window) */}
          <Link href={`/tindak-lanjut?${soon}`} className="no-print mt-1 block font-medium text-brand-700 underline" data-testid="due-soon-actions-link">{t('dueSoon', { count: n(s.dueSoon), days: DUE_SOON_DAYS })} →</Link>
        </>
      }
    />
  )
}
