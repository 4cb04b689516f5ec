import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { FieldDef } from './fields'
import { errorsText, rejectedXlsx } from './template'

describe('the rejected rows\' error column', () => {
  it('joins a row\'s messages as sentences, with no doubled punctuation (".;")', () => {
    expect(errorsText([
      { column: 'NIB', message: 'NIB harus 13 digit angka.' },
      { column: 'Telepon', message: 'Nomor telepon tidak valid: tulis mis. 0812-3456-7890, +62 812 3456 7890 atau (0341) 551234.' },
      { column: 'Kabupaten/Kota', message: 'Pilih kabupaten/kota' },
    ])).toBe('NIB: NIB harus 13 digit angka. Telepon: Nomor telepon tidak valid: tulis mis. 0812-3456-7890, +62 812 3456 7890 atau (0341) 551234. Kabupaten/Kota: Pilih kabupaten/kota.')
    expect(errorsText([{ column: 'Nilai', message: 'Isi Ya atau Tidak. ' }])).toBe('Nilai: Isi Ya atau Tidak.')
    expect(errorsText([])).toBe('')
  })

  it('is the "Kesalahan" column of the rejected-rows file', async () => {
    const fields: FieldDef[] = [{ key: 'nib', label: 'NIB', type: 'digits', digits: 13, help: '', examples: [] }, { key: 'phone', label: 'Telepon', type: 'text', help: '', examples: [] }]
    const buf = await rejectedXlsx(fields, ['NIB', 'Telepon'], { NIB: 'nib', Telepon: 'phone' }, [
      { rowNumber: 3, values: { nib: '12345', phone: '0812' }, errors: [{ column: 'NIB', message: 'NIB harus 13 digit angka.' }, { column: 'Telepon', message: 'Nomor telepon tidak valid.' }] },
    ])
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(buf as unknown as ArrayBuffer)
    const row = wb.worksheets[0].getRow(2)
    expect(row.getCell(4).value).toBe('NIB: NIB harus 13 digit angka. Telepon: Nomor telepon tidak valid.')
    expect(String(row.getCell(4).value)).not.toContain('.;')
    // the phone as typed, its zero kept
    expect(row.getCell(3).value).toBe('0812')
  })

  it('is in the reader\'s language, as the dry run showed it, the user\'s own headings and cells as they were', async () => {
    const fields: FieldDef[] = [{ key: 'nib', label: 'NIB', type: 'digits', digits: 13, help: '', examples: [] }, { key: 'kbli', label: 'KBLI', type: 'digits', digits: 5, help: '', examples: [] }]
    const buf = await rejectedXlsx(fields, ['No. NIB', 'KBLI'], { 'No. NIB': 'nib', KBLI: 'kbli' }, [
      { rowNumber: 3, values: { nib: '12345', kbli: '1079a' }, errors: [{ column: 'No. NIB', message: 'NIB harus 13 digit angka.' }, { column: 'KBLI', message: 'Kode khusus.', messageEn: 'A special code.' }] },
    ], 'en')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(buf as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]
    expect(ws.name).toBe('Refused')
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['Source row', 'No. NIB', 'KBLI', 'Errors'])
    expect(ws.getRow(2).getCell(4).value).toBe('No. NIB: The NIB must be 13 digits. KBLI: A special code.')
  })
})
