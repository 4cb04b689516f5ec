'use client'

import { useTranslations } from 'next-intl'
import Link from 'next/link'
import { saveBank } from '@/lib/actions/banks'
import { Button, buttonClass } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { useFormAction } from '@/components/ui/use-form-action'

export type BankFormValues = { id: string; version: number; code: string; name: string; shortName: string; active: boolean }

/** Create or edit a partner bank (code, full and short name, active). */
export function BankForm({ initial }: { initial: BankFormValues }) {
  const t = useTranslations('config.banks')
  const tc = useTranslations('config')
  const [state, onSubmit, pending] = useFormAction(saveBank)
  const err = (k: string) => state?.errors?.[k]
  return (
    <form onSubmit={onSubmit} className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-5" noValidate>
      <input type="hidden" name="id" value={initial.id} />
      <input type="hidden" name="version" value={initial.version} />
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('field.code')} name="code" errors={err('code')} hint={t('field.codeHint')} required>
          {(p) => <input {...p} defaultValue={initial.code} autoCapitalize="characters" spellCheck={false} maxLength={20} className={`${p.className} font-mono uppercase`} />}
        </Field>
        <Field label={t('field.shortName')} name="shortName" errors={err('shortName')} hint={t('field.shortNameHint')} required>
          {(p) => <input {...p} defaultValue={initial.shortName} maxLength={60} />}
        </Field>
        <Field label={t('field.name')} name="name" errors={err('name')} required className="sm:col-span-2">
          {(p) => <input {...p} defaultValue={initial.name} maxLength={200} />}
        </Field>
        <div className="flex items-center gap-2 sm:col-span-2">
          <input id="f-active" name="active" type="checkbox" defaultChecked={initial.active} aria-describedby="f-active-hint" className="size-4" />
          <label htmlFor="f-active" className="text-sm font-medium text-slate-800">{t('field.active')}</label>
        </div>
        <p id="f-active-hint" className="-mt-3 text-xs text-slate-500 sm:col-span-2">{t('field.activeHint')}</p>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>{pending ? tc('saving') : tc('save')}</Button>
        <Link href="/pengaturan/bank" className={buttonClass('secondary')}>{tc('cancel')}</Link>
      </div>
    </form>
  )
}
