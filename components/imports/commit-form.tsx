'use client'

import { useActionState, useState } from 'react'
import { useLocale, useTranslations } from 'next-intl'
import { Download } from 'lucide-react'
import { formatNumber } from '@/lib/format'
import { Button, buttonClass } from '@/components/ui/button'
import { ConfirmSubmit } from '@/components/ui/confirm-submit'
import { FormMessage } from '@/components/ui/form-message'
import { commitImport } from '@/lib/actions/imports'

/**
 * After the dry run: how to save (all or nothing, or the valid rows only), confirmed before anything is written.
 * All or nothing with refused rows would save nothing (the job would end "Gagal"): then no write is offered,
 * only the way on: the refused rows to correct, or the valid rows only. `documents`: what the rows make, when
 * they make documents (the claims submitted, each with its lines and amount), stated in the confirmation too.
 */
export function CommitForm({ id, version, create, update, invalid, rejectedHref, documents }: { id: string; version: number; create: number; update: number; invalid: number; rejectedHref: string; documents?: string }) {
  const t = useTranslations('imports')
  const locale = useLocale() === 'en' ? 'en' : 'id'
  const [state, action] = useActionState(commitImport, undefined)
  const [mode, setMode] = useState<'ALL' | 'VALID_ONLY'>('ALL')
  const blocked = mode === 'ALL' && invalid > 0
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="id" value={id} />
      {/* the version of the verdict shown: a dry run run again since is refused, not written unseen */}
      <input type="hidden" name="version" value={version} />
      {state && !state.ok && <FormMessage state={state} />}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-900">{t('mode')}</legend>
        <label className="flex items-start gap-2 text-sm"><input type="radio" name="mode" value="ALL" checked={mode === 'ALL'} onChange={() => setMode('ALL')} className="mt-1" />{t('modeAll')}</label>
        <label className="flex items-start gap-2 text-sm"><input type="radio" name="mode" value="VALID_ONLY" checked={mode === 'VALID_ONLY'} onChange={() => setMode('VALID_ONLY')} className="mt-1" />{t('modeValid')}</label>
      </fieldset>
      {blocked ? (
        <div role="status" className="space-y-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <p>{t('allBlocked', { invalid: formatNumber(invalid, { locale }), count: invalid })}</p>
          <div className="flex flex-wrap gap-2">
            <a href={rejectedHref} className={buttonClass('secondary', 'sm')}><Download aria-hidden className="size-4" />{t('rejectedFile')}</a>
            <Button type="button" variant="secondary" size="sm" onClick={() => setMode('VALID_ONLY')}>{t('switchToValid')}</Button>
          </div>
        </div>
      ) : (
        <ConfirmSubmit label={t('commit')} title={t('commitTitle')} body={[
            t('commitBody', { create: formatNumber(create, { locale }), createCount: create, update: formatNumber(update, { locale }), updateCount: update }),
            // the valid rows only: what is left out is said too, not only what is saved
            mode === 'VALID_ONLY' && invalid > 0 && t('commitSkips', { count: invalid, n: formatNumber(invalid, { locale }) }),
            documents,
          ].filter(Boolean).join(' ')} />
      )}
    </form>
  )
}
