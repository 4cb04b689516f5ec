'use client'

import { useState } from 'react'
import { useTranslations } from 'next-intl'
import { addProgramBank } from '@/lib/actions/banks'
import { Button } from '@/components/ui/button'
import { DateInput } from '@/components/ui/date-input'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { useFormAction } from '@/components/ui/use-form-action'

type Program = { id: string; code: string; name: string; year: number; version: number; borrowerRate: number }

/** A bank joins a programme year with its contract rate from a date (the programme's version travels along). */
export function ProgramBankForm({ bankId, programs }: { bankId: string; programs: Program[] }) {
  const t = useTranslations('config.banks')
  const [state, onSubmit, pending] = useFormAction(addProgramBank)
  const [programId, setProgramId] = useState(programs[0]?.id ?? '')
  // after a join the page reloads without the programme just joined: the first remaining one is then chosen
  // (with its date), not a choice that is no longer listed (which left the Join button disabled)
  const program = programs.find((p) => p.id === programId) ?? programs[0]
  const err = (k: string) => state?.errors?.[k]
  return (
    <form onSubmit={onSubmit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      <input type="hidden" name="bankId" value={bankId} />
      <input type="hidden" name="version" value={program?.version ?? ''} />
      <FormMessage state={state} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t('field.program')} name="programId" idPrefix="join" errors={err('programId')} required>
          {(p) => (
            <select {...p} value={program?.id ?? ''} onChange={(e) => setProgramId(e.target.value)}>
              {programs.map((o) => <option key={o.id} value={o.id}>{o.code} · {o.name}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('field.rate')} name="rate" idPrefix="join" errors={err('rate')} hint={program ? t('field.rateHint', { rate: String(program.borrowerRate).replace('.', ',') }) : undefined} required>
          {(p) => <input {...p} inputMode="decimal" maxLength={10} />}
        </Field>
        <Field label={t('field.effectiveFrom')} name="effectiveFrom" idPrefix="join" errors={err('effectiveFrom')} required>
          {(p) => <DateInput {...p} name="effectiveFrom" defaultValue={program ? `${program.year}-01-01` : ''} />}
        </Field>
      </div>
      <Button type="submit" disabled={pending || !program}>{t('join')}</Button>
    </form>
  )
}
