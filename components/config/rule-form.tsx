'use client'

import { useState } from 'react'
import { useLocale, useTranslations } from 'next-intl'
import Link from 'next/link'
import { saveValidationRule } from '@/lib/actions/validation-rules'
import type { RulePreview } from '@/lib/data/validation-rules'
import { Badge } from '@/components/ui/badge'
import { Button, buttonClass } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { Table, Td, Th } from '@/components/ui/table'
import { useFormAction } from '@/components/ui/use-form-action'
import { formatNumber } from '@/lib/format'
import { quarterLabel } from '@/lib/reporting/periods'

export type RuleFormValues = {
  version: number
  code: string
  kind: string
  severity: string
  indicatorCode: string
  otherIndicatorCode: string
  min: string
  max: string
  thresholdPercent: string
  message: string
  messageEn: string
  active: boolean
}

export type RuleIndicatorOption = { value: string; label: string; unit: string }

const STATUS_TONE = { DRAFT: 'slate', SUBMITTED: 'blue', RETURNED: 'amber', APPROVED: 'green' } as const

/**
 * Create or edit a validation rule. "Pratinjau" runs the same action with `intent=preview`: the server
 * checks the rule as it would for saving and lists the existing reports it would flag (with the quarterly
 * form's own evaluator), writing nothing; "Simpan" saves it. The fields stay as typed after a preview.
 */
export function RuleForm({ initial, indicators }: { initial: RuleFormValues; indicators: RuleIndicatorOption[] }) {
  const t = useTranslations('config.rules')
  const tc = useTranslations('config')
  const ts = useTranslations('reporting.status')
  const lang = useLocale() === 'en' ? 'en' : 'id'
  const [state, onSubmit, pending] = useFormAction(saveValidationRule, { keepAfterSuccess: true })
  const [kind, setKind] = useState(initial.kind)
  const [indicator, setIndicator] = useState(initial.indicatorCode)
  const isNew = initial.version === 0
  const err = (k: string) => state?.errors?.[k]
  const preview: RulePreview | null = state?.ok && state.data?.preview ? (JSON.parse(state.data.preview) as RulePreview) : null
  const unit = indicators.find((i) => i.value === indicator)?.unit
  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-5" noValidate>
        <input type="hidden" name="version" value={initial.version} />
        {!isNew && <input type="hidden" name="code" value={initial.code} />}
        <FormMessage state={state} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t('field.code')} name="code" errors={err('code')} hint={t('field.codeHint')} required>
            {(p) => <input {...p} name={isNew ? 'code' : 'code-display'} defaultValue={initial.code} disabled={!isNew} autoCapitalize="characters" spellCheck={false} maxLength={40} className={`${p.className} font-mono uppercase`} />}
          </Field>
          <Field label={t('field.severity')} name="severity" errors={err('severity')} hint={t('field.severityHint')} required>
            {(p) => (
              <select {...p} defaultValue={initial.severity}>
                {(['ERROR', 'WARNING'] as const).map((s) => <option key={s} value={s}>{t(`severityValue.${s}`)}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('field.kind')} name="kind" errors={err('kind')} required className="sm:col-span-2">
            {(p) => (
              <select {...p} value={kind} onChange={(e) => setKind(e.target.value)}>
                {(['LESS_OR_EQUAL', 'RANGE', 'MAX_CHANGE'] as const).map((k) => <option key={k} value={k}>{t(`kindValue.${k}`)}</option>)}
              </select>
            )}
          </Field>
          <Field label={kind === 'LESS_OR_EQUAL' ? t('field.indicatorPair') : t('field.indicator')} name="indicatorCode" errors={err('indicatorCode')} hint={kind === 'LESS_OR_EQUAL' ? undefined : t('field.indicatorHint')} required={kind === 'LESS_OR_EQUAL'}>
            {(p) => (
              <select {...p} value={indicator} onChange={(e) => setIndicator(e.target.value)}>
                <option value="">{kind === 'LESS_OR_EQUAL' ? t('field.choose') : t('field.everyIndicator')}</option>
                {indicators.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            )}
          </Field>
          {kind === 'LESS_OR_EQUAL' && (
            <Field label={t('field.otherIndicator')} name="otherIndicatorCode" errors={err('otherIndicatorCode')} hint={t('field.otherHint')} required>
              {(p) => (
                <select {...p} defaultValue={initial.otherIndicatorCode}>
                  <option value="">{t('field.choose')}</option>
                  {indicators.filter((o) => o.value !== indicator && (!unit || o.unit === unit)).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                </select>
              )}
            </Field>
          )}
          {kind === 'RANGE' && (
            <>
              <Field label={t('field.min')} name="min" errors={err('min')} hint={t('field.boundHint')}>
                {(p) => <input {...p} defaultValue={initial.min} inputMode="decimal" maxLength={40} />}
              </Field>
              <Field label={t('field.max')} name="max" errors={err('max')}>
                {(p) => <input {...p} defaultValue={initial.max} inputMode="decimal" maxLength={40} />}
              </Field>
            </>
          )}
          {kind === 'MAX_CHANGE' && (
            <Field label={t('field.thresholdPercent')} name="thresholdPercent" errors={err('thresholdPercent')} hint={t('field.thresholdHint')} required>
              {(p) => <input {...p} defaultValue={initial.thresholdPercent} inputMode="decimal" maxLength={40} />}
            </Field>
          )}
          <Field label={t('field.message')} name="message" errors={err('message')} hint={kind === 'MAX_CHANGE' ? t('field.placeholderHint') : undefined} required className="sm:col-span-2">
            {(p) => <textarea {...p} defaultValue={initial.message} maxLength={300} rows={2} />}
          </Field>
          <Field label={t('field.messageEn')} name="messageEn" errors={err('messageEn')} required className="sm:col-span-2">
            {(p) => <textarea {...p} defaultValue={initial.messageEn} maxLength={300} rows={2} />}
          </Field>
          <div className="flex items-center gap-2">
            <input id="f-active" name="active" type="checkbox" defaultChecked={initial.active} className="size-4" />
            <label htmlFor="f-active" className="text-sm font-medium text-slate-800">{t('field.active')}</label>
          </div>
        </div>
        <p className="text-xs text-slate-600">{t('appliesNext')}</p>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" name="intent" value="preview" variant="secondary" disabled={pending}>{t('preview')}</Button>
          <Button type="submit" name="intent" value="save" disabled={pending}>{pending ? tc('saving') : tc('save')}</Button>
          <Link href="/pengaturan/aturan" className={buttonClass('ghost')}>{tc('cancel')}</Link>
        </div>
      </form>
      {preview && (
        <section aria-labelledby="rule-preview-title" className="space-y-3" data-testid="rule-preview">
          <h3 id="rule-preview-title" className="text-base font-semibold text-slate-900">{t('previewTitle')}</h3>
          {preview.from && preview.to ? (
            <p className="text-sm text-slate-700">
              {t('previewSummary', {
                flagged: formatNumber(preview.reportsFlagged, { locale: lang }),
                checked: formatNumber(preview.reportsChecked, { locale: lang }),
                from: `${quarterLabel(preview.from.quarter, lang)} ${preview.from.year}`,
                to: `${quarterLabel(preview.to.quarter, lang)} ${preview.to.year}`,
              })}{' '}
              {(['APPROVED', 'SUBMITTED', 'RETURNED', 'DRAFT'] as const).filter((s) => preview.flaggedByStatus[s] > 0).map((s) => `${ts(s)}: ${formatNumber(preview.flaggedByStatus[s], { locale: lang })}`).join(' · ')}
            </p>
          ) : (
            <p className="text-sm text-slate-700">{t('previewNoReports')}</p>
          )}
          <p className="text-xs text-slate-600">{t('previewNote')}</p>
          {preview.rows.length > 0 && (
            <Table caption={t('previewTitle')}>
              <thead>
                <tr>
                  <Th>{t('col.regency')}</Th>
                  <Th>{t('col.period')}</Th>
                  <Th>{t('col.status')}</Th>
                  <Th>{t('col.indicator')}</Th>
                  <Th>{t('col.message')}</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {preview.rows.map((r, i) => (
                  <tr key={`${r.regencyCode}-${r.year}-${r.quarter}-${r.indicatorCode}-${i}`}>
                    <Td>{r.regencyName}</Td>
                    <Td className="whitespace-nowrap">{quarterLabel(r.quarter, lang)} {r.year}</Td>
                    <Td><Badge tone={STATUS_TONE[r.status]}>{ts(r.status)}</Badge></Td>
                    <Td className="font-mono text-xs">{r.indicatorCode}</Td>
                    <Td>
                      <Badge tone={r.severity === 'ERROR' ? 'red' : 'amber'}>{t(`severityValue.${r.severity}`)}</Badge>{' '}
                      {lang === 'en' ? r.messageEn : r.message}
                      {r.resolved && <span className="block text-xs text-slate-500">{t('resolved')}</span>}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {preview.findings > preview.rows.length && <p className="text-xs text-slate-600">{t('previewMore', { shown: formatNumber(preview.rows.length, { locale: lang }), total: formatNumber(preview.findings, { locale: lang }) })}</p>}
        </section>
      )}
    </div>
  )
}
