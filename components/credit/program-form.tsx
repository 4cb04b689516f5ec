'use client'

import { useFormAction } from '@/components/ui/use-form-action'
import { useTranslations } from 'next-intl'
import { saveProgram } from '@/lib/actions/credit'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'

/** A new programme year: scheme, targets, ceiling, rates and limits. */
export function ProgramForm({ banks }: { banks: { id: string; name: string }[] }) {
  const t = useTranslations('credit')
  const [state, action, pending] = useFormAction(saveProgram)
  const v = state?.values ?? {}
  const text = (name: string, label: string, extra: Partial<React.ComponentProps<'input'>> = {}) => (
    <Field label={label} name={name} errors={state?.errors?.[name]} required>
      {(p) => <input {...p} defaultValue={v[name]} {...extra} />}
    </Field>
  )
  return (
    <form onSubmit={action} className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-5" noValidate>
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        {text('scheme', 'Skema', { placeholder: 'PROKESRA' })}
        {text('name', 'Nama program', { placeholder: 'Prokesra 2027' })}
        {text('year', 'Tahun', { inputMode: 'numeric' })}
        <Field label={t('bank')} name="bankId" errors={state?.errors?.bankId} required>
          {(p) => <select {...p} defaultValue={v.bankId}>{banks.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}</select>}
        </Field>
        {text('creditTarget', 'Target kredit (Rp)', { inputMode: 'numeric' })}
        {text('beneficiaryTarget', 'Target penerima (UMK)', { inputMode: 'numeric' })}
        {text('subsidyCeiling', 'Pagu subsidi (Rp)', { inputMode: 'numeric' })}
        {text('maxPlafond', `${t('maxPlafond')} (Rp)`, { inputMode: 'numeric' })}
        {text('maxTenorMonths', `${t('maxTenor')} (bulan)`, { inputMode: 'numeric' })}
        {text('borrowerRate', `${t('borrowerRate')} (%)`, { inputMode: 'decimal', placeholder: '3' })}
        {text('bankRate', 'Bunga kontrak bank (%)', { inputMode: 'decimal', placeholder: '14' })}
        <Field label={t('basis')} name="amortisationBasis" errors={state?.errors?.amortisationBasis} hint={t('basisHint')} className="sm:col-span-2">
          {(p) => (
            <select {...p} defaultValue={v.amortisationBasis ?? 'BORROWER_RATE'}>
              <option value="BORROWER_RATE">{t('basis_BORROWER_RATE')}</option>
              <option value="BANK_RATE">{t('basis_BANK_RATE')}</option>
            </select>
          )}
        </Field>
      </div>
      <Button type="submit" disabled={pending}>{t('save')}</Button>
    </form>
  )
}
