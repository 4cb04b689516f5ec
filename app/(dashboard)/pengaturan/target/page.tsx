import type { Metadata } from 'next'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { Copy, FileUp } from 'lucide-react'
import { TargetGridForm } from '@/components/config/target-grid'
import { buttonClass, LinkButton } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { inputClass } from '@/components/ui/input-class'
import { findIndicatorsForAdmin, getTargetGrid } from '@/lib/data/config'
import { formatDateTime, formatNumber } from '@/lib/format'
import { can } from '@/lib/permissions'
import { currentQuarter } from '@/lib/reporting/periods'
import { formatInputValue } from '@/lib/reporting/display'
import { requirePermission } from '@/lib/session'
import { flatParams, hrefWith, type SearchParams } from '@/lib/url'
import { targetCellName } from '@/lib/validations/config'
import { FilterForm } from '@/components/ui/filter-form'
import { parseYearParam } from '@/lib/parse'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('config'))('tabs.targets') }
}

/**
 * One indicator's targets for one year, as a grid of regencies × periods. `?salin=1` fills the grid with
 * last year's targets (not saved until the admin saves), for the yearly "same as last year, adjusted".
 */
export default async function TargetsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requirePermission('config.manage')
  const params = flatParams(await searchParams)
  const year = parseYearParam(params.tahun) ?? currentQuarter(new Date()).year + 1
  const [t, locale, indicators] = await Promise.all([getTranslations('config.targets'), getLocale(), findIndicatorsForAdmin({ user })])
  const lang = locale === 'en' ? 'en' : 'id'
  const code = params.indikator && indicators.some((i) => i.code === params.indikator) ? params.indikator : null
  const grid = code ? await getTargetGrid({ user, indicatorCode: code, year }) : null
  const copying = Boolean(grid && params.salin)
  const source = grid ? (copying ? grid.previousCells : grid.cells) : []
  // grouped the way the cells are typed (`450.000.000`, as the report entry form shows a value): bare digits of a
  // nine-digit Rupiah target were easy to misread by a factor of ten
  const initial = Object.fromEntries(source.map((c) => [targetCellName(c.regencyCode, c.quarter), formatInputValue(c.value, grid!.indicator.decimals)]))
  const years = Array.from({ length: 6 }, (_, i) => currentQuarter(new Date()).year - 3 + i)
  const fmt = (n: number) => formatNumber(n, { decimals: Number.isInteger(n) ? 0 : 2, locale: lang })

  return (
    <section aria-labelledby="targets-title" className="space-y-4">
      <h2 id="targets-title" className="sr-only">{t('indicator')}</h2>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <p className="max-w-3xl text-sm text-slate-600">{t('intro')}</p>
        {can(user.role, 'imports.use') && <LinkButton variant="secondary" href="/impor/baru?jenis=target-indikator"><FileUp aria-hidden className="size-4" />{(await getTranslations('imports'))('fromExcel')}</LinkButton>}
      </div>
      <FilterForm className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[1fr_10rem_auto]">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('indicator')}</span>
          <select name="indikator" defaultValue={code ?? ''} className={inputClass()}>
            <option value="">–</option>
            {indicators.map((i) => <option key={i.code} value={i.code}>{i.code} · {lang === 'en' ? i.nameEn : i.name}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t('year')}</span>
          <select name="tahun" defaultValue={String(year)} className={inputClass()}>
            {(years.includes(year) ? years : [...years, year]).map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        <div className="flex items-end">
          <button type="submit" className={buttonClass('primary')}>{t('show')}</button>
        </div>
      </FilterForm>

      {!grid ? (
        <EmptyState title={t('choose')} />
      ) : (
        <>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <div>
              <p className="font-medium text-slate-900">{lang === 'en' ? grid.indicator.nameEn : grid.indicator.name} · {year}</p>
              <p className="text-xs text-slate-500">
                {grid.updatedAt && grid.version > 0 ? t('lastSaved', { date: formatDateTime(grid.updatedAt, { locale: lang }), version: grid.version }) : t('neverSaved')}
                {grid.indicator.aggregation === 'SUM' && grid.total.province !== null && (
                  <> · {t('province')}: {fmt(grid.total.province)} · {t('regencySum')}: {grid.total.regencySum === null ? '–' : fmt(grid.total.regencySum)}</>
                )}
              </p>
            </div>
            <Link href={hrefWith('/pengaturan/target', { indikator: grid.indicator.code, tahun: String(year) }, { salin: 1 })} className={buttonClass('secondary')}>
              <Copy aria-hidden className="size-4" />{t('copy', { year: year - 1 })}
            </Link>
          </div>
          {copying && (
            <p role="status" className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
              {grid.previousCells.length ? t('copied', { year: year - 1 }) : t('nothingToCopy', { year: year - 1 })}
            </p>
          )}
          <TargetGridForm
            key={`${grid.indicator.code}-${year}-${copying ? 'copy' : 'stored'}`}
            indicatorCode={grid.indicator.code}
            year={year}
            version={grid.version}
            aggregation={grid.indicator.aggregation}
            decimals={grid.indicator.decimals}
            timeAggregation={grid.indicator.timeAggregation}
            regencies={grid.regencies}
            initial={initial}
            locale={lang}
          />
        </>
      )}
    </section>
  )
}
