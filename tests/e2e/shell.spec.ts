import { expect, test } from './fixtures'

test('the shell shows the sidebar in Bahasa Indonesia and marks the current section', async ({ page, login }) => {
  await login('ADMIN')
  await page.goto('/koperasi')
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' })
  for (const label of ['Beranda', 'Koperasi', 'UMKM', 'Kredit', 'Laporan Triwulan', 'Rapat Koordinasi', 'Pengguna']) {
    await expect(nav.getByRole('link', { name: label })).toBeVisible()
  }
  await expect(nav.getByRole('link', { name: 'Koperasi' })).toHaveAttribute('aria-current', 'page')
  await expect(page.getByRole('heading', { level: 1, name: 'Koperasi' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'id')
})

test('the language switch turns the interface to English and back', async ({ page, login }) => {
  await login('LEADERSHIP')
  await page.getByRole('button', { name: 'en', exact: true }).click()
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Cooperatives' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.getByRole('button', { name: 'id', exact: true }).click()
  await expect(page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Koperasi' })).toBeVisible()
})

test('health reports the database and security headers are set', async ({ request }) => {
  const res = await request.get('/api/health')
  expect(res.status()).toBe(200)
  const body = await res.json()
  expect(body.database.status).toBe('ok')
  const headers = res.headers()
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
})
