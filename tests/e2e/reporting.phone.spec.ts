import { expect, test } from './fixtures'

test('on a phone the officer’s entry form stacks each value with its previous value and target', async ({ page, login }) => {
  await login('DISTRICT_OFFICER')
  await page.goto('/laporan-triwulan/35.17/2025/4')
  await expect(page.getByTestId('return-reason')).toBeVisible()
  await expect(page.getByLabel('Koperasi terdaftar', { exact: true })).toHaveValue('330')
  await expect(page.locator('[data-indicator="KOP_TERDAFTAR"]')).toContainText('Triwulan lalu: 327')
  await expect(page.getByRole('button', { name: 'Kirim laporan' })).toBeVisible()
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
})
