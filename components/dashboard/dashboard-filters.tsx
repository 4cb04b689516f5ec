import { getLocale, getTranslations } from 'next-intl/server'
import { DateInput } from '@/components/ui/date-input'
import { buttonClass } from '@/components/ui/button'
import { inputClass } from '@/components/ui/input-class'
import type { DashboardProgram } from '@/lib/data/dashboard'
import { FilterForm } from '@/components/ui/filter-form'
import { formatDate } from '@/lib/format'
import { isIsoDate } from '@/lib/parse'
import type { AsOfAdjustment } from '@/lib/dashboard/period'

/**
 * The dashboards' filters as a GET form: applying them changes the URL, so a view can be bookmarked
 * and shared. Regencies on offer are those the user may read (a district officer: its own).
 */
export async function DashboardFilters({
  action, programs, programCode, regencies, regency, provinceValue, banks = [], bank, asOf, askedAsOf, asOfAdjusted, showRegency = true,
}: {
  action: string
  programs: DashboardProgram[]
  programCode: string
  regencies: { code: string; name: string }[]
  regency?: string
  /** the province's value (lib/dashboard/query.ts regencyParam): `all` when the user's default is a regency, as an
      empty choice is left out of the URL and would name that default again; none when the province is the default */
  provinceValue?: string
  /** the programme's banks, for a dashboard that reads by bank (none: no bank picker) */
  banks?: { id: string; shortName: string }[]
  bank?: string
  asOf: string
  /** the as-of day as the URL gave it, before it was checked: when the page shows another day, the field says why */
  askedAsOf?: string
  /** why the page shows another day than `askedAsOf` (resolveDashboardFilter's, from lib/dashboard/period.ts resolveAsOf) */
  asOfAdjusted?: AsOfAdjustment | null
  showRegency?: boolean
}) {
  const [t, locale] = await Promise.all([getTranslations('dashboard.filters'), getLocale()])
  const lang = locale === 'en' ? 'en' : 'id'
  const program = programs.find((p) => p.code === programCode)
  const shown = formatDate(asOf, { locale: lang })
  // a day the page could not show as asked: not a calendar day (the filter's schema dropped it), or moved by the
  // as-of rule (not yet come, before the programme's year); without this the figures silently moved to another day
  // while the URL kept the asked one
  const asOfNote = !askedAsOf || askedAsOf === asOf ? null
    : !isIsoDate(askedAsOf) ? t('asOfInvalid', { typed: String(askedAsOf).slice(0, 40), shown })
    : asOfAdjusted === 'before_programme_year' && program ? t('asOfBeforeProgram', { asked: formatDate(askedAsOf, { locale: lang }), program: program.name, shown })
    : asOfAdjusted === 'future' ? t('asOfFuture', { asked: formatDate(askedAsOf, { locale: lang }), shown })
    : null
  return (
    <FilterForm action={action} aria-label={t('label')} className={`no-print mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 ${banks.length > 0 ? 'lg:grid-cols-[minmax(0,1.4fr)_minmax(0,1.4fr)_minmax(0,1fr)_minmax(0,1fr)_auto]' : 'lg:grid-cols-[minmax(0,1.4fr)_minmax(0,1.4fr)_minmax(0,1fr)_auto]'}`}>
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">{t('program')}</span>
        <select name="program" defaultValue={programCode} className={inputClass()}>
          {programs.map((p) => <option key={p.id} value={p.code}>{p.name}</option>)}
        </select>
      </label>
      {showRegency && (
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('regency')}</span>
          <select name="regency" defaultValue={regency ?? provinceValue ?? ''} className={inputClass()}>
            <option value={provinceValue ?? ''}>{t('allRegencies')}</option>
            {regencies.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
          </select>
        </label>
      )}
      {banks.length > 0 && (
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('bank')}</span>
          <select name="bank" defaultValue={bank ?? ''} className={inputClass()}>
            <option value="">{t('allBanks')}</option>
            {banks.map((b) => <option key={b.id} value={b.id}>{b.shortName}</option>)}
          </select>
        </label>
      )}
      <label className="flex flex-col gap-1 text-sm">
        <span className="font-medium">{t('asOf')}</span>
        <DateInput name="asOf" defaultValue={asOf} aria-describedby={asOfNote ? 'as-of-note' : undefined} />
      </label>
      <div className="flex items-end">
        <button type="submit" className={buttonClass('primary')}>{t('apply')}</button>
      </div>
      {asOfNote && <p id="as-of-note" role="status" className="col-span-full text-sm font-medium text-amber-800" data-testid="as-of-note">{asOfNote}</p>}
    </FilterForm>
  )
}
