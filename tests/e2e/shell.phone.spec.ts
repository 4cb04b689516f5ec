import { expect, test } from './fixtures'

test('on a phone the sidebar is a drawer opened from the header', async ({ page, login }) => {
  await login('LEADERSHIP')
  await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toBeHidden()
  await page.getByRole('button', { name: 'Menu' }).click()
  const drawer = page.getByRole('dialog', { name: 'Navigasi utama' })
  await drawer.getByRole('link', { name: 'Kredit' }).click()
  await expect(page).toHaveURL(/\/kredit$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Kredit' })).toBeVisible()
  await expect(drawer).toBeHidden()
  // nothing wider than the screen: no sideways scrolling on a 390 px phone
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
})
