import { z } from 'zod'
import { parseNumberInput } from '@/lib/parse'
import { HEALTH_ASPECT_KEYS, HEALTH_COMPONENT_KINDS, HEALTH_FIGURES, HEALTH_YEAR_ANSWERS, isHealthFigure, type RatioBand } from '@/lib/registers/health'
import { idField, optionalText, pastDate } from '@/lib/validations/registers-common'

const MAX_COMPONENTS = 60

/** A number 0–100 with up to two decimals (a weight, a bound, a score). */
const percent = (label: string) =>
  z.string(`Isi ${label}.`).trim().transform((t, ctx) => {
    const n = parseNumberInput(t)
    if (n === null || !Number.isFinite(n) || n < 0 || n > 100) {
      ctx.addIssue({ code: 'custom', message: `${label} harus angka 0–100.` })
      return z.NEVER
    }
    return Math.round(n * 100) / 100
  })

/**
 * A ratio's bands as the admin types them: "batas:skor" pairs separated by ";" (e.g. "20:100; 10:75;
 * 5:50; 0:25", decimals with a comma). Bounds strictly descending, so the bands never overlap; scores 0–100.
 */
export function parseRatioBands(text: string): { ok: true; bands: RatioBand[] } | { ok: false; message: string } {
  const parts = text.split(';').map((p) => p.trim()).filter(Boolean)
  if (parts.length === 0) return { ok: false, message: 'Isi batas rasio, misalnya "20:100; 10:75; 5:50; 0:25".' }
  if (parts.length > 10) return { ok: false, message: 'Paling banyak 10 batas.' }
  const bands: RatioBand[] = []
  for (const p of parts) {
    const [a, b, ...rest] = p.split(':')
    const min = parseNumberInput(a ?? '')
    const score = parseNumberInput(b ?? '')
    if (rest.length || min === null || score === null || !Number.isFinite(min) || !Number.isFinite(score)) {
      return { ok: false, message: `"${p.slice(0, 30)}" bukan pasangan batas:skor.` }
    }
    if (Math.abs(min) > 1_000_000) return { ok: false, message: `Batas ${a?.trim()} terlalu besar.` }
    if (score < 0 || score > 100) return { ok: false, message: `Skor ${b?.trim()} harus 0–100.` }
    if (bands.length && !(min < bands[bands.length - 1].min)) {
      return { ok: false, message: 'Batas harus berurutan dari yang terbesar ke yang terkecil, tanpa batas yang sama.' }
    }
    bands.push({ min: Math.round(min * 10_000) / 10_000, score: Math.round(score * 100) / 100 })
  }
  return { ok: true, bands }
}

/**
 * Bands as the admin edits them ("7,5:100; 5:75"), decimals with a comma as the form reads every number; `en` for
 * an English page's table, which writes them "7.5:100; 5:75" as its other figures.
 */
export function ratioBandsText(bands: readonly RatioBand[] | null, locale: 'id' | 'en' = 'id'): string {
  const decimal = (n: number) => (locale === 'en' ? String(n) : String(n).replace('.', ','))
  return (bands ?? []).map((b) => `${decimal(b.min)}:${decimal(b.score)}`).join('; ')
}

const figure = z.enum([...HEALTH_FIGURES, ''], 'Pilih angka tahunan atau "diisi penilai".').transform((v) => (v === '' ? null : v))

const componentSchema = z
  .object({
    code: z.string('Isi kode.').trim().regex(/^[A-Z0-9._-]{1,16}$/, 'Kode 1–16 huruf besar/angka (mis. PM1).'),
    aspect: z.enum(HEALTH_ASPECT_KEYS as [string, ...string[]], 'Pilih aspek.'),
    label: z.string('Isi nama komponen.').trim().min(3, 'Isi nama komponen (minimal 3 karakter).').max(300, 'Nama komponen maksimal 300 karakter.'),
    kind: z.enum(HEALTH_COMPONENT_KINDS as [string, ...string[]], 'Pilih jenis komponen.'),
    // a ratio's prefilling figure, or a yes/no's book-year answer (HEALTH_YEAR_ANSWERS: RAT held)
    numerator: z.enum([...HEALTH_FIGURES, ...HEALTH_YEAR_ANSWERS, ''], 'Pilih angka tahunan atau "diisi penilai".').transform((v) => (v === '' ? null : v)).optional().transform((v) => v ?? null),
    denominator: figure.optional().transform((v) => v ?? null),
    numeratorLabel: optionalText(120, 'Maksimal 120 karakter.'),
    denominatorLabel: optionalText(120, 'Maksimal 120 karakter.'),
    // the English wording (shown when the interface is English; empty: the Indonesian)
    labelEn: optionalText(300, 'Nama komponen maksimal 300 karakter.'),
    numeratorLabelEn: optionalText(120, 'Maksimal 120 karakter.'),
    denominatorLabelEn: optionalText(120, 'Maksimal 120 karakter.'),
    weight: percent('Bobot'),
    // parsed here, beside the other fields, so a wrong band shows together with the other field errors
    bands: z.string().trim().max(300, 'Maksimal 300 karakter.').optional().transform((v, ctx) => {
      if (!v) return null
      const r = parseRatioBands(v)
      if (r.ok) return r.bands
      ctx.addIssue({ code: 'custom', message: r.message })
      return z.NEVER
    }),
    source: z.string('Isi sumber (peraturan, atau "setelan dinas — konfirmasi").').trim().min(3, 'Isi sumber (peraturan, atau "setelan dinas — konfirmasi").').max(300, 'Sumber maksimal 300 karakter.'),
  })
  .transform((c, ctx) => {
    const ratio = c.kind === 'RATIO'
    if (ratio && !c.bands) {
      ctx.addIssue({ code: 'custom', path: ['bands'], message: 'Isi batas rasio, misalnya "20:100; 10:75; 5:50; 0:25".' })
      return z.NEVER
    }
    if (ratio && c.numerator && !isHealthFigure(c.numerator)) {
      ctx.addIssue({ code: 'custom', path: ['numerator'], message: 'Pilih angka tahunan atau "diisi penilai".' })
      return z.NEVER
    }
    const bands: RatioBand[] | null = ratio ? c.bands : null
    // a yes/no keeps only a book-year answer; a scale, and a yes/no sent with a figure, none
    const yearAnswer = c.kind === 'YES_NO' && (HEALTH_YEAR_ANSWERS as readonly string[]).includes(c.numerator ?? '') ? c.numerator : null
    return {
      code: c.code, aspect: c.aspect as (typeof HEALTH_ASPECT_KEYS)[number], label: c.label, kind: c.kind as (typeof HEALTH_COMPONENT_KINDS)[number],
      numerator: ratio ? c.numerator : yearAnswer, denominator: ratio ? c.denominator : null,
      numeratorLabel: ratio ? c.numeratorLabel : null, denominatorLabel: ratio ? c.denominatorLabel : null,
      labelEn: c.labelEn, numeratorLabelEn: ratio ? c.numeratorLabelEn : null, denominatorLabelEn: ratio ? c.denominatorLabelEn : null,
      weight: c.weight, bands, source: c.source,
    }
  })

/**
 * The health template as the settings form sends it: flat fields `components.N.field` (N from 0) turned
 * into a list, so zod's error paths name the very field that is wrong. Weights add up to 100, outcome
 * bounds strictly descending, component codes unique; `version` is the version the admin saw.
 */
export const healthTemplateSchema = z.preprocess(
  (raw) => {
    if (!raw || typeof raw !== 'object') return raw
    const flat = raw as Record<string, unknown>
    const components: Record<string, unknown>[] = []
    for (const [k, v] of Object.entries(flat)) {
      const m = /^components\.(\d{1,3})\.(\w+)$/.exec(k)
      if (!m) continue
      const i = Number(m[1])
      if (i >= MAX_COMPONENTS) continue
      ;(components[i] ??= {})[m[2]] = v
    }
    return { ...flat, components: Array.from(components, (c) => c ?? {}) }
  },
  z
    .object({
      version: z.coerce.number('Versi tidak valid.').int('Versi tidak valid.').min(1, 'Versi tidak valid.'),
      sehat: percent('Batas Sehat'),
      cukupSehat: percent('Batas Cukup Sehat'),
      dalamPengawasan: percent('Batas Dalam Pengawasan'),
      bandsSource: z.string('Isi sumber batas hasil.').trim().min(3, 'Isi sumber batas hasil (peraturan, atau "setelan dinas — konfirmasi").').max(300, 'Sumber maksimal 300 karakter.'),
      components: z.array(componentSchema).min(1, 'Templat perlu setidaknya satu komponen.').max(MAX_COMPONENTS, `Paling banyak ${MAX_COMPONENTS} komponen.`),
    })
    .superRefine((v, ctx) => {
      const sum = Math.round(v.components.reduce((s, c) => s + c.weight * 100, 0)) / 100
      if (sum !== 100) ctx.addIssue({ code: 'custom', path: ['weights'], message: `Jumlah bobot semua komponen harus 100 (sekarang ${String(sum).replace('.', ',')}).` })
      if (!(v.cukupSehat < v.sehat)) ctx.addIssue({ code: 'custom', path: ['cukupSehat'], message: 'Batas Cukup Sehat harus di bawah batas Sehat.' })
      if (!(v.dalamPengawasan < v.cukupSehat)) ctx.addIssue({ code: 'custom', path: ['dalamPengawasan'], message: 'Batas Dalam Pengawasan harus di bawah batas Cukup Sehat.' })
      const seen = new Set<string>()
      v.components.forEach((c, i) => {
        if (seen.has(c.code)) ctx.addIssue({ code: 'custom', path: ['components', i, 'code'], message: 'Kode komponen sudah dipakai di templat ini.' })
        seen.add(c.code)
      })
    }),
)
export type HealthTemplateInput = z.infer<typeof healthTemplateSchema>

/**
 * What the worksheet action's guard checks: only the hidden fields that say which cooperative and which
 * template version, so the action can load the template and check the answers even when the visible
 * fields (date, assessor) are wrong — every error is then reported in one round, not the answers' errors
 * only after the date and assessor pass. The action checks the rest with `healthAssessmentSchema`.
 */
export const healthWorksheetSchema = z
  .object({
    cooperativeId: idField,
    templateVersion: z.coerce.number('Versi templat tidak valid.').int('Versi templat tidak valid.').min(1, 'Versi templat tidak valid.'),
  })
  .catchall(z.string())

/**
 * A worksheet: who assessed when, the template version the worksheet showed, and the answers as
 * `a.<componentId>.numerator|denominator|answer` (checked against that version in the action).
 */
export const healthAssessmentSchema = z
  .object({
    cooperativeId: idField,
    templateVersion: z.coerce.number('Versi templat tidak valid.').int('Versi templat tidak valid.').min(1, 'Versi templat tidak valid.'),
    assessedOn: pastDate('Tanggal penilaian'),
    assessor: z.string({ error: 'Isi nama penilai.' }).trim().min(3, 'Isi nama penilai (minimal 3 karakter).').max(120, 'Nama penilai maksimal 120 karakter.'),
    notes: optionalText(1000, 'Catatan maksimal 1.000 karakter.'),
  })
  .catchall(z.string().max(40, 'Isian terlalu panjang.'))
export type HealthAssessmentInput = z.infer<typeof healthAssessmentSchema>
