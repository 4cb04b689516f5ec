'use client'

import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { signOutEverywhere } from '@/lib/actions/auth'
import { ConfirmSubmit } from '@/components/ui/confirm-submit'
import { FormMessage } from '@/components/ui/form-message'

/** Ends every session of the account (a lost phone, a shared computer), this browser included. */
export function SignOutEverywhereForm() {
  const t = useTranslations('account')
  const [state, action, pending] = useActionState(signOutEverywhere, undefined)
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="confirm" value="ya" />
      <p className="text-sm text-slate-600">{t('signOutEverywhereBody')}</p>
      <ConfirmSubmit
        label={t('signOutEverywhere')}
        title={t('signOutEverywhere')}
        body={t('signOutEverywhereConfirm')}
        confirmLabel={t('signOutEverywhereYes')}
        variant="danger"
        disabled={pending}
      />
    </form>
  )
}
