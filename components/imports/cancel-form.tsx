'use client'

import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { ConfirmSubmit } from '@/components/ui/confirm-submit'
import { FormMessage } from '@/components/ui/form-message'
import { cancelImportJob } from '@/lib/actions/imports'

export function CancelForm({ id }: { id: string }) {
  const t = useTranslations('imports')
  const [state, action] = useActionState(cancelImportJob, undefined)
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      {state && !state.ok && <FormMessage state={state} />}
      <ConfirmSubmit label={t('cancel')} title={t('cancelTitle')} body={t('cancelBody')} variant="danger" />
    </form>
  )
}
