import type { Metadata } from 'next'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { ArchiveRestore, Download, FileUp, Plus } from 'lucide-react'
import { OutcomeBadge } from '@/components/registers/badges'
import { Badge } from '@/components/ui/badge'
import { LinkButton, buttonClass } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { PastLastPage } from '@/components/ui/past-last-page'
import { inputClass } from '@/components/ui/input-class'
import { PageHeader } from '@/components/ui/page-header'
import { Pagination } from '@/components/ui/pagination'
import { SortLinks, SortTh, Table, Td, Th } from '@/components/ui/table'
import { findCooperatives } from '@/lib/data/cooperatives'
import { agencyRegencies } from '@/lib/data/regions'
import { formatNumber } from '@/lib/format'
import { can } from '@/lib/permissions'
import { requirePermission } from '@/lib/session'
import { flatParams, hrefWith, type SearchParams } from '@/lib/url'
import { COOPERATIVE_TYPES, cooperativeFilterSchema, HEALTH_OUTCOME_VALUES } from '@/lib/validations/cooperatives'
import { FILTER_TEXT_MAX, searchWasCut } from '@/lib/validations/registers-common'
import { FilterForm, KeptSort, MoreFilters } from '@/components/ui/filter-form'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('cooperatives'))('title') }
}

export default async function CooperativesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('cooperatives.read')
  const params = flatParams(await searchParams)
  // a district officer's list is its own regency: another code in the URL reads as its own, as the picker shows it
  if (user.regencyCode) params.regency = user.regencyCode
  const filter = cooperativeFilterSchema.parse(params)
  const [t, r, locale, { rows, total, page, pageSize }, allRegencies] = await Promise.all([
    getTranslations('cooperatives'),
    getTranslations('registers'),
    getLocale(),
    findCooperatives({ user, filter }),
    agencyRegencies(),
  ])
  const lang = locale === 'en' ? 'en' : 'id'
  // a district officer's list is its own regency; offering the others would only give empty lists
  const regencies = user.regencyCode ? allRegencies.filter((x) => x.code === user.regencyCode) : allRegencies
  const canWrite = can(user.role, 'cooperatives.write')
  const exportHref = (format: string) => hrefWith('/api/koperasi/ekspor', params, { format, page: undefined })
  const sortProps = { pathname: '/koperasi', params }
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
            {canWrite && can(user.role, 'imports.use') && <LinkButton variant="secondary" href="/impor/baru?jenis=koperasi"><FileUp aria-hidden className="size-4" />{(await getTranslations('imports'))('fromExcel')}</LinkButton>}
            {canWrite && can(user.role, 'imports.use') && <LinkButton variant="secondary" href="/impor/baru?jenis=koperasi-tahunan"><FileUp aria-hidden className="size-4" />{(await getTranslations('imports'))('yearlyFromExcel')}</LinkButton>}
            {canWrite && <LinkButton variant="ghost" href="/koperasi/terhapus"><ArchiveRestore aria-hidden className="size-4" />{r('deletedRecords')}</LinkButton>}
            {canWrite && <LinkButton href="/koperasi/baru"><Plus aria-hidden className="size-4" />{t('new')}</LinkButton>}
          </>
        }
      />
      {params.dihapus && <p role="status" className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{r('deleted')} <Link href="/koperasi/terhapus" className="font-medium underline">{r('deletedCanRestore')}</Link></p>}
      <FilterForm role="search" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[minmax(0,1.6fr)_repeat(4,minmax(0,1fr))]">
        <KeptSort sort={filter.sort} dir={filter.dir} />
        <label className="flex flex-col gap-1 text-sm sm:col-span-2 lg:col-span-1">
          <span className="font-medium">{r('search')}</span>
          <input name="q" defaultValue={filter.q} className={inputClass()} type="search" maxLength={FILTER_TEXT_MAX} placeholder={t('name') + ' / ' + t('nik')} />
          {searchWasCut(params.q) && <span role="status" className="text-xs text-amber-700">{r('searchCut', { max: FILTER_TEXT_MAX })}</span>}
        </label>
        <MoreFilters active={[!user.regencyCode && filter.regency, filter.type, filter.status, filter.health].filter(Boolean).length}>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{r('regency')}</span>
          <select name="regency" defaultValue={filter.regency ?? ''} className={inputClass()}>
            {!user.regencyCode && <option value="">{r('allRegencies')}</option>}
            {regencies.map((x) => <option key={x.code} value={x.code}>{x.name}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('type')}</span>
          <select name="type" defaultValue={filter.type ?? ''} className={inputClass()}>
            <option value="">{t('allTypes')}</option>
            {COOPERATIVE_TYPES.map((x) => <option key={x} value={x}>{r(`type.${x}`)}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{r('status')}</span>
          <select name="status" defaultValue={filter.status ?? ''} className={inputClass()}>
            <option value="">{r('allStatus')}</option>
            <option value="aktif">{r('active')}</option>
            <option value="nonaktif">{r('inactive')}</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('health')}</span>
          <select name="health" defaultValue={filter.health ?? ''} className={inputClass()}>
            <option value="">{t('allHealth')}</option>
            {[...HEALTH_OUTCOME_VALUES, 'BELUM' as const].map((x) => <option key={x} value={x}>{r(`outcome.${x}`)}</option>)}
          </select>
        </label>
        </MoreFilters>
        <div className="col-span-full flex items-end gap-2">
          <button type="submit" className={buttonClass('primary')}>{r('apply')}</button>
          <Link href="/koperasi" className={buttonClass('ghost')}>{r('reset')}</Link>
        </div>
      </FilterForm>
      {rows.length === 0 && total > 0 ? (
        <PastLastPage page={page} total={total} href={hrefWith('/koperasi', params, { page: undefined })} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('empty')}>{t('emptyHint')}</EmptyState>
      ) : (
        <>
          {/* phones: one card per cooperative; wider screens: the sortable table */}
          <SortLinks hiddenFrom="md" {...sortProps} defaultSort="name" columns={[
            { column: 'name', label: t('name') }, { column: 'nik', label: t('nik') }, { column: 'regencyCode', label: r('regency') },
            { column: 'type', label: t('type') }, { column: 'members', firstDir: 'desc', label: t('members') }, { column: 'healthOutcome', label: t('health') },
          ]} />
          <ul className="space-y-2 md:hidden" aria-label={t('title')}>
            {rows.map((c) => (
              <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                <Link href={`/koperasi/${c.id}`} className="font-medium text-brand-700 hover:underline">{c.name}</Link>
                <p className="font-mono text-xs text-slate-500">{c.nik}</p>
                <p className="mt-1 text-slate-700">{c.regency.name} · {r(`type.${c.type}`)} · {formatNumber(c.membersMale + c.membersFemale, { locale: lang })} {t('members').toLowerCase()}</p>
                <div className="mt-2 flex flex-wrap gap-1">
                  <OutcomeBadge outcome={c.healthOutcome} label={r(`outcome.${c.healthOutcome ?? 'BELUM'}`)} />
                  {c.active ? <Badge tone="green">{r('active')}</Badge> : <Badge tone="slate">{r('inactive')}</Badge>}
                </div>
              </li>
            ))}
          </ul>
          <div className="hidden md:block">
          <Table caption={t('title')}>
            <thead>
              <tr>
                <SortTh label={t('name')} column="name" {...sortProps} defaultSort="name" />
                <SortTh label={t('nik')} column="nik" {...sortProps} />
                <SortTh label={r('regency')} column="regencyCode" {...sortProps} />
                <SortTh label={t('type')} column="type" {...sortProps} />
                <SortTh label={t('members')} column="members" firstDir="desc" align="right" {...sortProps} />
                <SortTh label={t('health')} column="healthOutcome" {...sortProps} />
                <Th>{r('status')}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((c) => (
                <tr key={c.id} data-nik={c.nik}>
                  <Td className="min-w-56">
                    <Link href={`/koperasi/${c.id}`} className="font-medium text-brand-700 hover:underline">{c.name}</Link>
                    {c.groupName && <span className="block text-xs text-slate-500">{c.groupName}</span>}
                  </Td>
                  <Td className="whitespace-nowrap font-mono text-xs">{c.nik}</Td>
                  <Td className="whitespace-nowrap">{c.regency.name}</Td>
                  <Td className="whitespace-nowrap">{r(`type.${c.type}`)}</Td>
                  <Td align="right">{formatNumber(c.membersMale + c.membersFemale, { locale: lang })}</Td>
                  <Td className="whitespace-nowrap"><OutcomeBadge outcome={c.healthOutcome} label={r(`outcome.${c.healthOutcome ?? 'BELUM'}`)} /></Td>
                  <Td>{c.active ? <Badge tone="green" className="whitespace-nowrap">{r('active')}</Badge> : <Badge tone="slate" className="whitespace-nowrap">{r('inactive')}</Badge>}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          </div>
          <Pagination pathname="/koperasi" params={params} page={page} pageSize={pageSize} total={total} />
        </>
      )}
    </>
  )
}
