import type { Metadata } from 'next'
import { getLocale, getTranslations } from 'next-intl/server'
import { DeadlineForm } from '@/components/config/deadline-form'
import { ReportingStartForm } from '@/components/config/reporting-start-form'
import { Badge } from '@/components/ui/badge'
import { buttonClass } from '@/components/ui/button'
import { inputClass } from '@/components/ui/input-class'
import { Table, Td, Th } from '@/components/ui/table'
import { getDeadlines } from '@/lib/data/config'
import { readDb } from '@/lib/db'
import { serverText } from '@/lib/i18n/server-text'
import { holidaysOn } from '@/lib/reporting/deadline-holidays'
import { deadlineDayNote } from '@/lib/reporting/deadlines'
import { formatDate, formatNumber } from '@/lib/format'
import { currentQuarter, quarterLabel } from '@/lib/reporting/periods'
import { getReportingStart, isRequiredPeriod } from '@/lib/reporting/start'
import { requirePermission } from '@/lib/session'
import { flatParams, type SearchParams } from '@/lib/url'
import { FilterForm } from '@/components/ui/filter-form'
import { parseYearParam } from '@/lib/parse'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('config'))('tabs.deadlines') }
}

/**
 * The first quarter reports are required for, and a year's four reporting deadlines, each editable, with how
 * many reports were already submitted and approved.
 */
export default async function DeadlinesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('config.manage')
  const params = flatParams(await searchParams)
  const now = currentQuarter(new Date()).year
  const year = parseYearParam(params.tahun) ?? now
  const [t, locale, rows, reporting] = await Promise.all([getTranslations('config.deadlines'), getLocale(), getDeadlines({ user, year }), getReportingStart(readDb)])
  const lang = locale === 'en' ? 'en' : 'id'
  // a deadline on a weekend or holiday stays as set (the rule is a fixed day): the admin sees it here
  const holidays = await holidaysOn(readDb, rows.map((r) => r.deadline))
  const notes = new Map(rows.map((r) => [r.quarter, deadlineDayNote(r.deadline, holidays)]))
  const years = Array.from({ length: 5 }, (_, i) => now - 3 + i)
  // the start's choices: three years back to next year's last quarter, and the one set if it lies outside
  const startValue = reporting.start ? `${reporting.start.year}-${reporting.start.quarter}` : ''
  const startOptions = years.flatMap((y) => [1, 2, 3, 4].map((q) => ({ value: `${y}-${q}`, label: `${quarterLabel(q, lang)} ${y}` })))
  if (startValue && !startOptions.some((o) => o.value === startValue)) startOptions.unshift({ value: startValue, label: `${quarterLabel(reporting.start!.quarter, lang)} ${reporting.start!.year}` })
  return (
    <section aria-labelledby="deadlines-title" className="space-y-4">
      <h2 id="deadlines-title" className="sr-only">{t('deadline')}</h2>
      <ReportingStartForm version={reporting.version} value={startValue} options={startOptions} />
      <p className="max-w-3xl text-sm text-slate-600">{t('intro')}</p>
      <FilterForm className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{(await getTranslations('config.targets'))('year')}</span>
          <select name="tahun" defaultValue={String(year)} className={`${inputClass()} w-32`}>
            {(years.includes(year) ? years : [...years, year]).map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        <button type="submit" className={buttonClass('secondary')}>{(await getTranslations('config.targets'))('show')}</button>
      </FilterForm>
      <Table caption={`${t('deadline')} ${year}`}>
        <thead>
          <tr>
            <Th>{t('quarter')}</Th>
            <Th>{t('quarterEnd')}</Th>
            <Th>{t('deadline')}</Th>
            <Th>{t('reports')}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.quarter} data-testid={`deadline-${r.quarter}`}>
              <Td className="whitespace-nowrap font-medium">
                {quarterLabel(r.quarter, lang)} {year}
                {!isRequiredPeriod(reporting.start, year, r.quarter) && <span className="block text-xs font-normal text-slate-500">{t('notRequired')}</span>}
              </Td>
              <Td className="whitespace-nowrap">{formatDate(r.quarterEnd, { locale: lang })}</Td>
              <Td>
                <div className="mb-1"><Badge tone={r.isDefault ? 'slate' : 'blue'}>{r.isDefault ? t('default') : t('configured')}</Badge> <span className="text-xs text-slate-600">{formatDate(r.deadline, { locale: lang })}</span></div>
                {notes.get(r.quarter) && <p className="mb-1 max-w-md text-xs text-amber-800" data-testid={`deadline-${r.quarter}-note`}>{serverText(notes.get(r.quarter)!, lang)}</p>}
                <DeadlineForm year={year} quarter={r.quarter} version={r.version} deadline={r.deadline} label={`${t('deadline')} ${quarterLabel(r.quarter, lang)} ${year}`} />
              </Td>
              <Td className="whitespace-nowrap text-xs text-slate-600">{t('reportsValue', { submitted: formatNumber(r.submitted, { locale: lang }), approved: formatNumber(r.approved, { locale: lang }) })}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  )
}
