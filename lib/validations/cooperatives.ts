import { z } from 'zod'
import { jakartaYear } from '@/lib/dates'
import { nameField } from '@/lib/parse'
import { checkbox, count, districtCode, fieldsParsed, filterDir, filterPage, filterRegency, filterText, idField, nikField, optionalMoney, optionalPastDate, optionalText, pastDate, regencyCode, versionField, villageCode } from './registers-common'

export const COOPERATIVE_TYPES = ['KONSUMEN', 'PRODUSEN', 'SIMPAN_PINJAM', 'PEMASARAN', 'JASA'] as const
export const COOPERATIVE_FORMS = ['PRIMER', 'SEKUNDER'] as const
export const COOPERATIVE_PATTERNS = ['KONVENSIONAL', 'SYARIAH'] as const
export const HEALTH_OUTCOME_VALUES = ['SEHAT', 'CUKUP_SEHAT', 'DALAM_PENGAWASAN', 'DALAM_PENGAWASAN_KHUSUS'] as const
export const INSPECTION_STATUSES = ['OPEN', 'FOLLOWED_UP', 'CLOSED'] as const

/** One schema for the cooperative form (create and edit) and its server actions. */
export const cooperativeSchema = z.object({
  nik: nikField('Isi NIK koperasi.', 'NIK koperasi harus 16 digit angka.'),
  legalEntityNumber: optionalText(100, 'Nomor badan hukum maksimal 100 karakter.'),
  legalEntityDate: optionalPastDate('Tanggal badan hukum'),
  name: nameField('Nama koperasi', { min: 3, max: 200 }),
  type: z.enum(COOPERATIVE_TYPES, 'Pilih jenis koperasi.'),
  form: z.enum(COOPERATIVE_FORMS, 'Pilih bentuk koperasi.'),
  pattern: z.enum(COOPERATIVE_PATTERNS, 'Pilih pola koperasi.'),
  groupName: optionalText(60, 'Kelompok maksimal 60 karakter.'),
  regencyCode,
  districtCode,
  villageCode,
  address: optionalText(300, 'Alamat maksimal 300 karakter.'),
  membersMale: count('Jumlah anggota laki-laki'),
  membersFemale: count('Jumlah anggota perempuan'),
  managers: count('Jumlah pengurus', 1000),
  employees: count('Jumlah karyawan', 1_000_000),
  active: checkbox,
})
export type CooperativeInput = z.infer<typeof cooperativeSchema>

/**
 * The form's: with the user's answer to the NIK warning (a NIK koperasi beginning with another regency's code of the
 * province, checked in the action), which is not part of the record; an import has no such question.
 */
export const cooperativeFormSchema = cooperativeSchema.extend({ nikElsewhereConfirmed: checkbox })
export type CooperativeFormInput = z.infer<typeof cooperativeFormSchema>

export const cooperativeUpdateSchema = cooperativeFormSchema.extend({ id: idField, version: versionField })
export const cooperativeIdSchema = z.object({ id: idField })
/** A delete: the version the user saw, its condition (lib/transitions.ts), as a restore's */
export const cooperativeDeleteSchema = z.object({ id: idField, version: versionField })
/** A deleted record brought back, as the user saw it (its version). */
export const cooperativeRestoreSchema = z.object({ id: idField, version: versionField })

/** The refusal of a RAT held before its book year ended, with the year typed as its example. */
export const ratTooEarlyMessage = (year: number) => `Tanggal RAT harus sesudah tahun bukunya berakhir: RAT tahun buku ${year} diadakan pada ${year + 1} atau sesudahnya.`

/** A book year's figures (upserted by year). */
export const cooperativeYearSchema = z
  .object({
    cooperativeId: idField,
    year: z.coerce.number({ error: 'Tahun buku tidak valid.' }).int('Tahun buku tidak valid.').min(1960, 'Tahun buku tidak valid.')
      // this year in Jakarta at each check: a `.max(new Date().getFullYear())` was fixed when the module loaded, on
      // the server's UTC clock, so a server started in December refused the new year's book year until restarted
      // (the import worker, which checks book-year files with this schema, too)
      .refine((y) => y <= jakartaYear(), 'Tahun buku tidak boleh di masa depan.'),
    // an amount left empty is "not reported" (null), not Rp0: an officer who knows only a year's assets had recorded
    // "SHU Rp0" for a cooperative that reported none
    ownCapital: optionalMoney('Modal sendiri'),
    externalCapital: optionalMoney('Modal luar'),
    assets: optionalMoney('Aset'),
    businessVolume: optionalMoney('Volume usaha'),
    // a loss is typed with a minus: the same reading and refusals as the other amounts, the minus allowed
    netSurplus: optionalMoney('SHU', { signed: true, unreadable: 'SHU harus angka rupiah (boleh negatif), mis. -2.500.000.' }),
    ratHeld: checkbox,
    ratDate: optionalPastDate('Tanggal RAT'),
    // present when the form edits a recorded year ("Ubah"): the version the user saw; absent for a new year
    version: z.preprocess((v) => (v === '' || v === null ? undefined : v), versionField.optional()),
  })
  // Both checks run as soon as the fields they read are readable, beside the other fields' errors (zod skips an
  // object's checks once any field failed: a future year was said first, and the RAT date's error only on the next try).
  .refine((v) => !v.ratDate || v.ratHeld, { path: ['ratHeld'], message: 'Tandai RAT terlaksana bila tanggal RAT diisi.', when: fieldsParsed('ratDate', 'ratHeld') })
  // a book year's RAT approves its closed accounts, so it is held after the year ends: "RAT 2025" held in March 2025 is
  // the RAT of book year 2024, a mix-up the form and the import would otherwise record under the wrong year. A year
  // refused only for its range (2027, in the future) is still a year to compare with.
  .refine((v) => !v.ratDate || !Number.isInteger(v.year) || v.ratDate.getUTCFullYear() > v.year, {
    path: ['ratDate'],
    // the example is the year typed: a fixed "2025" read, beside a typed 2026 and a date in 2026, as if 2026 were allowed
    error: (issue) => ratTooEarlyMessage((issue.input as { year: number }).year),
    when: (payload) => fieldsParsed('ratDate')(payload) && Number.isInteger((payload.value as { year?: unknown }).year),
  })
export type CooperativeYearInput = z.infer<typeof cooperativeYearSchema>

/** A recorded book year to delete, at the version the user saw. */
export const cooperativeYearKeySchema = z.object({
  cooperativeId: idField,
  year: z.coerce.number({ error: 'Tahun buku tidak valid.' }).int('Tahun buku tidak valid.').min(1900, 'Tahun buku tidak valid.').max(9999, 'Tahun buku tidak valid.'),
  version: versionField,
})

/** An inspection's follow-up (tindak lanjut) and status, at the version the user saw. */
export const inspectionFollowUpSchema = z.object({
  id: idField,
  version: versionField,
  followUp: optionalText(2000, 'Tindak lanjut maksimal 2.000 karakter.'),
  status: z.enum(INSPECTION_STATUSES, 'Pilih status tindak lanjut.'),
})

export const inspectionSchema = z.object({
  cooperativeId: idField,
  inspectedOn: pastDate('Tanggal pemeriksaan'),
  officer: z.string({ error: 'Isi nama pemeriksa.' }).trim().min(3, 'Isi nama pemeriksa (minimal 3 karakter).').max(120, 'Nama pemeriksa maksimal 120 karakter.'),
  findings: z.string({ error: 'Isi temuan pemeriksaan.' }).trim().min(5, 'Isi temuan pemeriksaan (minimal 5 karakter).').max(2000, 'Temuan maksimal 2.000 karakter.'),
  followUp: optionalText(2000, 'Tindak lanjut maksimal 2.000 karakter.'),
  status: z.enum(INSPECTION_STATUSES, 'Pilih status tindak lanjut.'),
})

export const COOPERATIVE_SORTS = ['name', 'nik', 'regencyCode', 'type', 'members', 'healthOutcome', 'createdAt'] as const

export const cooperativeFilterSchema = z.object({
  q: filterText,
  regency: filterRegency,
  type: z.enum(COOPERATIVE_TYPES).optional().catch(undefined),
  status: z.enum(['aktif', 'nonaktif']).optional().catch(undefined),
  /** an outcome, or `BELUM` for cooperatives never assessed */
  health: z.enum([...HEALTH_OUTCOME_VALUES, 'BELUM']).optional().catch(undefined),
  page: filterPage,
  sort: z.enum(COOPERATIVE_SORTS).optional().catch(undefined),
  dir: filterDir,
})
export type CooperativeFilter = z.infer<typeof cooperativeFilterSchema>
