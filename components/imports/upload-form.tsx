'use client'

import { useActionState, useRef, useState } from 'react'
import { useLocale, useTranslations } from 'next-intl'
import { Button } from '@/components/ui/button'
import { Field } from '@/components/ui/field'
import { FormMessage } from '@/components/ui/form-message'
import { uploadImport } from '@/lib/actions/imports'
import { readableFilename } from '@/lib/meetings/files'
import { useFocusFirstError } from '@/components/ui/focus'
import { formatMegabytes } from '@/lib/format'

const MB = 1024 * 1024

/**
 * Choose a file and upload it; a refused file is explained under the field. A file over the import's limit is
 * refused here before it is sent, with the import's own sentence (the server says the same for one that gets
 * through: lib/imports/service.ts createImport); so is a form sent with no file chosen, which the server would
 * receive as an empty file named "undefined" (React's form data) and call empty.
 */
export function UploadForm({ kind, hint, maxBytes }: { kind: string; hint: string; maxBytes: number }) {
  const t = useTranslations('imports')
  const locale = useLocale()
  // the name goes as it will be stored (readableFilename): a NUL byte in it made the browser's multipart body
  // unreadable to the server ("Malformed part header") instead of reaching the upload's own checks
  const [state, action, pending] = useActionState(async (prev: Parameters<typeof uploadImport>[0], formData: FormData) => {
    const file = formData.get('file')
    if (file instanceof File && file.name && readableFilename(file.name) !== file.name) formData.set('file', file, readableFilename(file.name))
    return uploadImport(prev, formData)
  }, undefined)
  const [tooLarge, setTooLarge] = useState<string | null>(null)
  const formRef = useRef<HTMLFormElement>(null)
  useFocusFirstError(formRef, state)
  const check = (file: File | null | undefined, sending = false) => {
    const problem = !file ? (sending ? t('noFile') : null)
      : file.size > maxBytes ? t('fileTooLarge', { size: formatMegabytes(file.size, { locale: locale === 'en' ? 'en' : 'id' }), mb: Math.round(maxBytes / MB) }) : null
    setTooLarge(problem)
    return problem
  }
  const errors = tooLarge ? [tooLarge] : state?.errors?.file
  return (
    <form
      ref={formRef}
      action={action}
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        const input = e.currentTarget.elements.namedItem('file') as HTMLInputElement | null
        // refused here (no file, too large): focus on the field its message is under, as a server refusal does
        if (check(input?.files?.[0], true)) {
          e.preventDefault()
          input?.focus()
        }
      }}
    >
      <input type="hidden" name="kind" value={kind} />
      {/* a refusal of the file is said once, under the field (as on the other forms); the banner only for the rest (signed out, no permission) */}
      {state && !state.ok && !tooLarge && !state.errors?.file && <FormMessage state={state} />}
      <Field label={t('file')} name="file" hint={hint} errors={errors} required>
        {(p) => <input {...p} type="file" onChange={(e) => check(e.currentTarget.files?.[0])} accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:text-sm file:font-medium file:text-brand-700" />}
      </Field>
      <Button type="submit" disabled={pending}>{pending ? t('uploading') : t('upload')}</Button>
      {/* the server reads the whole file before it answers (a file of 100.000 rows: tens of seconds): said while it does, not a bare "uploading" */}
      {pending && <p role="status" className="text-sm text-slate-600">{t('uploadingNote')}</p>}
    </form>
  )
}
