/**
 * Field rules shared by the cooperative and MSME schemas: Indonesian number and date input, region
 * codes, optional text. Messages are Indonesian; they are shown under the field that is wrong.
 */
import { z } from 'zod'
import { isIsoDate, looksLikeEnglishGrouping, normalizePhone, parseDecimalText, parseWholeNumber, rupiahMessage, withoutRupiahSign, REGENCY_CODE } from '@/lib/parse'

/**
 * For a cross-field check's `when`: none of these fields has an issue of its own. Zod skips an object's checks once
 * any field failed, so a rule between two fields was said only on the next submit after another field was fixed;
 * run whenever the fields it reads parsed, every error shows in one round, and none is invented from a field that
 * did not parse.
 */
export const fieldsParsed = (...fields: PropertyKey[]) => (payload: { issues: { path?: PropertyKey[] }[] }) =>
  !payload.issues.some((i) => fields.includes(i.path?.[0] ?? ''))

/** Empty text becomes null (optional columns), otherwise trimmed and length-checked. */
export const optionalText = (max: number, message = `Maksimal ${max} karakter.`) =>
  z.string().trim().max(max, message).optional().transform((v) => (v ? v : null))

/** The count's refusal of English thousands (`25,000`), the same sentence as money's without its sen. */
export const countGroupingMessage = (label: string) => `${label}: tulis ribuan dengan titik, mis. 25.000.`

/** The refusal of an empty count: zero is a figure someone states, not what a cleared field means. */
export const countRequiredMessage = (label: string) => `${label} wajib diisi; tulis 0 bila tidak ada.`

/**
 * A whole count (members, workers): digits only, 0 … max. Empty is refused: a cleared field had been saved as 0
 * without a word (a cooperative's 300 female members became 0). The forms start new records at 0 and an
 * import's new records take 0 for an empty cell (its kinds' `defaults`), so only a field emptied is refused.
 */
export const count = (label: string, max = 10_000_000) =>
  z
    .string()
    .trim()
    .optional()
    // the one number parser: `1.250` is a thousand two hundred and fifty, `6,5` and `6.5` are not a count
    .transform((v, ctx) => {
      // `25,000` would be read as 25 (a decimal comma, then refused as not whole or cut): refused as money() does
      if (looksLikeEnglishGrouping(v)) {
        ctx.addIssue({ code: 'custom', message: countGroupingMessage(label) })
        return z.NEVER
      }
      const n = parseWholeNumber(v)
      if (n === null) {
        ctx.addIssue({ code: 'custom', message: countRequiredMessage(label) })
        return z.NEVER
      }
      // a count is no amount: `Rp 5` members or workers is a slip of the field, refused, not 5 (the parser reads Rp
      // away, as money needs)
      if (Number.isNaN(n) || n < 0 || /^\s*-?\s*Rp/i.test(v ?? '')) {
        ctx.addIssue({ code: 'custom', message: `${label} harus bilangan bulat 0 atau lebih.` })
        return z.NEVER
      }
      return n
    })
    .pipe(z.number().max(max, `${label} terlalu besar.`))

/** An optional Indonesian phone number, stored in one form (lib/parse.ts normalizePhone). */
export const phoneField = z
  .string()
  .trim()
  .max(30, 'Nomor telepon terlalu panjang.')
  .optional()
  .transform((v, ctx) => {
    if (!v) return null
    const phone = normalizePhone(v)
    if (!phone) {
      ctx.addIssue({ code: 'custom', message: 'Nomor telepon tidak valid: tulis mis. 0812-3456-7890, +62 812 3456 7890 atau (0341) 551234.' })
      return z.NEVER
    }
    return phone
  })

const MAX_MONEY = BigInt('9999999999999999') // Decimal(18,2): 16 digits before the point

/**
 * `12.50`, `1.5`: one to three digits, a dot, one or two digits. The one parser reads it as a decimal point (a
 * bank's or a spreadsheet's `1500000.50` stays 1.500.000,50, lib/parse.ts), but typed in a register's amount it is
 * far more often thousands missing a digit (`12.500`, `1.500`): a cooperative's assets saved as Rp12,50 without a
 * word. Refused here, naming both readings; the sen are typed with a comma. A dot before three digits is grouping,
 * and a whole part of four or more digits (`1500000.50`) is no typo of grouping, so both stay as they are. A number
 * cell of a spreadsheet never arrives so (lib/imports/fields.ts writes it with a comma).
 */
const AMBIGUOUS_DOT = /^-?[1-9]\d{0,2}\.\d{1,2}$/
export const ambiguousMoneyMessage = (label: string, typed: string) => {
  const [whole, fraction] = typed.split('.')
  // the two readings, as the field takes each: sen after a comma, or thousands (the group's missing digits as zeros)
  const cents = `${whole},${fraction}`
  const thousands = `${whole}.${fraction.padEnd(3, '0')}`
  return `${label}: “${typed}” tidak jelas — sen ditulis dengan koma (${cents}), ribuan dengan titik setiap tiga angka (${thousands}).`
}

/** Why a typed amount is refused (null when it reads), for money() and a signed amount built on it (a book year's SHU). */
export function moneyProblem(label: string, v: string | undefined, { signed = false, unreadable = `${label} harus angka rupiah, mis. 1.500.000.` } = {}): string | null {
  // `25,000` would be read as 25: refused with the same sentence as the credit chain's amounts (lib/parse.ts parseRupiah)
  if (looksLikeEnglishGrouping(v)) return rupiahMessage(label, 'GROUPING')
  const typed = withoutRupiahSign(v)
  if (AMBIGUOUS_DOT.test(typed)) return ambiguousMoneyMessage(label, typed)
  const normalized = parseDecimalText(v)
  if (normalized === null || (normalized.split('.')[1] ?? '').length > 2) return unreadable
  // a well-formed amount below zero is said as such ("harus angka rupiah" read as if `-500000` were not a number)
  if (!signed && normalized.startsWith('-')) return rupiahMessage(label, 'NEGATIVE')
  if (BigInt(normalized.replace(/^-/, '').split('.')[0]) > MAX_MONEY) return `${label} terlalu besar.`
  return null
}

/**
 * Rupiah as typed by people: `1.500.000`, `1500000`, `1.500.000,50` or `1500000.50` (a dot followed by exactly
 * three digits is a thousands separator; `12.50` is refused as ambiguous, see AMBIGUOUS_DOT). Returned as a plain
 * decimal string for Decimal.
 */
export const money = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if ((v ?? '').trim() === '') return '0'
      const problem = moneyProblem(label, v)
      if (problem) {
        ctx.addIssue({ code: 'custom', message: problem })
        return z.NEVER
      }
      return parseDecimalText(v)!
    })

/**
 * An amount that may be unreported (a book year's figures): empty is null, "not reported" (belum dilaporkan), never
 * Rp0, which a register's reader takes for a figure someone stated; `0` typed is 0. Read and refused as money().
 */
export const optionalMoney = (label: string, options?: Parameters<typeof moneyProblem>[2]) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null
      const problem = moneyProblem(label, v, options)
      if (problem) {
        ctx.addIssue({ code: 'custom', message: problem })
        return z.NEVER
      }
      return parseDecimalText(v)!
    })

/** A calendar date from `<input type="date">` (yyyy-mm-dd), not in the future. */
export const pastDate = (label: string) =>
  z
    .string()
    .trim()
    // an empty field is asked for, as every other required field is ("harus tanggal yang valid" read as a typing error)
    .refine((v) => v !== '', { error: `Isi ${label[0].toLowerCase()}${label.slice(1)}.`, abort: true })
    .refine((v) => isIsoDate(v), { error: `${label} harus tanggal yang valid.`, abort: true })
    // a date that exists but is out of range is said so ("harus tanggal yang valid" read as if 01/01/1850 did not exist)
    .refine((v) => v >= '1900-01-01', { error: `${label} paling awal 1 Januari 1900.`, abort: true })
    .transform((v) => new Date(`${v}T00:00:00Z`))
    .refine((d) => d.getTime() <= Date.now() + 24 * 3600 * 1000, `${label} tidak boleh di masa depan.`)

export const optionalPastDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(pastDate(label).optional())
    .transform((v) => v ?? null)

/**
 * A 16-digit NIK (a person's, a cooperative's), as typed or pasted from a KTP scan or a letter: `3517 9927 0000 0001`
 * and `3517.9927.0000.0001` are the number; anything else is refused whole. (The fields had a 16-character limit that
 * cut a pasted NIK with spaces, and a 17th digit, without a word: a wrong NIK saved, or "already registered".)
 */
const nikDigits = (v: string) => v.replace(/[\s.-]/g, '')
export const nikField = (required: string, message: string) =>
  z.string({ error: required }).trim().min(1, required).transform(nikDigits).pipe(z.string().regex(/^\d{16}$/, message))

/** A NIB (13 digits) typed or pasted as NIK is (`9351 7000 0992 9`): the same separators read away, the rest refused whole. */
export const nibField = (required: string, message: string) =>
  z.string({ error: required }).trim().min(1, required).transform(nikDigits).pipe(z.string().regex(/^\d{13}$/, message))

/** The same, where an empty field means none (a form's "keep the stored one", a beneficiary that is not a cooperative): null. */
export const optionalNikField = (message: string) =>
  z.string().trim().optional().transform((v) => (v ? nikDigits(v) : null)).pipe(z.string().regex(/^\d{16}$/, message).nullable())

export const regencyCode = z.string({ error: 'Pilih kabupaten/kota.' }).trim().regex(REGENCY_CODE, 'Pilih kabupaten/kota.')
/** A regency that may be left empty (an activity or meeting of the province itself): null. */
export const optionalRegencyCode = z.string().trim().optional().transform((v) => (v ? v : null)).pipe(regencyCode.nullable())
export const districtCode = optionalText(8).pipe(z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/, 'Kecamatan tidak valid.').nullable())
export const villageCode = optionalText(13).pipe(z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'Desa/kelurahan tidak valid.').nullable())

/** An HTML checkbox: present ("on") is true, absent is false. */
export const checkbox = z.string().optional().transform((v) => v === 'on' || v === 'true' || v === '1')

export const idField = z.string().trim().min(1, 'Data tidak dikenal.').max(40, 'Data tidak dikenal.')
export const versionField = z.coerce.number().int('Versi tidak valid.').positive('Versi tidak valid.')

/** List filter helpers: a bad value in the URL falls back to "no filter" instead of an error page. */
/**
 * A list's search text: inner runs of spaces collapsed ("Sri  Rahayu" finds "Sri Rahayu"), cut to 100 characters
 * (never dropped: the list says it searched the cut text, see searchWasCut).
 */
export const FILTER_TEXT_MAX = 100
export const filterText = z
  .string()
  .transform((v) => v.replace(/\s+/g, ' ').trim().slice(0, FILTER_TEXT_MAX).trim())
  .transform((v) => v || undefined)
  .optional()
  .catch(undefined)
/** True when the search typed in the URL was longer than the list searched (filterText cut it). */
export const searchWasCut = (raw: unknown) => typeof raw === 'string' && raw.replace(/\s+/g, ' ').trim().length > FILTER_TEXT_MAX
/**
 * A list's page from the URL (every list's: the registers', users', loans', claims', the audit log's): a whole number
 * from 1. A page past the last is said as such by the list (components/ui/past-last-page.tsx); so is one too large to
 * ask the database for (`?page=99999999999`), read as PAGE_BEYOND_ANY: it had fallen back to page 1 while the URL
 * still said 99999999999. Anything else (0, -1, `abc`, 1.5) is no page: the first.
 */
export const PAGE_BEYOND_ANY = 1_000_000 // past every list; times a page's rows still an offset PostgreSQL and Prisma take (< 2^31)
export const filterPage = z
  .preprocess((v) => (typeof v === 'string' && /^\s*\d+\s*$/.test(v) && Number(v) > PAGE_BEYOND_ANY ? PAGE_BEYOND_ANY : v), z.coerce.number().int().min(1).max(PAGE_BEYOND_ANY))
  .optional()
  .catch(undefined)
export const filterDir = z.enum(['asc', 'desc']).optional().catch(undefined)
export const filterRegency = z.string().regex(REGENCY_CODE).optional().catch(undefined)
