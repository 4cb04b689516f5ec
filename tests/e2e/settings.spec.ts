import type { Page } from '@playwright/test'
import { sql } from './db'
import { demo, expect, signIn, test, type DemoRole } from './fixtures'

// An admin adds an indicator valid from 2027, sets its 2027 targets in the grid (the province total check
// as they type), and the officer of Kabupaten Jombang sees it, with its target, in its Triwulan I 2027 form.
const CODE = 'UMKM_NAIK_KELAS_E2E'

async function as(page: Page, role: DemoRole) {
  // leave the page first: a prefetch still in flight would bring the old session cookie back
  await page.goto('about:blank')
  await page.context().clearCookies()
  const u = demo(role)
  await signIn(page, u.username, u.password)
}

test('an admin adds an indicator with 2027 targets and the district officer sees it in its next quarterly form', async ({ page, login }) => {
  // one long story (two users, three screens, a 195-cell grid) on a machine shared with other builds
  test.setTimeout(180_000)
  await login('ADMIN')
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Pengaturan Program' }).click()
  await expect(page.getByRole('heading', { name: 'Pengaturan Program' })).toBeVisible()
  await page.getByRole('link', { name: 'Indikator baru' }).click()
  await expect(page.getByRole('heading', { name: 'Indikator baru' })).toBeVisible()

  await page.getByRole('textbox', { name: 'Kode', exact: true }).fill(CODE)
  await page.getByLabel('Formulir dan periode').selectOption({ label: 'Pemberdayaan usaha mikro dan fasilitasi (triwulanan)' })
  await page.getByLabel('Nama (Bahasa Indonesia)').fill('UMKM naik kelas')
  await page.getByLabel('Nama (English)').fill('MSMEs moving up a scale')
  await page.getByLabel('Agregasi ke provinsi').selectOption('SUM')
  await page.getByLabel('Penjumlahan antar-triwulan').selectOption('FLOW')
  await page.getByLabel('Berlaku mulai').fill('01/01/2027')
  await page.getByRole('button', { name: 'Simpan' }).click()
  await expect(page.getByText(`Indikator ${CODE} disimpan.`)).toBeVisible()

  await page.getByTestId(`indicator-${CODE}`).getByRole('link', { name: 'Target' }).click()
  await page.getByRole('combobox', { name: 'Tahun' }).selectOption('2027')
  await page.getByRole('button', { name: 'Tampilkan' }).click()
  await expect(page.getByText('UMKM naik kelas · 2027')).toBeVisible()
  await page.waitForLoadState('networkidle')

  await page.getByLabel('Target provinsi Setahun', { exact: true }).fill('100')
  await page.getByLabel('Kabupaten Jombang Setahun', { exact: true }).fill('60')
  await page.getByLabel('Kota Surabaya Setahun', { exact: true }).fill('30')
  await expect(page.getByTestId('total-check')).toHaveText('Jumlah kabupaten/kota kurang 10 dari target provinsi.')
  // saving a grid that does not add up is refused, and what was typed stays
  await page.getByRole('button', { name: 'Simpan', exact: true }).click()
  await expect(page.getByText(/90 kurang 10 dari target provinsi 100\. Perbaiki/).first()).toBeVisible()
  await expect(page.getByLabel('Kabupaten Jombang Setahun', { exact: true })).toHaveValue('60')
  await page.getByLabel('Kabupaten Malang Setahun', { exact: true }).fill('10')
  await expect(page.getByTestId('total-check')).toHaveText('Jumlah kabupaten/kota sama dengan target provinsi.')
  await page.getByLabel('Kabupaten Jombang TW I', { exact: true }).fill('15')
  await page.getByRole('button', { name: 'Simpan', exact: true }).click()
  await expect(page.getByText(`Target ${CODE} tahun 2027 disimpan (5 sel).`)).toBeVisible()

  await as(page, 'DISTRICT_OFFICER')
  await page.goto('/laporan-triwulan/35.17/2027/1')
  await expect(page.getByTestId('upcoming')).toBeVisible()
  const row = page.getByRole('row', { name: /UMKM naik kelas/ })
  await expect(row).toContainText('15 (triwulan)')
  // not in the current quarter's form: the indicator starts in 2027
  await page.goto('/laporan-triwulan/35.17/2026/4')
  await expect(page.getByRole('heading', { name: 'Triwulan IV 2026: Kabupaten Jombang' })).toBeVisible()
  await expect(page.getByText('UMKM naik kelas')).toHaveCount(0)
})

// An admin writes a validation rule, previews which existing reports it would flag (the count checked
// against independent SQL over the same eight quarters), and saves it inactive: the demo reports other
// tests submit stay unaffected, and the saved rule is listed as inactive.
test('an admin previews a validation rule against the existing reports, then saves it', async ({ page, login }) => {
  test.setTimeout(120_000)
  // the median healthy-KSP figure of the last eight reported quarters: a bound some reports exceed
  const [{ bound, flagged, checked }] = await sql<{ bound: string; flagged: number; checked: number }>(`
    WITH recent AS (
      SELECT DISTINCT r.year * 4 + r.quarter - 1 AS p FROM quarterly_reports r JOIN regencies g ON g.code = r.regency_code
      WHERE g.province_code = '35' ORDER BY p DESC LIMIT 8),
    judged AS (
      SELECT r.id FROM quarterly_reports r JOIN regencies g ON g.code = r.regency_code
      WHERE g.province_code = '35' AND r.year * 4 + r.quarter - 1 IN (SELECT p FROM recent)),
    b AS (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY v.value) AS bound FROM report_values v WHERE v.report_id IN (SELECT id FROM judged) AND v.indicator_code = 'KSP_SEHAT')
    SELECT b.bound::int::text AS bound,
      (SELECT count(*) FROM judged j WHERE EXISTS (SELECT 1 FROM report_values v WHERE v.report_id = j.id AND v.indicator_code = 'KSP_SEHAT' AND v.value > b.bound))::int AS flagged,
      (SELECT count(*) FROM judged)::int AS checked
    FROM b`)
  expect(flagged).toBeGreaterThan(0)

  await login('ADMIN')
  await page.goto('/pengaturan')
  await page.getByRole('link', { name: 'Aturan validasi' }).click()
  await expect(page.getByRole('heading', { name: /^Aturan validasi · / })).toBeVisible()
  await expect(page.getByTestId('rule-AKTIF_MAKS_TERDAFTAR')).toContainText('KOP_AKTIF ≤ KOP_TERDAFTAR')
  await page.getByRole('link', { name: 'Aturan baru' }).click()
  await expect(page.getByRole('heading', { name: 'Aturan validasi baru' })).toBeVisible()

  await page.getByLabel('Kode aturan').fill('KSP_SEHAT_E2E')
  await page.getByLabel('Tingkat').selectOption('WARNING')
  await page.getByLabel('Jenis aturan').selectOption('RANGE')
  await page.getByLabel('Indikator', { exact: true }).selectOption('KSP_SEHAT')
  await page.getByLabel('Batas atas').fill(bound)
  await page.getByLabel('Pesan untuk petugas').fill(`KSP sehat di atas ${bound}: mohon jelaskan.`)
  await page.getByLabel('Pesan dalam bahasa Inggris').fill(`Healthy KSP above ${bound}: please explain.`)
  await page.getByLabel('Aktif', { exact: true }).uncheck()

  // a bound the wrong way round is refused in its field, and nothing is previewed
  await page.getByLabel('Batas bawah').fill(String(Number(bound) + 1))
  await page.getByRole('button', { name: 'Pratinjau' }).click()
  await expect(page.getByText('Batas atas tidak boleh di bawah batas bawah.')).toBeVisible()
  await page.getByLabel('Batas bawah').fill('')

  await page.getByRole('button', { name: 'Pratinjau' }).click()
  await expect(page.getByText(`Aturan ini akan menandai ${flagged} dari ${checked} laporan. Belum disimpan.`)).toBeVisible()
  const preview = page.getByTestId('rule-preview')
  await expect(preview.getByRole('heading', { name: 'Pratinjau: laporan yang akan ditandai' })).toBeVisible()
  await expect(preview.getByRole('row').nth(1)).toContainText(`KSP sehat di atas ${bound}: mohon jelaskan.`)
  await expect(preview.getByRole('row').nth(1)).toContainText(/Draf|Dikirim|Dikembalikan|Disetujui/)
  // the preview wrote nothing
  expect(await sql(`SELECT 1 FROM validation_rules WHERE code = 'KSP_SEHAT_E2E'`)).toHaveLength(0)
  // the fields stay as typed: save what was previewed
  await expect(page.getByLabel('Batas atas')).toHaveValue(bound)
  await page.getByRole('button', { name: 'Simpan', exact: true }).click()
  await expect(page.getByText('Aturan KSP_SEHAT_E2E disimpan.')).toBeVisible()
  const row = page.getByTestId('rule-KSP_SEHAT_E2E')
  await expect(row).toContainText(`KSP_SEHAT: paling banyak ${bound}`)
  await expect(row).toContainText('Nonaktif')
  const [saved] = await sql<{ max: string; active: boolean; severity: string }>(`SELECT max::text AS max, active, severity::text AS severity FROM validation_rules WHERE code = 'KSP_SEHAT_E2E'`)
  expect(saved).toEqual({ max: `${bound}.00`, active: false, severity: 'WARNING' })
})

// An agency that started using Lumbung this quarter: the admin sets when reporting starts, and the earlier
// quarters stop showing as overdue on the completeness page and on the district officer's home page.
test('an admin sets the first reporting quarter and the earlier quarters are no longer overdue', async ({ page, login }) => {
  test.setTimeout(120_000)
  const { year, quarter } = (await sql<{ year: number; quarter: number }>(
    `SELECT extract(year FROM now() AT TIME ZONE 'Asia/Jakarta')::int AS year, extract(quarter FROM now() AT TIME ZONE 'Asia/Jakarta')::int AS quarter`,
  ))[0]
  // the quarter after this one: this year's quarters up to now are then all before the start, whatever the date
  const start = quarter === 4 ? { year: year + 1, quarter: 1 } : { year, quarter: quarter + 1 }
  const roman = ['I', 'II', 'III', 'IV'][start.quarter - 1]
  // the demo's own start (Triwulan I 2025), put back at the end
  const [demoStart] = await sql<{ value: { year: number; quarter: number } }>(`SELECT value FROM settings WHERE key = 'reporting.firstPeriod'`)
  expect(demoStart.value).toEqual({ year: 2025, quarter: 1 })
  try {
    await login('ADMIN')
    await page.goto('/laporan-triwulan/kelengkapan')
    // the demo's reporting starts in Triwulan I 2025: every quarter of this year is judged
    await expect(page.locator('[data-not-required]')).toHaveCount(0)

    await page.goto('/pengaturan/tenggat')
    const field = page.getByLabel('Awal pelaporan')
    await expect(field).toHaveValue('2025-1')
    await field.selectOption(`${start.year}-${start.quarter}`)
    await page.getByTestId('reporting-start-form').getByRole('button', { name: 'Simpan' }).click()
    await expect(page.getByText(`Pelaporan diwajibkan mulai Triwulan ${roman} ${start.year}; triwulan sebelumnya tidak dinilai terlambat dan tidak diingatkan.`)).toBeVisible()
    await expect(field).toHaveValue(`${start.year}-${start.quarter}`)
    for (let q = 1; q <= quarter; q++) await expect(page.getByTestId(`deadline-${q}`)).toContainText('tidak diwajibkan')
    await page.screenshot({ path: 'test-results/reporting-start-settings.png', fullPage: true })

    await page.goto('/laporan-triwulan/kelengkapan')
    await expect(page.locator('[data-not-required]')).toHaveCount(quarter)
    // no cell before the start says "Lewat batas"; each says "Tidak diwajibkan"
    for (let q = 1; q <= quarter; q++) {
      await expect(page.locator(`[data-cell$="-${q}"]`).filter({ hasText: 'Lewat batas' })).toHaveCount(0)
      await expect(page.locator(`[data-cell="35.17-${q}"]`)).toContainText('Tidak diwajibkan')
    }

    await as(page, 'DISTRICT_OFFICER')
    await page.goto('/laporan-triwulan')
    for (let q = 1; q <= quarter; q++) await expect(page.locator(`tr[data-quarter="${q}"]`)).not.toContainText('Lewat batas')
  } finally {
    // the other specs read the demo as it was: reporting from the demo's start
    await sql(`DELETE FROM settings WHERE key = 'reporting.firstPeriod'`)
    await sql(`INSERT INTO settings (key, value) VALUES ('reporting.firstPeriod', '${JSON.stringify(demoStart.value)}')`)
  }
})

test('a deadline field shows what was typed after a refusal, and the saved day after a save', async ({ page, login }) => {
  try {
    await login('ADMIN')
    await page.goto('/pengaturan/tenggat?tahun=2031')
    const field = page.getByRole('textbox', { name: 'Batas waktu Triwulan II 2031' })
    const form = page.locator('form').filter({ has: field })
    await expect(field).toHaveValue('15/07/2031')
    // refused (before the quarter ends): the field keeps 10/06/2031, not the value it had before
    await field.fill('10/06/2031')
    await form.getByRole('button', { name: 'Simpan' }).click()
    await expect(form.getByText('Batas waktu harus setelah triwulan berakhir (30 Juni 2031).')).toBeVisible()
    await expect(field).toHaveValue('10/06/2031')
    // saved: the field shows the saved day, not the refused attempt before it
    await field.fill('16/07/2031')
    await form.getByRole('button', { name: 'Simpan' }).click()
    await expect(form.getByText(/16 Juli 2031/)).toBeVisible()
    await expect(field).toHaveValue('16/07/2031')
    await page.reload()
    await expect(page.getByRole('textbox', { name: 'Batas waktu Triwulan II 2031' })).toHaveValue('16/07/2031')
  } finally {
    await sql(`DELETE FROM reporting_periods WHERE year = 2031`)
  }
})
