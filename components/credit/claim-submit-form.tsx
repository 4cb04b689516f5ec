'use client'

import { useFormAction } from '@/components/ui/use-form-action'
import { useTranslations } from 'next-intl'
import { submitClaim } from '@/lib/actions/credit'
import { FileUp } from 'lucide-react'
import { Button, LinkButton } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'

export type ClaimProgramOption = { id: string; name: string; year: number }

/**
 * A bank's monthly claim at the amounts the system computed: the programme (only its bank's), then the month.
 * A claim with the bank's own amounts per loan is imported from its spreadsheet (lib/imports/kinds/claims.ts).
 */
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
      <p className="text-sm text-slate-600">{t('claimComputedNote')}</p>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? '…' : t('submitClaim')}</Button>
        <LinkButton variant="secondary" href="/impor/baru?jenis=klaim"><FileUp aria-hidden className="size-4" />{t('claimFromExcel')}</LinkButton>
      </div>
    </form>
  )
}
