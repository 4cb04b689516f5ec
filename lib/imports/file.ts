import 'server-only'
import { Readable } from 'node:stream'
import { inflateRawSync, constants as zlib } from 'node:zlib'
import ExcelJS from 'exceljs'
import { IMPORT_MAX_FILE_BYTES } from '@/lib/upload-limits'

/**
 * Reading uploaded spreadsheets safely and without holding the whole sheet: the file is checked before any
 * parser sees it (real .xlsx zip or UTF-8 text, entry count and decompressed size capped, no DTD), then rows
 * are streamed one at a time (ExcelJS's streaming reader; a small CSV reader). Formulas give their cached
 * value; nothing is ever evaluated.
 */

/** A cell as the importers see it: text, a number, a date (from a date-formatted cell), a boolean, or empty. */
export type Cell = string | number | boolean | Date | null
export type SheetRow = { rowNumber: number; cells: Cell[] }
export type FileFormat = 'XLSX' | 'CSV'

export const IMPORT_LIMITS = {
  /** bytes of the uploaded file */
  maxFileBytes: IMPORT_MAX_FILE_BYTES,
  /** data rows of one sheet */
  maxRows: Number(process.env.IMPORT_MAX_ROWS ?? 100_000),
  /** the zip's entries and their total decompressed size: a zip bomb is refused before it is opened */
  maxZipEntries: 2_000,
  maxUnzippedBytes: 400 * 1024 * 1024,
}

export class FileRefused extends Error {}

/** Refuse what is not a spreadsheet before parsing: by content, never by the name's extension alone. */
export function inspectFile(name: string, bytes: Buffer): FileFormat {
  if (bytes.length === 0) throw new FileRefused('Berkas kosong.')
  if (bytes.length > IMPORT_LIMITS.maxFileBytes) {
    throw new FileRefused(`Berkas terlalu besar (${(bytes.length / 1024 / 1024).toFixed(1)} MB); batasnya ${Math.round(IMPORT_LIMITS.maxFileBytes / 1024 / 1024)} MB.`)
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
  // CSV: UTF-8 text without NUL bytes (a binary renamed .csv is refused)
  if (bytes.includes(0)) throw new FileRefused('Berkas bukan spreadsheet: unggah .xlsx atau .csv.')
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, Math.min(bytes.length, 1 << 20)))
  } catch {
    throw new FileRefused('Berkas .csv harus berenkode UTF-8 (Excel: Simpan Sebagai → CSV UTF-8).')
  }
  return 'CSV'
}

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

/** A cell value of ExcelJS's reader as a plain value: formulas give their cached result, rich text its text. */
export function plainCell(v: unknown): Cell {
  if (v === null || v === undefined) return null
  if (typeof v === 'string') return v.trim() === '' ? null : v
  if (typeof v === 'number' || typeof v === 'boolean') return v
  if (v instanceof Date) return v
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>
    if ('result' in o || 'formula' in o || 'sharedFormula' in o) return plainCell(o.result)
    if (Array.isArray(o.richText)) return plainCell((o.richText as { text: string }[]).map((r) => r.text).join(''))
    if ('text' in o) return plainCell(o.text)
    if ('error' in o) return null
  }
  return String(v)
}

/**
 * Every sheet of the file, row by row: sheet name, then its rows (blank rows skipped). The file is the whole
 * upload, or its bytes in slices as they are read (an import's job reads the stored file slice by slice, so
 * an .xlsx is never held whole; a .csv is joined first).
 */
export async function* readSheets(format: FileFormat, input: Buffer | AsyncIterable<Buffer>): AsyncGenerator<{ sheet: string; rows: AsyncGenerator<SheetRow> }> {
  if (format === 'CSV') {
    let bytes: Buffer
    if (Buffer.isBuffer(input)) bytes = input
    else {
      const parts: Buffer[] = []
      for await (const part of input) parts.push(part)
      bytes = Buffer.concat(parts)
    }
    yield { sheet: 'CSV', rows: readCsv(bytes) }
    return
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.isBuffer(input) ? [input] : input), {
    entries: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit',
  })
  let index = 0
  for await (const ws of reader) {
    index++
    const sheet = (ws as unknown as { name?: string }).name ?? `Sheet${index}`
    yield { sheet, rows: xlsxRows(ws as AsyncIterable<ExcelJS.Row>) }
  }
}

async function* xlsxRows(ws: AsyncIterable<ExcelJS.Row>): AsyncGenerator<SheetRow> {
  for await (const row of ws) {
    const values = row.values as unknown[]
    const cells: Cell[] = []
    let any = false
    for (let c = 1; c < values.length; c++) {
      const v = plainCell(values[c])
      cells.push(v)
      if (v !== null) any = true
    }
    if (any) yield { rowNumber: row.number, cells }
  }
}

/** CSV as Excel writes it: `,` or `;` (guessed from the first line), quotes doubled inside quoted fields, a BOM. */
async function* readCsv(bytes: Buffer): AsyncGenerator<SheetRow> {
  let text = bytes.toString('utf8')
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
    const cells = row.map((c) => (c.trim() === '' ? null : c))
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
