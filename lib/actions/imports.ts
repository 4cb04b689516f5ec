'use server'

import { redirect } from 'next/navigation'
import { AppError } from '@/lib/errors'
import { cancelImport, createImport, discardCheck, ownImport, startCheck, startCommit } from '@/lib/imports/service'
import type { SheetInfo } from '@/lib/imports/pipeline'
import { ActionError, authAction, isFormData, type ActionState } from '@/lib/safe-action'
import { importCommitSchema, importDiscardSchema, importIdSchema, importMappingSchema, importUploadSchema } from '@/lib/validations/imports'

/** Upload a spreadsheet for a kind; refused files are told why in the file field. Then to the mapping step. */
export async function uploadImport(prev: ActionState | undefined, formData: FormData): Promise<ActionState> {
  // a body that is not a form (e.g. JSON) has no file: authAction refuses it with its message
  const file = isFormData(formData) ? formData.get('file') : null
  let id = ''
  const result = await authAction('imports.use', importUploadSchema, async ({ kind }, user) => {
    // a form sent without a file carries an empty one named "" or "undefined" (React's form data): no file chosen
    if (!(file instanceof File) || (file.size === 0 && (!file.name || file.name === 'undefined'))) {
      throw new ActionError('Pilih berkas .xlsx atau .csv untuk diunggah.', { file: ['Pilih berkas .xlsx atau .csv untuk diunggah.'] })
    }
    if (file.size === 0) throw new ActionError('Berkas ini kosong (0 byte); pilih berkas yang berisi data.', { file: ['Berkas ini kosong (0 byte); pilih berkas yang berisi data.'] })
    try {
      id = await createImport(user, kind, file)
    } catch (e) {
      if (e instanceof AppError && e.code === 'INVALID') throw new ActionError(e.userMessage, { file: [e.userMessage] })
      throw e
    }
  })(prev, formData)
  if (id) redirect(`/impor/${id}`)
  return result
}

/** Confirm the sheet and the column mapping, and start the dry run (a job). */
export const mapImportColumns = authAction('imports.use', importMappingSchema, async (input, user) => {
  const { imp } = await ownImport(user, input.id)
  const sheet = (imp.sheets as SheetInfo[]).find((s) => s.name === input.sheet)
  if (!sheet) throw new ActionError('Pilih lembar kerja yang ada di berkas.', { sheet: ['Pilih lembar kerja yang ada di berkas.'] })
  const mapping = Object.fromEntries(sheet.headings.map((h, i) => [h, (input[`col_${i}`] as string | undefined) || null]))
  await startCheck(user, imp.id, sheet.name, mapping)
  redirect(`/impor/${imp.id}`)
})

/** Write after the dry run: all or nothing, or the valid rows only (a job). */
export const commitImport = authAction('imports.use', importCommitSchema, async ({ id, version, mode }, user) => {
  await startCommit(user, id, version, mode)
  redirect(`/impor/${id}`)
})

/** Stop the running check or import; nothing of it is kept. */
export const cancelImportJob = authAction('imports.use', importIdSchema, async ({ id }, user) => {
  await cancelImport(user, id)
  redirect(`/impor/${id}`)
})

/** Set aside a dry run that will not be imported (nothing is written); the page then offers to map and check again. */
export const discardImportCheck = authAction('imports.use', importDiscardSchema, async ({ id, version }, user) => {
  await discardCheck(user, id, version)
  redirect(`/impor/${id}`)
})
