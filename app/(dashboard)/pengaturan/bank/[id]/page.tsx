import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { BankForm } from '@/components/config/bank-form'
import { ProgramBankForm } from '@/components/config/program-bank-form'
import { ConfirmAction } from '@/components/ui/confirm-action'
import { Table, Td, Th } from '@/components/ui/table'
import { removeProgramBank } from '@/lib/actions/banks'
import { getBankForEdit } from '@/lib/data/banks'
import { formatDate, formatNumber } from '@/lib/format'
import { requirePermission } from '@/lib/session'

type Params = { id: string }

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('config.banks'))('editTitle') }
}

/** One partner bank: its details, and the programme years it takes part in (join, or leave while it has no loans there). */
export default async function EditBankPage({ params }: { params: Promise<Params> }) {
  const user = await requirePermission('config.manage')
  const { id } = await params
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(id)) notFound()
  const [t, locale, data] = await Promise.all([getTranslations('config.banks'), getLocale(), getBankForEdit({ user, id })])
  if (!data) notFound()
  const lang = locale === 'en' ? 'en' : 'id'
  const { bank, participation, joinable } = data
  const n = (v: number) => formatNumber(v, { locale: lang })
  return (
    <section aria-labelledby="bank-title" className="space-y-6">
      <Link href="/pengaturan/bank" className="text-sm text-brand-700 hover:underline">← {t('back')}</Link>
      <div className="space-y-4">
        <h2 id="bank-title" className="text-lg font-semibold text-slate-900">{bank.shortName}</h2>
        {!bank.active && <p role="note" className="max-w-3xl rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">{t('inactiveNote', { users: n(bank._count.users), disbursements: n(bank._count.disbursements) })}</p>}
        <BankForm initial={{ id: bank.id, version: bank.version, code: bank.code, name: bank.name, shortName: bank.shortName, active: bank.active }} />
      </div>
      <section aria-labelledby="participation-title" className="space-y-3">
        <h3 id="participation-title" className="text-base font-semibold text-slate-900">{t('participation')}</h3>
        <p className="max-w-3xl text-sm text-slate-600">{t('participationIntro')}</p>
        {participation.length === 0 ? (
          <p className="text-sm text-slate-600">{t('noPrograms')}</p>
        ) : (
          <Table caption={t('participation')}>
            <thead>
              <tr>
                <Th>{t('col.program')}</Th>
                <Th align="right">{t('col.rate')}</Th>
                <Th align="right">{t('col.disbursements')}</Th>
                <Th align="right">{t('col.claims')}</Th>
                <Th>{t('col.actions')}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {participation.map((p) => (
                <tr key={p.programId} data-testid={`participation-${p.code}`}>
                  <Td>
                    <Link href={`/kredit/${p.programId}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">{p.code}</Link>
                    <span className="block text-xs text-slate-500">{p.name}</span>
                  </Td>
                  <Td align="right" className="whitespace-nowrap tabular-nums">
                    {p.rate === null ? '–' : `${formatNumber(p.rate, { decimals: 2, locale: lang })}%`}
                    {p.rateFrom && <span className="block text-xs text-slate-500">{t('since', { date: formatDate(p.rateFrom, { locale: lang }) })}</span>}
                  </Td>
                  <Td align="right" className="tabular-nums">{n(p.disbursements)}</Td>
                  <Td align="right" className="tabular-nums">{n(p.claims)}</Td>
                  <Td>
                    <ConfirmAction
                      action={removeProgramBank}
                      fields={{ programId: p.programId, bankId: bank.id, version: String(p.version) }}
                      label={t('leave')}
                      title={t('leaveTitle', { bank: bank.shortName, program: p.code })}
                      body={p.disbursements + p.claims > 0 ? t('leaveInUse', { disbursements: n(p.disbursements), claims: n(p.claims) }) : t('leaveBody')}
                      confirmLabel={t('leave')}
                      variant="danger"
                    />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {bank.active && joinable.length > 0 && (
          <div className="max-w-3xl space-y-2">
            <h4 className="text-sm font-semibold text-slate-800">{t('joinTitle')}</h4>
            <ProgramBankForm bankId={bank.id} programs={joinable} />
          </div>
        )}
      </section>
    </section>
  )
}
