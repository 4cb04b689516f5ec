'use client'

import { useFormAction } from '@/components/ui/use-form-action'
import { useTranslations } from 'next-intl'
import { submitClaim } from '@/lib/actions/credit'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'

export type ClaimProgramOption = { id: string; name: string; year: number }

/** A bank's monthly claim: first the programme (only its bank's), then the month, then optionally its own .xlsx. */
export function ClaimSubmitForm({ programs, defaultMonth }: { programs: ClaimProgramOption[]; defaultMonth: string }) {
  const t = useTranslations('credit')
  const [state, action, pending] = useFormAction(submitClaim)
  return (
    <form onSubmit={action} className="max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-5" noValidate>
      <FormMessage state={state} />
      <Field label={t('claimProgram')} name="programId" errors={state?.errors?.programId} hint={t('claimProgramHint')} required>
        {(p) => (
          <select {...p} defaultValue={state?.values?.programId ?? (programs.length === 1 ? programs[0].id : '')}>
            <option value="">{t('choose')}</option>
            {programs.map((pr) => <option key={pr.id} value={pr.id}>{pr.name}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('claimMonth')} name="month" errors={state?.errors?.month} hint={t('claimMonthHint')} required>
        {(p) => <input {...p} type="month" defaultValue={state?.values?.month ?? defaultMonth} />}
      </Field>
      <Field label={t('claimFile')} name="file" errors={state?.errors?.file} hint={t('claimFileHint')}>
        {(p) => <input {...p} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className="text-sm" />}
      </Field>
      <Button type="submit" disabled={pending}>{pending ? '…' : t('submitClaim')}</Button>
    </form>
  )
}
