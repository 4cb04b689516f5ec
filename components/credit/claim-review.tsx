'use client'

import Link from 'next/link'
import { DateInput } from '@/components/ui/date-input'
import { useFormAction } from '@/components/ui/use-form-action'
import { useState } from 'react'
import { useLocale, useTranslations } from 'next-intl'
import { approveClaim, recordClaimPayment, returnClaim } from '@/lib/actions/credit'
import { acceptedBy, ConfirmSubmit, typedIn } from '@/components/ui/confirm-submit'
import { Field } from '@/components/ui/field'
import { inputClass } from '@/components/ui/input-class'
import { FormMessage } from '@/components/ui/form-message'
import { announcing } from '@/components/ui/announcer'
import type { ActionState } from '@/lib/safe-action'
import { formatDate, formatNumber, formatRupiah } from '@/lib/format'
import { isIsoDate, parseDateText, parseRupiah } from '@/lib/parse'
import { jakartaToday } from '@/lib/dates'
import { claimPaymentSchema, claimReturnSchema } from '@/lib/validations/credit'
import { approvalWithCorrections, correctionAboveClaimed, paymentAboveOutstanding } from './claim-figures'

/** A line on the review form: one that differs from the computation, or one the verifier added (`removeHref` takes it off again). */
export type DifferingLine = { id: string; account: string; business: string; claimed: number; computed: number; reason: string | null; bankFigures: string | null; removeHref?: string }

/** A review step's refusal stays on its form; its success is announced by the frame (`announcing`). */
const refusal = (state: ActionState | undefined) => (state?.ok ? undefined : state)

/**
 * The admin's verification: correct differing lines and approve, or return with reasons. `lineCount`: the
 * claim's lines; `approvable`: its total approved without corrections (lib/data/claims.ts, in SQL).
 */
export function ClaimReview({ claimId, version, lines, lineCount, approvable, budgetLeft = null }: { claimId: string; version: number; lines: DifferingLine[]; lineCount: number; approvable: number; budgetLeft?: number | null }) {
  const t = useTranslations('credit')
  const locale = useLocale() === 'en' ? 'en' : 'id'
  const money = (v: number) => formatRupiah(v, { locale })
  const [approveState, approve, approving] = useFormAction(announcing(approveClaim))
  const [returnState, returnAction, returning] = useFormAction(announcing(returnClaim))
  // a correction above the bank's claim is said on its field and not offered for confirmation (the dialog
  // would have stated a total above the claim; the server refuses it as well)
  const [over, setOver] = useState<ReadonlySet<string>>(new Set())
  const checkCorrection = (id: string, claimed: number, text: string) =>
    setOver((prev) => {
      const next = new Set(prev)
      if (correctionAboveClaimed(text, claimed)) next.add(id)
      else next.delete(id)
      return next
    })
  // a line's refusal by the server is set aside once its correction is edited (as Field does): it had stayed, red,
  // over a corrected amount behind the approval's dialog; the next answer's errors show again
  const [edited, setEdited] = useState<{ answer: unknown; lines: ReadonlySet<string> }>({ answer: undefined, lines: new Set() })
  const editedNow = edited.answer === approveState ? edited.lines : new Set<string>()
  const lineError = (l: DifferingLine) => (over.has(l.id) ? [t('correctionAboveClaimed', { amount: money(l.claimed) })]
    : editedNow.has(l.id) ? undefined : approveState?.errors?.[`approved_${l.id}`])
  // the dialog states what approving gives, with the corrections typed when the button is pressed
  const approval = (form: HTMLFormElement) => {
    const data = new FormData(form)
    return approvalWithCorrections(approvable, lines, (id) => String(data.get(`approved_${id}`) ?? ''))
  }
  const describe = (form: HTMLFormElement) => {
    const { corrected, total, above, aboveBy } = approval(form)
    return [
      t('approveBody', { lines: lineCount, corrected, total: total === null ? '–' : money(total) }),
      above > 0 && t('approveAboveComputed', { count: above, amount: money(aboveBy) }),
      budgetLeft !== null && total !== null && total > budgetLeft && t('approveOverBudget', { left: money(Math.max(budgetLeft, 0)) }),
    ].filter(Boolean).join(' ')
  }
  return (
    <div className="space-y-6">
      <form onSubmit={approve} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate>
        <input type="hidden" name="claimId" value={claimId} />
        <input type="hidden" name="version" value={version} />
        <h2 id="differing-lines-title" className="scroll-mt-24 text-base font-semibold">{t('differingLines')}</h2>
        <p className="text-xs text-slate-600">{t('correctOtherLines')}</p>
        <FormMessage state={refusal(approveState)} />
        {lines.length === 0 ? (
          <p className="text-sm text-slate-600">{t('noDifferences')}</p>
        ) : (
          // a phone stacks each line (account, the three amounts, reason, then its two fields at full width): the seven
          // columns had scrolled sideways with 52 px fields; the same inputs serve both, so a line is never in the form twice
          <div className="relative md:overflow-x-auto">
            <table className="block min-w-full text-sm md:table" aria-labelledby="differing-lines-title">
              <thead className="hidden md:table-header-group">
                <tr className="text-left text-xs uppercase text-slate-500">
                  <th scope="col" className="py-2 pr-2">{t('account')}</th><th scope="col" className="py-2 pr-2 text-right">{t('claimed')}</th><th scope="col" className="py-2 pr-2 text-right">{t('computed')}</th><th scope="col" className="py-2 pr-2 text-right">{t('difference')}</th><th scope="col" className="py-2 pr-2">{t('reason')}</th><th scope="col" className="py-2 pr-2">{t('correction')}</th><th scope="col" className="py-2">{t('note')}</th>
                </tr>
              </thead>
              <tbody className="block space-y-2 md:table-row-group md:space-y-0 md:divide-y md:divide-slate-100">
                {lines.map((l) => (
                  <tr key={l.id} id={`review-line-${l.id}`} data-line-account={l.account} className="grid grid-cols-3 gap-x-3 gap-y-1 rounded-lg border border-slate-200 p-3 md:table-row md:rounded-none md:border-0 md:p-0">
                    <td className="col-span-3 md:py-2 md:pr-2"><span className="font-mono text-xs">{l.account}</span><span className="block text-xs text-slate-500">{l.business}</span></td>
                    <td className="min-w-0 break-words tabular-nums md:whitespace-nowrap md:py-2 md:pr-2 md:text-right"><span className="block text-xs text-slate-500 md:hidden">{t('claimed')}</span>{money(l.claimed)}</td>
                    <td className="min-w-0 break-words tabular-nums md:whitespace-nowrap md:py-2 md:pr-2 md:text-right"><span className="block text-xs text-slate-500 md:hidden">{t('computed')}</span>{money(l.computed)}</td>
                    <td className={`min-w-0 break-words tabular-nums md:whitespace-nowrap md:py-2 md:pr-2 md:text-right ${l.claimed > l.computed ? 'text-red-700' : 'text-amber-700'}`}><span className="block text-xs text-slate-500 md:hidden">{t('difference')}</span>{money(l.claimed - l.computed)}</td>
                    <td className="col-span-3 text-xs md:min-w-48 md:max-w-xs md:py-2 md:pr-2" data-reason>{l.reason}{l.bankFigures && <span className="block text-slate-500">{l.bankFigures}</span>}
                      {l.removeHref && <Link href={l.removeHref} scroll={false} className="block font-medium text-brand-700 hover:underline">{t('removeCorrection')}</Link>}
                    </td>
                    <td className="col-span-3 md:py-2 md:pr-2">
                      <span aria-hidden className="block text-xs text-slate-500 md:hidden">{t('correction')}</span>
                      {/* the line's own error, tied to its field as Field does elsewhere (read out with the field, marked invalid) */}
                      <input
                        name={`approved_${l.id}`}
                        aria-label={`${t('correction')} ${l.account}`}
                        aria-invalid={lineError(l) ? true : undefined}
                        aria-describedby={lineError(l) ? `approved_${l.id}-error` : undefined}
                        placeholder={String(Math.min(l.claimed, l.computed))}
                        inputMode="numeric"
                        onChange={(e) => { checkCorrection(l.id, l.claimed, e.currentTarget.value); setEdited({ answer: approveState, lines: new Set(editedNow).add(l.id) }) }}
                        className={inputClass(Boolean(lineError(l)))}
                      />
                      {lineError(l) && <p id={`approved_${l.id}-error`} className="text-xs text-red-700">{lineError(l)?.join(' ')}</p>}
                    </td>
                    <td className="col-span-3 md:py-2"><span aria-hidden className="block text-xs text-slate-500 md:hidden">{t('note')}</span><input name={`note_${l.id}`} aria-label={`${t('note')} ${l.account}`} maxLength={500} className={inputClass()} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {/* a correction that cannot be read is sent without asking: the server names it on its field (a dialog would state no total) */}
        <ConfirmSubmit label={t('approve')} title={t('approveTitle')} body={describe} disabled={approving || over.size > 0} ready={(form) => approval(form).total !== null} />
      </form>
      <form onSubmit={returnAction} className="max-w-2xl space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate>
        <input type="hidden" name="claimId" value={claimId} />
        <input type="hidden" name="version" value={version} />
        <h2 className="text-base font-semibold">{t('return')}</h2>
        <FormMessage state={refusal(returnState)} />
        <Field label={t('returnReason')} name="reason" errors={returnState?.errors?.reason} required>
          {(p) => <textarea {...p} rows={4} maxLength={2000} />}
        </Field>
        {/* asked before it lands, quoting the reason the bank will read; a reason the server would refuse is sent
            without asking, so the refusal shows on the field */}
        <ConfirmSubmit
          label={t('return')}
          title={t('returnTitle')}
          // corrections typed in the approval form above are not part of a return: said, so none is lost unnoticed
          body={(form) => [t('returnBody', { reason: typedIn(form, 'reason') }), typedCorrections(form) > 0 && t('returnDropsCorrections', { count: typedCorrections(form) })].filter(Boolean).join(' ')}
          confirmLabel={t('return')}
          variant="danger"
          disabled={returning}
          ready={acceptedBy(claimReturnSchema)}
        />
      </form>
    </div>
  )
}

/** How many line corrections are typed in the approval form of the page the return form `form` is on. */
function typedCorrections(form: HTMLFormElement): number {
  return [...form.ownerDocument.querySelectorAll<HTMLInputElement>('input[name^="approved_"]')].filter((i) => i.value.trim() !== '').length
}

/** Record a payment (SP2D) against an approved claim, at the version the admin sees, after confirming amount and remainder. */
/** A payment date the server takes (lib/actions/credit.ts recordClaimPayment): not after today in Jakarta, not before `earliest`. */
export function paidOnAllowed(typed: string, earliest: string): boolean {
  const iso = parseDateText(typed)
  return iso !== null && iso >= earliest && iso <= jakartaToday()
}

export function PaymentForm({ claimId, version, outstanding, earliest, approvedOn = null, budgetLeft = null, usedReferences = [] }: { claimId: string; version: number; outstanding: number; earliest: string; approvedOn?: string | null; budgetLeft?: number | null; usedReferences?: string[] }) {
  const t = useTranslations('credit')
  const [state, action, pending] = useFormAction(announcing(recordClaimPayment))
  const locale = useLocale() === 'en' ? 'en' : 'id'
  const money = (v: number) => formatRupiah(v, { locale })
  const [typed, setTyped] = useState<string | null>(null)
  // what remains, written as the amount field reads it (Indonesian grouping in either language: 1.053.528.986)
  const amountText = typed ?? state?.values?.amount ?? formatNumber(outstanding, { locale: 'id' })
  // more than remains is said on the field and not offered for confirmation (the server refuses it as well)
  const tooMuch = paymentAboveOutstanding(amountText, outstanding) !== null
  const amountErrors = tooMuch ? [t('paymentAboveOutstanding', { amount: money(outstanding) })] : state?.errors?.amount
  const amountOf = (form: HTMLFormElement) => parseRupiah(String(new FormData(form).get('amount') ?? ''))
  // what the dialog states, with what deserves a second look: a date before the approval was recorded, an amount past
  // the programme's ceiling, an SP2D number already recorded (each can be right: a paper approval entered late, a
  // ceiling not yet revised, one SP2D paying two months)
  const describe = (form: HTMLFormElement) => {
    const typed = amountOf(form)
    const paidOn = String(new FormData(form).get('paidOn') ?? '')
    const reference = String(new FormData(form).get('reference') ?? '').trim()
    return [
      typed.ok ? t('paymentConfirmBody', { amount: money(typed.value), remainder: money(outstanding - typed.value) }) : '',
      approvedOn && isIsoDate(paidOn) && paidOn < approvedOn && t('paymentBeforeApproval', { date: formatDate(approvedOn, { locale }) }),
      typed.ok && budgetLeft !== null && typed.value > budgetLeft && t('paymentOverBudget', { left: money(Math.max(budgetLeft, 0)) }),
      reference && usedReferences.includes(reference.toUpperCase()) && t('paymentReferenceUsed', { reference }),
    ].filter(Boolean).join(' ')
  }
  return (
    <form onSubmit={action} onReset={() => setTyped(null)} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      <input type="hidden" name="claimId" value={claimId} />
      <input type="hidden" name="version" value={version} />
      <h2 className="text-base font-semibold">{t('recordPayment')}</h2>
      <p className="text-sm text-slate-600">{t('outstanding')}: <span className="font-semibold tabular-nums">{money(outstanding)}</span></p>
      <FormMessage state={refusal(state)} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t('paidOn')} name="paidOn" errors={state?.errors?.paidOn} required>
          {(p) => <DateInput {...p} defaultValue={state?.values?.paidOn} />}
        </Field>
        <Field label={t('amount')} name="amount" errors={amountErrors} required>
          {(p) => <input {...p} inputMode="numeric" defaultValue={state?.values?.amount ?? formatNumber(outstanding, { locale: 'id' })} onChange={(e) => setTyped(e.target.value)} />}
        </Field>
        <Field label={t('reference')} name="reference" errors={state?.errors?.reference} required>
          {(p) => <input {...p} defaultValue={state?.values?.reference} maxLength={100} />}
        </Field>
      </div>
      {/* an amount that cannot be read is sent without asking: the server names it on its field */}
      {/* nor is a date the server refuses (after today, or before the claimed month ended: `earliest`): confirmed, then
          refused, it had asked a question whose answer did not matter */}
      <ConfirmSubmit label={t('recordPayment')} title={t('paymentConfirmTitle')} body={describe} confirmLabel={t('paymentConfirm')} disabled={pending || tooMuch}
        ready={(form) => amountOf(form).ok && acceptedBy(claimPaymentSchema)(form) && paidOnAllowed(String(new FormData(form).get('paidOn') ?? ''), earliest)} />
    </form>
  )
}
