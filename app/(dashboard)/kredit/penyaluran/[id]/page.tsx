import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { CreditNav } from '@/components/credit/credit-nav'
import { InstalmentForm } from '@/components/credit/instalment-form'
import { LoanCorrectionForm } from '@/components/credit/loan-correction-form'
import { Badge } from '@/components/ui/badge'
import { buttonClass } from '@/components/ui/button'
import { PageHeader } from '@/components/ui/page-header'
import { StatCard } from '@/components/ui/stat-card'
import { Table, Td, Th } from '@/components/ui/table'
import { getLoanSchedule } from '@/lib/data/disbursements'
import { formatDate, formatNumber, formatPercent, formatRupiah } from '@/lib/format'
import { can } from '@/lib/permissions'
import { requirePermission } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('credit'))('loanTitle') }
}

const REASON_TONE = { DUE: 'green', NO_INSTALMENT: 'amber', COLLECTIBILITY_5: 'red', AFTER_MATURITY: 'slate', NO_RATE_DIFFERENCE: 'slate' } as const
const STATE_TONE = { NOT_DUE: 'slate', NOT_REPORTED: 'amber', PAID: 'green', UNPAID: 'red' } as const

/** One loan: its terms and its schedule as the bank reconciles it, period by period, with the subsidy due and why. */
export default async function LoanPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('credit.read')
  const { id } = await params
  const [schedule, t, locale] = await Promise.all([getLoanSchedule({ user, id }), getTranslations('credit'), getLocale()])
  if (!schedule) notFound()
  const { loan, rows } = schedule
  const lang = locale === 'en' ? 'en' : 'id'
  const money = (v: number) => formatRupiah(v, { locale: lang })
  const pct = (v: number) => formatPercent(v * 100, { locale: lang })
  const total = loan.months.reduce((a, m) => a + Number(m.subsidyDue), 0)
  const mayReport = can(user.role, 'disbursements.write') && (user.role !== 'BANK_OFFICER' || user.bankId === loan.bankId)
  return (
    <>
      <PageHeader
        title={`${t('loanTitle')} ${loan.accountNumber}`}
        description={`${loan.program.name} · ${loan.bank.shortName} · ${t('basis')}: ${t(`basis_${loan.program.amortisationBasis}`)}`}
        actions={loan.status !== 'ACTIVE' ? <Badge tone={loan.status === 'PAID_OFF' ? 'green' : 'red'}>{loan.status === 'PAID_OFF' ? t('loanPaidOff') : t('loanWrittenOff')}</Badge> : undefined}
      />
      <CreditNav user={user} current="disbursements" />
      <section className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard label={t('msme')} value={loan.msme.businessName} detail={<Link className="text-brand-700 hover:underline" href={`/umkm/${loan.msme.id}`}>NIB {loan.msme.nib}</Link>} />
        <StatCard label={t('plafond')} value={money(Number(loan.plafond))} detail={`${formatDate(loan.contractDate, { locale: lang })} · ${t('months', { count: loan.tenorMonths })} · ${loan.method === 'ANNUITY' ? t('annuity') : t('flat')}`} />
        <StatCard label={t('rates')} value={`${formatPercent(Number(loan.bankRate) * 100, { locale: lang })} / ${formatPercent(Number(loan.borrowerRate) * 100, { locale: lang })}`} detail={t('ratesDetail')} />
        <StatCard testId="loan-subsidy-total" label={t('subsidyTotal')} value={money(total)} detail={`${t('collectibility')} ${loan.collectibility}${loan.eligibilityIssues.length ? ` · ${t('flagged')}: ${loan.exceptionReason ?? ''}` : ''}`} />
      </section>
      {mayReport && (
        <div className="mt-6 max-w-3xl">
          <InstalmentForm disbursementId={loan.id} tenor={loan.tenorMonths} labels={{ title: t('reportPeriod'), period: t('period'), paid: t('instalmentPaid'), unpaid: t('instalmentUnpaid'), instalment: t('instalment'), collectibility: t('collectibility'), save: t('save') }} />
          <div className="mt-4">
            <LoanCorrectionForm
              loan={{
                id: loan.id, version: loan.version, accountNumber: loan.accountNumber, nib: loan.msme.nib, contractDate: loan.contractDate.toISOString().slice(0, 10),
                plafond: formatNumber(Number(loan.plafond), { locale: 'id' }), tenorMonths: loan.tenorMonths, method: loan.method,
              }}
            />
          </div>
        </div>
      )}
      <section className="mt-6">
        <h2 className="mb-2 text-base font-semibold">{t('schedule')}</h2>
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <p className="text-xs text-slate-600">{t('scheduleNote', { basis: t(`basis_${loan.program.amortisationBasis}`) })}</p>
          <a className={buttonClass('secondary')} href={`/api/kredit/penyaluran/${loan.id}/jadwal`} download>{t('exportSchedule')}</a>
        </div>
        <Table caption={t('schedule')}>
          <thead>
            <tr>
              <Th>{t('period')}</Th><Th>{t('dueDate')}</Th><Th align="right">{t('days')}</Th><Th align="right">{t('openingBalance')}</Th>
              <Th align="right">{t('borrowerInstalment')}</Th><Th align="right">{t('principal')}</Th><Th align="right">{t('borrowerInterest')}</Th>
              <Th align="right">{t('bankRateShort')}</Th><Th align="right">{t('rateDifference')}</Th><Th>{t('instalmentState')}</Th><Th align="right">{t('collectibility')}</Th><Th align="right">{t('subsidyDue')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.period} data-period={r.period} data-state={r.state}>
                <Td>{r.period}</Td>
                <Td className="whitespace-nowrap">{formatDate(r.end, { locale: lang })}</Td>
                <Td align="right">{r.days}</Td>
                <Td align="right">{money(r.openingBalance)}</Td>
                <Td align="right">{money(r.borrowerInstalment)}</Td>
                <Td align="right">{money(r.principal)}</Td>
                <Td align="right">{money(r.borrowerInterest)}</Td>
                <Td align="right">{pct(r.bankRate)}</Td>
                <Td align="right">{pct(r.rateDifference)}</Td>
                <Td className="whitespace-nowrap"><Badge tone={STATE_TONE[r.state]}>{t(`state_${r.state}`)}</Badge></Td>
                <Td align="right">{r.collectibility ?? '–'}</Td>
                <Td align="right">
                  <span className="tabular-nums">{money(r.subsidy)}</span>
                  {r.reason !== 'DUE' && <span className="ml-2"><Badge tone={REASON_TONE[r.reason as keyof typeof REASON_TONE] ?? 'slate'}>{t(`reason_${r.reason}`)}</Badge></span>}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
        <p className="mt-2 text-xs text-slate-600">{t('formula', { count: formatNumber(loan.months.length, { locale: lang }) })}</p>
      </section>
    </>
  )
}
