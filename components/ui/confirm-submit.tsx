'use client'

import { useRef, useState } from 'react'
import { useTranslations } from 'next-intl'
import { Button } from './button'
import { CONFIRMING } from './set-aside'

/**
 * A submit button for a form with inputs, asking for confirmation in a dialog before submitting. `body` may
 * be worded from what the form holds when the button is pressed (e.g. the amount typed and what remains).
 * `ready`: whether what the form holds would be accepted; when not, the form is sent without asking, so that
 * the server's refusal names the field that is wrong instead of a dialog confirming a form that cannot land.
 * The dialog's button names the step (`confirmLabel`, else `label`): "Setujui klaim" for a money decision, not "Ya, lanjutkan".
 */
export function ConfirmSubmit({ label, title, body, confirmLabel, variant = 'primary', disabled, ready }: { label: string; title: string; body: string | ((form: HTMLFormElement) => string); confirmLabel?: string; variant?: 'primary' | 'danger'; disabled?: boolean; ready?: (form: HTMLFormElement) => boolean }) {
  const t = useTranslations('common')
  const dialog = useRef<HTMLDialogElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  const [text, setText] = useState(typeof body === 'string' ? body : '')
  const open = () => {
    const form = button.current?.form
    if (form && ready && !ready(form)) return form.requestSubmit()
    // what the form holds passes the check: the previous answer's refusals are set aside if they were about other values (set-aside.ts)
    if (form && ready) form.dispatchEvent(new Event(CONFIRMING))
    if (typeof body === 'function' && form) setText(body(form))
    dialog.current?.showModal()
  }
  return (
    <>
      <Button ref={button} type="button" variant={variant} disabled={disabled} onClick={open}>{label}</Button>
      <dialog ref={dialog} className="m-auto w-[min(28rem,90vw)] whitespace-normal rounded-lg p-0 text-left font-normal shadow-xl backdrop:bg-slate-900/40" aria-label={title}>
        <div className="space-y-3 p-5">
          <h2 className="text-base font-semibold text-slate-900">{title}</h2>
          <p className="text-sm text-slate-700">{text}</p>
          <div className="flex justify-end gap-2 pt-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>{t('cancel')}</Button>
            <Button type="button" variant={variant} onClick={() => { dialog.current?.close(); button.current?.form?.requestSubmit() }}>{confirmLabel ?? label}</Button>
          </div>
        </div>
      </dialog>
    </>
  )
}

/** What the form holds in its field `name`, trimmed: for a dialog that quotes what was typed (a return's reason). */
export function typedIn(form: HTMLFormElement, name: string): string {
  return String(new FormData(form).get(name) ?? '').trim()
}

/** `ready` for a form whose action validates it with `schema`: the same check, so the dialog opens only for what would land. */
export function acceptedBy(schema: { safeParse: (value: unknown) => { success: boolean } }): (form: HTMLFormElement) => boolean {
  return (form) => schema.safeParse(Object.fromEntries(new FormData(form))).success
}
