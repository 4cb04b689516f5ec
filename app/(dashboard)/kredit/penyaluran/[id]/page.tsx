import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { COLLECTIBILITY_CLASSES } from '@/components/credit/collectibility'
import { CreditNav } from '@/components/credit/credit-nav'
import { InstalmentForm } from '@/components/credit/instalment-form'
import { LoanCorrectionForm } from '@/components/credit/loan-correction-form'
import { LoanScheduleTable } from '@/components/credit/loan-schedule-table'
import { MissedMonthsNotice } from '@/components/credit/missed-months-notice'
import { Badge } from '@/components/ui/badge'
import { buttonClass } from '@/components/ui/button'
import { PageHeader } from '@/components/ui/page-header'
import { StatCard } from '@/components/ui/stat-card'
import { getLoanSchedule, liveClaimsOfLoan, missedClaimMonths } from '@/lib/data/disbursements'
import { formatDate, formatMonth, formatNumber, formatRate, formatRupiah } from '@/lib/format'
import { can } from '@/lib/permissions'
import { requirePermission } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('credit'))('loanTitle') }
}

/** One loan: its terms and its schedule as the bank reconciles it, period by period, with the subsidy due and why. */
export default async function LoanPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('credit.read')
  const { id } = await params
  const [schedule, t, locale] = await Promise.all([getLoanSchedule({ user, id }), getTranslations('credit'), getLocale()])
  if (!schedule) notFound()
  const { loan, rows, subsidyTotal } = schedule
  const lang = locale === 'en' ? 'en' : 'id'
  const money = (v: number) => formatRupiah(v, { locale: lang })
  const mayReport = can(user.role, 'disbursements.write') && (user.role !== 'BANK_OFFICER' || user.bankId === loan.bankId)
  const [missed, liveClaims] = await Promise.all([
    missedClaimMonths(user, { id: loan.id, bankId: loan.bankId }),
    mayReport ? liveClaimsOfLoan(loan.id) : [],
  ])
  // a correction is refused while a claim being verified, approved or paid holds the loan: said, instead of the form
  const decidedClaim = liveClaims.find((c) => c.status !== 'SUBMITTED')
  const claimMonths = (claims: typeof liveClaims) => claims.map((c) => formatMonth(c.month, { locale: lang })).join(', ')
  // months in a claim still being verified (it can be returned and filed again with this loan), and months lost
  const missedBy = (status: string) => missed.filter((m) => m.status === status)
  return (
    <>
      <PageHeader
        title={`${t('loanTitle')} ${loan.accountNumber}`}
        description={`${loan.program.name} · ${loan.bank.shortName} · ${t('basis')}: ${t(`basis_${loan.program.amortisationBasis}`)}`}
        actions={loan.status !== 'ACTIVE' ? <Badge tone={loan.status === 'PAID_OFF' ? 'green' : 'red'}>{loan.status === 'PAID_OFF' ? t('loanPaidOff') : t('loanWrittenOff')}</Badge> : undefined}
      />
      <CreditNav user={user} current="disbursements" />
      <section className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard label={t('msme')} value={loan.msme.businessName} detail={can(user.role, 'msmes.read') ? <Link className="text-brand-700 hover:underline" href={`/umkm/${loan.msme.id}`}>NIB {loan.msme.nib}</Link> : `NIB ${loan.msme.nib}`} />
        <StatCard label={t('plafond')} value={money(Number(loan.plafond))} detail={`${formatDate(loan.contractDate, { locale: lang })} · ${t('months', { count: loan.tenorMonths })} · ${loan.method === 'ANNUITY' ? t('annuity') : t('flat')}`} />
        <StatCard label={t('rates')} value={`${formatRate(loan.bankRate, { locale: lang })} / ${formatRate(loan.borrowerRate, { locale: lang })}`} detail={t('ratesDetail')} />
        <StatCard testId="loan-subsidy-total" label={t('subsidyTotal')} value={money(Number(subsidyTotal))} detail={<>
          {/* the months already claimed without the loan are in the schedule's total but will never be paid: said beside it */}
          {missedBy('DECIDED').length > 0 && <span className="block font-medium text-amber-800" data-testid="loan-subsidy-lost">{t('subsidyTotalLost', { amount: money(Number(missedBy('DECIDED')[0].total)) })}</span>}
          {`${t('collectibility')} ${t('collectibilityClass', { value: loan.collectibility })}${loan.eligibilityIssues.length ? ` · ${t('flagged')}: ${loan.exceptionReason ?? ''}` : ''}`}
        </>} />
      </section>
      {/* a loan recorded after its bank filed months it falls due in: those months cannot be claimed any more */}
      {(['DECIDED', 'SUBMITTED'] as const).map((status) => {
        const months = missedBy(status)
        return <MissedMonthsNotice key={status} status={status} months={months.map((m) => m.month)} total={months[0]?.total ?? '0'} locale={lang} className="mt-4 max-w-3xl" />
      })}
      {mayReport && (
        <div className="mt-6 max-w-3xl">
          <InstalmentForm disbursementId={loan.id} version={loan.version} tenor={loan.tenorMonths} labels={{ title: t('reportPeriod'), period: t('period'), paid: t('instalmentPaid'), unpaid: t('instalmentUnpaid'), instalment: t('instalment'), collectibility: t('collectibility'), save: t('save') }} classes={COLLECTIBILITY_CLASSES.map((value) => t('collectibilityClass', { value }))} />
          <div className="mt-4">
            {liveClaims.length > 0 ? (
              <p className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-700" data-testid="loan-correction-closed">
                {decidedClaim
                  ? t('correctClosedDecided', { months: claimMonths([decidedClaim]) })
                  : t('correctClosedVerifying', { count: liveClaims.length, months: claimMonths(liveClaims) })}
              </p>
            ) : (
              <LoanCorrectionForm
                loan={{
                  id: loan.id, version: loan.version, accountNumber: loan.accountNumber, nib: loan.msme.nib, contractDate: loan.contractDate.toISOString().slice(0, 10),
                  plafond: formatNumber(Number(loan.plafond), { locale: 'id' }), tenorMonths: loan.tenorMonths, method: loan.method,
                }}
              />
            )}
          </div>
        </div>
      )}
      <section className="mt-6">
        <h2 className="mb-2 text-base font-semibold">{t('schedule')}</h2>
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <p className="text-xs text-slate-600">{t('scheduleNote', { basis: t(`basis_${loan.program.amortisationBasis}`) })}</p>
          <a className={buttonClass('secondary')} href={`/api/kredit/penyaluran/${loan.id}/jadwal`} download>{t('exportSchedule')}</a>
        </div>
        <LoanScheduleTable rows={rows} locale={lang} />
        <p className="mt-2 text-xs text-slate-600">{t('formula', { count: formatNumber(loan.months.length, { locale: lang }) })}</p>
      </section>
    </>
  )
}
