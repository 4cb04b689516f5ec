'use client'

import { useActionState, useRef } from 'react'
import { useTranslations } from 'next-intl'
import { signInAction } from '@/lib/actions/auth'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { useFocusFirstError } from '@/components/ui/focus'

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('signIn')
  const [state, action, pending] = useActionState(signInAction, undefined)
  const form = useRef<HTMLFormElement>(null)
  useFocusFirstError(form, state)
  return (
    <form ref={form} action={action} className="mt-5 space-y-3" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <FormMessage state={state} />
      <Field label={t('username')} name="username" errors={state?.errors?.username} required>
        {(p) => <input {...p} type="text" autoComplete="username" autoCapitalize="none" spellCheck={false} defaultValue={state?.values?.username} autoFocus />}
      </Field>
      <Field label={t('password')} name="password" errors={state?.errors?.password} required>
        {(p) => <input {...p} type="password" autoComplete="current-password" />}
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t('pending') : t('submit')}
      </Button>
    </form>
  )
}
