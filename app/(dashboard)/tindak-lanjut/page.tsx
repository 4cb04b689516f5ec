import type { Metadata } from 'next'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { ActionStatusBadge, MeetingTabs } from '@/components/meetings/display'
import { actionOwnerName as ownerName } from '@/lib/meetings/labels'
import { buttonClass } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { PastLastPage } from '@/components/ui/past-last-page'
import { inputClass } from '@/components/ui/input-class'
import { PageHeader } from '@/components/ui/page-header'
import { Pagination } from '@/components/ui/pagination'
import { SortLinks, SortTh, Table, Td, Th } from '@/components/ui/table'
import { Download } from 'lucide-react'
import { can } from '@/lib/permissions'
import { hrefWith } from '@/lib/url'
import { actionOwnerChoices, DUE_SOON_DAYS, findActions, listBanks, meetingHeading } from '@/lib/data/meetings'
import { agencyRegencies } from '@/lib/data/regions'
import { formatDate, formatNumber } from '@/lib/format'
import { isOverdue } from '@/lib/meetings/rules'
import { requirePermission } from '@/lib/session'
import { flatParams, type SearchParams } from '@/lib/url'
import { ACTION_STATUSES, actionFilterSchema, OWNER_KINDS } from '@/lib/validations/meetings'
import { FilterForm, KeptSort, MoreFilters } from '@/components/ui/filter-form'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meetings'))('actions.title') }
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

/**
 * Follow-ups across meetings, filtered by owner, status, overdue and meeting in the URL. A district
 * officer (or bank officer) opening the page without filters lands on its own open follow-ups.
 */
export default async function ActionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('meetings.read')
  const params = flatParams(await searchParams)
  const landing = Object.keys(params).length === 0
  if (landing && user.role === 'DISTRICT_OFFICER' && user.regencyCode) params.regency = user.regencyCode
  if (landing && user.role === 'BANK_OFFICER' && user.bankId) params.bank = user.bankId
  const filter = actionFilterSchema.parse(params)
  // a day that does not exist (2026-02-31) reads as today: the export links and filters carry the day shown, not it
  if (!filter.asOf) delete params.asOf
  const [t, r, locale, result, allRegencies, allBanks, owners, meeting] = await Promise.all([
    getTranslations('meetings'), getTranslations('registers'), getLocale(), findActions({ user, filter }), agencyRegencies(),
    listBanks(), actionOwnerChoices(user), filter.meeting ? meetingHeading({ user, id: filter.meeting }) : null,
  ])
  // an officer chooses among the owners it can see (its own always, and the one in the URL, so the select shows it)
  const offered = (code: string, set: Set<string> | undefined, own: string | null | undefined, chosen: string | undefined) =>
    !set || set.has(code) || code === own || code === chosen
  const regencies = allRegencies.filter((x) => offered(x.code, owners?.regencies, user.regencyCode, filter.regency))
  const banks = allBanks.filter((b) => offered(b.id, owners?.banks, user.bankId, filter.bank))
  const lang = locale === 'en' ? 'en' : 'id'
  const { rows, total, page, pageSize, asOf } = result
  const sortProps = { pathname: '/tindak-lanjut', params, defaultSort: 'dueDate' }
  const ownLabel = filter.regency ? regencies.find((r) => r.code === filter.regency)?.name : filter.bank ? banks.find((b) => b.id === filter.bank)?.shortName : undefined
  return (
    <>
      <PageHeader
        title={t('actions.title')}
        description={t('actions.description')}
        actions={can(user.role, 'export.read') && (
          <>
            <a href={hrefWith('/api/tindak-lanjut/ekspor', params, { format: 'xlsx', page: undefined })} className={buttonClass('secondary')} title={r('exportNote')}><Download aria-hidden className="size-4" />{r('export')} .xlsx</a>
            <a href={hrefWith('/api/tindak-lanjut/ekspor', params, { format: 'csv', page: undefined })} className={buttonClass('secondary')} title={r('exportNote')}>.csv</a>
          </>
        )}
      />
      <MeetingTabs current="actions" />
      <FilterForm role="search" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
        {filter.meeting && <input type="hidden" name="meeting" value={filter.meeting} />}
        {filter.asOf && <input type="hidden" name="asOf" value={filter.asOf} />}
        <KeptSort sort={filter.sort} dir={filter.dir} />
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('actions.filters.status')}</span>
          <select name="status" defaultValue={filter.status ?? 'open'} className={inputClass()}>
            <option value="open">{t('actions.filters.open')}</option>
            <option value="all">{t('actions.filters.all')}</option>
            {ACTION_STATUSES.map((s) => <option key={s} value={s}>{t(`actionStatus.${s}`)}</option>)}
          </select>
        </label>
        <MoreFilters active={[filter.ownerKind, filter.regency, filter.bank, filter.overdue, filter.due].filter(Boolean).length}>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('actions.filters.owner')}</span>
          <select name="ownerKind" defaultValue={filter.ownerKind ?? ''} className={inputClass()}>
            <option value="">{t('actions.filters.allOwners')}</option>
            {OWNER_KINDS.map((k) => <option key={k} value={k}>{t(`ownerKind.${k}`)}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('actions.filters.regency')}</span>
          <select name="regency" defaultValue={filter.regency ?? ''} className={inputClass()}>
            <option value="">{t('actions.filters.allOwners')}</option>
            {regencies.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('actions.filters.bank')}</span>
          <select name="bank" defaultValue={filter.bank ?? ''} className={inputClass()}>
            <option value="">{t('actions.filters.allOwners')}</option>
            {banks.map((b) => <option key={b.id} value={b.id}>{b.shortName}</option>)}
          </select>
        </label>
        <label className="flex items-center gap-2 self-end pb-2 text-sm">
          <input type="checkbox" name="overdue" value="1" defaultChecked={!!filter.overdue} className="size-4" />
          <span className="font-medium">{t('actions.filters.overdue')}</span>
        </label>
        {/* at risk: due within the week, not late yet (both ticked: the late ones, as overdue wins) */}
        <label className="flex items-center gap-2 self-end pb-2 text-sm">
          <input type="checkbox" name="due" value="soon" defaultChecked={filter.due === 'soon'} className="size-4" />
          <span className="font-medium">{t('actions.filters.dueSoon')}</span>
        </label>
        </MoreFilters>
        {/* three or four selects a row: six columns cut "Terbuka dan dalam proses" and pushed the buttons out of a 1024 px screen */}
        <div className="flex flex-wrap items-end gap-2 sm:justify-end xl:col-span-2">
          <button type="submit" className={buttonClass('primary')}>{t('filters.apply')}</button>
          <Link href="/tindak-lanjut?status=open" className={buttonClass('ghost')}>{t('filters.reset')}</Link>
        </div>
      </FilterForm>
      {/* the meeting filter has no field of its own (it comes from a meeting's link): say it, and how to drop it, as the audit page's record line */}
      {filter.meeting && (
        <p className="mb-3 text-sm text-slate-700" data-testid="meeting-filter">
          {t('actions.meetingFilter', { title: meeting?.title ?? filter.meeting })}{meeting && <span className="text-slate-500"> ({formatDate(meeting.startsAt, { locale: lang })})</span>}{' · '}
          <Link href={hrefWith('/tindak-lanjut', params, { meeting: undefined, page: undefined })} className="text-brand-700 underline">{t('actions.showAll')}</Link>
        </p>
      )}
      {landing && ownLabel && <p className="mb-3 text-sm text-slate-700" role="status">{t('actions.ownFilter', { owner: ownLabel })}</p>}
      {(filter.overdue || filter.due) && <p className="mb-3 text-sm text-slate-700" data-testid="overdue-as-of">{t(filter.overdue ? 'actions.asOf' : 'actions.dueSoonAsOf', { date: formatDate(asOf, { locale: lang }), days: DUE_SOON_DAYS })}</p>}
      {rows.length === 0 && total > 0 ? (
        <PastLastPage page={page} total={total} href={hrefWith('/tindak-lanjut', params, { page: undefined })} />
      ) : rows.length === 0 ? <EmptyState title={t('actions.empty')} /> : (
        <>
          {/* a phone reads cards; the table scrolls sideways only from the small breakpoint up */}
          <SortLinks hiddenFrom="sm" {...sortProps} columns={[
            { column: 'title', label: t('actions.columns.action') }, { column: 'dueDate', label: t('actions.columns.due') },
            { column: 'status', label: t('actions.columns.status') }, { column: 'meeting', label: t('actions.columns.meeting') },
          ]} />
          <ul className="space-y-2 sm:hidden" aria-label={t('actions.title')}>
            {rows.map((a) => {
              const late = isOverdue(a, asOf)
              return (
                <li key={a.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm" data-action={a.id}>
                  <Link href={`/tindak-lanjut/${a.id}`} className="font-medium text-brand-700 hover:underline" data-user-content>{a.title}</Link>
                  <p className="mt-1 text-xs text-slate-600">{ownerName(a)} · {formatDate(a.dueDate, { locale: lang })}{late && <span className="font-medium text-red-700"> · {t('actions.overdueDays', { days: daysBetween(a.dueDate.toISOString().slice(0, 10), asOf) })}</span>}</p>
                  <div className="mt-1 flex flex-wrap items-center justify-between gap-2"><ActionStatusBadge status={a.status} overdue={late} /><span className="text-xs text-slate-500">{a.meeting.title}</span></div>
                </li>
              )
            })}
          </ul>
          <div className="hidden sm:block">
          <Table caption={t('actions.title')}>
            <thead>
              <tr>
                <SortTh {...sortProps} column="title" label={t('actions.columns.action')} />
                <Th>{t('actions.columns.owner')}</Th>
                <SortTh {...sortProps} column="dueDate" label={t('actions.columns.due')} />
                <SortTh {...sortProps} column="status" label={t('actions.columns.status')} />
                <SortTh {...sortProps} column="meeting" label={t('actions.columns.meeting')} />
                <Th align="right">{t('actions.columns.notes')}</Th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((a) => {
                const late = isOverdue(a, asOf)
                return (
                  <tr key={a.id} data-action={a.id}>
                    <Td><Link href={`/tindak-lanjut/${a.id}`} className="font-medium text-brand-700 hover:underline" data-user-content>{a.title}</Link></Td>
                    <Td>{ownerName(a)}<span className="block text-xs text-slate-500">{t(`ownerKind.${a.ownerKind}`)}</span></Td>
                    <Td className="whitespace-nowrap">{formatDate(a.dueDate, { locale: lang })}{late && <span className="block text-xs font-medium text-red-700">{t('actions.overdueDays', { days: daysBetween(a.dueDate.toISOString().slice(0, 10), asOf) })}</span>}</Td>
                    <Td><ActionStatusBadge status={a.status} overdue={late} /></Td>
                    <Td><Link href={`/rapat/${a.meeting.id}`} className="hover:underline">{a.meeting.title}</Link><span className="block text-xs text-slate-500">{formatDate(a.meeting.startsAt, { locale: lang })}</span></Td>
                    <Td align="right">{formatNumber(a._count.notes, { locale: lang })}</Td>
                  </tr>
                )
              })}
            </tbody>
          </Table>
          </div>
          <Pagination pathname="/tindak-lanjut" params={params} page={page} pageSize={pageSize} total={total} />
        </>
      )}
    </>
  )
}
