import { formWithPeriod } from '@/lib/reporting/display'
import type { Metadata } from 'next'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { Plus } from 'lucide-react'
import { Badge } from '@/components/ui/badge'
import { LinkButton, buttonClass } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { inputClass } from '@/components/ui/input-class'
import { Table, Td, Th } from '@/components/ui/table'
import { findIndicatorsForAdmin } from '@/lib/data/config'
import { formatDate, formatNumber } from '@/lib/format'
import { requirePermission } from '@/lib/session'
import { flatParams, type SearchParams } from '@/lib/url'
import { FilterForm } from '@/components/ui/filter-form'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('config'))('tabs.indicators') }
}

/** The indicator catalogue: every indicator with its form, unit, roll-up, validity and what uses it. */
export default async function IndicatorsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('config.manage')
  const params = flatParams(await searchParams)
  const [t, tc, ta, locale, all] = await Promise.all([getTranslations('config.indicators'), getTranslations('config'), getTranslations('activities'), getLocale(), findIndicatorsForAdmin({ user })])
  const lang = locale === 'en' ? 'en' : 'id'
  const q = (params.q ?? '').trim().toLowerCase()
  const forms = [...new Map(all.map((i) => [i.formCode, lang === 'en' ? i.form.nameEn : i.form.name])).entries()]
  // the catalogue is a few dozen rows: filtered here, after one read
  const rows = all.filter((i) => (!params.formulir || i.formCode === params.formulir) && (!q || `${i.code} ${i.name} ${i.nameEn}`.toLowerCase().includes(q)))
  const day = (d: Date | null) => (d ? formatDate(d, { locale: lang }) : null)
  const window = (from: Date | null, to: Date | null) =>
    from && to ? t('between', { from: day(from)!, to: day(to)! }) : from ? t('from', { date: day(from)! }) : to ? t('until', { date: day(to)! }) : t('always')
  return (
    <section aria-labelledby="indicators-title" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="indicators-title" className="text-lg font-semibold text-slate-900">{tc('tabs.indicators')} · {formatNumber(rows.length, { locale: lang })}</h2>
        <LinkButton href="/pengaturan/indikator/baru"><Plus aria-hidden className="size-4" />{t('new')}</LinkButton>
      </div>
      {params.disimpan && <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t('saved', { code: params.disimpan })}</p>}
      {params.dihapus && <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t('deleted', { code: params.dihapus })}</p>}
      <FilterForm role="search" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3">
        <label className="flex flex-col gap-1 text-sm sm:col-span-2">
          <span className="font-medium">{t('name')} / {t('code')}</span>
          <input name="q" type="search" defaultValue={params.q} className={inputClass()} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('form')}</span>
          <select name="formulir" defaultValue={params.formulir ?? ''} className={inputClass()}>
            <option value="">–</option>
            {forms.map(([code, name]) => <option key={code} value={code}>{name}</option>)}
          </select>
        </label>
        <div className="flex gap-2 sm:col-span-3">
          <button type="submit" className={buttonClass('primary')}>{tc('filter')}</button>
          <Link href="/pengaturan/indikator" className={buttonClass('ghost')}>{tc('reset')}</Link>
        </div>
      </FilterForm>
      {rows.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <Table caption={t('name')}>
          <thead>
            <tr>
              {/* on a phone: the name (with its code, form and unit under it) and the actions; the rest from md up */}
              <Th className="hidden md:table-cell">{t('code')}</Th>
              <Th>{t('name')}</Th>
              <Th className="hidden md:table-cell">{t('form')}</Th>
              <Th className="hidden md:table-cell">{t('unit')}</Th>
              <Th className="hidden md:table-cell">{t('aggregation')}</Th>
              <Th className="hidden md:table-cell">{t('window')}</Th>
              <Th className="hidden md:table-cell">{t('usage')}</Th>
              <Th>{t('actions')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((i) => {
              const other = i.usage.provinceValues + i.usage.meetingOutcomes + i.usage.rules + i.usage.ratios
              return (
                <tr key={i.code} data-testid={`indicator-${i.code}`}>
                  <Td className="hidden font-mono text-xs md:table-cell">{i.code}</Td>
                  <Td>
                    <span className="block font-mono text-xs text-slate-500 md:hidden">{i.code}</span>
                    <span className="font-medium">{lang === 'en' ? i.nameEn : i.name}</span>
                    {!i.active && <span className="ml-2"><Badge tone="slate">{t('inactive')}</Badge></span>}
                    {i.activityMeasure && (
                      <span className="block text-xs text-slate-500" data-activity-measure={i.code}>
                        {t('countedFrom', { kind: ta(`kind.${i.activityMeasure.activityKind}`), type: ta(`beneficiaryType.${i.activityMeasure.beneficiaryType}`) })}
                      </span>
                    )}
                    <span className="mt-1 block text-xs text-slate-600 md:hidden" data-phone-summary>
                      {formWithPeriod(lang === 'en' ? i.form.nameEn : i.form.name, t(`periodValue.${i.form.periodType}`))} · {t(`unitValue.${i.unit}`)} · {t(`aggregationValue.${i.aggregation}`)}
                    </span>
                  </Td>
                  <Td className="hidden md:table-cell">{formWithPeriod(lang === 'en' ? i.form.nameEn : i.form.name, t(`periodValue.${i.form.periodType}`))}</Td>
                  <Td className="hidden md:table-cell">{t(`unitValue.${i.unit}`)}</Td>
                  <Td className="hidden md:table-cell">{t(`aggregationValue.${i.aggregation}`)}{i.aggregation === 'RATIO' && <span className="block font-mono text-xs text-slate-500">{i.numeratorCode} ÷ {i.denominatorCode}</span>}</Td>
                  <Td className="hidden whitespace-nowrap md:table-cell">{window(i.activeFrom, i.activeTo)}</Td>
                  <Td className="hidden text-xs text-slate-600 md:table-cell">
                    {i.usage.reports + i.usage.targets + other === 0 ? t('unused') : (
                      <ul>
                        {i.usage.reports > 0 && <li>{t('usageReports', { count: formatNumber(i.usage.reports, { locale: lang }), approved: formatNumber(i.usage.approvedReports, { locale: lang }) })}</li>}
                        {i.usage.targets > 0 && <li>{t('usageTargets', { count: formatNumber(i.usage.targets, { locale: lang }) })}</li>}
                        {other > 0 && <li>{t('usageOther', { count: formatNumber(other, { locale: lang }) })}</li>}
                      </ul>
                    )}
                  </Td>
                  <Td className="whitespace-nowrap">
                    <Link href={`/pengaturan/indikator/${i.code}`} className="text-brand-700 underline-offset-2 hover:underline">{t('edit')}</Link>
                    <span aria-hidden className="hidden px-1 text-slate-300 md:inline">·</span>
                    <br className="md:hidden" />
                    <Link href={`/pengaturan/target?indikator=${i.code}`} className="text-brand-700 underline-offset-2 hover:underline">{t('targets')}</Link>
                  </Td>
                </tr>
              )
            })}
          </tbody>
        </Table>
      )}
    </section>
  )
}
