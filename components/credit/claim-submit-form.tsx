'use client'

import { useState } from 'react'
import { useFormAction } from '@/components/ui/use-form-action'
import { useLocale, useTranslations } from 'next-intl'
import { submitClaim } from '@/lib/actions/credit'
import { FileUp } from 'lucide-react'
import { Button, LinkButton } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { PreviewDialog } from '@/components/ui/preview-dialog'
import { claimableMonths } from '@/lib/dates'
import { formatMonth, formatNumber, formatRupiah } from '@/lib/format'

export type ClaimProgramOption = { id: string; name: string; year: number }

/**
 * A bank's monthly claim at the amounts the system computed: the programme (only its bank's), then the month.
 * Submitting moves money, so the first press only asks the server what would be claimed (`intent=preview`,
 * nothing written: the same checks, and the lines' count and total) and shows it in a dialog; the claim is
 * filed when the bank confirms there. A claim with the bank's own amounts per loan is imported from its
 * spreadsheet (lib/imports/kinds/claims.ts).
 */
export function ClaimSubmitForm({ programs, defaultMonth, claimed = {}, initial = {} }: { programs: ClaimProgramOption[]; defaultMonth: string; claimed?: Record<string, Record<string, string>>; initial?: { programId?: string; month?: string } }) {
  const t = useTranslations('credit')
  const locale = useLocale() === 'en' ? 'en' : 'id'
  const [state, action, pending] = useFormAction(submitClaim, { keepAfterSuccess: true })
  const preview = state?.ok ? state.data : undefined
  // `initial`: the returned claim's page links here with its programme and month, to file that month again
  const [programId, setProgramId] = useState(state?.values?.programId ?? initial.programId ?? (programs.length === 1 ? programs[0].id : ''))
  const chosen = programs.find((p) => p.id === programId)
  // no programme chosen yet: no months (every programme's years together had offered 47 months to pick from before
  // the programme that decides which are claimable)
  const months = chosen ? claimableMonths([chosen.year], defaultMonth) : []
  // a month sent back with a refusal stays chosen even when it is not in the list (the server said why), while the
  // programme is the one it was sent with: another programme chosen since offers its own months (November 2026 had
  // stayed chosen under Prokesra 2025, refused again as outside its year)
  const sentMonth = state?.values?.month
  if (sentMonth && (state?.values?.programId ?? '') === programId && !months.includes(sentMonth)) months.unshift(sentMonth)
  // the month chosen stays when another programme still offers it; else that programme's newest ended month
  const [month, setMonth] = useState(sentMonth ?? initial.month ?? defaultMonth)
  // a month this programme's claim already holds (submitted, approved, paid) is shown as such and not offered; a
  // returned one is, to file again (the server refuses the others in any case, on the month)
  const status = (m: string) => (chosen ? claimed[chosen.id]?.[m] : undefined)
  const taken = (m: string) => { const s = status(m); return s !== undefined && s !== 'RETURNED' }
  const open = months.filter((m) => !taken(m))
  const shownMonth = months.includes(month) && !taken(month) ? month : open.includes(defaultMonth) ? defaultMonth : (open[0] ?? months[0] ?? '')
  return (
    <form data-unsaved-guard onSubmit={action} className="max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-5" noValidate>
      <FormMessage state={state} />
      <Field label={t('claimProgram')} name="programId" errors={state?.errors?.programId} hint={t('claimProgramHint')} required>
        {(p) => (
          <select {...p} value={programId} onChange={(e) => setProgramId(e.target.value)}>
            <option value="">{t('choose')}</option>
            {programs.map((pr) => <option key={pr.id} value={pr.id}>{pr.name}</option>)}
          </select>
        )}
      </Field>
      <Field label={t('claimMonth')} name="month" errors={state?.errors?.month} hint={t('claimMonthHint')} required>
        {(p) => (
          <select {...p} value={shownMonth} onChange={(e) => setMonth(e.target.value)} disabled={!chosen}>
            {months.length === 0 && <option value="">{chosen ? t('claimNoMonth') : t('claimProgramFirst')}</option>}
            {months.map((m) => (
              <option key={m} value={m} disabled={taken(m) && m !== sentMonth}>
                {formatMonth(m, { locale })}{status(m) ? ` (${t(`claimStatus_${status(m) as 'SUBMITTED'}`).toLocaleLowerCase(locale)})` : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p className="text-sm text-slate-600">{t('claimComputedNote')}</p>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" name="intent" value="preview" disabled={pending} aria-busy={pending}>{t('submitClaim')}</Button>
        <LinkButton variant="secondary" href="/impor/baru?jenis=klaim"><FileUp aria-hidden className="size-4" />{t('claimFromExcel')}</LinkButton>
      </div>
      <PreviewDialog preview={preview} title={t('claimConfirmTitle')} confirmLabel={t('claimConfirm')} pending={pending}>
        {preview && (
          <>
            <p className="text-sm text-slate-700" data-testid="claim-confirm-body">
              {t('claimConfirmBody', {
                program: preview.programName,
                month: formatMonth(preview.month, { locale }),
                lines: formatNumber(Number(preview.lines), { locale }),
                total: formatRupiah(preview.total, { locale }),
              })}
            </p>
            {preview.resubmission === 'true' && <p className="text-sm text-amber-800">{t('claimConfirmResubmit')}</p>}
            {/* what was shown goes back with the confirmation: the server files the claim only if it still holds */}
            <input type="hidden" name="expectedLines" value={preview.lines} />
            <input type="hidden" name="expectedTotal" value={preview.total} />
          </>
        )}
      </PreviewDialog>
    </form>
  )
}
