/**
 * Indonesian formats for figures shown to people: Rupiah (`Rp53.019.249.400`, `Rp360,4 miliar`),
 * dates (`18 September 2024`), percentages (`101,26%`). Money stays exact (Decimal/bigint) until here.
 * English is the second language; it keeps the Rupiah sign and switches words and separators.
 */
export type Locale = 'id' | 'en'

type Numeric = number | bigint | string | { toString(): string }

const TAG: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' }
const TIME_ZONE = 'Asia/Jakarta'

/**
 * One formatter per locale and options, made once per process: constructing an `Intl.NumberFormat` or
 * `Intl.DateTimeFormat` costs tens of microseconds (locale data resolved each time) and a dashboard
 * formats hundreds of figures per request; a formatter's `format` has no state, so sharing is safe.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>()

function numberFormat(locale: Locale | undefined, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `n|${locale ?? 'id'}|${JSON.stringify(options)}`
  let f = formatters.get(key) as Intl.NumberFormat | undefined
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(TAG[locale ?? 'id'], options)))
  return f
}

function dateFormat(locale: Locale | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale ?? 'id'}|${JSON.stringify(options)}`
  let f = formatters.get(key) as Intl.DateTimeFormat | undefined
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(TAG[locale ?? 'id'], options)))
  return f
}

function toNumber(v: Numeric): number {
  return typeof v === 'number' ? v : Number(v.toString())
}

/**
 * A rate stored as a fraction (`0.14`, six decimal places) as the percentage a spreadsheet holds (`14`),
 * exact to those places: `0.14 * 100` is `14.000000000000002` in floating point, which a CSV shows as is.
 */
export function ratePercent(rate: Numeric): number {
  return Math.round(toNumber(rate) * 1e8) / 1e6
}

/** Whole number with thousands separators: `10.971`. */
export function formatNumber(value: Numeric, opts: { decimals?: number; locale?: Locale } = {}): string {
  const d = opts.decimals ?? 0
  return numberFormat(opts.locale, { minimumFractionDigits: d, maximumFractionDigits: d }).format(toNumber(value))
}

/** A file's size as the pages write it, whole kilobytes rounded up: `22 KB` (never a bare byte count without its unit). */
export function formatFileSize(bytes: number, opts: { locale?: Locale } = {}): string {
  return `${formatNumber(Math.ceil(bytes / 1024), opts)} KB`
}

/**
 * A file's size in megabytes, up to one decimal, without its unit (the messages write "MB" after it): `12,3`,
 * in English `12.3`. The upload forms' "file too large" says it beside the limit.
 */
export function formatMegabytes(bytes: number, opts: { locale?: Locale } = {}): string {
  return numberFormat(opts.locale, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))
}

/**
 * Full Rupiah, no decimals: `Rp53.019.249.400`; negative as `-Rp1.000`. With `cents`, an amount that has them
 * keeps up to two (`Rp1.234.567,89`): where a rounded figure would hide a change (an import's before → after).
 */
export function formatRupiah(value: Numeric, opts: { locale?: Locale; cents?: boolean } = {}): string {
  // BigInt keeps every digit of large sums exact (Number is exact only to 2^53)
  const text = value.toString().trim()
  const cents = opts.cents ? /^-?\d+\.(\d*[1-9])0*$/.exec(text)?.[1] : undefined
  if (cents) {
    const n = toNumber(value)
    const digits = numberFormat(opts.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Math.abs(n))
    return `${n < 0 ? '-' : ''}Rp${digits}`
  }
  const whole = /^-?\d+$/.test(text) ? BigInt(text) : BigInt(Math.round(toNumber(value)))
  const abs = whole < BigInt(0) ? -whole : whole
  const digits = numberFormat(opts.locale).format(abs)
  return `${whole < BigInt(0) ? '-' : ''}Rp${digits}`
}

const SCALES: Record<Locale, [number, string][]> = {
  id: [[1e12, 'triliun'], [1e9, 'miliar'], [1e6, 'juta'], [1e3, 'ribu']],
  en: [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million'], [1e3, 'thousand']],
}

/**
 * Rupiah in words for cards and sentences: `Rp360,4 miliar`, `Rp17,94 miliar`, `Rp25 juta`.
 * Up to `decimals` (default 2) fraction digits, trailing zeros dropped.
 */
export function formatRupiahShort(value: Numeric, opts: { decimals?: number; locale?: Locale } = {}): string {
  const locale = opts.locale ?? 'id'
  const n = toNumber(value)
  const abs = Math.abs(n)
  const scale = SCALES[locale].find(([size]) => abs >= size && size >= 1e6)
  if (!scale) return formatRupiah(Math.round(n), { locale })
  const amount = numberFormat(locale, { maximumFractionDigits: opts.decimals ?? 2 }).format(abs / scale[0])
  return `${n < 0 ? '-' : ''}Rp${amount} ${scale[1]}`
}

/**
 * Chart axis ticks: `Rp50 M`, `Rp250 jt`, `Rp1,2 T` (Intl's Indonesian compact notation). With `decimals: 2` a chart's
 * data table, as its axis writes it (`Rp1,76 M`, `Rp328,5 jt`): four exact amounts side by side did not fit a
 * half-width card on a desktop; the exact ones are in the chart's .xlsx.
 */
export function formatRupiahAxis(value: Numeric, opts: { locale?: Locale; decimals?: number } = {}): string {
  const n = toNumber(value)
  const compact = numberFormat(opts.locale, { notation: 'compact', maximumFractionDigits: opts.decimals ?? 1 }).format(Math.abs(n))
  // Intl puts a no-break space before the unit; a plain space measures the same in SVG text
  return `${n < 0 ? '-' : ''}Rp${compact.replace(/\u00a0/g, ' ')}`
}

/** Percentage with a comma decimal: `101,26%`. `value` is already in percent (101.26, not 1.0126). */
export function formatPercent(value: Numeric | null | undefined, opts: { decimals?: number; locale?: Locale } = {}): string {
  if (value === null || value === undefined) return '–'
  const n = toNumber(value)
  if (!Number.isFinite(n)) return '–'
  const d = opts.decimals ?? 2
  return `${numberFormat(opts.locale, { minimumFractionDigits: d, maximumFractionDigits: d }).format(n)}%`
}

/**
 * An interest rate, stored as a fraction to six places (0.10125): in percent with two to four decimals, `14,00%`,
 * `10,125%`. Two decimals (formatPercent) had shown a bank's 10,125% as 10,13%, a rate nobody agreed to.
 */
export function formatRate(fraction: Numeric | null | undefined, opts: { locale?: Locale } = {}): string {
  if (fraction === null || fraction === undefined) return '–'
  const n = toNumber(fraction) * 100
  if (!Number.isFinite(n)) return '–'
  return `${numberFormat(opts.locale, { minimumFractionDigits: 2, maximumFractionDigits: 4 }).format(n)}%`
}

/** Area codes of two digits after the 0 (Jakarta, Bandung, Semarang, Surabaya, Medan); the others have three. */
const SHORT_AREA_CODES = new Set(['21', '22', '24', '31', '61'])

/**
 * A stored phone number (lib/parse.ts normalizePhone: national, leading 0) grouped as Indonesians write it: a mobile
 * number in fours from the left (`0812-3456-7890`), a fixed line with its area code in brackets (`(0321) 861234`,
 * `(031) 5678901`). Anything else as stored.
 */
export function formatPhone(stored: string | null | undefined): string {
  const p = stored ?? ''
  if (!/^0[1-9]\d{7,11}$/.test(p)) return p || '–'
  if (p.startsWith('08')) return p.replace(/^(\d{4})(\d{4})(\d+)$/, '$1-$2-$3')
  const area = SHORT_AREA_CODES.has(p.slice(1, 3)) ? 3 : 4
  return `(${p.slice(0, area)}) ${p.slice(area)}`
}

/** A calendar date: `18 September 2024` (in Western Indonesia Time, where the agencies work). */
export function formatDate(value: Date | string, opts: { locale?: Locale } = {}): string {
  const d = typeof value === 'string' ? new Date(value) : value
  return dateFormat(opts.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE }).format(d)
}

/** The day of the week of a date in Jakarta, as a record's opening names it ("Pada hari ini, Kamis, …"): `Kamis`, `Thursday`. */
export function formatWeekday(value: Date | string, opts: { locale?: Locale } = {}): string {
  const d = typeof value === 'string' ? new Date(value) : value
  return dateFormat(opts.locale, { weekday: 'long', timeZone: TIME_ZONE }).format(d)
}

/**
 * Date and time in Jakarta, named as such: `18 September 2024 pukul 14.05 WIB` (`… at 14:05 WIB`), as a meeting's
 * times are; an hour without its zone reads as the reader's own.
 */
export function formatDateTime(value: Date | string, opts: { locale?: Locale } = {}): string {
  const d = typeof value === 'string' ? new Date(value) : value
  return `${dateFormat(opts.locale, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE }).format(d)} WIB`
}

/** Short month for chart axes: `Jan`, `Feb`, … `Agu`, `Des`. `month` is 1–12. */
export function formatMonthShort(month: number, opts: { locale?: Locale } = {}): string {
  return dateFormat(opts.locale, { month: 'short', timeZone: 'UTC' })
    .format(new Date(Date.UTC(2024, month - 1, 1)))
    .replace('.', '')
    // British English abbreviates September as "Sept", alone among the twelve three-letter months
    .replace('Sept', 'Sep')
}

/** A calendar month, `Oktober 2026`: from the month's first day (a Date at UTC midnight) or `YYYY-MM`. */
export function formatMonth(value: Date | string, opts: { locale?: Locale } = {}): string {
  const d = typeof value === 'string' ? new Date(`${value.slice(0, 7)}-01T00:00:00Z`) : value
  return dateFormat(opts.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d)
}

const ONES: Record<Locale, string[]> = {
  id: ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan', 'sepuluh', 'sebelas'],
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'],
}
const TENS_EN = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']
const GROUPS: Record<Locale, string[]> = { id: ['', 'ribu', 'juta', 'miliar', 'triliun', 'kuadriliun'], en: ['', 'thousand', 'million', 'billion', 'trillion', 'quadrillion'] }

/** 1–999 in words: `dua ratus lima belas`, `seratus`, `two hundred fifteen`. */
function hundredsInWords(n: number, locale: Locale): string {
  const ones = ONES[locale]
  const h = Math.floor(n / 100)
  const rest = n % 100
  const parts: string[] = []
  if (locale === 'id') {
    if (h) parts.push(h === 1 ? 'seratus' : `${ones[h]} ratus`)
    if (rest >= 1 && rest <= 11) parts.push(ones[rest])
    else if (rest < 20 && rest) parts.push(`${ones[rest - 10]} belas`)
    else if (rest) parts.push(`${ones[Math.floor(rest / 10)]} puluh${rest % 10 ? ` ${ones[rest % 10]}` : ''}`)
  } else {
    if (h) parts.push(`${ones[h]} hundred`)
    if (rest && rest < 20) parts.push(ones[rest])
    else if (rest) parts.push(`${TENS_EN[Math.floor(rest / 10)]}${rest % 10 ? `-${ones[rest % 10]}` : ''}`)
  }
  return parts.join(' ')
}

/** A whole number of 0 or more in words; Indonesian says `seribu`, not `satu ribu`, and `satu juta`. */
function wholeInWords(n: bigint, locale: Locale): string {
  if (n === BigInt(0)) return ONES[locale][0]
  const groups: number[] = []
  for (let v = n; v > BigInt(0); v /= BigInt(1000)) groups.push(Number(v % BigInt(1000)))
  if (groups.length > GROUPS[locale].length) return ''
  return groups
    .map((g, i) => (g === 0 ? '' : locale === 'id' && i === 1 && g === 1 ? 'seribu' : [hundredsInWords(g, locale), GROUPS[locale][i]].filter(Boolean).join(' ')))
    .reverse()
    .filter(Boolean)
    .join(' ')
}

/**
 * A Rupiah amount in words, as a signed record writes it beside the figure (terbilang):
 * `1500000.5` → `satu juta lima ratus ribu rupiah lima puluh sen`, in English `one million five hundred thousand
 * rupiah and fifty sen`. Exact to the sen (the amount's text, not a float); a negative amount is `minus …`.
 */
export function formatRupiahInWords(value: Numeric, opts: { locale?: Locale } = {}): string {
  const locale = opts.locale ?? 'id'
  // a float is read to the sen (0.1 + 0.2 is 0,30); a Decimal's or bigint's text is exact as it is
  const text = typeof value === 'number' ? value.toFixed(2) : value.toString().trim()
  const m = /^(-)?(\d+)(?:\.(\d{1,2})\d*)?$/.exec(text)
  if (!m) return '–'
  const sen = m[3] ? Number(m[3].padEnd(2, '0')) : 0
  const whole = wholeInWords(BigInt(m[2]), locale)
  // beyond the quadrillions (10^18 and more) no record has a word for it: shown as no words rather than failing the page
  if (!whole) return '–'
  const words = [m[1] && (BigInt(m[2]) > BigInt(0) || sen > 0) ? 'minus' : '', whole, 'rupiah', sen ? `${locale === 'en' ? 'and ' : ''}${hundredsInWords(sen, locale)} sen` : '']
  return words.filter(Boolean).join(' ')
}
