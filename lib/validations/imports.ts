import { z } from 'zod'
import { filterPage, idField, versionField } from './registers-common'

export const IMPORT_MODES = ['ALL', 'VALID_ONLY'] as const

/** Upload: the kind's slug (`umkm`, `koperasi`); the file travels beside it in the form. */
export const importUploadSchema = z.object({ kind: z.string({ error: 'Pilih jenis data.' }).trim().regex(/^[a-z-]{2,30}$/, 'Pilih jenis data.') })

/** Mapping: the sheet, and `col_<n>` = the field of the n-th heading ('' = ignore the column). */
export const importMappingSchema = z
  .object({ id: idField, sheet: z.string({ error: 'Pilih lembar kerja.' }).min(1, 'Pilih lembar kerja.').max(200) })
  .catchall(z.string().max(60))

/**
 * Commit and discard carry the import's version the user saw with the dry run's verdict: a dry run run again
 * meanwhile (another tab, an admin and the officer) is a new verdict the user has not seen, refused as a conflict.
 */
export const importCommitSchema = z.object({ id: idField, version: versionField, mode: z.enum(IMPORT_MODES, 'Pilih cara menyimpan.') })
export const importDiscardSchema = z.object({ id: idField, version: versionField })
export const importIdSchema = z.object({ id: idField })

/** The import history's page (`?page=`); anything else is the first page. */
export const importHistoryFilterSchema = z.object({ page: filterPage })
