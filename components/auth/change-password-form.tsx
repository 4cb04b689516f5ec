'use client'

import { useTranslations } from 'next-intl'
import { changePassword } from '@/lib/actions/auth'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { useFormAction } from '@/components/ui/use-form-action'

/**
 * Submitted without React's reset of the form: a refusal (the confirmation differs, the new password too short)
 * keeps the three fields as typed, beside their errors, instead of emptying all three; a success clears them.
 */
export function ChangePasswordForm() {
  const t = useTranslations('account')
  const [state, action, pending] = useFormAction(changePassword)
  return (
    <form onSubmit={action} className="space-y-3" noValidate>
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
