import type { Page } from '@playwright/test'
import { sql } from './db'
import { expect, test } from './fixtures'

/**
 * The credit chain's long lists on a phone: the bank's loans and a claim's lines are cards (the eight- and
 * nine-column tables had scrolled sideways), sorted by chips, and a search keeps the order chosen.
 */
async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
}

test('a bank officer reads its loans and a claim\'s lines as cards on a phone; a search keeps the order', async ({ page, login }) => {
  await login('BANK_OFFICER')
  await page.goto('/kredit/penyaluran')
  const loans = page.getByRole('list', { name: 'Penyaluran' })
  await expect(loans.getByRole('listitem').first()).toBeVisible()
  await expectNoSidewaysScroll(page)
  // the largest loan first, by its chip; a search then keeps that order (it had gone back to the contract date)
  await page.getByRole('navigation', { name: 'Urutkan' }).getByRole('link', { name: /Plafon/ }).click()
  await expect(page).toHaveURL(/sort=plafond&dir=desc/)
  const [{ business }] = await sql<{ business: string }>(`
    SELECT m.business_name AS business FROM disbursements d JOIN msmes m ON m.id = d.msme_id JOIN banks b ON b.id = d.bank_id
     WHERE b.code = 'BPRJATIM' ORDER BY d.plafond DESC, d.id LIMIT 1`)
  await page.getByRole('searchbox').fill(business.split(' ')[0])
  await page.getByRole('button', { name: 'Terapkan' }).click()
  await expect(page).toHaveURL(/sort=plafond/)
  await expect(page).toHaveURL(/dir=desc/)
  await expect(page.getByRole('navigation', { name: 'Urutkan' }).getByRole('link', { name: /Plafon/ })).toHaveAttribute('aria-current', 'true')

  const [claim] = await sql<{ id: string }>(`
    SELECT c.id FROM subsidy_claims c JOIN banks b ON b.id = c.bank_id
     WHERE b.code = 'BPRJATIM' ORDER BY c.month DESC, c.id LIMIT 1`)
  await page.goto(`/kredit/klaim/${claim.id}`)
  const lines = page.getByRole('list', { name: /^Baris klaim: / })
  await expect(lines.getByRole('listitem').first()).toBeVisible()
  await expect(lines.getByRole('listitem').first()).toContainText('Hitungan Dinas')
  await expectNoSidewaysScroll(page)
})
