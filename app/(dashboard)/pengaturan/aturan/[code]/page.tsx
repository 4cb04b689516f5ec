import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { RuleForm } from '@/components/config/rule-form'
import { ruleFormValues } from '@/components/config/rule-options'
import { getRuleForEdit, ruleIndicatorChoices } from '@/lib/data/validation-rules'
import { requirePermission } from '@/lib/session'

type Params = { code: string }

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return { title: (await getTranslations('config.rules'))('editTitle', { code: decodeURIComponent((await params).code) }) }
}

/** Edit a validation rule; the change is previewed against the existing reports and applies to the next save or submission. */
export default async function EditRulePage({ params }: { params: Promise<Params> }) {
  const user = await requirePermission('config.manage')
  const code = decodeURIComponent((await params).code)
  if (!/^[A-Z0-9_]{1,40}$/.test(code)) notFound()
  const [t, ti, locale, rule, indicators] = await Promise.all([getTranslations('config.rules'), getTranslations('config.indicators'), getLocale(), getRuleForEdit({ user, code }), ruleIndicatorChoices({ user })])
  if (!rule) notFound()
  const lang = locale === 'en' ? 'en' : 'id'
  return (
    <section aria-labelledby="rule-title" className="space-y-4">
      <Link href="/pengaturan/aturan" className="text-sm text-brand-700 hover:underline">← {t('back')}</Link>
      <h2 id="rule-title" className="text-lg font-semibold text-slate-900">{t('editTitle', { code })}</h2>
      <RuleForm initial={ruleFormValues(rule)} indicators={indicators.map((i) => ({ value: i.code, unit: i.unit, label: `${i.code} · ${lang === 'en' ? i.nameEn : i.name} (${ti(`unitValue.${i.unit}`)})` }))} />
    </section>
  )
}
