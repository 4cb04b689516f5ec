import type { Metadata } from 'next'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { RuleForm } from '@/components/config/rule-form'
import { NEW_RULE } from '@/components/config/rule-options'
import { ruleIndicatorChoices } from '@/lib/data/validation-rules'
import { requirePermission } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('config.rules'))('newTitle') }
}

/** A new validation rule, previewed against the existing reports before it is saved. */
export default async function NewRulePage() {
  const user = await requirePermission('config.manage')
  const [t, ti, locale, indicators] = await Promise.all([getTranslations('config.rules'), getTranslations('config.indicators'), getLocale(), ruleIndicatorChoices({ user })])
  const lang = locale === 'en' ? 'en' : 'id'
  return (
    <section aria-labelledby="rule-title" className="space-y-4">
      <Link href="/pengaturan/aturan" className="text-sm text-brand-700 hover:underline">← {t('back')}</Link>
      <h2 id="rule-title" className="text-lg font-semibold text-slate-900">{t('newTitle')}</h2>
      <RuleForm initial={NEW_RULE} indicators={indicators.map((i) => ({ value: i.code, unit: i.unit, label: `${i.code} · ${lang === 'en' ? i.nameEn : i.name} (${ti(`unitValue.${i.unit}`)})` }))} />
    </section>
  )
}
