'use client'

import { useState } from 'react'
import { useTranslations } from 'next-intl'
import { OutcomeBadge } from '@/components/registers/badges'
import { Button } from '@/components/ui/button'
import { DateInput } from '@/components/ui/date-input'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { useFormAction } from '@/components/ui/use-form-action'
import { saveHealthAssessment } from '@/lib/actions/health'
import { formatNumber, type Locale } from '@/lib/format'
import { parseNumberInput } from '@/lib/parse'
import {
  HEALTH_ASPECT_KEYS, aspectScores, componentWords, figureValue, isHealthFigure, yearAnswer, ratioScore, ratioValue, answerScore, scoreHealth,
  type ComponentWords, type HealthAnswer, type HealthComponent, type HealthYearAnswer, type HealthFigure, type OutcomeBands, type YearAmounts,
} from '@/lib/registers/health'
import { useLocale } from 'next-intl'

type Component = HealthComponent & ComponentWords & { source: string }
type Figures = (YearAmounts & { year: number; ratHeld: boolean }) | null

/** A yearly figure as typed in the form, the way lib/parse.ts reads it in either language (1.250.000.000). */
const moneyText = (n: number) => formatNumber(n, { decimals: Number.isInteger(n) ? 0 : 2, locale: 'id' })

/**
 * The assessment worksheet: one block per component, grouped by aspect, with the value and score
 * computed as the assessor types (the same scoring function the server runs when saving; the server's
 * result is the one recorded), the aspect scores, the total and the outcome.
 */
export function HealthWorksheet({ cooperativeId, template, figures, today }: {
  cooperativeId: string
  template: { version: number; bands: OutcomeBands; components: Component[] }
  figures: Figures
  today: string
}) {
  const t = useTranslations('health')
  const tr = useTranslations('registers')
  const tc = useTranslations('cooperatives')
  const lang = (useLocale() === 'en' ? 'en' : 'id') as Locale
  const [state, onSubmit, pending] = useFormAction(saveHealthAssessment)
  // an amount the book year did not report is left for the assessor to type, never prefilled as 0
  const figureOf = (f: HealthFigure | HealthYearAnswer | null) => (figures && isHealthFigure(f) ? figureValue(f, figures) : null)
  const prefill = (f: HealthFigure | HealthYearAnswer | null) => { const v = figureOf(f); return v === null ? '' : moneyText(v) }
  const [values, setValues] = useState<Record<string, string>>(() => {
    const v: Record<string, string> = {}
    for (const c of template.components) {
      if (c.kind === 'RATIO') {
        v[`a.${c.id}.numerator`] = prefill(c.numerator)
        v[`a.${c.id}.denominator`] = prefill(c.denominator)
      } else v[`a.${c.id}.answer`] = String(yearAnswer(c, figures) ?? '') // RAT held: as the book year records it
    }
    return v
  })
  const set = (k: string, value: string) => setValues((vs) => ({ ...vs, [k]: value }))
  const err = (k: string) => state?.errors?.[k]
  const num = (n: number, decimals = 2) => formatNumber(n, { decimals, locale: lang })

  // a field's description: the component's question first, then its own hint and error
  const about = (id: string, f: { 'aria-describedby'?: string }) => [`q-${id}`, f['aria-describedby']].filter(Boolean).join(' ')
  // the live preview: each component's value and score, and the whole result once every answer is there
  const answers: Record<string, HealthAnswer | undefined> = {}
  const preview: Record<string, { value: number | null; score: number | null }> = {}
  for (const c of template.components) {
    if (c.kind === 'RATIO') {
      const n = parseNumberInput(values[`a.${c.id}.numerator`])
      const d = parseNumberInput(values[`a.${c.id}.denominator`])
      const v = n !== null && d !== null ? ratioValue(n, d) : null
      if (v !== null && d! > 0) answers[c.id] = { numerator: n!, denominator: d! }
      preview[c.id] = { value: v, score: v === null ? null : ratioScore(v, c.bands ?? []) }
    } else {
      const a = values[`a.${c.id}.answer`]
      if (a !== '') answers[c.id] = { answer: Number(a) }
      preview[c.id] = { value: a === '' ? null : Number(a), score: a === '' ? null : answerScore(c.kind, Number(a)) }
    }
  }
  const result = scoreHealth(template, answers)
  // an aspect's score as soon as its own components are answered (the total waits for the whole worksheet)
  const aspects = aspectScores(template, answers)

  const source = (c: Component) => {
    // a part the book year did not report was not prefilled: the ratio is the assessor's, not the year's
    if (!figures || figureOf(c.numerator) === null || figureOf(c.denominator) === null) return t('worksheet.entered')
    const same = values[`a.${c.id}.numerator`] === prefill(c.numerator) && values[`a.${c.id}.denominator`] === prefill(c.denominator)
    return same ? t('worksheet.figuresFrom', { year: figures.year }) : t('worksheet.changed')
  }

  // a yes/no the book year answers (RAT held): where the prefilled answer came from, and a warning (not a refusal: the
  // assessor may know better than the record) when the answer chosen says otherwise
  const bookAnswer = (c: Component) => {
    const recorded = yearAnswer(c, figures)
    if (recorded === null || !figures) return null
    const answer = t(`worksheet.yearAnswerValue.${c.numerator as HealthYearAnswer}.${recorded === 1 ? 'yes' : 'no'}`)
    const chosen = values[`a.${c.id}.answer`]
    const differs = chosen !== '' && Number(chosen) !== recorded
    // one live region whose words change, so a screen reader hears the warning when it appears
    return (
      <p role="status" data-testid={`year-answer-${c.code}`} className={differs ? 'rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-900' : 'text-xs text-slate-500'}>
        {t(differs ? 'worksheet.yearAnswerDiffers' : 'worksheet.yearAnswerFrom', { year: figures.year, answer })}
      </p>
    )
  }

  return (
    <form data-unsaved-guard onSubmit={onSubmit} className="space-y-5" noValidate data-testid="health-worksheet">
      <input type="hidden" name="cooperativeId" value={cooperativeId} />
      <input type="hidden" name="templateVersion" value={template.version} />
      <FormMessage state={state} />
      <div className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
        <Field label={tc('assessedOn')} name="assessedOn" errors={err('assessedOn')} required>
          {(p) => <DateInput {...p} defaultValue={state?.values?.assessedOn ?? today} />}
        </Field>
        <Field label={tc('assessor')} name="assessor" errors={err('assessor')} required>
          {(p) => <input {...p} defaultValue={state?.values?.assessor} maxLength={120} />}
        </Field>
        <Field label={tc('notes')} name="notes" errors={err('notes')} className="sm:col-span-2">
          {(p) => <textarea {...p} rows={2} defaultValue={state?.values?.notes} maxLength={1000} />}
        </Field>
      </div>
      {HEALTH_ASPECT_KEYS.map((aspect) => {
        const components = template.components.filter((c) => c.aspect === aspect)
        if (components.length === 0) return null
        return (
          <fieldset key={aspect} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid={`aspect-${aspect}`}>
            <legend className="px-1 text-base font-semibold text-slate-900">
              {t(`aspect.${aspect}`)}
              <span className="ml-2 text-sm font-normal text-slate-600" data-testid={`aspect-score-${aspect}`}>{t('worksheet.score')}: {aspects[aspect] === undefined ? '–' : num(aspects[aspect])}</span>
            </legend>
            {components.map((c) => {
              const key = `a.${c.id}`
              // the component's words in the interface's language (the English columns when given)
              const words = componentWords(c, lang)
              const p = preview[c.id]
              return (
                <div key={c.id} className="grid gap-3 border-t border-slate-100 pt-3 first:border-t-0 first:pt-0 md:grid-cols-[1fr_auto]" data-testid={`component-${c.code}`}>
                  <div className="space-y-2">
                    {/* the question the fields below answer: their description, so a screen reader names it beside "Jawaban" */}
                    <p id={`q-${c.id}`} className="text-sm font-medium text-slate-900"><span className="mr-1 font-mono text-xs text-slate-500">{c.code}</span><span data-user-content>{words.label}</span></p>
                    {c.kind === 'RATIO' ? (
                      <div className="grid gap-3 sm:grid-cols-2">
                        <Field label={c.numerator ? t(`figure.${c.numerator}`) : words.numeratorLabel ?? t('template.numerator')} name={`${key}.numerator`} errors={err(`${key}.numerator`)} required>
                          {(f) => <input {...f} aria-describedby={about(c.id, f)} inputMode="decimal" value={values[`${key}.numerator`]} onChange={(e) => set(`${key}.numerator`, e.target.value)} maxLength={30} />}
                        </Field>
                        <Field label={c.denominator ? t(`figure.${c.denominator}`) : words.denominatorLabel ?? t('template.denominator')} name={`${key}.denominator`} errors={err(`${key}.denominator`)} required>
                          {(f) => <input {...f} aria-describedby={about(c.id, f)} inputMode="decimal" value={values[`${key}.denominator`]} onChange={(e) => set(`${key}.denominator`, e.target.value)} maxLength={30} />}
                        </Field>
                        <p className="text-xs text-slate-500 sm:col-span-2" data-testid={`source-${c.code}`}>{source(c)}</p>
                      </div>
                    ) : (
                      <Field label={t('worksheet.answer')} name={`${key}.answer`} errors={err(`${key}.answer`)} hint={c.kind === 'SCALE_1_5' ? t('worksheet.scaleHint') : undefined} required className="max-w-xs">
                        {(f) => (
                          <select {...f} aria-describedby={about(c.id, f)} value={values[`${key}.answer`]} onChange={(e) => set(`${key}.answer`, e.target.value)}>
                            <option value="">{t('worksheet.choose')}</option>
                            {c.kind === 'YES_NO'
                              ? <><option value="1">{t('worksheet.yes')}</option><option value="0">{t('worksheet.no')}</option></>
                              : [1, 2, 3, 4, 5].map((n) => <option key={n} value={n}>{n}</option>)}
                          </select>
                        )}
                      </Field>
                    )}
                    {bookAnswer(c)}
                  </div>
                  <dl className="grid grid-cols-3 gap-2 text-right text-sm md:w-64 md:self-center">
                    <div><dt className="text-xs text-slate-500">{t('worksheet.value')}</dt><dd>{p.value === null ? '–' : c.kind === 'RATIO' ? `${num(p.value)}%` : c.kind === 'YES_NO' ? t(p.value === 1 ? 'worksheet.yes' : 'worksheet.no') : p.value}</dd></div>
                    <div><dt className="text-xs text-slate-500">{t('worksheet.weight')}</dt><dd>{num(c.weight, Number.isInteger(c.weight) ? 0 : 2)}</dd></div>
                    <div><dt className="text-xs text-slate-500">{t('worksheet.score')}</dt><dd className="font-medium" data-testid={`score-${c.code}`}>{p.score === null ? '–' : num(p.score, Number.isInteger(p.score) ? 0 : 2)}</dd></div>
                  </dl>
                </div>
              )
            })}
          </fieldset>
        )
      })}
      <div className="sticky bottom-0 z-10 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-300 bg-white p-4 shadow-sm" aria-live="polite" data-testid="health-result">
        {result ? (
          <div className="flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
            <span>{t('worksheet.total')}: <strong className="text-lg" data-testid="health-total">{num(result.total)}</strong></span>
            <span className="flex items-center gap-2">{t('worksheet.outcome')}: <OutcomeBadge outcome={result.outcome} label={tr(`outcome.${result.outcome}`)} /></span>
          </div>
        ) : (
          <p className="text-sm text-slate-600">{t('worksheet.incomplete')}</p>
        )}
        <Button type="submit" disabled={pending}>{pending ? t('worksheet.saving') : t('worksheet.save')}</Button>
      </div>
    </form>
  )
}
