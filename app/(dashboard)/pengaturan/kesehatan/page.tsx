import type { Metadata } from 'next'
import { getLocale, getTranslations } from 'next-intl/server'
import { HealthTemplateForm } from '@/components/config/health-template-form'
import { Table, Td, Th } from '@/components/ui/table'
import { getHealthTemplate } from '@/lib/data/settings'
import { formatDateTime, formatNumber } from '@/lib/format'
import { requirePermission } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('config'))('tabs.health') }
}

/** The cooperative health template (Permenkop 9/2020 aspects): weights and outcome bands, with their sources. */
export default async function HealthTemplatePage() {
  await requirePermission('config.manage')
  const [t, tr, locale, tpl] = await Promise.all([getTranslations('config.health'), getTranslations('registers'), getLocale(), getHealthTemplate()])
  const lang = locale === 'en' ? 'en' : 'id'
  const text = (n: number) => formatNumber(n, { decimals: Number.isInteger(n) ? 0 : 2, locale: lang })
  const bands = [
    { outcome: 'SEHAT', range: `${text(tpl.bands.sehat)} – 100` },
    { outcome: 'CUKUP_SEHAT', range: `${text(tpl.bands.cukupSehat)} – < ${text(tpl.bands.sehat)}` },
    { outcome: 'DALAM_PENGAWASAN', range: `${text(tpl.bands.dalamPengawasan)} – < ${text(tpl.bands.cukupSehat)}` },
    { outcome: 'DALAM_PENGAWASAN_KHUSUS', range: `< ${text(tpl.bands.dalamPengawasan)}` },
  ] as const
  return (
    <section aria-labelledby="health-title" className="space-y-4">
      <h2 id="health-title" className="text-lg font-semibold text-slate-900">{t('title')}</h2>
      <p className="max-w-3xl text-sm text-slate-600">{t('intro')}</p>
      <div className="grid max-w-3xl gap-4 md:grid-cols-2">
        <Table caption={t('weights')}>
          <thead><tr><Th>{t('aspect')}</Th><Th align="right">{t('weight')}</Th></tr></thead>
          <tbody className="divide-y divide-slate-100">
            {(['governance', 'riskProfile', 'financial', 'capital'] as const).map((a) => (
              <tr key={a}><Td>{t(`field.${a}`)}</Td><Td align="right">{text(tpl.weights[a])}%</Td></tr>
            ))}
          </tbody>
        </Table>
        <Table caption={t('bands')}>
          <thead><tr><Th>{t('outcome')}</Th><Th align="right">{t('total')}</Th></tr></thead>
          <tbody className="divide-y divide-slate-100">
            {bands.map((b) => <tr key={b.outcome}><Td>{tr(`outcome.${b.outcome}`)}</Td><Td align="right">{b.range}</Td></tr>)}
          </tbody>
        </Table>
      </div>
      <dl className="max-w-3xl space-y-1 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-xs text-amber-900" data-testid="health-sources">
        <div><dt className="inline font-semibold">{t('weights')}: </dt><dd className="inline">{tpl.sources.weights || t('agencySetting')}</dd></div>
        <div><dt className="inline font-semibold">{t('bands')}: </dt><dd className="inline">{tpl.sources.bands || t('agencySetting')}</dd></div>
        <div className="text-amber-800">{tpl.version === 0 ? t('defaults') : t('savedAt', { date: formatDateTime(tpl.updatedAt!, { locale: lang }), version: tpl.version })}</div>
      </dl>
      <HealthTemplateForm
        version={tpl.version}
        initial={{
          governance: text(tpl.weights.governance), riskProfile: text(tpl.weights.riskProfile), financial: text(tpl.weights.financial), capital: text(tpl.weights.capital),
          sehat: text(tpl.bands.sehat), cukupSehat: text(tpl.bands.cukupSehat), dalamPengawasan: text(tpl.bands.dalamPengawasan),
          weightsSource: tpl.sources.weights, bandsSource: tpl.sources.bands,
        }}
      />
    </section>
  )
}
