'use client'

import { useTranslations } from 'next-intl'
import { correctLoan } from '@/lib/actions/credit'
import { acceptedBy, ConfirmSubmit } from '@/components/ui/confirm-submit'
import { disbursementCorrectionSchema } from '@/lib/validations/credit'
import { DateInput } from '@/components/ui/date-input'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { useFormAction } from '@/components/ui/use-form-action'

export type CorrectableLoan = {
  id: string; version: number; accountNumber: string; nib: string; contractDate: string; plafond: string; tenorMonths: number; method: 'ANNUITY' | 'FLAT'
}

/**
 * Correct a recorded loan's typing mistakes, from the version the page showed (lib/actions/credit.ts#correctLoan,
 * the service of PATCH /api/v1/penyaluran/{id}). The owner NIK is never shown: the bank types it again from its
 * loan file, as when it recorded the loan. Closed until opened: most visits only read the schedule.
 */
export function LoanCorrectionForm({ loan }: { loan: CorrectableLoan }) {
  const t = useTranslations('credit')
  const [state, action, pending] = useFormAction(correctLoan)
  const v = state?.values ?? {}
  return (
    // open once answered, either way: a success after a refusal had closed the panel over its own "Koreksi disimpan"
    <details className="rounded-lg border border-slate-200 bg-white p-4" open={Boolean(state)}>
      <summary className="cursor-pointer text-base font-semibold">{t('correctTitle')}</summary>
      <form onSubmit={action} className="mt-3 space-y-3" noValidate>
        <input type="hidden" name="disbursementId" value={loan.id} />
        <input type="hidden" name="version" value={loan.version} />
        <p className="text-sm text-slate-600">{t('correctHint')}</p>
        <FormMessage state={state} />
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t('account')} name="accountNumber" errors={state?.errors?.accountNumber} required>
            {(p) => <input {...p} defaultValue={v.accountNumber ?? loan.accountNumber} autoComplete="off" maxLength={30} />}
          </Field>
          <Field label={t('nib')} name="nib" errors={state?.errors?.nib} required>
            {(p) => <input {...p} defaultValue={v.nib ?? loan.nib} inputMode="numeric" maxLength={20} autoComplete="off" />}
          </Field>
          <Field label={t('ownerNik')} name="ownerNik" errors={state?.errors?.ownerNik} hint={t('ownerNikHint')} required>
            {(p) => <input {...p} defaultValue={v.ownerNik} inputMode="numeric" maxLength={24} autoComplete="off" />}
          </Field>
          <Field label={t('contractDate')} name="contractDate" errors={state?.errors?.contractDate} required>
            {(p) => <DateInput {...p} defaultValue={v.contractDate ?? loan.contractDate} />}
          </Field>
          <Field label={t('plafond')} name="plafond" errors={state?.errors?.plafond} required>
            {(p) => <input {...p} defaultValue={v.plafond ?? loan.plafond} inputMode="numeric" />}
          </Field>
          <Field label={t('tenor')} name="tenorMonths" errors={state?.errors?.tenorMonths} required>
            {(p) => <input {...p} defaultValue={v.tenorMonths ?? loan.tenorMonths} inputMode="numeric" />}
          </Field>
          <Field label={t('method')} name="method" errors={state?.errors?.method} required>
            {(p) => (
              <select {...p} defaultValue={v.method ?? loan.method}>
                <option value="ANNUITY">{t('annuity')}</option>
                <option value="FLAT">{t('flat')}</option>
              </select>
            )}
          </Field>
        </div>
        {/* the dialog opens for a correction the server's schema accepts; another goes straight to it, to be marked field by field */}
        <ConfirmSubmit label={t('correctSave')} title={t('correctConfirmTitle')} body={t('correctConfirmBody')} disabled={pending} ready={acceptedBy(disbursementCorrectionSchema)} />
      </form>
    </details>
  )
}
