'use client'

import { useLocale, useTranslations } from 'next-intl'
import { announce } from '@/components/ui/announcer'
import { useFormAction } from '@/components/ui/use-form-action'
import { serverText } from '@/lib/i18n/server-text'
import { ConfirmSubmit } from '@/components/ui/confirm-submit'
import { revokeApiClient } from '@/lib/actions/api-clients'

/** Revoke one client's token, after a confirmation. */
export function RevokeApiClient({ id, name }: { id: string; name: string }) {
  const t = useTranslations('apiClients')
  const locale = useLocale() === 'en' ? 'en' : 'id'
  // revoked, the row loses this form (and its message) at once: the frame's announcer says it was done
  const [state, action] = useFormAction(async (prev: Awaited<ReturnType<typeof revokeApiClient>> | undefined, data: FormData) => {
    const result = await revokeApiClient(prev, data)
    if (result?.ok && result.message) announce(serverText(result.message, locale))
    return result
  })
  return (
    <form onSubmit={action}>
      <input type="hidden" name="id" value={id} />
      <ConfirmSubmit label={t('revoke')} title={t('revokeTitle', { name })} body={t('revokeBody')} confirmLabel={t('revoke')} variant="danger" />
      {state && !state.ok && <p role="alert" className="mt-1 whitespace-normal text-xs text-red-700">{state.message}</p>}
    </form>
  )
}
