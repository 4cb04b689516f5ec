'use client'

import { useTranslations } from 'next-intl'
import Link from 'next/link'
import { saveHoliday } from '@/lib/actions/holidays'
import { Button, buttonClass } from '@/components/ui/button'
import { DateInput } from '@/components/ui/date-input'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { useFormAction } from '@/components/ui/use-form-action'

export type HolidayFormValues = { id: string; version: number; date: string; name: string; kind: string; source: string }

/** Add or change one day of the holiday calendar (date, name, libur nasional or cuti bersama, source). */
export function HolidayForm({ initial, backHref }: { initial: HolidayFormValues; backHref: string }) {
  const t = useTranslations('config.holidays')
  const tc = useTranslations('config')
  const [state, onSubmit, pending] = useFormAction(saveHoliday)
  const err = (k: string) => state?.errors?.[k]
  return (
    <form onSubmit={onSubmit} className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-5" noValidate>
      <input type="hidden" name="id" value={initial.id} />
      <input type="hidden" name="version" value={initial.version} />
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('field.date')} name="date" errors={err('date')} required>
          {(p) => <DateInput {...p} name="date" defaultValue={initial.date} />}
        </Field>
        <Field label={t('field.kind')} name="kind" errors={err('kind')} required>
          {(p) => (
            <select {...p} defaultValue={initial.kind}>
              {(['NATIONAL_HOLIDAY', 'CUTI_BERSAMA'] as const).map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
            </select>
          )}
        </Field>
        <Field label={t('field.name')} name="name" errors={err('name')} required className="sm:col-span-2">
          {(p) => <input {...p} defaultValue={initial.name} maxLength={200} />}
        </Field>
        <Field label={t('field.source')} name="source" errors={err('source')} hint={t('field.sourceHint')} className="sm:col-span-2">
          {(p) => <input {...p} defaultValue={initial.source} maxLength={300} />}
        </Field>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>{pending ? tc('saving') : tc('save')}</Button>
        <Link href={backHref} className={buttonClass('secondary')}>{tc('cancel')}</Link>
      </div>
    </form>
  )
}
