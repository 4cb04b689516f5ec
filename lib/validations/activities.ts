/**
 * Pembinaan activities, their beneficiaries, and time-bound programme targets: one schema per form,
 * shared by the client form and the server action. Messages are Indonesian, shown under the field
 * that is wrong. Money goes through lib/parse.ts (`rupiahField`), dates are calendar days.
 */
import { z } from 'zod'
import { isIsoDate, isoDateInRange, nameField, parseRupiah, parseWholeNumber, rupiahMessage } from '@/lib/parse'
import { checkbox, optionalRegencyCode, fieldsParsed, filterDir, filterPage, filterRegency, filterText, idField, optionalNikField, optionalText, versionField } from '@/lib/validations/registers-common'

export const ACTIVITY_KINDS = ['TRAINING', 'CERTIFICATION', 'CAPITAL_ASSISTANCE', 'FINANCING_FACILITATION', 'MENTORING', 'SUPERVISION', 'OTHER'] as const
export const BUDGET_SOURCES = ['APBD_PROVINCE', 'APBD_REGENCY', 'APBN', 'DAK', 'OTHER'] as const
export const BENEFICIARY_TYPES = ['COOPERATIVE', 'MSME', 'PERSON'] as const
export const TARGET_MEASURES = ['INDICATOR', 'HEALTHY_KSP', 'ACTIVITY_BENEFICIARIES'] as const
export type ActivityKind = (typeof ACTIVITY_KINDS)[number]
export type BeneficiaryType = (typeof BENEFICIARY_TYPES)[number]

/** A day between 2000 and 2100 (a typo such as 0202 is refused, not stored). */
const day = (label: string) =>
  isoDateInRange(label)
    .transform((v) => new Date(`${v}T00:00:00Z`))

const optionalDay = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(day(label).optional())
    .transform((v) => v ?? null)


const optionalEnum = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.enum(values, message).nullable())

/** The amount spent, whole Rupiah (`451.803.000`); empty when the activity had no budget of its own. */
const optionalRupiah = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null
      const r = parseRupiah(v)
      if (r.ok) return r.value
      ctx.addIssue({ code: 'custom', message: rupiahMessage(label, r.problem) })
      return z.NEVER
    })

export const activityFields = z.object({
  kind: z.enum(ACTIVITY_KINDS, 'Pilih jenis kegiatan.'),
  title: nameField('Nama kegiatan', { min: 3, max: 200 }),
  startDate: day('Tanggal mulai'),
  endDate: optionalDay('Tanggal selesai'),
  regencyCode: optionalRegencyCode,
  budgetSource: optionalEnum(BUDGET_SOURCES, 'Pilih sumber anggaran.'),
  budgetAmount: optionalRupiah('Nilai anggaran'),
  notes: optionalText(2000, 'Keterangan maksimal 2.000 karakter.'),
})

type ActivityValues = z.infer<typeof activityFields>

/** Each check runs whenever the fields it reads parsed (an end date before the start had come only after a wrong budget was fixed). */
const whenParsed = (...fields: (keyof ActivityValues)[]) => ({ when: fieldsParsed(...fields) })
const withActivityChecks = <S extends z.ZodType<ActivityValues>>(schema: S) =>
  schema
    .superRefine((v, ctx) => {
      if (v.endDate && v.endDate < v.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'Tanggal selesai tidak boleh sebelum tanggal mulai.' })
    }, whenParsed('startDate', 'endDate'))
    .superRefine((v, ctx) => {
      if (v.budgetAmount !== null && !v.budgetSource) ctx.addIssue({ code: 'custom', path: ['budgetSource'], message: 'Pilih sumber anggaran untuk nilai anggaran ini.' })
    }, whenParsed('budgetAmount', 'budgetSource'))

export const createActivitySchema = withActivityChecks(activityFields)
export const updateActivitySchema = withActivityChecks(activityFields.extend({ id: idField, version: versionField }))
export const deleteActivitySchema = z.object({ id: idField, version: versionField })

/**
 * A beneficiary: a cooperative (by its NIK koperasi) or an MSME (by its NIB) of the registers, or a person
 * named with a role and, for a certification, the certificate number; a person may be tied to a
 * cooperative (the KSP a manager works for) by its NIK koperasi. Numbers are what officers have on the
 * attendance list, and they stay a lookup at 30,000 cooperatives and 300,000 MSMEs.
 */
export const beneficiarySchema = z
  .object({
    activityId: idField,
    type: z.enum(BENEFICIARY_TYPES, 'Pilih jenis penerima.'),
    cooperativeNik: optionalNikField('NIK koperasi harus 16 digit angka.'),
    msmeNib: z.string().trim().optional().transform((v) => (v ? v.replace(/[\s.-]/g, '') : null)).pipe(z.string().regex(/^\d{13}$/, 'NIB harus 13 digit angka.').nullable()),
    personName: z.string().optional().transform((v) => (v?.trim() ? v : undefined)).pipe(nameField('Nama penerima', { min: 2, max: 150 }).optional()).transform((v) => v ?? null),
    personRole: optionalText(100, 'Peran maksimal 100 karakter.'),
    certificateNumber: optionalText(100, 'Nomor sertifikat maksimal 100 karakter.'),
  })
  .superRefine((v, ctx) => {
    if (v.type === 'COOPERATIVE' && !v.cooperativeNik) ctx.addIssue({ code: 'custom', path: ['cooperativeNik'], message: 'Isi NIK koperasi penerima.' })
    if (v.type === 'MSME' && !v.msmeNib) ctx.addIssue({ code: 'custom', path: ['msmeNib'], message: 'Isi NIB UMKM penerima.' })
    if (v.type === 'PERSON' && !v.personName) ctx.addIssue({ code: 'custom', path: ['personName'], message: 'Isi nama penerima.' })
  })

export const removeBeneficiarySchema = z.object({ id: idField })

/** A whole positive target (`10`, `3.693`); counts are never fractions. */
const targetValue = z
  .string({ error: 'Isi nilai target.' })
  .trim()
  .transform((v, ctx) => {
    const n = parseWholeNumber(v)
    if (n === null || Number.isNaN(n) || n <= 0) {
      ctx.addIssue({ code: 'custom', message: 'Nilai target harus bilangan bulat lebih dari 0.' })
      return z.NEVER
    }
    return n
  })
  .pipe(z.number().max(1_000_000_000_000, 'Nilai target terlalu besar.'))

export const programmeTargetFields = z.object({
  name: nameField('Nama target', { min: 3, max: 200 }),
  measure: z.enum(TARGET_MEASURES, 'Pilih ukuran capaian.'),
  indicatorCode: z.string().trim().max(32, 'Indikator tidak dikenal.').optional().transform((v) => (v ? v : null)),
  activityKind: optionalEnum(ACTIVITY_KINDS, 'Pilih jenis kegiatan.'),
  beneficiaryType: optionalEnum(BENEFICIARY_TYPES, 'Pilih jenis penerima.'),
  targetValue,
  startDate: day('Tanggal mulai'),
  deadline: day('Tenggat'),
  regencyCode: optionalRegencyCode,
  workingDays: checkbox,
  notes: optionalText(2000, 'Keterangan maksimal 2.000 karakter.'),
})

const targetChecks = (v: z.infer<typeof programmeTargetFields>, ctx: z.RefinementCtx) => {
  if (v.deadline < v.startDate) ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'Tenggat tidak boleh sebelum tanggal mulai.' })
  if (v.measure === 'INDICATOR' && !v.indicatorCode) ctx.addIssue({ code: 'custom', path: ['indicatorCode'], message: 'Pilih indikator.' })
  if (v.measure === 'ACTIVITY_BENEFICIARIES') {
    if (!v.activityKind) ctx.addIssue({ code: 'custom', path: ['activityKind'], message: 'Pilih jenis kegiatan.' })
    if (!v.beneficiaryType) ctx.addIssue({ code: 'custom', path: ['beneficiaryType'], message: 'Pilih jenis penerima.' })
  }
}

/** The measure's own fields only: a KSP-sehat target keeps no indicator nor activity kind. */
export function measureFields(v: Pick<z.infer<typeof programmeTargetFields>, 'measure' | 'indicatorCode' | 'activityKind' | 'beneficiaryType'>) {
  return {
    indicatorCode: v.measure === 'INDICATOR' ? v.indicatorCode : null,
    activityKind: v.measure === 'ACTIVITY_BENEFICIARIES' ? v.activityKind : null,
    beneficiaryType: v.measure === 'ACTIVITY_BENEFICIARIES' ? v.beneficiaryType : null,
  }
}

export const createProgrammeTargetSchema = programmeTargetFields.superRefine(targetChecks)
export const updateProgrammeTargetSchema = programmeTargetFields.extend({ id: idField, version: versionField }).superRefine(targetChecks)
export const deleteProgrammeTargetSchema = z.object({ id: idField, version: versionField })

/** The list's sortable columns: the newest start first unless the user sorts. */
export const ACTIVITY_SORTS = ['title', 'kind', 'startDate', 'budgetAmount'] as const

/** The activities list's filters, from the URL: a bad value means "no filter", never an error page. */
export const activityFilterSchema = z.object({
  q: filterText,
  regency: filterRegency,
  kind: z.enum(ACTIVITY_KINDS).optional().catch(undefined),
  source: z.enum(BUDGET_SOURCES).optional().catch(undefined),
  from: z.string().refine(isIsoDate).optional().catch(undefined),
  to: z.string().refine(isIsoDate).optional().catch(undefined),
  sort: z.enum(ACTIVITY_SORTS).optional().catch(undefined),
  dir: filterDir,
  page: filterPage,
})
export type ActivityFilter = z.infer<typeof activityFilterSchema>
