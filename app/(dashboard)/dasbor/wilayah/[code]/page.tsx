import type { Metadata } from 'next'
import { NoProgramState } from '@/components/dashboard/no-program'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { RealisationChart } from '@/components/credit/realisation-chart'
import { ChartCard } from '@/components/dashboard/chart-card'
import { DashboardFilters } from '@/components/dashboard/dashboard-filters'
import { DashboardNav } from '@/components/dashboard/dashboard-nav'
import { ChangeValue, FigureCard } from '@/components/dashboard/figure-card'
import { PrintButton } from '@/components/dashboard/print-button'
import { StatusBadge, TimelinessBadge } from '@/components/reporting/status-badge'
import { PageHeader } from '@/components/ui/page-header'
import { getDashboardRegency, getRegencyFigures, listDashboardPrograms, resolveDashboardFilter } from '@/lib/data/dashboard'
import { RegencyActions } from '@/components/meetings/regency-actions'
import { orRefused } from '@/lib/dashboard/guard'
import { yearElapsed } from '@/lib/dashboard/period'
import { dashboardQuery, regencyParam } from '@/lib/dashboard/query'
import { paceStatus } from '@/lib/dashboard/status'
import { getStatusThresholds } from '@/lib/data/settings'
import { formatDate, formatNumber, formatPercent, formatRupiah, formatRupiahShort } from '@/lib/format'
import { can } from '@/lib/permissions'
import { quarterLabel } from '@/lib/reporting/periods'
import { requirePermission } from '@/lib/session'
import { flatParams, type SearchParams } from '@/lib/url'
import { dashboardFilterSchema } from '@/lib/validations/dashboard'
import { serverText } from '@/lib/i18n/server-text'
import { readDb } from '@/lib/db'
import { isRegencyCode } from '@/lib/parse'

export async function generateMetadata({ params }: { params: Promise<{ code: string }> }): Promise<Metadata> {
  const { code } = await params
  // the tab and the bookmark name the regency, as the heading does (the Kemendagri names are public reference
  // data; whether the user may open the page is decided by the page itself)
  const regency = isRegencyCode(code) ? await readDb.regency.findUnique({ where: { code }, select: { name: true } }) : null
  return { title: `${(await getTranslations('dashboard.tabs'))('label')} ${regency?.name ?? code}` }
}

/**
 * One regency: its credit figures against its allocation, its quarterly report status, and its
 * cooperatives and MSMEs in numbers. A district officer opening another regency gets the 403 page,
 * decided here on the server (getDashboardRegency refuses it).
 */
export default async function RegencyDashboardPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('dashboard.read')
  const { code } = await params
  if (!isRegencyCode(code)) notFound()
  const regency = await orRefused(getDashboardRegency({ user, code }))
  if (!regency) notFound()
  const raw = flatParams(await searchParams)
  const query = dashboardFilterSchema.parse(raw)
  const [t, tc, locale] = await Promise.all([getTranslations('dashboard'), getTranslations('credit'), getLocale()])
  const lang = locale === 'en' ? 'en' : 'id'
  const { program, filter, asOfAdjusted } = await orRefused(resolveDashboardFilter({ user, params: { ...query, regency: code } }))
  if (!program || !filter) return (<><PageHeader title={regency.name} /><NoProgramState user={user} /></>)
  const reportYear = Number(filter.asOf.slice(0, 4))
  // the figures through the snapshot-keyed figure cache (lib/figure-cache.ts)
  const [{ summary, series, lastYear, registers, completeness }, programs] = await orRefused(Promise.all([
    getRegencyFigures({ user, filter: { ...filter, regencyCode: code } }),
    listDashboardPrograms({ user }),
  ]))
  const reports = completeness?.regencies.find((r) => r.code === code) ?? null
  const elapsed = yearElapsed(program.year, filter.asOf)
  const money = (v: number) => formatRupiahShort(v, { locale: lang })
  const pct1 = (v: number | null) => formatPercent(v, { decimals: 1, locale: lang })
  const pct2 = (v: number | null) => formatPercent(v, { locale: lang })
  const count = (v: number) => formatNumber(v, { locale: lang })
  const lastYearDate = lastYear ? formatDate(lastYear.asOf, { locale: lang }) : null
  const realisationStatus = paceStatus({ actual: summary.disbursed, target: summary.creditTarget, elapsed }, await getStatusThresholds())
  const qs = dashboardQuery({ program: program.code, regency: code, asOf: filter.asOf })
  // back to the ranking's page, the province's (said as `regency=all` to a district officer, whose default is its regency)
  const backQs = dashboardQuery({ program: program.code, regency: regencyParam(user, undefined), asOf: filter.asOf })

  return (
    <>
      <PageHeader title={regency.name} description={t(reports || registers ? 'regency.intro' : 'regency.introCredit')} actions={<PrintButton label={t('print')} />} />
      {/* the tabs keep this regency, as they keep the regency chosen on the other tabs */}
      <DashboardNav user={user} current="credit" query={qs} />
      <DashboardFilters action={`/dasbor/wilayah/${code}`} programs={programs} programCode={program.code} regencies={[]} asOf={filter.asOf} askedAsOf={raw.asOf} asOfAdjusted={asOfAdjusted} showRegency={false} />
      <p className="mb-4 text-sm text-slate-700" data-testid="as-of">
        <Link href={`/dasbor/kredit?${backQs}`} className="no-print font-medium text-brand-700 underline">← {t('regency.back')}</Link>
        {' · '}<strong>{program.name}</strong> · {regency.name} · {t('asOf', { date: formatDate(filter.asOf, { locale: lang }) })}
      </p>

      <section className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4" aria-label={t('regency.allocation')}>
        <FigureCard
          testId="card-realisation" label={t('regency.allocation')} value={pct1(summary.realisationPct)} exact={t('card.exact', { value: pct2(summary.realisationPct) })}
          detail={t('card.realisationDetail', { amount: formatRupiah(summary.disbursed, { locale: lang }), target: money(summary.creditTarget) })}
          change={lastYear && summary.realisationPct !== null && lastYear.realisationPct !== null
            ? <><ChangeValue delta={summary.realisationPct - lastYear.realisationPct} text={t('card.points', { value: formatNumber(Math.abs(summary.realisationPct - lastYear.realisationPct), { decimals: 2, locale: lang }) })} /> {t('card.versus', { date: lastYearDate! })}</>
            : t('card.noChange')}
          status={realisationStatus} statusLabel={realisationStatus ? t(`status.${realisationStatus}`) : undefined}
        />
        <FigureCard
          testId="card-beneficiaries" label={t('card.beneficiaries')} value={count(summary.beneficiaries)} detail={tc('loans', { count: count(summary.loans), n: summary.loans })}
          change={lastYear ? <><ChangeValue delta={summary.beneficiaries - lastYear.beneficiaries} text={count(Math.abs(summary.beneficiaries - lastYear.beneficiaries))} /> {t('card.versus', { date: lastYearDate! })}</> : t('card.noChange')}
        />
        <FigureCard
          testId="card-subsidy" label={t('regency.subsidyShare')} value={pct1(summary.absorptionPct)} exact={t('card.exact', { value: pct2(summary.absorptionPct) })}
          detail={t('regency.ceilingShareDetail', { paid: formatRupiah(summary.subsidyPaid, { locale: lang }), share: money(summary.subsidyCeiling), province: money(summary.provinceCeiling) })}
        />
        <FigureCard testId="card-projection" label={tc('projection')} value={pct1(summary.projection.pct)} exact={summary.projection.pct === null ? undefined : t('card.exact', { value: pct2(summary.projection.pct) })} detail={t('credit.projectionDetail', { value: money(summary.projection.value), target: money(summary.creditTarget) })} note={serverText(summary.projection.method, lang)} />
      </section>

      <div className="mt-6 grid gap-6 xl:grid-cols-2">
        <ChartCard title={t('credit.monthlyTitle')} exportHref={`/api/dasbor/ekspor/bulanan?${qs}`} exportLabel={t('export')}>
          <RealisationChart data={series} locale={lang} labels={{ monthly: tc('monthly'), cumulative: tc('cumulative'), pace: tc('pace') }} />
        </ChartCard>
        <div className="space-y-6">
          {can(user.role, 'meetings.read') && <RegencyActions user={user} regencyCode={code} asOf={filter.asOf} />}
          {reports && (
            <section className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-4" data-testid="report-status">
              <h2 className="mb-3 text-base font-semibold">{t('regency.reportStatus', { year: reportYear })}</h2>
              <ul className="grid gap-2 sm:grid-cols-2">
                {reports.quarters.map((q) => (
                  <li key={q.quarter} className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-100 px-3 py-2 text-sm" data-quarter={q.quarter}>
                    <span className="font-medium">{quarterLabel(q.quarter, lang)}</span>
                    {/* each badge on one line (two-line pills in Triwulan IV on a desktop): the second moves under the first instead */}
                    <span className="flex flex-wrap gap-1 *:whitespace-nowrap"><StatusBadge status={q.status} reopened={q.reopened} /><TimelinessBadge timeliness={q.timeliness} /></span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {registers && (
            <section className="break-inside-avoid rounded-lg border border-slate-200 bg-white p-4" data-testid="registers">
              <h2 className="mb-3 text-base font-semibold">{t('regency.registers')}</h2>
              {registers.cooperatives.registered === 0 && <p className="mb-2 text-sm text-slate-600">{t('card.emptyRegister')}.</p>}
              <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3">
                {([
                  ['registered', count(registers.cooperatives.registered)],
                  ['active', `${count(registers.cooperatives.active)} (${pct2(registers.cooperatives.activePct)})`],
                  ['ksp', count(registers.cooperatives.ksp)],
                  // "8 (target 10)": a bare "8 / 10" read as eight of ten KSP
                  ['healthyKsp', `${count(registers.cooperatives.healthyKsp)}${registers.cooperatives.healthyKspTarget !== null ? ` (${t('card.target', { target: count(registers.cooperatives.healthyKspTarget) })})` : ''}`],
                  ['msmes', count(registers.msmes.total)],
                ] as const).map(([key, value]) => (
                  <div key={key} data-figure={key}>
                    <dt className="text-xs text-slate-500">{t(`regency.${key}`)}</dt>
                    <dd className="font-semibold tabular-nums">{value}</dd>
                  </div>
                ))}
                <div className="col-span-2 sm:col-span-3" data-figure="scales">
                  <dt className="text-xs text-slate-500">{t('credit.byScale')}</dt>
                  <dd className="tabular-nums">{(['mikro', 'kecil', 'menengah', 'besar'] as const).map((s) => `${t(`scale.${s.toUpperCase() as 'MIKRO'}`)} ${count(registers.msmes[s])}`).join(' · ')}</dd>
                </div>
              </dl>
              {/* the register's figures, beside the reports' above: which source each is, and the other linked (as on Beranda) */}
              <p className="mt-3 text-xs text-slate-500" data-source>
                {t.rich('regency.sourceRegisters', {
                  date: formatDate(filter.asOf, { locale: lang }),
                  reports: (chunks) => <Link href={`/dasbor/indikator?${new URLSearchParams({ indicator: 'KOP_AKTIF_PCT', year: String(reportYear), regency: code })}`} className="underline">{chunks}</Link>,
                })}
              </p>
            </section>
          )}
        </div>
      </div>
    </>
  )
}
