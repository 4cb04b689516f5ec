import clsx from 'clsx'
import { getLocale, getTranslations } from 'next-intl/server'
import { Badge } from '@/components/ui/badge'
import type { ProgrammeTargetView } from '@/lib/data/programme-targets'
import { formatDate, formatNumber } from '@/lib/format'
import type { PaceStatus } from '@/lib/activities/pace'

const TONE: Record<PaceStatus, 'green' | 'amber' | 'red' | 'slate' | 'blue'> = { DONE: 'green', ON_TRACK: 'blue', BEHIND: 'amber', MISSED: 'red', NOT_STARTED: 'slate' }
const BAR: Record<PaceStatus, string> = { DONE: 'bg-emerald-600', ON_TRACK: 'bg-brand-600', BEHIND: 'bg-amber-500', MISSED: 'bg-red-600', NOT_STARTED: 'bg-slate-400' }

/** A target's pace badge, its progress bar and its days left, in the reader's language; `asOf`: read on an earlier day than today. */
export async function TargetProgress({ target, compact = false, asOf }: { target: ProgrammeTargetView; compact?: boolean; asOf?: string }) {
  const [t, locale] = await Promise.all([getTranslations('programmeTargets'), getLocale()])
  const lang = locale === 'en' ? 'en' : 'id'
  const n = (v: number) => formatNumber(v, { locale: lang })
  const { pace } = target
  return (
    <div className="space-y-1" data-testid="target-progress" data-progress={target.progress} data-status={pace.status}>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <span className="font-semibold tabular-nums text-slate-900">{t('progressOf', { progress: n(target.progress), target: n(target.targetValue) })}</span>
        <Badge tone={TONE[pace.status]}>{t(`status.${pace.status}`)}</Badge>
      </div>
      <div className="h-2 overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-label={t('progress')} aria-valuemin={0} aria-valuemax={target.targetValue} aria-valuenow={Math.min(target.progress, target.targetValue)}>
        <div className={clsx('h-full rounded-full', BAR[pace.status])} style={{ width: `${pace.percent}%` }} />
      </div>
      <p className={clsx('text-xs text-slate-600', compact && 'sr-only sm:not-sr-only')}>
        {/* the deadline day still counts: "tenggat hari ini", not "terlewati" beside a badge that is not "Tidak tercapai" */}
        {pace.dueToday ? t('dueToday') : target.workingDays ? t('workingDaysLeft', { count: pace.daysLeft }) : t('daysLeft', { count: pace.daysLeft })}
        {pace.status !== 'DONE' && pace.status !== 'MISSED' && <> · {asOf ? t('expectedOn', { expected: n(pace.expected), date: formatDate(asOf, { locale: lang }) }) : t('expected', { expected: n(pace.expected) })}</>}
      </p>
    </div>
  )
}
