import 'server-only'
import ExcelJS from 'exceljs'
import { columnLetter, editableText, type FieldDef } from './fields'
import type { AnyKind, TemplateExtras } from './kinds/types'
import { csvCell } from '@/lib/export'
import { serverText, type TextLocale } from '@/lib/i18n/server-text'
import { IMPORT_LIMITS } from './file'

const TEXT_FORMAT = '@'
/** A sheet's last row in Excel: a larger IMPORT_MAX_ROWS cannot be a range of the drop-downs */
const EXCEL_LAST_ROW = 1_048_576
/** exceljs keeps a rule over a range as one (its types do not say so: they know the rule of a cell only) */
type RangeValidations = { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }
const RULES_SHEET = 'Daftar'

/**
 * The template's last column, beside the fields: CONTOH on each example row, empty on the user's own. A row is an
 * untouched example only when marked so (lib/imports/pipeline.ts isExample): by its values alone, a genuine row equal
 * to an example had been refused as one. Its heading stays Indonesian, as the Data sheet's others (the format the import reads).
 */
export const EXAMPLE_COLUMN = 'Contoh'
const EXAMPLE_MARK = 'CONTOH'
/** Whether a cell of the column Contoh marks an example row (as typed: any case, spaces around). */
export const isExampleMark = (text: string | undefined) => text?.trim().toUpperCase() === EXAMPLE_MARK

/** The explanation sheet's own words, in the downloader's language (its Data sheet stays Indonesian: the format the import reads). */
const HELP_SHEET = {
  id: {
    sheet: 'Penjelasan', column: 'Kolom', required: 'Wajib', format: 'Format', help: 'Keterangan', yes: 'Ya', meaning: 'Arti', note: 'Catatan',
    codes: (label: string) => `Kode ${label}`,
    exampleHelp: `Berisi ${EXAMPLE_MARK} pada baris contoh templat. Baris bertanda ${EXAMPLE_MARK} yang isinya masih sama dengan contohnya ditolak saat uji coba; kosongkan kolom ini (atau hapus kolomnya) untuk data Anda. Kolom ini tidak diimpor.`,
    notes: (rows: string) => `Baris contoh (${rows}) ditimpa dengan data Anda atau dihapus: baris contoh yang dibiarkan apa adanya ditolak saat uji coba. Judul kolom boleh diganti: saat unggah, kolom dicocokkan ulang. Pada data yang sudah ada, sel kosong berarti nilai lama dipertahankan. Impor yang sama dua kali tidak mengubah apa pun.`,
  },
  en: {
    sheet: 'Explanation', column: 'Column', required: 'Required', format: 'Format', help: 'Notes', yes: 'Yes', meaning: 'Meaning', note: 'Note',
    codes: (label: string) => `${label} codes`,
    exampleHelp: `Holds ${EXAMPLE_MARK} on the template's example rows. A row marked ${EXAMPLE_MARK} whose cells are still the example's is refused in the dry run; leave this column empty (or delete it) for your own data. This column is not imported.`,
    notes: (rows: string) => `Overwrite the example rows (${rows}) with your data or delete them: an example row left as it is is refused in the dry run. The column headings on the Data sheet stay in Indonesian (they may be renamed: on upload the columns are matched again). For a record already stored, an empty cell keeps the stored value. Importing the same file twice changes nothing.`,
  },
} as const

/**
 * Columns whose cells are Text in the template: codes and identifiers (NIB, NIK, a region's code, a phone, an
 * account or programme number), which Excel would otherwise turn into numbers (leading zeros lost, 16 digits
 * rounded) or dates (a month 10/2026), and free text, which Excel could read as a number or a date as well.
 */
const TEXT_CELLS = new Set<FieldDef['type']>(['text', 'digits', 'regency', 'district', 'village'])

/** What the explanation sheet says of a column's format. */
function formatOf(f: FieldDef): string {
  if (f.format) return f.format
  switch (f.type) {
    case 'digits': return `${f.digits ?? ''} digit angka, sel berformat Teks`
    case 'money': return 'Rupiah: 1.500.000 / 1500000 / Rp1.500.000'
    case 'number': return f.decimals ? 'angka: 43.950 atau 85,30' : 'bilangan bulat'
    case 'date': return 'tanggal: 18/09/2024, 18 September 2024, sel tanggal'
    case 'enum': return `salah satu: ${f.options!.map((o) => o.label).join(', ')}`
    case 'bool': return 'Ya / Tidak'
    case 'regency': return 'kode Kemendagri atau nama kabupaten/kota'
    case 'district': return 'kode Kemendagri atau nama kecamatan'
    case 'village': return 'kode Kemendagri atau nama desa/kelurahan'
    default: return 'teks, sel berformat Teks'
  }
}

/** A column's example values: the database's for this user (TemplateExtras) or the field's own. */
const examplesOf = (f: FieldDef, extras: TemplateExtras) => extras.examples?.[f.key] ?? f.examples
/** The columns of the user's template: the kind's fields but those it leaves out for the user (TemplateExtras.omit). */
const templateFields = (kind: AnyKind, extras: TemplateExtras) => kind.fields.filter((f) => !extras.omit?.includes(f.key))
const exampleRows = (kind: AnyKind, extras: TemplateExtras) => Math.max(...kind.fields.map((f) => examplesOf(f, extras).length))

/** The template's example rows as field → text, as its cells hold them (the dry run refuses a row left as one: lib/imports/pipeline.ts). */
export function exampleTexts(kind: AnyKind, extras: TemplateExtras = {}): Record<string, string>[] {
  return Array.from({ length: exampleRows(kind, extras) }, (_, i) => Object.fromEntries(kind.fields.map((f) => [f.key, examplesOf(f, extras)[i] ?? ''])))
}

/** A column's drop-down values: an enum's labels, Ya / Tidak, the regencies, a list from the database, the field's fixed choices. */
function listOf(f: FieldDef, regencyNames: string[], extras: TemplateExtras): string[] | null {
  if (f.type === 'enum') return f.options!.map((o) => o.label)
  if (f.type === 'bool') return ['Ya', 'Tidak']
  if (f.type === 'regency') return regencyNames
  return extras.lists?.[f.key] ?? f.choices ?? null
}

/**
 * The kind's .xlsx template: sheet "Data" with the Indonesian header, example rows, code columns formatted
 * as text (NIB and NIK keep their zeros and all 16 digits) and drop-down lists where a column has fixed
 * values; sheet "Penjelasan" explaining every column; the lists' values on a sheet of their own.
 */
export async function templateXlsx(kind: AnyKind, regencyNames: string[], extras: TemplateExtras = {}, locale: TextLocale = 'id'): Promise<Buffer> {
  const fields = templateFields(kind, extras)
  const words = HELP_SHEET[locale]
  // the explanation's texts are written in Indonesian; their English from the server messages (as the rejected-rows file's)
  const say = (text: string) => serverText(text, locale)
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Lumbung'
  const data = wb.addWorksheet('Data', { views: [{ state: 'frozen', ySplit: 1 }] })
  const help = wb.addWorksheet(words.sheet)
  const lists = wb.addWorksheet(RULES_SHEET, { state: 'hidden' })

  data.columns = [...fields.map((f) => ({ header: f.label, key: f.key, width: Math.max(14, f.label.length + 4) })), { header: EXAMPLE_COLUMN, key: EXAMPLE_COLUMN, width: 12 }]
  const header = data.getRow(1)
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } }
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF0F766E' } }
  const examples = exampleRows(kind, extras)
  for (let i = 0; i < examples; i++) data.addRow({ ...Object.fromEntries(fields.map((f) => [f.key, examplesOf(f, extras)[i] ?? ''])), [EXAMPLE_COLUMN]: EXAMPLE_MARK })

  let listColumn = 0
  fields.forEach((f, i) => {
    const col = data.getColumn(i + 1)
    if (TEXT_CELLS.has(f.type)) col.numFmt = TEXT_FORMAT
    const values = listOf(f, regencyNames, extras)
    if (!values?.length) return
    listColumn++
    const letter = columnLetter(listColumn - 1)
    lists.getCell(`${letter}1`).value = f.label
    values.forEach((v, j) => { lists.getCell(`${letter}${j + 2}`).value = v })
    // a list to pick from, not a hard rule: the import also takes the region's code and an option's other
    // spellings (L / P, Pria, Wanita), so Excel warns about another value and lets the user keep it
    const warn = f.type !== 'regency'
    // one rule over the column's every data row up to the import's limit (one range in the file, not a rule per cell):
    // the drop-downs had stopped at row 500
    const column = columnLetter(i)
    ;(data as unknown as RangeValidations).dataValidations.add(`${column}2:${column}${Math.min(IMPORT_LIMITS.maxRows + 1, EXCEL_LAST_ROW)}`, {
      type: 'list', allowBlank: !f.required, showErrorMessage: warn, errorStyle: warn ? 'warning' : 'information',
      formulae: [`${RULES_SHEET}!$${letter}$2:$${letter}$${values.length + 1}`],
      errorTitle: f.label, error: `Pilih dari daftar: ${values.slice(0, 8).join(', ')}${values.length > 8 ? ', …' : ''}`,
    })
  })

  help.columns = [
    { header: words.column, key: 'label', width: 24 },
    { header: words.required, key: 'required', width: 8 },
    { header: words.format, key: 'format', width: 40 },
    { header: words.help, key: 'help', width: 90 },
  ]
  help.getRow(1).font = { bold: true }
  for (const f of fields) {
    // the column as the Data sheet heads it (Indonesian), with its English name for an English reader
    const label = locale === 'en' && f.labelEn ? `${f.label} (${f.labelEn})` : f.label
    const row = help.addRow({ label, required: f.required ? words.yes : '', format: say(formatOf(f)), help: say(f.help) })
    row.alignment = { wrapText: true, vertical: 'top' }
  }
  help.addRow({ label: EXAMPLE_COLUMN, format: EXAMPLE_MARK, help: words.exampleHelp }).alignment = { wrapText: true, vertical: 'top' }
  // a drop-down of codes (KOP_TERDAFTAR, DAK_PENDAMPINGAN) says nothing to an officer without the app: their names here
  if (extras.codes?.rows.length) {
    const field = fields.find((f) => f.key === extras.codes!.field)
    help.addRow({})
    help.addRow({ label: words.codes(field?.label ?? extras.codes.field), help: words.meaning }).font = { bold: true }
    for (const [code, name, nameEn] of extras.codes.rows) help.addRow({ label: code, help: locale === 'en' ? nameEn ?? name : name })
  }
  help.addRow({})
  help.addRow({ label: words.note, help: words.notes(examples > 1 ? `2–${examples + 1}` : '2') }).alignment = { wrapText: true, vertical: 'top' }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/**
 * The .csv template: `;`-separated (what Excel uses in an Indonesian locale), UTF-8 with a BOM, header and examples,
 * each cell written as people's exports write it (lib/export.ts csvCell): an example NIK or phone number stays text in Excel.
 */
export function templateCsv(kind: AnyKind, extras: TemplateExtras = {}): string {
  const examples = exampleRows(kind, extras)
  const fields = templateFields(kind, extras)
  const lines = [[...fields.map((f) => f.label), EXAMPLE_COLUMN].map((h) => csvCell(h, undefined, true)).join(';')]
  for (let i = 0; i < examples; i++) lines.push([...fields.map((f) => csvCell(examplesOf(f, extras)[i] ?? '', undefined, true)), csvCell(EXAMPLE_MARK, undefined, true)].join(';'))
  return `\ufeff${lines.join('\r\n')}\r\n`
}

type RefusedMessage = { column: string; message: string; messageEn?: string }

/**
 * A refused row's messages in one cell, `Kolom: pesan.` one after another, in the reader's language (as the dry run
 * shows them: the file had said in Indonesian what the English page said in English): each message is a sentence with
 * its own full stop, so they are joined by a space ("…angka.; Telepon: …" read as a typing error).
 */
export function errorsText(errors: RefusedMessage[], locale: TextLocale = 'id'): string {
  return errors.map((e) => {
    const message = (locale === 'en' ? e.messageEn ?? serverText(e.message, 'en') : e.message).trim()
    return `${e.column}: ${/[.!?…]$/.test(message) ? message : `${message}.`}`
  }).join(' ')
}

/** The columns the rejected-rows file adds, and its sheet, in each language. */
const REJECTED_FILE = {
  id: { sheet: 'Ditolak', row: 'Baris asal', errors: 'Kesalahan' },
  en: { sheet: 'Refused', row: 'Source row', errors: 'Errors' },
} as const
/** A column the rejected-rows file adds (in either language): not the user's, so never kept as an ignored column when it is uploaded again. */
export const isRejectedFileHeading = (heading: string) => Object.values(REJECTED_FILE).some((l) => heading === l.row || heading === l.errors)

/**
 * The rejected rows as .xlsx: the user's own columns in the file's order, the ignored ones too (a "No." or "Catatan"
 * the user keeps, when a refused row had something in it), and an error column, to correct and upload again. The
 * user's headings and cells stay as the file had them; the sheet, the added columns and the errors are in the reader's language.
 */
export async function rejectedXlsx(fields: FieldDef[], headings: string[], mapping: Record<string, string | null>, rows: { rowNumber: number; values: Record<string, string>; ignored?: Record<string, string>; errors: RefusedMessage[] }[], locale: TextLocale = 'id'): Promise<Buffer> {
  const words = REJECTED_FILE[locale]
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet(words.sheet)
  const columns = headings.filter((h) => mapping[h] || rows.some((r) => r.ignored?.[h]))
  ws.columns = [
    { header: words.row, key: '__row', width: 10 },
    ...columns.map((h) => ({ header: h, key: h, width: Math.max(12, h.length + 2), style: { numFmt: TEXT_FORMAT } })),
    { header: words.errors, key: '__errors', width: 80 },
  ]
  ws.getRow(1).font = { bold: true }
  for (const r of rows) {
    ws.addRow({
      __row: r.rowNumber,
      // as typed again: labels, Ya / Tidak, dd/mm/yyyy (the rows hold the texts the check read); an ignored cell as it read
      ...Object.fromEntries(columns.map((h) => [h, mapping[h] ? editableText(fields.find((f) => f.key === mapping[h]), r.values[mapping[h]!] ?? '') : r.ignored?.[h] ?? ''])),
      __errors: errorsText(r.errors, locale),
    })
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
