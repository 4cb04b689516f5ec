import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { CreditNav } from '@/components/credit/credit-nav'
import { InstalmentForm } from '@/components/credit/instalment-form'
import { Badge } from '@/components/ui/badge'
import { PageHeader } from '@/components/ui/page-header'
import { StatCard } from '@/components/ui/stat-card'
import { Table, Td, Th } from '@/components/ui/table'
import { getDisbursement } from '@/lib/data/disbursements'
import { formatDate, formatNumber, formatPercent, formatRupiah } from '@/lib/format'
import { can } from '@/lib/permissions'
import { requirePermission } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('credit'))('loanTitle') }
}

const REASON_TONE = { DUE: 'green', NO_INSTALMENT: 'amber', COLLECTIBILITY_5: 'red', AFTER_MATURITY: 'slate', NO_RATE_DIFFERENCE: 'slate' } as const

/** One loan: its terms and its schedule, period by period, with the subsidy due and why. */
export default async function LoanPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('credit.read')
  const { id } = await params
  const [loan, t, locale] = await Promise.all([getDisbursement({ user, id }), getTranslations('credit'), getLocale()])
  if (!loan) notFound()
  const lang = locale === 'en' ? 'en' : 'id'
  const money = (v: number) => formatRupiah(v, { locale: lang })
  const total = loan.months.reduce((a, m) => a + Number(m.subsidyDue), 0)
  const mayReport = can(user.role, 'disbursements.write') && (user.role !== 'BANK_OFFICER' || user.bankId === loan.bankId)
  return (
    <>
      <PageHeader title={`${t('loanTitle')} ${loan.accountNumber}`} description={`${loan.program.name} · ${loan.bank.shortName}`} />
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
        </div>
      )}
      <section className="mt-6">
        <h2 className="mb-2 text-base font-semibold">{t('schedule')}</h2>
        <Table caption={t('schedule')}>
          <thead>
            <tr><Th>{t('period')}</Th><Th>{t('dueDate')}</Th><Th align="right">{t('days')}</Th><Th align="right">{t('openingBalance')}</Th><Th align="right">{t('rateDifference')}</Th><Th>{t('instalment')}</Th><Th align="right">{t('collectibility')}</Th><Th align="right">{t('subsidyDue')}</Th></tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {loan.months.map((m) => (
              <tr key={m.period} data-period={m.period}>
                <Td>{m.period}</Td>
                <Td className="whitespace-nowrap">{formatDate(m.dueDate, { locale: lang })}</Td>
                <Td align="right">{m.days}</Td>
                <Td align="right">{money(Number(m.openingBalance))}</Td>
                <Td align="right">{formatPercent(Number(m.rateDifference) * 100, { locale: lang })}</Td>
                <Td>{m.instalmentPaid ? t('instalmentPaid') : t('instalmentUnpaid')}</Td>
                <Td align="right">{m.collectibility}</Td>
                <Td align="right">
                  <span className="tabular-nums">{money(Number(m.subsidyDue))}</span>
                  {m.reason !== 'DUE' && <span className="ml-2"><Badge tone={REASON_TONE[m.reason as keyof typeof REASON_TONE] ?? 'slate'}>{t(`reason_${m.reason}`)}</Badge></span>}
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
