'use client'

import { useTranslations } from 'next-intl'
import { useFormAction } from '@/components/ui/use-form-action'
import { ConfirmSubmit } from '@/components/ui/confirm-submit'
import { revokeApiClient } from '@/lib/actions/api-clients'

/** Revoke one client's token, after a confirmation. */
export function RevokeApiClient({ id, name }: { id: string; name: string }) {
  const t = useTranslations('apiClients')
  const [state, action] = useFormAction(revokeApiClient)
  return (
    <form onSubmit={action}>
      <input type="hidden" name="id" value={id} />
      <ConfirmSubmit label={t('revoke')} title={t('revokeTitle', { name })} body={t('revokeBody')} confirmLabel={t('revoke')} variant="danger" />
      {state && !state.ok && <p role="alert" className="mt-1 text-xs text-red-700">{state.message}</p>}
    </form>
  )
}
