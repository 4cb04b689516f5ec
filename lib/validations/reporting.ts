import { z } from 'zod'
import { looksLikeEnglishGrouping, parseNumberInput, REGENCY_CODE } from '@/lib/parse'

/** A figure typed the Indonesian way (lib/parse.ts): empty → null; unreadable → NaN. */
export const parseDecimalInput = parseNumberInput

/** The largest figure a value may hold (Decimal(20,2)): about Rp999 triliun × 1000. */
const MAX_VALUE = 1e17

/** A report value is stored as Decimal(20,2) (report_values.value): a third decimal could only be rounded away. */
const STORED_DECIMALS = 2

export const NOT_A_NUMBER = 'Isi angka, misalnya 43.950 atau 85,30.'
/** For a count (no decimals): a decimal example would invite `85,30`, which NOT_WHOLE then refuses. */
export const NOT_A_WHOLE_NUMBER = 'Isi angka bulat, misalnya 43.950.'
/** The "enter a number" message with an example the field accepts: whole for `decimals` 0, else with decimals. */
export const notANumber = (decimals?: number) => (decimals === 0 ? NOT_A_WHOLE_NUMBER : NOT_A_NUMBER)
export const ENGLISH_GROUPING = 'Tulis ribuan dengan titik (5.120) dan desimal dengan koma (5,12).'
export const NOT_WHOLE = 'Nilai ini harus bilangan bulat, tanpa desimal.'
/** A number, but past what a value holds: said so, not "enter a number" (it is one). */
export const TOO_LARGE = 'Angka ini terlalu besar untuk sebuah nilai laporan.'
const tooManyDecimals = (n: number) => `Paling banyak ${n} angka desimal.`
/** `85,305` for a figure of two decimals: a third decimal, or English grouping; the message answers both readings. */
const tooManyDecimalsOrGrouping = (n: number) => `Paling banyak ${n} angka desimal; ribuan ditulis dengan titik (5.120).`

/** The decimals a value of the indicator may keep: its own, never more than the column stores. */
const allowedDecimals = (decimals: number) => Math.min(Math.max(decimals, 0), STORED_DECIMALS)

/**
 * What is wrong with a value for an indicator of `decimals` decimals, or null: more decimals than the
 * indicator allows (and than the column stores) is refused, never rounded, so `10,5` healthy cooperatives
 * cannot be submitted. Shared by the entry form's server action and the spreadsheet import, which read the
 * text first (valueProblem) and check the figure once they know its indicator.
 */
export function decimalsProblem(value: number | null | undefined, decimals: number): string | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null
  const allowed = allowedDecimals(decimals)
  // the typed decimal and its rounding to `allowed` places read back as the same double exactly when nothing is lost
  if (Number(value.toFixed(allowed)) === value) return null
  return allowed === 0 ? NOT_WHOLE : tooManyDecimals(allowed)
}

/**
 * What is wrong with a typed value, or null: the form shows it as the officer types, the server refuses
 * with it. Without `decimals` (the server's first read, before it knows the indicator) only the text is
 * checked; the action and the import then run decimalsProblem with the indicator's decimals.
 *
 * English thousands grouping (`5,120`) is refused whatever the indicator: read the Indonesian way it is
 * 5,12, and since no value keeps a third decimal (STORED_DECIMALS) a comma before three digits is never a
 * figure an officer means; an English-mode reader seeing `43,950` beside the field types it that way.
 */
export function valueProblem(text: string | null | undefined, decimals?: number): string | null {
  if (looksLikeEnglishGrouping(text)) {
    // an indicator with decimals: `85,305` is as likely a third decimal as English grouping, so say both
    const allowed = decimals === undefined ? 0 : allowedDecimals(decimals)
    return allowed > 0 && /^[^,]*,\d{3}$/.test((text ?? '').trim()) ? tooManyDecimalsOrGrouping(allowed) : ENGLISH_GROUPING
  }
  const n = parseDecimalInput(text)
  if (n !== null && Number.isNaN(n)) return notANumber(decimals)
  if (n !== null && (!Number.isFinite(n) || Math.abs(n) >= MAX_VALUE)) return TOO_LARGE
  return decimals === undefined ? null : decimalsProblem(n, decimals)
}

const CODE = /^[A-Z0-9_]{1,32}$/
const year = z.coerce.number('Tahun tidak valid.').int('Tahun tidak valid.').min(2000, 'Tahun tidak valid.').max(2100, 'Tahun tidak valid.')
const quarter = z.coerce.number('Triwulan tidak valid.').int('Triwulan tidak valid.').min(1, 'Triwulan tidak valid.').max(4, 'Triwulan tidak valid.')
const version = z.coerce.number('Versi tidak valid.').int('Versi tidak valid.').min(0, 'Versi tidak valid.')
const longText = (max: number) => z.string().trim().max(max, `Maksimal ${max} karakter.`).optional().transform((v) => (v ? v : null))

/** Prefixed entries of a flat form (`values.KOP_AKTIF`, `comments.KOP_AKTIF`) as a map by indicator code. */
function prefixed(raw: Record<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(raw)) if (k.startsWith(prefix) && CODE.test(k.slice(prefix.length))) out[k.slice(prefix.length)] = v
  return out
}

/**
 * The report entry form (save a draft, or submit), shared by the form and `saveReport`: one value and
 * one comment per indicator, the narrative, and the version the officer opened (0 for a new report).
 */
export const reportEntrySchema = z
  .object({
    year,
    quarter,
    version,
    intent: z.enum(['save', 'submit'], 'Tindakan tidak dikenal.'),
    obstacles: longText(4000),
    followUps: longText(4000),
  })
  .catchall(z.string().max(2000, 'Maksimal 2000 karakter.'))
  .transform((v, ctx) => {
    const raw = v as unknown as Record<string, string>
    const values: Record<string, number | null> = {}
    for (const [code, text] of Object.entries(prefixed(raw, 'values.'))) {
      const problem = valueProblem(text)
      if (problem) {
        ctx.addIssue({ code: 'custom', path: [`values.${code}`], message: problem })
        continue
      }
      // not rounded: saveReport refuses a value with more decimals than its indicator allows (decimalsProblem)
      values[code] = parseDecimalInput(text)
    }
    const comments: Record<string, string | null> = {}
    for (const [code, text] of Object.entries(prefixed(raw, 'comments.'))) comments[code] = text.trim() ? text.trim().slice(0, 1000) : null
    return { year: v.year, quarter: v.quarter, version: v.version, intent: v.intent, obstacles: v.obstacles, followUps: v.followUps, values, comments }
  })
export type ReportEntryInput = z.infer<typeof reportEntrySchema>

const reportRef = { id: z.string().min(1, 'Laporan tidak dikenal.').max(40), version: version.min(1, 'Versi tidak valid.') }

/** Return a submitted report: an overall reason, and optionally a note per value (`notes.CODE`). */
export const returnReportSchema = z
  .object({ ...reportRef, reason: z.string().trim().min(5, 'Tulis alasan pengembalian (minimal 5 karakter).').max(2000, 'Maksimal 2000 karakter.') })
  .catchall(z.string().max(1000, 'Maksimal 1000 karakter.'))
  .transform((v) => {
    const notes: Record<string, string> = {}
    for (const [code, text] of Object.entries(prefixed(v as unknown as Record<string, string>, 'notes.'))) if (text.trim()) notes[code] = text.trim()
    return { id: v.id, version: v.version, reason: v.reason, notes }
  })

export const approveReportSchema = z.object(reportRef)

export const reopenReportSchema = z.object({
  ...reportRef,
  reason: z.string().trim().min(5, 'Tulis alasan membuka kembali (minimal 5 karakter).').max(2000, 'Maksimal 2000 karakter.'),
})

/** Filters of the reporting pages and exports, from the URL; bad values fall back to defaults. */
export const reportingFilterSchema = z.object({
  tahun: year.optional().catch(undefined),
  triwulan: quarter.optional().catch(undefined),
  indikator: z.string().regex(CODE).optional().catch(undefined),
  kab: z.string().regex(REGENCY_CODE).optional().catch(undefined),
})
export type ReportingFilter = z.infer<typeof reportingFilterSchema>

/** `3`, `III`, `TW III`, `Triwulan 3`, `Q3` → 3; anything else null. */
export function quarterNumber(text: string | undefined): number | null {
  const t = (text ?? '').trim().toUpperCase().replace(/^(TRIWULAN|TW|KUARTAL|QUARTER|Q)\.?\s*/, '')
  const roman: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 }
  if (/^[1-4]$/.test(t)) return Number(t)
  return roman[t] ?? null
}

/**
 * One row of a report-values import (lib/imports/kinds/report-values.ts): regency, year, quarter, indicator
 * code, the value read as the entry form reads it (valueProblem; its decimals are checked against the
 * indicator in the kind's checkInput, decimalsProblem, never rounded) and its comment.
 */
export const reportValueRowSchema = z.object({
  regencyCode: z.string({ error: 'Pilih kabupaten/kota.' }).trim().regex(REGENCY_CODE, 'Pilih kabupaten/kota.'),
  year,
  quarter,
  indicatorCode: z.string({ error: 'Isi kode indikator.' }).trim().regex(CODE, 'Isi kode indikator.'),
  value: z.string().optional().transform((text, ctx) => {
    const problem = valueProblem(text)
    if (problem) {
      ctx.addIssue({ code: 'custom', message: problem })
      return z.NEVER
    }
    return parseDecimalInput(text)
  }),
  comment: z.string().optional().transform((v) => (v?.trim() ? v.trim().slice(0, 1000) : null)),
})
export type ReportValueRowInput = z.infer<typeof reportValueRowSchema>
