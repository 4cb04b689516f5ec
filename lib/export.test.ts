import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { codeForId, csvCell, dateKindOf, exportResponse, dateRangePart, filteredName, sheetTitle, toCsv, toXlsx, type ExportColumn } from './export'

type Row = { founded: Date; meeting: Date; logged: Date }
const row: Row = {
  founded: new Date('2018-09-21T00:00:00.000Z'), // a calendar day (@db.Date): UTC midnight
  meeting: new Date('2024-09-18T02:00:00.000Z'), // 09.00 WIB
  logged: new Date('2024-09-18T16:59:30.000Z'), // 23.59.30 WIB
}
const columns: ExportColumn<Row>[] = [
  { header: 'Tanggal badan hukum', value: (r) => r.founded, numFmt: 'dd/mm/yyyy' },
  { header: 'Mulai', value: (r) => r.meeting, numFmt: 'dd/mm/yyyy hh:mm' },
  { header: 'Waktu', value: (r) => r.logged, numFmt: 'dd/mm/yyyy hh:mm:ss' },
]

describe('dates in exports', () => {
  it('reads a column’s kind from its number format', () => {
    expect(dateKindOf('dd/mm/yyyy')).toBe('date')
    expect(dateKindOf('dd/mm/yyyy hh:mm')).toBe('datetime')
    expect(dateKindOf('dd/mm/yyyy hh:mm:ss')).toBe('datetime-seconds')
    expect(dateKindOf(undefined)).toBe('datetime')
  })

  it('writes a day as dd/mm/yyyy and an instant in WIB in CSV, never ISO UTC', () => {
    const [, line] = toCsv(columns, [row]).replace('\uFEFF', '').split('\r\n')
    expect(line).toBe('21/09/2018;18/09/2024 09.00;18/09/2024 23.59.30')
    // the day is the Jakarta day: 20.00 UTC is already the next morning
    expect(csvCell(new Date('2024-09-18T20:00:00Z'), 'datetime')).toBe('19/09/2024 03.00')
    // without a column (the API's machine-read files) a Date stays ISO
    expect(csvCell(row.meeting)).toBe('2024-09-18T02:00:00.000Z')
  })

  it('writes decimals with a comma in people’s CSV and with a dot in the machine-read files', () => {
    const money: ExportColumn<{ v: number }>[] = [{ header: 'Omzet', value: (r) => r.v }]
    const lines = toCsv(money, [{ v: 200000000.5 }, { v: 14 }, { v: -2.25 }]).replace('\uFEFF', '').split('\r\n')
    // Excel with Indonesian settings splits on ';' and reads '200000000,5' as 200.000.000,5
    expect(lines.slice(1, 4)).toEqual(['"200000000,5"', '14', '"-2,25"'])
    expect(csvCell(200000000.5)).toBe('200000000.5')
  })

  it('keeps codes of digits as text for Excel in people’s CSV (a 16-digit NIK, a leading zero, a region code), not in the machine-read files', () => {
    const codes: ExportColumn<{ v: string | number }>[] = [{ header: 'Kode', value: (r) => r.v }]
    const rows = ['3502000000000046', '01499', '35.17', '0812345678', '4711', 4711, 'KSP 01', '35.17.01.2001', '203.0.113.7', '0'].map((v) => ({ v }))
    const lines = toCsv(codes, rows).replace('\uFEFF', '').split('\r\n')
    expect(lines.slice(1, 11)).toEqual(['"=""3502000000000046"""', '"=""01499"""', '"=""35.17"""', '"=""0812345678"""', '4711', '4711', 'KSP 01', '35.17.01.2001', '203.0.113.7', '0'])
    expect(csvCell('3502000000000046')).toBe('3502000000000046')
  })

  it('writes an instant as its WIB wall clock in .xlsx and leaves a day where it is', async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await toXlsx(columns, [row], 'Uji') as unknown as ArrayBuffer)
    const cells = wb.worksheets[0].getRow(2)
    // ExcelJS reads a date cell's serial as UTC: what Excel shows is the UTC reading
    expect(cells.getCell(1).value).toEqual(new Date('2018-09-21T00:00:00.000Z'))
    expect(cells.getCell(2).value).toEqual(new Date('2024-09-18T09:00:00.000Z'))
    expect(cells.getCell(2).numFmt).toBe('dd/mm/yyyy hh:mm')
    expect(cells.getCell(3).value).toEqual(new Date('2024-09-18T23:59:30.000Z'))
  })

  it('puts filter buttons on the header row over the data and keeps it frozen', async () => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await toXlsx(columns, [row, row], 'Uji') as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]
    expect(ws.autoFilter).toBe(`A1:${String.fromCharCode(64 + columns.length)}3`)
    // a total row is left out of the range; an empty sheet filters its header alone
    const totals = new ExcelJS.Workbook()
    await totals.xlsx.load(await toXlsx(columns, [row, row, row], 'Uji', { totalRows: 1 }) as unknown as ArrayBuffer)
    expect(totals.worksheets[0].autoFilter).toBe(`A1:${String.fromCharCode(64 + columns.length)}3`)
    // the hidden name LibreOffice reads the filter from (Excel reads <autoFilter>), with the sheet's name quoted
    const named = await JSZip.loadAsync(await toXlsx(columns, [row], "Rekap O'Brien & Co"))
    expect(await named.file('xl/workbook.xml')!.async('string')).toContain(`<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Rekap O''Brien &amp; Co'!$A$1:$${String.fromCharCode(64 + columns.length)}$2</definedName></definedNames>`)
    const wide = new ExcelJS.Workbook()
    await wide.xlsx.load(await toXlsx(Array.from({ length: 28 }, (_, i) => ({ header: `K${i}`, value: () => i })), [row], 'Lebar') as unknown as ArrayBuffer)
    expect(wide.worksheets[0].autoFilter).toBe('A1:AB2')
    const empty = new ExcelJS.Workbook()
    await empty.xlsx.load(await toXlsx(columns, [], 'Uji') as unknown as ArrayBuffer)
    expect(empty.worksheets[0].autoFilter).toBe(`A1:${String.fromCharCode(64 + columns.length)}1`)
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
  })

  it('gives the event loop back while it writes a long sheet, and keeps every row, number and text', async () => {
    // the whole sheet had been rendered before anything else of the process could run (a sign-in, a health check)
    let rendered = 0
    let renderedAtFirstTurn = -1
    const many = Array.from({ length: 2_000 }, (_, i) => ({ n: i, name: `Usaha ${i}` }))
    const cols: ExportColumn<(typeof many)[number]>[] = [
      { header: 'No', value: (r) => (rendered++, r.n) },
      { header: 'Nama', value: (r) => r.name },
    ]
    setImmediate(() => { renderedAtFirstTurn = rendered })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await toXlsx(cols, many, 'Panjang') as unknown as ArrayBuffer)
    expect(renderedAtFirstTurn).toBeGreaterThan(0)
    expect(renderedAtFirstTurn).toBeLessThan(many.length)
    const ws = wb.worksheets[0]
    expect(ws.rowCount).toBe(2_001)
    expect(ws.getRow(2_001).values).toEqual([undefined, 1_999, 'Usaha 1999'])
    expect(ws.getRow(1).font?.bold).toBe(true)
  })

  it('names the file with one date: today, or the day the figures are as of', async () => {
    const named = (res: Response) => /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '')?.[1]
    expect(named(await exportResponse('csv', 'ringkasan-prokesra-2026', columns, [row], 'Uji', '2026-12-04'))).toBe('ringkasan-prokesra-2026-2026-12-04.csv')
    expect(named(await exportResponse('csv', 'umkm', columns, []))).toMatch(/^umkm-\d{4}-\d{2}-\d{2}\.csv$/)
  })
})

describe('filteredName', () => {
  it('names an export after the filters set, in the order given, as safe file-name parts', () => {
    expect(filteredName('umkm', [undefined, null, false, '', '  '])).toBe('umkm')
    expect(filteredName('umkm', ['35.17', 'MIKRO', 'skala-tidak-sesuai'])).toBe('umkm-35.17-mikro-skala-tidak-sesuai')
    expect(filteredName('koperasi', [undefined, 'SIMPAN_PINJAM', 'Koperasi "Sejahtera"/Jaya'])).toBe('koperasi-simpan-pinjam-koperasi-sejahtera-jaya')
    expect(filteredName('rapat', [2026, '2026-11'])).toBe('rapat-2026-2026-11')
    // accents folded, a long search cut at 32 characters without a trailing dash, nothing that would break the header
    expect(filteredName('umkm', ['Café Ñusantara'])).toBe('umkm-cafe-nusantara')
    expect(filteredName('umkm', ['a'.repeat(31) + ' b'])).toBe(`umkm-${'a'.repeat(31)}`)
    expect(filteredName('log-audit', ['cmxa8p3kc00z5ry7d2rzw8ppi'])).toBe('log-audit-cmxa8p3kc00z5ry7d2rzw8ppi')
    expect(filteredName('umkm', ['../..\\x";\r\nSet-Cookie: y'])).toMatch(/^umkm-[a-z0-9.-]+$/)
  })
})

describe('dateRangePart', () => {
  it('names a date range as one part, its two ends told apart from each other and from the download day', () => {
    expect(filteredName('log-audit', ['rapat', dateRangePart('2026-12-01', '2026-12-08')])).toBe('log-audit-rapat-2026-12-01-sd-2026-12-08')
    expect(filteredName('log-audit', [dateRangePart('2026-12-08', '2026-12-08')])).toBe('log-audit-tgl-2026-12-08')
    expect(filteredName('kegiatan-pembinaan', [dateRangePart('2026-01-01', undefined)])).toBe('kegiatan-pembinaan-sejak-2026-01-01')
    expect(filteredName('penyaluran-kredit', [dateRangePart(undefined, '2026-06-30')])).toBe('penyaluran-kredit-sd-2026-06-30')
    expect(filteredName('umkm', [dateRangePart(undefined, null)])).toBe('umkm')
  })
})

describe('codeForId', () => {
  const programs = [{ id: 'cmxa8p2f500yary7dykj6vct2', code: 'PROKESRA-2026' }, { id: 'cmxa8p2f500yary7dykj6vct3', code: 'PROKESRA-2025' }]

  it('names a programme filter by the programme’s code, lower-cased with the other parts, never its internal id', () => {
    expect(codeForId('cmxa8p2f500yary7dykj6vct2', programs)).toBe('PROKESRA-2026')
    expect(filteredName('penyaluran-kredit', [codeForId('cmxa8p2f500yary7dykj6vct2', programs), '35.17'])).toBe('penyaluran-kredit-prokesra-2026-35.17')
    expect(filteredName('klaim-subsidi', [codeForId('cmxa8p2f500yary7dykj6vct3', programs), 'APPROVED', codeForId('b1', [{ id: 'b1', code: 'BPR Jatim' }])])).toBe('klaim-subsidi-prokesra-2025-approved-bpr-jatim')
  })

  it('names nothing for no filter or an id the reader cannot see (another bank’s programme, a stale link)', () => {
    expect(codeForId(undefined, programs)).toBeUndefined()
    expect(codeForId('cmxa8p2f500yary7dykj6vct9', programs)).toBeUndefined()
    expect(codeForId('cmxa8p2f500yary7dykj6vct2', [])).toBeUndefined()
    expect(filteredName('penyaluran-kredit', [codeForId('cmxa8p2f500yary7dykj6vct9', programs), '35.17'])).toBe('penyaluran-kredit-35.17')
  })
})

describe('sheetTitle', () => {
  it('makes any name one Excel accepts: no * ? : \\ / [ ], no apostrophe at either end, 31 characters at most', async () => {
    expect(sheetTitle('IUMK/NIB diterbitkan')).toBe('IUMK-NIB diterbitkan')
    expect(sheetTitle('a*b?c:d\\e[f]g')).toBe('a-b-c-d-e-f-g')
    expect(sheetTitle("'Kutipan'")).toBe('Kutipan')
    expect(sheetTitle('x'.repeat(40))).toHaveLength(31)
    expect(sheetTitle('///')).toBe('---')
    expect(sheetTitle('  ')).toBe('Data')
    // the name the realisation export gives a sheet: the workbook is written and opens again
    const xlsx = await toXlsx([{ header: 'Nilai', value: (r: { v: number }) => r.v }], [{ v: 1 }], 'IUMK/NIB diterbitkan 2026')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer)
    expect(wb.worksheets[0].name).toBe('IUMK-NIB diterbitkan 2026')
  })
})
