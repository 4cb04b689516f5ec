/**
 * What an import kind declares about each of its columns, and how a spreadsheet cell becomes the text the
 * form's zod schema reads (the same schema as the form: an import and a form say the same thing). Pure:
 * used by the jobs, the templates and the mapping screen.
 */
import { isIsoDate, parseDateText } from '@/lib/parse'
import { formatDate, formatNumber, formatRupiah, type Locale } from '@/lib/format'
import { serverText } from '@/lib/i18n/server-text'
import { UNREADABLE, type Cell } from './file'

export type FieldType = 'text' | 'digits' | 'number' | 'money' | 'date' | 'enum' | 'bool' | 'regency' | 'district' | 'village'

export type FieldDef = {
  /** the form's field name (the key in the zod schema) */
  key: string
  /** the Indonesian heading of the template (templates are Indonesian by design) */
  label: string
  /** the field's name in the English interface (the mapping step); the file's heading stays Indonesian */
  labelEn?: string
  /** other headings people use for it ("No. NIB", "Nomor Induk Berusaha") */
  synonyms?: string[]
  required?: boolean
  type: FieldType
  /** digits: the length; a number cell that lost its leading zeros is padded back to it */
  digits?: number
  /** number: may carry decimals (a report's value, a target: 85,30); else a whole number */
  decimals?: boolean
  /** enum: the stored values, and for each the words a spreadsheet may hold instead (`labelEn`: as the English interface shows it) */
  options?: { value: string; label: string; labelEn?: string; aliases?: string[] }[]
  /**
   * A text column whose values come from a short fixed list (a quarter I–IV): the template offers it as a
   * drop-down, as it does an enum's labels. The cell stays text, read by the schema (which takes other spellings too).
   */
  choices?: string[]
  /** the explanation sheet's "Format" when the type's own says too little (a month, a quarter) */
  format?: string
  /** the explanation sheet's text: meaning and format */
  help: string
  /** example values, one per example row of the template */
  examples: string[]
}

/** A field's name as the interface shows it: the English label in English (the template's heading stays Indonesian). */
export function fieldLabel(f: Pick<FieldDef, 'label' | 'labelEn'>, locale: Locale = 'id'): string {
  return locale === 'en' ? f.labelEn ?? f.label : f.label
}

/** `No. NIB` → `nonib`, `Kabupaten / Kota` → `kabupatenkota`, `Jenis Kelamin Pemilik` → `jeniskelaminpemilik`: case, accents, spacing and punctuation ignored. */
export function headingKey(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '')
}

/** Heading → field key for the headings that match a field's label, key or synonym; the rest stay unmapped. */
export function autoMap(headings: string[], fields: FieldDef[], remembered?: Record<string, string | null>): Record<string, string | null> {
  const byKey = new Map<string, string>()
  for (const f of fields) for (const name of [f.label, f.key, ...(f.synonyms ?? [])]) byKey.set(headingKey(name), f.key)
  const used = new Set<string>()
  const mapping: Record<string, string | null> = {}
  for (const h of headings) {
    if (!h) continue
    // a heading with its unit in brackets after it ("Omzet tahunan (Rp)", "Luas (m2)", as the app's own exports write
    // them) matches as the heading without it when nothing matches it whole
    let key: string | null | undefined = remembered && h in remembered ? remembered[h] : byKey.get(headingKey(h)) ?? byKey.get(headingKey(h.replace(/\s*\([^()]*\)\s*$/, '')))
    if (key && (used.has(key) || !fields.some((f) => f.key === key))) key = null
    mapping[h] = key ?? null
    if (key) used.add(key)
  }
  return mapping
}

/** The header row: among the first rows, the one whose cells match the most field headings (at least two). */
export function findHeaderRow(rows: { rowNumber: number; cells: Cell[] }[], fields: FieldDef[]): { rowNumber: number; headings: string[] } | null {
  const known = new Set(fields.flatMap((f) => [f.label, f.key, ...(f.synonyms ?? [])].map(headingKey)))
  let best: { rowNumber: number; headings: string[]; score: number } | null = null
  for (const r of rows) {
    const headings = r.cells.map((c) => (c === null ? '' : String(c).trim()))
    const score = headings.filter((h) => h && known.has(headingKey(h))).length
    if (score >= 2 && (!best || score > best.score)) best = { rowNumber: r.rowNumber, headings, score }
  }
  if (best) return { rowNumber: best.rowNumber, headings: best.headings }
  // no heading matched: the first non-empty row is the header, the user maps every column
  const first = rows[0]
  return first ? { rowNumber: first.rowNumber, headings: first.cells.map((c) => (c === null ? '' : String(c).trim())) } : null
}

/** Headings made unique and non-empty (`Kolom C` for a blank one, `Nama (2)` for a repeat), so a mapping can name each. */
export function uniqueHeadings(headings: string[]): string[] {
  const seen = new Map<string, number>()
  return headings.map((h, i) => {
    const base = h || `Kolom ${columnLetter(i)}`
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    return n === 1 ? base : `${base} (${n})`
  })
}

/**
 * A heading as a page shows it: the `Kolom M` uniqueHeadings gives a column without one is said in the page's
 * language ("Column M"); a heading of the file itself is shown as the file has it. The stored heading stays the key.
 */
export function shownHeading(heading: string, locale: Locale): string {
  return /^Kolom [A-Z]{1,3}(?: \(\d+\))?$/.test(heading) ? serverText(heading, locale) : heading
}

export function columnLetter(index: number): string {
  let s = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s
  return s
}

/**
 * A code of digits only whose count is not the field's, refused with the count found, as a code one or two digits
 * short is (an owner NIK of 12 had said only the schema's "harus 16 digit angka" beside "NIB harus 13 digit, di sini 12")
 */
function countedDigits(digits: string, field: FieldDef): string {
  if (field.digits && /^\d+$/.test(digits) && digits.length !== field.digits) throw new CellProblem(`${field.label} harus ${field.digits} digit, di sini ${digits.length}.`)
  return digits
}

/** Why a cell could not be read before the schema saw it (a 16-digit number that Excel already rounded). */
export class CellProblem extends Error {}

/** A yes/no cell's words (as headingKey reads them: case, spaces and punctuation ignored), for "Usaha Baru", "Aktif", "RAT Terlaksana". */
const YES_WORDS = new Set(['ya', 'iya', 'y', 'yes', 'true', 'benar', '1', 'aktif', 'sudah'])
const NO_WORDS = new Set(['tidak', 'tdk', 't', 'no', 'n', 'false', 'salah', 'bukan', '0', 'belum', 'tidakaktif', 'nonaktif'])
/** Check marks, which headingKey would read as nothing. */
const YES_NO_MARKS: Record<string, string> = { '✓': 'ya', '✔': 'ya', '✗': 'tidak', '✘': 'tidak' }
/** A yes/no cell holding neither: refused in the dry run under its row and column. */
export const BOOL_UNKNOWN = 'Isi Ya atau Tidak.'

/**
 * A cell as the text the form would have sent for this field: dates as `YYYY-MM-DD` (from a date cell, an
 * Excel serial number or `18/09/2024`, `18 September 2024`), codes with their leading zeros, enum words as
 * the stored value, yes/no as a checkbox. What cannot be read is passed on as typed, for the schema to refuse
 * with its own message; a yes/no cell that is neither is refused here (CellProblem), as the checkbox schema
 * would read it as "Tidak".
 */
export function cellText(cell: Cell, field: FieldDef): string {
  if (cell === null) return ''
  if (typeof cell === 'string' && cell.includes(UNREADABLE)) {
    throw new CellProblem(`${field.label} memuat karakter yang tidak dapat dibaca (mis. karakter NUL); ketik ulang isi sel ini.`)
  }
  switch (field.type) {
    case 'date': {
      const iso = parseDateText(cell as string | number | Date)
      return iso ?? String(cell).trim()
    }
    case 'digits': {
      if (typeof cell === 'number') {
        // Excel keeps 15 significant digits: a 16-digit NIK typed as a number may have been rounded (one ending in 0001 can
        // survive, so the message says "may"); refused either way, as the cell cannot be trusted
        if (!Number.isSafeInteger(cell) || String(cell).length > 15) {
          throw new CellProblem(`${field.label} tersimpan sebagai angka di Excel, yang menyimpan 15 digit saja: digitnya mungkin dibulatkan. Format kolom sebagai Teks lalu ketik ulang.`)
        }
        // the leading zeros a number cell lost come back (a KBLI 01111 read as 1111), one or two of them: a number
        // shorter still is not a code that lost its zeros but a short one (an 8-digit NIB), refused for its length.
        // A 16-digit NIK (a person's, a cooperative's) begins with its province's code, never 0: nothing to pad
        const text = String(cell)
        const lost = field.digits && field.digits < 16 ? field.digits - text.length : 0
        return lost > 0 && lost <= 2 ? text.padStart(field.digits!, '0') : countedDigits(text, field)
      }
      const text = String(cell).trim()
      // a CSV saved by Excel carries what its cells showed: a long code as `9,35170009901E+12`, a code without the
      // zero it began with. Said as Excel's doing, not only as "harus 13 digit angka"
      if (/^\d+(?:[.,]\d+)?E\+?\d+$/i.test(text)) {
        throw new CellProblem(`${field.label} tertulis dalam notasi ilmiah Excel (${text}) sehingga digitnya hilang; format kolom sebagai Teks lalu ketik ulang.`)
      }
      const digits = /^[\d\s.-]+$/.test(text) ? text.replace(/[\s.-]/g, '') : text
      const short = field.digits && field.digits < 16 && /^\d+$/.test(digits) ? field.digits - digits.length : 0
      if (short > 0 && short <= 2) {
        throw new CellProblem(`${field.label} harus ${field.digits} digit, di sini ${digits.length}. Bila kodenya diawali 0, Excel mungkin menghapusnya: format kolom sebagai Teks lalu ketik ulang.`)
      }
      return countedDigits(digits, field)
    }
    case 'money':
    case 'number':
      // a formula's cached result carries binary noise Excel does not show (=0,57*100 is 56.99999999999999):
      // read it as Excel displays it, to 15 significant digits, so a whole 57 is not refused as a fraction
      // …and written the Indonesian way, with a decimal comma: the one parser (lib/parse.ts) reads `12.345` as twelve
      // thousand three hundred forty-five, as a person typing it means, so a number cell's 12,345 must not arrive so
      // (a fraction of exactly three digits after one to three, `12,345`, also reads as English grouping to the forms'
      // check, lib/parse.ts looksLikeEnglishGrouping, and would be refused for it: written `12,3450`, the same number)
      if (typeof cell === 'number') {
        const text = String(Number.isInteger(cell) ? cell : Number(cell.toPrecision(15))).replace('.', ',')
        return /^-?\d{1,3},\d{3}$/.test(text) ? `${text}0` : text
      }
      return String(cell).trim()
    case 'bool': {
      // "Tidak" is a value, not an empty cell: 'off' (a checkbox the form reads as false) so that it changes a stored "Ya"
      if (typeof cell === 'boolean') return cell ? 'on' : 'off'
      const text = String(cell).trim()
      // an empty cell (or a dash for "nothing") keeps what is stored
      if (!text || /^[-–—]+$/.test(text)) return ''
      const k = YES_NO_MARKS[text] ?? headingKey(text)
      if (YES_WORDS.has(k)) return 'on'
      if (NO_WORDS.has(k)) return 'off'
      // anything else ("Mungkin", "?") is refused at the cell: the form's checkbox would read it as "Tidak"
      throw new CellProblem(BOOL_UNKNOWN)
    }
    case 'enum': {
      const k = headingKey(String(cell))
      const hit = field.options?.find((o) => [o.value, o.label, ...(o.aliases ?? [])].some((a) => headingKey(a) === k))
      if (hit || !field.options?.length) return hit ? hit.value : String(cell).trim()
      // the form's "Pilih metode angsuran." speaks of a drop-down the file has not: the row says what the cell may hold
      throw new CellProblem(`${field.label} harus salah satu dari: ${field.options.map((o) => o.label).join(', ')}.`)
    }
    default:
      return cell instanceof Date ? (parseDateText(cell) ?? '') : String(cell).trim()
  }
}

/** Names of the region codes a change shows (code → name), for a region column's "Kabupaten Jombang (35.17)". */
export type RegionNames = ReadonlyMap<string, string>

/**
 * A stored value's text as a change or a refusal shows it (kind.show gives `1234567.89`, `2026-03-15`, `PRODUSEN`,
 * `ya`, `35.17`), as a person reads it: Rupiah, numbers and dates formatted for the locale, as the registers'
 * own pages show them; an option by its label, yes/no as Ya / Tidak, a region by its name with its code; any
 * other text (a phone, an account number) exactly as stored, leading zeros included.
 */
export function shownValue(f: FieldDef | undefined, text: string, locale: Locale = 'id', regions?: RegionNames): string {
  if (!text || !f) return text
  const decimal = /^-?\d+(?:\.(\d+))?$/.exec(text)
  if (decimal && f.type === 'money') return formatRupiah(text, { cents: true, locale })
  if (decimal && f.type === 'number') return formatNumber(Number(text), { decimals: Math.min(decimal[1]?.length ?? 0, 2), locale })
  if (f.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(`${text}T00:00:00Z`, { locale })
  if (f.type === 'enum') {
    const option = f.options?.find((o) => o.value === text)
    return option ? (locale === 'en' ? option.labelEn ?? option.label : option.label) : text
  }
  // kind.show writes a yes/no as `ya` / `tidak` (kinds/common.ts formValue), a row's text as `on` / `off` (cellText)
  if (f.type === 'bool') {
    const yes = text === 'ya' || text === 'on' ? true : text === 'tidak' || text === 'off' ? false : null
    return yes === null ? text : locale === 'en' ? (yes ? 'Yes' : 'No') : yes ? 'Ya' : 'Tidak'
  }
  if (f.type === 'regency' || f.type === 'district' || f.type === 'village') {
    const name = regions?.get(text)
    return name ? `${name} (${text})` : text
  }
  return text
}

/**
 * A row's field text (cellText: `L`, `on`, `2024-09-18`) as a person types it again in the rejected-rows file:
 * an option's label, Ya / Tidak, a date as 18/09/2024; each reads back to the same text on the next upload.
 */
export function editableText(f: FieldDef | undefined, text: string): string {
  if (!text || !f) return text
  if (f.type === 'bool') return text === 'on' ? 'Ya' : text === 'off' ? 'Tidak' : text
  if (f.type === 'enum') return f.options?.find((o) => o.value === text)?.label ?? text
  // only a real date is rearranged: a mistyped one (2024-13-01) stays as typed, so its refusal still fits it
  if (f.type !== 'date' || !isIsoDate(text)) return text
  const [y, m, d] = text.split('-')
  return `${d}/${m}/${y}`
}
