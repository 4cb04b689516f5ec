'use client'

import { useActionState, useRef } from 'react'
import { useTranslations } from 'next-intl'
import { saveThresholds } from '@/lib/actions/config'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { useFocusFirstError } from '@/components/ui/focus'

/** The dashboard's traffic-light thresholds. */
export function ThresholdsForm({ version, onTrack, watch }: { version: number; onTrack: string; watch: string }) {
  const t = useTranslations('config.thresholds')
  const tc = useTranslations('config')
  const [state, action, pending] = useActionState(saveThresholds, undefined)
  const formRef = useRef<HTMLFormElement>(null)
  useFocusFirstError(formRef, state)
  const v = { onTrack, watch, ...state?.values }
  return (
    <form ref={formRef} action={action} className="max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-5" noValidate>
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('onTrack')} name="onTrack" errors={state?.errors?.onTrack} required>
          {(p) => <input {...p} inputMode="decimal" defaultValue={v.onTrack} />}
        </Field>
        <Field label={t('watch')} name="watch" errors={state?.errors?.watch} required>
          {(p) => <input {...p} inputMode="decimal" defaultValue={v.watch} />}
        </Field>
      </div>
      <Button type="submit" disabled={pending}>{pending ? tc('saving') : tc('save')}</Button>
    </form>
  )
}
