import { writeFileSync } from 'node:fs'
import { expect, test } from './fixtures'

/**
 * The import history on a phone (390 px): cards instead of the eight-column table, which scrolled sideways; a dry
 * run's counts read as planned, not as rows written.
 */
test('the import history reads as cards on a phone, a dry run\'s counts as planned ones', async ({ page, login }, info) => {
  await login('ADMIN')
  const stamp = String(Date.now()).slice(-8)
  const name = `koperasi-ponsel-${stamp}.csv`
  const file = info.outputPath(name)
  writeFileSync(file, `\ufeffNIK Koperasi;Nama Koperasi;Jenis;Kabupaten/Kota\r\n35170${stamp}001;Koperasi Ponsel ${stamp};Produsen;35.17\r\n12345;Koperasi Ponsel Salah ${stamp};Produsen;35.17\r\n`)
  await page.goto('/impor/baru?jenis=koperasi')
  await page.getByLabel('Berkas').setInputFiles(file)
  await page.getByRole('button', { name: 'Unggah dan cocokkan kolom' }).click()
  await page.getByRole('button', { name: 'Jalankan uji coba' }).click()
  await expect(page.getByRole('heading', { name: 'Hasil uji coba' })).toBeVisible({ timeout: 60_000 })
  // a refused row reads as a card, its reason in view, not in a table's column off the screen's edge
  const refused = page.getByRole('list', { name: 'Baris yang ditolak' }).getByRole('listitem')
  await expect(refused).toHaveCount(1)
  await expect(refused).toContainText('NIK Koperasi · “12345”')
  const reason = refused.getByText('NIK Koperasi harus 16 digit, di sini 5.')
  await reason.scrollIntoViewIfNeeded()
  await expect(reason).toBeInViewport({ ratio: 1 })
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
  const url = page.url()

  await page.goto('/impor')
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
  await expect(page.getByRole('table')).toBeHidden()
  const card = page.getByRole('list', { name: 'Riwayat impor' }).getByRole('listitem').filter({ hasText: name })
  await expect(card).toContainText('Ada baris tidak valid')
  await expect(card).toContainText('Hasil uji coba; belum disimpan')
  await expect(card).toContainText('Baru 1')
  await expect(card).toContainText('Tidak valid 1')
  await card.getByRole('link', { name }).click()
  await expect(page.getByRole('heading', { name: 'Hasil uji coba' })).toBeVisible()
  expect(page.url()).toBe(url)

  // discarded, its counts are the dry run's and nothing is waiting to be saved
  await page.getByRole('button', { name: 'Buang hasil uji coba' }).click()
  await page.getByRole('button', { name: 'Ya, buang' }).click()
  await expect(page.getByText('Dibatalkan').first()).toBeVisible()
  await page.goto('/impor')
  await expect(card).toContainText('Dibatalkan')
  await expect(card).toContainText('Hasil uji coba; tidak ada yang disimpan: Baru 1')
  await expect(card).not.toContainText('Direncanakan')
})
