import type { Metadata } from 'next'
import Link from 'next/link'
import { forbidden } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { Download, Plus } from 'lucide-react'
import { CreditNav } from '@/components/credit/credit-nav'
import { ClaimStatusBadge } from '@/components/credit/claim-status'
import { LinkButton, buttonClass } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { inputClass } from '@/components/ui/input-class'
import { FilterForm, KeptSort } from '@/components/ui/filter-form'
import { PageHeader } from '@/components/ui/page-header'
import { Pagination } from '@/components/ui/pagination'
import { PastLastPage } from '@/components/ui/past-last-page'
import { SortLinks, SortTh, Table, Td, Th } from '@/components/ui/table'
import { claimFilterOptions, findClaims } from '@/lib/data/claims'
import { formatMonth, formatNumber, formatRupiah } from '@/lib/format'
import { can } from '@/lib/permissions'
import { requireUser } from '@/lib/session'
import { flatParams, hrefWith, type SearchParams } from '@/lib/url'
import { claimFilterSchema } from '@/lib/validations/claims'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('credit'))('claims') }
}

const CLAIM_STATUSES = ['SUBMITTED', 'RETURNED', 'APPROVED', 'PAID'] as const
const PATH = '/kredit/klaim'

/**
 * The subsidy claims in the user's scope (a bank officer its bank's), filtered by programme, status and bank in the
 * URL, newest month first unless sorted by an amount, 25 a page; cards on a phone, the table from the medium breakpoint.
 */
export default async function ClaimsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser()
  if (!can(user.role, 'claims.read')) forbidden()
  const params = flatParams(await searchParams)
  // a bank officer reads its own bank's claims and has no bank to choose: a `bank` in the URL is no filter (claimWhere
  // ignores it too); dropped here so the page's links do not carry it on
  if (user.role === 'BANK_OFFICER') delete params.bank
  const filter = claimFilterSchema.parse(params)
  const [t, tc, r, locale, data, options] = await Promise.all([
    getTranslations('credit'), getTranslations('common'), getTranslations('registers'), getLocale(), findClaims({ user, filter }), claimFilterOptions({ user }),
  ])
  const lang = locale === 'en' ? 'en' : 'id'
  const month = (d: Date) => formatMonth(d, { locale: lang })
  const rupiah = (v: number | null) => (v === null ? '–' : formatRupiah(v, { locale: lang }))
  // the headers and phone links show the order the rows are in (newest month first by default), and a tap reverses it
  const sortProps = { pathname: PATH, params: { ...params, sort: data.sort, dir: data.dir } }
  const filtered = Boolean(filter.program || filter.status || filter.bank)
  // a bank officer's claims are all its own bank's: no bank filter, no bank column
  const manyBanks = user.role !== 'BANK_OFFICER'
  const exportHref = (format: string) => hrefWith('/api/kredit/klaim/ekspor', params, { format, page: undefined })
  const { rows, total, sums, page, pageSize } = data
  return (
    <>
      <PageHeader
        title={t('claims')}
        actions={
          <>
            <a href={exportHref('xlsx')} className={buttonClass('secondary')} title={t('claimsExportNote')}><Download aria-hidden className="size-4" />{r('export')} .xlsx</a>
            <a href={exportHref('csv')} className={buttonClass('secondary')} title={t('claimsExportNote')}>.csv</a>
            {can(user.role, 'claims.submit') && <LinkButton href="/kredit/klaim/baru"><Plus aria-hidden className="size-4" />{t('submitClaim')}</LinkButton>}
          </>
        }
      />
      <CreditNav user={user} current="claims" />
      <FilterForm role="search" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4">
        <KeptSort sort={filter.sort} dir={filter.dir} />
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('program')}</span>
          <select name="program" defaultValue={filter.program ?? ''} className={inputClass()}>
            <option value="">{t('allPrograms')}</option>
            {options.programs.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('status')}</span>
          <select name="status" defaultValue={filter.status ?? ''} className={inputClass()}>
            <option value="">{t('allStatuses')}</option>
            {CLAIM_STATUSES.map((s) => <option key={s} value={s}>{t(`claimStatus_${s}`)}</option>)}
          </select>
        </label>
        {manyBanks && (
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">{t('bank')}</span>
            <select name="bank" defaultValue={filter.bank ?? ''} className={inputClass()}>
              <option value="">{t('allBanks')}</option>
              {options.banks.map((b) => <option key={b.id} value={b.id}>{b.shortName}</option>)}
            </select>
          </label>
        )}
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClass('primary')}>{t('apply')}</button>
          <Link href={PATH} className={buttonClass('ghost')}>{tc('reset')}</Link>
        </div>
      </FilterForm>
      {total > 0 && (
        <div className="mb-2 text-sm text-slate-700">
          <p data-testid="claim-total">{t('claimsTotal', { count: formatNumber(total, { locale: lang }), n: total })}</p>
          {/* every claim under the filter summed (not the page's), so an export can be checked against the screen */}
          <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-1" data-testid="claim-sums">
            {([['claimed', t('claimed'), sums.claimed], ['computed', t('computed'), sums.computed], ['approved', t('approved'), sums.approved], ['paid', t('paid'), sums.paid], ['unpaid', t('claimsUnpaid'), sums.unpaid]] as const).map(([key, label, value]) => (
              <div key={key} className="flex gap-1">
                <dt>{label}:</dt>
                <dd className="font-medium tabular-nums text-slate-900" data-sum={key}>{rupiah(value)}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      {rows.length === 0 && total > 0 ? (
        <PastLastPage page={page} total={total} href={hrefWith(PATH, params, { page: undefined })} />
      ) : rows.length === 0 ? (
        filtered ? (
          <EmptyState title={t('claimsEmpty')}><Link href={PATH} className="font-medium text-brand-700 underline">{tc('reset')}</Link></EmptyState>
        ) : (
          <EmptyState title={t('noClaims')} />
        )
      ) : (
        <>
          {/* phones: one card per claim with its four amounts; wider screens: the sortable table */}
          <SortLinks hiddenFrom="md" {...sortProps} columns={[
            { column: 'month', firstDir: 'desc', label: t('claimMonth') }, { column: 'claimed', firstDir: 'desc', label: t('claimed') }, { column: 'computed', firstDir: 'desc', label: t('computed') },
            { column: 'approved', firstDir: 'desc', label: t('approved') }, { column: 'paid', firstDir: 'desc', label: t('paid') },
          ]} />
          <ul className="space-y-2 md:hidden" aria-label={t('claims')}>
            {rows.map((c) => (
              <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm" data-claim-month={c.month.toISOString().slice(0, 7)}>
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <Link href={`/kredit/klaim/${c.id}`} className="font-medium text-brand-700 hover:underline">{month(c.month)}</Link>
                  <ClaimStatusBadge status={c.status} />
                </div>
                <p className="mt-1 text-xs text-slate-600">{c.program.name}{manyBanks && ` · ${c.bank.shortName}`} · {formatNumber(c.lines, { locale: lang })} {t('lines').toLowerCase()}</p>
                <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
                  {([['claimed', c.claimed], ['computed', c.computed], ['approved', c.approved], ['paid', c.paid]] as const).map(([key, value]) => (
                    <div key={key}>
                      <dt className="text-slate-500">{t(key)}</dt>
                      <dd className="font-medium tabular-nums text-slate-800">{rupiah(value)}</dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ul>
          {/* nine columns in the 1044 px a 1366 px screen leaves, so the last ("Dibayar") is never cut off at the table's
              edge: the amounts' headers wrap ("Agency's / computation") and the cells' side padding is 10 px, not 12; a programme or
              a bank wrapping instead doubled every row */}
          <div className="hidden md:block">
            <Table caption={t('claims')} className="[&_td]:px-2.5 [&_th]:px-2.5">
              <thead>
                <tr>
                  <SortTh {...sortProps} column="month" firstDir="desc" label={t('claimMonth')} />
                  <Th>{t('program')}</Th>{manyBanks && <Th>{t('bank')}</Th>}<Th>{t('status')}</Th>
                  <Th align="right">{t('lines')}</Th>
                  <SortTh {...sortProps} column="claimed" firstDir="desc" label={t('claimed')} align="right" wrap />
                  <SortTh {...sortProps} column="computed" firstDir="desc" label={t('computed')} align="right" wrap />
                  <SortTh {...sortProps} column="approved" firstDir="desc" label={t('approved')} align="right" wrap />
                  <SortTh {...sortProps} column="paid" firstDir="desc" label={t('paid')} align="right" wrap />
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((c) => (
                  <tr key={c.id} data-claim-month={c.month.toISOString().slice(0, 7)}>
                    <Td className="whitespace-nowrap"><Link href={`/kredit/klaim/${c.id}`} className="font-medium text-brand-700 hover:underline">{month(c.month)}</Link></Td>
                    <Td className="whitespace-nowrap">{c.program.name}</Td>
                    {manyBanks && <Td className="whitespace-nowrap">{c.bank.shortName}</Td>}
                    <Td><ClaimStatusBadge status={c.status} /></Td>
                    <Td align="right">{formatNumber(c.lines, { locale: lang })}</Td>
                    <Td align="right" className="whitespace-nowrap">{rupiah(c.claimed)}</Td>
                    <Td align="right" className="whitespace-nowrap">{rupiah(c.computed)}</Td>
                    <Td align="right" className="whitespace-nowrap">{rupiah(c.approved)}</Td>
                    <Td align="right" className="whitespace-nowrap">{rupiah(c.paid)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
          <Pagination pathname={PATH} params={params} page={page} pageSize={pageSize} total={total} />
        </>
      )}
    </>
  )
}
