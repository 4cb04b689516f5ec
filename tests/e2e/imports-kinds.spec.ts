import { writeFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import type { Page } from '@playwright/test'
import { sql } from './db'
import { expect, test } from './fixtures'

/**
 * The newer import kinds in Chromium, each from where its user works: a district officer's quarterly values,
 * the agency's indicator targets (the province total refused in the dry run, then a file that adds up), a
 * cooperative's yearly figures, and the file field refusing a file over the import's limit before sending it.
 * The e2e database is shared by every spec: the records here are ones no other spec reads (Jombang's
 * Triwulan III 2026 draft is submitted by reporting.spec.ts, which checks its status only: two values with no
 * warning rule are changed; targets of 2029; a cooperative of Kabupaten Malang no spec opens).
 */
type Cell = string | number | null

async function xlsx(path: string, head: string[], rows: Cell[][], textColumns: number[] = []) {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Data')
  ws.addRow(head)
  for (const r of rows) ws.addRow(r)
  // codes as text cells, as the templates format them
  for (const c of textColumns) ws.getColumn(c).numFmt = '@'
  await wb.xlsx.writeFile(path)
}

async function uploadAndMap(page: Page, file: string) {
  await page.getByLabel('Berkas').setInputFiles(file)
  await page.getByRole('button', { name: 'Unggah dan cocokkan kolom' }).click()
  await expect(page.getByRole('heading', { name: 'Cocokkan kolom berkas dengan data' })).toBeVisible()
}

async function dryRun(page: Page) {
  await page.getByRole('button', { name: 'Jalankan uji coba' }).click()
  await expect(page.getByRole('heading', { name: 'Hasil uji coba' })).toBeVisible({ timeout: 60_000 })
}

async function commit(page: Page, done: string) {
  await page.getByRole('button', { name: 'Impor sekarang' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Impor sekarang' }).click()
  await expect(page.getByRole('heading', { name: 'Impor selesai' })).toBeVisible({ timeout: 60_000 })
  await expect(page.getByText(done)).toBeVisible()
}

test('a district officer imports values of its open quarter and sees them in its report form', async ({ page, login }, info) => {
  test.slow()
  const stored = await sql<{ code: string; value: string }>(`
    SELECT v.indicator_code AS code, v.value::text AS value FROM report_values v JOIN quarterly_reports r ON r.id = v.report_id
    WHERE r.regency_code = '35.17' AND r.year = 2026 AND r.quarter = 3 AND r.status IN ('DRAFT', 'RETURNED') AND v.indicator_code IN ('MANAJER_KSP', 'KOP_KAMPUNG')
    ORDER BY v.indicator_code`)
  expect(stored.map((s) => s.code)).toEqual(['KOP_KAMPUNG', 'MANAJER_KSP'])
  const next = Object.fromEntries(stored.map((s) => [s.code, Math.round(Number(s.value)) + 1]))
  const file = info.outputPath('nilai-laporan-jombang.xlsx')
  // the officer's own headings: "TW" by synonym, "Angka Triwulan" mapped by hand; the regency by name, the quarter in Roman numerals
  await xlsx(file, ['Kab/Kota', 'Tahun', 'TW', 'Indikator', 'Angka Triwulan'], [
    ['Kabupaten Jombang', 2026, 'III', 'Manajer KSP bersertifikat kompetensi', next.MANAJER_KSP],
    ['35.17', 2026, 'TW III', 'KOP_KAMPUNG', String(next.KOP_KAMPUNG)],
  ], [1])

  await login('DISTRICT_OFFICER')
  await page.goto('/laporan-triwulan')
  await page.getByRole('link', { name: 'Impor dari Excel' }).click()
  await expect(page).toHaveURL(/\/impor\/baru\?jenis=laporan-triwulan/)
  await uploadAndMap(page, file)
  await expect(page.getByLabel('TW', { exact: true })).toHaveValue('quarter')
  await expect(page.getByLabel('Kab/Kota', { exact: true })).toHaveValue('regencyCode')
  await expect(page.getByLabel('Angka Triwulan')).toHaveValue('')
  await page.getByLabel('Angka Triwulan').selectOption('value')
  await page.screenshot({ path: info.outputPath('laporan-triwulan-pemetaan.png'), fullPage: true })
  await dryRun(page)
  // each change as before → after, its row named by its key's columns (not the internal 35.17/2026/3/MANAJER_KSP): the
  // regency and quarter as the check read them, the indicator as typed
  const change = page.getByRole('row').filter({ hasText: 'Kabupaten Jombang (35.17) · 2026 · TW III · Manajer KSP bersertifikat kompetensi' })
  await expect(change).toContainText('Angka Triwulan')
  await expect(change.getByRole('cell').nth(3)).toHaveText(String(next.MANAJER_KSP - 1))
  await expect(change.getByRole('cell').nth(4)).toHaveText(String(next.MANAJER_KSP))
  await commit(page, '0 data baru, 2 diubah, 0 tidak berubah, 0 ditolak.')

  await page.goto('/laporan-triwulan/35.17/2026/3')
  await expect(page.getByRole('heading', { name: 'Triwulan III 2026: Kabupaten Jombang' })).toBeVisible()
  await expect(page.getByLabel('Manajer KSP bersertifikat kompetensi', { exact: true })).toHaveValue(String(next.MANAJER_KSP))
  await expect(page.getByLabel('Koperasi kampung prioritas terbentuk', { exact: true })).toHaveValue(String(next.KOP_KAMPUNG))
  const [report] = await sql<{ status: string }>(`SELECT status FROM quarterly_reports WHERE regency_code = '35.17' AND year = 2026 AND quarter = 3`)
  expect(report.status).toBe('DRAFT')
})

test('an admin imports indicator targets: the province total refused in the dry run, then a file that adds up, seen on the target screen', async ({ page, login }, info) => {
  test.slow()
  const head = ['Indikator', 'Tahun', 'Periode', 'Kabupaten/Kota', 'Target']
  const off = info.outputPath('target-selisih.xlsx')
  await xlsx(off, head, [
    ['MANAJER_KSP', 2029, 'Tahun', '', 100],
    ['MANAJER_KSP', 2029, 'Tahun', 'Kabupaten Jombang', 60],
    ['MANAJER_KSP', 2029, 'Tahun', '35.07', 30],
    ['MANAJER_KSP', 2029, 'TW I', '35.17', 15],
  ], [4])
  await login('ADMIN')
  await page.goto('/pengaturan/target')
  await page.getByRole('link', { name: 'Impor dari Excel' }).click()
  await expect(page).toHaveURL(/\/impor\/baru\?jenis=target-indikator/)
  await uploadAndMap(page, off)
  await dryRun(page)
  // the three year rows of the grid answer for the difference; the quarter's row does not
  const message = 'Target MANAJER_KSP 2029: jumlah target kabupaten/kota 90 kurang 10 dari target provinsi 100. Perbaiki berkasnya, atau simpan selisihnya di layar Target.'
  const refused = page.getByRole('table').filter({ hasText: 'Keterangan' })
  await expect(refused.getByRole('row').filter({ hasText: message })).toHaveCount(3)
  await expect(refused.getByRole('row').filter({ hasText: message }).first()).toContainText('Target')
  await page.screenshot({ path: info.outputPath('target-uji-coba-selisih.png'), fullPage: true })

  const good = info.outputPath('target.xlsx')
  await xlsx(good, head, [
    ['MANAJER_KSP', 2029, 'Tahun', '', 100],
    ['MANAJER_KSP', 2029, 'Tahun', 'Kabupaten Jombang', 60],
    ['MANAJER_KSP', 2029, 'Tahun', '35.07', 40],
    ['MANAJER_KSP', 2029, 'TW I', '35.17', 15],
  ], [4])
  await page.goto('/impor/baru?jenis=target-indikator')
  await uploadAndMap(page, good)
  await dryRun(page)
  await commit(page, '4 data baru, 0 diubah, 0 tidak berubah, 0 ditolak.')

  await page.goto('/pengaturan/target?indikator=MANAJER_KSP&tahun=2029')
  await expect(page.getByText('Manajer KSP bersertifikat kompetensi · 2029')).toBeVisible()
  await expect(page.getByLabel('Target provinsi Setahun', { exact: true })).toHaveValue('100')
  await expect(page.getByLabel('Kabupaten Jombang Setahun', { exact: true })).toHaveValue('60')
  await expect(page.getByLabel('Kabupaten Malang Setahun', { exact: true })).toHaveValue('40')
  await expect(page.getByLabel('Kabupaten Jombang TW I', { exact: true })).toHaveValue('15')
  await expect(page.getByTestId('total-check')).toHaveText('Jumlah kabupaten/kota sama dengan target provinsi.')
})

test('a cooperative\'s yearly figures imported by an admin appear on the cooperative\'s page', async ({ page, login }, info) => {
  test.slow()
  const [coop] = await sql<{ id: string; nik: string; name: string }>(`
    SELECT id, nik, name FROM cooperatives WHERE regency_code = '35.07' AND deleted_at IS NULL AND nik IS NOT NULL AND substr(nik, 5, 2) <> '99' ORDER BY nik LIMIT 1`)
  expect(coop).toBeTruthy()
  const file = info.outputPath('angka-tahunan.xlsx')
  await xlsx(file, ['NIK Koperasi', 'Tahun Buku', 'Modal Sendiri', 'Modal Luar', 'Total Aset', 'Volume Usaha', 'SHU', 'RAT', 'Tgl RAT'], [
    [coop.nik, 2024, 'Rp 123.456.000', '45.000.000', '987.654.000', '1.234.567.000', '-2.500.000', 'Ya', '18/03/2025'],
  ], [1])

  await login('ADMIN')
  await page.goto('/koperasi')
  await page.getByRole('link', { name: 'Impor angka tahunan' }).click()
  await expect(page).toHaveURL(/\/impor\/baru\?jenis=koperasi-tahunan/)
  await uploadAndMap(page, file)
  await expect(page.getByLabel('Total Aset')).toHaveValue('assets')
  await dryRun(page)
  // the stored year's figures, before → after, in Rupiah as the cooperative's page shows them
  const changes = page.getByRole('table').filter({ hasText: 'Sebelum' })
  await expect(changes.getByRole('row').filter({ hasText: 'Modal Sendiri' })).toContainText('Rp123.456.000')
  await page.getByRole('button', { name: 'Impor sekarang' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Impor sekarang' }).click()
  await expect(page.getByRole('heading', { name: 'Impor selesai' })).toBeVisible({ timeout: 60_000 })
  await expect(page.getByText(/^[01] data baru, [01] diubah, 0 tidak berubah, 0 ditolak\.$/)).toBeVisible()

  await page.goto(`/koperasi/${coop.id}`)
  const row = page.locator('#angka-tahunan').getByRole('row').filter({ hasText: /^2024/ })
  await expect(row).toContainText('123.456.000')
  await expect(row).toContainText('45.000.000')
  await expect(row).toContainText('987.654.000')
  await expect(row).toContainText('1.234.567.000')
  await expect(row).toContainText('2.500.000')
  await expect(row).toContainText('18 Mar')
})

test('the file field refuses a file over the import\'s limit before sending it, with the import\'s own sentence', async ({ page, login }, info) => {
  await login('ADMIN')
  await page.goto('/impor/baru?jenis=umkm')
  const hint = await page.getByText(/paling besar \d+ MB/).textContent()
  const mb = Number(/paling besar (\d+) MB/.exec(hint ?? '')![1])
  const size = mb * 1024 * 1024 + 200 * 1024
  const posts: string[] = []
  page.on('request', (r) => { if (r.method() === 'POST') posts.push(r.url()) })
  // from disk: the browser reads the file itself (a buffer this size is slow to hand over the protocol)
  const big = info.outputPath('umkm-besar.csv')
  writeFileSync(big, Buffer.alloc(size, 'a'))
  await page.getByLabel('Berkas').setInputFiles(big)
  const sentence = `Berkas terlalu besar (${(size / 1024 / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB); batasnya ${mb} MB.`
  await expect(page.getByText(sentence)).toBeVisible()
  await page.getByRole('button', { name: 'Unggah dan cocokkan kolom' }).click()
  await expect(page.getByText(sentence)).toBeVisible()
  await expect(page).toHaveURL(/\/impor\/baru\?jenis=umkm$/)
  expect(posts).toEqual([])
})

test('while the server reads an uploaded file, the button and a status line say so', async ({ page, login }, info) => {
  await login('ADMIN')
  await page.goto('/impor/baru?jenis=umkm')
  // the server's answer held back (a file of 100.000 rows is read for tens of seconds): what shows meanwhile
  let release!: () => void
  const held = new Promise<void>((resolve) => { release = resolve })
  await page.route('**/impor/baru**', async (route) => {
    if (route.request().method() !== 'POST') return route.continue()
    await held
    await route.continue()
  })
  const file = info.outputPath('umkm-kecil.csv')
  writeFileSync(file, 'NIB;Nama usaha\n1234567890123;Usaha Tes\n')
  await page.getByLabel('Berkas').setInputFiles(file)
  await page.getByRole('button', { name: 'Unggah dan cocokkan kolom' }).click()
  await expect(page.getByRole('button', { name: 'Mengunggah dan membaca berkas…' })).toBeDisabled()
  await expect(page.getByRole('status').filter({ hasText: 'Server membaca setiap baris berkas' })).toBeVisible()
  release()
  await expect(page.getByRole('status').filter({ hasText: 'Server membaca setiap baris berkas' })).toHaveCount(0)
})

test('without a kind, /impor/baru offers the kinds the user may import; a form sent without a file asks for one', async ({ page, login }) => {
  await login('BANK_OFFICER')
  // a bank officer imports loans and claim lines, not MSMEs: a chooser, never "access denied"
  await page.goto('/impor/baru')
  await expect(page.getByRole('heading', { level: 1, name: 'Pilih data yang diimpor' })).toBeVisible()
  const kinds = page.getByRole('list', { name: 'Pilih data yang diimpor' })
  await expect(kinds.getByRole('link')).toHaveText(['Impor penyaluran kredit', 'Impor rincian klaim subsidi'])
  await kinds.getByRole('link', { name: 'Impor penyaluran kredit' }).click()
  await expect(page).toHaveURL(/\/impor\/baru\?jenis=penyaluran$/)
  await page.getByRole('button', { name: 'Unggah dan cocokkan kolom' }).click()
  await expect(page.getByText('Pilih berkas .xlsx atau .csv untuk diunggah.')).toBeVisible()
  await expect(page.getByText(/kosong \(0 byte\)/)).toHaveCount(0)
  await expect(page).toHaveURL(/\/impor\/baru\?jenis=penyaluran$/)
})

test('the MSME template uploaded as downloaded: every example row refused as such, nothing offered, and the dry run set aside', async ({ page, login }, info) => {
  await login('DISTRICT_OFFICER')
  await page.goto('/impor/baru?jenis=umkm')
  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Unduh templat .xlsx' }).click()
  const template = info.outputPath('templat-umkm.xlsx')
  await (await download).saveAs(template)
  await uploadAndMap(page, template)
  await dryRun(page)
  await expect(page.getByText(/Tidak ada yang diimpor: semua baris ditolak/)).toBeVisible()
  await expect(page.getByRole('table').filter({ hasText: 'Keterangan' }).getByText(/Baris contoh dari templat/).first()).toBeVisible()
  await expect(page.getByRole('button', { name: 'Impor sekarang' })).toHaveCount(0)
  // not left in the history as a file with refused rows waiting: set aside, with its confirmation
  await page.getByRole('button', { name: 'Buang hasil uji coba' }).click()
  await page.getByRole('dialog', { name: 'Buang hasil uji coba ini?' }).getByRole('button', { name: 'Ya, buang' }).click()
  await expect(page.getByText('Impor dibatalkan; tidak ada yang disimpan.')).toBeVisible()
  const id = page.url().match(/\/impor\/([^/?]+)/)![1]
  const [row] = await sql<{ status: string }>('SELECT status FROM imports WHERE id = $1', [id])
  expect(row.status).toBe('CANCELLED')
})
