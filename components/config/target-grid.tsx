'use client'

import { useActionState, useCallback, useEffect, useRef, useState } from 'react'
import { useTranslations } from 'next-intl'
import clsx from 'clsx'
import { saveTargetGrid } from '@/lib/actions/config'
import { provinceTotalCheck, stockQuartersAboveYear } from '@/lib/config/catalogue'
import { formatNumber } from '@/lib/format'
import { parseNumberInput } from '@/lib/parse'
import { chartQuarter } from '@/lib/reporting/periods'
import { targetCellName } from '@/lib/validations/config'
import { Button } from '@/components/ui/button'
import { FormMessage } from '@/components/ui/form-message'
import { inputClass } from '@/components/ui/input-class'

const PERIODS = [0, 1, 2, 3, 4] as const

/**
 * One indicator's targets for a year as a grid (regencies × year and Triwulan I–IV) with the province's
 * own row, the province total check as the admin types, and one save for the whole grid. What was typed
 * stays after a refusal; the version the grid was opened at goes with the save (a stale grid is refused).
 */
export function TargetGridForm({
  indicatorCode, year, version, aggregation, timeAggregation = 'FLOW', decimals, regencies, initial, locale,
}: {
  indicatorCode: string
  year: number
  version: number
  aggregation: 'SUM' | 'RATIO' | 'PROVINCE'
  /** a stock's quarter target above its year target is warned of as the admin types */
  timeAggregation?: 'FLOW' | 'STOCK'
  /** the indicator's: a count's refusals give a whole-number example */
  decimals: number
  regencies: { code: string; name: string }[]
  /** field name → typed text */
  initial: Record<string, string>
  locale: 'id' | 'en'
}) {
  const t = useTranslations('config.targets')
  const tc = useTranslations('config')
  const [state, action, pending] = useActionState(saveTargetGrid, undefined)
  const formRef = useRef<HTMLFormElement>(null)
  const currentVersion = state?.ok && state.data?.version ? state.data.version : String(version)
  const provinceOnly = aggregation === 'PROVINCE'
  // what a cell shows: what was typed before a refusal, else the stored (or copied) target
  const shown = (name: string) => state?.values?.[name] ?? initial[name] ?? ''

  // the province total check, from the year column as it stands in the form (also what was typed
  // before the page finished loading: the inputs are uncontrolled)
  const yearCells = useCallback((read: (name: string) => string) => {
    const cells = [null, ...regencies.map((r) => r.code)].map((code) => {
      const n = parseNumberInput(read(targetCellName(code, 0)))
      return { regencyCode: code, quarter: 0, value: n ?? Number.NaN }
    }).filter((c) => Number.isFinite(c.value))
    return provinceTotalCheck(aggregation, cells)
  }, [regencies, aggregation])
  const [check, setCheck] = useState(() => yearCells((name) => initial[name] ?? ''))
  // a stock's quarter targets above their year's (1.012 typed for a year of 10): a warning, the save is not refused
  const stockCells = useCallback((read: (name: string) => string) => {
    const cells = [null, ...regencies.map((r) => r.code)].flatMap((code) => PERIODS.map((q) => ({ regencyCode: code, quarter: q, value: parseNumberInput(read(targetCellName(code, q))) ?? Number.NaN })))
    return stockQuartersAboveYear(timeAggregation, cells.filter((c) => Number.isFinite(c.value)))
  }, [regencies, timeAggregation])
  const [aboveYear, setAboveYear] = useState(() => stockCells((name) => initial[name] ?? ''))
  const recompute = useCallback(() => {
    const form = formRef.current
    if (!form) return
    const read = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? ''
    setCheck(yearCells(read))
    setAboveYear(stockCells(read))
  }, [yearCells, stockCells])
  useEffect(recompute, [recompute, state])
  // a refused save: the list of refused cells comes into view and is read out (the Save button sits below a long grid)
  const errorsRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (state && !state.ok && state.errors) errorsRef.current?.focus()
  }, [state])

  const fmt = (n: number) => formatNumber(n, { decimals: Number.isInteger(n) ? 0 : 2, locale })
  // a quarter as each language writes it compactly: `TW III`, `Q3` (lib/reporting/periods.ts, as the charts do)
  const periodLabel = (q: number) => (q === 0 ? t('yearColumn') : chartQuarter(q, locale))
  // a cell's error used to live only in its `title` tooltip, which touch and keyboard users never see: it
  // stands under the cell (what the cell points to), and is listed above the grid too (regency · period:
  // message, linked to the cell), since the Save button and a refused cell can be a long grid apart
  const inputId = (name: string) => `target-cell-${name.replace(/\./g, '-')}`
  const errorId = (name: string) => `${inputId(name)}-error`
  const listedId = (name: string) => `${inputId(name)}-listed`
  const rows = [{ code: null as string | null, name: t('province') }, ...regencies]
  const cellErrors = rows.flatMap((r) => PERIODS.map((q) => {
    const name = targetCellName(r.code, q)
    return { name, label: `${r.name} · ${periodLabel(q)}`, errors: state?.errors?.[name] }
  })).filter((c) => c.errors?.length)
  const cell = (code: string | null, quarter: number, label: string) => {
    const name = targetCellName(code, quarter)
    const errors = state?.errors?.[name]
    return (
      <td key={name} className="px-1 py-1 align-top">
        <input
          id={inputId(name)}
          name={name}
          aria-label={label}
          aria-invalid={Boolean(errors)}
          aria-describedby={errors ? errorId(name) : undefined}
          title={errors?.join(' ')}
          inputMode="decimal"
          defaultValue={shown(name)}
          disabled={provinceOnly && code !== null}
          className={clsx(inputClass(Boolean(errors)), 'min-w-24 px-2 py-1 text-right tabular-nums')}
        />
        {errors && <p id={errorId(name)} className="mt-0.5 max-w-48 text-xs font-medium text-red-700">{errors.join(' ')}</p>}
      </td>
    )
  }

  return (
    <form ref={formRef} action={action} onInput={recompute} className="space-y-4" noValidate>
      <input type="hidden" name="indicatorCode" value={indicatorCode} />
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="version" value={currentVersion} />
      {decimals === 0 && <input type="hidden" name="wholeNumbers" value="1" />}
      <FormMessage state={state} />
      {cellErrors.length > 0 && (
        <div ref={errorsRef} tabIndex={-1} className="scroll-mt-20 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 focus:outline-none" data-testid="target-cell-errors">
          <p className="font-medium">{t('errorsTitle')}</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {cellErrors.map((c) => (
              <li key={c.name} id={listedId(c.name)}>
                <a
                  href={`#${inputId(c.name)}`}
                  className="font-medium underline"
                  // focus the cell itself (a fragment link only scrolls), so it can be corrected at once
                  onClick={(e) => { e.preventDefault(); document.getElementById(inputId(c.name))?.focus() }}
                >
                  {c.label}
                </a>
                : {c.errors!.join(' ')}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{t('indicator')} {indicatorCode} {year}</caption>
          <thead>
            <tr>
              <th scope="col" className="sticky left-0 z-10 bg-slate-50 px-3 py-2 text-left text-xs font-semibold uppercase text-slate-600">{t('regency')}</th>
              {PERIODS.map((q) => <th key={q} scope="col" className="bg-slate-50 px-2 py-2 text-right text-xs font-semibold uppercase text-slate-600">{periodLabel(q)}</th>)}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            <tr className="bg-brand-50/40">
              <th scope="row" className="sticky left-0 z-10 bg-white px-3 pt-3 pb-1 align-top text-left font-semibold text-slate-900">{t('province')}</th>
              {PERIODS.map((q) => cell(null, q, `${t('province')} ${periodLabel(q)}`))}
            </tr>
            {/* the names stand level with the first line of inputs: a refused cell grows its row downwards with its message */}
            {regencies.map((r) => (
              <tr key={r.code}>
                <th scope="row" className="sticky left-0 z-10 whitespace-nowrap bg-white px-3 pt-3 pb-1 align-top text-left font-normal text-slate-800">{r.name}</th>
                {PERIODS.map((q) => cell(r.code, q, `${r.name} ${periodLabel(q)}`))}
              </tr>
            ))}
          </tbody>
          {!provinceOnly && (
            <tfoot>
              <tr className="border-t-2 border-slate-200 bg-slate-50">
                <th scope="row" className="sticky left-0 bg-slate-50 px-3 py-2 text-left font-semibold">{t('regencySum')}</th>
                <td className="px-3 py-2 text-right font-semibold tabular-nums" data-testid="regency-sum">{check.regencySum === null ? '–' : fmt(check.regencySum)}</td>
                <td colSpan={4} />
              </tr>
            </tfoot>
          )}
        </table>
      </div>
      <div aria-live="polite" className="text-sm" data-testid="total-check">
        {provinceOnly ? <p className="text-slate-600">{t('provinceOnly')}</p>
          : aggregation !== 'SUM' ? <p className="text-slate-600">{t('noCheck')}</p>
          : check.difference === null ? null
          : check.difference === 0 ? <p className="text-emerald-700">{t('match')}</p>
          : <p className="font-medium text-amber-800">{check.difference > 0 ? t('mismatchMore', { difference: fmt(check.difference) }) : t('mismatchLess', { difference: fmt(-check.difference) })}</p>}
        {aboveYear.length > 0 && (
          <div className="mt-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900" data-testid="stock-above-year">
            <p className="font-medium">{t('stockAboveYear')}</p>
            <ul className="mt-1 list-disc pl-5">
              {aboveYear.map((c) => (
                <li key={`${c.regencyCode}-${c.quarter}`}>
                  {t('stockAboveYearCell', { cell: `${rows.find((r) => r.code === c.regencyCode)?.name ?? ''} · ${periodLabel(c.quarter)}`, value: fmt(c.value), year: fmt(c.year) })}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>{pending ? tc('saving') : tc('save')}</Button>
        {aggregation === 'SUM' && check.difference !== null && check.difference !== 0 && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="acceptDifference" className="size-4" />
            {t('acceptDifference')}
          </label>
        )}
      </div>
    </form>
  )
}
