'use client'

import { useState } from 'react'
import { useTranslations } from 'next-intl'
import { saveReportingStart } from '@/lib/actions/config'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { useFormAction } from '@/components/ui/use-form-action'

/**
 * The first quarter the agency requires reports for (lib/reporting/start.ts), or every quarter. `options`:
 * `2026-4` with its label, in order; the choice stays as picked after a save or a refusal.
 */
export function ReportingStartForm({ version, value, options }: { version: number; value: string; options: { value: string; label: string }[] }) {
  const t = useTranslations('config.deadlines')
  const tc = useTranslations('config')
  const [state, onSubmit, pending] = useFormAction(saveReportingStart, { keepAfterSuccess: true })
  const [start, setStart] = useState(value)
  return (
    <form onSubmit={onSubmit} className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-4" noValidate data-testid="reporting-start-form">
      <input type="hidden" name="version" value={version} />
      <FormMessage state={state} />
      <Field label={t('start')} name="start" errors={state?.errors?.start} hint={t('startHint')}>
        {(p) => (
          <select {...p} value={start} onChange={(e) => setStart(e.target.value)}>
            <option value="">{t('startEvery')}</option>
            {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        )}
      </Field>
      <Button type="submit" disabled={pending}>{pending ? tc('saving') : tc('save')}</Button>
    </form>
  )
}
