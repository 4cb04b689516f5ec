import type { Metadata } from 'next'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { Download } from 'lucide-react'
import { buttonClass } from '@/components/ui/button'
import { Table, Td, Th } from '@/components/ui/table'
import { StatusBadge, TimelinessBadge } from '@/components/reporting/status-badge'
import { YearPicker } from '@/components/reporting/year-picker'
import { getCompleteness } from '@/lib/data/reporting'
import { formatDate, formatNumber, formatPercent } from '@/lib/format'
import { currentQuarter, quarterLabel } from '@/lib/reporting/periods'
import { requirePermission } from '@/lib/session'
import { flatParams, hrefWith, type SearchParams } from '@/lib/url'
import { reportingFilterSchema } from '@/lib/validations/reporting'
import { COMPLETENESS_STATUSES, focusQuarter, matchesCompletenessStatus, type CompletenessStatus } from '@/lib/reporting/completeness-filter'
import { FilterForm } from '@/components/ui/filter-form'
import { inputClass } from '@/components/ui/input-class'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reporting.completeness'))('title') }
}

/** Which regencies reported, on time or late, per quarter; the rates per quarter come from SQL. */
export default async function CompletenessPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('reports.read')
  const params = flatParams(await searchParams)
  const now = new Date()
  const filter = reportingFilterSchema.parse(params)
  const year = filter.tahun ?? currentQuarter(now).year
  const [t, locale, data] = await Promise.all([getTranslations('reporting'), getLocale(), getCompleteness({ user, year, now })])
  const lang = locale === 'en' ? 'en' : 'id'
  const c = (k: string, values?: Record<string, string | number>) => t(`completeness.${k}`, values)
  // the quarter the filter and the phone's list are about: chosen, else the latest past its deadline (the one to chase)
  const focus = filter.triwulan ?? focusQuarter(data.quarters)
  const status = (COMPLETENESS_STATUSES as readonly string[]).includes(params.status ?? '') ? (params.status as CompletenessStatus) : undefined
  const rows = data.regencies.filter((r) => matchesCompletenessStatus(r.quarters.find((q) => q.quarter === focus)!, status))
  const cellLabel = (name: string, q: (typeof data.regencies)[number]['quarters'][number]) =>
    `${name}, ${quarterLabel(q.quarter, lang)}: ${t(`status.${q.status === 'RETURNED' && q.reopened ? 'REOPENED' : q.status}`)}, ${t(`timeliness.${q.timeliness}`)}`
  // not required and not begun: "Tidak diwajibkan" alone, not also "Belum mulai" in every cell
  const badges = (q: (typeof data.regencies)[number]['quarters'][number]) => (
    <>
      {!(q.status === 'NOT_STARTED' && q.timeliness === 'NOT_REQUIRED') && <StatusBadge status={q.status} reopened={q.reopened} />}
      {q.timeliness !== 'PENDING' && <TimelinessBadge timeliness={q.timeliness} />}
    </>
  )
  return (
    <section aria-labelledby="completeness-title" className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="completeness-title" className="text-lg font-semibold text-slate-900">{c('title')}</h2>
          <p className="text-sm text-slate-600">{c('intro')}</p>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          <YearPicker pathname="/laporan-triwulan/kelengkapan" params={params} year={year} label={t('year')} submit={t('show')} />
          <a href={hrefWith('/api/laporan-triwulan/kelengkapan/ekspor', {}, { tahun: year })} className={buttonClass('secondary')}><Download aria-hidden className="size-4" />{c('export')} .xlsx</a>
        </div>
      </div>

      <div>
        <h3 className="mb-2 text-sm font-semibold text-slate-800">{c('rates')}</h3>
        <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
          {data.quarters.map((q) => (
            <div key={q.quarter} className="rounded-lg border border-slate-200 bg-white p-4" data-quarter-rate={q.quarter}>
              <p className="text-sm font-semibold text-slate-900">{quarterLabel(q.quarter, lang)} {year}</p>
              <p className="text-xs text-slate-500">{t('deadline')} {formatDate(q.deadline, { locale: lang })}</p>
              {q.required && !q.pastDeadline ? (
                // before the deadline a rate of 0% read as a failing province: what has come in so far, and the rates later
                <p className="mt-3 text-sm text-slate-600" data-not-due>{q.submitted === 0 ? c('notDueNone') : c('notDueSome', { count: q.submitted })}</p>
              ) : q.required ? (
                <dl className="mt-3 grid grid-cols-2 gap-2 text-sm">
                  <div><dt className="text-xs text-slate-500">{c('completenessRate')}</dt><dd className="text-lg font-semibold tabular-nums">{formatPercent(q.completeness, { locale: lang })}</dd></div>
                  <div><dt className="text-xs text-slate-500">{c('timelinessRate')}</dt><dd className="text-lg font-semibold tabular-nums">{formatPercent(q.timeliness, { locale: lang })}</dd></div>
                </dl>
              ) : (
                <p className="mt-3 text-sm text-slate-600" data-not-required>{c('notRequired')}</p>
              )}
              {/* a quarter before the reporting start with nothing in it: "0/38 received" there read as a failing quarter */}
              {(q.required || q.submitted + q.draft > 0) && <p className="mt-2 text-xs text-slate-600">
                {c('received')} {formatNumber(q.submitted, { locale: lang })}/{formatNumber(q.regencies, { locale: lang })} · {c('approved')} {formatNumber(q.approved, { locale: lang })} · {c('awaiting')} {formatNumber(q.awaiting, { locale: lang })} · {c('returned')} {formatNumber(q.returned, { locale: lang })} · {c('draft')} {formatNumber(q.draft, { locale: lang })} · {c('notStarted')} {formatNumber(q.notStarted, { locale: lang })}
              </p>}
            </div>
          ))}
        </div>
      </div>

      <FilterForm action="/laporan-triwulan/kelengkapan" aria-label={c('filterLabel')} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3" data-testid="completeness-filter">
        <input type="hidden" name="tahun" value={year} />
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('quarter')}</span>
          <select name="triwulan" defaultValue={focus} className={inputClass()}>
            {data.quarters.map((q) => <option key={q.quarter} value={q.quarter}>{quarterLabel(q.quarter, lang)}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('statusLabel')}</span>
          <select name="status" defaultValue={status ?? ''} className={inputClass()}>
            <option value="">{c('statusAll')}</option>
            {COMPLETENESS_STATUSES.map((s) => <option key={s} value={s}>{c(`status.${s}`)}</option>)}
          </select>
        </label>
        <button type="submit" className={buttonClass('secondary')}>{t('show')}</button>
        <p className="text-sm text-slate-600" role="status" data-testid="completeness-shown">{c('shown', { count: rows.length, total: data.regencies.length, quarter: quarterLabel(focus, lang) })}</p>
      </FilterForm>

      {/* phones: the chosen quarter's status per regency, in reach without scrolling sideways; wider screens: the grid */}
      <ul className="space-y-2 md:hidden" aria-label={c('grid')} data-testid="completeness-cards">
        {rows.map((r) => {
          const q = r.quarters.find((x) => x.quarter === focus)!
          return (
            <li key={r.code} data-regency={r.code}>
              <Link href={`/laporan-triwulan/${r.code}/${year}/${focus}`} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm" aria-label={cellLabel(r.name, q)}>
                <span className="font-medium text-slate-900">{r.name}</span>
                <span className="flex flex-wrap gap-1">{badges(q)}</span>
              </Link>
            </li>
          )
        })}
      </ul>

      <div className="hidden md:block">
      <Table caption={c('grid')}>
        <thead>
          <tr>
            <Th className="sticky left-0 z-10">{t('regency')}</Th>
            {data.quarters.map((q) => <Th key={q.quarter} className={q.quarter === focus ? 'bg-brand-50' : undefined}>{quarterLabel(q.quarter, lang)}</Th>)}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.code} data-regency={r.code}>
              <th scope="row" className="sticky left-0 z-10 whitespace-nowrap bg-white px-3 py-2 text-left font-medium text-slate-800">{r.name}</th>
              {r.quarters.map((q) => (
                <Td key={q.quarter} className={q.quarter === focus ? 'whitespace-nowrap bg-brand-50/40' : 'whitespace-nowrap'}>
                  <Link href={`/laporan-triwulan/${r.code}/${year}/${q.quarter}`} className="flex flex-wrap items-center gap-1 rounded hover:bg-slate-50" data-cell={`${r.code}-${q.quarter}`} aria-label={cellLabel(r.name, q)}>
                    {badges(q)}
                  </Link>
                </Td>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
      </div>
    </section>
  )
}
