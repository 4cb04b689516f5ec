'use client'

import { useActionState, useRef } from 'react'
import { useTranslations } from 'next-intl'
import { changePassword } from '@/lib/actions/auth'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { useFocusFirstError } from '@/components/ui/focus'

export function ChangePasswordForm() {
  const t = useTranslations('account')
  const [state, action, pending] = useActionState(changePassword, undefined)
  const form = useRef<HTMLFormElement>(null)
  useFocusFirstError(form, state)
  return (
    <form ref={form} action={action} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <Field label={t('currentPassword')} name="currentPassword" errors={state?.errors?.currentPassword} required>
        {(p) => <input {...p} type="password" autoComplete="current-password" />}
      </Field>
      <Field label={t('newPassword')} name="newPassword" errors={state?.errors?.newPassword} hint={t('rules')} required>
        {(p) => <input {...p} type="password" autoComplete="new-password" />}
      </Field>
      <Field label={t('confirmPassword')} name="confirmPassword" errors={state?.errors?.confirmPassword} required>
        {(p) => <input {...p} type="password" autoComplete="new-password" />}
      </Field>
      <Button type="submit" disabled={pending}>{t('submit')}</Button>
    </form>
  )
}
