'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import clsx from 'clsx'
import { DateInput } from '@/components/ui/date-input'
import { useFormAction } from '@/components/ui/use-form-action'
import { useTranslations } from 'next-intl'
import { addRateChange, saveAllocations, setAmortisationBasis } from '@/lib/actions/credit'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { inputClass } from '@/components/ui/input-class'
import { FormMessage } from '@/components/ui/form-message'
import { PreviewDialog } from '@/components/ui/preview-dialog'
import { formatDate, formatNumber, formatPercent, formatRupiah } from '@/lib/format'
import { parseRupiah } from '@/lib/parse'
import { moneyInput } from '@/lib/registers/form-values'
import type { RateChangeStatus } from '@/lib/credit/rate-change'
import { RateChanges } from './rate-changes'

/** A regency's allocation field: `alloc_35.17` (the name saveAllocations reads). */
const allocName = (regencyCode: string) => `alloc_${regencyCode}`

/**
 * The admin's configuration of a programme: the amortisation basis, a bank-rate change from a date (asked
 * first: it recomputes the running loans), and the target per regency (saved as a whole from the version the
 * page showed, with the total against the programme's target as it is typed).
 */
export function ProgramAdmin({ programId, version, basis, hasLoans, banks, allocations, programTarget, rateChanges, locale }: {
  programId: string; version: number; basis: 'BORROWER_RATE' | 'BANK_RATE'; hasLoans: boolean
  /** the rate changes being computed and the last one finished (their errors in the reader's language) */
  rateChanges: RateChangeStatus[]
  banks: { id: string; name: string }[]; allocations: { regencyCode: string; name: string; target: number }[]; programTarget: number
  locale: 'id' | 'en'
}) {
  const t = useTranslations('credit')
  const [basisState, basisAction, basisPending] = useFormAction(setAmortisationBasis)
  const [rateState, rateAction, ratePending] = useFormAction(addRateChange, { keepAfterSuccess: true })
  const [allocState, allocAction, allocPending] = useFormAction(saveAllocations, { keepAfterSuccess: true })
  const money = (v: number) => formatRupiah(v, { locale })

  // the rate change: the first press asks the server how many running loans it would recompute (nothing
  // written), shown in a dialog; the change is saved when the admin confirms there
  const preview = rateState?.ok ? rateState.data : undefined

  // the version the allocations were read at; after this form's own save, the one it saved (whichever is newer)
  const allocVersion = Math.max(version, Number(allocState?.ok ? allocState.data?.version ?? 0 : 0))
  const allocForm = useRef<HTMLFormElement>(null)
  const sumOf = useCallback((read: (name: string) => string) => allocations.reduce((sum, a) => {
    const text = read(allocName(a.regencyCode))
    const parsed = text.trim() === '' ? null : parseRupiah(text)
    return sum + (parsed?.ok ? parsed.value : 0)
  }, 0), [allocations])
  const [sum, setSum] = useState(() => sumOf((name) => allocations.find((a) => allocName(a.regencyCode) === name)?.target.toString() ?? ''))
  const recompute = () => {
    const form = allocForm.current
    if (form) setSum(sumOf((name) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? ''))
  }
  // a refused save: the first refused cell is focused (the table scrolls, the Save button is below it)
  useEffect(() => {
    if (allocState && !allocState.ok && allocState.errors) {
      const first = allocations.find((a) => allocState.errors?.[allocName(a.regencyCode)])
      if (first) document.getElementById(allocName(first.regencyCode))?.focus()
    }
  }, [allocState, allocations])

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
        {/* a queued change is said by its progress below (its own message would outlive the job); refusals here */}
        <FormMessage state={preview || rateState?.ok ? undefined : rateState} />
        <p className="text-xs text-slate-600">{t('rateHint')}</p>
        <RateChanges programId={programId} initial={rateChanges} banks={banks} locale={locale} />
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label={t('bank')} name="bankId" errors={rateState?.errors?.bankId}>
            {(p) => <select {...p} defaultValue={rateState?.values?.bankId ?? banks[0]?.id}>{banks.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}</select>}
          </Field>
          <Field label={t('effectiveFrom')} name="effectiveFrom" errors={rateState?.errors?.effectiveFrom}>
            {(p) => <DateInput {...p} defaultValue={rateState?.values?.effectiveFrom ?? preview?.effectiveFrom} />}
          </Field>
          <Field label={t('rate')} name="rate" errors={rateState?.errors?.rate}>
            {(p) => <input {...p} inputMode="decimal" placeholder="14" defaultValue={rateState?.values?.rate} />}
          </Field>
        </div>
        <Button type="submit" name="intent" value="preview" disabled={ratePending}>{ratePending ? '…' : t('save')}</Button>
        <PreviewDialog preview={preview} title={t('rateConfirmTitle')} confirmLabel={t('rateConfirm')} pending={ratePending}>
          {preview && (
            <>
              <p className="text-sm text-slate-700" data-testid="rate-confirm-body">
                {t('rateConfirmBody', {
                  bank: banks.find((b) => b.id === preview.bankId)?.name ?? '',
                  rate: formatPercent(Number(preview.rate), { locale }),
                  date: formatDate(preview.effectiveFrom, { locale }),
                  loans: formatNumber(Number(preview.loans), { locale }),
                })}
              </p>
              {preview.replaces && <p className="text-sm font-medium text-amber-800">{t('rateConfirmReplaces', { rate: formatPercent(Number(preview.replaces), { locale }) })}</p>}
              {/* the count shown goes back with the confirmation: the change is saved only if it still holds */}
              <input type="hidden" name="expectedLoans" value={preview.loans} />
              <input type="hidden" name="expectedReplaces" value={preview.replaces ?? ''} />
            </>
          )}
        </PreviewDialog>
      </form>
      <form ref={allocForm} onSubmit={allocAction} onInput={recompute} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate>
        <h2 className="text-base font-semibold">{t('allocation')}</h2>
        <div aria-live="polite" className="text-xs" data-testid="allocation-total">
          <p className="text-slate-600">{t('allocationSum', { sum: money(sum), target: money(programTarget) })}</p>
          {sum > programTarget
            ? <p className="font-medium text-red-700">{t('allocationOver', { over: money(sum - programTarget) })}</p>
            : sum < programTarget && <p className="text-slate-600">{t('allocationLeft', { left: money(programTarget - sum) })}</p>}
        </div>
        <input type="hidden" name="programId" value={programId} />
        <input type="hidden" name="version" value={allocVersion} />
        <FormMessage state={allocState} />
        <div className="max-h-80 overflow-y-auto">
          <table className="w-full text-sm">
            <tbody>
              {allocations.map((a) => {
                const name = allocName(a.regencyCode)
                const errors = allocState?.errors?.[name]
                return (
                  <tr key={a.regencyCode} className="align-top">
                    <td className="py-1 pr-2"><label htmlFor={name}>{a.name}</label></td>
                    <td className="py-1">
                      <input
                        id={name}
                        name={name}
                        defaultValue={allocState?.values?.[name] ?? moneyInput(a.target)}
                        inputMode="numeric"
                        aria-invalid={Boolean(errors)}
                        aria-describedby={errors ? `${name}-error` : undefined}
                        className={clsx(inputClass(Boolean(errors)), 'text-right tabular-nums')}
                      />
                      {errors && <p id={`${name}-error`} className="mt-0.5 text-xs font-medium text-red-700">{errors.join(' ')}</p>}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
        <Button type="submit" disabled={allocPending}>{t('saveAllocation')}</Button>
      </form>
    </div>
  )
}
