import ExcelJS from 'exceljs'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

/** Unique natural keys per run (the e2e database lives for one run, but reruns stay safe). */
const stamp = () => String(Date.now()).slice(-8)

async function chooseRegion(page: Page, regency?: string) {
  if (regency) await page.getByLabel('Kabupaten/kota').selectOption({ label: regency })
  const district = page.getByLabel('Kecamatan')
  await expect(district.locator('option')).not.toHaveCount(1)
  await district.selectOption({ index: 1 })
  const village = page.getByLabel('Desa/kelurahan')
  await expect(village.locator('option')).not.toHaveCount(1)
  await village.selectOption({ index: 1 })
}

async function createCooperative(page: Page, opts: { nik: string; name: string; regency?: string }) {
  await page.goto('/koperasi')
  await page.getByRole('link', { name: 'Tambah koperasi' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Tambah koperasi' })).toBeVisible()
  await page.getByLabel('NIK koperasi').fill(opts.nik)
  await page.getByLabel('Nama koperasi').fill(opts.name)
  await page.getByLabel('Jenis').selectOption({ label: 'Simpan Pinjam' })
  await page.getByLabel('Kelompok').fill('Kopwan')
  await chooseRegion(page, opts.regency)
  await page.getByLabel('Anggota laki-laki').fill('40')
  await page.getByLabel('Anggota perempuan').fill('1.250')
  await page.getByRole('button', { name: 'Simpan' }).click()
  await expect(page).toHaveURL(/\/koperasi\/[a-z0-9]+\?ditambahkan=1$/)
  await expect(page.getByRole('heading', { level: 1, name: opts.name })).toBeVisible()
}

async function editCooperativeName(page: Page, name: string) {
  await page.getByRole('link', { name: 'Ubah' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Ubah koperasi')
  await page.getByLabel('Nama koperasi').fill(name)
  await page.getByRole('button', { name: 'Simpan' }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Perubahan disimpan.' })).toBeVisible()
}

async function findCooperative(page: Page, q: string, name: string) {
  await page.goto('/koperasi')
  await page.getByRole('searchbox', { name: 'Cari nama atau nomor' }).fill(q)
  await page.getByRole('button', { name: 'Terapkan' }).click()
  await expect(page).toHaveURL(/q=/)
  // the filters left at "Semua" are not in the shared URL (?q=…, not ?q=…&jenis=&status=…)
  const params = new URL(page.url()).searchParams
  expect(params.get('q')).toBe(q)
  expect([...params.values()]).not.toContain('')
  await expect(page.getByRole('link', { name })).toBeVisible()
  await expect(page.getByText('Menampilkan 1–1 dari 1')).toBeVisible()
}

async function createMsme(page: Page, opts: { nib: string; name: string; nik: string; regency?: string }) {
  await page.goto('/umkm/baru')
  await page.getByLabel('NIB').fill(opts.nib)
  await page.getByLabel('Nama usaha').fill(opts.name)
  await page.getByLabel('KBLI 2020').fill('10710')
  await page.getByLabel('Nama pemilik').fill('Siti Aminah')
  await page.getByLabel('NIK pemilik').fill(opts.nik)
  await page.getByLabel('Jenis kelamin pemilik').selectOption({ label: 'Perempuan' })
  await page.getByLabel('Modal usaha', { exact: true }).fill('250.000.000')
  await page.getByLabel('Omzet tahunan').fill('2.500.000.000')
  await page.getByLabel('Skala tercatat').selectOption({ label: 'Mikro' })
  await page.getByLabel('Pendaftaran baru (skala menurut modal usaha)').uncheck()
  await chooseRegion(page, opts.regency)
  await page.getByRole('button', { name: 'Simpan' }).click()
  await expect(page.getByRole('heading', { level: 1, name: opts.name })).toBeVisible()
}

test('an admin creates, edits and finds a cooperative', async ({ page, login }) => {
  await login('ADMIN')
  const s = stamp()
  const name = `Koperasi Uji Admin ${s}`
  await createCooperative(page, { nik: `35170000${s}`, name, regency: 'Kabupaten Jombang' })
  await expect(page.getByText('1.290 (40 L, 1.250 P)')).toBeVisible()
  await editCooperativeName(page, `${name} Baru`)
  await findCooperative(page, `Uji Admin ${s}`, `${name} Baru`)
  await findCooperative(page, `35170000${s}`, `${name} Baru`)
})

// the health assessment worksheet has its own spec (tests/e2e/health.spec.ts)
test('an admin adds an inspection to a cooperative', async ({ page, login }) => {
  await login('ADMIN')
  const s = stamp()
  await createCooperative(page, { nik: `35780000${s}`, name: `KSP Uji Pemeriksaan ${s}`, regency: 'Kota Surabaya' })
  await page.getByText('Tambah pemeriksaan').click()
  await page.getByLabel('Tanggal pemeriksaan').fill('2025-06-02')
  await page.getByRole('textbox', { name: 'Pemeriksa', exact: true }).fill('Agus Setiawan')
  await page.getByRole('textbox', { name: 'Temuan', exact: true }).fill('RAT tahun buku 2024 belum dilaksanakan.')
  await page.locator('details', { hasText: 'Tambah pemeriksaan' }).getByRole('button', { name: 'Simpan' }).click()
  await expect(page.getByText('Hasil pemeriksaan disimpan.')).toBeVisible()
  await expect(page.getByText('RAT tahun buku 2024 belum dilaksanakan.')).toBeVisible()
})

test('an admin creates, edits and finds an MSME; the NIK stays masked until revealed', async ({ page, login }) => {
  await login('ADMIN')
  const s = stamp()
  const name = `Roti Uji Admin ${s}`
  const nik = `35170145${s}`
  await createMsme(page, { nib: `91${s}001`, name, nik, regency: 'Kabupaten Jombang' })
  // existing business: sales Rp2,5 miliar is small, the recorded "micro" is flagged
  await expect(page.getByText('Skala tidak sesuai.')).toBeVisible()
  await expect(page.getByTestId('owner-nik')).toHaveText(`3517••••••••${nik.slice(-4)}`)
  await expect(page.getByText(nik)).toHaveCount(0)
  await page.getByRole('button', { name: 'Tampilkan NIK' }).click()
  await expect(page.getByTestId('owner-nik')).toHaveText(nik)
  await page.getByRole('link', { name: 'Ubah' }).click()
  await page.getByLabel('Nama usaha').fill(`${name} Baru`)
  await page.getByLabel('Skala tercatat').selectOption({ label: 'Kecil' })
  await page.getByRole('button', { name: 'Simpan' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `${name} Baru` })).toBeVisible()
  await expect(page.getByText('Skala tidak sesuai.')).toHaveCount(0)
  await page.goto('/umkm')
  await page.getByRole('searchbox', { name: 'Cari nama atau nomor' }).fill(`91${s}001`)
  await page.getByRole('button', { name: 'Terapkan' }).click()
  await expect(page.getByRole('link', { name: `${name} Baru` })).toBeVisible()
  await expect(page.getByText('Menampilkan 1–1 dari 1')).toBeVisible()
})

test('a form refused by the server keeps every choice; the MSME form reads phones as people write them and knows KBLI 2020', async ({ page, login }) => {
  await login('ADMIN')
  const s = stamp()
  // cooperative: a NIK of the wrong length is refused on the server; type, district and village stay chosen
  await page.goto('/koperasi/baru')
  await page.getByLabel('NIK koperasi').fill('123')
  await page.getByLabel('Nama koperasi').fill(`Koperasi Tetap Terisi ${s}`)
  await page.getByLabel('Jenis').selectOption({ label: 'Simpan Pinjam' })
  await chooseRegion(page, 'Kabupaten Jombang')
  const district = await page.getByLabel('Kecamatan').inputValue()
  const village = await page.getByLabel('Desa/kelurahan').inputValue()
  await page.getByRole('button', { name: 'Simpan' }).click()
  await expect(page.getByText('NIK koperasi harus 16 digit angka.')).toBeVisible()
  await expect(page.getByLabel('Jenis')).toHaveValue('SIMPAN_PINJAM')
  await expect(page.getByLabel('Kabupaten/kota')).toHaveValue('35.17')
  await expect(page.getByLabel('Kecamatan')).toHaveValue(district)
  await expect(page.getByLabel('Desa/kelurahan')).toHaveValue(village)
  await expect(page.getByLabel('Nama koperasi')).toHaveValue(`Koperasi Tetap Terisi ${s}`)

  // MSME: KBLI 99999 is no activity; the gender and region stay chosen after the refusal
  await page.goto('/umkm/baru')
  await page.getByLabel('NIB').fill(`91${s}777`)
  await page.getByLabel('Nama usaha').fill(`Warung Telepon ${s}`)
  await page.getByLabel('KBLI 2020').fill('99999')
  await page.getByLabel('Nama pemilik').fill('Siti Aminah')
  await page.getByLabel('NIK pemilik').fill(`35170145${s}`)
  await page.getByLabel('Jenis kelamin pemilik').selectOption({ label: 'Perempuan' })
  await page.getByLabel('Telepon').fill('0812-3456-7890')
  await chooseRegion(page, 'Kabupaten Jombang')
  await page.getByRole('button', { name: 'Simpan' }).click()
  await expect(page.getByText(/Kode ini tidak ada dalam KBLI 2020/)).toBeVisible()
  await expect(page.getByLabel('Jenis kelamin pemilik')).toHaveValue('P')
  await expect(page.getByLabel('Kecamatan')).not.toHaveValue('')
  await page.getByLabel('KBLI 2020').fill('56101')
  await page.getByRole('button', { name: 'Simpan' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Warung Telepon ${s}` })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'UMKM ditambahkan ke register.' })).toBeVisible()
  // stored in its one form, shown grouped as people write it, and called by a tap
  await expect(page.getByRole('link', { name: '0812-3456-7890' })).toHaveAttribute('href', 'tel:+6281234567890')
})

test('a district officer works in its own regency only', async ({ page, login }) => {
  await login('DISTRICT_OFFICER')
  const s = stamp()
  const name = `Koperasi Uji Jombang ${s}`
  await page.goto('/koperasi/baru')
  await expect(page.getByLabel('Kabupaten/kota')).toBeDisabled()
  await expect(page.getByLabel('Kabupaten/kota')).toHaveValue('35.17')
  await createCooperative(page, { nik: `35171111${s}`, name })
  await editCooperativeName(page, `${name} Baru`)
  await findCooperative(page, `Uji Jombang ${s}`, `${name} Baru`)
  await createMsme(page, { nib: `92${s}001`, name: `Kopi Uji Jombang ${s}`, nik: `35171212${s}` })
  // the list holds Jombang only, even when the URL asks for Surabaya: it reads as its own, as the picker says
  await page.goto('/koperasi?regency=35.78')
  await expect(page.getByLabel('Kabupaten/kota')).toHaveValue('35.17')
  await expect(page.getByRole('cell', { name: 'Kabupaten Jombang', exact: true }).first()).toBeVisible()
  await expect(page.getByRole('cell', { name: 'Kota Surabaya', exact: true })).toHaveCount(0)
  // another regency's records (demo data: Kota Surabaya) are not found, read or edited
  for (const url of ['/koperasi/k3578990000000001', '/koperasi/k3578990000000001/ubah', '/umkm/u9357800000001', '/umkm/u9357800000001/ubah']) {
    await page.goto(url)
    await expect(page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' })).toBeVisible()
  }
  const exported = await page.request.get('/api/koperasi/ekspor?format=csv&regency=35.78')
  expect((await exported.text()).trim().split('\r\n')).toHaveLength(1)
})

test("a book year's figures open their own history in the audit log", async ({ page, login }) => {
  await login('ADMIN')
  await page.goto('/koperasi/k3517990000000001')
  const history = page.getByRole('link', { name: /^Riwayat angka tahun buku \d{4}$/ }).last()
  const year = (await history.getAttribute('aria-label'))!.slice(-4)
  await history.click()
  await expect(page).toHaveURL(/\/audit\?entity=CooperativeYear&record=/)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  expect(Number(year)).toBeGreaterThan(2000)
})

test("a book year's amounts left empty are shown as not reported, never Rp0, in both languages, and edited as empty fields", async ({ page, login, context, baseURL }) => {
  await login('ADMIN')
  const s = stamp()
  await createCooperative(page, { nik: `35170001${s}`, name: `KSP Uji Belum Lapor ${s}`, regency: 'Kabupaten Jombang' })
  await page.getByText('Catat angka tahun buku').click()
  const form = page.locator('details', { hasText: 'Catat angka tahun buku' })
  const year = await form.getByLabel('Tahun buku').inputValue()
  // the officer knows the assets, and that the year had no business at all: the other four are not reported
  await form.getByLabel('Aset', { exact: true }).fill('2.000.000.000')
  await form.getByLabel('Volume usaha').fill('0')
  // and that the RAT was held, its date not at hand
  await form.getByLabel('RAT terlaksana').check()
  await form.getByRole('button', { name: 'Simpan' }).click()
  await expect(page.getByText(`Angka tahun buku ${year} disimpan.`)).toBeVisible()
  for (const [locale, caption, notReported, assets, ratNoDate] of [['id', 'Angka tahunan', 'Belum dilaporkan', 'Rp2.000.000.000', 'Ya, tanggal tidak dicatat'], ['en', 'Yearly figures', 'Not reported', 'Rp2,000,000,000', 'Yes, date not recorded']] as const) {
    await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL! }])
    await page.reload()
    const row = page.getByRole('table', { name: caption }).getByRole('row').filter({ hasText: new RegExp(`^${year}`) })
    // own capital, external capital, assets, business volume, SHU
    const cells = row.getByRole('cell')
    for (const i of [1, 2, 5]) {
      await expect(cells.nth(i), `${locale}: column ${i}`).toHaveText(`–${notReported}`)
      await expect(cells.nth(i).getByTitle(notReported)).toBeVisible()
    }
    await expect(cells.nth(3)).toHaveText(assets)
    await expect(cells.nth(4), `${locale}: a 0 typed is a figure`).toHaveText('Rp0')
    // a RAT held without its date is said so, not the dash of an amount not reported
    await expect(cells.nth(6)).toHaveText(ratNoDate)
  }
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'id', url: baseURL! }])
  await page.goto(`${page.url().split('?')[0].split('#')[0]}?ubahTahun=${year}#angka-tahunan`)
  const edit = page.locator('details', { hasText: `Ubah angka tahun buku ${year}` })
  await expect(edit.getByLabel('Modal sendiri')).toHaveValue('')
  await expect(edit.getByLabel('SHU', { exact: true })).toHaveValue('')
  await expect(edit.getByLabel('Volume usaha')).toHaveValue('0')
})

test("a cooperative's book-year table fits a 1366 px screen in both languages, each row's actions named for its year", async ({ page, login, context, baseURL }) => {
  await login('ADMIN')
  for (const [locale, caption, history] of [['id', 'Angka tahunan', 'Riwayat angka tahun buku 2024'], ['en', 'Yearly figures', 'History of the figures for financial year 2024']] as const) {
    await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL! }])
    await page.goto('/koperasi/k3517000000000022')
    const table = page.getByRole('table', { name: caption })
    await expect(table.locator('tbody tr').first()).toBeVisible()
    // its last action, the year's history, had been cut to "Riwaya" / "His" at the edge of a box that scrolled
    const box = table.locator('xpath=..')
    const { scroll, client } = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }))
    expect(scroll, `${locale}: the table is ${scroll} px in a ${client} px box`).toBeLessThanOrEqual(client)
    const link = (await table.getByRole('link', { name: history }).boundingBox())!
    const edge = (await box.boundingBox())!
    expect(link.x + link.width).toBeLessThanOrEqual(edge.x + edge.width)
  }
})

test('the MSME list opened from a cooperative names it, and widens back to every MSME', async ({ page, login }) => {
  await login('DISTRICT_OFFICER')
  await page.goto('/koperasi/k3517990000000001')
  const name = (await page.getByRole('heading', { level: 1 }).textContent())!.trim()
  await page.getByRole('link', { name: 'Lihat semua di daftar UMKM' }).click()
  const note = page.getByTestId('msme-coop-filter')
  await expect(note).toContainText(`Hanya UMKM anggota ${name}.`)
  await note.getByRole('link', { name: 'Tampilkan semua UMKM' }).click()
  await expect(page).not.toHaveURL(/koperasi=/)
  await expect(page.getByTestId('msme-coop-filter')).toHaveCount(0)
})

test('a cooperative deleted by mistake is found on "Data terhapus" and restored; meanwhile its NIK is said as restorable', async ({ page, login }) => {
  await login('DISTRICT_OFFICER')
  const s = stamp()
  const nik = `35172222${s}`
  const name = `Koperasi Terhapus Keliru ${s}`
  await createCooperative(page, { nik, name })
  await page.getByRole('button', { name: 'Hapus' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Ya, hapus' }).click()
  await expect(page).toHaveURL(/\/koperasi\?dihapus=1$/)
  // registering it again is refused on its NIK, with where to bring it back
  await page.goto('/koperasi/baru')
  await page.getByLabel('NIK koperasi').fill(nik)
  await page.getByLabel('Nama koperasi').fill(name)
  await page.getByLabel('Jenis').selectOption({ label: 'Simpan Pinjam' })
  await chooseRegion(page)
  await page.getByRole('button', { name: 'Simpan' }).click()
  await expect(page.locator('#f-nik-error')).toHaveText('NIK koperasi ini milik koperasi yang sudah dihapus: pulihkan dari Koperasi › Data terhapus.')
  await page.goto('/koperasi')
  await page.getByRole('link', { name: 'Data terhapus' }).click()
  // found by its NIK written in groups, as on paper
  await page.getByLabel('Cari nama atau nomor').fill(`${nik.slice(0, 4)} ${nik.slice(4, 8)} ${nik.slice(8, 12)} ${nik.slice(12)}`)
  await page.getByRole('button', { name: 'Terapkan' }).click()
  const row = page.locator(`[data-deleted-record="${nik}"]`)
  await expect(row).toContainText(name)
  await row.getByRole('button', { name: 'Pulihkan' }).click()
  await page.getByRole('dialog', { name: `Pulihkan ${name}?` }).getByRole('button', { name: 'Pulihkan' }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Data dipulihkan ke register.' })).toBeVisible()
})

test('leadership reads without edit controls and never sees a NIK', async ({ page, login }) => {
  await login('LEADERSHIP')
  await page.goto('/koperasi/k3517990000000001')
  await expect(page.getByRole('heading', { level: 1, name: 'KUD Tani Makmur Jombang' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Ubah' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Hapus' })).toHaveCount(0)
  await expect(page.getByText('Tambah penilaian')).toHaveCount(0)
  await page.goto('/umkm/u9351799000002')
  await expect(page.getByTestId('owner-nik')).toHaveText('3517••••••••0002')
  await expect(page.getByRole('button', { name: 'Tampilkan NIK' })).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Pinjaman' })).toBeVisible()
  await page.goto('/koperasi/baru')
  await expect(page.getByRole('heading', { name: 'Akses ditolak' })).toBeVisible()
})

test('a bank officer has no access to the registers', async ({ page, login }) => {
  await login('BANK_OFFICER')
  for (const url of ['/koperasi', '/umkm', '/umkm/u9351799000002']) {
    await page.goto(url)
    await expect(page.getByRole('heading', { name: 'Akses ditolak' })).toBeVisible()
  }
  expect((await page.request.get('/api/umkm/ekspor?format=csv')).status()).toBe(403)
})

/** The rows shown on page 1 and the list's total, read from the screen. */
async function screenRows(page: Page, attr: 'data-nik' | 'data-nib') {
  const keys = await page.locator(`tr[${attr}]`).evaluateAll((rows, a) => rows.map((r) => r.getAttribute(a)!), attr)
  const pager = await page.getByText(/^Menampilkan /).textContent()
  const total = Number(/dari ([\d.]+)/.exec(pager ?? '')![1].replaceAll('.', ''))
  return { keys, total }
}

async function downloadXlsx(page: Page, linkName: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).click()])
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile((await download.path())!)
  return (wb.worksheets[0].getSheetValues().slice(2) as unknown[][]).map((r) => String(r[1]))
}

test('the .xlsx export of a filtered list holds the rows of the screen', async ({ page, login }) => {
  await login('ADMIN')
  await page.goto('/koperasi?regency=35.17&type=SIMPAN_PINJAM&sort=nik&dir=desc')
  const coops = await screenRows(page, 'data-nik')
  expect(coops.keys.length).toBeGreaterThan(0)
  const coopExport = await downloadXlsx(page, 'Ekspor .xlsx')
  expect(coopExport).toHaveLength(coops.total)
  expect(coopExport.slice(0, coops.keys.length)).toEqual(coops.keys)

  await page.goto('/umkm?regency=35.17&mismatch=1')
  const msmes = await screenRows(page, 'data-nib')
  expect(msmes.keys.length).toBeGreaterThan(0)
  const msmeExport = await downloadXlsx(page, 'Ekspor .xlsx')
  expect(msmeExport).toHaveLength(msmes.total)
  expect(msmeExport.slice(0, msmes.keys.length)).toEqual(msmes.keys)
})

test('a page number past the end of a list says so and links back to the first page, with no pager', async ({ page, login }) => {
  await login('ADMIN')
  // an old link or a typed URL: every paged list answers the same way
  for (const path of ['/koperasi', '/umkm', '/kredit/penyaluran', '/audit', '/pengguna', '/notifikasi', '/rapat', '/tindak-lanjut', '/kegiatan']) {
    await page.goto(`${path}?page=9999`)
    await expect(page.getByText('Halaman 9999 di luar daftar'), path).toBeVisible()
    await expect(page.getByRole('navigation', { name: 'Halaman', exact: true }), path).toHaveCount(0)
    await page.getByTestId('past-last-page').click()
    await expect(page, path).not.toHaveURL(/page=9999/)
    await expect(page.getByText('Halaman 9999 di luar daftar')).toHaveCount(0)
  }
  // a number too large to ask for is past the end too (it had shown page 1 under a URL saying page 99999999999)
  for (const path of ['/koperasi', '/umkm', '/pengguna']) {
    await page.goto(`${path}?page=99999999999`)
    await expect(page.getByText('Halaman itu di luar daftar'), path).toBeVisible()
    await expect(page.getByRole('navigation', { name: 'Halaman', exact: true }), path).toHaveCount(0)
  }
})
