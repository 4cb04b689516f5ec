import { readFileSync } from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import type { SessionUser } from '@/lib/session-user'
import { createUser } from '../support/factories'
import { asSession, checkImport, commitImport } from '../support/imports'

/**
 * Spreadsheets as people's programs save them, besides the ones ExcelJS builds in the other tests:
 * - `tests/fixtures/imports/umkm-libreoffice.xlsx`, saved by LibreOffice Calc 7.4 from the .csv beside it
 *   (`soffice --headless --infilter="CSV:59,34,76,1,4/2,1057" --convert-to xlsx umkm-libreoffice.csv`: `;`
 *   separated UTF-8, the NIK column as text, Indonesian locale, so Calc turns `1.234.567,89`, `Rp180.000.000`,
 *   `18/09/2024` into number, currency and date cells as it does for a user in Indonesia, and the NIBs into
 *   numbers that lose their leading zero); a title block above the header, a blank row between the data rows,
 *   headings of the agency's own (`No. NIB`, `Omset`, `Tgl IUMK`, `Kab/Kota`), a regency by name and as `3517`.
 * - a workbook whose title is merged across the columns and one heading merged over two cells.
 */
let jombang: SessionUser

beforeAll(async () => {
  jombang = asSession(await createUser('DISTRICT_OFFICER', { regencyCode: '35.17' }), 'Petugas Jombang')
})

const FIXTURES = path.resolve(__dirname, '../fixtures/imports')

describe('a file saved by LibreOffice Calc', () => {
  it('is read with its header below the title block, its number, currency and date cells, and NIBs given back their leading zero; the second import changes nothing', async () => {
    const file = new File([readFileSync(path.join(FIXTURES, 'umkm-libreoffice.xlsx'))], 'umkm-libreoffice.xlsx')
    const dry = await checkImport(jombang, 'umkm', file)
    expect(dry.status).toBe('CHECKED')
    expect(dry.rows.filter((r) => r.errors)).toEqual([])
    expect(dry.check).toEqual({ total: 4, create: 4, update: 0, unchanged: 0, invalid: 0 })
    expect(dry.rows.map((r) => r.rowNumber)).toEqual([5, 6, 7, 9])
    expect((await commitImport(jombang, dry.id)).status).toBe('DONE')
    const saved = await db.msme.findMany({
      where: { nib: { in: ['0120000000001', '0120000000002', '9120000000003', '9120000000004'] } }, orderBy: { nib: 'asc' },
      select: { nib: true, ownerNik: true, regencyCode: true, businessCapital: true, annualSales: true, iumkDate: true },
    })
    expect(saved.map((m) => [m.nib, m.ownerNik, m.regencyCode, m.businessCapital.toString(), m.annualSales.toString(), m.iumkDate?.toISOString().slice(0, 10)])).toEqual([
      ['0120000000001', '3517014101850001', '35.17', '25000000', '180000000', '2024-09-18'],
      ['0120000000002', '3517010101800002', '35.17', '1234567.89', '1500000', '2024-09-18'],
      ['9120000000003', '3517010202750003', '35.17', '5000000', '250000000', '2024-09-18'],
      ['9120000000004', '3517014505900004', '35.17', '2000000', '75000000', '2024-09-18'],
    ])
    const again = await checkImport(jombang, 'umkm', file)
    expect(again.check).toEqual({ total: 4, create: 0, update: 0, unchanged: 4, invalid: 0 })
  })
})

describe('merged cells', () => {
  it('finds the header under a title merged across the columns, and a heading merged over two cells maps its first column', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('Data')
    ws.addRow(['Daftar UMKM Kabupaten Jombang'])
    ws.mergeCells('A1:K1')
    ws.addRow([])
    ws.addRow(['NIB', 'Nama Usaha', 'Nama Pemilik', 'NIK Pemilik', 'Jenis Kelamin Pemilik', 'KBLI', 'Kabupaten/Kota', 'Modal Usaha', 'Omzet Tahunan', 'Tanggal IUMK', null])
    // "Tanggal IUMK" spread over J and K, as a heading often is when a note column sits beside it
    ws.mergeCells('J3:K3')
    ws.addRow(['9130000000001', 'Tahu Takwa Pak Slamet', 'Slamet Riyadi', '3517010303700001', 'L', '10792', '35.17', '10.000.000', '90.000.000', '18/09/2024', 'catatan'])
    const file = new File([Buffer.from(await wb.xlsx.writeBuffer())], 'umkm-gabung.xlsx')
    const dry = await checkImport(jombang, 'umkm', file)
    expect(dry.rows.filter((r) => r.errors)).toEqual([])
    expect(dry.check).toEqual({ total: 1, create: 1, update: 0, unchanged: 0, invalid: 0 })
    expect((await commitImport(jombang, dry.id)).status).toBe('DONE')
    const m = await db.msme.findUniqueOrThrow({ where: { nib: '9130000000001' }, select: { iumkDate: true, annualSales: true } })
    expect([m.iumkDate?.toISOString().slice(0, 10), m.annualSales.toString()]).toEqual(['2024-09-18', '90000000'])
  })
})
