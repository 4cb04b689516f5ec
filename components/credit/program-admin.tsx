'use client'

import { DateInput } from '@/components/ui/date-input'
import { useFormAction } from '@/components/ui/use-form-action'
import { useTranslations } from 'next-intl'
import { addRateChange, saveAllocations, setAmortisationBasis } from '@/lib/actions/credit'
import { Button } from '@/components/ui/button'
import { Field, inputClass } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { formatRupiah } from '@/lib/format'

/** The admin's configuration of a programme: a bank-rate change from a date, and the target per regency. */
export function ProgramAdmin({ programId, version, basis, hasLoans, banks, allocations, programTarget }: {
  programId: string; version: number; basis: 'BORROWER_RATE' | 'BANK_RATE'; hasLoans: boolean
  banks: { id: string; name: string }[]; allocations: { regencyCode: string; name: string; target: number }[]; programTarget: number
}) {
  const t = useTranslations('credit')
  const [basisState, basisAction, basisPending] = useFormAction(setAmortisationBasis)
  const [rateState, rateAction, ratePending] = useFormAction(addRateChange)
  const [allocState, allocAction, allocPending] = useFormAction(saveAllocations)
  const sum = allocations.reduce((a, r) => a + r.target, 0)
  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-2">
      <form onSubmit={basisAction} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 lg:col-span-2" noValidate>
        <h2 className="text-base font-semibold">{t('basis')}</h2>
        <input type="hidden" name="programId" value={programId} />
        <input type="hidden" name="version" value={version} />
        <FormMessage state={basisState} />
        <Field label={t('basis')} name="amortisationBasis" errors={basisState?.errors?.amortisationBasis} hint={hasLoans ? t('basisLocked') : t('basisHint')}>
          {(p) => (
            <select {...p} defaultValue={basisState?.values?.amortisationBasis ?? basis} disabled={hasLoans}>
              <option value="BORROWER_RATE">{t('basis_BORROWER_RATE')}</option>
              <option value="BANK_RATE">{t('basis_BANK_RATE')}</option>
            </select>
          )}
        </Field>
        {!hasLoans && <Button type="submit" disabled={basisPending}>{t('save')}</Button>}
      </form>
      <form onSubmit={rateAction} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate>
        <h2 className="text-base font-semibold">{t('addRate')}</h2>
        <input type="hidden" name="programId" value={programId} />
        <FormMessage state={rateState} />
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label={t('bank')} name="bankId" errors={rateState?.errors?.bankId}>
            {(p) => <select {...p} defaultValue={banks[0]?.id}>{banks.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}</select>}
          </Field>
          <Field label={t('effectiveFrom')} name="effectiveFrom" errors={rateState?.errors?.effectiveFrom}>
            {(p) => <DateInput {...p} />}
          </Field>
          <Field label={t('rate')} name="rate" errors={rateState?.errors?.rate}>
            {(p) => <input {...p} inputMode="decimal" placeholder="14" />}
          </Field>
        </div>
        <Button type="submit" disabled={ratePending}>{t('save')}</Button>
      </form>
      <form onSubmit={allocAction} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate>
        <h2 className="text-base font-semibold">{t('allocation')}</h2>
        <p className="text-xs text-slate-600">{t('allocationSum', { sum: formatRupiah(sum), target: formatRupiah(programTarget) })}</p>
        <input type="hidden" name="programId" value={programId} />
        <FormMessage state={allocState} />
        <div className="max-h-80 overflow-y-auto">
          <table className="w-full text-sm">
            <tbody>
              {allocations.map((a) => (
                <tr key={a.regencyCode}>
                  <td className="py-1 pr-2"><label htmlFor={`alloc_${a.regencyCode}`}>{a.name}</label></td>
                  <td className="py-1">
                    <input id={`alloc_${a.regencyCode}`} name={`alloc_${a.regencyCode}`} defaultValue={String(a.target)} inputMode="numeric" className={inputClass(Boolean(allocState?.errors?.[`alloc_${a.regencyCode}`]))} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Button type="submit" disabled={allocPending}>{t('saveAllocation')}</Button>
      </form>
    </div>
  )
}
