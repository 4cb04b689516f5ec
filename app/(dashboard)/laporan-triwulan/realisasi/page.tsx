import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { Download } from 'lucide-react'
import clsx from 'clsx'
import { buttonClass } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { inputClass } from '@/components/ui/input-class'
import { Table, Th } from '@/components/ui/table'
import { RealisationChart } from '@/components/reporting/realisation-chart'
import { reportingYears } from '@/components/reporting/year-picker'
import { getIndicatorRealisation, listIndicators, type RealisationCell, type RealisationLine } from '@/lib/data/reporting'
import { formatPercent } from '@/lib/format'
import { formatIndicatorValue } from '@/lib/reporting/display'
import { chartQuarter, currentQuarter, quarterLabel, QUARTERS } from '@/lib/reporting/periods'
import { requirePermission } from '@/lib/session'
import { flatParams, hrefWith, type SearchParams } from '@/lib/url'
import { reportingFilterSchema } from '@/lib/validations/reporting'
import { FilterForm } from '@/components/ui/filter-form'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reporting.realisation'))('title') }
}

const DEFAULT_INDICATOR = 'KOP_AKTIF_PCT'

/** Realisation against target of one indicator: regencies × quarters, the province roll-up, a chart. */
export default async function RealisationPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('reports.read')
  const params = flatParams(await searchParams)
  const filter = reportingFilterSchema.parse(params)
  const year = filter.tahun ?? currentQuarter(new Date()).year
  const indicatorCode = filter.indikator ?? DEFAULT_INDICATOR
  const [t, locale, indicators, data] = await Promise.all([
    getTranslations('reporting'),
    getLocale(),
    listIndicators(),
    getIndicatorRealisation({ user, indicatorCode, year }),
  ])
  if (!data) notFound()
  const lang = locale === 'en' ? 'en' : 'id'
  const r = (k: string, v?: Record<string, string | number>) => t(`realisation.${k}`, v)
  const { indicator } = data
  const name = (i: { name: string; nameEn: string }) => (lang === 'en' ? i.nameEn : i.name)
  const fmt = (v: number | null) => formatIndicatorValue(v, indicator.unit, indicator.decimals, lang)
  const byCode = new Map(indicators.map((i) => [i.code, i]))
  // the chart follows the province or one regency in scope (picking a line, no arithmetic)
  const chartLine: RealisationLine = data.regencies.find((g) => g.code === filter.kab) ?? data.province
  const chartName = chartLine.code ? chartLine.name : r('provinceLine')
  const hasData = [data.province, ...data.regencies].some((l) => l.year.value !== null)
  const lines = [{ ...data.province, name: r('provinceLine') }, ...data.regencies]

  return (
    <section aria-labelledby="realisation-title" className="space-y-5">
      <div>
        <h2 id="realisation-title" className="text-lg font-semibold text-slate-900">{r('title')}</h2>
        <p className="text-sm text-slate-600">{r('intro')}</p>
      </div>
      <FilterForm className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1.5fr)_auto]">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{r('indicator')}</span>
          <select name="indikator" defaultValue={indicator.code} className={inputClass()}>
            {indicators.map((i) => <option key={i.code} value={i.code}>{name(i)}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('year')}</span>
          <select name="tahun" defaultValue={year} className={inputClass()}>
            {reportingYears().map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{r('chartFor')}</span>
          <select name="kab" defaultValue={filter.kab ?? ''} className={inputClass()}>
            <option value="">{r('provinceLine')}</option>
            {data.regencies.map((g) => <option key={g.code} value={g.code!}>{g.name}</option>)}
          </select>
        </label>
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClass('primary')}>{t('show')}</button>
          <a href={hrefWith('/api/laporan-triwulan/realisasi/ekspor', {}, { indikator: indicator.code, tahun: year })} className={buttonClass('secondary')}><Download aria-hidden className="size-4" />{r('export')}</a>
        </div>
      </FilterForm>

      <p className="text-xs text-slate-600">
        {indicator.aggregation === 'PROVINCE'
          ? r('provinceOnly')
          : indicator.aggregation === 'RATIO'
            ? `${r('ratioNote', { numerator: name(byCode.get(indicator.numeratorCode!) ?? { name: '', nameEn: '' }), denominator: name(byCode.get(indicator.denominatorCode!) ?? { name: '', nameEn: '' }) })} ${r('stockNote')}`
            : indicator.timeAggregation === 'FLOW' ? r('flowNote') : r('stockNote')}
      </p>

      {!hasData ? (
        <EmptyState title={r('noData')} />
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="mb-2 text-sm font-semibold text-slate-900">{r('chartTitle', { name: `${name(indicator)} · ${chartName} · ${year}` })}</h3>
          <RealisationChart
            data={QUARTERS.map((q) => ({ label: chartQuarter(q, lang), value: chartLine.quarters[q].value, target: chartLine.quarters[q].target }))}
            unit={indicator.unit}
            decimals={indicator.decimals}
            yearTarget={indicator.timeAggregation === 'STOCK' ? chartLine.year.target : null}
            labels={{ series: r('series'), target: r('targetSeries'), yearTarget: r('yearTarget', { year }) }}
            locale={lang}
          />
        </div>
      )}

      <Table caption={`${r('title')}: ${name(indicator)} ${year}`}>
        <thead>
          <tr>
            {/* headings and names wrap: eight columns fit a laptop beside the menu (1366 px), where "Capaian" had been cut
                at the card's edge as "CAPA", its figures out of sight */}
            <Th className="sticky left-0 z-10">{t('regency')}</Th>
            {QUARTERS.map((q) => <Th key={q} align="right" className="whitespace-normal!">{quarterLabel(q, lang)}</Th>)}
            <Th align="right" className="whitespace-normal!">{r('yearValue', { year })}</Th>
            <Th align="right" className="whitespace-normal!">{r('yearTarget', { year })}</Th>
            <Th align="right">{r('achievement')}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {lines.map((l) => (
            <tr key={l.code ?? 'province'} data-regency={l.code ?? 'province'} className={clsx(!l.code && 'bg-brand-50/60 font-semibold')}>
              <th scope="row" className={clsx('sticky left-0 z-10 min-w-32 px-3 py-2 text-left text-slate-800', l.code ? 'bg-white font-medium' : 'bg-brand-50')}>{l.name}</th>
              {QUARTERS.map((q) => <ValueCell key={q} cell={l.quarters[q]} fmt={fmt} ratio={indicator.aggregation === 'RATIO'} locale={lang} />)}
              <ValueCell cell={l.year} fmt={fmt} ratio={indicator.aggregation === 'RATIO'} locale={lang} />
              <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums text-slate-600">{fmt(l.year.target)}</td>
              <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{formatPercent(l.year.achievement, { locale: lang })}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  )
}

/** A figure; for a ratio, the numerator and denominator it was computed from underneath. */
function ValueCell({ cell, fmt, ratio, locale }: { cell: RealisationCell; fmt: (v: number | null) => string; ratio: boolean; locale: 'id' | 'en' }) {
  return (
    <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums text-slate-800">
      {fmt(cell.value)}
      {ratio && cell.denominator !== null && (
        <span className="block text-xs font-normal text-slate-500">{formatIndicatorValue(cell.numerator, 'COUNT', 0, locale)}/{formatIndicatorValue(cell.denominator, 'COUNT', 0, locale)}</span>
      )}
    </td>
  )
}
