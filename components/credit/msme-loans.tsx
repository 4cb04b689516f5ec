import { getLocale, getTranslations } from 'next-intl/server'
import { collectibilityTone } from '@/components/credit/collectibility'
import { Badge } from '@/components/ui/badge'
import { Table, Td, Th } from '@/components/ui/table'
import { findLoansOfMsme } from '@/lib/data/disbursements'
import { formatDate, formatRate, formatRupiah } from '@/lib/format'
import type { SessionUser } from '@/lib/session-user'

/** An MSME's programme loans, for its detail page (scoped like every credit read). */
export async function MsmeLoans({ user, msmeId }: { user: SessionUser; msmeId: string }) {
  const [t, locale, loans] = await Promise.all([getTranslations('credit'), getLocale(), findLoansOfMsme({ user, msmeId })])
  const lang = locale === 'en' ? 'en' : 'id'
  if (loans.length === 0) return <p className="rounded-lg border border-dashed border-slate-300 bg-white p-5 text-sm text-slate-600">{t('noLoans')}</p>
  return (
    <Table caption={t('loansOfMsme')}>
      <thead>
        <tr><Th>{t('program')}</Th><Th>{t('account')}</Th><Th>{t('contractDate')}</Th><Th align="right">{t('plafond')}</Th><Th align="right">{t('tenor')}</Th><Th align="right">{t('bank')}</Th><Th>{t('collectibility')}</Th></tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {loans.map((l) => (
          <tr key={l.id}>
            <Td>{l.program.name}</Td>
            <Td className="font-mono text-xs">{l.accountNumber}</Td>
            <Td className="whitespace-nowrap">{formatDate(l.contractDate, { locale: lang })}</Td>
            <Td align="right">{formatRupiah(Number(l.plafond), { locale: lang })}</Td>
            <Td align="right">{l.tenorMonths}</Td>
            <Td align="right">{l.bank.shortName} · {formatRate(l.bankRate, { locale: lang })}</Td>
            <Td><Badge tone={collectibilityTone(l.collectibility)}>{l.collectibility}</Badge></Td>
          </tr>
        ))}
      </tbody>
    </Table>
  )
}
