import type { Metadata } from 'next'
import { DateInput } from '@/components/ui/date-input'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { z } from 'zod'
import { AbsorptionChart } from '@/components/credit/absorption-chart'
import { ChartCard } from '@/components/dashboard/chart-card'
import { CreditNav } from '@/components/credit/credit-nav'
import { ProgramAdmin } from '@/components/credit/program-admin'
import { RealisationChart } from '@/components/credit/realisation-chart'
import { buttonClass, LinkButton } from '@/components/ui/button'
import { inputClass } from '@/components/ui/input-class'
import { PageHeader } from '@/components/ui/page-header'
import { StatCard } from '@/components/ui/stat-card'
import { Table, Td, Th } from '@/components/ui/table'
import { readDb } from '@/lib/db'
import { getProgramSettings } from '@/lib/data/credit-programs'
import { rateChangesOf } from '@/lib/credit/rate-change'
import { getProgrammeFigures } from '@/lib/data/dashboard'
import { env } from '@/lib/env'
import { formatDate, formatNumber, formatPercent, formatRate, formatRupiah, formatRupiahShort } from '@/lib/format'
import { isIsoDate, REGENCY_CODE } from '@/lib/parse'
import { can } from '@/lib/permissions'
import { orRefused } from '@/lib/dashboard/guard'
import { dashboardQuery, regencyParam } from '@/lib/dashboard/query'
import { requirePermission } from '@/lib/session'
import { flatParams, type SearchParams } from '@/lib/url'
import { serverText } from '@/lib/i18n/server-text'
import { FilterForm } from '@/components/ui/filter-form'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('credit'))('title') }
}

const filterSchema = z.object({
  regency: z.string().regex(REGENCY_CODE).optional().catch(undefined),
  bank: z.string().max(40).optional().catch(undefined),
  asOf: z.string().refine(isIsoDate).optional().catch(undefined),
})

export default async function ProgramPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('credit.read')
  const { id } = await params
  const sp = flatParams(await searchParams)
  const f = filterSchema.parse(sp)
  const filter = { programId: id, regencyCode: f.regency, bankId: f.bank, asOf: f.asOf }
  const [t, tr, td, locale] = await Promise.all([getTranslations('credit'), getTranslations('registers'), getTranslations('dashboard'), getLocale()])
  const lang = locale === 'en' ? 'en' : 'id'
  // the same figure functions as the dashboards (one definition of each figure); the province row of
  // the ranking is the programme's own summary, as on /dasbor/kredit
  // (through the snapshot-keyed figure cache, lib/figure-cache.ts)
  const { summary, series, ranking, province } = await orRefused(getProgrammeFigures({ user, filter }))
  // the programme's configuration, read only once the scope allowed its figures (a bank officer: its own bank's rates only)
  const program = await orRefused(getProgramSettings(user, id))
  const regencies = await readDb.regency.findMany({ where: { provinceCode: env().AGENCY_PROVINCE_CODE }, select: { code: true, name: true }, orderBy: { code: 'asc' } })
  const money = (v: number) => formatRupiahShort(v, { locale: lang })
  // this page's province is `regency=all` to the export, whose default for a district officer is its regency
  const monthlyExport = `/api/dasbor/ekspor/bulanan?${dashboardQuery({ program: summary.program.code, regency: regencyParam(user, f.regency), bank: user.role === 'BANK_OFFICER' ? undefined : f.bank, asOf: summary.asOf })}`
  return (
    <>
      <PageHeader
        title={summary.program.name}
        description={t('asOf', { date: formatDate(summary.asOf, { locale: lang }) })}
        actions={can(user.role, 'credit.configure') ? <LinkButton variant="secondary" href={`/kredit/${program.id}/ubah`}>{t('edit')}</LinkButton> : undefined}
      />
      <CreditNav user={user} current="programs" />
      <FilterForm className="mb-5 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('regency')}</span>
          <select name="regency" defaultValue={f.regency ?? ''} className={inputClass()}>
            <option value="">{t('allRegencies')}</option>
            {regencies.filter((r) => user.role !== 'DISTRICT_OFFICER' || r.code === user.regencyCode).map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
          </select>
        </label>
        {user.role !== 'BANK_OFFICER' && (
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">{t('bank')}</span>
            <select name="bank" defaultValue={f.bank ?? ''} className={inputClass()}>
              <option value="">{t('allBanks')}</option>
              {program.banks.map((b) => <option key={b.bank.id} value={b.bank.id}>{b.bank.shortName}</option>)}
            </select>
          </label>
        )}
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('asOfLabel')}</span>
          <DateInput name="asOf" defaultValue={summary.asOf} />
        </label>
        <div className="flex items-end"><button type="submit" className={buttonClass('primary')}>{t('apply')}</button></div>
      </FilterForm>

      <section className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4" aria-label={t('realisation')}>
        <StatCard testId="realisation" label={t('realisation')} value={formatPercent(summary.realisationPct, { locale: lang })} detail={<>{formatRupiah(summary.disbursed, { locale: lang })} {t('ofTarget', { target: money(summary.creditTarget) })}</>} />
        <StatCard testId="beneficiaries" label={t('beneficiaries')} value={formatNumber(summary.beneficiaries, { locale: lang })} detail={<>{t('loans', { count: formatNumber(summary.loans, { locale: lang }), n: summary.loans })}{summary.beneficiaryTarget ? ` · ${t('beneficiaryTarget', { target: formatNumber(summary.beneficiaryTarget, { locale: lang }) })}` : ''}</>} />
        <StatCard testId="absorption" label={t('absorption')} value={formatPercent(summary.absorptionPct, { locale: lang })} detail={t('ofCeiling', { paid: money(summary.subsidyPaid), ceiling: money(summary.subsidyCeiling) })} />
        <StatCard testId="projection" label={t('projection')} value={formatPercent(summary.projection.pct, { locale: lang })} detail={<>{money(summary.projection.value)} · <span title={serverText(summary.projection.method, lang)}>{serverText(summary.projection.method, lang)}</span></>} />
      </section>
      <dl className="mt-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-3 lg:grid-cols-6">
        {([
          ['averagePlafond', summary.averagePlafond],
          ['subsidyDue', summary.subsidyDue],
          ['subsidyClaimed', summary.subsidyClaimed],
          ['subsidyApproved', summary.subsidyApproved],
          ['subsidyPaid', summary.subsidyPaid],
          ['committed', summary.committedLaterYears],
        ] as const).map(([key, value]) => (
          <div key={key} data-testid={`figure-${key}`}>
            <dt className="text-xs text-slate-500">{t(key)}</dt>
            <dd className="font-semibold tabular-nums">{formatRupiah(value, { locale: lang })}</dd>
          </div>
        ))}
      </dl>

      {/* the dashboards' chart cards: a data table opened on a phone stays inside its card, and the card's .xlsx (the
          dashboards' export of the same scope) holds the exact amounts its table rounds */}
      <div className="mt-6 grid gap-6 xl:grid-cols-2">
        <ChartCard title={t('monthlyTitle')} exportHref={monthlyExport} exportLabel={td('export')}>
          <RealisationChart data={series} locale={lang} labels={{ monthly: t('monthly'), cumulative: t('cumulative'), pace: t('pace') }} />
        </ChartCard>
        <ChartCard title={t('absorptionTitle')} exportHref={monthlyExport} exportLabel={td('export')}>
          <AbsorptionChart data={series} locale={lang} labels={{ due: t('due'), paid: t('paid'), cumulative: t('paidCumulative'), ceiling: t('ceiling') }} />
        </ChartCard>
      </div>

      <section className="mt-6">
        <h2 className="mb-2 text-base font-semibold">{t('rankingTitle')}</h2>
        <Table caption={t('rankingTitle')}>
          <thead>
            <tr><Th>#</Th><Th>{t('regency')}</Th><Th align="right">{t('target')}</Th><Th align="right">{t('disbursed')}</Th><Th align="right">{t('pct')}</Th><Th align="right">{t('beneficiaries')}</Th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {ranking.map((r, i) => (
              <tr key={r.regencyCode} className={r.regencyCode === user.regencyCode ? 'bg-brand-50 font-medium' : undefined} data-regency={r.regencyCode}>
                <Td>{i + 1}</Td>
                <Td><Link className="hover:underline" href={`?regency=${r.regencyCode}${f.asOf ? `&asOf=${f.asOf}` : ''}`}>{r.name}</Link></Td>
                <Td align="right">{money(r.target)}</Td>
                <Td align="right">{money(r.disbursed)}</Td>
                <Td align="right">{formatPercent(r.realisationPct, { locale: lang })}</Td>
                <Td align="right">{formatNumber(r.beneficiaries, { locale: lang })}</Td>
              </tr>
            ))}
            <tr className="bg-slate-50 font-semibold">
              <Td /><Td>{t('province')}</Td>
              <Td align="right">{money(province.creditTarget)}</Td>
              <Td align="right">{money(province.disbursed)}</Td>
              <Td align="right">{formatPercent(province.realisationPct, { locale: lang })}</Td>
              <Td align="right">{formatNumber(province.beneficiaries, { locale: lang })}</Td>
            </tr>
          </tbody>
        </Table>
      </section>

      <section className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-3 text-base font-semibold">{t('rules')}</h2>
        <dl className="grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
          <div><dt className="text-slate-500">{t('borrowerRate')}</dt><dd>{formatRate(program.borrowerRate, { locale: lang })}</dd></div>
          <div><dt className="text-slate-500">{t('maxPlafond')}</dt><dd>{formatRupiah(Number(program.maxPlafond), { locale: lang })}</dd></div>
          <div><dt className="text-slate-500">{t('maxTenor')}</dt><dd>{t('months', { count: program.maxTenorMonths })}</dd></div>
          <div><dt className="text-slate-500">{t('eligibleScales')}</dt><dd>{program.eligibleScales.map((s) => tr(`scale.${s}`).toLowerCase()).join(', ')}</dd></div>
          <div className="sm:col-span-2 lg:col-span-4" data-testid="program-basis"><dt className="text-slate-500">{t('basis')}</dt><dd>{t(`basis_${program.amortisationBasis}`)}</dd></div>
          <div className="sm:col-span-2 lg:col-span-4">
            <dt className="text-slate-500">{t('bankRates')}</dt>
            <dd>{program.rates.map((r) => `${r.bank.shortName}: ${formatRate(r.rate, { locale: lang })} (${formatDate(r.effectiveFrom, { locale: lang })})`).join(' · ')}</dd>
          </div>
        </dl>
      </section>

      {can(user.role, 'credit.configure') && (
        <ProgramAdmin
          programId={program.id}
          version={program.version}
          basis={program.amortisationBasis}
          hasLoans={program._count.disbursements > 0}
          banks={program.banks.map((b) => ({ id: b.bank.id, name: b.bank.shortName }))}
          // the allocations as stored at the version above (not the figures' cached ranking): the form saves against both
          allocations={regencies.map((r) => ({ regencyCode: r.code, name: r.name, target: Number(program.allocations.find((a) => a.regencyCode === r.code)?.creditTarget ?? 0) }))}
          programTarget={Number(program.creditTarget)}
          rateChanges={(await rateChangesOf(program.id)).map((c) => ({ ...c, error: c.error && serverText(c.error, lang) }))}
          locale={lang}
        />
      )}
    </>
  )
}
