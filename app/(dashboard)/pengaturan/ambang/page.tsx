import type { Metadata } from 'next'
import { getLocale, getTranslations } from 'next-intl/server'
import { ThresholdsForm } from '@/components/config/thresholds-form'
import { getStatusThresholds } from '@/lib/data/settings'
import { formatDateTime, formatNumber } from '@/lib/format'
import { requirePermission } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('config'))('tabs.thresholds') }
}

/** The dashboard's status thresholds (green / amber / red against the target's pace). */
export default async function ThresholdsPage() {
  await requirePermission('config.manage')
  const [t, locale, current] = await Promise.all([getTranslations('config.thresholds'), getLocale(), getStatusThresholds()])
  const lang = locale === 'en' ? 'en' : 'id'
  const text = (n: number) => formatNumber(n, { decimals: Number.isInteger(n) ? 0 : 2, locale: lang })
  return (
    <section aria-labelledby="thresholds-title" className="space-y-4">
      <h2 id="thresholds-title" className="sr-only">{t('onTrack')}</h2>
      <p className="max-w-3xl text-sm text-slate-600">{t('intro')}</p>
      <div className="flex max-w-xl flex-wrap gap-2 text-sm" data-testid="thresholds-current">
        <span className="rounded-full bg-emerald-50 px-3 py-1 text-emerald-800 ring-1 ring-emerald-200">≥ {text(current.onTrack)}%</span>
        <span className="rounded-full bg-amber-50 px-3 py-1 text-amber-800 ring-1 ring-amber-200">≥ {text(current.watch)}%</span>
        <span className="rounded-full bg-red-50 px-3 py-1 text-red-800 ring-1 ring-red-200">&lt; {text(current.watch)}%</span>
      </div>
      <p className="text-xs text-slate-500">
        {t('current', { onTrack: text(current.onTrack), watch: text(current.watch) })} {current.version === 0 ? t('defaults') : current.updatedAt ? formatDateTime(current.updatedAt, { locale: lang }) : null}
      </p>
      <ThresholdsForm version={current.version} onTrack={text(current.onTrack)} watch={text(current.watch)} />
    </section>
  )
}
