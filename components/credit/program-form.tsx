'use client'

import { useFormAction } from '@/components/ui/use-form-action'
import { useLocale, useTranslations } from 'next-intl'
import { saveProgram, updateProgram } from '@/lib/actions/credit'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { PROGRAM_FIELDS_LOCKED_BY_LOANS, programCode, programSchema } from '@/lib/validations/credit'
import { acceptedBy, ConfirmSubmit } from '@/components/ui/confirm-submit'
import { formatNumber, formatPercent, formatRupiah } from '@/lib/format'

/** What the edit form opens with: the programme's id, the version it was read at, and its settings as form text. */
export type ProgramEdit = { id: string; version: number; values: Record<string, string>; hasLoans: boolean }

/**
 * A programme year's settings: scheme, targets, ceiling, rates and limits. New (/kredit/baru): with its first
 * partner bank, that bank's rate and the amortisation basis. Edit (/kredit/[id]/ubah, `edit`): the same
 * fields prefilled, saved from the version opened; once the programme has loans its scheme, year and borrower
 * rate are shown locked (the server refuses a change of them too). Banks and their rates have their own forms.
 */
export function ProgramForm({ banks, edit, nextYear }: { banks: { id: string; name: string }[]; edit?: ProgramEdit; nextYear?: number }) {
  const t = useTranslations('credit')
  const [state, action, pending] = useFormAction(edit ? updateProgram : saveProgram)
  const locale = useLocale() === 'en' ? 'en' : 'id'
  const v = state?.values ?? edit?.values ?? {}
  const describeNew = (form: HTMLFormElement) => {
    const p = programSchema.parse(Object.fromEntries(new FormData(form)))
    return t('programConfirmBody', {
      name: p.name, code: programCode(p), creditTarget: formatRupiah(p.creditTarget, { locale }), beneficiaries: formatNumber(p.beneficiaryTarget, { locale }), ceiling: formatRupiah(p.subsidyCeiling, { locale }),
      bank: banks.find((b) => b.id === p.bankId)?.name ?? '', bankRate: formatPercent(p.bankRate, { locale }), borrowerRate: formatPercent(p.borrowerRate, { locale }),
    })
  }
  const locked = (name: string) => Boolean(edit?.hasLoans && (PROGRAM_FIELDS_LOCKED_BY_LOANS as readonly string[]).includes(name))
  const text = (name: string, label: string, extra: Partial<React.ComponentProps<'input'>> = {}) => (
    <Field label={label} name={name} errors={state?.errors?.[name]} hint={locked(name) ? t('lockedByLoans') : undefined} required>
      {(p) => <input {...p} defaultValue={v[name]} readOnly={locked(name)} {...extra} className={locked(name) ? `${p.className ?? ''} bg-slate-100 text-slate-600` : p.className} />}
    </Field>
  )
  return (
    <form data-unsaved-guard onSubmit={action} className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-5" noValidate>
      <FormMessage state={state} />
      {edit && (
        <>
          <input type="hidden" name="id" value={edit.id} />
          <input type="hidden" name="version" value={edit.version} />
          <p className="text-sm text-slate-600" data-testid="program-edit-note">{edit.hasLoans ? t('editLockedNote') : t('editNote')}</p>
        </>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {text('scheme', t('programForm.scheme'), { placeholder: 'PROKESRA' })}
        {text('name', t('programForm.name'), { placeholder: nextYear ? t('programForm.namePlaceholder', { year: String(nextYear) }) : undefined })}
        {text('year', t('programForm.year'), { inputMode: 'numeric', placeholder: nextYear ? String(nextYear) : undefined })}
        {!edit && (
          <Field label={t('bank')} name="bankId" errors={state?.errors?.bankId} required>
            {(p) => <select {...p} defaultValue={v.bankId}>{banks.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}</select>}
          </Field>
        )}
        {text('creditTarget', t('programForm.creditTarget'), { inputMode: 'numeric' })}
        {text('beneficiaryTarget', t('programForm.beneficiaryTarget'), { inputMode: 'numeric' })}
        {text('subsidyCeiling', t('programForm.subsidyCeiling'), { inputMode: 'numeric' })}
        {text('maxPlafond', t('programForm.maxPlafond'), { inputMode: 'numeric' })}
        {text('maxTenorMonths', t('programForm.maxTenorMonths'), { inputMode: 'numeric' })}
        {text('borrowerRate', t('programForm.borrowerRate'), { inputMode: 'decimal', placeholder: '3' })}
        {!edit && text('bankRate', t('programForm.bankRate'), { inputMode: 'decimal', placeholder: '14' })}
        {!edit && (
          <Field label={t('basis')} name="amortisationBasis" errors={state?.errors?.amortisationBasis} hint={t('basisHint')} className="sm:col-span-2">
            {(p) => (
              <select {...p} defaultValue={v.amortisationBasis ?? 'BORROWER_RATE'}>
                <option value="BORROWER_RATE">{t('basis_BORROWER_RATE')}</option>
                <option value="BANK_RATE">{t('basis_BANK_RATE')}</option>
              </select>
            )}
          </Field>
        )}
      </div>
      {/* a new programme year is a budget commitment (its ceiling) and names the code claims and imports use: its
          figures are stated before it is created; a form the server would refuse is sent without asking, to show why */}
      {edit ? <Button type="submit" disabled={pending}>{t('save')}</Button> : (
        <ConfirmSubmit label={t('save')} title={t('programConfirmTitle')} confirmLabel={t('programConfirm')} body={describeNew} ready={acceptedBy(programSchema)} disabled={pending} />
      )}
    </form>
  )
}
