'use client'

import { useState } from 'react'
import { useTranslations } from 'next-intl'
import { useFormAction } from '@/components/ui/use-form-action'
import { Button } from '@/components/ui/button'
import { DateInput } from '@/components/ui/date-input'
import { Field } from '@/components/ui/field'
import { RoleScopeFields } from '@/components/users/role-scope-fields'
import { FormMessage } from '@/components/ui/form-message'
import { CopyButton } from '@/components/ui/copy-button'
import { createApiClient } from '@/lib/actions/api-clients'

type Option = { value: string; label: string }

/** Create an API client; its token is shown once, after saving. */
export function ApiClientForm({ roles, regencies, banks, defaultExpiry }: { roles: Option[]; regencies: Option[]; banks: Option[]; defaultExpiry: string }) {
  const t = useTranslations('apiClients')
  const [state, action, pending] = useFormAction(createApiClient)
  const v = state?.values ?? {}
  const [role, setRole] = useState(v.role ?? '')
  // after a success the form is cleared (useFormAction): the chosen role, kept here, is cleared with it
  const [seen, setSeen] = useState(state)
  if (seen !== state) {
    setSeen(state)
    if (state?.ok) setRole('')
  }
  return (
    <div className="space-y-4">
      {state?.ok && state.data?.token && (
        <div className="space-y-2 rounded-lg border border-emerald-200 bg-emerald-50 p-4" role="status">
          <p className="font-medium text-emerald-900">{state.message}</p>
          <p className="break-all select-all rounded border border-emerald-300 bg-white p-2 font-mono text-sm" data-testid="api-token">{state.data.token}</p>
          <CopyButton text={state.data.token} target="[data-testid='api-token']" />
          <p className="text-xs text-emerald-800">{t('tokenNote')}</p>
        </div>
      )}
      <form onSubmit={action} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5" noValidate>
        <h2 className="text-base font-semibold">{t('new')}</h2>
        {!state?.ok && <FormMessage state={state} />}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t('name')} name="name" errors={state?.errors?.name} hint={t('nameHint')} required>
            {(p) => <input {...p} defaultValue={v.name} maxLength={120} />}
          </Field>
          <Field label={t('owner')} name="owner" errors={state?.errors?.owner} hint={t('ownerHint')} required>
            {(p) => <input {...p} defaultValue={v.owner} maxLength={160} />}
          </Field>
          <RoleScopeFields
            role={role} onRole={setRole} roles={roles} regencies={regencies} banks={banks} values={v} errors={state?.errors}
            labels={{ role: t('role'), chooseRole: t('chooseRole'), regency: t('regency'), chooseRegency: t('chooseRegency'), bank: t('bank'), chooseBank: t('chooseBank') }}
          />
          <Field label={t('expiresOn')} name="expiresOn" errors={state?.errors?.expiresOn} hint={t('expiresHint')} required>
            {(p) => <DateInput {...p} name="expiresOn" defaultValue={v.expiresOn ?? defaultExpiry} />}
          </Field>
        </div>
        <Button type="submit" disabled={pending}>{pending ? t('saving') : t('create')}</Button>
      </form>
    </div>
  )
}
