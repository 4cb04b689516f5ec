import type { Metadata } from 'next'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { Plus } from 'lucide-react'
import { Badge } from '@/components/ui/badge'
import { LinkButton } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { Table, Td, Th } from '@/components/ui/table'
import { findBanksForAdmin } from '@/lib/data/banks'
import { formatNumber } from '@/lib/format'
import { requirePermission } from '@/lib/session'
import { flatParams, type SearchParams } from '@/lib/url'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('config'))('tabs.banks') }
}

/** The partner banks: each with its programmes, users, disbursements and claims, active or not. */
export default async function BanksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('config.manage')
  const params = flatParams(await searchParams)
  const [t, tc, locale, banks] = await Promise.all([getTranslations('config.banks'), getTranslations('config'), getLocale(), findBanksForAdmin({ user })])
  const lang = locale === 'en' ? 'en' : 'id'
  const n = (v: number) => formatNumber(v, { locale: lang })
  return (
    <section aria-labelledby="banks-title" className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="banks-title" className="text-lg font-semibold text-slate-900">{tc('tabs.banks')} · {n(banks.length)}</h2>
        <LinkButton href="/pengaturan/bank/baru"><Plus aria-hidden className="size-4" />{t('new')}</LinkButton>
      </div>
      <p className="max-w-3xl text-sm text-slate-600">{t('intro')}</p>
      {params.disimpan && <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t('saved', { code: params.disimpan })}</p>}
      {banks.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <Table caption={tc('tabs.banks')}>
          <thead>
            <tr>
              <Th>{t('col.code')}</Th>
              <Th>{t('col.name')}</Th>
              <Th align="right">{t('col.programs')}</Th>
              <Th align="right">{t('col.users')}</Th>
              <Th align="right">{t('col.disbursements')}</Th>
              <Th align="right">{t('col.claims')}</Th>
              <Th>{t('col.actions')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {banks.map((b) => (
              <tr key={b.id} id={`bank-${b.id}`} data-testid={`bank-${b.code}`} className={b.active ? undefined : 'bg-slate-50 text-slate-500'}>
                <Td className="font-mono text-xs">{b.code}</Td>
                <Td>
                  <span className="font-medium">{b.shortName}</span>
                  {!b.active && <span className="ml-2"><Badge tone="slate">{t('inactive')}</Badge></span>}
                  <span className="block text-xs text-slate-500">{b.name}</span>
                </Td>
                <Td align="right" className="tabular-nums">{n(b._count.programs)}</Td>
                <Td align="right" className="tabular-nums">{n(b._count.users)}</Td>
                <Td align="right" className="tabular-nums">{n(b._count.disbursements)}</Td>
                <Td align="right" className="tabular-nums">{n(b._count.claims)}</Td>
                <Td className="whitespace-nowrap">
                  <Link href={`/pengaturan/bank/${b.id}`} className="text-brand-700 underline-offset-2 hover:underline">{t('edit')}</Link>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  )
}
