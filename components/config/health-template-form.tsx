'use client'

import { useState } from 'react'
import { useTranslations } from 'next-intl'
import { Plus, Trash2 } from 'lucide-react'
import { saveHealthTemplate } from '@/lib/actions/health'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { useFormAction } from '@/components/ui/use-form-action'
import { HEALTH_ASPECT_KEYS, HEALTH_COMPONENT_KINDS, HEALTH_FIGURES, HEALTH_YEAR_ANSWERS } from '@/lib/registers/health'
import { parseNumberInput } from '@/lib/parse'

export type ComponentRow = {
  key: string
  code: string
  aspect: string
  label: string
  kind: string
  numerator: string
  denominator: string
  numeratorLabel: string
  denominatorLabel: string
  labelEn: string
  numeratorLabelEn: string
  denominatorLabelEn: string
  weight: string
  bands: string
  source: string
}

export type TemplateFormValues = { sehat: string; cukupSehat: string; dalamPengawasan: string; bandsSource: string; components: ComponentRow[] }

let nextKey = 0

/**
 * The health template editor: one row per component (aspect, label, ratio or questionnaire, weight,
 * bands, source) plus the outcome bands. Saved as the next version (the admin's version travels with
 * the form; a stale save is refused). Field names are `components.N.field`, so a refusal shows each
 * error under the field that is wrong.
 */
export function HealthTemplateForm({ version, initial }: { version: number; initial: TemplateFormValues }) {
  const t = useTranslations('health.template')
  const th = useTranslations('health')
  const [state, onSubmit, pending] = useFormAction(saveHealthTemplate)
  const [rows, setRows] = useState<ComponentRow[]>(initial.components)
  const err = (k: string) => state?.errors?.[k]
  const update = (i: number, patch: Partial<ComponentRow>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  const sum = Math.round(rows.reduce((s, r) => s + (parseNumberInput(r.weight) ?? 0) * 100, 0)) / 100
  const sumText = String(sum).replace('.', ',')
  return (
    <form onSubmit={onSubmit} className="space-y-5 rounded-lg border border-slate-200 bg-white p-4 sm:p-5" noValidate data-testid="health-template-form">
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">{t('components')}</legend>
        <ol className="space-y-4">
          {rows.map((r, i) => {
            const name = (f: string) => `components.${i}.${f}`
            return (
              <li key={r.key} className="rounded-md border border-slate-200 p-3" data-testid="health-component">
                <div className="mb-2 flex items-center justify-between gap-2">
                  <span className="text-sm font-medium text-slate-700">{t('componentN', { n: i + 1 })}</span>
                  <Button type="button" variant="ghost" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))} aria-label={t('remove', { code: r.code || String(i + 1) })}>
                    <Trash2 aria-hidden className="size-4" />
                  </Button>
                </div>
                <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6">
                  <Field label={t('code')} name={name('code')} errors={err(name('code'))} required>
                    {(p) => <input {...p} value={r.code} onChange={(e) => update(i, { code: e.target.value.toUpperCase() })} maxLength={16} />}
                  </Field>
                  <Field label={t('aspect')} name={name('aspect')} errors={err(name('aspect'))} required className="lg:col-span-2">
                    {(p) => (
                      <select {...p} value={r.aspect} onChange={(e) => update(i, { aspect: e.target.value })}>
                        {HEALTH_ASPECT_KEYS.map((a) => <option key={a} value={a}>{th(`aspect.${a}`)}</option>)}
                      </select>
                    )}
                  </Field>
                  <Field label={t('kind')} name={name('kind')} errors={err(name('kind'))} required>
                    {(p) => (
                      <select {...p} value={r.kind} onChange={(e) => update(i, { kind: e.target.value })}>
                        {HEALTH_COMPONENT_KINDS.map((k) => <option key={k} value={k}>{th(`kind.${k}`)}</option>)}
                      </select>
                    )}
                  </Field>
                  <Field label={t('weight')} name={name('weight')} errors={err(name('weight'))} required>
                    {(p) => <input {...p} inputMode="decimal" value={r.weight} onChange={(e) => update(i, { weight: e.target.value })} maxLength={6} />}
                  </Field>
                  <Field label={t('label')} name={name('label')} errors={err(name('label'))} required className="sm:col-span-2 lg:col-span-6">
                    {(p) => <input {...p} value={r.label} onChange={(e) => update(i, { label: e.target.value })} maxLength={300} />}
                  </Field>
                  {/* the English interface shows these (empty: the Indonesian) */}
                  <Field label={t('labelEn')} name={name('labelEn')} errors={err(name('labelEn'))} className="sm:col-span-2 lg:col-span-6">
                    {(p) => <input {...p} value={r.labelEn} onChange={(e) => update(i, { labelEn: e.target.value })} maxLength={300} lang="en" />}
                  </Field>
                  {r.kind === 'RATIO' && (
                    <>
                      {(['numerator', 'denominator'] as const).map((part) => (
                        <Field key={part} label={t(part)} name={name(part)} errors={err(name(part))} className="lg:col-span-3">
                          {(p) => (
                            <select {...p} value={r[part]} onChange={(e) => update(i, { [part]: e.target.value })}>
                              <option value="">{th('figure.entered')}</option>
                              {HEALTH_FIGURES.map((f) => <option key={f} value={f}>{th(`figure.${f}`)}</option>)}
                            </select>
                          )}
                        </Field>
                      ))}
                      {(['numeratorLabel', 'denominatorLabel', 'numeratorLabelEn', 'denominatorLabelEn'] as const).map((part) => (
                        <Field key={part} label={t(part)} name={name(part)} errors={err(name(part))} className="lg:col-span-3">
                          {(p) => <input {...p} value={r[part]} onChange={(e) => update(i, { [part]: e.target.value })} maxLength={120} />}
                        </Field>
                      ))}
                      <Field label={t('bands')} name={name('bands')} errors={err(name('bands'))} hint={t('bandsHint')} required className="sm:col-span-2 lg:col-span-6">
                        {(p) => <input {...p} value={r.bands} onChange={(e) => update(i, { bands: e.target.value })} maxLength={300} />}
                      </Field>
                    </>
                  )}
                  {r.kind === 'YES_NO' && (
                    // a yes/no the book year answers (RAT held): the worksheet prefills it and warns on a contrary answer
                    <Field label={t('yearAnswer')} name={name('numerator')} errors={err(name('numerator'))} className="sm:col-span-2 lg:col-span-3">
                      {(p) => (
                        <select {...p} value={r.numerator} onChange={(e) => update(i, { numerator: e.target.value })}>
                          <option value="">{th('figure.entered')}</option>
                          {HEALTH_YEAR_ANSWERS.map((f) => <option key={f} value={f}>{th(`yearAnswer.${f}`)}</option>)}
                        </select>
                      )}
                    </Field>
                  )}
                  <Field label={t('source')} name={name('source')} errors={err(name('source'))} required className="sm:col-span-2 lg:col-span-6">
                    {(p) => <input {...p} value={r.source} onChange={(e) => update(i, { source: e.target.value })} maxLength={300} />}
                  </Field>
                </div>
              </li>
            )
          })}
        </ol>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <Button
            type="button"
            variant="secondary"
            onClick={() => setRows((rs) => [...rs, { key: `new-${nextKey++}`, code: '', aspect: 'GOVERNANCE', label: '', kind: 'SCALE_1_5', numerator: '', denominator: '', numeratorLabel: '', denominatorLabel: '', labelEn: '', numeratorLabelEn: '', denominatorLabelEn: '', weight: '0', bands: '', source: '' }])}
          >
            <Plus aria-hidden className="size-4" />{t('add')}
          </Button>
          <p className={sum === 100 ? 'text-sm text-slate-700' : 'text-sm font-medium text-red-700'} aria-live="polite" data-testid="weight-sum">{t('weightSum', { sum: sumText })}</p>
        </div>
        {err('weights') && <p className="text-sm font-medium text-red-700" role="alert">{err('weights')?.join(' ')}</p>}
        {err('components') && <p className="text-sm font-medium text-red-700" role="alert">{err('components')?.join(' ')}</p>}
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">{t('outcomeBands')}</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          {(['sehat', 'cukupSehat', 'dalamPengawasan'] as const).map((k) => (
            <Field key={k} label={t(k)} name={k} errors={err(k)} required>
              {(p) => <input {...p} inputMode="decimal" defaultValue={state?.values?.[k] ?? initial[k]} maxLength={6} />}
            </Field>
          ))}
        </div>
        <Field label={t('bandsSource')} name="bandsSource" errors={err('bandsSource')} required>
          {(p) => <input {...p} defaultValue={state?.values?.bandsSource ?? initial.bandsSource} maxLength={300} />}
        </Field>
      </fieldset>
      <Button type="submit" disabled={pending}>{pending ? t('saving') : t('save')}</Button>
    </form>
  )
}
