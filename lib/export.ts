import 'server-only'
import ExcelJS from 'exceljs'

/** A column of an export: header text and how to read the cell from a row. */
export type ExportColumn<R> = { header: string; value: (row: R) => string | number | Date | null | undefined; width?: number; numFmt?: string }

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export function csvCell(v: string | number | Date | null | undefined): string {
  if (v === null || v === undefined) return ''
  const s = v instanceof Date ? v.toISOString() : String(v)
  // formula injection: a cell starting with = + - @ would run as a formula when opened in a spreadsheet
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v !== 'number' ? `'${s}` : s
  return /[";\n\r,]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

/** CSV with a BOM and `;` separators: what Excel with Indonesian regional settings opens cleanly. */
export function toCsv<R>(columns: ExportColumn<R>[], rows: R[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(';')]
  for (const r of rows) lines.push(columns.map((c) => csvCell(c.value(r))).join(';'))
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}

/** A real .xlsx workbook: numbers stay numbers, dates stay dates, header row frozen. */
export async function toXlsx<R>(columns: ExportColumn<R>[], rows: R[], sheetName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Lumbung'
  wb.created = new Date()
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(12, c.header.length + 2), style: c.numFmt ? { numFmt: c.numFmt } : {} }))
  ws.getRow(1).font = { bold: true }
  for (const r of rows) {
    ws.addRow(columns.map((c) => {
      const v = c.value(r)
      return v === undefined ? null : v
    }))
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** A download response in the requested format, named `<base>-<yyyy-mm-dd>.<ext>`. */
export async function exportResponse<R>(format: ExportFormat, base: string, columns: ExportColumn<R>[], rows: R[], sheetName = base): Promise<Response> {
  const stamp = new Date().toISOString().slice(0, 10)
  const filename = `${base}-${stamp}.${format}`
  const headers = { 'Content-Disposition': `attachment; filename="${filename}"`, 'Cache-Control': 'no-store' }
  if (format === 'csv') return new Response(toCsv(columns, rows), { headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8' } })
  const body = await toXlsx(columns, rows, sheetName)
  return new Response(new Uint8Array(body), { headers: { ...headers, 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } })
}
