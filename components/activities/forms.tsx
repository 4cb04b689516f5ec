'use client'

import { useState } from 'react'
import { useTranslations } from 'next-intl'
import { addBeneficiary, createActivity, createProgrammeTarget, updateActivity, updateProgrammeTarget } from '@/lib/actions/activities'
import { Button } from '@/components/ui/button'
import { DateInput } from '@/components/ui/date-input'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { useFormFields as useForm } from '@/components/ui/use-form-action'
import { OptionSelect as Select, type Option } from '@/components/ui/option-select'
import { ACTIVITY_KINDS, BENEFICIARY_TYPES, BUDGET_SOURCES, TARGET_MEASURES } from '@/lib/validations/activities'

export type ActivityValues = { id?: string; version?: number; kind: string; title: string; startDate: string; endDate: string; regencyCode: string; budgetSource: string; budgetAmount: string; notes: string }

/** Record or edit an activity; a district officer's regency is fixed to its own (the server checks it too). */
export function ActivityForm({ initial, regencies, provinceAllowed }: { initial: ActivityValues; regencies: Option[]; provinceAllowed: boolean }) {
  const t = useTranslations('activities')
  const { state, formAction, pending, v, e } = useForm(initial.id ? updateActivity : createActivity)
  const px = 'activity'
  return (
    <form data-unsaved-guard onSubmit={formAction} className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      {initial.version && <input type="hidden" name="version" value={initial.version} />}
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field idPrefix={px} label={t('fields.kind')} name="kind" errors={e('kind')} required>
          {(p) => <Select p={p} value={v('kind', initial.kind)} options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />}
        </Field>
        <Field idPrefix={px} label={t('fields.title')} name="title" errors={e('title')} required className="sm:col-span-2">
          {(p) => <input {...p} defaultValue={v('title', initial.title)} maxLength={200} />}
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field idPrefix={px} label={t('fields.startDate')} name="startDate" errors={e('startDate')} required>
          {(p) => <DateInput {...p} defaultValue={v('startDate', initial.startDate)} />}
        </Field>
        <Field idPrefix={px} label={t('fields.endDate')} name="endDate" errors={e('endDate')} hint={t('fields.endDateHint')}>
          {(p) => <DateInput {...p} defaultValue={v('endDate', initial.endDate)} />}
        </Field>
        <Field idPrefix={px} label={t('fields.regency')} name="regencyCode" errors={e('regencyCode')}>
          {(p) => <Select p={p} value={v('regencyCode', initial.regencyCode)} options={regencies} empty={provinceAllowed ? t('fields.provinceLevel') : undefined} />}
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field idPrefix={px} label={t('fields.budgetSource')} name="budgetSource" errors={e('budgetSource')}>
          {(p) => <Select p={p} value={v('budgetSource', initial.budgetSource)} options={BUDGET_SOURCES.map((k) => ({ value: k, label: t(`source.${k}`) }))} empty={t('fields.noBudget')} />}
        </Field>
        <Field idPrefix={px} label={t('fields.budgetAmount')} name="budgetAmount" errors={e('budgetAmount')} hint={t('fields.budgetAmountHint')}>
          {(p) => <input {...p} defaultValue={v('budgetAmount', initial.budgetAmount)} inputMode="numeric" placeholder="451.803.000" />}
        </Field>
      </div>
      <Field idPrefix={px} label={t('fields.notes')} name="notes" errors={e('notes')}>
        {(p) => <textarea {...p} defaultValue={v('notes', initial.notes)} rows={3} maxLength={2000} />}
      </Field>
      <Button type="submit" disabled={pending}>{pending ? t('saving') : t('save')}</Button>
    </form>
  )
}

/** Add a beneficiary: a cooperative by NIK koperasi, an MSME by NIB, or a person (optionally of a cooperative). */
export function BeneficiaryForm({ activityId, defaultType }: { activityId: string; defaultType: string }) {
  const t = useTranslations('activities')
  const { state, formAction, pending, e } = useForm(addBeneficiary)
  const [type, setType] = useState(defaultType)
  const px = 'beneficiary'
  return (
    <form data-unsaved-guard onSubmit={formAction} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate aria-labelledby="beneficiary-form-title">
      <h3 id="beneficiary-form-title" className="text-sm font-semibold text-slate-900">{t('beneficiaries.add')}</h3>
      <input type="hidden" name="activityId" value={activityId} />
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field idPrefix={px} label={t('beneficiaries.type')} name="type" errors={e('type')} required>
          {(p) => <Select p={p} value={type} onChange={setType} options={BENEFICIARY_TYPES.map((k) => ({ value: k, label: t(`beneficiaryType.${k}`) }))} />}
        </Field>
        {type === 'MSME' ? (
          <Field idPrefix={px} label={t('beneficiaries.msmeNib')} name="msmeNib" errors={e('msmeNib')} hint={t('beneficiaries.msmeNibHint')} required className="sm:col-span-2">
            {(p) => <input {...p} inputMode="numeric" maxLength={20} autoComplete="off" />}
          </Field>
        ) : (
          <Field idPrefix={px} label={t('beneficiaries.cooperativeNik')} name="cooperativeNik" errors={e('cooperativeNik')} hint={type === 'PERSON' ? t('beneficiaries.personCooperativeHint') : t('beneficiaries.cooperativeNikHint')} required={type === 'COOPERATIVE'} className="sm:col-span-2">
            {(p) => <input {...p} inputMode="numeric" maxLength={24} autoComplete="off" />}
          </Field>
        )}
      </div>
      {type === 'PERSON' && (
        <div className="grid gap-3 sm:grid-cols-3">
          <Field idPrefix={px} label={t('beneficiaries.personName')} name="personName" errors={e('personName')} required>
            {(p) => <input {...p} maxLength={150} autoComplete="off" />}
          </Field>
          <Field idPrefix={px} label={t('beneficiaries.personRole')} name="personRole" errors={e('personRole')}>
            {(p) => <input {...p} maxLength={100} placeholder={t('beneficiaries.personRolePlaceholder')} />}
          </Field>
          <Field idPrefix={px} label={t('beneficiaries.certificateNumber')} name="certificateNumber" errors={e('certificateNumber')}>
            {(p) => <input {...p} maxLength={100} autoComplete="off" />}
          </Field>
        </div>
      )}
      <Button type="submit" disabled={pending}>{pending ? t('saving') : t('beneficiaries.add')}</Button>
    </form>
  )
}

export type TargetValues = {
  id?: string; version?: number; name: string; measure: string; indicatorCode: string; activityKind: string; beneficiaryType: string; targetValue: string
  startDate: string; deadline: string; regencyCode: string; workingDays: boolean; notes: string
}

/** Set or edit a time-bound target: the measure decides which of indicator or activity kind it needs. */
export function ProgrammeTargetForm({ initial, regencies, indicators }: { initial: TargetValues; regencies: Option[]; indicators: Option[] }) {
  const t = useTranslations('programmeTargets')
  const a = useTranslations('activities')
  const { state, formAction, pending, v, e } = useForm(initial.id ? updateProgrammeTarget : createProgrammeTarget)
  const [measure, setMeasure] = useState(v('measure', initial.measure))
  const px = 'target'
  return (
    <form data-unsaved-guard onSubmit={formAction} className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      {initial.version && <input type="hidden" name="version" value={initial.version} />}
      <FormMessage state={state} />
      <Field idPrefix={px} label={t('fields.name')} name="name" errors={e('name')} required>
        {(p) => <input {...p} defaultValue={v('name', initial.name)} maxLength={200} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field idPrefix={px} label={t('fields.measure')} name="measure" errors={e('measure')} required>
          {(p) => <Select p={p} value={measure} onChange={setMeasure} options={TARGET_MEASURES.map((k) => ({ value: k, label: t(`measure.${k}`) }))} />}
        </Field>
        <Field idPrefix={px} label={t('fields.targetValue')} name="targetValue" errors={e('targetValue')} required>
          {(p) => <input {...p} defaultValue={v('targetValue', initial.targetValue)} inputMode="numeric" />}
        </Field>
      </div>
      {measure === 'INDICATOR' && (
        <Field idPrefix={px} label={t('fields.indicator')} name="indicatorCode" errors={e('indicatorCode')} required>
          {(p) => <Select p={p} value={v('indicatorCode', initial.indicatorCode)} options={indicators} empty={t('fields.choose')} />}
        </Field>
      )}
      {measure === 'ACTIVITY_BENEFICIARIES' && (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field idPrefix={px} label={t('fields.activityKind')} name="activityKind" errors={e('activityKind')} required>
            {(p) => <Select p={p} value={v('activityKind', initial.activityKind)} options={ACTIVITY_KINDS.map((k) => ({ value: k, label: a(`kind.${k}`) }))} empty={t('fields.choose')} />}
          </Field>
          <Field idPrefix={px} label={t('fields.beneficiaryType')} name="beneficiaryType" errors={e('beneficiaryType')} required>
            {(p) => <Select p={p} value={v('beneficiaryType', initial.beneficiaryType)} options={BENEFICIARY_TYPES.map((k) => ({ value: k, label: a(`beneficiaryType.${k}`) }))} empty={t('fields.choose')} />}
          </Field>
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field idPrefix={px} label={t('fields.startDate')} name="startDate" errors={e('startDate')} required>
          {(p) => <DateInput {...p} defaultValue={v('startDate', initial.startDate)} />}
        </Field>
        <Field idPrefix={px} label={t('fields.deadline')} name="deadline" errors={e('deadline')} required>
          {(p) => <DateInput {...p} defaultValue={v('deadline', initial.deadline)} />}
        </Field>
        <Field idPrefix={px} label={t('fields.regency')} name="regencyCode" errors={e('regencyCode')}>
          {(p) => <Select p={p} value={v('regencyCode', initial.regencyCode)} options={regencies} empty={t('province')} />}
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" name="workingDays" defaultChecked={state?.values ? state.values.workingDays === 'on' : initial.workingDays} className="size-4" />
        {t('fields.workingDays')}
      </label>
      <Field idPrefix={px} label={t('fields.notes')} name="notes" errors={e('notes')}>
        {(p) => <textarea {...p} defaultValue={v('notes', initial.notes)} rows={3} maxLength={2000} />}
      </Field>
      <Button type="submit" disabled={pending}>{pending ? t('saving') : t('save')}</Button>
    </form>
  )
}
