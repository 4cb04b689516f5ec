'use client'

import { DateInput } from '@/components/ui/date-input'
import { useFormAction } from '@/components/ui/use-form-action'
import { useTranslations } from 'next-intl'
import Link from 'next/link'
import { addInspection, followUpInspection, saveCooperativeYear } from '@/lib/actions/cooperatives'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import type { ActionState } from '@/lib/safe-action'
import { INSPECTION_STATUSES } from '@/lib/validations/cooperatives'
import { MoneyInput } from './money-input'

type Action = (prev: ActionState | undefined, formData: FormData) => Promise<ActionState>

/**
 * A small add-form folded under a summary button (the detail page stays readable); it clears itself
 * after a successful save and keeps what was typed after a refusal.
 */
function FoldedForm({ summary, action, cooperativeId, initiallyOpen = false, children }: {
  summary: string; action: Action; cooperativeId: string
  /** open on arrival (the edit of a recorded year, chosen from the table) */
  initiallyOpen?: boolean
  children: (state: ActionState | undefined) => React.ReactNode
}) {
  const r = useTranslations('registers')
  const [state, formAction, pending] = useFormAction(action)
  return (
    <div className="space-y-2">
    {/* the success message stays visible after the folded form closes */}
    {state?.ok && <FormMessage state={state} />}
    <details className="group rounded-lg border border-slate-200 bg-white" open={state ? !state.ok : initiallyOpen || undefined}>
      <summary className="cursor-pointer select-none px-4 py-3 text-sm font-medium text-brand-700 hover:bg-slate-50">{summary}</summary>
      <form data-unsaved-guard onSubmit={formAction} className="space-y-4 border-t border-slate-200 p-4" noValidate>
        <input type="hidden" name="cooperativeId" value={cooperativeId} />
        {state && !state.ok && <FormMessage state={state} />}
        {children(state)}
        <Button type="submit" disabled={pending}>{pending ? r('saving') : r('save')}</Button>
      </form>
    </details>
    </div>
  )
}

const val = (s: ActionState | undefined, k: string) => (s && !s.ok ? s.values?.[k] : undefined)

/** A recorded book year opened for editing: its values as the form shows them and the version the user saw. */
export type YearEdit = { year: number; version: number; values: Record<string, string>; cancelHref: string }

/**
 * A new book year, or (edit) a recorded one prefilled. A new year the cooperative has already is refused by the
 * server under the year field (saving it would replace every figure); the edit saves only at the version shown.
 */
export function YearForm({ cooperativeId, defaultYear, edit }: { cooperativeId: string; defaultYear: number; edit?: YearEdit }) {
  const t = useTranslations('cooperatives')
  const r = useTranslations('registers')
  // after a refusal, what was typed (an unticked box is absent, not the stored tick); before, the recorded values
  const initial = (s: ActionState | undefined, k: string) => (s && !s.ok && s.values ? s.values[k] : edit?.values[k])
  return (
    <FoldedForm summary={edit ? t('editYearTitle', { year: edit.year }) : t('addYear')} action={saveCooperativeYear} cooperativeId={cooperativeId} initiallyOpen={Boolean(edit)}>
      {(s) => (
        <div className="grid gap-4 sm:grid-cols-3">
          {edit && <input type="hidden" name="version" value={edit.version} />}
          <Field label={t('year')} name="year" errors={s?.errors?.year} required hint={edit ? t('editYearHint') : undefined}>
            {(p) => <input {...p} inputMode="numeric" defaultValue={edit ? String(edit.year) : (val(s, 'year') ?? String(defaultYear))} maxLength={4} readOnly={Boolean(edit)} />}
          </Field>
          {/* an amount left empty is stored as not reported, not as Rp0: said before the amounts, so a 0 is typed only when meant */}
          <p className="text-sm text-slate-600 sm:col-span-3">{t('yearAmountsHint')}</p>
          {(['ownCapital', 'externalCapital', 'assets', 'businessVolume'] as const).map((k) => (
            <Field key={k} label={t(k)} name={k} errors={s?.errors?.[k]}>
              {(p) => <MoneyInput {...p} defaultValue={initial(s, k)} />}
            </Field>
          ))}
          <Field label={t('netSurplus')} name="netSurplus" errors={s?.errors?.netSurplus} hint={t('netSurplusHint')}>
            {(p) => <MoneyInput {...p} signed defaultValue={initial(s, 'netSurplus')} />}
          </Field>
          <label className="flex items-center gap-2 self-center text-sm font-medium text-slate-800">
            <input type="checkbox" name="ratHeld" defaultChecked={initial(s, 'ratHeld') === 'on'} className="size-4 rounded border-slate-300" />
            {t('ratHeld')}
          </label>
          <Field label={t('ratDate')} name="ratDate" errors={s?.errors?.ratDate ?? s?.errors?.ratHeld}>
            {(p) => <DateInput {...p} defaultValue={initial(s, 'ratDate')} />}
          </Field>
          {edit && <p className="text-sm sm:col-span-3"><Link href={edit.cancelHref} className="text-brand-700 hover:underline">{r('cancel')}</Link></p>}
        </div>
      )}
    </FoldedForm>
  )
}

/** An inspection's follow-up and status (open, followed up, closed; a closed finding may be opened again), saved at the version shown. */
export function InspectionFollowUpForm({ cooperativeId, inspection }: {
  cooperativeId: string
  inspection: { id: string; version: number; followUp: string | null; status: (typeof INSPECTION_STATUSES)[number] }
}) {
  const t = useTranslations('cooperatives')
  const r = useTranslations('registers')
  return (
    <FoldedForm summary={t('recordFollowUp')} action={followUpInspection} cooperativeId={cooperativeId}>
      {(s) => (
        <div className="grid gap-4 sm:grid-cols-3">
          <input type="hidden" name="id" value={inspection.id} />
          <input type="hidden" name="version" value={inspection.version} />
          <Field idPrefix={`fu-${inspection.id}`} label={t('inspectionStatus')} name="status" errors={s?.errors?.status} required>
            {(p) => (
              <select {...p} defaultValue={val(s, 'status') ?? inspection.status}>
                {INSPECTION_STATUSES.map((x) => <option key={x} value={x}>{r(`inspectionStatus.${x}`)}</option>)}
              </select>
            )}
          </Field>
          <Field idPrefix={`fu-${inspection.id}`} label={t('followUp')} name="followUp" errors={s?.errors?.followUp} className="sm:col-span-3">
            {(p) => <textarea {...p} rows={2} defaultValue={val(s, 'followUp') ?? inspection.followUp ?? ''} maxLength={2000} />}
          </Field>
        </div>
      )}
    </FoldedForm>
  )
}

export function InspectionForm({ cooperativeId }: { cooperativeId: string }) {
  const t = useTranslations('cooperatives')
  const r = useTranslations('registers')
  return (
    <FoldedForm summary={t('addInspection')} action={addInspection} cooperativeId={cooperativeId}>
      {(s) => (
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label={t('inspectedOn')} name="inspectedOn" errors={s?.errors?.inspectedOn} required>
            {(p) => <DateInput {...p} defaultValue={val(s, 'inspectedOn')} />}
          </Field>
          <Field label={t('officer')} name="officer" errors={s?.errors?.officer} required>
            {(p) => <input {...p} defaultValue={val(s, 'officer')} maxLength={120} />}
          </Field>
          <Field label={t('inspectionStatus')} name="status" errors={s?.errors?.status} required>
            {(p) => (
              <select {...p} defaultValue={val(s, 'status') ?? 'OPEN'}>
                {INSPECTION_STATUSES.map((x) => <option key={x} value={x}>{r(`inspectionStatus.${x}`)}</option>)}
              </select>
            )}
          </Field>
          <Field label={t('findings')} name="findings" errors={s?.errors?.findings} className="sm:col-span-3" required>
            {(p) => <textarea {...p} rows={3} defaultValue={val(s, 'findings')} maxLength={2000} />}
          </Field>
          <Field label={t('followUp')} name="followUp" errors={s?.errors?.followUp} className="sm:col-span-3">
            {(p) => <textarea {...p} rows={2} defaultValue={val(s, 'followUp')} maxLength={2000} />}
          </Field>
        </div>
      )}
    </FoldedForm>
  )
}
