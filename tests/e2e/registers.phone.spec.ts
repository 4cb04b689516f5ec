import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
}

test('registers read well on a phone: card lists, details and forms without sideways scrolling', async ({ page, login }) => {
  await login('ADMIN')
  // k3502000000000046 has a health assessment: its table's screen-reader-only header had widened the page
  for (const url of ['/koperasi', '/umkm', '/koperasi/k3517990000000001', '/koperasi/k3502000000000046', '/umkm/u9351799000002', '/koperasi/baru', '/umkm/baru']) {
    await page.goto(url)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expectNoSidewaysScroll(page)
  }
  await page.goto('/umkm?q=Batik%20Tulis%20Jombangan')
  const cards = page.getByRole('list', { name: 'UMKM' })
  await expect(cards.getByRole('link', { name: 'Batik Tulis Jombangan Sekar Jagad' })).toBeVisible()
  await expect(cards).toContainText('3517••••••••0002')
  await cards.getByRole('link', { name: 'Batik Tulis Jombangan Sekar Jagad' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Batik Tulis Jombangan Sekar Jagad' })).toBeVisible()
})
