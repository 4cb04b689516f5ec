import { sql } from './db'
import { expect, test } from './fixtures'

// Findings of a walk through quarterly reporting (s39): what the target grid, the officer's list, a reader of an
// unsent report and the indicator dashboard's links show. Demo data (prisma/seed/reporting.ts): Kabupaten Jombang's
// Triwulan IV 2025 is returned for correction.

test('the target grid shows stored targets grouped as its cells are typed, and a count\'s cell asks for a whole number', async ({ page, login }) => {
  const [stored] = await sql<{ value: string }>(`
    SELECT value::text AS value FROM indicator_targets
    WHERE indicator_code = 'DAK_PENDAMPINGAN' AND year = 2026 AND regency_code = '35.17' AND quarter = 0`)
  await login('ADMIN')
  await page.goto('/pengaturan/target?indikator=DAK_PENDAMPINGAN&tahun=2026')
  // `450.000.000`, not the bare `450000000` that is easy to misread by a factor of ten
  const grouped = new Intl.NumberFormat('id-ID').format(Number(stored.value))
  expect(grouped).toMatch(/^\d{1,3}(\.\d{3}){2,}$/)
  await expect(page.getByLabel('Kabupaten Jombang Setahun', { exact: true })).toHaveValue(grouped)

  await page.goto('/pengaturan/target?indikator=KSP_SEHAT&tahun=2026')
  await page.waitForLoadState('networkidle')
  await page.getByLabel('Kabupaten Jombang TW IV', { exact: true }).fill('abc')
  await page.getByRole('button', { name: 'Simpan', exact: true }).click()
  // a whole-number example: `85,30` would then be refused as not whole
  await expect(page.getByTestId('target-cell-errors')).toContainText('Kabupaten Jombang · TW IV: Isi angka bulat, misalnya 43.950.')
})

test('the officer\'s list names a report returned in another year above the table, with a link to it', async ({ page, login }) => {
  await login('DISTRICT_OFFICER')
  await page.goto('/laporan-triwulan')
  const note = page.getByTestId('other-years')
  await expect(note).toContainText('Perlu tindakan di tahun lain:')
  await expect(note.getByRole('listitem').filter({ hasText: 'Triwulan IV 2025' })).toContainText('dikembalikan untuk diperbaiki')
  await note.getByRole('link', { name: 'Triwulan IV 2025' }).click()
  await expect(page).toHaveURL('/laporan-triwulan/35.17/2025/4')
  // the year shown does not repeat itself in the note
  await page.goto('/laporan-triwulan?tahun=2025')
  await expect(page.getByTestId('other-years')).not.toContainText('Triwulan IV 2025')
})

test('leadership reading an unsent draft is told its figures may still change', async ({ page, login }) => {
  const [draft] = await sql<{ regency_code: string; year: number; quarter: number }>(`
    SELECT regency_code, year, quarter FROM quarterly_reports WHERE status = 'DRAFT' AND regency_code <> '35.17' ORDER BY year DESC, quarter DESC, regency_code LIMIT 1`)
  const [approved] = await sql<{ regency_code: string; year: number; quarter: number }>(`
    SELECT regency_code, year, quarter FROM quarterly_reports WHERE status = 'APPROVED' ORDER BY year DESC, quarter DESC, regency_code LIMIT 1`)
  await login('LEADERSHIP')
  await page.goto(`/laporan-triwulan/${draft.regency_code}/${draft.year}/${draft.quarter}`)
  await expect(page.getByTestId('unsent-note')).toHaveText('Draf: laporan ini belum dikirim petugas kabupaten/kota, jadi angkanya belum diperiksa dan masih dapat berubah.')
  await page.goto(`/laporan-triwulan/${approved.regency_code}/${approved.year}/${approved.quarter}`)
  await expect(page.getByTestId('locked')).toBeVisible()
  await expect(page.getByTestId('unsent-note')).toHaveCount(0)
})

test('the indicator dashboard reads the realisation page\'s `indikator` and `tahun`', async ({ page, login }) => {
  await login('LEADERSHIP')
  await page.goto('/dasbor/indikator?indikator=DAK_PENDAMPINGAN&tahun=2025')
  // the select's label wraps its options: named by role, as a reader hears it
  await expect(page.getByRole('combobox', { name: 'Indikator', exact: true })).toHaveValue('DAK_PENDAMPINGAN')
  await expect(page.getByRole('combobox', { name: 'Tahun', exact: true })).toHaveValue('2025')
})

test('the completeness page lists who is still missing a quarter', async ({ page, login }) => {
  const [owed] = await sql<{ n: number }>(`
    SELECT count(*)::int AS n FROM regencies g
    LEFT JOIN quarterly_reports r ON r.regency_code = g.code AND r.year = 2026 AND r.quarter = 3
    WHERE g.province_code = '35' AND (r.id IS NULL OR r.status = 'DRAFT')`)
  await login('ADMIN')
  await page.goto('/laporan-triwulan/kelengkapan?tahun=2026')
  const filter = page.getByTestId('completeness-filter')
  await filter.getByRole('combobox', { name: 'Triwulan', exact: true }).selectOption('3')
  await filter.getByRole('combobox', { name: 'Status', exact: true }).selectOption('belum')
  await filter.getByRole('button', { name: 'Tampilkan' }).click()
  await expect(page).toHaveURL(/triwulan=3/)
  await expect(page.getByTestId('completeness-shown')).toHaveText(`Triwulan III: ${owed.n} dari 38 kabupaten/kota`)
  await expect(page.locator('tbody tr[data-regency]')).toHaveCount(owed.n)
  // every row listed is still without a sent Triwulan III
  for (const cell of await page.locator('[data-cell$="-3"]').all()) await expect(cell).toContainText(/Belum mulai|Draf/)
})

test('the target grid warns of a stock\'s quarter target above its year target while it is typed, and the warning goes with the slip', async ({ page, login }) => {
  await login('ADMIN')
  await page.goto('/pengaturan/target?indikator=KSP_SEHAT&tahun=2027')
  await page.waitForLoadState('networkidle')
  await page.getByLabel('Kabupaten Jombang Setahun', { exact: true }).fill('10')
  await page.getByLabel('Kabupaten Jombang TW IV', { exact: true }).fill('1.012')
  await expect(page.getByTestId('stock-above-year')).toContainText('Kabupaten Jombang · TW IV: 1.012, di atas target tahun 10')
  await page.getByLabel('Kabupaten Jombang TW IV', { exact: true }).fill('9')
  await expect(page.getByTestId('stock-above-year')).toHaveCount(0)
})
