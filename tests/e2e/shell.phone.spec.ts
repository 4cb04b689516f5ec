import { expect, test } from './fixtures'

test('on a phone the sidebar is a drawer opened from the header', async ({ page, login }) => {
  await login('LEADERSHIP')
  await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toBeHidden()
  await page.getByRole('button', { name: 'Menu' }).click()
  const drawer = page.getByRole('dialog', { name: 'Navigasi utama' })
  // the drawer covers the whole screen with an opaque panel (it had been clipped to the header's height,
  // its links drawn over the page)
  const viewport = page.viewportSize()!
  expect(await drawer.boundingBox()).toMatchObject({ x: 0, y: 0, width: viewport.width, height: viewport.height })
  const panel = drawer.locator('nav')
  expect((await panel.boundingBox())!.height).toBe(viewport.height)
  await expect(panel).toHaveCSS('background-color', 'rgb(255, 255, 255)')
  await drawer.getByRole('link', { name: 'Kredit' }).click()
  await expect(page).toHaveURL(/\/kredit$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Kredit' })).toBeVisible()
  await expect(drawer).toBeHidden()
  // nothing wider than the screen: no sideways scrolling on a 390 px phone
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
})
