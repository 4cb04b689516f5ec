import type { Metadata } from 'next'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { AlertTriangle, ArchiveRestore, Download, FileUp, Plus } from 'lucide-react'
import { ScaleBadge } from '@/components/registers/badges'
import { Badge } from '@/components/ui/badge'
import { LinkButton, buttonClass } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { PastLastPage } from '@/components/ui/past-last-page'
import { inputClass } from '@/components/ui/input-class'
import { PageHeader } from '@/components/ui/page-header'
import { Pagination } from '@/components/ui/pagination'
import { SortLinks, SortTh, Table, Td, Th } from '@/components/ui/table'
import { findMsmes } from '@/lib/data/msmes'
import { agencyRegencies } from '@/lib/data/regions'
import { cooperativeName } from '@/lib/data/cooperatives'
import { formatRupiah } from '@/lib/format'
import { can } from '@/lib/permissions'
import { requirePermission } from '@/lib/session'
import { flatParams, hrefWith, type SearchParams } from '@/lib/url'
import { msmeFilterSchema, SCALE_VALUES } from '@/lib/validations/msmes'
import { FILTER_TEXT_MAX, searchWasCut } from '@/lib/validations/registers-common'
import { FilterForm, KeptSort, MoreFilters } from '@/components/ui/filter-form'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('msmes'))('title') }
}

export default async function MsmesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('msmes.read')
  const params = flatParams(await searchParams)
  // a district officer's list is its own regency: another code in the URL reads as its own, as the picker shows it
  if (user.regencyCode) params.regency = user.regencyCode
  const filter = msmeFilterSchema.parse(params)
  const [t, r, locale, { rows, total, page, pageSize }, allRegencies, coopName] = await Promise.all([
    getTranslations('msmes'),
    getTranslations('registers'),
    getLocale(),
    findMsmes({ user, filter }),
    agencyRegencies(),
    filter.koperasi ? cooperativeName({ user, id: filter.koperasi }) : null,
  ])
  const lang = locale === 'en' ? 'en' : 'id'
  const regencies = user.regencyCode ? allRegencies.filter((x) => x.code === user.regencyCode) : allRegencies
  const exportHref = (format: string) => hrefWith('/api/umkm/ekspor', params, { format, page: undefined })
  const sortProps = { pathname: '/umkm', params }
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <>
            {can(user.role, 'export.read') && (
              <>
                <a href={exportHref('xlsx')} className={buttonClass('secondary')} title={r('exportNote')}><Download aria-hidden className="size-4" />{r('export')} .xlsx</a>
                <a href={exportHref('csv')} className={buttonClass('secondary')} title={r('exportNote')}>.csv</a>
              </>
            )}
            {can(user.role, 'msmes.write') && can(user.role, 'imports.use') && <LinkButton variant="secondary" href="/impor/baru?jenis=umkm"><FileUp aria-hidden className="size-4" />{(await getTranslations('imports'))('fromExcel')}</LinkButton>}
            {can(user.role, 'msmes.write') && <LinkButton variant="ghost" href="/umkm/terhapus"><ArchiveRestore aria-hidden className="size-4" />{r('deletedRecords')}</LinkButton>}
            {can(user.role, 'msmes.write') && <LinkButton href="/umkm/baru"><Plus aria-hidden className="size-4" />{t('new')}</LinkButton>}
          </>
        }
      />
      {params.dihapus && <p role="status" className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{r('deleted')} <Link href="/umkm/terhapus" className="font-medium underline">{r('deletedCanRestore')}</Link></p>}
      {/* the list narrowed to one cooperative's members (its page's "see all") says so, and how to widen it */}
      {filter.koperasi && (
        <p role="status" className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-slate-800" data-testid="msme-coop-filter">
          <span>{coopName ? t.rich('membersOf', { name: coopName, b: (c) => <Link href={`/koperasi/${filter.koperasi}`} className="font-medium text-brand-700 underline">{c}</Link> }) : t('membersOfUnknown')}</span>
          <Link href={hrefWith('/umkm', params, { koperasi: undefined, page: undefined })} className="font-medium text-brand-700 underline">{t('membersOfClear')}</Link>
        </p>
      )}
      <FilterForm role="search" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[minmax(0,1.6fr)_repeat(3,minmax(0,1fr))]">
        <KeptSort sort={filter.sort} dir={filter.dir} />
        {filter.koperasi && <input type="hidden" name="koperasi" value={filter.koperasi} />}
        <label className="flex flex-col gap-1 text-sm sm:col-span-2 lg:col-span-1">
          <span className="font-medium">{r('search')}</span>
          <input name="q" defaultValue={filter.q} className={inputClass()} type="search" maxLength={FILTER_TEXT_MAX} placeholder={`${t('businessName')} / ${t('ownerName')} / ${t('nib')}`} />
          {searchWasCut(params.q) && <span role="status" className="text-xs text-amber-700">{r('searchCut', { max: FILTER_TEXT_MAX })}</span>}
        </label>
        <MoreFilters active={[!user.regencyCode && filter.regency, filter.scale, filter.mismatch].filter(Boolean).length}>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{r('regency')}</span>
          <select name="regency" defaultValue={filter.regency ?? ''} className={inputClass()}>
            {!user.regencyCode && <option value="">{r('allRegencies')}</option>}
            {regencies.map((x) => <option key={x.code} value={x.code}>{x.name}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('computedScale')}</span>
          <select name="scale" defaultValue={filter.scale ?? ''} className={inputClass()}>
            <option value="">{t('allScales')}</option>
            {SCALE_VALUES.map((x) => <option key={x} value={x}>{r(`scale.${x}`)}</option>)}
          </select>
        </label>
        <label className="flex items-center gap-2 self-end pb-2 text-sm font-medium">
          <input type="checkbox" name="mismatch" value="1" defaultChecked={Boolean(filter.mismatch)} className="size-4 rounded border-slate-300" />
          {t('mismatchOnly')}
        </label>
        </MoreFilters>
        <div className="col-span-full flex items-end gap-2">
          <button type="submit" className={buttonClass('primary')}>{r('apply')}</button>
          <Link href="/umkm" className={buttonClass('ghost')}>{r('reset')}</Link>
        </div>
      </FilterForm>
      {rows.length === 0 && total > 0 ? (
        <PastLastPage page={page} total={total} href={hrefWith('/umkm', params, { page: undefined })} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('empty')}>{t('emptyHint')}</EmptyState>
      ) : (
        <>
          {/* phones: one card per MSME; wider screens: the sortable table */}
          <SortLinks hiddenFrom="md" {...sortProps} defaultSort="businessName" columns={[
            { column: 'businessName', label: t('businessName') }, { column: 'nib', label: t('nib') }, { column: 'regencyCode', label: r('regency') },
            { column: 'annualSales', firstDir: 'desc', label: t('annualSales') }, { column: 'computedScale', label: t('scale') },
          ]} />
          <ul className="space-y-2 md:hidden" aria-label={t('title')}>
            {rows.map((m) => (
              <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                <Link href={`/umkm/${m.id}`} className="font-medium text-brand-700 hover:underline">{m.businessName}</Link>
                <p className="font-mono text-xs text-slate-500">{t('nib')} {m.nib} · KBLI {m.kbli}</p>
                <p className="mt-1 text-slate-700">{m.ownerName} <span className="font-mono text-xs text-slate-500">{m.ownerNik}</span></p>
                <p className="text-slate-700">{m.regency.name} · {formatRupiah(m.annualSales, { locale: lang, cents: true })}</p>
                <div className="mt-2 flex flex-wrap gap-1">
                  <ScaleBadge scale={m.computedScale} label={r(`scale.${m.computedScale}`)} />
                  {m.scaleMismatch && <Badge tone="red"><AlertTriangle aria-hidden className="mr-1 size-3" />{t('mismatch')}</Badge>}
                </div>
              </li>
            ))}
          </ul>
          <div className="hidden md:block">
          <Table caption={t('title')}>
            <thead>
              <tr>
                <SortTh label={t('businessName')} column="businessName" {...sortProps} defaultSort="businessName" />
                <SortTh label={t('nib')} column="nib" {...sortProps} />
                <Th>{t('owner')}</Th>
                <SortTh label={r('regency')} column="regencyCode" {...sortProps} />
                <Th>{t('kbli')}</Th>
                <SortTh label={t('annualSales')} column="annualSales" firstDir="desc" {...sortProps} align="right" />
                <SortTh label={t('scale')} column="computedScale" {...sortProps} />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((m) => (
                <tr key={m.id} data-nib={m.nib}>
                  <Td className="min-w-52">
                    <Link href={`/umkm/${m.id}`} className="font-medium text-brand-700 hover:underline">{m.businessName}</Link>
                    {m.cooperative && <span className="block text-xs text-slate-500">{m.cooperative.name}</span>}
                  </Td>
                  <Td className="whitespace-nowrap font-mono text-xs">{m.nib}</Td>
                  <Td className="min-w-40">
                    {m.ownerName}
                    <span className="block font-mono text-xs text-slate-500">{m.ownerNik}</span>
                  </Td>
                  <Td className="whitespace-nowrap">{m.regency.name}</Td>
                  <Td className="font-mono text-xs">{m.kbli}</Td>
                  <Td align="right" className="whitespace-nowrap">{formatRupiah(m.annualSales, { locale: lang, cents: true })}</Td>
                  <Td>
                    <div className="flex flex-col items-start gap-1">
                      <ScaleBadge scale={m.computedScale} label={r(`scale.${m.computedScale}`)} />
                      {m.scaleMismatch && m.recordedScale && (
                        <span className="whitespace-nowrap" title={t('mismatchBody', { recorded: r(`scale.${m.recordedScale}`), computed: r(`scale.${m.computedScale}`) })}>
                          <Badge tone="red"><AlertTriangle aria-hidden className="mr-1 size-3" />{t('mismatch')}</Badge>
                        </span>
                      )}
                    </div>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          </div>
          <Pagination pathname="/umkm" params={params} page={page} pageSize={pageSize} total={total} />
        </>
      )}
    </>
  )
}
