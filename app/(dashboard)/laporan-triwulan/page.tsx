import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { FileUp } from 'lucide-react'
import { LinkButton } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { Table, Td, Th } from '@/components/ui/table'
import { StatusBadge, TimelinessBadge } from '@/components/reporting/status-badge'
import { YearPicker } from '@/components/reporting/year-picker'
import { findMyReports, findReportInbox, findReportTasks } from '@/lib/data/reporting'
import { formatDate, formatDateTime } from '@/lib/format'
import { can } from '@/lib/permissions'
import { currentQuarter, quarterLabel, quarterStarted } from '@/lib/reporting/periods'
import { requirePermission } from '@/lib/session'
import type { SessionUser } from '@/lib/session-user'
import { flatParams, type SearchParams } from '@/lib/url'
import { reportingFilterSchema } from '@/lib/validations/reporting'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('nav'))('quarterly') }
}

/** The role's starting point: an officer's own reports, the admin's inbox; leadership reads the figures. */
export default async function QuarterlyPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('reports.read')
  if (can(user.role, 'reports.write')) return <MyReports user={user} params={flatParams(await searchParams)} />
  if (can(user.role, 'reports.review')) return <Inbox user={user} />
  redirect('/laporan-triwulan/kelengkapan')
}

/** The report values from a spreadsheet (lib/imports/kinds/report-values.ts): the officer its own drafts, the agency any regency's. */
async function ImportLink({ user }: { user: SessionUser }) {
  if (!can(user.role, 'reports.import') || !can(user.role, 'imports.use')) return null
  const t = await getTranslations('imports')
  return <LinkButton variant="secondary" href="/impor/baru?jenis=laporan-triwulan"><FileUp aria-hidden className="size-4" />{t('fromExcel')}</LinkButton>
}

async function MyReports({ user, params }: { user: SessionUser; params: Record<string, string> }) {
  const now = new Date()
  const filter = reportingFilterSchema.parse(params)
  const year = filter.tahun ?? currentQuarter(now).year
  const [t, locale, mine, tasks] = await Promise.all([getTranslations('reporting'), getLocale(), findMyReports({ user, year, now }), findReportTasks({ user, now })])
  const lang = locale === 'en' ? 'en' : 'id'
  // the list opens on one year: a report returned, or overdue, in another (Triwulan IV 2025 in January) is named
  // above it, as the overview card and the bell name it (findReportTasks), so that the officer's own list does not hide it
  const elsewhere = tasks.filter((x) => x.year !== year && (x.status === 'RETURNED' || x.late))
  // what the officer can do with a quarter's report, the same in the card and the table row
  const action = (status: (typeof mine.quarters)[number]['status']) => ({
    editable: status === 'NOT_STARTED' || status === 'DRAFT' || status === 'RETURNED',
    label: status === 'NOT_STARTED' ? t('fill') : status === 'DRAFT' ? t('continue') : status === 'RETURNED' ? t('fix') : t('view'),
  })
  return (
    <section aria-labelledby="mine-title">
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="mine-title" className="text-lg font-semibold text-slate-900">{t('mine.title')}</h2>
          <p className="text-sm text-slate-600">{t('mine.intro', { regency: mine.regency?.name ?? '' })}</p>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <ImportLink user={user} />
          <YearPicker pathname="/laporan-triwulan" params={params} year={year} label={t('year')} submit={t('show')} />
        </div>
      </div>
      {elsewhere.length > 0 && (
        <div role="note" className="mb-4 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900" data-testid="other-years">
          <p className="font-medium">{t('mine.otherYears')}</p>
          <ul className="mt-1 space-y-0.5">
            {elsewhere.map((x) => (
              <li key={`${x.year}-${x.quarter}`}>
                <Link href={`/laporan-triwulan/${user.regencyCode}/${x.year}/${x.quarter}`} className="font-medium underline">{quarterLabel(x.quarter, lang)} {x.year}</Link>
                {': '}{x.status === 'RETURNED' ? t('mine.otherReturned') : t('mine.otherOverdue', { deadline: formatDate(x.deadline!, { locale: lang }) })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {/* phones: one card per quarter with its action in reach; wider screens: the table (as /umkm does) */}
      <ul className="space-y-2 md:hidden" aria-label={t('mine.title')}>
        {mine.quarters.map((q) => {
          const { editable, label } = action(q.status)
          return (
            <li key={q.quarter} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
              <div className="flex items-start justify-between gap-3">
                <div>
                  <p className="font-medium text-slate-900">{quarterLabel(q.quarter, lang)}</p>
                  <p className="text-xs text-slate-600">{t('deadline')}: {formatDate(q.deadline, { locale: lang })}</p>
                  {q.firstSubmittedAt && <p className="text-xs text-slate-600">{t('submittedAt')}: {formatDateTime(q.firstSubmittedAt, { locale: lang })}</p>}
                </div>
                {quarterStarted(year, q.quarter, now) && (
                  <LinkButton href={`/laporan-triwulan/${user.regencyCode}/${year}/${q.quarter}`} size="sm" variant={editable ? 'primary' : 'secondary'} aria-label={`${label} ${quarterLabel(q.quarter, lang)} ${year}`}>
                    {label}
                  </LinkButton>
                )}
              </div>
              <div className="mt-2 flex flex-wrap gap-1">
                <StatusBadge status={q.status} reopened={q.reopened} />
                <TimelinessBadge timeliness={q.timeliness} />
              </div>
            </li>
          )
        })}
      </ul>
      <div className="hidden md:block">
      <Table caption={t('mine.title')}>
        <thead>
          <tr>
            <Th>{t('quarter')}</Th>
            <Th>{t('deadline')}</Th>
            <Th>{t('statusLabel')}</Th>
            <Th>{t('timelinessLabel')}</Th>
            <Th>{t('submittedAt')}</Th>
            <Th>{t('actions')}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {mine.quarters.map((q) => {
            const { editable, label } = action(q.status)
            const started = quarterStarted(year, q.quarter, now)
            return (
              <tr key={q.quarter} data-quarter={q.quarter}>
                <Td className="font-medium">{quarterLabel(q.quarter, lang)}</Td>
                <Td className="whitespace-nowrap">{formatDate(q.deadline, { locale: lang })}</Td>
                <Td><StatusBadge status={q.status} reopened={q.reopened} /></Td>
                <Td><TimelinessBadge timeliness={q.timeliness} /></Td>
                <Td className="whitespace-nowrap text-xs">{q.firstSubmittedAt ? formatDateTime(q.firstSubmittedAt, { locale: lang }) : '–'}</Td>
                <Td>
                  {started && (
                    <LinkButton href={`/laporan-triwulan/${user.regencyCode}/${year}/${q.quarter}`} size="sm" variant={editable ? 'primary' : 'secondary'} aria-label={`${label} ${quarterLabel(q.quarter, lang)} ${year}`}>
                      {label}
                    </LinkButton>
                  )}
                </Td>
              </tr>
            )
          })}
        </tbody>
      </Table>
      </div>
    </section>
  )
}

async function Inbox({ user }: { user: SessionUser }) {
  const [t, locale, rows] = await Promise.all([getTranslations('reporting'), getLocale(), findReportInbox({ user })])
  const lang = locale === 'en' ? 'en' : 'id'
  return (
    <section aria-labelledby="inbox-title">
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="inbox-title" className="text-lg font-semibold text-slate-900">{t('inbox.title')}</h2>
          <p className="text-sm text-slate-600">{t('inbox.intro')}</p>
        </div>
        <ImportLink user={user} />
      </div>
      {rows.length === 0 ? (
        <EmptyState title={t('inbox.empty')} />
      ) : (
        <>
        {/* phones: one card per report with its action in reach; wider screens: the table */}
        <ul className="space-y-2 md:hidden" aria-label={t('inbox.title')}>
          {rows.map((r) => (
            <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
              <div className="flex items-start justify-between gap-3">
                <div>
                  <p className="font-medium text-slate-900">{r.regency.name}</p>
                  <p className="text-slate-700">{quarterLabel(r.quarter, lang)} {r.year}</p>
                  <p className="text-xs text-slate-600">
                    {t('submittedAt')}: {r.submittedAt ? formatDateTime(r.submittedAt, { locale: lang }) : '–'}
                    {r.resubmitted && <> · {t('inbox.resubmitted')}</>}
                  </p>
                </div>
                <LinkButton href={`/laporan-triwulan/${r.regencyCode}/${r.year}/${r.quarter}`} size="sm" aria-label={`${t('reviewAction')} ${r.regency.name} ${quarterLabel(r.quarter, lang)} ${r.year}`}>
                  {t('reviewAction')}
                </LinkButton>
              </div>
              <div className="mt-2"><TimelinessBadge timeliness={!r.required ? 'NOT_REQUIRED' : r.onTime ? 'ON_TIME' : 'LATE'} /></div>
            </li>
          ))}
        </ul>
        <div className="hidden md:block">
        <Table caption={t('inbox.title')}>
          <thead>
            <tr>
              <Th>{t('regency')}</Th>
              <Th>{t('quarter')}</Th>
              <Th>{t('submittedAt')}</Th>
              <Th>{t('timelinessLabel')}</Th>
              <Th>{t('actions')}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.id} data-regency={r.regencyCode}>
                <Td className="font-medium">{r.regency.name}</Td>
                <Td className="whitespace-nowrap">{quarterLabel(r.quarter, lang)} {r.year}</Td>
                <Td className="whitespace-nowrap text-xs">
                  {r.submittedAt ? formatDateTime(r.submittedAt, { locale: lang }) : '–'}
                  {r.resubmitted && <span className="block text-slate-500">{t('inbox.resubmitted')}</span>}
                </Td>
                <Td><TimelinessBadge timeliness={!r.required ? 'NOT_REQUIRED' : r.onTime ? 'ON_TIME' : 'LATE'} /></Td>
                <Td>
                  <LinkButton href={`/laporan-triwulan/${r.regencyCode}/${r.year}/${r.quarter}`} size="sm" aria-label={`${t('reviewAction')} ${r.regency.name} ${quarterLabel(r.quarter, lang)} ${r.year}`}>
                    {t('reviewAction')}
                  </LinkButton>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
        </div>
        </>
      )}
    </section>
  )
}
