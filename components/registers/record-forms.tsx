'use client'

import { DateInput } from '@/components/ui/date-input'
import { useFormAction } from '@/components/ui/use-form-action'
import { useTranslations } from 'next-intl'
import { addInspection, saveCooperativeYear } from '@/lib/actions/cooperatives'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import type { ActionState } from '@/lib/safe-action'
import { INSPECTION_STATUSES } from '@/lib/validations/cooperatives'

type Action = (prev: ActionState | undefined, formData: FormData) => Promise<ActionState>

/**
 * A small add-form folded under a summary button (the detail page stays readable); it clears itself
 * after a successful save and keeps what was typed after a refusal.
 */
function FoldedForm({ summary, action, cooperativeId, children }: { summary: string; action: Action; cooperativeId: string; children: (state: ActionState | undefined) => React.ReactNode }) {
  const r = useTranslations('registers')
  const [state, formAction, pending] = useFormAction(action)
  return (
    <div className="space-y-2">
    {/* the success message stays visible after the folded form closes */}
    {state?.ok && <FormMessage state={state} />}
    <details className="group rounded-lg border border-slate-200 bg-white" open={state ? !state.ok : undefined}>
      <summary className="cursor-pointer select-none px-4 py-3 text-sm font-medium text-brand-700 hover:bg-slate-50">{summary}</summary>
      <form onSubmit={formAction} className="space-y-4 border-t border-slate-200 p-4" noValidate>
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

export function YearForm({ cooperativeId, defaultYear }: { cooperativeId: string; defaultYear: number }) {
  const t = useTranslations('cooperatives')
  return (
    <FoldedForm summary={t('addYear')} action={saveCooperativeYear} cooperativeId={cooperativeId}>
      {(s) => (
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label={t('year')} name="year" errors={s?.errors?.year} required>
            {(p) => <input {...p} inputMode="numeric" defaultValue={val(s, 'year') ?? String(defaultYear)} maxLength={4} />}
          </Field>
          {(['ownCapital', 'externalCapital', 'assets', 'businessVolume'] as const).map((k) => (
            <Field key={k} label={t(k)} name={k} errors={s?.errors?.[k]}>
              {(p) => <input {...p} inputMode="decimal" defaultValue={val(s, k)} placeholder="Rp" />}
            </Field>
          ))}
          <Field label={t('netSurplus')} name="netSurplus" errors={s?.errors?.netSurplus} hint={t('netSurplusHint')}>
            {(p) => <input {...p} defaultValue={val(s, 'netSurplus')} placeholder="Rp" />}
          </Field>
          <label className="flex items-center gap-2 self-center text-sm font-medium text-slate-800">
            <input type="checkbox" name="ratHeld" defaultChecked={val(s, 'ratHeld') === 'on'} className="size-4 rounded border-slate-300" />
            {t('ratHeld')}
          </label>
          <Field label={t('ratDate')} name="ratDate" errors={s?.errors?.ratDate ?? s?.errors?.ratHeld}>
            {(p) => <DateInput {...p} defaultValue={val(s, 'ratDate')} />}
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
