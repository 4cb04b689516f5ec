import { formWithPeriod } from '@/lib/reporting/display'
import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { Lock } from 'lucide-react'
import { IndicatorForm } from '@/components/config/indicator-form'
import { indicatorFormValues } from '@/components/config/indicator-options'
import { ConfirmAction } from '@/components/ui/confirm-action'
import { deleteIndicator } from '@/lib/actions/config'
import { getIndicatorForEdit, indicatorFormChoices } from '@/lib/data/config'
import { INDICATOR_LOCKED_NOTE, lockedFields } from '@/lib/config/catalogue'
import { formatNumber } from '@/lib/format'
import { requirePermission } from '@/lib/session'

type Params = { code: string }

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return { title: (await getTranslations('config.indicators'))('editTitle', { code: decodeURIComponent((await params).code) }) }
}

/** Edit one indicator; its meaning is read-only once reports hold values for it; delete when unused. */
export default async function EditIndicatorPage({ params }: { params: Promise<Params> }) {
  const user = await requirePermission('config.manage')
  const code = decodeURIComponent((await params).code)
  if (!/^[A-Z0-9_]{1,32}$/.test(code)) notFound()
  const [t, locale, indicator, choices] = await Promise.all([getTranslations('config.indicators'), getLocale(), getIndicatorForEdit({ user, code }), indicatorFormChoices({ user })])
  if (!indicator) notFound()
  const lang = locale === 'en' ? 'en' : 'id'
  const locked = lockedFields(indicator.usage)
  return (
    <section aria-labelledby="indicator-title" className="space-y-4">
      <Link href="/pengaturan/indikator" className="text-sm text-brand-700 hover:underline">← {t('back')}</Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h2 id="indicator-title" className="text-lg font-semibold text-slate-900">{t('editTitle', { code })}</h2>
        <ConfirmAction
          action={deleteIndicator}
          fields={{ code, version: String(indicator.version) }}
          label={t('deleteLabel')}
          title={t('deleteTitle', { code })}
          body={t('deleteBody')}
          confirmLabel={t('deleteConfirm')}
          variant="danger"
        />
      </div>
      {locked.length > 0 && (
        <p id={INDICATOR_LOCKED_NOTE} role="note" className="flex max-w-3xl gap-2 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          <Lock aria-hidden className="mt-0.5 size-4 shrink-0" />
          {indicator.usage.reports > 0
            ? t('lockedNote', { count: formatNumber(indicator.usage.reports, { locale: lang }) })
            : t('lockedTargetsNote', { count: formatNumber(indicator.usage.targets, { locale: lang }) })}
        </p>
      )}
      <IndicatorForm
        initial={indicatorFormValues(indicator)}
        locked={locked}
        forms={choices.forms.map((f) => ({ value: f.code, label: formWithPeriod(lang === 'en' ? f.nameEn : f.name, t(`periodValue.${f.periodType}`)) }))}
        ratioParts={choices.indicators.filter((i) => i.code !== code).map((i) => ({ value: i.code, formCode: i.formCode, label: `${i.code} · ${lang === 'en' ? i.nameEn : i.name}` }))}
      />
    </section>
  )
}
