'use client'

import { useActionState } from 'react'
import { useLocale, useTranslations } from 'next-intl'
import { formatNumber } from '@/lib/format'
import { ConfirmSubmit } from '@/components/ui/confirm-submit'
import { FormMessage } from '@/components/ui/form-message'
import { commitImport } from '@/lib/actions/imports'

/** After the dry run: how to save (all or nothing, or the valid rows only), confirmed before anything is written. */
export function CommitForm({ id, create, update, invalid }: { id: string; create: number; update: number; invalid: number }) {
  const t = useTranslations('imports')
  const locale = useLocale() === 'en' ? 'en' : 'id'
  const [state, action] = useActionState(commitImport, undefined)
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="id" value={id} />
      {state && !state.ok && <FormMessage state={state} />}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-900">{t('mode')}</legend>
        <label className="flex items-start gap-2 text-sm"><input type="radio" name="mode" value="ALL" defaultChecked className="mt-1" />{t('modeAll')}</label>
        <label className="flex items-start gap-2 text-sm"><input type="radio" name="mode" value="VALID_ONLY" className="mt-1" />{t('modeValid')}</label>
      </fieldset>
      {/* the dialog says what the chosen mode will do: all or nothing with a refused row saves nothing */}
      <ConfirmSubmit label={t('commit')} title={t('commitTitle')} body={(form) => (new FormData(form).get('mode') === 'ALL' && invalid > 0
        ? t('commitBodyNothing', { invalid: formatNumber(invalid, { locale }) })
        : t('commitBody', { create: formatNumber(create, { locale }), update: formatNumber(update, { locale }) }))} />
    </form>
  )
}
