import { expect, test } from './fixtures'

/** The dashboards on a phone: cards stack, charts fit the width, tables scroll inside their card. */
test('the overview and credit dashboard fit a phone screen', async ({ page, login }) => {
  await login('LEADERSHIP')
  for (const path of ['/?program=PROKESRA-2024&asOf=2024-08-31', '/dasbor/kredit?program=PROKESRA-2024&asOf=2024-08-31', '/dasbor/wilayah/35.17']) {
    await page.goto(path)
    await expect(page.getByTestId('as-of')).toBeVisible()
    // nothing widens the page sideways
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
  }
  await page.goto('/?program=PROKESRA-2024&asOf=2024-08-31')
  const a = (await page.getByTestId('card-realisation').boundingBox())!
  const b = (await page.getByTestId('card-absorption').boundingBox())!
  expect(b.x).toBe(a.x)
  expect(b.y).toBeGreaterThan(a.y + a.height - 1)
  await expect(page.getByTestId('card-realisation').locator('[data-value]')).toHaveText('26,5%')
})
