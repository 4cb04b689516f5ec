import type { Metadata } from 'next'
import { NoProgramState } from '@/components/dashboard/no-program'
import Link from 'next/link'
import clsx from 'clsx'
import { getLocale, getTranslations } from 'next-intl/server'
import { AbsorptionChart } from '@/components/credit/absorption-chart'
import { RealisationChart } from '@/components/credit/realisation-chart'
import { BreakdownChart } from '@/components/dashboard/breakdown-chart'
import { DashboardFilters } from '@/components/dashboard/dashboard-filters'
import { DashboardNav } from '@/components/dashboard/dashboard-nav'
import { ChartCard } from '@/components/dashboard/chart-card'
import { ClaimPipeline } from '@/components/dashboard/claim-pipeline'
import { PrintButton } from '@/components/dashboard/print-button'
import { RegencyBarChart } from '@/components/dashboard/regency-bar-chart'
import { PageHeader } from '@/components/ui/page-header'
import { StatCard } from '@/components/ui/stat-card'
import { SortLinks, SortTh, Table, Td, Th } from '@/components/ui/table'
import { getCreditDashboard, listDashboardBanks, listDashboardRegencies, resolveDashboardFilter, type BreakdownRow } from '@/lib/data/dashboard'
import { kbliSectionName } from '@/lib/credit/kbli'
import { dashboardQuery, regencyParam } from '@/lib/dashboard/query'
import { formatDate, formatNumber, formatPercent, formatRupiah, formatRupiahShort } from '@/lib/format'
import { orRefused } from '@/lib/dashboard/guard'
import { requirePermission } from '@/lib/session'
import type { SearchParams } from '@/lib/url'
import { dashboardFilterSchema, dashboardParams } from '@/lib/validations/dashboard'
import { serverText } from '@/lib/i18n/server-text'
import { yearElapsed } from '@/lib/dashboard/period'
import { paceStatus, STATUS_TONE, type PaceStatus } from '@/lib/dashboard/status'
import { getStatusThresholds } from '@/lib/data/settings'
import { Badge } from '@/components/ui/badge'
import { orderRows, tableSort } from '@/lib/dashboard/table-sort'

const RANKING_TABLE_ID = 'tabel-peringkat'
const RANKING_SORTS = ['regency', 'allocation', 'disbursed', 'pct', 'beneficiaries'] as const
type RankingRow = { name: string; target: number; disbursed: number; realisationPct: number | null; beneficiaries: number }
const RANKING_SORT_VALUE: Record<(typeof RANKING_SORTS)[number], (r: RankingRow) => number | string | null> = {
  regency: (r) => r.name,
  allocation: (r) => r.target,
  disbursed: (r) => r.disbursed,
  pct: (r) => r.realisationPct,
  beneficiaries: (r) => r.beneficiaries,
}

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard.credit'))('title') }
}

/**
 * The credit dashboard: cumulative realisation against the target's pace, realisation by regency with
 * the province line (a bar opens the regency), subsidy absorption against the ceiling, credit by bank,
 * KBLI section and scale, and the year-end projection with its method.
 */
export default async function CreditDashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('dashboard.read')
  const raw = dashboardParams(await searchParams)
  const params = dashboardFilterSchema.parse(raw)
  const [t, tc, locale] = await Promise.all([getTranslations('dashboard'), getTranslations('credit'), getLocale()])
  const lang = locale === 'en' ? 'en' : 'id'
  const { programs, program, filter, asOfAdjusted } = await orRefused(resolveDashboardFilter({ user, params }))
  if (!program || !filter) return (<><PageHeader title={t('credit.title')} /><NoProgramState user={user} /></>)
  const [{ summary, series, ranking, provinceSummary, byBank, byKbli, byScale, pipeline }, regencies, banks, thresholds] = await orRefused(Promise.all([
    getCreditDashboard({ user, filter }),
    listDashboardRegencies({ user }),
    listDashboardBanks({ user, programId: program.id }),
    getStatusThresholds(),
  ]))
  // each regency against its allocation's pace, as Beranda judges the province and the regency page a regency: the
  // ranking's bars and rows carry it (every bar had been the same green, at 123% or at 35%)
  const elapsed = yearElapsed(program.year, filter.asOf)
  const statusOf = (r: { disbursed: number; target: number }) => paceStatus({ actual: r.disbursed, target: r.target, elapsed }, thresholds)
  const ranked = ranking.map((r, i) => ({ ...r, rank: i + 1, status: statusOf(r) }))
  // the table below the chart sorts by any of its figures (the chart keeps the ranking); its rank stays the ranking's
  const { sort, dir } = tableSort(raw, RANKING_SORTS)
  const rankingRows = sort ? orderRows(ranked, RANKING_SORT_VALUE[sort], dir ?? 'desc') : ranked
  const sortProps = { pathname: '/dasbor/kredit', params: raw, defaultSort: 'pct', defaultDir: 'desc', hash: RANKING_TABLE_ID } as const
  const paceBadge = (status: PaceStatus) => <Badge tone={STATUS_TONE[status]} className="whitespace-nowrap">{t(`status.${status}`)}</Badge>
  // the province as `regency=all` for a district officer (its default is its regency): the tabs and exports keep the view
  const query = dashboardQuery({ program: program.code, regency: regencyParam(user, filter.regencyCode), bank: user.role === 'BANK_OFFICER' ? undefined : filter.bankId, asOf: filter.asOf })
  const rankingQuery = dashboardQuery({ program: program.code, bank: user.role === 'BANK_OFFICER' ? undefined : filter.bankId, asOf: filter.asOf })
  const money = (v: number) => formatRupiahShort(v, { locale: lang })
  const pct = (v: number | null, decimals = 2) => formatPercent(v, { decimals, locale: lang })
  const isOfficer = user.role === 'DISTRICT_OFFICER'
  const exportHref = (dataset: string, q = query) => `/api/dasbor/ekspor/${dataset}?${q}`
  const breakdownLabel = (by: 'bank' | 'kbli' | 'scale', r: BreakdownRow) =>
    by === 'kbli' ? `${r.key} ${kbliSectionName(r.key === '?' ? null : r.key, lang)}` : by === 'scale' ? t(`scale.${r.key as 'MIKRO'}`) : r.label

  return (
    <>
      <PageHeader title={t('credit.title')} description={t('credit.intro')} actions={<PrintButton label={t('print')} />} />
      <DashboardNav user={user} current="credit" query={query} />
      <DashboardFilters action="/dasbor/kredit" programs={programs} programCode={program.code} regencies={regencies} regency={filter.regencyCode} provinceValue={regencyParam(user, undefined)} banks={banks} bank={filter.bankId} asOf={filter.asOf} askedAsOf={raw.asOf} asOfAdjusted={asOfAdjusted} />
      <p className="mb-4 text-sm text-slate-700" data-testid="as-of">
        <strong>{program.name}</strong>
        {/* the scope on screen, the province too: a district officer's tabs open on its regency unless told otherwise */}
        {' · '}<span data-testid="scope">{filter.regencyCode ? regencies.find((r) => r.code === filter.regencyCode)?.name : t('filters.allRegencies')}</span>
        {filter.bankId && banks.length > 0 && <> · {banks.find((b) => b.id === filter.bankId)?.shortName}</>}
        {' · '}{t('asOf', { date: formatDate(filter.asOf, { locale: lang }) })}
      </p>

      <section className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4" aria-label={t('credit.title')}>
        <StatCard testId="realisation" label={tc('realisation')} value={pct(summary.realisationPct)} detail={<>{formatRupiah(summary.disbursed, { locale: lang })} {tc('ofTarget', { target: money(summary.creditTarget) })}</>} />
        <StatCard testId="beneficiaries" label={tc('beneficiaries')} value={formatNumber(summary.beneficiaries, { locale: lang })} detail={tc('loans', { count: formatNumber(summary.loans, { locale: lang }), n: summary.loans })} />
        <StatCard testId="absorption" label={tc('absorption')} value={pct(summary.absorptionPct)} detail={tc('ofCeiling', { paid: formatRupiah(summary.subsidyPaid, { locale: lang }), ceiling: money(summary.subsidyCeiling) })} />
        <StatCard testId="projection" label={t('credit.projection')} value={pct(summary.projection.pct)} detail={<>{t('credit.projectionDetail', { value: money(summary.projection.value), target: money(summary.creditTarget) })}<span className="mt-1 block text-slate-500" data-testid="projection-method">{serverText(summary.projection.method, lang)}</span></>} />
      </section>

      <div className="mt-6 grid gap-6 xl:grid-cols-2">
        <ChartCard title={t('credit.monthlyTitle')} exportHref={exportHref('bulanan')} exportLabel={t('export')} testId="chart-realisation">
          <RealisationChart data={series} locale={lang} labels={{ monthly: tc('monthly'), cumulative: tc('cumulative'), pace: tc('pace') }} />
        </ChartCard>
        <ChartCard title={t('credit.absorptionTitle')} exportHref={exportHref('bulanan')} exportLabel={t('export')} testId="chart-absorption">
          <AbsorptionChart data={series} locale={lang} labels={{ due: tc('due'), paid: tc('paid'), cumulative: tc('paidCumulative'), ceiling: tc('ceiling') }} />
        </ChartCard>
      </div>

      <ChartCard className="mt-6" title={t('credit.rankingTitle')} exportHref={exportHref('kabupaten', rankingQuery)} exportLabel={t('export')} testId="ranking">
        <p className="mb-2 text-xs text-slate-600">{t(isOfficer ? 'credit.rankingHintOfficer' : 'credit.rankingHint', { pct: pct(provinceSummary.realisationPct) })} {t('status.legend', { onTrack: formatNumber(thresholds.onTrack, { locale: lang }), watch: formatNumber(thresholds.watch, { locale: lang }) })}</p>
        <RegencyBarChart
          data={ranked.map((r) => ({ code: r.regencyCode, name: r.name, pct: r.realisationPct, status: r.status }))}
          provincePct={provinceSummary.realisationPct}
          highlight={user.regencyCode}
          linkable={isOfficer ? [user.regencyCode ?? ''] : null}
          query={rankingQuery}
          locale={lang}
          labels={{ value: t('table.pct'), province: t('credit.province') }}
        />
        {/* open once sorted: its sort links reload the page, which had closed it again */}
        <details id={RANKING_TABLE_ID} className="mt-3 scroll-mt-4" data-print-open open={sort !== undefined || undefined}>
          <summary className="cursor-pointer text-sm font-medium text-brand-700">{t('table.regency')}: {formatNumber(ranking.length, { locale: lang })}</summary>
          {/* a phone gets one card per regency (six columns do not fit 390 px); from md up the table. Named by the card's
              heading, not an aria-label of its own: "Kabupaten/kota" in it made the filter's label ambiguous */}
          <SortLinks hiddenFrom="md" {...sortProps} columns={[
            { column: 'pct', label: t('table.pct'), firstDir: 'desc' },
            { column: 'regency', label: t('table.regency') },
            { column: 'allocation', label: t('table.allocation'), firstDir: 'desc' },
            { column: 'disbursed', label: t('table.disbursed'), firstDir: 'desc' },
            { column: 'beneficiaries', label: t('table.beneficiaries'), firstDir: 'desc' },
          ]} />
          <ol className="mt-2 space-y-2 md:hidden">
            {rankingRows.map((r) => (
              <li key={r.regencyCode} data-regency-card={r.regencyCode} className={clsx('rounded-lg border border-slate-200 p-3 text-sm', r.regencyCode === user.regencyCode ? 'bg-amber-50' : 'bg-white')}>
                <div className="flex items-baseline justify-between gap-3">
                  <span className="font-medium text-slate-900">
                    {formatNumber(r.rank, { locale: lang })}.{' '}
                    {!isOfficer || r.regencyCode === user.regencyCode ? <Link className="text-brand-700 underline-offset-2 hover:underline" href={`/dasbor/wilayah/${r.regencyCode}?${rankingQuery}`}>{r.name}</Link> : r.name}
                  </span>
                  <span className="flex shrink-0 items-center gap-2 font-semibold tabular-nums text-slate-900">
                    {r.status && paceBadge(r.status)}
                    {pct(r.realisationPct)}
                  </span>
                </div>
                <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-xs text-slate-600">
                  <dt>{t('table.allocation')}</dt><dd className="text-right tabular-nums">{formatRupiah(r.target, { locale: lang })}</dd>
                  <dt>{t('table.disbursed')}</dt><dd className="text-right tabular-nums">{formatRupiah(r.disbursed, { locale: lang })}</dd>
                  <dt>{t('table.beneficiaries')}</dt><dd className="text-right tabular-nums">{formatNumber(r.beneficiaries, { locale: lang })}</dd>
                </dl>
              </li>
            ))}
          </ol>
          <div className="mt-2 hidden md:block">
            <Table caption={t('credit.rankingTitle')}>
              <thead>
                <tr>
                  <Th>{t('table.rank')}</Th>
                  <SortTh label={t('table.regency')} column="regency" {...sortProps} />
                  <SortTh label={t('table.allocation')} column="allocation" firstDir="desc" align="right" {...sortProps} />
                  <SortTh label={t('table.disbursed')} column="disbursed" firstDir="desc" align="right" {...sortProps} />
                  <SortTh label={t('table.pct')} column="pct" firstDir="desc" align="right" {...sortProps} />
                  <Th>{t('table.status')}</Th>
                  <SortTh label={t('table.beneficiaries')} column="beneficiaries" firstDir="desc" align="right" {...sortProps} />
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rankingRows.map((r) => (
                  <tr key={r.regencyCode} data-regency={r.regencyCode} className={r.regencyCode === user.regencyCode ? 'bg-amber-50 font-medium' : undefined}>
                    <Td>{r.rank}</Td>
                    <Td>{!isOfficer || r.regencyCode === user.regencyCode ? <Link className="underline-offset-2 hover:underline" href={`/dasbor/wilayah/${r.regencyCode}?${rankingQuery}`}>{r.name}</Link> : r.name}</Td>
                    <Td align="right">{formatRupiah(r.target, { locale: lang })}</Td>
                    <Td align="right">{formatRupiah(r.disbursed, { locale: lang })}</Td>
                    <Td align="right">{pct(r.realisationPct)}</Td>
                    <Td>{r.status ? paceBadge(r.status) : '–'}</Td>
                    <Td align="right">{formatNumber(r.beneficiaries, { locale: lang })}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        </details>
      </ChartCard>

      <ClaimPipeline pipeline={pipeline} locale={lang} exportHref={exportHref('klaim')} />

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        {([['bank', byBank, t('credit.byBank')], ['kbli', byKbli, t('credit.byKbli')], ['scale', byScale, t('credit.byScale')]] as const).map(([by, rows, title]) => (
          <ChartCard key={by} title={title} exportHref={exportHref({ bank: 'bank', kbli: 'kbli', scale: 'skala' }[by])} exportLabel={t('export')} testId={`breakdown-${by}`}>
            {rows.length === 0 ? (
              <p className="text-sm text-slate-600">{t('credit.noLoans')}</p>
            ) : (
              <>
                <BreakdownChart data={rows.map((r) => ({ label: by === 'kbli' ? r.key : breakdownLabel(by, r), title: by === 'kbli' ? breakdownLabel(by, r) : undefined, disbursed: r.disbursed }))} locale={lang} label={title} />
                {/* a phone gets one card per group (four columns with amounts do not fit 390 px: the beneficiaries were cut
                    off at the table's edge); from sm up the table */}
                <ul className="mt-3 space-y-2 sm:hidden" aria-label={title}>
                  {rows.map((r) => (
                    <li key={r.key} data-breakdown-card={r.key} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                      <p className="font-medium text-slate-900">{breakdownLabel(by, r)}</p>
                      <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600">
                        <div className="flex gap-1"><dt>{t('table.disbursed')}</dt><dd className="font-medium tabular-nums text-slate-800">{money(r.disbursed)}</dd></div>
                        <div className="flex gap-1"><dt>{t('table.share')}</dt><dd className="font-medium tabular-nums text-slate-800">{pct(r.sharePct, 1)}</dd></div>
                        <div className="flex gap-1" data-beneficiaries><dt>{t('table.beneficiaries')}</dt><dd className="font-medium tabular-nums text-slate-800">{formatNumber(r.beneficiaries, { locale: lang })}</dd></div>
                      </dl>
                    </li>
                  ))}
                </ul>
                <div className="hidden sm:block">
                  <Table caption={title}>
                    <thead>
                      <tr><Th>{by === 'kbli' ? t('table.section') : t('table.group')}</Th><Th align="right">{t('table.disbursed')}</Th><Th align="right">{t('table.share')}</Th><Th align="right">{t('table.beneficiaries')}</Th></tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {rows.map((r) => (
                        <tr key={r.key} data-key={r.key}>
                          <Td className="min-w-32">{breakdownLabel(by, r)}</Td>
                          <Td align="right">{money(r.disbursed)}</Td>
                          <Td align="right">{pct(r.sharePct, 1)}</Td>
                          <Td align="right">{formatNumber(r.beneficiaries, { locale: lang })}</Td>
                        </tr>
                      ))}
                    </tbody>
                  </Table>
                </div>
                {by === 'scale' && <p className="mt-2 text-xs text-slate-500">{t('credit.scaleNote')}</p>}
              </>
            )}
          </ChartCard>
        ))}
      </div>
    </>
  )
}
