import type { Metadata } from 'next'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { Download, Plus } from 'lucide-react'
import clsx from 'clsx'
import { MeetingStatusBadge, MeetingTabs } from '@/components/meetings/display'
import { Badge } from '@/components/ui/badge'
import { LinkButton, buttonClass } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { PastLastPage } from '@/components/ui/past-last-page'
import { inputClass } from '@/components/ui/input-class'
import { PageHeader } from '@/components/ui/page-header'
import { Pagination } from '@/components/ui/pagination'
import { SortLinks, SortTh, Table, Td, Th } from '@/components/ui/table'
import { findMeetings, findMeetingsInMonth, meetingYears } from '@/lib/data/meetings'
import { agencyRegencies } from '@/lib/data/regions'
import { jakartaDate, jakartaTime, jakartaToday } from '@/lib/dates'
import { formatDate, formatMonth, formatNumber } from '@/lib/format'
import { can } from '@/lib/permissions'
import { requirePermission } from '@/lib/session'
import { flatParams, hrefWith, type SearchParams } from '@/lib/url'
import { meetingPlace } from '@/lib/meetings/when'
import { MEETING_STATUSES, MEETING_TYPES, meetingFilterSchema } from '@/lib/validations/meetings'
import { FilterForm, KeptSort, MoreFilters } from '@/components/ui/filter-form'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meetings'))('title') }
}

/** Coordination meetings: a filtered list (type, year, status, regency in the URL) or a month calendar. */
export default async function MeetingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('meetings.read')
  const params = flatParams(await searchParams)
  const filter = meetingFilterSchema.parse(params)
  const calendar = filter.view === 'calendar'
  const month = filter.month ?? jakartaToday().slice(0, 7)
  const [t, r, locale, years, allRegencies] = await Promise.all([getTranslations('meetings'), getTranslations('registers'), getLocale(), meetingYears({ user }), agencyRegencies()])
  const lang = locale === 'en' ? 'en' : 'id'
  const regencies = user.regencyCode ? allRegencies.filter((r) => r.code === user.regencyCode) : allRegencies
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <>
            {!calendar && can(user.role, 'export.read') && (
              <>
                <a href={hrefWith('/api/rapat/ekspor', params, { format: 'xlsx', page: undefined })} className={buttonClass('secondary')} title={r('exportNote')}><Download aria-hidden className="size-4" />{r('export')} .xlsx</a>
                <a href={hrefWith('/api/rapat/ekspor', params, { format: 'csv', page: undefined })} className={buttonClass('secondary')} title={r('exportNote')}>.csv</a>
              </>
            )}
            {can(user.role, 'meetings.write') && <LinkButton href="/rapat/baru"><Plus aria-hidden className="size-4" />{t('new')}</LinkButton>}
          </>
        }
      />
      <MeetingTabs current={calendar ? 'calendar' : 'meetings'} />
      <FilterForm role="search" className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5">
        {calendar && <input type="hidden" name="view" value="calendar" />}
        {calendar && <input type="hidden" name="month" value={month} />}
        <KeptSort sort={filter.sort} dir={filter.dir} />
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('filters.type')}</span>
          <select name="type" defaultValue={filter.type ?? ''} className={inputClass()}>
            <option value="">{t('filters.all')}</option>
            {MEETING_TYPES.map((x) => <option key={x} value={x}>{t(`type.${x}`)}</option>)}
          </select>
        </label>
        <MoreFilters active={[!calendar && filter.year, filter.status, filter.regency].filter(Boolean).length}>
        {!calendar && (
          <label className="flex flex-col gap-1 text-sm">
            <span className="font-medium">{t('filters.year')}</span>
            <select name="year" defaultValue={filter.year ?? ''} className={inputClass()}>
              <option value="">{t('filters.all')}</option>
              {years.map((y) => <option key={y} value={y}>{y}</option>)}
            </select>
          </label>
        )}
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('filters.status')}</span>
          <select name="status" defaultValue={filter.status ?? ''} className={inputClass()}>
            <option value="">{t('filters.all')}</option>
            {MEETING_STATUSES.map((x) => <option key={x} value={x}>{t(`status.${x}`)}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('filters.regency')}</span>
          <select name="regency" defaultValue={filter.regency ?? ''} className={inputClass()}>
            <option value="">{t('filters.all')}</option>
            {regencies.map((x) => <option key={x.code} value={x.code}>{x.name}</option>)}
          </select>
        </label>
        </MoreFilters>
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClass('primary')}>{t('filters.apply')}</button>
          <Link href={calendar ? `/rapat?view=calendar&month=${month}` : '/rapat'} className={`${buttonClass('ghost')} whitespace-nowrap`}>{t('filters.reset')}</Link>
        </div>
      </FilterForm>
      {calendar ? <MonthCalendar user={user} params={params} filter={filter} month={month} lang={lang} /> : <MeetingList user={user} params={params} filter={filter} lang={lang} />}
    </>
  )
}


type ListProps = { user: Awaited<ReturnType<typeof requirePermission>>; params: Record<string, string>; filter: ReturnType<typeof meetingFilterSchema.parse>; lang: 'id' | 'en' }

/** A title that already begins with its type ("Rakor Evaluasi …") is not given it again ("Rakor Rakor Evaluasi …"). */
function namesItsType(typeLabel: string, title: string) {
  return title.toLocaleLowerCase('id').startsWith(`${typeLabel.toLocaleLowerCase('id')} `)
}

async function MeetingList({ user, params, filter, lang }: ListProps) {
  const [t, { rows, total, page, pageSize }] = await Promise.all([getTranslations('meetings'), findMeetings({ user, filter })])
  const namesType = (m: (typeof rows)[number]) => namesItsType(t(`type.${m.type}`), m.title)
  // a page past the last (an old link): say so and link back, as the register lists do, not "no meetings"
  if (rows.length === 0 && total > 0) {
    return <PastLastPage page={page} total={total} href={hrefWith('/rapat', params, { page: undefined })} />
  }
  if (rows.length === 0) return <EmptyState title={t('list.empty')}>{t('list.emptyHint')}</EmptyState>
  // newest first is the default order: the header shows it as the date column, descending
  const sortProps = { pathname: '/rapat', params: filter.sort ? params : { ...params, sort: 'startsAt', dir: params.dir ?? 'desc' } }
  return (
    <>
      <SortLinks hiddenFrom="sm" {...sortProps} columns={[
        { column: 'startsAt', firstDir: 'desc', label: t('list.when') }, { column: 'title', label: t('list.meeting') }, { column: 'status', label: t('filters.status') },
      ]} />
      <ul className="space-y-2 sm:hidden" aria-label={t('title')}>
        {rows.map((m) => (
          <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm" data-meeting={m.id}>
            <p className="text-xs text-slate-500">{formatDate(m.startsAt, { locale: lang })}{jakartaDate(m.endsAt) !== jakartaDate(m.startsAt) && <> – {formatDate(m.endsAt, { locale: lang })}</>} · {meetingPlace(m) ?? '–'}</p>
            <Link href={`/rapat/${m.id}`} className="font-medium text-brand-700 hover:underline">{m.title}</Link>
            <div className="mt-1 flex flex-wrap items-center gap-2">
              <Badge>{t(`type.${m.type}`)}</Badge><MeetingStatusBadge status={m.status} />
              {m.openActions > 0 && m.status !== 'CANCELLED' && <span className="text-xs">{t('list.openActions', { open: formatNumber(m.openActions, { locale: lang }) })}</span>}
              {m.overdueActions > 0 && <span className="text-xs font-semibold text-red-700">{t('list.overdueActions', { overdue: formatNumber(m.overdueActions, { locale: lang }) })}</span>}
            </div>
          </li>
        ))}
      </ul>
      <div className="hidden sm:block">
      <Table caption={t('title')}>
        <thead>
          <tr>
            <SortTh {...sortProps} column="startsAt" firstDir="desc" label={t('list.when')} />
            <SortTh {...sortProps} column="title" label={t('list.meeting')} />
            <Th>{t('list.place')}</Th>
            <SortTh {...sortProps} column="status" label={t('filters.status')} />
            <Th align="right">{t('list.participants')}</Th>
            <Th>{t('list.actions')}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((m) => (
            <tr key={m.id} data-meeting={m.id}>
              <Td className="whitespace-nowrap">
                {formatDate(m.startsAt, { locale: lang })}
                {jakartaDate(m.endsAt) !== jakartaDate(m.startsAt) && <> – {formatDate(m.endsAt, { locale: lang })}</>}
                <span className="block text-xs text-slate-500">{jakartaTime(m.startsAt, lang)} WIB</span>
              </Td>
              <Td>
                {!namesType(m) && <><Badge>{t(`type.${m.type}`)}</Badge>{' '}</>}
                <Link href={`/rapat/${m.id}`} className="font-medium text-brand-700 hover:underline">{m.title}</Link>
                <span className="block text-xs text-slate-500">{m.organiser}</span>
              </Td>
              <Td>{meetingPlace(m) ?? '–'}{m.hostRegency && ![m.venue?.trim(), m.city?.trim()].includes(m.hostRegency.name) && <span className="block text-xs text-slate-500">{m.hostRegency.name}</span>}</Td>
              <Td><MeetingStatusBadge status={m.status} /></Td>
              <Td align="right">{formatNumber(m._count.participants, { locale: lang })}</Td>
              <Td className="whitespace-nowrap text-xs">
                {m._count.actions === 0 ? '–' : m.status === 'CANCELLED' ? (
                  // a cancelled meeting's open follow-ups were dropped with it (done ones stay done): "0 terbuka" read as if there had been none
                  <Link href={`/tindak-lanjut?meeting=${m.id}&status=all`} className="text-slate-500 hover:underline">{t('list.droppedActions', { count: m._count.actions })}</Link>
                ) : (
                  <Link href={`/tindak-lanjut?meeting=${m.id}`} className="hover:underline">
                    {t('list.openActions', { open: formatNumber(m.openActions, { locale: lang }) })}
                    {m.overdueActions > 0 && <span className="ml-1 font-semibold text-red-700">· {t('list.overdueActions', { overdue: formatNumber(m.overdueActions, { locale: lang }) })}</span>}
                  </Link>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      </div>
      <Pagination pathname="/rapat" params={params} page={page} pageSize={pageSize} total={total} />
    </>
  )
}

/** A month grid (Monday first) with each meeting on the Jakarta days it spans. */
async function MonthCalendar({ user, params, filter, month, lang }: ListProps & { month: string }) {
  const [t, meetings] = await Promise.all([getTranslations('meetings'), findMeetingsInMonth({ user, filter, month })])
  const withType = (x: (typeof meetings)[number]) => (namesItsType(t(`type.${x.type}`), x.title) ? x.title : `${t(`type.${x.type}`)} · ${x.title}`)
  const [y, m] = month.split('-').map(Number)
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
  const lead = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7
  const shift = (delta: number) => {
    const d = new Date(Date.UTC(y, m - 1 + delta, 1))
    return d.toISOString().slice(0, 7)
  }
  const title = formatMonth(new Date(Date.UTC(y, m - 1, 1)), { locale: lang })
  const today = jakartaToday()
  const cells: (string | null)[] = [...Array(lead).fill(null), ...Array.from({ length: days }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`)]
  while (cells.length % 7) cells.push(null)
  const on = (day: string) => meetings.filter((x) => jakartaDate(x.startsAt) <= day && jakartaDate(x.endsAt) >= day)
  // the start time on the day a meeting starts (a meeting over several days shows it once)
  const startsOn = (x: (typeof meetings)[number], day: string) => (jakartaDate(x.startsAt) === day ? jakartaTime(x.startsAt, lang) : '')
  return (
    <section aria-label={title} className="rounded-lg border border-slate-200 bg-white p-3">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <Link href={hrefWith('/rapat', params, { view: 'calendar', month: shift(-1) })} className="text-sm font-medium text-brand-700 hover:underline">{t('calendar.previous')}</Link>
        {/* on a phone the month heads the row and the two links share the line below it (they had wrapped apart) */}
        <h2 className="order-first w-full text-center text-base font-semibold capitalize sm:order-none sm:w-auto">{title}</h2>
        <Link href={hrefWith('/rapat', params, { view: 'calendar', month: shift(1) })} className="text-sm font-medium text-brand-700 hover:underline">{t('calendar.next')}</Link>
      </div>
      {/* on a phone: the month as a list of days that have meetings */}
      <ol className="space-y-2 sm:hidden">
        {cells.filter((d): d is string => !!d && on(d).length > 0).map((d) => (
          <li key={d} className="rounded-md border border-slate-100 p-2">
            <p className="text-xs font-semibold text-slate-600">{formatDate(d, { locale: lang })}</p>
            {on(d).map((x) => (
              <Link key={x.id} href={`/rapat/${x.id}`} className={clsx('flex gap-2 py-0.5 text-sm font-medium hover:underline', x.status === 'CANCELLED' ? 'text-slate-500' : 'text-brand-700')}>
                <span className="w-11 shrink-0 tabular-nums text-slate-600">{startsOn(x, d)}</span>{' '}
                <span className="min-w-0">
                  <span className={clsx(x.status === 'CANCELLED' && 'line-through')}>{withType(x)}</span>
                  {x.status === 'CANCELLED' && <span className="ml-1 whitespace-nowrap text-xs font-normal no-underline">({t('status.CANCELLED')})</span>}
                </span>
              </Link>
            ))}
          </li>
        ))}
        {meetings.length === 0 && <li className="text-sm text-slate-600">{t('calendar.empty')}</li>}
      </ol>
      <div className="hidden grid-cols-7 gap-px overflow-hidden rounded-md border border-slate-200 bg-slate-200 sm:grid" role="grid">
        {t('calendar.weekdays').split(',').map((d) => <div key={d} role="columnheader" className="bg-slate-50 px-2 py-1 text-xs font-semibold text-slate-600">{d}</div>)}
        {cells.map((d, i) => (
          <div key={i} role="gridcell" className={clsx('min-h-24 bg-white p-1.5', !d && 'bg-slate-50')} aria-label={d ? formatDate(d, { locale: lang }) : undefined}>
            {d && <span className={clsx('text-xs', d === today ? 'rounded bg-brand-600 px-1 font-semibold text-white' : 'text-slate-500')}>{Number(d.slice(8))}</span>}
            {d && on(d).map((x) => (
              <Link key={x.id} href={`/rapat/${x.id}`} className={clsx('mt-1 line-clamp-3 break-words rounded px-1 py-0.5 text-xs font-medium', x.status === 'CANCELLED' ? 'bg-slate-100 text-slate-500 line-through' : 'bg-brand-50 text-brand-800 hover:bg-brand-100')} title={`${withType(x)}${x.status === 'CANCELLED' ? ` (${t('status.CANCELLED')})` : ''}`}>
                {startsOn(x, d) && <><span className="tabular-nums">{startsOn(x, d)}</span>{' '}</>}
                {withType(x)}
                {x.status === 'CANCELLED' && <span className="sr-only"> ({t('status.CANCELLED')})</span>}
              </Link>
            ))}
          </div>
        ))}
      </div>
      {meetings.length === 0 && <p className="mt-2 hidden text-sm text-slate-600 sm:block">{t('calendar.empty')}</p>}
    </section>
  )
}
