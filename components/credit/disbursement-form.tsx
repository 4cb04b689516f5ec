'use client'

import { DateInput } from '@/components/ui/date-input'
import { useState } from 'react'
import { useFormAction } from '@/components/ui/use-form-action'
import { useLocale, useTranslations } from 'next-intl'
import Link from 'next/link'
import { createDisbursement } from '@/lib/actions/credit'
import { Button, buttonClass } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { MissedMonthsNotice } from '@/components/credit/missed-months-notice'
import type { ClaimedMonth } from '@/lib/data/disbursements'
import { formatMonth } from '@/lib/format'
import { parseWholeNumber } from '@/lib/parse'
import { loanClaimMonths } from '@/lib/credit/claim-months'

export type DisbursementProgram = { id: string; name: string; year: number; scheme: string; rules: string; bankRates: string }

/**
 * Record a disbursement: the programme's rules are stated before anything is typed; the borrower is confirmed
 * by NIB and the owner's NIK; eligibility breaches come back in the fields, an admin may accept them in writing.
 */
export function DisbursementForm({ programs, banks, isAdmin, defaultProgramId, claimed = [], ownBankId = null }: { programs: DisbursementProgram[]; banks: { id: string; name: string }[]; isAdmin: boolean; defaultProgramId?: string; claimed?: ClaimedMonth[]; ownBankId?: string | null }) {
  const t = useTranslations('credit')
  const lang = useLocale() === 'en' ? 'en' : 'id'
  const [state, action, pending] = useFormAction(createDisbursement)
  const v = state?.values ?? {}
  // the programme is controlled: the rules box shows the one chosen, after a refusal (which returns the
  // submitted values) and after a save (which clears the other fields but keeps the programme for the next loan)
  const [programId, setProgramId] = useState(defaultProgramId ?? programs[0]?.id)
  const [, setResets] = useState(0)
  const selected = programs.find((p) => p.id === programId)
  // the loan's terms as typed (read from the form once it has rendered: the date field's ISO value follows its text),
  // the tenor by the server's parser (lib/parse.ts): the preview's months are the ones the save would count
  const [terms, setTerms] = useState<{ contractDate: string | null; tenor: number; bankId: string | null }>({ contractDate: null, tenor: 0, bankId: null })
  const readTerms = (form: HTMLFormElement) => requestAnimationFrame(() => {
    const data = new FormData(form)
    const next = { contractDate: String(data.get('contractDate') ?? '') || null, tenor: parseWholeNumber(String(data.get('tenorMonths') ?? '')) ?? 0, bankId: String(data.get('bankId') ?? '') || ownBankId }
    setTerms((prev) => (prev.contractDate === next.contractDate && prev.tenor === next.tenor && prev.bankId === next.bankId ? prev : next))
  })
  // months of this loan its bank has already claimed under the programme's scheme: said before the save, as the save
  // says it after (a back-dated loan loses them: one month, one claim)
  const bankId = terms.bankId ?? ownBankId ?? (isAdmin ? banks[0]?.id ?? null : null)
  const months = new Set(loanClaimMonths(terms.contractDate, terms.tenor))
  const claimedHere = selected && bankId ? claimed.filter((c) => c.bankId === bankId && c.scheme === selected.scheme && months.has(c.month)) : []
  const monthList = (status: ClaimedMonth['status']) => claimedHere.filter((c) => c.status === status).map((c) => formatMonth(c.month, { locale: lang })).join(', ')
  return (
    // a reset (after a save) puts the DOM's select back on its first option; re-rendering re-applies the
    // controlled choice
    <form data-unsaved-guard onSubmit={action} onReset={(e) => { setResets((n) => n + 1); readTerms(e.currentTarget) }} onInput={(e) => readTerms(e.currentTarget)} onChange={(e) => readTerms(e.currentTarget)} className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-5" noValidate>
      <FormMessage state={state} />
      {/* the saved loan's months already claimed without it, as its page says them; in a region that is always
          there, so that a screen reader announces them with the save (a region that appears with its text may not be) */}
      <div aria-live="polite" className="space-y-2">
        {state?.ok && (['DECIDED', 'SUBMITTED'] as const).map((status) => (
          <MissedMonthsNotice key={status} status={status} months={state.data?.[`missed${status}`]?.split(',') ?? []} total={state.data?.[`missed${status}Total`] ?? '0'} locale={lang} />
        ))}
      </div>
      {state?.ok && (
        <div className="flex flex-wrap gap-2">
          {state.data?.id && <Link href={`/kredit/penyaluran/${state.data.id}`} className={buttonClass('primary', 'sm')}>{t('openLoan')}</Link>}
          <Link href="/kredit/penyaluran" className={buttonClass('secondary', 'sm')}>{t('disbursements')}</Link>
        </div>
      )}
      {selected && (
        <section className="rounded-md border border-brand-100 bg-brand-50 p-3 text-sm" aria-live="polite" data-testid="program-rules">
          <h2 className="font-semibold">{t('programRules')}: {selected.name}</h2>
          <p>{selected.rules}</p>
          {selected.bankRates && <p className="text-slate-700">{selected.bankRates}</p>}
        </section>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('program')} name="programId" errors={state?.errors?.programId} required>
          {(p) => (
            <select {...p} value={programId} onChange={(e) => setProgramId(e.target.value)}>
              {programs.map((pr) => <option key={pr.id} value={pr.id}>{pr.name}</option>)}
            </select>
          )}
        </Field>
        {isAdmin && (
          <Field label={t('bank')} name="bankId" errors={state?.errors?.bankId} required>
            {(p) => (
              <select {...p} defaultValue={v.bankId ?? banks[0]?.id}>
                {banks.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
              </select>
            )}
          </Field>
        )}
        <Field label={t('account')} name="accountNumber" errors={state?.errors?.accountNumber} required>
          {(p) => <input {...p} defaultValue={v.accountNumber} autoComplete="off" maxLength={30} />}
        </Field>
        <Field label={t('nib')} name="nib" errors={state?.errors?.nib} required>
          {(p) => <input {...p} defaultValue={v.nib} inputMode="numeric" maxLength={20} autoComplete="off" />}
        </Field>
        <Field label={t('ownerNik')} name="ownerNik" errors={state?.errors?.ownerNik} hint={t('ownerNikHint')} required>
          {(p) => <input {...p} defaultValue={v.ownerNik} inputMode="numeric" maxLength={24} autoComplete="off" />}
        </Field>
        <Field label={t('contractDate')} name="contractDate" errors={state?.errors?.contractDate} required>
          {(p) => <DateInput {...p} defaultValue={v.contractDate} />}
        </Field>
        <Field label={t('plafond')} name="plafond" errors={state?.errors?.plafond} required hint={t('plafondHint')}>
          {(p) => <input {...p} defaultValue={v.plafond} inputMode="numeric" />}
        </Field>
        <Field label={t('tenor')} name="tenorMonths" errors={state?.errors?.tenorMonths} required>
          {(p) => <input {...p} defaultValue={v.tenorMonths} inputMode="numeric" />}
        </Field>
        <Field label={t('method')} name="method" errors={state?.errors?.method} required>
          {(p) => (
            <select {...p} defaultValue={v.method ?? 'ANNUITY'}>
              <option value="ANNUITY">{t('annuity')}</option>
              <option value="FLAT">{t('flat')}</option>
            </select>
          )}
        </Field>
      </div>
      {isAdmin && (
        <fieldset className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3">
          <label className="flex items-center gap-2 text-sm font-medium">
            <input type="checkbox" name="acceptException" value="on" defaultChecked={v.acceptException === 'on'} />
            {t('acceptException')}
          </label>
          <Field label={t('exceptionReason')} name="exceptionReason" errors={state?.errors?.exceptionReason} hint={t('exceptionHint')}>
            {(p) => <textarea {...p} rows={2} defaultValue={v.exceptionReason} maxLength={500} />}
          </Field>
        </fieldset>
      )}
      {/* beside the button, where the terms were just typed (above the fields, a phone had shown it out of sight); a
          region always there, so that a screen reader announces it as it appears */}
      <div aria-live="polite">
        {claimedHere.length > 0 && (
          <div className="space-y-1 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="planned-missed">
            {monthList('DECIDED') && <p>{t('plannedMissedLost', { months: monthList('DECIDED') })}</p>}
            {monthList('SUBMITTED') && <p>{t('plannedMissedReturnable', { months: monthList('SUBMITTED') })}</p>}
          </div>
        )}
      </div>
      <Button type="submit" disabled={pending} aria-busy={pending}>{t('recordDisbursement')}</Button>
    </form>
  )
}
