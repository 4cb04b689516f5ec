'use client'

import { CopyButton } from '@/components/ui/copy-button'
import { useEffect, useRef, useState } from 'react'
import { useFormAction } from '@/components/ui/use-form-action'
import { useTranslations } from 'next-intl'
import Link from 'next/link'
import { createUser, updateUser } from '@/lib/actions/users'
import { Button, buttonClass } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { RoleScopeFields } from '@/components/users/role-scope-fields'
import { FormMessage } from '@/components/ui/form-message'

type Option = { value: string; label: string }
export type UserFormValues = { id?: string; version?: number; username: string; name: string; email: string; role: string; regencyCode: string; bankId: string }

/** Create or edit a user; the regency and bank fields appear for the roles bound to them. */
export function UserForm({ initial, roles, regencies, banks }: { initial?: UserFormValues; roles: Option[]; regencies: Option[]; banks: Option[] }) {
  const t = useTranslations('users')
  const [state, action, pending] = useFormAction(initial?.id ? updateUser : createUser)
  const v = { ...initial, ...state?.values }
  const [role, setRole] = useState(v.role ?? '')
  const shownOnce = useRef<HTMLDivElement>(null)
  const created = Boolean(state?.ok && state.data?.temporaryPassword)
  // the password replaces a form that may have been scrolled past: bring it into view (and focus) once
  useEffect(() => {
    if (created) shownOnce.current?.focus()
  }, [created])
  if (state?.ok && state.data?.temporaryPassword) {
    return (
      <div ref={shownOnce} tabIndex={-1} className="space-y-4 rounded-lg border border-emerald-200 bg-emerald-50 p-5 focus:outline-none" role="status">
        <p className="font-medium text-emerald-900">{state.message}</p>
        <div>
          <p className="text-sm text-emerald-900">{t('temporaryPassword')}</p>
          <p className="mt-1 select-all font-mono text-lg tracking-wider" data-testid="temporary-password">{state.data.temporaryPassword}</p>
          <div className="mt-1"><CopyButton text={state.data.temporaryPassword} target="[data-testid='temporary-password']" /></div>
          <p className="mt-2 text-xs text-emerald-800">{t('temporaryPasswordNote')}</p>
        </div>
        <Link href="/pengguna" className={buttonClass('secondary')}>{t('backToList')}</Link>
      </div>
    )
  }
  return (
    <form onSubmit={action} className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-5" noValidate>
      {initial?.id && <input type="hidden" name="id" value={initial.id} />}
      {initial?.version && <input type="hidden" name="version" value={initial.version} />}
      <FormMessage state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('username')} name="username" errors={state?.errors?.username} required>
          {(p) => <input {...p} defaultValue={v.username} autoCapitalize="none" spellCheck={false} maxLength={40} />}
        </Field>
        <Field label={t('name')} name="name" errors={state?.errors?.name} required>
          {(p) => <input {...p} defaultValue={v.name} maxLength={120} />}
        </Field>
        <Field label={t('email')} name="email" errors={state?.errors?.email}>
          {(p) => <input {...p} type="email" defaultValue={v.email} maxLength={160} />}
        </Field>
        <RoleScopeFields
          role={role} onRole={setRole} roles={roles} regencies={regencies} banks={banks} values={v} errors={state?.errors}
          labels={{ role: t('role'), chooseRole: t('chooseRole'), regency: t('regency'), chooseRegency: t('chooseRegency'), regencyHint: t('regencyHint'), bank: t('bank'), chooseBank: t('chooseBank'), bankHint: t('bankHint') }}
        />
      </div>
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>{pending ? t('saving') : t('save')}</Button>
        <Link href="/pengguna" className={buttonClass('secondary')}>{t('cancel')}</Link>
      </div>
    </form>
  )
}
