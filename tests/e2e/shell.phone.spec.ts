import { expect, test } from './fixtures'

test('on a phone the sidebar is a drawer opened from the header', async ({ page, login }) => {
  await login('LEADERSHIP')
  await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toBeHidden()
  const menu = page.getByRole('button', { name: 'Menu' })
  await menu.click()
  const drawer = page.getByRole('dialog', { name: 'Navigasi utama' })
  // a modal: focus is inside it at once (it had stayed on "Menu", Tab going to the page behind), and Escape
  // closes it giving focus back to "Menu" (it had dropped to <body>)
  await expect(drawer).toBeVisible()
  expect(await drawer.evaluate((d) => d.contains(document.activeElement))).toBe(true)
  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()
  await expect(menu).toBeFocused()
  await menu.click()
  // the drawer is an opaque panel the screen's full height (it had been clipped to the header's height,
  // its links drawn over the page)
  const viewport = page.viewportSize()!
  const box = (await drawer.boundingBox())!
  expect(box).toMatchObject({ x: 0, y: 0, height: viewport.height })
  expect(box.width).toBeLessThanOrEqual(viewport.width)
  const panel = drawer.locator('nav')
  expect((await panel.boundingBox())!.height).toBe(viewport.height)
  // the panel is the dialog's own box, white (the page shows dimmed through its backdrop beside it)
  await expect(drawer).toHaveCSS('background-color', 'rgb(255, 255, 255)')
  await drawer.getByRole('link', { name: 'Kredit' }).click()
  await expect(page).toHaveURL(/\/kredit$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Kredit' })).toBeVisible()
  await expect(drawer).toBeHidden()
  // nothing wider than the screen: no sideways scrolling on a 390 px phone
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
})

test('on a phone a section’s tab strip shows the open section’s tab', async ({ page, login }) => {
  await login('ADMIN')
  for (const [path, name] of [['/pengaturan/hari-libur', 'Hari libur'], ['/pengaturan/bank', 'Bank mitra'], ['/pengaturan/indikator', 'Indikator']] as const) {
    await page.goto(path)
    const tab = page.getByRole('navigation', { name: 'Bagian pengaturan' }).getByRole('link', { name })
    await expect(tab).toHaveAttribute('aria-current', 'page')
    // the strip (888 px on a 390 px screen) had kept its start in view: the holidays' tab was off the screen's right edge
    await expect(tab).toBeInViewport({ ratio: 0.95 }) // the last tab ends at the strip's edge, a fraction of a pixel cut
  }
})
