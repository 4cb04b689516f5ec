import 'server-only'
import { Readable } from 'node:stream'
import { createInflateRaw, inflateRawSync, constants as zlib } from 'node:zlib'
import { IMPORT_MAX_FILE_BYTES } from '@/lib/upload-limits'
import { numberSetting } from '@/lib/env'
import { formatMegabytes } from '@/lib/format'

/**
 * Reading uploaded spreadsheets safely and without holding the whole sheet: the file is checked before any
 * parser sees it (real .xlsx zip or UTF-8 text, entry count and decompressed size capped, no DTD), then rows
 * are streamed one at a time (a small reader of the sheet's XML as it is inflated, and a small CSV reader).
 * Formulas give their cached value; nothing is ever evaluated. (ExcelJS's streaming reader, used before, made
 * about 36 KB of short-lived objects per row — a row model, a cell model with its style per cell, a SAX event
 * per tag — and with them most of an import's time and its memory peak: README, "Benchmarks".)
 */

/** A cell as the importers see it: text, a number, a date (from a date-formatted cell), a boolean, or empty. */
export type Cell = string | number | boolean | Date | null
export type SheetRow = { rowNumber: number; cells: Cell[] }
export type FileFormat = 'XLSX' | 'CSV'

export const IMPORT_LIMITS = {
  /** bytes of the uploaded file */
  maxFileBytes: IMPORT_MAX_FILE_BYTES,
  /** data rows of one sheet */
  maxRows: numberSetting('IMPORT_MAX_ROWS'),
  /**
   * columns of the header row: one drop-down each on the mapping screen (a sheet of 3.000 columns made a page of
   * 3.000 selects). The widest template has 18; a data sheet wider than this is a sheet of something else.
   */
  maxColumns: 200,
  /** the zip's entries and their total decompressed size: a zip bomb is refused before it is opened */
  maxZipEntries: 2_000,
  maxUnzippedBytes: 400 * 1024 * 1024,
}

export class FileRefused extends Error {}

/** Refuse what is not a spreadsheet before parsing: by content, never by the name's extension alone. */
export function inspectFile(name: string, bytes: Buffer): FileFormat {
  if (bytes.length === 0) throw new FileRefused('Berkas kosong.')
  if (bytes.length > IMPORT_LIMITS.maxFileBytes) {
    throw new FileRefused(`Berkas terlalu besar (${formatMegabytes(bytes.length)} MB); batasnya ${Math.round(IMPORT_LIMITS.maxFileBytes / 1024 / 1024)} MB.`)
  }
  const lower = name.toLowerCase()
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    checkZip(bytes)
    return 'XLSX'
  }
  if (bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    throw new FileRefused('Format .xls lama tidak didukung; simpan ulang sebagai .xlsx (Excel 2007 ke atas) atau .csv.')
  }
  if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm')) throw new FileRefused('Berkas ini bukan berkas Excel .xlsx yang sah (isinya bukan arsip .xlsx).')
  // CSV: text without NUL bytes (a binary renamed .csv is refused), in UTF-8 or Windows-1252
  if (bytes.includes(0)) throw new FileRefused('Berkas bukan spreadsheet: unggah .xlsx atau .csv.')
  csvText(bytes)
  return 'CSV'
}

/** Well-formed UTF-8 characters of two to four bytes. */
const UTF8_SEQUENCES = /[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}/g
/** Decoded as Windows-1252: a control character (tab and line ends aside) or one of the code page's five undefined bytes. */
const NOT_1252_TEXT = /[\x00-\x08\x0b\x0e-\x1f\x7f\x81\x8d\x8f\x90\x9d]/

/**
 * A .csv's text: UTF-8 (Excel's "CSV UTF-8", LibreOffice, Lumbung's own exports), or else Windows-1252, which
 * Excel's plain "CSV (Comma delimited)" writes on an Indonesian or English Windows (its ANSI code page): a name with
 * `é` or a curly apostrophe `’` had refused the whole file. A file that holds UTF-8 characters but is not UTF-8
 * throughout is damaged, not Windows-1252 (read so, its `é` would become `Ã©`): refused.
 */
export function csvText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    const binary = bytes.toString('latin1')
    // damaged UTF-8 rather than Windows-1252: mostly well-formed UTF-8 characters, few bytes outside them. One
    // such pair alone is as likely Windows-1252 (`JOSÉ’S` is C9 92, a well-formed UTF-8 pair)
    const utf8 = binary.match(UTF8_SEQUENCES) ?? []
    const inUtf8 = utf8.reduce((n, seq) => n + seq.length, 0)
    const stray = (binary.match(/[\x80-\xff]/g)?.length ?? 0) - inUtf8
    if (utf8.length >= 2 * Math.max(1, stray) || NOT_1252_TEXT.test(binary)) {
      throw new FileRefused('Berkas .csv harus berenkode UTF-8 (Excel: Simpan Sebagai → CSV UTF-8).')
    }
    // Latin-1 but for 0x80–0x9F, where Windows-1252 has its own characters (Node 20's TextDecoder('windows-1252')
    // decodes them as Latin-1's control characters, so the table is here)
    return binary.replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_80_9F[c.charCodeAt(0) - 0x80])
  }
}

/** Windows-1252's characters at 0x80–0x9F (the five it leaves undefined are refused above). */
const WINDOWS_1252_80_9F = [...'€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ']

/**
 * The zip's central directory (at its end) lists every entry with its sizes: refuse too many entries or
 * too much decompressed data, and any XML part that declares a DTD (entity expansion, external entities).
 * The declared sizes are not trusted alone: each XML part's start is inflated to look for the DTD.
 */
function checkZip(bytes: Buffer) {
  const min = Math.max(0, bytes.length - 65_557)
  let eocd = -1
  for (let i = bytes.length - 22; i >= min; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) { eocd = i; break }
  }
  if (eocd < 0) throw new FileRefused('Berkas .xlsx rusak atau tidak lengkap.')
  const entries = bytes.readUInt16LE(eocd + 10)
  const cdOffset = bytes.readUInt32LE(eocd + 16)
  if (entries > IMPORT_LIMITS.maxZipEntries || entries === 0xffff) throw new FileRefused('Berkas .xlsx berisi terlalu banyak bagian; ditolak.')
  let total = 0
  let p = cdOffset
  let hasWorkbook = false
  for (let n = 0; n < entries; n++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) throw new FileRefused('Berkas .xlsx rusak atau tidak lengkap.')
    const method = bytes.readUInt16LE(p + 10)
    const compressed = bytes.readUInt32LE(p + 20)
    const size = bytes.readUInt32LE(p + 24)
    const nameLen = bytes.readUInt16LE(p + 28)
    const extraLen = bytes.readUInt16LE(p + 30)
    const commentLen = bytes.readUInt16LE(p + 32)
    const local = bytes.readUInt32LE(p + 42)
    const entryName = bytes.toString('utf8', p + 46, p + 46 + nameLen)
    if (size === 0xffffffff || compressed === 0xffffffff) throw new FileRefused('Berkas .xlsx terlalu besar setelah dibuka; ditolak.')
    total += size
    if (total > IMPORT_LIMITS.maxUnzippedBytes) throw new FileRefused('Berkas .xlsx terlalu besar setelah dibuka (kemungkinan bom zip); ditolak.')
    // a ratio no spreadsheet has: repeated XML compresses about 10-30 times, a bomb thousands of times
    if (compressed > 0 && size / compressed > 1000 && size > 10 * 1024 * 1024) throw new FileRefused('Berkas .xlsx mencurigakan (rasio kompresi tidak wajar); ditolak.')
    if (entryName === 'xl/workbook.xml') hasWorkbook = true
    if (/\.(xml|rels)$/i.test(entryName) && local + 30 <= bytes.length) {
      const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28)
      const head = bytes.subarray(dataStart, dataStart + Math.min(compressed, 4096))
      let text = ''
      try {
        text = method === 8 ? inflateRawSync(head, { finishFlush: zlib.Z_SYNC_FLUSH }).toString('utf8', 0, 4096) : head.toString('utf8')
      } catch {
        throw new FileRefused('Berkas .xlsx rusak (bagian tidak bisa dibuka).')
      }
      if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new FileRefused('Berkas .xlsx memuat deklarasi DTD/entitas XML; ditolak demi keamanan.')
    }
    p += 46 + nameLen + extraLen + commentLen
  }
  if (!hasWorkbook) throw new FileRefused('Arsip ini bukan buku kerja Excel (.xlsx).')
}

/**
 * The file as the reader reads it: its size and any byte range of it. An .xlsx is a zip whose directory is at
 * its end and whose parts are read out of order (the sheet usually comes before the shared strings it
 * refers to), so the reader asks for ranges: of the upload in memory, or of the stored file in the database
 * (an import's job reads only what it parses, a slice at a time, never the whole file at once).
 */
export type ByteSource = { size: number; read(offset: number, length: number): Promise<Buffer> }

export const bufferSource = (bytes: Buffer): ByteSource => ({ size: bytes.length, read: async (offset, length) => bytes.subarray(offset, offset + length) })

/**
 * Every sheet of the file, in the workbook's order, row by row: sheet name, then its rows (blank rows
 * skipped). A sheet's rows are read only when they are iterated; a .csv is read whole.
 */
export async function* readSheets(format: FileFormat, input: Buffer | ByteSource): AsyncGenerator<{ sheet: string; rows: AsyncGenerator<SheetRow> }> {
  const source = Buffer.isBuffer(input) ? bufferSource(input) : input
  if (format === 'CSV') {
    const parts: Buffer[] = []
    for (let offset = 0; offset < source.size; offset += READ_SLICE) parts.push(await source.read(offset, Math.min(READ_SLICE, source.size - offset)))
    yield { sheet: 'CSV', rows: readCsv(Buffer.concat(parts)) }
    return
  }
  const zip = await openZip(source)
  const text = async (name: string | undefined) => (name && zip.entries.has(name) ? collect(zip.inflate(name)) : '')
  const workbook = await text('xl/workbook.xml')
  const rels = relations(await text('xl/_rels/workbook.xml.rels'))
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbook)
  const partOf = (type: string, fallback: string) => [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.target ?? fallback
  const dateStyles = styleDates(await text(partOf('styles', 'xl/styles.xml')))
  const sharedPart = partOf('sharedStrings', 'xl/sharedStrings.xml')
  const shared: string[] = []
  if (zip.entries.has(sharedPart)) for await (const si of elements(zip.inflate(sharedPart), 'si')) shared.push(own(richText(si.inner)))
  for (const m of workbook.matchAll(/<sheet\b([^>]*)>/g)) {
    const a = attributes(m[1])
    // a hidden sheet holds a workbook's own lists (the templates' drop-down values), not rows to import
    if (a.state === 'hidden' || a.state === 'veryHidden') continue
    const part = rels.get(a['r:id'] ?? '')?.target
    if (!part || !zip.entries.has(part)) continue
    yield { sheet: xmlText(a.name ?? part), rows: sheetRows(zip.inflate(part), shared, dateStyles, date1904) }
  }
}

/** Bytes of the file read at a time, and of inflated XML handed on at a time. */
const READ_SLICE = 1024 * 1024

type Zip = { entries: Map<string, { method: number; compressed: number; local: number }>; inflate: (name: string) => AsyncGenerator<string> }

/** The zip's directory (inspectFile has refused what is not a plain, sane zip), and each part as decoded text. */
async function openZip(source: ByteSource): Promise<Zip> {
  const tail = await source.read(Math.max(0, source.size - 65_557), Math.min(source.size, 65_557))
  let eocd = -1
  for (let i = tail.length - 22; i >= 0; i--) if (tail.readUInt32LE(i) === 0x06054b50) { eocd = i; break }
  if (eocd < 0) throw new FileRefused('Berkas .xlsx rusak atau tidak lengkap.')
  const count = tail.readUInt16LE(eocd + 10)
  const directory = await source.read(tail.readUInt32LE(eocd + 16), tail.readUInt32LE(eocd + 12))
  const entries: Zip['entries'] = new Map()
  for (let p = 0, n = 0; n < count; n++) {
    if (p + 46 > directory.length || directory.readUInt32LE(p) !== 0x02014b50) throw new FileRefused('Berkas .xlsx rusak atau tidak lengkap.')
    const nameLen = directory.readUInt16LE(p + 28)
    entries.set(directory.toString('utf8', p + 46, p + 46 + nameLen), {
      method: directory.readUInt16LE(p + 10), compressed: directory.readUInt32LE(p + 20), local: directory.readUInt32LE(p + 42),
    })
    p += 46 + nameLen + directory.readUInt16LE(p + 30) + directory.readUInt16LE(p + 32)
  }
  let inflated = 0
  async function* inflate(name: string): AsyncGenerator<string> {
    const e = entries.get(name)!
    const header = await source.read(e.local, 30)
    if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) throw new FileRefused('Berkas .xlsx rusak atau tidak lengkap.')
    const start = e.local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28)
    async function* compressed() {
      for (let offset = 0; offset < e.compressed; offset += READ_SLICE) yield await source.read(start + offset, Math.min(READ_SLICE, e.compressed - offset))
    }
    if (e.method !== 0 && e.method !== 8) throw new FileRefused('Berkas .xlsx memakai kompresi yang tidak dikenal.')
    const bytes = e.method === 8 ? Readable.from(compressed()).pipe(createInflateRaw({ chunkSize: 256 * 1024 })) : compressed()
    const decoder = new TextDecoder('utf-8')
    for await (const chunk of bytes as AsyncIterable<Buffer>) {
      // the declared sizes were checked before; the real ones are counted too (a zip may lie)
      inflated += chunk.length
      if (inflated > IMPORT_LIMITS.maxUnzippedBytes) throw new FileRefused('Berkas .xlsx terlalu besar setelah dibuka (kemungkinan bom zip); ditolak.')
      yield decoder.decode(chunk, { stream: true })
    }
    const rest = decoder.decode()
    if (rest) yield rest
  }
  return { entries, inflate }
}

async function collect(parts: AsyncIterable<string>): Promise<string> {
  let all = ''
  for await (const part of parts) all += part
  return all
}

/**
 * The complete `<tag …>…</tag>` elements of a part, in order, as their attributes' text and inner XML, while the
 * part is inflated (only the unfinished element is held between chunks). `<tag …/>` gives an empty inner.
 * In XML text a `<` is always markup, so searching for the tag's name finds only tags.
 */
async function* elements(parts: AsyncIterable<string>, tag: string): AsyncGenerator<{ attrs: string; inner: string }> {
  const open = `<${tag}`
  const close = `</${tag}>`
  let buf = ''
  for await (const part of parts) {
    buf += part
    let pos = 0
    for (;;) {
      const start = buf.indexOf(open, pos)
      if (start < 0) { pos = Math.max(pos, buf.length - open.length); break }
      const next = buf.charCodeAt(start + open.length)
      if (Number.isNaN(next)) { pos = start; break }
      // `<rowBreaks>` is not `<row>`
      if (next !== 0x3e && next !== 0x2f && next !== 0x20 && next !== 0x09 && next !== 0x0a && next !== 0x0d) { pos = start + open.length; continue }
      const gt = buf.indexOf('>', start)
      if (gt < 0) { pos = start; break }
      if (buf.charCodeAt(gt - 1) === 0x2f) {
        yield { attrs: buf.slice(start + open.length, gt - 1), inner: '' }
        pos = gt + 1
        continue
      }
      const end = buf.indexOf(close, gt)
      if (end < 0) { pos = start; break }
      yield { attrs: buf.slice(start + open.length, gt), inner: buf.slice(gt + 1, end) }
      pos = end + close.length
    }
    buf = buf.slice(pos)
  }
}

const attributes = (text: string): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = m[2] ?? m[3]
  return out
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
/**
 * A character PostgreSQL cannot store as text or in jsonb (NUL, a lone surrogate), or no character at all (beyond
 * U+10FFFF): none is allowed in XML either, and each becomes U+FFFD, so that the file is still read and stored
 * and the cell is refused with its row and column (fields.ts cellText) instead of the whole import failing.
 */
export const UNREADABLE = '\uFFFD'
const charOf = (code: number) => (code === 0 || (code >= 0xd800 && code <= 0xdfff) || !(code <= 0x10ffff) ? UNREADABLE : String.fromCodePoint(code))
/** XML text: the five named entities and character references (nothing else is expanded: no DTD is read). */
function xmlText(text: string): string {
  const decoded = !text.includes('&') ? text : text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, e: string) =>
    e[0] === '#' ? charOf(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : (ENTITIES[e] ?? whole))
  // a NUL byte written as is (text decoded from UTF-8 holds no lone surrogate)
  return decoded.includes('\u0000') ? decoded.replaceAll('\u0000', UNREADABLE) : decoded
}

/** The text of a string item or inline string: its `<t>` runs joined (rich text), without phonetic guides. */
function richText(inner: string): string {
  let text = ''
  const plain = inner.includes('<rPh') ? inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : inner
  for (const m of plain.matchAll(/<t\b[^>]*?(?:\/>|>([^<]*)<\/t>)/g)) text += m[1] ?? ''
  return xmlText(text)
}

/** relationship id → part name (under xl/) and type */
function relations(xml: string): Map<string, { target: string; type: string }> {
  const out = new Map<string, { target: string; type: string }>()
  for (const m of xml.matchAll(/<Relationship\b([^>]*)>/g)) {
    const a = attributes(m[1])
    if (!a.Id || !a.Target) continue
    const target = a.Target.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target}`.replace(/[^/]+\/\.\.\//g, '')
    out.set(a.Id, { target, type: a.Type ?? '' })
  }
  return out
}

/** Excel's built-in number formats that are dates or times (ids 14–22, 45–47); others are numbers. */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47])

/** A number format shows a date when, outside quoted text and [colour]/[locale] parts, it has date or time letters. */
const isDateFormat = (code: string) => /[ymdhsb]/i.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, ''))

/** The cell styles (index of `s`) whose number format is a date: a number in such a cell is a date (Excel stores days since 1900). */
function styleDates(xml: string): Set<number> {
  const custom = new Map<number, string>()
  for (const m of xml.matchAll(/<numFmt\b([^>]*)>/g)) {
    const a = attributes(m[1])
    custom.set(Number(a.numFmtId), xmlText(a.formatCode ?? ''))
  }
  const dates = new Set<number>()
  const from = xml.indexOf('<cellXfs')
  if (from < 0) return dates
  const section = xml.slice(from, xml.indexOf('</cellXfs>', from) >>> 0)
  let index = 0
  for (const m of section.matchAll(/<xf\b([^>]*)>/g)) {
    const id = Number(attributes(m[1]).numFmtId ?? 0)
    const code = custom.get(id)
    if (code !== undefined ? isDateFormat(code) : BUILT_IN_DATES.has(id)) dates.add(index)
    index++
  }
  return dates
}

/** The value of attribute `name` in the tag between `from` and `to` (a quoted value; undefined when absent). */
function attributeIn(xml: string, from: number, to: number, name: string): string | undefined {
  for (let at = xml.indexOf(`${name}="`, from); at >= 0 && at < to; at = xml.indexOf(`${name}="`, at + 1)) {
    const before = xml.charCodeAt(at - 1)
    if (before === 0x20 || before === 0x09 || before === 0x0a || before === 0x0d) return xml.slice(at + name.length + 2, xml.indexOf('"', at + name.length + 2))
  }
  return undefined
}

/**
 * A string of its own. V8 makes a piece of a long string (slice, a regular expression's match) a view into it:
 * a cell's text would keep the whole chunk of XML it was read from alive for as long as the text is kept (the
 * dry run keeps every row's key to find duplicates: 100.000 keys kept ~70 MB of XML alive). Joining and
 * cutting again gives a new, flat string of the piece's own length.
 */
const own = (s: string) => (s.length < 13 ? s : (' ' + s).slice(1))

/** `AB12` → column 28 (1-based). */
function columnOf(ref: string): number {
  let col = 0
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i)
    if (c < 65 || c > 90) break
    col = col * 26 + c - 64
  }
  return col
}

/**
 * A sheet's rows with a value: shared and inline strings, numbers, booleans, dates (a number in a date-formatted
 * cell), formulas as their cached result (never evaluated), an error value as empty.
 */
async function* sheetRows(parts: AsyncIterable<string>, shared: string[], dateStyles: Set<number>, date1904: boolean): AsyncGenerator<SheetRow> {
  let lastRow = 0
  for await (const row of elements(parts, 'row')) {
    const r = /\br="(\d+)"/.exec(row.attrs)
    const rowNumber = r ? Number(r[1]) : lastRow + 1
    lastRow = rowNumber
    if (!row.inner) continue
    const cells: Cell[] = []
    let any = false
    let col = 0
    // scanned by hand, not by regular expressions: a match object per cell and attribute was most of what
    // reading a row allocated
    const xml = row.inner
    for (let pos = xml.indexOf('<c'); pos >= 0; pos = xml.indexOf('<c', pos)) {
      const after = xml.charCodeAt(pos + 2)
      const gt = xml.indexOf('>', pos)
      if (gt < 0) break
      if (after !== 0x20 && after !== 0x3e && after !== 0x2f && after !== 0x09 && after !== 0x0a && after !== 0x0d) { pos = gt + 1; continue }
      const empty = xml.charCodeAt(gt - 1) === 0x2f
      const end = empty ? gt : xml.indexOf('</c>', gt)
      if (end < 0) break
      const open = pos
      pos = empty ? gt + 1 : end + 4
      const ref = attributeIn(xml, open, gt, 'r')
      col = ref ? columnOf(ref) : col + 1
      if (empty) continue
      const type = attributeIn(xml, open, gt, 't') ?? 'n'
      const vAt = xml.indexOf('<v', gt)
      const v = vAt >= 0 && vAt < end ? xml.slice(xml.indexOf('>', vAt) + 1, xml.indexOf('</v>', vAt)) : undefined
      let value: Cell = null
      if (type === 'inlineStr') value = richText(xml.slice(gt + 1, end))
      else if (v === undefined) value = null
      else if (type === 's') value = shared[Number(v)] ?? null
      else if (type === 'str') value = xmlText(v)
      else if (type === 'b') value = v.trim() === '1' || v.trim() === 'true'
      else if (type === 'e') value = null
      else if (type === 'd') value = new Date(v)
      else {
        const n = Number(v)
        const style = attributeIn(xml, open, gt, 's')
        value = !v.trim() || !Number.isFinite(n) ? null
          : style !== undefined && dateStyles.has(Number(style)) ? new Date(Math.round((n - 25569 + (date1904 ? 1462 : 0)) * 86_400_000)) : n
      }
      if (typeof value === 'string') value = value.trim() === '' ? null : own(value)
      if (value === null || (value instanceof Date && Number.isNaN(value.getTime()))) continue
      while (cells.length < col - 1) cells.push(null)
      cells[col - 1] = value
      any = true
    }
    if (any) yield { rowNumber, cells }
  }
}

/**
 * CSV as Excel writes it: `,` or `;` (guessed from the first line), quotes doubled inside quoted fields, a BOM. A
 * cell `="0812…"` (how Lumbung's own CSV keeps a code of digits as text in Excel: lib/export.ts) is read as the text,
 * and one its formula guard wrote as `'+62…` or `'-2.500.000` as what follows the apostrophe (Excel shows the
 * apostrophe of a CSV cell as typed), so that an export or a template reads back as it was written.
 */
async function* readCsv(bytes: Buffer): AsyncGenerator<SheetRow> {
  let text = csvText(bytes)
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0)
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ','
  let row: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let rowStart = 1
  const emit = function* () {
    row.push(field)
    field = ''
    const cells = row.map((c) => (c.trim() === '' ? null : (/^="([^"]*)"$/.exec(c.trim())?.[1] ?? (/^'[=+\-@]/.test(c) ? c.slice(1) : c))))
    if (cells.some((c) => c !== null)) yield { rowNumber: rowStart, cells }
    row = []
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i++ } else quoted = false
      } else {
        if (ch === '\n') line++
        field += ch
      }
    } else if (ch === '"' && field === '') quoted = true
    else if (ch === sep) { row.push(field); field = '' }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      yield* emit()
      line++
      rowStart = line
    } else field += ch
  }
  if (field !== '' || row.length) yield* emit()
}
