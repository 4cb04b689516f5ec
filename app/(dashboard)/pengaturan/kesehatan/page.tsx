import type { Metadata } from 'next'
import { getLocale, getTranslations } from 'next-intl/server'
import { HealthTemplateForm } from '@/components/config/health-template-form'
import { Table, Td, Th } from '@/components/ui/table'
import { getCurrentHealthTemplate, listHealthTemplateVersions } from '@/lib/data/health'
import { formatDateTime, formatNumber } from '@/lib/format'
import { requirePermission } from '@/lib/session'
import { componentWords } from '@/lib/registers/health'
import { ratioBandsText } from '@/lib/validations/health'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('config'))('tabs.health') }
}

/**
 * The cooperative health template (Permenkop 9/2020 worksheet): its components with weights, bands and
 * where each comes from, the outcome bands, and the editor that saves the next version.
 */
export default async function HealthTemplatePage() {
  await requirePermission('config.manage')
  const [t, th, tr, locale, tpl, versions] = await Promise.all([
    getTranslations('health.template'), getTranslations('health'), getTranslations('registers'), getLocale(), getCurrentHealthTemplate(), listHealthTemplateVersions(),
  ])
  const lang = locale === 'en' ? 'en' : 'id'
  const text = (n: number) => formatNumber(n, { decimals: Number.isInteger(n) ? 0 : 2, locale: lang })
  const input = (n: number) => String(n).replace('.', ',')
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
      <p className="text-sm text-slate-700" data-testid="health-template-version">
        {t('current', { version: tpl.version, date: formatDateTime(tpl.createdAt, { locale: lang }), by: tpl.createdBy ?? '–' })}
      </p>
      <Table caption={t('components')}>
        <thead>
          <tr>
            <Th>{t('code')}</Th><Th>{t('label')}</Th><Th>{t('kind')}</Th><Th align="right">{t('weight')}</Th><Th>{t('bands')}</Th><Th>{t('source')}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {tpl.components.map((c) => ({ c, words: componentWords(c, lang) })).map(({ c, words }) => (
            <tr key={c.id}>
              <Td className="font-mono text-xs">{c.code}</Td>
              <Td><span className="block text-xs text-slate-500">{th(`aspect.${c.aspect}`)}</span><span data-user-content>{words.label}</span></Td>
              <Td className="whitespace-nowrap">
                {th(`kind.${c.kind}`)}
                {c.kind === 'RATIO' && (
                  <span className="block text-xs text-slate-500">
                    {c.numerator ? th(`figure.${c.numerator}`) : words.numeratorLabel ?? th('figure.entered')} ÷ {c.denominator ? th(`figure.${c.denominator}`) : words.denominatorLabel ?? th('figure.entered')}
                  </span>
                )}
                {c.kind === 'YES_NO' && c.numerator && <span className="block text-xs text-slate-500">{th(`yearAnswer.${c.numerator}`)}</span>}
              </Td>
              <Td align="right">{text(c.weight)}</Td>
              <Td className="whitespace-nowrap font-mono text-xs">{c.kind === 'RATIO' ? ratioBandsText(c.bands, lang) : '–'}</Td>
              <Td className="text-xs text-amber-900" data-user-content>{c.source}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <div className="grid max-w-3xl gap-4 md:grid-cols-2">
        <Table caption={t('outcomeBands')}>
          <thead><tr><Th>{t('outcome')}</Th><Th align="right">{t('range')}</Th></tr></thead>
          <tbody className="divide-y divide-slate-100">
            {bands.map((b) => <tr key={b.outcome}><Td>{tr(`outcome.${b.outcome}`)}</Td><Td align="right">{b.range}</Td></tr>)}
          </tbody>
        </Table>
        <div className="space-y-2">
          <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900" data-testid="health-sources">
            <span className="font-semibold">{t('bandsSource')}: </span><span data-user-content>{tpl.bandsSource}</span>
          </p>
          {versions.length > 1 && (
            <details className="text-sm text-slate-700">
              <summary className="cursor-pointer">{t('history')}</summary>
              <ul className="mt-1 space-y-0.5 text-xs">
                {versions.map((v) => <li key={v.version}>{t('historyRow', { version: v.version, date: formatDateTime(v.createdAt, { locale: lang }), by: v.createdBy ?? '–' })}</li>)}
              </ul>
            </details>
          )}
        </div>
      </div>
      <HealthTemplateForm
        version={tpl.version}
        initial={{
          sehat: input(tpl.bands.sehat), cukupSehat: input(tpl.bands.cukupSehat), dalamPengawasan: input(tpl.bands.dalamPengawasan), bandsSource: tpl.bandsSource,
          components: tpl.components.map((c) => ({
            key: c.id, code: c.code, aspect: c.aspect, label: c.label, kind: c.kind,
            numerator: c.numerator ?? '', denominator: c.denominator ?? '', numeratorLabel: c.numeratorLabel ?? '', denominatorLabel: c.denominatorLabel ?? '',
            labelEn: c.labelEn ?? '', numeratorLabelEn: c.numeratorLabelEn ?? '', denominatorLabelEn: c.denominatorLabelEn ?? '',
            weight: input(c.weight), bands: ratioBandsText(c.bands), source: c.source,
          })),
        }}
      />
    </section>
  )
}
