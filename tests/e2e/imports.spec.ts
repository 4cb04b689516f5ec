import ExcelJS from 'exceljs'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

/**
 * A district officer imports MSMEs from the template: one heading renamed, one bad NIB explained in the dry
 * run, fixed, imported, the rows in the list; the same file again changes nothing.
 */
const stamp = String(Date.now()).slice(-8)
const nibs = [`93${stamp}001`, `93${stamp}002`, `93${stamp}003`]
const names = [`Keripik Impor ${stamp}`, `Batik Impor ${stamp}`, `Las Impor ${stamp}`]

async function fill(templatePath: string, out: string, secondNib: string) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(templatePath)
  const ws = wb.getWorksheet('Data')!
  ws.getCell('A1').value = 'No. NIB' // renamed heading: matched by synonym
  ws.getCell('B1').value = 'Nama Toko' // renamed heading: the user maps it
  ws.getCell('A2').value = nibs[0]
  ws.getCell('A3').value = secondNib
  ws.getCell('A4').value = nibs[2]
  names.forEach((n, i) => { ws.getCell(`B${i + 2}`).value = n })
  for (const r of [2, 3, 4]) ws.getCell(`G${r}`).value = '35.17' // the officer's own regency
  await wb.xlsx.writeFile(out)
}

async function upload(page: Page, file: string) {
  await page.goto('/impor/baru?jenis=umkm')
  await page.getByLabel('Berkas').setInputFiles(file)
  await page.getByRole('button', { name: 'Unggah dan cocokkan kolom' }).click()
  await expect(page.getByRole('heading', { name: 'Cocokkan kolom berkas dengan data' })).toBeVisible()
}

test('a district officer imports MSMEs from the template, fixing a bad NIB, and the same file again changes nothing', async ({ page, login }, info) => {
  await login('DISTRICT_OFFICER')
  await page.goto('/umkm')
  await page.getByRole('link', { name: 'Impor dari Excel' }).click()
  await expect(page).toHaveURL(/\/impor\/baru\?jenis=umkm/)
  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Unduh templat .xlsx' }).click()
  const template = info.outputPath('templat.xlsx')
  await (await download).saveAs(template)

  const bad = info.outputPath('umkm-salah.xlsx')
  await fill(template, bad, '12345')
  await upload(page, bad)
  await expect(page.getByLabel('No. NIB')).toHaveValue('nib')
  await expect(page.getByLabel('Nama Toko')).toHaveValue('')
  await page.getByLabel('Nama Toko').selectOption('businessName')
  await page.getByRole('button', { name: 'Jalankan uji coba' }).click()
  await expect(page.getByRole('heading', { name: 'Hasil uji coba' })).toBeVisible({ timeout: 30_000 })
  // every column of the template is read: no column is named as ignored
  await expect(page.getByTestId('ignored-columns')).toHaveCount(0)
  const refused = page.getByRole('table').filter({ hasText: 'Keterangan' })
  await expect(refused.getByRole('row').filter({ hasText: 'NIB harus 13 digit, di sini 5.' })).toContainText('No. NIB')
  // with what the cell held, so the officer finds it in the file
  await expect(refused.getByRole('row').filter({ hasText: 'NIB harus 13 digit, di sini 5.' }).locator('[data-typed]')).toHaveText('“12345”')
  // all or nothing (the default) with a refused row: nothing would be saved, so no write is offered; the way on is
  await expect(page.getByRole('button', { name: 'Impor sekarang' })).toHaveCount(0)
  await expect(page.getByText(/Berkas memuat 1 baris tidak valid\. Dengan “semua atau tidak sama sekali” tidak ada yang akan disimpan/)).toBeVisible()
  await expect(page.getByRole('link', { name: 'Unduh baris yang ditolak (.xlsx)' }).first()).toBeVisible()
  // the valid rows only: the write is offered again
  await page.getByRole('button', { name: 'Simpan baris yang valid saja' }).click()
  await expect(page.getByRole('radio', { name: /Simpan baris yang valid saja/ })).toBeChecked()
  await expect(page.getByRole('button', { name: 'Impor sekarang' })).toBeVisible()
  // its confirmation says what is left out as well as what is saved
  await page.getByRole('button', { name: 'Impor sekarang' }).click()
  await expect(page.getByRole('dialog', { name: 'Impor data ini?' })).toContainText('1 baris yang ditolak tidak disimpan')
  await page.getByRole('dialog').getByRole('button', { name: 'Batal' }).click()
  // this file will not be imported: set aside, so that it cannot be confirmed later by mistake
  await page.getByRole('button', { name: 'Buang hasil uji coba' }).click()
  await expect(page.getByRole('dialog', { name: 'Buang hasil uji coba ini?' })).toContainText('Tidak ada yang disimpan dari berkas ini')
  await page.getByRole('dialog').getByRole('button', { name: 'Ya, buang' }).click()
  await expect(page.getByText('Impor dibatalkan; tidak ada yang disimpan.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Impor sekarang' })).toHaveCount(0)

  // fixed and uploaded again: the renamed heading is remembered
  const good = info.outputPath('umkm.xlsx')
  await fill(template, good, nibs[1])
  await upload(page, good)
  await expect(page.getByLabel('Nama Toko')).toHaveValue('businessName')
  await page.getByRole('button', { name: 'Jalankan uji coba' }).click()
  await expect(page.getByRole('heading', { name: 'Hasil uji coba' })).toBeVisible({ timeout: 30_000 })
  await page.getByRole('button', { name: 'Impor sekarang' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Impor sekarang' }).click()
  await expect(page.getByRole('heading', { name: 'Impor selesai' })).toBeVisible({ timeout: 30_000 })
  await expect(page.getByText('3 data baru, 0 diubah, 0 tidak berubah, 0 ditolak.')).toBeVisible()

  await page.getByRole('link', { name: 'Lihat daftar' }).click()
  await page.getByRole('searchbox').fill(stamp)
  await page.getByRole('button', { name: /Terapkan|Cari/ }).click()
  for (const n of names) await expect(page.getByRole('link', { name: n })).toBeVisible()

  // the same file again: nothing would change. Its address column left unmapped keeps the stored addresses, and the
  // dry run names it as ignored (a renamed turnover column left unmapped had imported Rp0 under "Siap diimpor")
  await upload(page, good)
  await page.getByLabel('Alamat', { exact: true }).selectOption('')
  await page.getByRole('button', { name: 'Jalankan uji coba' }).click()
  await expect(page.getByRole('heading', { name: 'Hasil uji coba' })).toBeVisible({ timeout: 30_000 })
  await expect(page.getByText('Tidak ada yang berubah: semua baris sudah sama dengan data tersimpan.')).toBeVisible()
  await expect(page.getByTestId('ignored-columns')).toContainText('Kolom yang diabaikan, isinya tidak diimpor: “Alamat”.')
  await expect(page.getByRole('button', { name: 'Impor sekarang' })).toHaveCount(0)
})
