import { z } from 'zod'
import { parseNumberInput } from '@/lib/parse'

/**
 * A validation rule of the quarterly report (Pengaturan › Aturan validasi): one schema shared by the
 * client form and the server action (lib/actions/validation-rules.ts). What needs the catalogue (the
 * indicators exist, a pair has the same unit) is checked by the action.
 */

const RULE_CODE = /^[A-Z][A-Z0-9_]{1,39}$/
/** The largest figure a bound may hold (Decimal(20,2)). */
const MAX_VALUE = 1e17

const version = z.coerce.number('Versi tidak valid.').int('Versi tidak valid.').min(0, 'Versi tidak valid.')
const optionalCode = z.string().trim().max(32).optional().transform((v) => (v ? v : null))

/** An optional number typed the Indonesian way (`1.250`, `-3,5`); empty is null. */
const bound = (label: string) =>
  z.string().trim().max(40, 'Maksimal 40 karakter.').optional().transform((t, ctx) => {
    const n = parseNumberInput(t)
    if (n === null) return null
    if (!Number.isFinite(n) || Math.abs(n) >= MAX_VALUE) {
      ctx.addIssue({ code: 'custom', message: `${label} harus angka, mis. 0 atau 100 atau 12,5.` })
      return z.NEVER
    }
    return Math.round(n * 100) / 100
  })

const message = (label: string) => z.string(`Isi ${label}.`).trim().min(5, 'Pesan minimal 5 karakter.').max(300, 'Maksimal 300 karakter.')

/**
 * A rule: LESS_OR_EQUAL (an indicator may not exceed another), RANGE (a value within min–max, for one
 * indicator or every indicator of the report) or MAX_CHANGE (a change from the previous quarter of at
 * most a percentage). ERROR blocks submission; WARNING needs a comment on the value. `version` is 0 for
 * a new rule. `intent` "preview" shows which existing reports the rule would flag, without saving.
 */
export const validationRuleSchema = z
  .object({
    version,
    intent: z.enum(['preview', 'save']).optional().transform((v) => v ?? 'save'),
    code: z.string('Isi kode aturan.').trim().toUpperCase().regex(RULE_CODE, 'Kode: huruf besar, angka dan garis bawah, 2–40 karakter, diawali huruf (mis. AKTIF_MAKS_TERDAFTAR).'),
    kind: z.enum(['LESS_OR_EQUAL', 'RANGE', 'MAX_CHANGE'], 'Pilih jenis aturan.'),
    severity: z.enum(['ERROR', 'WARNING'], 'Pilih tingkat aturan.'),
    indicatorCode: optionalCode,
    otherIndicatorCode: optionalCode,
    min: bound('Batas bawah'),
    max: bound('Batas atas'),
    thresholdPercent: bound('Batas perubahan'),
    message: message('pesan'),
    messageEn: message('pesan dalam bahasa Inggris'),
    active: z.enum(['on', 'true', 'false', '']).optional().transform((v) => v === 'on' || v === 'true'),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'LESS_OR_EQUAL') {
      if (!v.indicatorCode) ctx.addIssue({ code: 'custom', path: ['indicatorCode'], message: 'Pilih indikator yang dibatasi.' })
      if (!v.otherIndicatorCode) ctx.addIssue({ code: 'custom', path: ['otherIndicatorCode'], message: 'Pilih indikator pembatas.' })
      if (v.indicatorCode && v.indicatorCode === v.otherIndicatorCode) ctx.addIssue({ code: 'custom', path: ['otherIndicatorCode'], message: 'Indikator pembatas harus indikator lain.' })
    }
    if (v.kind === 'RANGE') {
      if (v.min === null && v.max === null) ctx.addIssue({ code: 'custom', path: ['min'], message: 'Isi batas bawah, batas atas, atau keduanya.' })
      if (v.min !== null && v.max !== null && v.min > v.max) ctx.addIssue({ code: 'custom', path: ['max'], message: 'Batas atas tidak boleh di bawah batas bawah.' })
    }
    if (v.kind === 'MAX_CHANGE') {
      if (v.thresholdPercent === null) ctx.addIssue({ code: 'custom', path: ['thresholdPercent'], message: 'Isi batas perubahan dalam persen, mis. 50.' })
      else if (v.thresholdPercent <= 0 || v.thresholdPercent > 1000) ctx.addIssue({ code: 'custom', path: ['thresholdPercent'], message: 'Batas perubahan di atas 0 sampai 1.000 persen.' })
    }
  })
  // only the fields of the chosen kind are kept: a RANGE rule stores no pair, a pair rule no bounds
  .transform((v) => ({
    ...v,
    otherIndicatorCode: v.kind === 'LESS_OR_EQUAL' ? v.otherIndicatorCode : null,
    min: v.kind === 'RANGE' ? v.min : null,
    max: v.kind === 'RANGE' ? v.max : null,
    thresholdPercent: v.kind === 'MAX_CHANGE' ? v.thresholdPercent : null,
  }))
export type ValidationRuleInput = z.infer<typeof validationRuleSchema>

/** Deactivate a rule (it stops applying to the next save or submission) or activate it again. */
export const ruleActiveSchema = z.object({
  code: z.string().trim().min(1, 'Aturan tidak dikenal.').max(40, 'Aturan tidak dikenal.'),
  version: version.min(1, 'Versi tidak valid.'),
  active: z.enum(['true', 'false'], 'Pilih aktif atau nonaktif.').transform((v) => v === 'true'),
})
