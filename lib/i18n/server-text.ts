/**
 * Messages written by the server (refusals, validation, import and job errors) are written in Bahasa
 * Indonesia where they arise, and that text is their key, as gettext's msgid is: the English of each is
 * looked up here, where it is shown (a form's state, a route's error, a client-side check of the same
 * schema). A key with `{name}` parts is a pattern: `{label} tidak valid.` matches "Tanggal kontrak tidak
 * valid." and the English `{label} is not valid.` gets the captured text, itself translated when it is a
 * key (a field label). A label is matched regardless of case, since the messages lowercase it inside a
 * sentence (`Isi nama kegiatan.` from the label "Nama kegiatan"): its English then takes the case of the
 * captured text ("Fill in the activity name."). `tests/unit/server-text.test.ts` fails when a message in
 * the server code, or a label given to a message builder, has no English here.
 */
import english from './server-messages.en.json'
import { formatMonth } from '@/lib/format'

export type TextLocale = 'id' | 'en'

type Pattern = { re: RegExp; names: string[]; en: string; weight: number }

const exact = new Map<string, string>()
/** The same keys lowercased, for a label captured in another case than its key's. */
const folded = new Map<string, string>()
const patterns: Pattern[] = []
for (const [id, en] of Object.entries(english as Record<string, string>)) {
  if (!/\{\w+\}/.test(id)) {
    exact.set(id, en)
    if (!folded.has(id.toLowerCase())) folded.set(id.toLowerCase(), en)
    continue
  }
  const names: string[] = []
  const source = id.split(/(\{\w+\})/).map((part) => {
    const m = /^\{(\w+)\}$/.exec(part)
    if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    names.push(m[1])
    return '([\\s\\S]+?)'
  }).join('')
  patterns.push({ re: new RegExp(`^${source}$`), names, en, weight: id.replace(/\{\w+\}/g, '').length })
}
// the most specific pattern (the most fixed text) first
patterns.sort((a, b) => b.weight - a.weight)

/** The English of a key found regardless of case, its first letter in the case of the text's ("nama kegiatan" → "activity name"). */
function foldedHit(text: string): string | undefined {
  const hit = folded.get(text.toLowerCase())
  if (hit === undefined) return undefined
  // a first word in capitals (NIK, SHU) keeps them
  if (/^\p{Lu}\p{Ll}/u.test(hit) && /^\p{Ll}/u.test(text)) return hit[0].toLowerCase() + hit.slice(1)
  if (/^\p{Ll}/u.test(hit) && /^\p{Lu}/u.test(text)) return hit[0].toUpperCase() + hit.slice(1)
  return hit
}

/** The month names formatDate writes (lib/format.ts), taken from it so that the two cannot drift apart. */
const monthNames = (locale: TextLocale) =>
  Array.from({ length: 12 }, (_, i) => formatMonth(`2024-${String(i + 1).padStart(2, '0')}`, { locale }).replace(/ 2024$/, ''))
const MONTHS_ID = monthNames('id')
const MONTHS_EN = monthNames('en')
const DATE_ID = new RegExp(`^(?:(\\d{1,2}) )?(${MONTHS_ID.join('|')}) (\\d{4})(?: pukul (\\d{2})\\.(\\d{2}) WIB)?$`)

/** A date or month the server wrote with formatDate/formatDateTime/formatMonth (lib/format.ts), `1 Januari 2026 pukul 14.05 WIB`, `Oktober 2026`, as the English interface writes it. */
function englishDate(text: string): string | null {
  const m = DATE_ID.exec(text)
  if (!m || (!m[1] && m[4])) return null
  const date = `${m[1] ? `${m[1]} ` : ''}${MONTHS_EN[MONTHS_ID.indexOf(m[2])]} ${m[3]}`
  return m[4] ? `${date} at ${m[4]}:${m[5]} WIB` : date
}

/** Several months or dates as the server lists them (`Januari 2026, Februari 2026 dan Maret 2026`: lib/credit/disbursement-corrections.ts liveClaimRefusal), in English. */
function englishDates(text: string): string | null {
  const pieces = text.split(/, | dan /)
  if (pieces.length < 2) return null
  const each = pieces.map(englishDate)
  if (each.some((d) => d === null)) return null
  return `${each.slice(0, -1).join(', ')} and ${each.at(-1)}`
}

/**
 * Figures the server wrote with Indonesian grouping inside a captured part (`3.000 kolom`, `Rp1.250.000`,
 * `1.234,5`, `14,00%`) as the English interface writes them (`3,000`, `Rp1,250,000`, `1,234.5`, `14.00%`).
 * Only a whole figure is read (standing alone, or after `Rp`): a code with dots inside a longer token
 * (`PRK-2026.000.101`, `503/123.456/BH`, `35.17.01`) is left as it is. Parts that name identifiers (an
 * account, a typed value) are never read at all: `123.456.789` may be an account number there.
 */
function englishGrouping(name: string, text: string): string {
  if (IDENTIFIER_PARTS.has(name)) return text
  // a part that is only a decimal (`{rate}%` captured `14,00`)
  if (/^-?\d+,\d+$/.test(text)) return text.replace(',', '.')
  return text
    .replace(/(?<![^\s(])(-?(?:Rp)?)(\d{1,3}(?:\.\d{3})+(?:,\d+)?)(?=$|[\s),;:%]|\.(?!\d))/g, (_, sign: string, n: string) => sign + n.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.')))
    .replace(/(?<![^\s(])(\d+),(\d+)%/g, '$1.$2%')
}

/**
 * Placeholders that carry what someone typed or an identifier (account numbers may hold dots), never a figure; and
 * how a figure is to be typed (`cents` 12,50, `thousands` 12.500: a register's amount field, which reads only the
 * Indonesian way, shown so in English too).
 */
const IDENTIFIER_PARTS = new Set(['account', 'accounts', 'name', 'names', 'value', 'text', 'code', 'codes', 'nib', 'nik', 'number', 'key', 'keys', 'candidates', 'sheet', 'file', 'filename', 'reference', 'cents', 'thousands'])

/** Text with nothing to translate: empty, or only figures, signs and `{}` (a part of a message left open in the code). */
const NO_WORDS = (text: string) => !/\p{L}{2,}/u.test(text.replace(/\{\}/g, ''))

/**
 * The English of a text, or null. `strict`: every captured part must itself have English or hold no
 * words (for the test: a fixed sentence such as `Isi batas bawah, batas atas, atau keduanya.` matches
 * `Isi {label}.` but would be shown half Indonesian).
 */
function translate(text: string, depth: number, strict = false): string | null {
  return attempt(text, depth, strict)?.en ?? null
}

/** An English, and whether it has no Indonesian left (each captured part translated, or holding no words). */
type Attempt = { en: string; complete: boolean }

/** Sentences written one after another (a refusal joining the rules a loan breaks: `… (36 > 24 bulan). UMKM belum …`). */
const SENTENCE_END = /(?<=[.!?])\s+(?=\p{Lu})/u

function attempt(text: string, depth: number, strict: boolean): Attempt | null {
  const hit = exact.get(text) ?? foldedHit(text) ?? (depth > 0 ? englishDate(text) ?? englishDates(text) : null)
  if (hit != null) return { en: hit, complete: true }
  if (depth > 2) return null
  let partial: Attempt | null = null
  for (const p of patterns) {
    const m = p.re.exec(text)
    if (!m) continue
    let complete = true
    const en = p.en.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const i = p.names.indexOf(name)
      if (i < 0) return whole
      const value = m[i + 1]
      const part = attempt(value, depth + 1, strict)
      if (!part?.complete && !NO_WORDS(value)) complete = false
      return part?.en ?? englishGrouping(name, value)
    })
    if (complete) return { en, complete }
    if (strict) continue
    partial = { en, complete }
    break
  }
  // Several sentences in one text or one captured part: a pattern's last part would swallow the sentences
  // after its own and leave them Indonesian, so each sentence is translated alone when each has English.
  const sentences = text.split(SENTENCE_END)
  if (sentences.length > 1) {
    const each = sentences.map((s) => attempt(s, depth, strict))
    if (each.every((e) => e !== null)) {
      const joined = { en: each.map((e) => e!.en).join(' '), complete: each.every((e) => e!.complete) }
      if (joined.complete || !strict) return joined
    }
  }
  return partial
}

/** The text in the reader's language: Indonesian as written, English from the catalogue (as written when missing). */
export function serverText(text: string, locale: TextLocale): string
export function serverText(text: string | undefined, locale: TextLocale): string | undefined
export function serverText(text: string | undefined, locale: TextLocale): string | undefined {
  if (text === undefined || locale === 'id') return text
  return translate(text, 0) ?? text
}

/** Whether a message has an English text (for the test that keeps the catalogue complete). */
export function hasEnglish(text: string): boolean {
  return translate(text, 0) !== null
}

/**
 * Whether a text written in the code (no data inside, or only `{}` where the code puts some) has an
 * English with no Indonesian left: each part a pattern captures has English too, or holds no words.
 */
export function hasFullEnglish(text: string): boolean {
  return translate(text, 0, true) !== null
}

/** A form's state (message and field errors) in the reader's language; the typed values stay as typed. */
export function translateState<S extends { message?: string; errors?: Record<string, string[] | undefined> } | undefined>(state: S, locale: TextLocale): S {
  if (!state || locale === 'id') return state
  return {
    ...state,
    message: serverText(state.message, locale),
    ...(state.errors && { errors: Object.fromEntries(Object.entries(state.errors).map(([k, list]) => [k, list?.map((m) => serverText(m, locale))])) }),
  }
}
