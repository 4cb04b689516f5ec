'use client'

import { useActionState, useId, useRef } from 'react'
import type { ActionState } from '@/lib/safe-action'
import { useTranslations } from 'next-intl'
import { Button } from './button'
import { announcing } from './announcer'

type Action = (prev: ActionState | undefined, formData: FormData) => Promise<ActionState>

/**
 * A refusal's reasons when the server put them on fields: this form has no visible fields to mark, so "check the
 * marked fields" alone would say nothing; the reasons themselves are shown instead (a meeting not started yet).
 */
const reasons = (state: ActionState) => Object.values(state.errors ?? {}).flat().filter(Boolean).join(' ')

/**
 * A button that runs a server action after the user confirms in a dialog (destructive or
 * consequential steps: deactivate, reset password, delete). Shows the action's outcome beside it.
 */
export function ConfirmAction({
  action, fields, label, title, body, confirmLabel, cancelLabel, variant = 'secondary', renderResult, size = 'sm', icon, iconOnly, blocked,
}: {
  action: Action
  fields: Record<string, string>
  label: string
  title: string
  body: string
  confirmLabel?: string
  /** the dismiss button's text, when "Batal" would read as the action itself (cancelling a meeting) */
  cancelLabel?: string
  variant?: 'secondary' | 'danger' | 'primary'
  renderResult?: (state: ActionState) => React.ReactNode
  /** 'md' beside a page header's other buttons (a record's Ubah and Riwayat); 'sm' in rows and panels */
  size?: 'sm' | 'md'
  icon?: React.ReactNode
  /**
   * The button shows only `icon`, with this as its name (read aloud, and shown on hover): a row's actions in a
   * table that must fit its screen (a cooperative's book years), where the name says which row ("Hapus tahun buku 2024").
   */
  iconOnly?: string
  /**
   * Why the action cannot go ahead now, as the page already knows (a cooperative with member MSMEs): the dialog says
   * it in place of `body` (what the step would do) and offers only "Tutup"; `title` says it cannot go ahead. A
   * "Ya, hapus" that the server is sure to refuse is a trap. The server still checks.
   */
  blocked?: string
}) {
  const t = useTranslations('common')
  // a success is announced by the frame (the refreshed page may no longer hold this button); a refusal stays beside it
  const run: Action = renderResult ? action : announcing(action)
  const [state, formAction, pending] = useActionState(run, undefined)
  const dialog = useRef<HTMLDialogElement>(null)
  const form = useRef<HTMLFormElement>(null)
  // one id per dialog: a table of rows each with the same button label must not share the title's id
  const titleId = useId()
  return (
    <form ref={form} action={formAction} className="inline-flex flex-col items-start gap-1">
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <Button type="button" size={size} variant={variant} disabled={pending} onClick={() => dialog.current?.showModal()} aria-label={iconOnly} title={iconOnly}>
        {icon}{iconOnly ? null : pending ? t('processing') : label}
      </Button>
      <dialog ref={dialog} aria-labelledby={titleId} className="m-auto w-[min(28rem,90vw)] whitespace-normal rounded-lg p-0 text-left font-normal shadow-xl backdrop:bg-slate-900/40">
        <div className="space-y-3 p-5">
          <h2 id={titleId} className="text-base font-semibold text-slate-900">{title}</h2>
          {blocked
            ? <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{blocked}</p>
            : <p className="text-sm text-slate-700">{body}</p>}
          <div className="flex justify-end gap-2 pt-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>{blocked ? t('close') : (cancelLabel ?? t('cancel'))}</Button>
            {!blocked && <Button
              type="button"
              variant={variant === 'danger' ? 'danger' : 'primary'}
              onClick={() => {
                dialog.current?.close()
                form.current?.requestSubmit()
              }}
            >
              {/* names the step ("Nonaktifkan"), not a bare "Ya, lanjutkan" */}
              {confirmLabel ?? label}
            </Button>}
          </div>
        </div>
      </dialog>
      {state && (renderResult ? renderResult(state) : !state.ok && (reasons(state) || state.message) ? <span role="status" className="text-xs text-red-700">{reasons(state) || state.message}</span> : null)}
    </form>
  )
}
