'use client'

import { useEffect, useId, useRef } from 'react'
import { useTranslations } from 'next-intl'
import { Button } from './button'

/**
 * The confirmation of a step the server first previews (`intent=preview`: the same checks, nothing written),
 * inside the step's form: it opens when a preview arrives; its children say what would happen and carry back,
 * as hidden fields, what was shown, so the server acts only if that still holds; confirming submits the form
 * with `intent=submit`. A bank's claim (components/credit/claim-submit-form.tsx) and a bank-rate change
 * (components/credit/program-admin.tsx).
 */
export function PreviewDialog({ preview, title, confirmLabel, pending, children }: {
  preview: unknown
  title: string
  confirmLabel: string
  pending: boolean
  children: React.ReactNode
}) {
  const tc = useTranslations('common')
  const dialog = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    if (preview && !dialog.current?.open) dialog.current?.showModal()
  }, [preview])
  return (
    <dialog ref={dialog} className="m-auto w-[min(30rem,90vw)] whitespace-normal rounded-lg p-0 text-left font-normal shadow-xl backdrop:bg-slate-900/40" aria-labelledby={titleId}>
      {Boolean(preview) && (
        <div className="space-y-3 p-5">
          <h2 id={titleId} className="text-base font-semibold text-slate-900">{title}</h2>
          {children}
          <div className="flex justify-end gap-2 pt-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>{tc('cancel')}</Button>
            {/* a submit button of the form: its intent travels with the submission */}
            <Button type="submit" name="intent" value="submit" disabled={pending} onClick={() => dialog.current?.close()}>{confirmLabel}</Button>
          </div>
        </div>
      )}
    </dialog>
  )
}
