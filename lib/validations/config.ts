import { z } from 'zod'
import { isIsoDate, isoDateField, parseNumberInput, REGENCY_CODE } from '@/lib/parse'
import { decimalsProblem, NOT_A_NUMBER, NOT_A_WHOLE_NUMBER, valueProblem } from '@/lib/validations/reporting'
import { optionalText } from '@/lib/validations/registers-common'
import { ACTIVITY_KINDS, BENEFICIARY_TYPES, type ActivityKind, type BeneficiaryType } from '@/lib/validations/activities'
import { STATUS_THRESHOLDS } from '@/lib/dashboard/status'

/**
 * The admin's configuration screens (indicators, targets, deadlines, dashboard thresholds): one schema
 * per form, shared by the client form and the server action (lib/actions/config.ts).
 */

const CODE = /^[A-Z][A-Z0-9_]{1,31}$/

const version = z.coerce.number('Versi tidak valid.').int('Versi tidak valid.').min(0, 'Versi tidak valid.')
const year = z.coerce.number('Tahun tidak valid.').int('Tahun tidak valid.').min(2000, 'Tahun tidak valid.').max(2100, 'Tahun tidak valid.')
const optionalCode = z.string().trim().max(32).optional().transform((v) => (v ? v : null))
const optionalDate = (label: string) =>
  z.string().trim().optional().transform((v) => (v ? v : null)).refine((v) => v === null || isIsoDate(v), `${label} tidak valid; gunakan tanggal yang ada di kalender.`)

/** `KIND:TYPE` (an activity kind and a beneficiary type, e.g. `CERTIFICATION:PERSON`) or empty: not counted from activities. */
export const activityMeasureValue = (m: { activityKind: string; beneficiaryType: string } | null | undefined) => (m ? `${m.activityKind}:${m.beneficiaryType}` : '')

const activityMeasureField = z
  .string()
  .trim()
  .max(64)
  .optional()
  .transform((v, ctx): { activityKind: ActivityKind; beneficiaryType: BeneficiaryType } | null => {
    if (!v) return null
    const [kind, type] = v.split(':')
    if ((ACTIVITY_KINDS as readonly string[]).includes(kind) && (BENEFICIARY_TYPES as readonly string[]).includes(type)) return { activityKind: kind as ActivityKind, beneficiaryType: type as BeneficiaryType }
    ctx.addIssue({ code: 'custom', message: 'Pilih jenis kegiatan dan jenis penerima yang ada.' })
    return z.NEVER
  })

/**
 * An indicator of the catalogue: code, names id/en, unit, how regencies roll up (SUM, RATIO of two
 * indicators of the same form, or a PROVINCE-level figure), how quarters add up, its form, and the days
 * it is asked for, and the activity measure it is counted from (a count of one activity kind's
 * beneficiaries of one type), if any. `version` is 0 for a new indicator.
 */
export const indicatorSchema = z
  .object({
    version,
    code: z.string('Isi kode indikator.').trim().toUpperCase().regex(CODE, 'Kode: huruf besar, angka dan garis bawah, 2–32 karakter, diawali huruf (mis. KSP_SEHAT).'),
    name: z.string('Isi nama indikator.').trim().min(3, 'Nama minimal 3 karakter.').max(200, 'Maksimal 200 karakter.'),
    nameEn: z.string('Isi nama dalam bahasa Inggris.').trim().min(3, 'Nama minimal 3 karakter.').max(200, 'Maksimal 200 karakter.'),
    definition: optionalText(1000),
    definitionEn: optionalText(1000),
    source: optionalText(200),
    sourceEn: optionalText(200),
    formCode: z.string('Pilih formulir.').trim().min(1, 'Pilih formulir.').max(32),
    unit: z.enum(['COUNT', 'PERCENT', 'RUPIAH'], 'Pilih satuan.'),
    aggregation: z.enum(['SUM', 'RATIO', 'PROVINCE'], 'Pilih cara agregasi.'),
    timeAggregation: z.enum(['FLOW', 'STOCK'], 'Pilih cara penjumlahan antar-triwulan.'),
    numeratorCode: optionalCode,
    denominatorCode: optionalCode,
    decimals: z.coerce.number('Isi jumlah desimal.').int('Desimal harus bilangan bulat.').min(0, 'Desimal 0–4.').max(4, 'Desimal 0–4.'),
    sortOrder: z.coerce.number('Urutan harus angka.').int('Urutan harus bilangan bulat.').min(0, 'Urutan 0–999.').max(999, 'Urutan 0–999.'),
    activeFrom: optionalDate('Berlaku mulai'),
    activeTo: optionalDate('Berlaku sampai'),
    active: z.enum(['on', 'true', 'false', '']).optional().transform((v) => v === 'on' || v === 'true'),
    activityMeasure: activityMeasureField,
  })
  .superRefine((v, ctx) => {
    if (v.activityMeasure && (v.unit !== 'COUNT' || v.aggregation !== 'SUM')) {
      ctx.addIssue({ code: 'custom', path: ['activityMeasure'], message: 'Hanya indikator jumlah (satuan jumlah, agregasi SUM) yang dapat dihitung dari kegiatan.' })
    }
    if (v.aggregation === 'RATIO') {
      if (!v.numeratorCode) ctx.addIssue({ code: 'custom', path: ['numeratorCode'], message: 'Indikator rasio membutuhkan pembilang.' })
      if (!v.denominatorCode) ctx.addIssue({ code: 'custom', path: ['denominatorCode'], message: 'Indikator rasio membutuhkan penyebut.' })
      if (v.numeratorCode && v.numeratorCode === v.denominatorCode) ctx.addIssue({ code: 'custom', path: ['denominatorCode'], message: 'Penyebut harus indikator lain dari pembilang.' })
      if (v.unit !== 'PERCENT') ctx.addIssue({ code: 'custom', path: ['unit'], message: 'Indikator rasio dinyatakan dalam persen.' })
    }
    if (v.activeFrom && v.activeTo && v.activeTo < v.activeFrom) ctx.addIssue({ code: 'custom', path: ['activeTo'], message: 'Tanggal akhir tidak boleh sebelum tanggal mulai.' })
  })
  .transform((v) => (v.aggregation === 'RATIO' ? v : { ...v, numeratorCode: null, denominatorCode: null }))
export type IndicatorInput = z.infer<typeof indicatorSchema>

export const deleteIndicatorSchema = z.object({ code: z.string().trim().min(1).max(32), version: version.min(1, 'Versi tidak valid.') })

/** A grid cell's field name: `t.<regency code or PROV>.<quarter 0–4>`. */
export const targetCellName = (regencyCode: string | null, quarter: number) => `t.${regencyCode ?? 'PROV'}.${quarter}`
const CELL = /^t\.(\d{2}\.\d{2}|PROV)\.([0-4])$/

export type TargetCell = { regencyCode: string | null; quarter: number; value: number }

const NEGATIVE_TARGET = 'Isi angka tidak negatif, mis. 43.950 atau 85,30.'
/** For a count's target: a decimal example would invite a value NOT_WHOLE refuses. */
const NEGATIVE_WHOLE_TARGET = 'Isi angka bulat tidak negatif, mis. 43.950.'
/** A target is stored as Decimal(20,2): a third decimal is refused, never rounded away. */
const TARGET_DECIMALS = 2

/**
 * What is wrong with one typed target, or null: the report form's own refusals and messages for a value
 * (lib/validations/reporting.ts valueProblem: English grouping such as `1,234`, not a number, too large),
 * a negative target, and more decimals than `decimals` (the indicator's, once known; else the column's).
 * Nothing is rounded: `12,5` for a count is a slip to correct, not 13.
 */
export function targetCellProblem(text: string, decimals?: number, { wholeExample = decimals === 0 } = {}): string | null {
  // without the indicator, the report action's first read of the text (valueProblem without decimals)
  const problem = valueProblem(text, decimals === undefined ? undefined : Math.min(decimals, TARGET_DECIMALS))
  // `wholeExample`: the messages' example a whole number (a count's grid), whatever decimals the check used
  if (problem === NOT_A_NUMBER && wholeExample) return NOT_A_WHOLE_NUMBER
  if (problem) return problem
  const n = parseNumberInput(text)
  if (n !== null && n < 0) return wholeExample ? NEGATIVE_WHOLE_TARGET : NEGATIVE_TARGET
  return decimals === undefined ? decimalsProblem(n, TARGET_DECIMALS) : null
}

/**
 * The grid's cells refused for the indicator's decimals (a count's target must be whole, as its reported
 * value must: decimalsProblem), by field name; empty when every cell fits. The schema cannot know the
 * indicator, so the action runs this once it has read it, and saves nothing when any cell is refused.
 */
export function targetDecimalsErrors(cells: readonly TargetCell[], decimals: number): Record<string, string[]> {
  return Object.fromEntries(cells.flatMap((c) => {
    const problem = decimalsProblem(c.value, Math.min(decimals, TARGET_DECIMALS))
    return problem ? [[targetCellName(c.regencyCode, c.quarter), [problem]]] : []
  }))
}

/**
 * The readable cells of a submitted grid (`t.<regency>.<quarter>` fields; an empty cell has no target), each
 * unreadable one told to `refused`. The schema refuses the grid on any; the action's check of what it can still
 * judge (lib/actions/config.ts, `alsoWhenInvalid`) reads the rest with the same rules.
 */
export function readTargetCells(raw: Record<string, unknown>, refused: (key: string, message: string) => void = () => {}): TargetCell[] {
  const cells: TargetCell[] = []
  // the grid of a count says so (`wholeNumbers`): only the messages' example follows it; the indicator's own decimals
  // are checked by the action once it has read the indicator (targetDecimalsErrors), never from this hint
  const wholeExample = raw.wholeNumbers === '1'
  for (const [key, text] of Object.entries(raw)) {
    const m = CELL.exec(key)
    if (!m || typeof text !== 'string') continue
    const problem = targetCellProblem(text, undefined, { wholeExample })
    if (problem) {
      refused(key, problem)
      continue
    }
    const n = parseNumberInput(text)
    if (n !== null) cells.push({ regencyCode: m[1] === 'PROV' ? null : m[1], quarter: Number(m[2]), value: n })
  }
  return cells
}

/**
 * A whole target grid for one indicator and year: a value per regency (or the province's own row) and
 * period (0 = the year, 1–4 the quarters); an empty cell has no target. `acceptDifference` saves even
 * when the regencies' year targets do not add up to the province's (the province total check).
 */
export const targetGridSchema = z
  .object({
    indicatorCode: z.string('Pilih indikator.').trim().min(1, 'Pilih indikator.').max(32),
    year,
    version,
    acceptDifference: z.enum(['on', 'true', 'false', '']).optional().transform((v) => v === 'on' || v === 'true'),
    wholeNumbers: z.enum(['1', '']).optional(),
  })
  .catchall(z.string().max(40, 'Maksimal 40 karakter.'))
  .transform((v, ctx) => {
    // each refused cell with its own message; any refusal fails the whole grid, so nothing is saved
    const cells = readTargetCells(v as unknown as Record<string, unknown>, (key, message) => ctx.addIssue({ code: 'custom', path: [key], message }))
    return { indicatorCode: v.indicatorCode, year: v.year, version: v.version, acceptDifference: v.acceptDifference, cells }
  })
export type TargetGridInput = z.infer<typeof targetGridSchema>

/** A target's period as a spreadsheet writes it: empty, `0`, `Tahun`, `Setahun` → 0 (the year); `3`, `III`, `TW III`, `Triwulan 3` → 3; else null. */
export function targetPeriod(text: string | undefined): number | null {
  const t = (text ?? '').trim().toUpperCase()
  if (!t || t === '0' || /^(SE)?TAHUN(AN)?$/.test(t)) return 0
  const q = t.replace(/^(TRIWULAN|TW|KUARTAL|QUARTER|Q)\.?\s*/, '')
  if (/^[1-4]$/.test(q)) return Number(q)
  return ({ I: 1, II: 2, III: 3, IV: 4 } as Record<string, number>)[q] ?? null
}

/** One cell of a target grid as a spreadsheet row (lib/imports/kinds/targets.ts): the grid's own rules for a cell. */
export const targetRowSchema = z.object({
  indicatorCode: z.string('Pilih indikator.').trim().min(1, 'Pilih indikator.').max(32),
  year,
  quarter: z.string().optional().transform((t, ctx) => {
    const q = targetPeriod(t)
    if (q === null) {
      ctx.addIssue({ code: 'custom', message: 'Periode: kosong atau Tahun untuk target setahun, 1–4 (I–IV) untuk triwulan.' })
      return z.NEVER
    }
    return q
  }),
  regencyCode: z.string().trim().optional().transform((v) => v || null).pipe(z.string().regex(REGENCY_CODE, 'Pilih kabupaten/kota.').nullable()),
  value: z.string('Isi nilai target.').transform((text, ctx) => {
    // the grid's own refusals (targetCellProblem); an empty value is no target at all
    const problem = targetCellProblem(text)
    const n = parseNumberInput(text)
    if (problem || n === null) {
      ctx.addIssue({ code: 'custom', message: problem ?? NEGATIVE_TARGET })
      return z.NEVER
    }
    return n
  }),
})
export type TargetRowInput = z.infer<typeof targetRowSchema>

/** A quarter's reporting deadline; `version` 0 when the quarter still uses the default (15 days after its end). */
export const deadlineSchema = z.object({
  year,
  quarter: z.coerce.number('Triwulan tidak valid.').int().min(1, 'Triwulan tidak valid.').max(4, 'Triwulan tidak valid.'),
  version,
  deadline: isoDateField('Batas waktu'),
})
export type DeadlineInput = z.infer<typeof deadlineSchema>

/**
 * The first quarter reports are required for (lib/reporting/start.ts): `2026-4` for Triwulan IV 2026, or empty
 * for every period.
 */
export const reportingStartSchema = z.object({
  version,
  start: z
    .string('Pilih triwulan awal pelaporan.')
    .trim()
    .transform((v, ctx) => {
      if (v === '') return null
      const m = /^(\d{4})-([1-4])$/.exec(v)
      if (!m || Number(m[1]) < 2000 || Number(m[1]) > 2100) {
        ctx.addIssue({ code: 'custom', message: 'Pilih triwulan awal pelaporan dari daftar.' })
        return z.NEVER
      }
      return { year: Number(m[1]), quarter: Number(m[2]) }
    }),
})
export type ReportingStartInput = z.infer<typeof reportingStartSchema>

/** `example`: the limit's default, a value accepted with the other at its own default (a watch limit of 95, the example
 * both had named, is refused against the on-track default of 95: it must be lower) */
const percent = (label: string, example: number) =>
  z.string(`Isi ${label}.`).trim().transform((t, ctx) => {
    const n = parseNumberInput(t)
    if (n === null || !Number.isFinite(n) || n <= 0 || n > 200) {
      ctx.addIssue({ code: 'custom', message: `${label} harus angka persen di atas 0 sampai 200, mis. ${example}.` })
      return z.NEVER
    }
    return Math.round(n * 100) / 100
  })

/** The dashboard's traffic light: at or above `onTrack` % of pace is on track, at or above `watch` % is watch. */
export const thresholdsSchema = z
  .object({ version, onTrack: percent('Batas "sesuai target"', STATUS_THRESHOLDS.onTrack), watch: percent('Batas "perlu perhatian"', STATUS_THRESHOLDS.watch) })
  .refine((v) => v.watch < v.onTrack, { path: ['watch'], message: 'Batas "perlu perhatian" harus lebih rendah dari batas "sesuai target".' })
export type ThresholdsInput = z.infer<typeof thresholdsSchema>

