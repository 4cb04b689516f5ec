import type { Metadata } from 'next'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { Download, Plus } from 'lucide-react'
import { DateInput } from '@/components/ui/date-input'
import { IgnoredDates } from '@/components/ui/ignored-dates'
import { LinkButton, buttonClass } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { PastLastPage } from '@/components/ui/past-last-page'
import { inputClass } from '@/components/ui/input-class'
import { PageHeader } from '@/components/ui/page-header'
import { Pagination } from '@/components/ui/pagination'
import { SortLinks, SortTh, Table, Td, Th } from '@/components/ui/table'
import { findActivities } from '@/lib/data/activities'
import { agencyRegencies } from '@/lib/data/regions'
import { formatDate, formatNumber, formatRupiah } from '@/lib/format'
import { can } from '@/lib/permissions'
import { requirePermission } from '@/lib/session'
import { flatParams, hrefWith, type SearchParams } from '@/lib/url'
import { ACTIVITY_KINDS, activityFilterSchema, BUDGET_SOURCES } from '@/lib/validations/activities'
import { FilterForm, KeptSort } from '@/components/ui/filter-form'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('activities'))('title') }
}

/** Pembinaan activities: filters in the URL, one page at a time, exported as the list shows them. */
export default async function ActivitiesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('activities.read')
  const params = flatParams(await searchParams)
  const filter = activityFilterSchema.parse(params)
  const [t, r, locale, { rows, total, page, pageSize }, allRegencies] = await Promise.all([
    getTranslations('activities'), getTranslations('registers'), getLocale(), findActivities({ user, filter }), agencyRegencies(),
  ])
  const lang = locale === 'en' ? 'en' : 'id'
  const regencies = user.regencyCode ? allRegencies.filter((x) => x.code === user.regencyCode) : allRegencies
  const exportHref = (format: string) => hrefWith('/api/kegiatan/ekspor', params, { format, page: undefined, from: filter.from, to: filter.to })
  // newest first is the default order: the date column shows it, descending
  const sortProps = { pathname: '/kegiatan', params: filter.sort ? params : { ...params, sort: 'startDate', dir: params.dir ?? 'desc' } }
  const when = (a: { startDate: Date; endDate: Date | null }) => `${formatDate(a.startDate, { locale: lang })}${a.endDate && a.endDate.getTime() !== a.startDate.getTime() ? ` – ${formatDate(a.endDate, { locale: lang })}` : ''}`
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <>
            {can(user.role, 'export.read') && (
              <>
                <a href={exportHref('xlsx')} className={buttonClass('secondary')}><Download aria-hidden className="size-4" />{r('export')} .xlsx</a>
                <a href={exportHref('csv')} className={buttonClass('secondary')}>.csv</a>
              </>
            )}
            {can(user.role, 'activities.write') && <LinkButton href="/kegiatan/baru"><Plus aria-hidden className="size-4" />{t('new')}</LinkButton>}
          </>
        }
      />
      {params.dihapus && <p role="status" className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t('deleted')}</p>}
      <FilterForm role="search" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[minmax(0,1.4fr)_repeat(5,minmax(0,1fr))]">
        <KeptSort sort={filter.sort} dir={filter.dir} />
        <label className="flex flex-col gap-1 text-sm sm:col-span-2 lg:col-span-1">
          <span className="font-medium">{r('search')}</span>
          <input name="q" defaultValue={filter.q} className={inputClass()} type="search" placeholder={t('search')} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{r('regency')}</span>
          <select name="regency" defaultValue={filter.regency ?? ''} className={inputClass()}>
            {!user.regencyCode && <option value="">{r('allRegencies')}</option>}
            {regencies.map((x) => <option key={x.code} value={x.code}>{x.name}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('fields.kind')}</span>
          <select name="kind" defaultValue={filter.kind ?? ''} className={inputClass()}>
            <option value="">{t('allKinds')}</option>
            {ACTIVITY_KINDS.map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('fields.budgetSource')}</span>
          <select name="source" defaultValue={filter.source ?? ''} className={inputClass()}>
            <option value="">{t('allSources')}</option>
            {BUDGET_SOURCES.map((k) => <option key={k} value={k}>{t(`source.${k}`)}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('from')}</span>
          <DateInput name="from" defaultValue={filter.from ?? ''} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('to')}</span>
          <DateInput name="to" defaultValue={filter.to ?? ''} />
        </label>
        <div className="col-span-full flex items-end gap-2">
          <button type="submit" className={buttonClass('primary')}>{r('apply')}</button>
          <Link href="/kegiatan" className={buttonClass('ghost')}>{r('reset')}</Link>
        </div>
      </FilterForm>
      <IgnoredDates dates={[{ label: t('from'), sent: params.from, kept: filter.from }, { label: t('to'), sent: params.to, kept: filter.to }]} />
      {rows.length === 0 && total > 0 ? (
        <PastLastPage page={page} total={total} href={hrefWith('/kegiatan', params, { page: undefined })} />
      ) : rows.length === 0 ? (
        ['q', 'regency', 'kind', 'source', 'from', 'to'].some((k) => params[k])
          ? <EmptyState title={t('emptyFiltered')}>{t('emptyFilteredHint')}</EmptyState>
          : <EmptyState title={t('empty')}>{t('emptyHint')}</EmptyState>
      ) : (
        <>
          <SortLinks hiddenFrom="md" {...sortProps} columns={[
            { column: 'title', label: t('fields.title') }, { column: 'kind', label: t('fields.kind') },
            { column: 'startDate', firstDir: 'desc', label: t('fields.date') }, { column: 'budgetAmount', firstDir: 'desc', label: t('fields.budgetAmount') },
          ]} />
          <ul className="space-y-2 md:hidden" aria-label={t('title')}>
            {rows.map((a) => (
              <li key={a.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
                <Link href={`/kegiatan/${a.id}`} className="font-medium text-brand-700 hover:underline">{a.title}</Link>
                <p className="mt-1 text-slate-700">{t(`kind.${a.kind}`)} · {a.regency?.name ?? t('province')}</p>
                <p className="text-slate-600">{when(a)} · {t('beneficiaries.count', { count: a._count.beneficiaries })}</p>
              </li>
            ))}
          </ul>
          <div className="hidden md:block">
            <Table caption={t('title')}>
              <thead>
                <tr>
                  <SortTh {...sortProps} column="title" label={t('fields.title')} />
                  <SortTh {...sortProps} column="kind" label={t('fields.kind')} />
                  <SortTh {...sortProps} column="startDate" firstDir="desc" label={t('fields.date')} />
                  <Th>{r('regency')}</Th>
                  {/* amount and its source in one column: seven columns did not fit at 1280–1400 px (the last was cut off) */}
                  <SortTh {...sortProps} column="budgetAmount" firstDir="desc" label={t('budget')} align="right" />
                  <Th align="right">{t('beneficiaryCount')}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((a) => (
                  <tr key={a.id}>
                    <Td className="min-w-56"><Link href={`/kegiatan/${a.id}`} className="font-medium text-brand-700 hover:underline">{a.title}</Link></Td>
                    <Td>{t(`kind.${a.kind}`)}</Td>
                    <Td className="min-w-32">{when(a)}</Td>
                    <Td>{a.regency?.name ?? t('province')}</Td>
                    <Td align="right">
                      <span className="whitespace-nowrap">{a.budgetAmount ? formatRupiah(a.budgetAmount, { locale: lang }) : '–'}</span>
                      {a.budgetSource && <span className="block text-xs text-slate-500">{t(`source.${a.budgetSource}`)}</span>}
                    </Td>
                    <Td align="right">{formatNumber(a._count.beneficiaries, { locale: lang })}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
          <Pagination pathname="/kegiatan" params={params} page={page} pageSize={pageSize} total={total} />
        </>
      )}
    </>
  )
}
