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

test("a cooperative's book years on a phone keep the year in view beside the actions the table scrolls to", async ({ page, login }) => {
  await login('ADMIN')
  await page.goto('/koperasi/k3517000000000022')
  const table = page.getByRole('table', { name: 'Angka tahunan' })
  const box = table.locator('xpath=..')
  await box.evaluate((el) => { el.scrollLeft = el.scrollWidth })
  const year = (await table.getByRole('cell', { name: '2024', exact: true }).boundingBox())!
  const edit = (await table.getByRole('link', { name: 'Ubah angka tahun buku 2024' }).boundingBox())!
  const edge = (await box.boundingBox())!
  // scrolled to its end, the year column stays at the box's left edge, on the row of its Ubah/Hapus/Riwayat
  expect(year.x).toBeGreaterThanOrEqual(edge.x - 1)
  expect(year.x).toBeLessThan(edge.x + 20)
  expect(Math.abs(year.y - edit.y)).toBeLessThan(30)
  await expectNoSidewaysScroll(page)
})

test('a phone sorts the card lists, which have no column headers', async ({ page, login }) => {
  await login('ADMIN')
  await page.goto('/umkm')
  const sort = page.getByRole('navigation', { name: 'Urutkan' })
  await expect(sort.getByRole('link', { name: /Nama usaha/ })).toHaveAttribute('aria-current', 'true')
  // an amount: the first tap shows the largest first, the second reverses it
  await sort.getByRole('link', { name: /Omzet tahunan/ }).click()
  await expect(page).toHaveURL(/sort=annualSales&dir=desc/)
  await expect(sort.getByRole('link', { name: /Omzet tahunan/ })).toContainText('turun')
  const sales = () => page.getByRole('list', { name: 'UMKM' }).locator('li').evaluateAll((cards) =>
    cards.map((c) => Number((c.textContent ?? '').match(/Rp\s?([\d.]+)/)?.[1].replaceAll('.', '') ?? 'NaN')))
  const largestFirst = await sales()
  expect(largestFirst.length).toBeGreaterThan(1)
  expect(largestFirst[0]).toBe(Math.max(...largestFirst))
  await sort.getByRole('link', { name: /Omzet tahunan/ }).click()
  await expect(page).toHaveURL(/sort=annualSales&dir=asc/)
  await expect(sort.getByRole('link', { name: /Omzet tahunan/ })).toContainText('naik')
  for (const url of ['/koperasi', '/rapat', '/tindak-lanjut']) {
    await page.goto(url)
    await expect(page.getByRole('navigation', { name: 'Urutkan' })).toBeVisible()
    await expectNoSidewaysScroll(page)
  }
})

test('the audit trail on a phone: each entry a card whose changes read at the screen’s width', async ({ page, login }) => {
  await login('ADMIN')
  await page.goto('/audit')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expectNoSidewaysScroll(page)
  const entry = page.locator('tr[data-audit]').filter({ has: page.locator('details') }).first()
  await entry.locator('summary').click()
  // three table columns had left the changes 63–74 px wide, one word a line
  const width = await entry.locator('dl').evaluate((dl) => dl.getBoundingClientRect().width)
  expect(width).toBeGreaterThan(300)
  await expectNoSidewaysScroll(page)
})

test('a phone folds the filters after the search behind one button, which says how many are set', async ({ page, login }) => {
  await login('ADMIN')
  await page.goto('/koperasi')
  const more = page.getByRole('button', { name: 'Filter lainnya' })
  await expect(more).toHaveAttribute('aria-expanded', 'false')
  await expect(page.getByRole('searchbox')).toBeVisible()
  await expect(page.locator('select[name=type]')).toBeHidden()
  // the first card is on the first screen, not below five drop-downs
  const firstCard = page.getByRole('list', { name: 'Koperasi' }).locator('li').first()
  expect((await firstCard.boundingBox())!.y).toBeLessThan(844)
  await more.click()
  await expect(more).toHaveAttribute('aria-expanded', 'true')
  await page.locator('select[name=type]').selectOption('SIMPAN_PINJAM')
  await page.getByRole('button', { name: 'Terapkan' }).click()
  await expect(page).toHaveURL(/[?&]type=SIMPAN_PINJAM/)
  // folded again on the filtered list, and saying that a filter narrows it
  await expect(page.getByRole('button', { name: 'Filter lainnya · 1 aktif' })).toHaveAttribute('aria-expanded', 'false')
  await expect(page.locator('select[name=type]')).toBeHidden()
  await expectNoSidewaysScroll(page)
  // from the small breakpoint up there is no button: the filters stand in the form as before
  await page.setViewportSize({ width: 800, height: 900 })
  await expect(page.getByRole('button', { name: /Filter lainnya/ })).toBeHidden()
  await expect(page.locator('select[name=type]')).toBeVisible()
})
