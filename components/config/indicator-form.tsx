'use client'

import { useActionState, useRef, useState } from 'react'
import { useTranslations } from 'next-intl'
import Link from 'next/link'
import { saveIndicator } from '@/lib/actions/config'
import { Button, buttonClass } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { DateInput } from '@/components/ui/date-input'
import { FormMessage } from '@/components/ui/form-message'
import { ACTIVITY_KINDS, BENEFICIARY_TYPES } from '@/lib/validations/activities'
import { useFocusFirstError } from '@/components/ui/focus'
import { INDICATOR_LOCKED_NOTE, type LockedField } from '@/lib/config/catalogue'

export type IndicatorFormValues = {
  version: number
  code: string
  name: string
  nameEn: string
  definition: string
  definitionEn: string
  source: string
  sourceEn: string
  formCode: string
  unit: string
  aggregation: string
  timeAggregation: string
  numeratorCode: string
  denominatorCode: string
  decimals: string
  sortOrder: string
  activeFrom: string
  activeTo: string
  active: boolean
  /** `KIND:TYPE` or empty */
  activityMeasure: string
}

type Option = { value: string; label: string }

/**
 * Create or edit an indicator of the catalogue. Once the indicator is used in reports or has targets
 * (`locked`: lib/config/catalogue.ts#lockedFields), the fields that fix a value's meaning are shown
 * read-only (the server refuses them anyway).
 */
export function IndicatorForm({ initial, forms, ratioParts, locked }: { initial: IndicatorFormValues; forms: Option[]; ratioParts: (Option & { formCode: string })[]; locked: readonly LockedField[] }) {
  const t = useTranslations('config.indicators')
  const tc = useTranslations('config')
  const ta = useTranslations('activities')
  // the selects are uncontrolled (a choice made while the page loads is kept); state only shows the ratio parts
  const [state, action, pending] = useActionState(saveIndicator, undefined)
  const formRef = useRef<HTMLFormElement>(null)
  useFocusFirstError(formRef, state)
  const v = { ...initial, ...state?.values, active: state?.values ? state.values.active === 'on' : initial.active }
  const [aggregation, setAggregation] = useState(v.aggregation)
  const [formCode, setFormCode] = useState(v.formCode)
  const isNew = initial.version === 0
  const err = (k: string) => state?.errors?.[k]
  // a locked field is described by the page's note that says why (INDICATOR_LOCKED_NOTE), beside its own hint or error
  const lockedProps = (field: LockedField, p: { 'aria-describedby'?: string }) =>
    (locked.includes(field) ? { disabled: true, 'aria-describedby': [p['aria-describedby'], INDICATOR_LOCKED_NOTE].filter(Boolean).join(' ') } : {})
  return (
    <form ref={formRef} action={action} className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-5" noValidate>
      <input type="hidden" name="version" value={initial.version} />
      {!isNew && <input type="hidden" name="code" value={initial.code} />}
      {/* disabled fields are not submitted: their stored values go along unchanged */}
      {/* disabled fields are not submitted: their stored values go along unchanged */}
      {locked.map((k) => <input key={k} type="hidden" name={k} value={initial[k]} />)}
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('field.code')} name="code" errors={err('code')} hint={t('field.codeHint')} required>
          {(p) => <input {...p} name={isNew ? 'code' : 'code-display'} defaultValue={v.code} disabled={!isNew} autoCapitalize="characters" spellCheck={false} maxLength={32} className={`${p.className} font-mono uppercase`} />}
        </Field>
        <Field label={t('field.formCode')} name="formCode" errors={err('formCode')} required>
          {(p) => (
            <select {...p} {...lockedProps('formCode', p)} defaultValue={v.formCode} onChange={(e) => setFormCode(e.target.value)}>
              <option value="">{t('field.choose')}</option>
              {forms.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('field.name')} name="name" errors={err('name')} required>
          {(p) => <input {...p} defaultValue={v.name} maxLength={200} />}
        </Field>
        <Field label={t('field.nameEn')} name="nameEn" errors={err('nameEn')} required>
          {(p) => <input {...p} defaultValue={v.nameEn} maxLength={200} />}
        </Field>
        <Field label={t('field.definition')} name="definition" errors={err('definition')} hint={t('field.definitionHint')}>
          {(p) => <textarea {...p} defaultValue={v.definition} maxLength={1000} rows={3} />}
        </Field>
        <Field label={t('field.definitionEn')} name="definitionEn" errors={err('definitionEn')}>
          {(p) => <textarea {...p} defaultValue={v.definitionEn} maxLength={1000} rows={3} />}
        </Field>
        <Field label={t('field.source')} name="source" errors={err('source')} hint={t('field.sourceHint')}>
          {(p) => <input {...p} defaultValue={v.source} maxLength={200} />}
        </Field>
        <Field label={t('field.sourceEn')} name="sourceEn" errors={err('sourceEn')}>
          {(p) => <input {...p} defaultValue={v.sourceEn} maxLength={200} />}
        </Field>
        <Field label={t('field.unit')} name="unit" errors={err('unit')} required>
          {(p) => (
            <select {...p} {...lockedProps('unit', p)} defaultValue={v.unit}>
              {(['COUNT', 'PERCENT', 'RUPIAH'] as const).map((u) => <option key={u} value={u}>{t(`unitValue.${u}`)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('field.decimals')} name="decimals" errors={err('decimals')} required>
          {(p) => <input {...p} {...lockedProps('decimals', p)} type="number" min={0} max={4} defaultValue={v.decimals} inputMode="numeric" />}
        </Field>
        <Field label={t('field.aggregation')} name="aggregation" errors={err('aggregation')} required>
          {(p) => (
            <select {...p} {...lockedProps('aggregation', p)} defaultValue={v.aggregation} onChange={(e) => setAggregation(e.target.value)}>
              {(['SUM', 'RATIO', 'PROVINCE'] as const).map((a) => <option key={a} value={a}>{t(`aggregationValue.${a}`)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('field.timeAggregation')} name="timeAggregation" errors={err('timeAggregation')} required>
          {(p) => (
            <select {...p} {...lockedProps('timeAggregation', p)} defaultValue={v.timeAggregation}>
              {(['FLOW', 'STOCK'] as const).map((a) => <option key={a} value={a}>{t(`timeValue.${a}`)}</option>)}
            </select>
          )}
        </Field>
        {aggregation === 'RATIO' && (
          <>
            {(['numeratorCode', 'denominatorCode'] as const).map((k) => (
              <Field key={k} label={t(`field.${k}`)} name={k} errors={err(k)} required>
                {(p) => (
                  <select {...p} {...lockedProps(k, p)} defaultValue={v[k]}>
                    <option value="">{t('field.choose')}</option>
                    {ratioParts.filter((o) => !formCode || o.formCode === formCode).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                  </select>
                )}
              </Field>
            ))}
          </>
        )}
        <Field label={t('field.activeFrom')} name="activeFrom" errors={err('activeFrom')} hint={t('field.activeHint')}>
          {(p) => <DateInput {...p} name="activeFrom" defaultValue={v.activeFrom} />}
        </Field>
        <Field label={t('field.activeTo')} name="activeTo" errors={err('activeTo')}>
          {(p) => <DateInput {...p} name="activeTo" defaultValue={v.activeTo} />}
        </Field>
        <Field label={t('field.activityMeasure')} name="activityMeasure" errors={err('activityMeasure')} hint={t('field.activityMeasureHint')} className="sm:col-span-2">
          {(p) => (
            <select {...p} defaultValue={v.activityMeasure}>
              <option value="">{t('field.activityMeasureNone')}</option>
              {ACTIVITY_KINDS.map((k) => (
                <optgroup key={k} label={ta(`kind.${k}`)}>
                  {BENEFICIARY_TYPES.map((b) => <option key={b} value={`${k}:${b}`}>{`${ta(`kind.${k}`)} → ${ta(`beneficiaryType.${b}`)}`}</option>)}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('field.sortOrder')} name="sortOrder" errors={err('sortOrder')} required>
          {(p) => <input {...p} type="number" min={0} max={999} defaultValue={v.sortOrder} inputMode="numeric" />}
        </Field>
        <div className="flex items-center gap-2 pt-6">
          <input id="f-active" name="active" type="checkbox" defaultChecked={v.active} className="size-4" />
          <label htmlFor="f-active" className="text-sm font-medium text-slate-800">{t('field.active')}</label>
        </div>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>{pending ? tc('saving') : tc('save')}</Button>
        <Link href="/pengaturan/indikator" className={buttonClass('secondary')}>{tc('cancel')}</Link>
      </div>
    </form>
  )
}
