'use client'

import { useFormAction } from '@/components/ui/use-form-action'
import { reportInstalment } from '@/lib/actions/credit'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'

/**
 * The bank's report of one period: instalment paid or not, and the OJK collectibility. `classes`: the
 * collectibility classes 1–5 as the reader's language names them (message `credit.collectibilityClass`).
 * `version`: the loan's version the page shows; a report from a stale page is refused, naming who reported meanwhile.
 */
export function InstalmentForm({ disbursementId, version, tenor, labels, classes }: { disbursementId: string; version: number; tenor: number; labels: Record<'title' | 'period' | 'paid' | 'unpaid' | 'instalment' | 'collectibility' | 'save', string>; classes: string[] }) {
  const [state, action, pending] = useFormAction(reportInstalment)
  return (
    <form onSubmit={action} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      <input type="hidden" name="disbursementId" value={disbursementId} />
      <input type="hidden" name="version" value={version} />
      <h2 className="text-base font-semibold">{labels.title}</h2>
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={labels.period} name="period" errors={state?.errors?.period} required>
          {(p) => <input {...p} type="number" min={1} max={tenor} defaultValue={state?.values?.period} />}
        </Field>
        <Field label={labels.instalment} name="instalmentPaid" errors={state?.errors?.instalmentPaid} required>
          {(p) => (
            <select {...p} defaultValue={state?.values?.instalmentPaid ?? 'paid'}>
              <option value="paid">{labels.paid}</option>
              <option value="unpaid">{labels.unpaid}</option>
            </select>
          )}
        </Field>
        <Field label={labels.collectibility} name="collectibility" errors={state?.errors?.collectibility} required>
          {(p) => (
            <select {...p} defaultValue={state?.values?.collectibility ?? '1'}>
              {classes.map((c, i) => <option key={c} value={i + 1}>{c}</option>)}
            </select>
          )}
        </Field>
      </div>
      <Button type="submit" disabled={pending}>{labels.save}</Button>
    </form>
  )
}
