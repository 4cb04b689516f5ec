import type { Metadata } from 'next'
import { NoProgramState } from '@/components/dashboard/no-program'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { AbsorptionChart } from '@/components/credit/absorption-chart'
import { RealisationChart } from '@/components/credit/realisation-chart'
import { ChartCard } from '@/components/dashboard/chart-card'
import { DashboardFilters } from '@/components/dashboard/dashboard-filters'
import { DashboardNav } from '@/components/dashboard/dashboard-nav'
import { ExportLink } from '@/components/dashboard/export-link'
import { ChangeValue, FigureCard } from '@/components/dashboard/figure-card'
import { PrintButton } from '@/components/dashboard/print-button'
import { PageHeader } from '@/components/ui/page-header'
import { getCachedCreditSummary, getOverview, listDashboardRegencies, resolveDashboardFilter } from '@/lib/data/dashboard'
import { OverdueActionsCard } from '@/components/meetings/overdue-card'
import { NearestTargetsCard } from '@/components/activities/nearest-targets-card'
import { ReportTasksCard } from '@/components/dashboard/report-tasks-card'
import { can } from '@/lib/permissions'
import { overviewCards, type OverviewCard } from '@/lib/dashboard/overview'
import { dashboardQuery, regencyParam } from '@/lib/dashboard/query'
import { getStatusThresholds } from '@/lib/data/settings'
import { formatDate, formatNumber, formatPercent, formatRupiah, formatRupiahShort } from '@/lib/format'
import { quarterLabel } from '@/lib/reporting/periods'
import { orRefused } from '@/lib/dashboard/guard'
import { requirePermission } from '@/lib/session'
import { flatParams, type SearchParams } from '@/lib/url'
import { dashboardFilterSchema, dashboardParams } from '@/lib/validations/dashboard'
import { serverText } from '@/lib/i18n/server-text'
import { jakartaToday } from '@/lib/dates'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard'))('title') }
}

/** Beranda: what leadership opens every morning: headline figures against target, with status and last year's. */
export default async function HomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('dashboard.read')
  const given = await searchParams
  // a district officer opens on its own regency, as on every dashboard tab; "Seluruh provinsi" is `regency=all` (resolveDashboardFilter)
  const params = dashboardFilterSchema.parse(dashboardParams(given))
  const [t, tc, locale] = await Promise.all([getTranslations('dashboard'), getTranslations('credit'), getLocale()])
  const lang = locale === 'en' ? 'en' : 'id'
  const { programs, program, filter, asOfAdjusted } = await orRefused(resolveDashboardFilter({ user, params }))
  // whose summary this is: a district officer's regency, a bank officer's bank, else the leadership's province
  const intro = user.role === 'DISTRICT_OFFICER' ? t('introRegency') : user.role === 'BANK_OFFICER' ? t('introBank') : t('intro')
  if (!program || !filter) {
    // without a programme the credit figures have nothing to read, but what a user owes does not depend on one:
    // a district officer's reports, the meetings' follow-ups, the running activity targets
    const own = user.role === 'DISTRICT_OFFICER' && user.regencyCode ? (await listDashboardRegencies({ user })).find((r) => r.code === user.regencyCode) : undefined
    return (
      <>
        <PageHeader title={t('title')} description={intro} />
        <NoProgramState user={user} />
        {can(user.role, 'meetings.read') && (
          <section className="mt-4 grid gap-4 sm:grid-cols-2 xl:grid-cols-4" aria-label={t('title')}>
            <OverdueActionsCard user={user} asOf={jakartaToday()} regencyCode={user.role === 'DISTRICT_OFFICER' ? (user.regencyCode ?? undefined) : undefined} />
          </section>
        )}
        {own && <ReportTasksCard user={user} regencyName={own.name} />}
        {can(user.role, 'programmeTargets.read') && <NearestTargetsCard user={user} />}
      </>
    )
  }
  const [overview, regencies, thresholds, province] = await Promise.all([
    getOverview({ user, filter }),
    listDashboardRegencies({ user }),
    getStatusThresholds(),
    // with a regency chosen, the province's realisation and absorption beside it for comparison
    filter.regencyCode ? getCachedCreditSummary({ user, filter: { ...filter, regencyCode: undefined } }) : null,
  ])
  const { summary, lastYear } = overview
  const cards = overviewCards(overview, program.year, thresholds)
  const card = (key: OverviewCard['key']) => cards.find((c) => c.key === key)
  // the province as `regency=all` for an officer: the tabs, the credit link and the export keep the view on screen
  const regencyQuery = regencyParam(user, filter.regencyCode)
  const query = dashboardQuery({ program: program.code, regency: regencyQuery, asOf: filter.asOf })
  const pct1 = (v: number | null) => formatPercent(v, { decimals: 1, locale: lang })
  const notStarted = filter.asOf < `${program.year}-01-01`
  const pct2 = (v: number | null) => formatPercent(v, { locale: lang })
  const count = (v: number | null) => (v === null ? '–' : formatNumber(v, { locale: lang }))
  const money = (v: number) => formatRupiahShort(v, { locale: lang })
  const lastYearDate = lastYear ? formatDate(lastYear.asOf, { locale: lang }) : null
  const statusLabel = (c?: OverviewCard) => (c?.status ? t(`status.${c.status}`) : undefined)
  /** "▲ 3,20 poin dibanding 31 Agustus 2023", or why there is no comparison */
  const change = (c: OverviewCard | undefined, date: string | null) => {
    // a year that has no figure is "no data", never a change from zero
    if (c && c.change === null && c.lastYear === null && date) return <span data-no-data>{t('card.noDataThen', { date })}</span>
    if (!c || c.change === null || !date) return <span>{t('card.noChange')}</span>
    const text = c.unit === 'PERCENT' ? t('card.points', { value: formatNumber(Math.abs(c.change), { decimals: 2, locale: lang }) }) : formatNumber(Math.abs(c.change), { locale: lang })
    return <><ChangeValue delta={c.change} text={text} /> {t('card.versus', { date })}</>
  }

  const realisation = card('realisation')!
  const absorption = card('absorption')!
  const beneficiaries = card('beneficiaries')!
  const activeCoops = card('activeCoops')
  const healthyKsp = card('healthyKsp')
  const completeness = card('completeness')
  const reporting = overview.reporting
  const coops = overview.registers?.cooperatives
  // the register's figure and the one the districts report answer the same question from two sources: say which, and link the other
  const reportsLink = (indicator: string) => function ReportsLink(chunks: React.ReactNode) {
    const q = new URLSearchParams({ indicator, year: filter.asOf.slice(0, 4), ...(regencyQuery ? { regency: regencyQuery } : {}) })
    return <Link href={`/dasbor/indikator?${q}`} className="underline">{chunks}</Link>
  }
  // the card counts every regency of the province: with one regency on the page (a filter, or a district officer's own) it says so
  const completenessLabel = reporting
    ? t(filter.regencyCode || user.role === 'DISTRICT_OFFICER' ? 'card.completenessProvince' : 'card.completeness', { quarter: `${quarterLabel(reporting.quarter, lang)} ${reporting.year}` })
    : ''
  const registerTarget = (v: number | null, unit: 'PERCENT' | 'COUNT') => (v === null ? t('card.noTarget') : t('card.target', { target: unit === 'PERCENT' ? pct2(v) : count(v) }))

  return (
    <>
      <PageHeader
        title={t('title')}
        description={intro}
        actions={<><ExportLink href={`/api/dasbor/ekspor/ringkasan?${query}`} label={t('export')} size="md" /><PrintButton label={t('print')} /></>}
      />
      <DashboardNav user={user} current="overview" query={query} />
      <DashboardFilters action="/" programs={programs} programCode={program.code} regencies={regencies} regency={filter.regencyCode} provinceValue={regencyParam(user, undefined)} asOf={filter.asOf} askedAsOf={flatParams(given).asOf} asOfAdjusted={asOfAdjusted} />
      <p className="mb-4 text-sm text-slate-700" data-testid="as-of">
        <strong>{program.name}</strong>
        {/* the scope on screen, the province too: a district officer's tabs open on its regency unless told otherwise */}
        {' · '}<span data-testid="scope">{filter.regencyCode ? regencies.find((r) => r.code === filter.regencyCode)?.name : t('filters.allRegencies')}</span>
        {' · '}{t('asOf', { date: formatDate(filter.asOf, { locale: lang }) })}
        {' · '}{lastYear ? t('comparedWith', { program: lastYear.program.name, date: lastYearDate! }) : t('noComparison')}
      </p>

      {/* a programme set up ahead of its year (in December for the next): nothing to read yet, said as such rather than
          "Rp0 dari target Rp0" and a year-end projection of 0,0% for a year not begun */}
      {notStarted && <p role="note" className="mb-4 rounded-md border border-sky-200 bg-sky-50 p-3 text-sm text-sky-900" data-testid="programme-not-started">{t('filters.programmeNotStarted', { program: program.name, year: program.year, date: formatDate(filter.asOf, { locale: lang }) })}</p>}
      {/* a district officer's own to-do first: below the seven figure cards it sat a phone's three screens down */}
      {user.role === 'DISTRICT_OFFICER' && user.regencyCode && <ReportTasksCard user={user} regencyName={regencies.find((r) => r.code === user.regencyCode)?.name ?? user.regencyCode} className="mb-6" />}
      <section className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4" aria-label={t('title')}>
        <FigureCard
          testId="card-realisation" label={t('card.realisation')} value={pct1(realisation.value)} exact={t('card.exact', { value: pct2(realisation.value) })}
          detail={<>{t('card.realisationDetail', { amount: formatRupiah(summary.disbursed, { locale: lang }), target: money(summary.creditTarget) })}{province && <span className="block" data-province>{t('card.province', { value: pct1(province.realisationPct) })}</span>}</>}
          change={change(realisation, lastYearDate)} status={realisation.status} statusLabel={statusLabel(realisation)}
        />
        <FigureCard
          testId="card-absorption" label={t('card.absorption')} value={pct1(absorption.value)} exact={t('card.exact', { value: pct2(absorption.value) })}
          detail={<>{t('card.absorptionDetail', { paid: formatRupiah(summary.subsidyPaid, { locale: lang }), ceiling: money(summary.subsidyCeiling) })}{province && <span className="block" data-province>{t('card.province', { value: pct1(province.absorptionPct) })}</span>}</>}
          change={change(absorption, lastYearDate)} status={absorption.status} statusLabel={statusLabel(absorption)}
        />
        <FigureCard
          testId="card-beneficiaries" label={t('card.beneficiaries')} value={count(beneficiaries.value)}
          detail={beneficiaries.target ? t('card.beneficiariesDetail', { target: count(beneficiaries.target) }) : undefined}
          change={change(beneficiaries, lastYearDate)} status={beneficiaries.status} statusLabel={statusLabel(beneficiaries)}
        />
        <FigureCard
          testId="card-projection" label={tc('projection')} value={pct1(summary.projection.pct)} exact={notStarted ? undefined : t('card.exact', { value: pct2(summary.projection.pct) })}
          detail={notStarted ? undefined : t('credit.projectionDetail', { value: money(summary.projection.value), target: money(summary.creditTarget) })}
          note={serverText(summary.projection.method, lang)}
        />
        {activeCoops && coops && (
          activeCoops.available ? (
            <FigureCard
              testId="card-active-coops" label={t('card.activeCoops')} value={pct1(activeCoops.value)} exact={t('card.exact', { value: pct2(activeCoops.value) })}
              detail={<>{t('card.activeCoopsDetail', { active: count(coops.active), registered: count(coops.registered) })} · {registerTarget(activeCoops.target, 'PERCENT')}</>}
              change={t('card.noHistory')} status={activeCoops.status} statusLabel={statusLabel(activeCoops)}
              note={<span data-source>{t.rich('card.sourceRegister', { date: formatDate(filter.asOf, { locale: lang }), reports: reportsLink('KOP_AKTIF_PCT') })}</span>}
            />
          ) : (
            <FigureCard testId="card-active-coops" label={t('card.activeCoops')} unavailable={t('card.emptyRegister')} detail={registerTarget(activeCoops.target, 'PERCENT')} note={t('card.emptyRegisterNote')} />
          )
        )}
        {healthyKsp && coops && (
          healthyKsp.available ? (
            <FigureCard
              testId="card-healthy-ksp" label={t('card.healthyKsp')} value={count(healthyKsp.value)}
              detail={<>{t('card.healthyKspDetail', { healthy: count(coops.healthyKsp), ksp: count(coops.ksp) })} · {registerTarget(healthyKsp.target, 'COUNT')}</>}
              change={change(healthyKsp, formatDate(overview.registers!.lastYear, { locale: lang }))} status={healthyKsp.status} statusLabel={statusLabel(healthyKsp)}
              note={<span data-source>{t.rich('card.sourceHealth', { date: formatDate(filter.asOf, { locale: lang }), reports: reportsLink('KSP_SEHAT') })}</span>}
            />
          ) : (
            <FigureCard testId="card-healthy-ksp" label={t('card.healthyKsp')} unavailable={t('card.emptyRegister')} detail={registerTarget(healthyKsp.target, 'COUNT')} note={t('card.emptyRegisterNote')} />
          )
        )}
        {completeness && reporting && !completeness.available && (
          <FigureCard testId="card-completeness" label={completenessLabel} unavailable={completeness.notRequired ? t('card.notRequiredReports') : t('card.noReports')} />
        )}
        {completeness && reporting && completeness.available && (
          <FigureCard
            testId="card-completeness" label={completenessLabel}
            value={pct1(completeness.value)} exact={t('card.exact', { value: pct2(completeness.value) })}
            detail={reporting.current ? t('card.completenessDetail', { submitted: count(reporting.current.submitted), regencies: count(reporting.current.regencies), onTime: count(reporting.current.onTime), deadline: formatDate(reporting.current.deadline, { locale: lang }) }) : undefined}
            change={change(completeness, `${quarterLabel(reporting.quarter, lang)} ${reporting.year - 1}`)}
            status={completeness.status} statusLabel={statusLabel(completeness)}
            note={<>
              {reporting.current && !reporting.current.pastDeadline && <span className="block">{t('card.pending')}</span>}
              {/* which regencies the rate leaves out: the completeness page lists them, quarter by quarter */}
              {can(user.role, 'reports.read') && <Link href={`/laporan-triwulan/kelengkapan?tahun=${reporting.year}`} className="no-print underline" data-completeness-link>{t(user.role === 'DISTRICT_OFFICER' ? 'card.completenessLinkOwn' : 'card.completenessLink')}</Link>}
            </>}
          />
        )}
        <OverdueActionsCard user={user} asOf={filter.asOf} regencyCode={filter.regencyCode} />
      </section>
      <p className="mt-3 text-xs text-slate-500">{t('status.legend', { onTrack: thresholds.onTrack, watch: thresholds.watch })}</p>
      {can(user.role, 'programmeTargets.read') && <NearestTargetsCard user={user} asOf={filter.asOf} regencyCode={filter.regencyCode} />}

      {/* the credit dashboard's cards (ChartCard): their data tables stay inside them on a phone, and their .xlsx holds
          the exact amounts the tables round */}
      <div className="mt-6 grid gap-6 xl:grid-cols-2">
        <ChartCard title={t('credit.monthlyTitle')} exportHref={`/api/dasbor/ekspor/bulanan?${query}`} exportLabel={t('export')} testId="chart-realisation"
          action={<Link href={`/dasbor/kredit?${query}`} className="no-print whitespace-nowrap text-sm font-medium text-brand-700 underline">{t('credit.title')} →</Link>}>
          <RealisationChart data={overview.series} locale={lang} labels={{ monthly: tc('monthly'), cumulative: tc('cumulative'), pace: tc('pace') }} />
        </ChartCard>
        <ChartCard title={t('credit.absorptionTitle')} exportHref={`/api/dasbor/ekspor/bulanan?${query}`} exportLabel={t('export')} testId="chart-absorption">
          <AbsorptionChart data={overview.series} locale={lang} labels={{ due: tc('due'), paid: tc('paid'), cumulative: tc('paidCumulative'), ceiling: tc('ceiling') }} />
        </ChartCard>
      </div>
    </>
  )
}
