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
})
