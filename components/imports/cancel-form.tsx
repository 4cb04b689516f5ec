'use client'

import { useActionState, useRef } from 'react'
import { useTranslations } from 'next-intl'
import { Button } from '@/components/ui/button'
import { FormMessage } from '@/components/ui/form-message'
import { cancelImportJob } from '@/lib/actions/imports'

/**
 * Stop the running dry run or write, confirmed in a dialog whose buttons say what each does ("Ya, batalkan
 * impor" / "Kembali"): a plain "Batal" beside "Batalkan" left it open which of them cancels the import.
 */
export function CancelForm({ id }: { id: string }) {
  const t = useTranslations('imports')
  const [state, action, pending] = useActionState(cancelImportJob, undefined)
  const dialog = useRef<HTMLDialogElement>(null)
  const form = useRef<HTMLFormElement>(null)
  return (
    <form ref={form} action={action}>
      <input type="hidden" name="id" value={id} />
      {state && !state.ok && <FormMessage state={state} />}
      <Button type="button" variant="danger" disabled={pending} onClick={() => dialog.current?.showModal()}>{t('cancel')}</Button>
      <dialog ref={dialog} className="m-auto w-[min(28rem,90vw)] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40" aria-label={t('cancelTitle')}>
        <div className="space-y-3 p-5">
          <h2 className="text-base font-semibold text-slate-900">{t('cancelTitle')}</h2>
          <p className="text-sm text-slate-700">{t('cancelBody')}</p>
          <div className="flex flex-wrap justify-end gap-2 pt-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>{t('cancelKeep')}</Button>
            <Button type="button" variant="danger" onClick={() => { dialog.current?.close(); form.current?.requestSubmit() }}>{t('cancelConfirm')}</Button>
          </div>
        </div>
      </dialog>
    </form>
  )
}
