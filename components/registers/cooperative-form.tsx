'use client'

import { DateInput } from '@/components/ui/date-input'
import { useFormAction } from '@/components/ui/use-form-action'
import { useTranslations } from 'next-intl'
import Link from 'next/link'
import { createCooperative, updateCooperative } from '@/lib/actions/cooperatives'
import { Button, buttonClass } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { COOPERATIVE_FORMS, COOPERATIVE_PATTERNS, COOPERATIVE_TYPES } from '@/lib/validations/cooperatives'
import { RegionFields } from './region-fields'

type Option = { code: string; name: string }

export type CooperativeFormValues = {
  id?: string
  version?: number
  nik: string
  legalEntityNumber: string
  legalEntityDate: string
  name: string
  type: string
  form: string
  pattern: string
  groupName: string
  regencyCode: string
  districtCode: string
  villageCode: string
  address: string
  membersMale: string
  membersFemale: string
  managers: string
  employees: string
  active: boolean
}

/** Create or edit a cooperative: one zod schema on the server, its field errors shown here. */
export function CooperativeForm({
  initial, regencies, fixedRegency, districts, villages, cancelHref,
}: {
  initial?: CooperativeFormValues
  regencies: Option[]
  fixedRegency?: string
  districts: Option[]
  villages: Option[]
  cancelHref: string
}) {
  const t = useTranslations('cooperatives')
  const r = useTranslations('registers')
  const [state, action, pending] = useFormAction(initial?.id ? updateCooperative : createCooperative)
  // after a refusal the form shows what was typed, not what was stored
  const v: Partial<CooperativeFormValues> & Record<string, unknown> = state?.values ? { ...state.values, active: state.values.active === 'on' } : (initial ?? { active: true, membersMale: '0', membersFemale: '0', managers: '0', employees: '0' })
  const e = state?.errors
  const text = (name: keyof CooperativeFormValues) => (typeof v[name] === 'string' ? (v[name] as string) : '')
  return (
    <form data-unsaved-guard onSubmit={action} className="max-w-4xl space-y-6 rounded-lg border border-slate-200 bg-white p-4 sm:p-5" noValidate>
      {initial?.id && <input type="hidden" name="id" value={initial.id} />}
      {initial?.version && <input type="hidden" name="version" value={initial.version} />}
      <FormMessage state={state} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">{t('identity')}</legend>
        <Field label={t('nik')} name="nik" errors={e?.nik} hint={t('nikHint')} required>
          {(p) => <input {...p} defaultValue={text('nik')} inputMode="numeric" maxLength={24} autoComplete="off" />}
        </Field>
        {/* asked only when the server found the NIK beginning with another regency's code: a warning the user confirms,
            next to the NIK (on a phone right under it; on a wider screen across the row under the NIK and the name) */}
        {(e?.nikElsewhereConfirmed || v.nikElsewhereConfirmed === 'on') && (
          <label className="flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 sm:col-span-2 sm:row-start-2">
            <input type="checkbox" name="nikElsewhereConfirmed" defaultChecked={v.nikElsewhereConfirmed === 'on'} className="mt-0.5 size-4 rounded border-slate-300" aria-describedby="f-nik-error" />
            {t('nikElsewhereConfirm')}
          </label>
        )}
        <Field label={t('name')} name="name" errors={e?.name} required>
          {(p) => <input {...p} defaultValue={text('name')} maxLength={200} />}
        </Field>
        <Field label={t('type')} name="type" errors={e?.type} required>
          {(p) => (
            <select {...p} defaultValue={text('type')}>
              <option value="">–</option>
              {COOPERATIVE_TYPES.map((x) => <option key={x} value={x}>{r(`type.${x}`)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('group')} name="groupName" errors={e?.groupName} hint={t('groupHint')}>
          {(p) => <input {...p} defaultValue={text('groupName')} maxLength={60} />}
        </Field>
        <Field label={t('form')} name="form" errors={e?.form} required>
          {(p) => (
            <select {...p} defaultValue={text('form') || 'PRIMER'}>
              {COOPERATIVE_FORMS.map((x) => <option key={x} value={x}>{r(`form.${x}`)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('pattern')} name="pattern" errors={e?.pattern} required>
          {(p) => (
            <select {...p} defaultValue={text('pattern') || 'KONVENSIONAL'}>
              {COOPERATIVE_PATTERNS.map((x) => <option key={x} value={x}>{r(`pattern.${x}`)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('legalEntityNumber')} name="legalEntityNumber" errors={e?.legalEntityNumber}>
          {(p) => <input {...p} defaultValue={text('legalEntityNumber')} maxLength={100} />}
        </Field>
        <Field label={t('legalEntityDate')} name="legalEntityDate" errors={e?.legalEntityDate}>
          {(p) => <DateInput {...p} defaultValue={text('legalEntityDate')} />}
        </Field>
        <label className="flex items-center gap-2 text-sm font-medium text-slate-800 sm:col-span-2">
          <input type="checkbox" name="active" defaultChecked={Boolean(v.active)} className="size-4 rounded border-slate-300" />
          {t('activeLabel')}
        </label>
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">{r('location')}</legend>
        <RegionFields
          regencies={regencies}
          fixedRegency={fixedRegency}
          initial={{ regencyCode: text('regencyCode'), districtCode: text('districtCode'), villageCode: text('villageCode') }}
          initialDistricts={districts}
          initialVillages={villages}
          errors={e}
          labels={{
            regency: r('regency'), district: r('district'), village: r('village'), chooseRegency: r('chooseRegency'),
            chooseDistrict: r('chooseDistrict'), chooseVillage: r('chooseVillage'), regencyFixed: r('regencyFixed'),
          }}
        />
        <Field label={r('address')} name="address" errors={e?.address} className="sm:col-span-3">
          {(p) => <input {...p} defaultValue={text('address')} maxLength={300} />}
        </Field>
      </fieldset>
      <fieldset className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        <legend className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">{t('people')}</legend>
        <Field label={t('membersMale')} name="membersMale" errors={e?.membersMale} required>
          {(p) => <input {...p} defaultValue={text('membersMale')} inputMode="numeric" />}
        </Field>
        <Field label={t('membersFemale')} name="membersFemale" errors={e?.membersFemale} required>
          {(p) => <input {...p} defaultValue={text('membersFemale')} inputMode="numeric" />}
        </Field>
        <Field label={t('managers')} name="managers" errors={e?.managers} required>
          {(p) => <input {...p} defaultValue={text('managers')} inputMode="numeric" />}
        </Field>
        <Field label={t('employees')} name="employees" errors={e?.employees} required>
          {(p) => <input {...p} defaultValue={text('employees')} inputMode="numeric" />}
        </Field>
      </fieldset>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>{pending ? r('saving') : r('save')}</Button>
        <Link href={cancelHref} className={buttonClass('secondary')}>{r('cancel')}</Link>
      </div>
    </form>
  )
}
