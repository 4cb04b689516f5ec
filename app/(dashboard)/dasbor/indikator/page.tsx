import type { Metadata } from 'next'
import { REGISTER_READ_INDICATORS } from '@/lib/dashboard/overview'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import clsx from 'clsx'
import { ChartCard } from '@/components/dashboard/chart-card'
import { DashboardNav } from '@/components/dashboard/dashboard-nav'
import { PrintButton } from '@/components/dashboard/print-button'
import { RegencyBarChart } from '@/components/dashboard/regency-bar-chart'
import { RealisationChart } from '@/components/reporting/realisation-chart'
import { reportingYears } from '@/components/reporting/year-picker'
import { buttonClass } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { inputClass } from '@/components/ui/input-class'
import { PageHeader } from '@/components/ui/page-header'
import { SortTh, Table, Td } from '@/components/ui/table'
import { getDeadline, getIndicatorRealisation, listIndicators } from '@/lib/data/reporting'
import { jakartaToday } from '@/lib/dashboard/period'
import { paceStatus } from '@/lib/dashboard/status'
import { getStatusThresholds } from '@/lib/data/settings'
import { formatNumber, formatPercent, formatRupiahShort } from '@/lib/format'
import { formatIndicatorValue } from '@/lib/reporting/display'
import { chartQuarter, isPastDeadline, quarterLabel, QUARTERS } from '@/lib/reporting/periods'
import { requirePermission } from '@/lib/session'
import type { SearchParams } from '@/lib/url'
import { dashboardFilterSchema, dashboardParams } from '@/lib/validations/dashboard'
import { FilterForm } from '@/components/ui/filter-form'
import { orderRows, tableSort } from '@/lib/dashboard/table-sort'
import { dashboardQuery, regencyParam, shownRegency } from '@/lib/dashboard/query'
import type { IndicatorRealisation } from '@/lib/data/reporting'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard.indicators'))('title') }
}

const DEFAULT_INDICATOR = 'KOP_AKTIF_PCT'
const TABLE_ID = 'tabel-indikator'
const TABLE_SORTS = ['regency', 'q1', 'q2', 'q3', 'q4', 'value', 'target', 'achievement'] as const
type Line = IndicatorRealisation['regencies'][number]
const TABLE_SORT_VALUE: Record<(typeof TABLE_SORTS)[number], (l: Line) => number | string | null> = {
  regency: (l) => l.name,
  q1: (l) => l.quarters[1].value,
  q2: (l) => l.quarters[2].value,
  q3: (l) => l.quarters[3].value,
  q4: (l) => l.quarters[4].value,
  value: (l) => l.year.value,
  target: (l) => l.year.target,
  achievement: (l) => l.year.achievement,
}

/**
 * Any reporting indicator against its target: achievement of the year by regency (ranked, with the
 * province line; a bar opens the regency) and the quarters of the province or one regency. Figures
 * from lib/data/reporting.ts (approved reports only), as the reporting screens show them.
 */
export default async function IndicatorDashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('reports.read')
  const raw = dashboardParams(await searchParams)
  const params = dashboardFilterSchema.parse(raw)
  const year = params.year ?? Number(jakartaToday().slice(0, 4))
  const indicatorCode = params.indicator ?? DEFAULT_INDICATOR
  const [t, tr, locale, indicators, data, thresholds] = await Promise.all([
    getTranslations('dashboard'),
    getTranslations('reporting'),
    getLocale(),
    listIndicators(),
    getIndicatorRealisation({ user, indicatorCode, year }),
    getStatusThresholds(),
  ])
  if (!data) notFound()
  const lang = locale === 'en' ? 'en' : 'id'
  const { indicator } = data
  const name = (i: { name: string; nameEn: string }) => (lang === 'en' ? i.nameEn : i.name)
  const fmt = (v: number | null) => formatIndicatorValue(v, indicator.unit, indicator.decimals, lang)
  // a Rupiah indicator's table cells in words (`Rp7,58 triliun`): eight full amounts such as Rp15.500.000.000.000 side
  // by side had widened the columns and wrapped the regency names; the exact amount is the cell's title and the .xlsx's
  const rupiah = indicator.unit === 'RUPIAH'
  const cell = (v: number | null) => (rupiah && v !== null ? <span title={fmt(v)} data-exact={fmt(v)} className="whitespace-nowrap">{formatRupiahShort(v, { locale: lang })}</span> : fmt(v))
  // the chart's regency as the other tabs': the URL's, `all` the province, none the user's default (a district officer's own)
  const regency = shownRegency(user, params.regency)
  const provinceValue = regencyParam(user, undefined) ?? ''
  const chartLine = data.regencies.find((g) => g.code === regency) ?? data.province
  const isOfficer = user.role === 'DISTRICT_OFFICER'
  const hasData = [data.province, ...data.regencies].some((l) => l.year.value !== null)
  const ranked = [...data.regencies].sort((a, b) => (b.year.achievement ?? -1) - (a.year.achievement ?? -1))
  // each bar coloured by its achievement against the year's pace, as the credit ranking's are (all green had read as
  // "all fine" at 63% and at 117%): a flow indicator is expected quarter by quarter, counting a quarter once its
  // report's deadline has passed (the figures are approved reports: a quarter just ended cannot be in yet, as the
  // overview colours completeness only after the deadline), a stock or a percentage in full; before the year's first
  // deadline there is no status
  const now = new Date()
  const quartersDue = (await Promise.all(QUARTERS.map(async (q) => isPastDeadline(await getDeadline(year, q), now)))).filter(Boolean).length
  const flow = indicator.timeAggregation === 'FLOW' && indicator.aggregation !== 'RATIO'
  const elapsed = quartersDue === 0 ? null : flow ? quartersDue / 4 : 1
  // the table sorts by any of its columns (regencies in code order until asked), the province's line always first
  const { sort, dir } = tableSort(raw, TABLE_SORTS)
  const tableRows = sort ? orderRows(data.regencies, TABLE_SORT_VALUE[sort], dir ?? 'asc') : data.regencies
  const sortProps = { pathname: '/dasbor/indikator', params: raw, hash: TABLE_ID } as const
  const statusOf = (achievement: number | null) => (elapsed === null ? undefined : paceStatus({ actual: achievement, target: 100, elapsed }, thresholds))

  return (
    <>
      <PageHeader title={t('indicators.title')} description={t('indicators.intro')} actions={<PrintButton label={t('print')} />} />
      <DashboardNav user={user} current="indicators" query={dashboardQuery({ regency: regencyParam(user, regency) })} />
      <FilterForm action="/dasbor/indikator" aria-label={t('filters.label')} className="no-print mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1.4fr)_auto]">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('filters.indicator')}</span>
          <select name="indicator" defaultValue={indicator.code} className={inputClass()}>
            {indicators.map((i) => <option key={i.code} value={i.code}>{name(i)}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('filters.year')}</span>
          <select name="year" defaultValue={year} className={inputClass()}>
            {reportingYears().filter((y) => y <= Number(jakartaToday().slice(0, 4)) || y === year).map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('filters.chartFor')}</span>
          <select name="regency" defaultValue={regency ?? provinceValue} className={inputClass()}>
            <option value={provinceValue}>{t('indicators.provinceLine')}</option>
            {data.regencies.map((g) => <option key={g.code} value={g.code!}>{g.name}</option>)}
          </select>
        </label>
        <div className="flex items-end"><button type="submit" className={buttonClass('primary')}>{t('filters.apply')}</button></div>
      </FilterForm>
      {/* a province-level indicator is not summed from the regencies, nor shown for one: said as such (the sum's note
          had stood over PDRB, and a regency chosen in the filter was passed over without a word) */}
      <p className="mb-1 text-sm text-slate-700" data-testid="as-of">
        <strong>{name(indicator)}</strong> · {year} · {indicator.aggregation === 'PROVINCE' ? tr('realisation.provinceOnly') : indicator.aggregation === 'RATIO' ? tr('realisation.intro') : tr('realisation.introSum')}
        {indicator.aggregation === 'PROVINCE' && regency && <> {t('indicators.provinceOnlyRegency')}</>}
      </p>
      {/* each figure names its source; a quantity the overview reads from the register says that figure may differ */}
      <p className="mb-4 text-xs text-slate-500" data-source>{t(REGISTER_READ_INDICATORS.has(indicator.code) ? 'card.sourceReportsRegister' : 'card.sourceReports', { period: String(year) })}</p>

      {!hasData ? (
        <EmptyState title={t('indicators.noData')} />
      ) : (
        <div className="grid gap-6 xl:grid-cols-2">
          <ChartCard title={t('indicators.overQuarters', { year, name: chartLine.code ? chartLine.name : t('indicators.provinceLine') })} exportHref={`/api/laporan-triwulan/realisasi/ekspor?${new URLSearchParams({ indikator: indicator.code, tahun: String(year) })}`} exportLabel={t('export')}>
            <RealisationChart
              data={QUARTERS.map((q) => ({ label: chartQuarter(q, lang), value: chartLine.quarters[q].value, target: chartLine.quarters[q].target }))}
              unit={indicator.unit}
              decimals={indicator.decimals}
              yearTarget={indicator.timeAggregation === 'STOCK' ? chartLine.year.target : null}
              labels={{ series: tr('realisation.series'), target: tr('realisation.targetSeries'), yearTarget: tr('realisation.yearTarget', { year }) }}
              locale={lang}
            />
            {!chartLine.code && data.regencyTotal !== null && (
              <p className="mt-2 text-xs text-slate-600" data-testid="province-coverage">
                {t('indicators.coverage', { list: QUARTERS.map((q) => `${chartQuarter(q, lang)} ${chartLine.quarters[q].reporting ?? 0}`).join(' · '), total: data.regencyTotal })}
              </p>
            )}
          </ChartCard>
          {indicator.aggregation !== 'PROVINCE' && (
            <ChartCard title={t('indicators.byRegency', { year })} testId="indicator-ranking">
              <p className="mb-2 text-xs text-slate-600">
                {t('indicators.byRegencyHint', { pct: formatPercent(data.province.year.achievement, { locale: lang }) })}{' '}
                {elapsed !== null && t('indicators.statusLegend', { onTrack: formatNumber(thresholds.onTrack, { locale: lang }), watch: formatNumber(thresholds.watch, { locale: lang }), kind: flow ? 'flow' : 'full', pace: formatPercent(elapsed * 100, { decimals: 0, locale: lang }) })}
              </p>
              <RegencyBarChart
                data={ranked.map((g) => ({ code: g.code!, name: g.name, pct: g.year.achievement, status: statusOf(g.year.achievement) }))}
                provincePct={data.province.year.achievement}
                highlight={user.regencyCode}
                linkable={isOfficer ? [user.regencyCode ?? ''] : null}
                locale={lang}
                labels={{ value: t('indicators.achievement'), province: t('credit.province') }}
              />
            </ChartCard>
          )}
        </div>
      )}

      <div id={TABLE_ID} className="mt-6 scroll-mt-4">
        <Table caption={`${name(indicator)} ${year}`}>
          <thead>
            <tr>
              {/* headings and names wrap: eight columns fit a laptop beside the menu (1366 px), "Capaian" in sight */}
              {/* the name column stays in view while a phone scrolls to "Capaian": rows of bare figures had no name */}
              <SortTh label={t('table.regency')} column="regency" sticky {...sortProps} />
              {QUARTERS.map((q) => <SortTh key={q} label={quarterLabel(q, lang)} column={`q${q}`} firstDir="desc" align="right" className="whitespace-normal!" {...sortProps} />)}
              <SortTh label={tr('realisation.yearValue', { year })} column="value" firstDir="desc" align="right" className="whitespace-normal!" {...sortProps} />
              <SortTh label={tr('realisation.yearTarget', { year })} column="target" firstDir="desc" align="right" className="whitespace-normal!" {...sortProps} />
              <SortTh label={t('indicators.achievement')} column="achievement" firstDir="desc" align="right" {...sortProps} />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {[{ ...data.province, name: t('indicators.provinceLine') }, ...tableRows].map((l) => (
              <tr key={l.code ?? 'province'} data-regency={l.code ?? 'province'} className={clsx(!l.code && 'bg-brand-50/60 font-semibold', l.code && l.code === user.regencyCode && 'bg-amber-50')}>
                <Td className="min-w-32" sticky={!l.code ? 'province' : l.code === user.regencyCode ? 'own' : true}>{l.name}</Td>
                {QUARTERS.map((q) => (
                  <Td key={q} align="right">
                    {cell(l.quarters[q].value)}
                    {/* the province's sum says how many regencies it holds: 15 of 38 approved reads as a fall otherwise */}
                    {!l.code && data.regencyTotal !== null && l.quarters[q].reporting !== null && (
                      <span className="block text-xs font-normal text-slate-500" data-coverage={q}>{t('indicators.coverageCell', { n: l.quarters[q].reporting!, total: data.regencyTotal })}</span>
                    )}
                  </Td>
                ))}
                <Td align="right">{cell(l.year.value)}</Td>
                <Td align="right">{cell(l.year.target)}</Td>
                <Td align="right">{formatPercent(l.year.achievement, { locale: lang })}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
        {rupiah && <p className="mt-2 text-xs text-slate-600" data-testid="rupiah-rounded">{t('indicators.rupiahRounded')}</p>}
      </div>
    </>
  )
}
