import 'server-only'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { PassThrough } from 'node:stream'
import { jakartaDate, jakartaTime, jakartaToday, jakartaWallClock } from '@/lib/dates'
import { dateInputText } from '@/lib/parse'

/**
 * A column of an export: header text and how to read the cell from a row. A Date's `numFmt` says what it
 * is: `dd/mm/yyyy` a calendar day (stored at UTC midnight), one with hours (`dd/mm/yyyy hh:mm`) an instant.
 */
export type ExportColumn<R> = {
  header: string
  value: (row: R) => string | number | Date | null | undefined
  width?: number
  numFmt?: string
  /** a number format for one row's cell, where a column mixes counts, Rupiah and percentages (the dashboard summary) */
  rowNumFmt?: (row: R) => string | undefined
}

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** How a Date cell is written: a calendar day, an instant to the minute, or to the second. */
export type DateKind = 'date' | 'datetime' | 'datetime-seconds'

/** The kind a column's number format declares; a Date without a day-only format is an instant. */
export function dateKindOf(numFmt: string | undefined): DateKind {
  if (numFmt && !/h/i.test(numFmt)) return 'date'
  return numFmt && /ss/i.test(numFmt) ? 'datetime-seconds' : 'datetime'
}

/** A Date as CSV text: a day as `18/09/2024` (as the import reads it back), an instant in WIB as `18/09/2024 09.00`. */
function csvDate(v: Date, kind: DateKind): string {
  if (kind === 'date') return dateInputText(v.toISOString().slice(0, 10))
  return `${dateInputText(jakartaDate(v))} ${jakartaTime(v, 'id', { seconds: kind === 'datetime-seconds' })}`
}

/**
 * A code written as digits (a 16-digit NIK, a KBLI or phone number with a leading zero, a region code such as
 * 35.17): Excel opening a CSV reads it as a number (3,502E+15 saved back as 3502000000000040; 01499 as 1499),
 * so people's CSV writes it as `="…"`, which Excel shows as the text and the import reads back as it (lib/imports/file.ts).
 */
function excelWouldConvert(s: string): boolean {
  // digits alone: from 12 digits Excel shows them as 3,5E+15 (and past 15 keeps only 15), and a leading zero it drops; two
  // digits, a dot and two (a regency code, a time such as 09.00) it may read as a time or a number; longer dotted codes
  // and addresses it leaves as text. LibreOffice shows ="…" as typed unless formulas in CSV are enabled.
  return (/^\d+$/.test(s) && (s.length > 11 || /^0\d/.test(s))) || /^\d{1,2}\.\d{2}$/.test(s)
}

/**
 * One CSV cell. A Date is written as its column's `kind` says (see dateKindOf); without one (the API's
 * machine-read snapshots) as ISO 8601 UTC. `forExcel` (people's CSV): a decimal comma, and a code of digits kept as text.
 */
export function csvCell(v: string | number | Date | null | undefined, kind?: DateKind, forExcel = false): string {
  if (v === null || v === undefined) return ''
  if (forExcel && typeof v === 'string' && excelWouldConvert(v)) return `"=""${v}"""`
  // people's CSV (toCsv) writes a decimal comma: Excel with Indonesian settings reads a dot as the thousands
  // separator (200000000.5 became 2.000.000.005); the API's machine-read files keep the dot
  const s = v instanceof Date ? (kind ? csvDate(v, kind) : v.toISOString()) : typeof v === 'number' && forExcel ? String(v).replace('.', ',') : String(v)
  // formula injection: a cell starting with = + - @ would run as a formula when opened in a spreadsheet
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v !== 'number' ? `'${s}` : s
  return /[";\n\r,]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** CSV with a BOM and `;` separators: what Excel with Indonesian regional settings opens cleanly. */
export function toCsv<R>(columns: ExportColumn<R>[], rows: R[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(';')]
  const kinds = columns.map((c) => dateKindOf(c.numFmt))
  for (const r of rows) lines.push(columns.map((c, i) => csvCell(c.value(r), kinds[i], true)).join(';'))
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}

/**
 * A sheet name Excel accepts: none of `* ? : \ / [ ]` (an indicator named "IUMK/NIB diterbitkan" made the
 * export a 500), no apostrophe at either end, at most 31 characters, not empty.
 */
export function sheetTitle(name: string): string {
  const title = name.replace(/[*?:\\/[\]]/g, '-').replace(/\s+/g, ' ').trim().slice(0, 31).replace(/^'+|'+$/g, '').trim()
  return title || 'Data'
}

/** `totalRows`: how many of the last rows are totals, kept out of the filter's range (a sort would move them in among the data). */
export type XlsxOptions = { totalRows?: number }

/** Rows written between two turns of the event loop: an export of 27.344 loans had held the server for 9 s. */
const ROWS_PER_TURN = 500

/**
 * A real .xlsx workbook: numbers stay numbers, dates stay dates, header row frozen and filterable. Written by
 * ExcelJS's streaming writer, each row rendered as it is added and compressed by zlib off the main thread, giving
 * the event loop back every ROWS_PER_TURN rows: the in-memory workbook rendered the whole sheet in one go, during
 * which no other request of the process (a sign-in, a health check) was answered.
 */
export async function toXlsx<R>(columns: ExportColumn<R>[], rows: R[], sheetName: string, opts: XlsxOptions = {}): Promise<Buffer> {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = new Promise<void>((resolve, reject) => out.on('end', resolve).on('error', reject))
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  wb.creator = 'Lumbung'
  wb.created = new Date()
  const ws = wb.addWorksheet(sheetTitle(sheetName), { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(12, c.header.length + 2), style: c.numFmt ? { numFmt: c.numFmt } : {} }))
  ws.getRow(1).font = { bold: true }
  // filter buttons on the header over the data rows, totals left out: sorting and filtering an export is the first
  // thing done with it (Excel widens a header-only range by itself, LibreOffice does not)
  const range = `A1:${columnLetters(columns.length)}${Math.max(1, rows.length + 1 - (opts.totalRows ?? 0))}`
  ws.autoFilter = range
  // a day stays at its UTC midnight; an instant is moved to its WIB wall clock (jakartaWallClock)
  const shift = columns.map((c) => dateKindOf(c.numFmt) !== 'date')
  for (let n = 0; n < rows.length; n++) {
    const r = rows[n]
    const row = ws.addRow(columns.map((c, i) => {
      const v = c.value(r)
      if (v instanceof Date) return shift[i] ? jakartaWallClock(v) : v
      return v === undefined ? null : v
    }))
    columns.forEach((c, i) => {
      const fmt = c.rowNumFmt?.(r)
      if (fmt) row.getCell(i + 1).numFmt = fmt
    })
    row.commit()
    if (n % ROWS_PER_TURN === ROWS_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve))
  }
  ws.commit()
  await wb.commit()
  await ended
  return withFilterName(Buffer.concat(chunks), ws.name, range)
}

/** 1 → A, 26 → Z, 27 → AA. */
function columnLetters(n: number): string {
  let letters = ''
  for (let v = n; v > 0; v = Math.floor((v - 1) / 26)) letters = String.fromCharCode(65 + ((v - 1) % 26)) + letters
  return letters
}

const xmlText = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * ExcelJS writes the sheet's <autoFilter> but not the hidden name `_xlnm._FilterDatabase` that LibreOffice reads a
 * filter from (Excel, which writes both, does without it): added to the workbook part of the one-sheet file, every
 * other part copied as it is (JSZip keeps their compressed bytes).
 */
async function withFilterName(xlsx: Buffer, sheet: string, range: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx)
  const part = zip.file('xl/workbook.xml')
  if (!part) return xlsx
  const absolute = range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')
  const name = `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">${xmlText(`'${sheet.replace(/'/g, "''")}'!${absolute}`)}</definedName>`
  const xml = await part.async('string')
  zip.file('xl/workbook.xml', xml.includes('<definedNames>') ? xml.replace('<definedNames>', `<definedNames>${name}`) : xml.replace('</sheets>', `</sheets><definedNames>${name}</definedNames>`))
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}

/**
 * An export's file name base followed by the filters that chose its rows, as the caller lists them: `umkm-35.17-mikro`,
 * so two filtered downloads of one list are told apart by name (the download day follows, exportResponse). A filter
 * not set (undefined, null, false, '') adds nothing; each part keeps letters, digits and dots, at most 32 characters (a record's id whole).
 */
export function filteredName(base: string, parts: unknown[]): string {
  const shown = parts
    .filter((v): v is string | number => (typeof v === 'string' || typeof v === 'number') && String(v).trim() !== '')
    .map((v) => String(v).toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9.]+/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 32).replace(/[-.]+$/, ''))
    .filter(Boolean)
  return [base, ...shown].join('-')
}

/**
 * A date-range filter as one part of an export's name: `2026-12-01-sd-2026-12-08` (s.d., sampai dengan), one day as
 * `tgl-2026-12-08`, an open end as `sejak-…` or `sd-…`. Two bare dates beside the download day had read as three
 * unnamed dates (`log-audit-…-2026-12-08-2026-12-08-2026-12-08.xlsx`, a walk's).
 */
export function dateRangePart(from: string | undefined | null, to: string | undefined | null): string | undefined {
  if (from && to) return from === to ? `tgl ${from}` : `${from} sd ${to}`
  if (from) return `sejak ${from}`
  if (to) return `sd ${to}`
  return undefined
}

/**
 * A filter that holds a record's internal id (a programme, a bank) as an export's file name shows it: the record's
 * code (`PROKESRA-2026`, which filteredName lower-cases) looked up among the records the reader may see, never the id
 * (`penyaluran-kredit-cmxa8p2f500yary7dykj6vct2-…`). An id not among them (another bank's programme, a stale link) names nothing.
 */
export function codeForId(id: string | undefined, records: readonly { id: string; code: string }[]): string | undefined {
  return id ? records.find((r) => r.id === id)?.code : undefined
}

/**
 * A download response in the requested format, named `<base>-<yyyy-mm-dd>.<ext>`: the day is today in
 * Jakarta, or `day` for figures as of another day (the dashboard's), so the name carries one date only.
 */
export async function exportResponse<R>(format: ExportFormat, base: string, columns: ExportColumn<R>[], rows: R[], sheetName = base, day = jakartaToday(), opts: XlsxOptions = {}): Promise<Response> {
  const filename = `${base}-${day}.${format}`
  const headers = { 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'no-store' }
  if (format === 'csv') return new Response(toCsv(columns, rows), { headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8' } })
  const body = await toXlsx(columns, rows, sheetName, opts)
  return new Response(new Uint8Array(body), { headers: { ...headers, 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } })
}
