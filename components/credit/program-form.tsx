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
        {text('scheme', t('programForm.scheme'), { placeholder: 'PROKESRA' })}
        {text('name', t('programForm.name'), { placeholder: t('programForm.namePlaceholder') })}
        {text('year', t('programForm.year'), { inputMode: 'numeric' })}
        <Field label={t('bank')} name="bankId" errors={state?.errors?.bankId} required>
          {(p) => <select {...p} defaultValue={v.bankId}>{banks.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}</select>}
        </Field>
        {text('creditTarget', t('programForm.creditTarget'), { inputMode: 'numeric' })}
        {text('beneficiaryTarget', t('programForm.beneficiaryTarget'), { inputMode: 'numeric' })}
        {text('subsidyCeiling', t('programForm.subsidyCeiling'), { inputMode: 'numeric' })}
        {text('maxPlafond', t('programForm.maxPlafond'), { inputMode: 'numeric' })}
        {text('maxTenorMonths', t('programForm.maxTenorMonths'), { inputMode: 'numeric' })}
        {text('borrowerRate', t('programForm.borrowerRate'), { inputMode: 'decimal', placeholder: '3' })}
        {text('bankRate', t('programForm.bankRate'), { inputMode: 'decimal', placeholder: '14' })}
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
