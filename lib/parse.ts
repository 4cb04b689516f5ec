/**
 * The one parser for numbers, money and dates as people type them in Indonesia, shared by forms, server
 * actions, URL filters and spreadsheet imports. Pure (no server imports), so client forms can use it too.
 *
 * Numbers: a comma is the decimal separator; a dot followed by groups of exactly three digits is a
 * thousands separator (`1.234.567`, `43.950`); any other single dot is a decimal point (`0.01`, `1234.5`),
 * as spreadsheets and bank systems write it. `Rp` and spaces are ignored.
 *
 * Money in the credit chain is whole Rupiah, because the subsidy is computed in whole Rupiah (rounded half
 * up once, in lib/credit/subsidy.ts). An amount with a fraction of a Rupiah is refused with a message,
 * never truncated or rounded here: `0.01` is one sen, not Rp1.
 *
 * Dates are calendar dates `YYYY-MM-DD`; an impossible date (`2026-02-31`, `0000-00-00`) is refused rather
 * than rolled over to another day.
 */
import { z } from 'zod'

/** A number as typed without what the parser ignores: spaces (also no-break) and a leading `Rp`/`Rp.` after the sign. */
export function withoutRupiahSign(raw: string | null | undefined): string {
  return (raw ?? '').replace(/[\s\u00a0]/g, '').replace(/^(-?)Rp\.?/i, '$1')
}

/** Canonical decimal text (`'-1234567.5'`) of a number typed the Indonesian way, or null when it is not one. */
export function parseDecimalText(raw: string | number | null | undefined): string | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? String(raw) : null
  // `Rp 10.000.000,-` (a dash for "no sen", as invoices and kwitansi write it) is 10.000.000
  const text = withoutRupiahSign(raw).replace(/^([^,]*\d),-{1,2}$/, '$1')
  const m = /^(-?)(.*)$/.exec(text)!
  const [sign, body] = [m[1], m[2]]
  let normal: string | null = null
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(body) && !/^0\./.test(body)) normal = body.replace(/\./g, '').replace(',', '.')
  else if (/^\d+,\d+$/.test(body)) normal = body.replace(',', '.')
  else if (/^\d+(\.\d+)?$/.test(body)) normal = body
  if (normal === null) return null
  // strip leading zeros of the whole part and trailing zeros of the fraction: one spelling per value
  let [whole, fraction = ''] = normal.split('.')
  whole = whole.replace(/^0+(?=\d)/, '')
  fraction = fraction.replace(/0+$/, '')
  return `${sign && (whole !== '0' || fraction) ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`
}

/** A number typed the Indonesian way: null when empty, NaN when unreadable. */
export function parseNumberInput(raw: string | null | undefined): number | null {
  if ((raw ?? '').trim() === '') return null
  const text = parseDecimalText(raw)
  return text === null ? Number.NaN : Number(text)
}

/**
 * Whether a text is written with English thousands grouping (`5,120`, `12,500`, `1,234,567`, `5,120.50`):
 * one to three digits (not starting with 0), then groups of a comma and exactly three digits. The parser
 * reads `5,120` the Indonesian way, as 5,12; a field for which that is unlikely (a count, a figure with at
 * most two decimals) can refuse it with a message instead of storing a fraction nobody meant.
 */
export function looksLikeEnglishGrouping(raw: string | null | undefined): boolean {
  const text = withoutRupiahSign(raw)
  return /^-?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/.test(text)
}

/** A whole number typed the Indonesian way (`1.250`, `12`): null when empty, NaN when unreadable or not whole (`6,5`, `6.5`). */
export function parseWholeNumber(raw: string | null | undefined): number | null {
  const n = parseNumberInput(raw)
  return n === null ? null : Number.isSafeInteger(n) ? n : Number.NaN
}

/**
 * An Indonesian phone number in its one stored form, national with a leading 0 (`081234567890`,
 * `0341551234`), from the ways people write it: `0812-3456-7890`, `+62 812 3456 7890`, `(0341) 551.234`,
 * `0062…`. Null when it is not one (too short or long, letters, another country's code).
 */
export function normalizePhone(raw: string | null | undefined): string | null {
  const compact = (raw ?? '').replace(/[\s\u00a0.\-()/]/g, '')
  const national = compact.replace(/^(\+62|0062)/, '0')
  return /^0[1-9]\d{7,11}$/.test(national) ? national : null
}

/**
 * A date typed in a form field: the one date parser (parseDateText), day first; and eight digits, `15122026`, as
 * day, month and year, since a phone's digit keypad (the field's `inputmode="numeric"`; iOS has no `/` on it)
 * offers nothing else. Only here: in a spreadsheet eight digits are more often a number than a date.
 */
export function parseDateInput(raw: string | null | undefined): string | null {
  const digits = /^(\d{2})(\d{2})(\d{4})$/.exec((raw ?? '').trim())
  return digits ? iso(Number(digits[3]), Number(digits[2]), Number(digits[1])) : parseDateText(raw)
}

/** `YYYY-MM-DD` as the Indonesian form field shows it: `31/10/2026`. */
export function dateInputText(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '')
  return m ? `${m[3]}/${m[2]}/${m[1]}` : (iso ?? '')
}

/**
 * A clock time typed in a form field, as `HH:mm`: `09.00` (the Indonesian way), `9:30`, `09,30` (a phone's
 * Indonesian decimal keypad), `0930`, `13`.
 * Null when it is not a time of day (`24.00`, `9.75`, letters).
 */
export function parseTimeInput(raw: string | null | undefined): string | null {
  const m = /^(\d{1,2})(?:[.:,](\d{2})|(\d{2}))?$/.exec((raw ?? '').trim())
  if (!m) return null
  const h = Number(m[1])
  const mi = Number(m[2] ?? m[3] ?? '0')
  return h <= 23 && mi <= 59 ? `${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}` : null
}

/** `HH:mm` as the time field shows it: `09.00` in Indonesian, `09:00` in English. */
export const timeInputText = (hhmm: string, locale: 'id' | 'en' = 'id') => (locale === 'id' ? hhmm.replace(':', '.') : hhmm)

/**
 * A `datetime-local` value (`2024-09-18T09:00`) split into what its two fields show: the day as
 * `18/09/2024` and the time as `09.00` (`09:00` in English); anything else (a refused value sent
 * back) split at its last space, so what was typed is shown again as typed (a time has no space).
 */
export function dateTimeInputText(value: string | null | undefined, locale: 'id' | 'en' = 'id'): { day: string; time: string } {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(value ?? '')
  if (m) return { day: dateInputText(m[1]), time: timeInputText(m[2], locale) }
  // DateTimeInput sends a refused pair as `day + ' ' + time`, either possibly empty: split at that space only
  const text = value ?? ''
  const cut = text.lastIndexOf(' ')
  return cut < 0 ? { day: text, time: '' } : { day: text.slice(0, cut), time: text.slice(cut + 1) }
}

/** Why a Rupiah amount was refused; the caller words the message with its field's label. */
export type RupiahProblem = 'EMPTY' | 'NOT_A_NUMBER' | 'FRACTION' | 'NEGATIVE' | 'TOO_LARGE' | 'GROUPING'

/** The largest amount a Decimal(18,2) column holds in whole Rupiah. */
export const MAX_RUPIAH = 9_999_999_999_999_999n

/** Whole Rupiah from typed text or a spreadsheet cell; a fraction of a Rupiah is a problem, not rounded away. */
export function parseRupiah(raw: string | number | null | undefined): { ok: true; value: number } | { ok: false; problem: RupiahProblem } {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return { ok: false, problem: 'EMPTY' }
  if (typeof raw === 'number' && Number.isFinite(raw) && !Number.isSafeInteger(raw)) return { ok: false, problem: Number.isInteger(raw) ? 'TOO_LARGE' : 'FRACTION' }
  // `25,000` is 25 read the Indonesian way, and Rp25,000 the English way: a comma before three digits is never sen, so say how to write it
  if (typeof raw === 'string' && looksLikeEnglishGrouping(raw)) return { ok: false, problem: 'GROUPING' }
  const text = parseDecimalText(raw)
  if (text === null) return { ok: false, problem: 'NOT_A_NUMBER' }
  if (text.includes('.') || text.includes('e')) return { ok: false, problem: 'FRACTION' }
  if (text.startsWith('-')) return { ok: false, problem: 'NEGATIVE' }
  if (BigInt(text) > MAX_RUPIAH || !Number.isSafeInteger(Number(text))) return { ok: false, problem: 'TOO_LARGE' }
  return { ok: true, value: Number(text) }
}

/** The Indonesian message for a refused Rupiah amount of the field `label`. */
export function rupiahMessage(label: string, problem: RupiahProblem): string {
  switch (problem) {
    case 'EMPTY': return `Isi ${label.toLowerCase()}.`
    case 'NOT_A_NUMBER': return `${label} harus angka Rupiah, mis. 1.500.000.`
    case 'FRACTION': return `${label} harus dalam Rupiah bulat, tanpa sen.`
    case 'NEGATIVE': return `${label} tidak boleh negatif.`
    case 'TOO_LARGE': return `${label} terlalu besar.`
    case 'GROUPING': return `${label}: tulis ribuan dengan titik, mis. 25.000 (koma hanya untuk sen).`
  }
}

/** True for a real calendar date `YYYY-MM-DD` (year 0001–9999; a range such as "not in the future" is the field's). */
export function isIsoDate(text: unknown): text is string {
  if (typeof text !== 'string') return false
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (y < 1) return false
  // Date.UTC rolls 2026-02-31 over to 3 March; the round trip catches it
  const back = new Date(Date.UTC(y, mo - 1, d))
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d
}

/** A calendar month `YYYY-MM`. */
export function isIsoMonth(text: unknown): text is string {
  return typeof text === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(text) && isIsoDate(`${text}-01`)
}

// ── zod fields built on the parsers, for forms, actions and URL filters ────────────────────────────

/** Whole Rupiah typed by a person (`1.234.567`, `1234567`, `Rp1.234.567`), refused with a field message otherwise. */
export const rupiahField = (label: string) =>
  z.union([z.string(), z.number()], `${label} harus angka Rupiah.`).transform((v, ctx) => {
    const r = parseRupiah(v)
    if (r.ok) return r.value
    ctx.addIssue({ code: 'custom', message: rupiahMessage(label, r.problem) })
    return z.NEVER
  })

/** A number typed the Indonesian way, with a fraction allowed (rates, percentages, register figures). */
export const decimalField = (label: string) =>
  z.union([z.string(), z.number()], `${label} harus berupa angka.`).transform((v, ctx) => {
    const n = typeof v === 'number' ? v : parseNumberInput(v)
    if (n !== null && Number.isFinite(n)) return n
    ctx.addIssue({ code: 'custom', message: `${label} harus berupa angka.` })
    return z.NEVER
  })

/**
 * A calendar date `YYYY-MM-DD` that exists. The messages name no format: a form's field shows its own
 * (`hh/bb/tttt`, components/ui/date-input.tsx) and the API documents its own (`YYYY-MM-DD`).
 */
export const isoDateField = (label = 'Tanggal') =>
  z.string(`${label} harus diisi.`).trim().superRefine((v, ctx) => {
    if (v === '') ctx.addIssue({ code: 'custom', message: `${label} harus diisi.` })
    else if (!isIsoDate(v)) ctx.addIssue({ code: 'custom', message: `${label} tidak valid; gunakan tanggal yang ada di kalender.` })
  })

/**
 * A calendar date between 2000 and 2100 (a typo such as 0202 is refused, not stored). An empty or impossible
 * date has its one message from isoDateField and the range says nothing more; the form's other fields are
 * still checked in the same round (an aborting issue would hide them).
 */
export const isoDateInRange = (label = 'Tanggal') =>
  isoDateField(label).refine((v) => !isIsoDate(v) || (v >= '2000-01-01' && v <= '2100-12-31'), `${label} harus antara tahun 2000 dan 2100.`)

/** A calendar month `YYYY-MM`. */
export const isoMonthField = (label = 'Bulan') => z.string(`${label} harus diisi.`).trim().refine(isIsoMonth, `${label} tidak valid (YYYY-MM).`)

// ── Text as people (and attackers) type it: one normalisation for every entry point ──────────────────

/** C0 and C1 control characters other than tab, line feed and carriage return (NUL among them). */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/
/** Bidirectional overrides, embeddings and isolates ("Trojan source"): they make text read other than it is. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/
/** Characters that print nothing: zero-width space/joiners, word joiner, BOM, soft hyphen, marks. */
const INVISIBLE = /[\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u180E\u061C]/g

export type TextProblem = 'CONTROL' | 'BIDI'

/** What is wrong with a text for storage anywhere, or null. */
export function textProblem(text: string): TextProblem | null {
  if (CONTROL_CHARS.test(text)) return 'CONTROL'
  if (BIDI_CONTROLS.test(text)) return 'BIDI'
  return null
}

export const TEXT_PROBLEM_MESSAGES: Record<TextProblem, string> = {
  CONTROL: 'Isian memuat karakter kendali yang tidak diizinkan.',
  BIDI: 'Isian memuat karakter pengatur arah teks yang tidak diizinkan.',
}

/**
 * One spelling per text: Unicode NFC (a name typed with a combining accent equals the precomposed one),
 * and a text made only of blanks and invisible characters is empty, so "required" catches it.
 */
export function normaliseText(text: string): string {
  const nfc = text.normalize('NFC')
  return nfc.replace(INVISIBLE, '').trim() === '' ? '' : nfc
}

/**
 * For URL parameters (filters, searches): normalised, with control and bidi characters dropped, since a
 * filter cannot show an error under a field. A NUL byte never reaches PostgreSQL (which refuses it).
 */
export function cleanParam(text: string): string {
  return normaliseText(text.replace(new RegExp(CONTROL_CHARS, 'g'), '').replace(new RegExp(BIDI_CONTROLS, 'g'), '')).trim()
}

/**
 * A search text for SQL LIKE (Prisma's `contains`/`startsWith` do not escape): `%`, `_` and the escape
 * character itself match literally, so `q=%` finds a percent sign, not every row.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&')
}

/**
 * A search box's words, each to be found somewhere in the searched fields, in any order (`walk29 tebu` finds
 * "WALK29 Koperasi Produsen Tebu"; the whole text as one phrase had found nothing): at most 6, each LIKE-escaped.
 */
export function searchWords(q: string): string[] {
  return [...new Set(q.trim().split(/\s+/).filter(Boolean))].slice(0, 6).map(escapeLike)
}

/**
 * How the register searches (cooperative and MSME names, owner names) compare text: capitals, accents and the styles of
 * quotes and dashes do not count, so `"Sumber Rejeki"` typed on a keyboard finds `“Sumber Rejeki”` pasted from a
 * document, and `eka jaya` finds `Éka Jaya`. Character for character, as SQL `translate()` reads it: each of `from`
 * becomes the character at its place in `to`, and those past the end of `to` (the quotes) are dropped. The database
 * folds the stored names with the very same pairs (the IMMUTABLE function `search_fold`, migration
 * 20261229000000_registers_search_folded, into the indexed `*_search` columns); an integration test holds the two equal.
 */
export const SEARCH_FOLD = {
  from: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
    + 'ÀÁÂÃÄÅàáâãäåĀāĂăĄą' + 'ÇçĆćĈĉĊċČč' + 'ÐðĎďĐđ' + 'ÈÉÊËèéêëĒēĔĕĖėĘęĚě' + 'ĜĝĞğĠġĢģ' + 'ĤĥĦħ'
    + 'ÌÍÎÏìíîïĨĩĪīĬĭĮįİı' + 'Ĵĵ' + 'Ķķ' + 'ĹĺĻļĽľĿŀŁł' + 'ÑñŃńŅņŇň' + 'ÒÓÔÕÖØòóôõöøŌōŎŏŐő' + 'ŔŕŖŗŘř'
    + 'ŚśŜŝŞşŠšß' + 'ŢţŤťŦŧ' + 'ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų' + 'Ŵŵ' + 'ÝýÿŸŶŷ' + 'ŹźŻżŽž'
    // dashes, as the hyphen
    + '‐‑‒–—―−'
    // quotes and apostrophes, dropped (no counterpart in `to`)
    + '"“”„‟«»″\'‘’‚‛`´ʼ′',
  to: 'abcdefghijklmnopqrstuvwxyz'
    + 'aaaaaaaaaaaaaaaaaa' + 'cccccccccc' + 'dddddd' + 'eeeeeeeeeeeeeeeeee' + 'gggggggg' + 'hhhh'
    + 'iiiiiiiiiiiiiiiiii' + 'jj' + 'kk' + 'llllllllll' + 'nnnnnnnn' + 'oooooooooooooooooo' + 'rrrrrr'
    + 'sssssssss' + 'tttttt' + 'uuuuuuuuuuuuuuuuuuuu' + 'ww' + 'yyyyyy' + 'zzzzzz'
    + '-------',
} as const

const FOLD = new Map([...SEARCH_FOLD.from].map((c, i) => [c, [...SEARCH_FOLD.to][i] ?? '']))

/** A text as the register searches compare it (SEARCH_FOLD): NFC first, as every stored name is (normaliseText). */
export function foldSearch(text: string): string {
  return [...text.normalize('NFC')].map((c) => FOLD.get(c) ?? c).join('')
}

/**
 * A register search box's words (searchWords) as the `*_search` columns hold them (foldSearch): a word made only of
 * quotes (`"`) is no word.
 */
export function foldedSearchWords(q: string): string[] {
  return searchWords(foldSearch(q))
}

/**
 * A search box's text as a number searched by its digits (a NIK, NIB, account), LIKE-escaped: also when written
 * with spaces, dots or dashes between its digit groups (`3517 0000 0000 0040`, `9351.7000.0044.5`), as the forms and
 * the import read it. Null when it holds anything else (words, or words and a year: `koperasi 2024`).
 */
export function digitsQuery(q: string): string | null {
  const digits = q.trim().replace(/[\s.\-]/g, '')
  return /^\d+$/.test(digits) ? escapeLike(digits) : null
}

/** A regency's Kemendagri code (`35.17`): the one pattern every form, filter, route and page checks it by. */
export const REGENCY_CODE = /^\d{2}\.\d{2}$/
export const isRegencyCode = (text: unknown): text is string => typeof text === 'string' && REGENCY_CODE.test(text)

/**
 * A year in an address (`?tahun=2026`, `/laporan-triwulan/35.17/2026/3`): four digits from 2000 to 2100, else null
 * (`2026.0`, `0x7EA`, ` 2026` and `26` are no year: `Number()` had read the first two as 2026 on some pages).
 */
export function parseYearParam(raw: string | null | undefined): number | null {
  if (typeof raw !== 'string' || !/^\d{4}$/.test(raw)) return null
  const year = Number(raw)
  return year >= 2000 && year <= 2100 ? year : null
}

/**
 * A name (of a person, business, cooperative, programme): NFC, trimmed, and refused when it carries
 * control or bidi characters or is made only of invisible characters.
 */
export const nameField = (label: string, { min = 2, max = 200 }: { min?: number; max?: number } = {}) =>
  z
    .string(`Isi ${label.toLowerCase()}.`)
    .transform((v) => normaliseText(v).trim())
    .superRefine((v, ctx) => {
      const problem = textProblem(v)
      if (problem) ctx.addIssue({ code: 'custom', message: TEXT_PROBLEM_MESSAGES[problem] })
      else if (v.replace(INVISIBLE, '').length < min) ctx.addIssue({ code: 'custom', message: v ? `${label} minimal ${min} karakter.` : `Isi ${label.toLowerCase()}.` })
      else if (v.length > max) ctx.addIssue({ code: 'custom', message: `${label} maksimal ${max} karakter.` })
    })

// ── dates as spreadsheets and people write them ────────────────────────────────────────────────────

const MONTHS: Record<string, number> = {
  jan: 1, januari: 1, january: 1, feb: 2, februari: 2, february: 2, peb: 2, pebruari: 2, mar: 3, maret: 3, march: 3,
  apr: 4, april: 4, mei: 5, may: 5, jun: 6, juni: 6, june: 6, jul: 7, juli: 7, july: 7, agu: 8, agt: 8, agus: 8, agustus: 8,
  aug: 8, august: 8, sep: 9, sept: 9, september: 9, okt: 10, oktober: 10, oct: 10, october: 10, nov: 11, nopember: 11,
  november: 11, des: 12, desember: 12, dec: 12, december: 12,
}

const iso = (y: number, m: number, d: number) => {
  const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
  return isIsoDate(text) ? text : null
}

/**
 * A calendar date `YYYY-MM-DD` from what a spreadsheet cell or a person gives: an ISO date, `dd/mm/yyyy`,
 * `d-m-yyyy`, `18.09.2024`, `18 September 2024`, `18 Sep 2024` (Indonesian and English month names), or an
 * Excel serial day number (1900 system: 45553 is 2024-09-18). Day before month, always: Indonesia writes
 * dates that way. An impossible date (`31/02/2024`) is null, never rolled over.
 */
export function parseDateText(raw: string | number | Date | null | undefined): string | null {
  if (raw === null || raw === undefined) return null
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return null
    return iso(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate())
  }
  if (typeof raw === 'number') return excelSerialDate(raw)
  const text = raw.trim().replace(/\s+/g, ' ')
  if (text === '') return null
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text)
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]))
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text)
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]))
  m = /^(\d{1,2})[ -]([A-Za-z]+)\.?[ -](\d{4})$/.exec(text)
  if (m) {
    const month = MONTHS[m[2].toLowerCase()]
    return month ? iso(Number(m[3]), month, Number(m[1])) : null
  }
  if (/^\d{5}(\.\d+)?$/.test(text)) return excelSerialDate(Number(text))
  return null
}

/** Excel's 1900 date system: day 1 is 1900-01-01 and the phantom 1900-02-29 (day 60) is skipped. */
export function excelSerialDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null
  const day = Math.floor(serial)
  if (day === 60) return null
  const ms = Date.UTC(1899, 11, 30) + (day < 60 ? day + 1 : day) * 86_400_000
  const d = new Date(ms)
  return iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}
