'use client'

import { useActionState, useRef } from 'react'
import { useTranslations } from 'next-intl'
import { saveDeadline } from '@/lib/actions/config'
import { Button } from '@/components/ui/button'
import { inputClass } from '@/components/ui/input-class'
import { DateInput } from '@/components/ui/date-input'
import { useFocusFirstError } from '@/components/ui/focus'

/** One quarter's deadline: a date and a save, the refusal under the field. */
export function DeadlineForm({ year, quarter, version, deadline, label }: { year: number; quarter: number; version: number; deadline: string; label: string }) {
  const tc = useTranslations('config')
  const [state, action, pending] = useActionState(saveDeadline, undefined)
  const formRef = useRef<HTMLFormElement>(null)
  useFocusFirstError(formRef, state)
  const id = `deadline-${year}-${quarter}`
  const error = state?.errors?.deadline?.join(' ')
  return (
    <form ref={formRef} action={action} className="flex flex-col gap-1" noValidate>
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="quarter" value={quarter} />
      <input type="hidden" name="version" value={version} />
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={id} className="sr-only">{label}</label>
        <DateInput id={id} name="deadline" defaultValue={state?.values?.deadline ?? deadline} aria-invalid={Boolean(error)} aria-describedby={`${id}-msg`} className={`${inputClass(Boolean(error))} w-44`} />
        <Button type="submit" size="sm" disabled={pending}>{pending ? tc('saving') : tc('save')}</Button>
      </div>
      <p id={`${id}-msg`} aria-live="polite" className={state?.ok ? 'text-xs text-emerald-700' : 'text-xs font-medium text-red-700'}>{error ?? state?.message}</p>
    </form>
  )
}
