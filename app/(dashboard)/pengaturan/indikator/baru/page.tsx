import { formWithPeriod } from '@/lib/reporting/display'
import type { Metadata } from 'next'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { IndicatorForm } from '@/components/config/indicator-form'
import { NEW_INDICATOR } from '@/components/config/indicator-options'
import { indicatorFormChoices } from '@/lib/data/config'
import { requirePermission } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('config.indicators'))('newTitle') }
}

export default async function NewIndicatorPage() {
  const user = await requirePermission('config.manage')
  const [t, locale, choices] = await Promise.all([getTranslations('config.indicators'), getLocale(), indicatorFormChoices({ user })])
  const lang = locale === 'en' ? 'en' : 'id'
  return (
    <section aria-labelledby="indicator-title" className="space-y-4">
      <Link href="/pengaturan/indikator" className="text-sm text-brand-700 hover:underline">← {t('back')}</Link>
      <h2 id="indicator-title" className="text-lg font-semibold text-slate-900">{t('newTitle')}</h2>
      <IndicatorForm
        initial={NEW_INDICATOR}
        locked={[]}
        forms={choices.forms.map((f) => ({ value: f.code, label: formWithPeriod(lang === 'en' ? f.nameEn : f.name, t(`periodValue.${f.periodType}`)) }))}
        ratioParts={choices.indicators.map((i) => ({ value: i.code, formCode: i.formCode, label: `${i.code} · ${lang === 'en' ? i.nameEn : i.name}` }))}
      />
    </section>
  )
}
