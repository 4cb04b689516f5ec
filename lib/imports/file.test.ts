import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { bufferSource, csvText, FileRefused, inspectFile, readSheets, type ByteSource, type Cell } from './file'

/**
 * The sheet reader (a small reader of the sheet XML) against ExcelJS's own complete reader on the same
 * workbooks: every kind of cell a spreadsheet holds reads the same.
 */
async function read(bytes: Buffer, sliced = false) {
  const out: { sheet: string; rows: { rowNumber: number; cells: Cell[] }[] }[] = []
  // `sliced`: the file read through ranges, as a job reads the stored file, each range fetched 7 bytes at a time
  const input = sliced ? { size: bytes.length, read: (offset: number, length: number) => readInPieces(bufferSource(bytes), offset, length, 7) } : bytes
  for await (const s of readSheets('XLSX', input)) {
    const rows = []
    for await (const r of s.rows) rows.push(r)
    out.push({ sheet: s.sheet, rows })
  }
  return out
}

async function readInPieces(source: ByteSource, offset: number, length: number, piece: number) {
  const parts: Buffer[] = []
  for (let at = 0; at < length && offset + at < source.size; at += piece) parts.push(await source.read(offset + at, Math.min(piece, length - at)))
  return Buffer.concat(parts)
}

/** An ExcelJS value as a plain cell, as the import reads it: formulas their cached result, rich text its text, an error or blank text empty. */
function plain(v: unknown): Cell {
  if (v === null || v === undefined) return null
  if (typeof v === 'string') return v.trim() === '' ? null : v
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v
  const o = v as Record<string, unknown>
  if ('formula' in o || 'result' in o) return plain(o.result)
  if (Array.isArray(o.richText)) return plain((o.richText as { text: string }[]).map((r) => r.text).join(''))
  if ('error' in o) return null
  return plain(o.text)
}

/** ExcelJS's complete reader, its values as plain cells. */
async function reference(bytes: Buffer) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  return wb.worksheets.map((ws) => {
    const rows: { rowNumber: number; cells: Cell[] }[] = []
    ws.eachRow((row) => {
      const cells: Cell[] = []
      ;(row.values as unknown[]).forEach((v, i) => {
        while (cells.length < i - 1) cells.push(null)
        cells[i - 1] = plain(v)
      })
      while (cells.length && cells[cells.length - 1] === null) cells.pop()
      if (cells.some((c) => c !== null)) rows.push({ rowNumber: row.number, cells })
    })
    return { sheet: ws.name, rows }
  })
}

describe('readSheets (.xlsx)', () => {
  it('reads every kind of cell as ExcelJS does, in every sheet, from the whole file or from ranges', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Petunjuk & <catatan>').addRow(['Isi lembar "Data"'])
    const ws = wb.addWorksheet('Data')
    ws.addRow(['NIB', 'Nama', 'Tanggal', 'Modal', 'Aktif', 'Rumus', 'Teks kaya'])
    ws.addRow(['0123456789012', 'Keripik & Sambal <Bu Siti>', new Date(Date.UTC(2024, 8, 18)), 25_000_000.5, true,
      { formula: 'D2*2', result: 50_000_001 }, { richText: [{ text: 'Batik ' }, { font: { bold: true }, text: 'Tulis' }] }])
    ws.addRow([])
    ws.addRow([null, 'baris dengan sel kosong di depan', null, -12, false, { formula: 'B4&"!"', result: 'teks rumus' }, 'ẞ ü — ✓ 😀'])
    ws.getCell('C4').value = new Date(Date.UTC(2019, 5, 5, 12, 30))
    ws.getCell('C4').numFmt = 'dd/mm/yyyy hh:mm'
    ws.getCell('D4').numFmt = '#,##0.00 "Rp"'
    ws.getCell('H5').value = 'jauh di kanan'
    ws.getCell('A6').value = { formula: '1/0', result: { error: '#DIV/0!' } }
    ws.getCell('B6').value = '   '
    ws.getCell('A7').value = 'spasi  di\ttengah'
    ws.getCell('A7').style = { font: { italic: true } }
    for (const sharedStrings of [true, false]) {
      const bytes = sharedStrings ? Buffer.from(await wb.xlsx.writeBuffer()) : await writeInline(wb)
      const expected = await reference(bytes)
      expect(await read(bytes)).toEqual(expected)
      expect(await read(bytes, true)).toEqual(expected)
    }
    const [, data] = await read(Buffer.from(await wb.xlsx.writeBuffer()))
    expect(data.rows.map((r) => r.rowNumber)).toEqual([1, 2, 4, 5, 7])
    expect(data.rows[1].cells[2]).toEqual(new Date(Date.UTC(2024, 8, 18)))
  })

  it('leaves out hidden sheets: a template\'s lists of allowed values are not rows to import', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Data').addRow(['NIB'])
    const lists = wb.addWorksheet('Daftar')
    lists.addRow(['Mikro'])
    lists.state = 'hidden'
    const hidden = wb.addWorksheet('Rahasia')
    hidden.addRow(['x'])
    hidden.state = 'veryHidden'
    expect((await read(Buffer.from(await wb.xlsx.writeBuffer()))).map((s) => s.sheet)).toEqual(['Data'])
  })
})

/** The same workbook through ExcelJS's streaming writer without shared strings (inline strings, as the bench writes). */
async function writeInline(source: ExcelJS.Workbook): Promise<Buffer> {
  const { PassThrough } = await import('node:stream')
  const out = new PassThrough()
  const parts: Buffer[] = []
  out.on('data', (c: Buffer) => parts.push(c))
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true })
  for (const sheet of source.worksheets) {
    const ws = wb.addWorksheet(sheet.name)
    sheet.eachRow({ includeEmpty: true }, (row) => {
      const target = ws.getRow(row.number)
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        target.getCell(col).value = cell.value
        target.getCell(col).numFmt = cell.numFmt
      })
      target.commit()
    })
    ws.commit()
  }
  await wb.commit()
  return Buffer.concat(parts)
}

describe('readSheets (.csv)', () => {
  it('reads back the CSV Lumbung writes for Excel: a code kept as text by ="…" is the text, with its leading zero and all 16 digits', async () => {
    const { toCsv } = await import('@/lib/export')
    const csv = toCsv([{ header: 'NIK koperasi', value: (r: { nik: string; kbli: string }) => r.nik }, { header: 'KBLI', value: (r) => r.kbli }], [{ nik: '3502000000000046', kbli: '01499' }])
    const rows: Cell[][] = []
    for await (const s of readSheets('CSV', Buffer.from(csv, 'utf8'))) for await (const r of s.rows) rows.push(r.cells)
    expect(rows).toEqual([['NIK koperasi', 'KBLI'], ['3502000000000046', '01499']])
  })
})

describe('readSheets (.csv): what the export’s formula guard wrote', () => {
  it('reads a phone number, a negative amount and a formula-like name back without the apostrophe the guard put before them', async () => {
    const { toCsv } = await import('@/lib/export')
    const csv = toCsv([{ header: 'Nilai', value: (r: { v: string }) => r.v }], [{ v: '+6281311122233' }, { v: '-2.500.000' }, { v: '=HYPERLINK("x")' }, { v: "'biasa" }])
    expect(csv).toContain("'+6281311122233")
    const rows: Cell[][] = []
    for await (const s of readSheets('CSV', Buffer.from(csv, 'utf8'))) for await (const r of s.rows) rows.push(r.cells)
    expect(rows).toEqual([['Nilai'], ['+6281311122233'], ['-2.500.000'], ['=HYPERLINK("x")'], ["'biasa"]])
  })
})

describe('a .csv in Windows-1252 (Excel\'s plain "CSV (Comma delimited)" on Windows)', () => {
  // "Nama Usaha;Pemilik\r\nCafé Ayu’s;Siti “Ani”\r\nToko 5€;Dewi\r\n" as Windows-1252 writes it: é E9, ’ 92, “ ” 93 94, € 80
  const ansi = Buffer.concat([
    Buffer.from('Nama Usaha;Pemilik\r\nCaf'), Buffer.from([0xe9]), Buffer.from(' Ayu'), Buffer.from([0x92]), Buffer.from('s;Siti '),
    Buffer.from([0x93]), Buffer.from('Ani'), Buffer.from([0x94]), Buffer.from('\r\nToko 5'), Buffer.from([0x80]), Buffer.from(';Dewi\r\n'),
  ])

  it('is read with its accents, curly quotes and euro sign, as UTF-8 is', async () => {
    expect(inspectFile('umkm.csv', ansi)).toBe('CSV')
    const rows: Cell[][] = []
    for await (const s of readSheets('CSV', ansi)) for await (const r of s.rows) rows.push(r.cells)
    expect(rows).toEqual([['Nama Usaha', 'Pemilik'], ['Café Ayu’s', 'Siti “Ani”'], ['Toko 5€', 'Dewi']])
    // the same text in UTF-8 reads the same
    expect(csvText(Buffer.from('Café Ayu’s;Siti “Ani”', 'utf8'))).toBe('Café Ayu’s;Siti “Ani”')
  })

  it('refuses a UTF-8 file damaged by one stray byte (read as Windows-1252 its é would be Ã©), and a code page byte Windows-1252 leaves undefined', () => {
    const damaged = Buffer.concat([Buffer.from('Nama;Kota\r\nCafé Crème;Brûlée '), Buffer.from([0xff]), Buffer.from('\r\n')])
    expect(() => inspectFile('umkm.csv', damaged)).toThrow(FileRefused)
    expect(() => csvText(damaged)).toThrow(/UTF-8/)
    expect(() => csvText(Buffer.from([0x41, 0x81, 0x42]))).toThrow(FileRefused)
    // an upper-case accent before a curly apostrophe is a well-formed UTF-8 pair (C9 92), and still Windows-1252 in a
    // file that is not UTF-8 elsewhere (the é of Café, E9 before a line end)
    expect(csvText(Buffer.from([0x4a, 0x4f, 0x53, 0xc9, 0x92, 0x53, 0x3b, 0x43, 0x61, 0x66, 0xe9, 0x0d, 0x0a]))).toBe('JOSÉ’S;Café\r\n')
    expect(() => csvText(Buffer.from([0x41, 0x1b, 0xe9]))).toThrow(FileRefused)
  })
})
