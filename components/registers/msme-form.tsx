'use client'

import { DateInput } from '@/components/ui/date-input'
import { useFormAction } from '@/components/ui/use-form-action'
import { useTranslations } from 'next-intl'
import Link from 'next/link'
import { createMsme, updateMsme } from '@/lib/actions/msmes'
import { Button, buttonClass } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { GENDER_VALUES, SCALE_VALUES } from '@/lib/validations/msmes'
import type { CooperativeChoice } from '@/lib/data/cooperatives'
import { MoneyInput } from './money-input'
import { RegionFields } from './region-fields'

type Option = { code: string; name: string }

export type MsmeFormValues = {
  id?: string
  version?: number
  /** on edit: the stored NIK, masked (the full number never reaches the browser) */
  maskedNik?: string
  nib: string
  businessName: string
  ownerName: string
  ownerNik: string
  ownerGender: string
  kbli: string
  regencyCode: string
  districtCode: string
  villageCode: string
  address: string
  phone: string
  workers: string
  businessCapital: string
  annualSales: string
  recordedScale: string
  newRegistration: boolean
  iumkNumber: string
  iumkDate: string
  cooperativeId: string
}

/** Create or edit an MSME; the PP 7/2021 scale is computed by the server on save. */
export function MsmeForm({
  initial, regencies, fixedRegency, districts, villages, cooperatives, cancelHref,
}: {
  initial?: MsmeFormValues
  regencies: Option[]
  fixedRegency?: string
  districts: Option[]
  villages: Option[]
  cooperatives: CooperativeChoice[]
  cancelHref: string
}) {
  const t = useTranslations('msmes')
  const r = useTranslations('registers')
  const [state, action, pending] = useFormAction(initial?.id ? updateMsme : createMsme)
  const v: Partial<MsmeFormValues> & Record<string, unknown> = state?.values ? { ...state.values, newRegistration: state.values.newRegistration === 'on' } : (initial ?? {})
  const e = state?.errors
  const text = (name: keyof MsmeFormValues) => (typeof v[name] === 'string' ? (v[name] as string) : '')
  return (
    <form data-unsaved-guard onSubmit={action} className="max-w-4xl space-y-6 rounded-lg border border-slate-200 bg-white p-4 sm:p-5" noValidate>
      {initial?.id && <input type="hidden" name="id" value={initial.id} />}
      {initial?.version && <input type="hidden" name="version" value={initial.version} />}
      <FormMessage state={state} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">{t('business')}</legend>
        <Field label={t('nib')} name="nib" errors={e?.nib} hint={t('nibHint')} required>
          {(p) => <input {...p} defaultValue={text('nib')} inputMode="numeric" maxLength={20} autoComplete="off" />}
        </Field>
        <Field label={t('businessName')} name="businessName" errors={e?.businessName} required>
          {(p) => <input {...p} defaultValue={text('businessName')} maxLength={200} />}
        </Field>
        <Field label={t('kbli')} name="kbli" errors={e?.kbli} hint={t('kbliHint')} required>
          {(p) => <input {...p} defaultValue={text('kbli')} inputMode="numeric" maxLength={5} />}
        </Field>
        <Field label={t('workers')} name="workers" errors={e?.workers} required>
          {(p) => <input {...p} defaultValue={text('workers')} inputMode="numeric" />}
        </Field>
        <Field label={t('ownerName')} name="ownerName" errors={e?.ownerName} required>
          {(p) => <input {...p} defaultValue={text('ownerName')} maxLength={120} />}
        </Field>
        <Field
          label={t('ownerNik')}
          name="ownerNik"
          errors={e?.ownerNik}
          hint={initial?.maskedNik ? t('ownerNikKeep', { masked: initial.maskedNik }) : t('ownerNikHint')}
          required={!initial?.id}
        >
          {(p) => <input {...p} defaultValue={text('ownerNik')} inputMode="numeric" maxLength={24} autoComplete="off" />}
        </Field>
        {/* asked only when the server found the NIK registered in another regency: a warning the user confirms */}
        {(e?.nikElsewhereConfirmed || v.nikElsewhereConfirmed === 'on') && (
          <label className="flex items-start gap-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 sm:col-span-2">
            <input type="checkbox" name="nikElsewhereConfirmed" defaultChecked={v.nikElsewhereConfirmed === 'on'} className="mt-0.5 size-4 rounded border-slate-300" aria-describedby="f-ownerNik-error" />
            {t('nikElsewhereConfirm')}
          </label>
        )}
        <Field label={t('ownerGender')} name="ownerGender" errors={e?.ownerGender} required>
          {(p) => (
            <select {...p} defaultValue={text('ownerGender')}>
              <option value="">{t('chooseGender')}</option>
              {GENDER_VALUES.map((g) => <option key={g} value={g}>{r(`gender.${g}`)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('phone')} name="phone" errors={e?.phone}>
          {(p) => <input {...p} type="tel" inputMode="tel" autoComplete="tel" defaultValue={text('phone')} maxLength={30} />}
        </Field>
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">{t('figures')}</legend>
        <Field label={t('businessCapital')} name="businessCapital" errors={e?.businessCapital} hint={t('businessCapitalHint')}>
          {(p) => <MoneyInput {...p} defaultValue={text('businessCapital')} />}
        </Field>
        <Field label={t('annualSales')} name="annualSales" errors={e?.annualSales} hint={t('annualSalesHint')}>
          {(p) => <MoneyInput {...p} defaultValue={text('annualSales')} />}
        </Field>
        <Field label={t('recordedScale')} name="recordedScale" errors={e?.recordedScale} hint={t('recordedScaleHint')}>
          {(p) => (
            <select {...p} defaultValue={text('recordedScale')}>
              <option value="">{t('noRecordedScale')}</option>
              {SCALE_VALUES.map((s) => <option key={s} value={s}>{r(`scale.${s}`)}</option>)}
            </select>
          )}
        </Field>
        <label className="flex items-center gap-2 self-center text-sm font-medium text-slate-800">
          <input type="checkbox" name="newRegistration" defaultChecked={Boolean(v.newRegistration)} className="size-4 rounded border-slate-300" />
          {t('newRegistration')}
        </label>
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        {/* the cooperative is chosen among the chosen regency's, so it sits with the location (RegionFields) */}
        <legend className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">{t('locationMembership')}</legend>
        <RegionFields
          regencies={regencies}
          fixedRegency={fixedRegency}
          initial={{ regencyCode: text('regencyCode'), districtCode: text('districtCode'), villageCode: text('villageCode'), cooperativeId: text('cooperativeId') }}
          initialDistricts={districts}
          initialVillages={villages}
          initialCooperatives={cooperatives}
          withCooperatives
          errors={e}
          labels={{
            regency: r('regency'), district: r('district'), village: r('village'), chooseRegency: r('chooseRegency'),
            chooseDistrict: r('chooseDistrict'), chooseVillage: r('chooseVillage'), regencyFixed: r('regencyFixed'),
            cooperative: t('cooperative'), noCooperative: t('noCooperative'), chooseRegencyFirst: t('chooseRegencyFirst'),
            cooperativeInactive: t('cooperativeInactive'),
          }}
        />
        <Field label={r('address')} name="address" errors={e?.address} className="sm:col-span-3">
          {(p) => <input {...p} defaultValue={text('address')} maxLength={300} />}
        </Field>
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">{t('permitsOnly')}</legend>
        <Field label={t('iumkNumber')} name="iumkNumber" errors={e?.iumkNumber}>
          {(p) => <input {...p} defaultValue={text('iumkNumber')} maxLength={60} />}
        </Field>
        <Field label={t('iumkDate')} name="iumkDate" errors={e?.iumkDate}>
          {(p) => <DateInput {...p} defaultValue={text('iumkDate')} />}
        </Field>
      </fieldset>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>{pending ? r('saving') : r('save')}</Button>
        <Link href={cancelHref} className={buttonClass('secondary')}>{r('cancel')}</Link>
      </div>
    </form>
  )
}
