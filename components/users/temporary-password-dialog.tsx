'use client'

import { CopyButton } from '@/components/ui/copy-button'
import { useEffect, useId, useRef, useState } from 'react'
import { useTranslations } from 'next-intl'
import { KeyRound } from 'lucide-react'
import { Button } from '@/components/ui/button'

/**
 * A password shown once, in a modal dialog that opens by itself: inside a table row it sat in the actions
 * column, widened the table and ended up off-screen (x=1403 at 1400 px, x=397 on a 390 px phone). Closed by
 * Escape, the row keeps a small button to open it again (an Escape pressed too early must not cost another
 * reset); closed with its "noted" button, it is gone: "shown only once" is then true, and the password no longer
 * sits one click away on an admin's screen. Key it by the password so a second reset opens a fresh dialog.
 */
export function TemporaryPasswordDialog({ username, password, message }: { username: string; password: string; message?: string }) {
  const t = useTranslations('users')
  const dialog = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const [noted, setNoted] = useState(false)
  const open = () => {
    if (!dialog.current?.open) dialog.current?.showModal()
  }
  useEffect(open, [])
  if (noted) return null
  return (
    <>
      <Button type="button" size="sm" variant="ghost" onClick={open}>
        <KeyRound aria-hidden className="size-3.5" />{t('showTemporaryPassword')}
      </Button>
      <dialog ref={dialog} aria-labelledby={titleId} className="m-auto w-[min(28rem,90vw)] rounded-lg p-0 shadow-xl backdrop:bg-slate-900/40" data-testid="temporary-password-dialog">
        <div className="space-y-3 whitespace-normal p-5">
          <h2 id={titleId} className="text-base font-semibold text-slate-900">{t('temporaryPasswordTitle', { username })}</h2>
          {message && <p role="status" className="text-sm text-emerald-800">{message}</p>}
          <p className="break-all select-all rounded border border-emerald-300 bg-emerald-50 p-3 text-center font-mono text-lg tracking-wider text-slate-900" data-testid="temporary-password">{password}</p>
          <CopyButton text={password} target="[data-testid='temporary-password-dialog'] [data-testid='temporary-password']" />
          <p className="text-xs text-slate-600">{t('temporaryPasswordNote')}</p>
          <div className="flex justify-end pt-2">
            <Button
              type="button"
              onClick={() => {
                dialog.current?.close()
                setNoted(true)
              }}
            >
              {t('temporaryPasswordDone')}
            </Button>
          </div>
        </div>
      </dialog>
    </>
  )
}
