import type { Metadata } from 'next'
import { getLocale, getTranslations } from 'next-intl/server'
import { CreditNav } from '@/components/credit/credit-nav'
import { DisbursementForm } from '@/components/credit/disbursement-form'
import { PageHeader } from '@/components/ui/page-header'
import { EmptyState } from '@/components/ui/empty-state'
import { claimedMonthsForRecording, listPrograms } from '@/lib/data/disbursements'
import { formatRate, formatRupiah } from '@/lib/format'
import { requirePermission } from '@/lib/session'
import { jakartaToday } from '@/lib/dates'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('credit'))('recordDisbursement') }
}

export default async function NewDisbursementPage() {
  const user = await requirePermission('disbursements.write')
  const [t, tr, locale, programs, claimed] = await Promise.all([getTranslations('credit'), getTranslations('registers'), getLocale(), listPrograms({ user }), claimedMonthsForRecording(user)])
  const lang = locale === 'en' ? 'en' : 'id'
  const shortName = new Map(programs.flatMap((p) => p.banks.map((b) => [b.bank.id, b.bank.shortName] as const)))
  const pct = (v: unknown) => formatRate(v as number, { locale: lang })
  // the rate in force today per bank (rates come newest first); a bank officer sees its own bank's only
  const bankRates = (rates: { bankId: string; rate: unknown; effectiveFrom: Date }[]) =>
    [...new Map(rates.filter((r) => r.effectiveFrom <= new Date() && (user.role !== 'BANK_OFFICER' || r.bankId === user.bankId)).map((r) => [r.bankId, r] as const).reverse()).values()]
      .map((r) => `${shortName.get(r.bankId) ?? ''} ${pct(r.rate)}`).join(', ')
  const banks = [...new Map(programs.flatMap((p) => p.banks.map((b) => [b.bank.id, { id: b.bank.id, name: b.bank.shortName }]))).values()]
  return (
    <>
      <PageHeader title={t('recordDisbursement')} />
      <CreditNav user={user} current="disbursements" />
      {programs.length === 0 ? (
        // a bank in no programme yet (or none exists): the form would offer an empty programme list
        user.role === 'BANK_OFFICER'
          ? <EmptyState title={t('noProgramToRecord')}>{t('noProgramToRecordHint')}</EmptyState>
          : <EmptyState title={t('programsEmpty')}>{t('programsEmptyHint')}</EmptyState>
      ) : (
      <DisbursementForm
        programs={programs.map((p) => ({
          id: p.id, name: p.name, year: p.year, scheme: p.scheme,
          rules: t('rulesText', { plafond: formatRupiah(Number(p.maxPlafond), { locale: lang }), tenor: p.maxTenorMonths, borrower: pct(p.borrowerRate), scales: p.eligibleScales.map((s) => tr(`scale.${s}`).toLowerCase()).join(', '), year: p.year }),
          bankRates: bankRates(p.rates) ? t('rulesBankRates', { rates: bankRates(p.rates) }) : '',
        }))}
        banks={banks}
        claimed={claimed}
        ownBankId={user.role === 'BANK_OFFICER' ? user.bankId : null}
        isAdmin={user.role === 'ADMIN'}
        // this year's programme first: a next year's one (listed first) cannot take a loan dated today
        defaultProgramId={programs.find((p) => p.year === Number(jakartaToday().slice(0, 4)))?.id}
      />
      )}
    </>
  )
}
