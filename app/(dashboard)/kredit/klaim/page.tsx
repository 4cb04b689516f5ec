import type { Metadata } from 'next'
import Link from 'next/link'
import { forbidden } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { Plus } from 'lucide-react'
import { CreditNav } from '@/components/credit/credit-nav'
import { ClaimStatusBadge } from '@/components/credit/claim-status'
import { LinkButton } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { Table, Td, Th } from '@/components/ui/table'
import { findClaims } from '@/lib/data/claims'
import { formatNumber, formatRupiah } from '@/lib/format'
import { can } from '@/lib/permissions'
import { requireUser } from '@/lib/session'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('credit'))('claims') }
}

export default async function ClaimsPage() {
  const user = await requireUser()
  if (!can(user.role, 'claims.read')) forbidden()
  const [t, locale, claims] = await Promise.all([getTranslations('credit'), getLocale(), findClaims({ user })])
  const lang = locale === 'en' ? 'en' : 'id'
  const month = (d: Date) => new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d)
  return (
    <>
      <PageHeader title={t('claims')} actions={can(user.role, 'claims.submit') && <LinkButton href="/kredit/klaim/baru"><Plus aria-hidden className="size-4" />{t('submitClaim')}</LinkButton>} />
      <CreditNav user={user} current="claims" />
      {claims.length === 0 ? (
        <EmptyState title={t('noClaims')} />
      ) : (
        <Table caption={t('claims')}>
          <thead>
            <tr>
              <Th>{t('claimMonth')}</Th><Th>{t('program')}</Th><Th>{t('bank')}</Th><Th>{t('status')}</Th>
              <Th align="right">{t('lines')}</Th><Th align="right">{t('claimed')}</Th><Th align="right">{t('computed')}</Th><Th align="right">{t('approved')}</Th><Th align="right">{t('paid')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {claims.map((c) => (
              <tr key={c.id} data-claim-month={c.month.toISOString().slice(0, 7)}>
                <Td><Link href={`/kredit/klaim/${c.id}`} className="font-medium text-brand-700 hover:underline">{month(c.month)}</Link></Td>
                <Td>{c.program.name}</Td>
                <Td>{c.bank.shortName}</Td>
                <Td><ClaimStatusBadge status={c.status} /></Td>
                <Td align="right">{formatNumber(c.lines, { locale: lang })}</Td>
                <Td align="right">{formatRupiah(c.claimed, { locale: lang })}</Td>
                <Td align="right">{formatRupiah(c.computed, { locale: lang })}</Td>
                <Td align="right">{c.approved === null ? '–' : formatRupiah(c.approved, { locale: lang })}</Td>
                <Td align="right">{formatRupiah(c.paid, { locale: lang })}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  )
}
