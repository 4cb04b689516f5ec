import type { Page } from '@playwright/test'
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
  await expect(page.getByTestId('total-check')).toHaveText('Jumlah kabupaten/kota berbeda -10 dari target provinsi.')
  // saving a grid that does not add up is refused, and what was typed stays
  await page.getByRole('button', { name: 'Simpan', exact: true }).click()
  await expect(page.getByText(/berbeda -10 dari target provinsi 100\. Perbaiki/).first()).toBeVisible()
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
