'use client'

import { useActionState } from 'react'
import { useTranslations } from 'next-intl'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { uploadImport } from '@/lib/actions/imports'

/** Choose a file and upload it; a refused file is explained under the field. */
export function UploadForm({ kind, hint }: { kind: string; hint: string }) {
  const t = useTranslations('imports')
  const [state, action, pending] = useActionState(uploadImport, undefined)
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="kind" value={kind} />
      {state && !state.ok && <FormMessage state={state} />}
      <Field label={t('file')} name="file" hint={hint} errors={state?.errors?.file} required>
        {(p) => <input {...p} type="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:text-sm file:font-medium file:text-brand-700" />}
      </Field>
      <Button type="submit" disabled={pending}>{pending ? t('uploading') : t('upload')}</Button>
    </form>
  )
}
