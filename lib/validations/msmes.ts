import { z } from 'zod'
import { isKbliCode } from '@/lib/credit/kbli'
import { nameField } from '@/lib/parse'
import { checkbox, count, districtCode, filterDir, filterPage, filterRegency, filterText, idField, money, nibField, nikField, optionalNikField, optionalPastDate, optionalText, phoneField, regencyCode, versionField, villageCode } from './registers-common'

export const SCALE_VALUES = ['MIKRO', 'KECIL', 'MENENGAH', 'BESAR'] as const
export const GENDER_VALUES = ['L', 'P'] as const

/**
 * One schema for the MSME form (create and edit) and its server actions. That the owner NIK's first
 * four digits name a real regency is checked against the regions table in the action.
 */
export const msmeSchema = z.object({
  nib: nibField('Isi NIB.', 'NIB harus 13 digit angka.'),
  businessName: nameField('Nama usaha', { min: 2, max: 200 }),
  ownerName: nameField('Nama pemilik', { min: 2, max: 120 }),
  ownerNik: nikField('Isi NIK pemilik.', 'NIK pemilik harus 16 digit angka.'),
  ownerGender: z.enum(GENDER_VALUES, 'Pilih jenis kelamin pemilik.'),
  kbli: z
    .string({ error: 'Isi kode KBLI.' })
    .trim()
    // an empty field asks to be filled, as every other required field does ("harus 5 digit" read oddly for nothing typed)
    .min(1, { error: 'Isi kode KBLI.', abort: true })
    .regex(/^\d{5}$/, 'KBLI 2020 harus 5 digit angka.')
    // a code of the wrong length has its sentence above; the main-group check speaks only of five digits
    .refine((v) => !/^\d{5}$/.test(v) || isKbliCode(v), 'Kode ini tidak ada dalam KBLI 2020: dua digit pertama harus golongan pokok yang berlaku (mis. 10 industri makanan, 47 perdagangan eceran, 56 makan minum).'),
  regencyCode,
  districtCode,
  villageCode,
  address: optionalText(300, 'Alamat maksimal 300 karakter.'),
  phone: phoneField,
  workers: count('Jumlah tenaga kerja', 1_000_000),
  businessCapital: money('Modal usaha'),
  annualSales: money('Omzet tahunan'),
  recordedScale: z
    .string()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.enum(SCALE_VALUES, 'Pilih skala usaha yang tercatat.').nullable()),
  newRegistration: checkbox,
  iumkNumber: optionalText(60, 'Nomor IUMK maksimal 60 karakter.'),
  iumkDate: optionalPastDate('Tanggal IUMK'),
  cooperativeId: optionalText(40),
  /** the user confirmed an owner NIK registered in another regency than the business (a warning, not a refusal) */
  nikElsewhereConfirmed: checkbox,
})
export type MsmeInput = z.infer<typeof msmeSchema>

/** Editing: the owner NIK is never sent back to the form (it stays masked); empty keeps the stored one. */
export const msmeUpdateSchema = msmeSchema.extend({
  id: idField,
  version: versionField,
  // empty keeps the stored NIK; a NIK pasted with spaces or dots is its 16 digits, as on the create form (nikField)
  ownerNik: optionalNikField('NIK pemilik harus 16 digit angka.'),
})
export const msmeIdSchema = z.object({ id: idField })
/** A delete: the version the user saw, its condition (lib/transitions.ts), as a restore's */
export const msmeDeleteSchema = z.object({ id: idField, version: versionField })
/** A deleted record brought back, as the user saw it (its version). */
export const msmeRestoreSchema = z.object({ id: idField, version: versionField })

export const MSME_SORTS = ['businessName', 'nib', 'regencyCode', 'annualSales', 'businessCapital', 'computedScale', 'createdAt'] as const

export const msmeFilterSchema = z.object({
  q: filterText,
  regency: filterRegency,
  scale: z.enum(SCALE_VALUES).optional().catch(undefined),
  /** `1`: only records whose recorded scale contradicts the computed one */
  mismatch: z.enum(['1']).optional().catch(undefined),
  /** members of one cooperative (the link from a cooperative's page) */
  koperasi: z.string().regex(/^[a-z0-9]{1,40}$/i).optional().catch(undefined),
  page: filterPage,
  sort: z.enum(MSME_SORTS).optional().catch(undefined),
  dir: filterDir,
})
export type MsmeFilter = z.infer<typeof msmeFilterSchema>
