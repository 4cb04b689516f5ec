import { expect, test } from './fixtures'

/** The dashboards on a phone: cards stack, charts fit the width, wide tables become one card per row. */
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

  // the ranking and the claim pipeline: a card per regency and per month instead of six columns
  await page.goto('/dasbor/kredit?program=PROKESRA-2024&asOf=2024-08-31')
  await page.getByTestId('ranking').getByText('Kabupaten/kota: 38').click()
  await expect(page.locator('li[data-regency-card]')).toHaveCount(38)
  await expect(page.locator('li[data-regency-card]').first()).toBeVisible()
  await expect(page.getByTestId('ranking').getByRole('table')).toBeHidden()
  const pipeline = page.getByTestId('claim-pipeline')
  // the demo's 2024 claims sent by 31 August (July's on 5 August, August's on 5 September), and their totals
  await expect(pipeline.locator('li[data-month-card="2024-07"]')).toBeVisible()
  await expect(pipeline.locator('li[data-month-card="2024-08"]')).toHaveCount(0)
  await expect(pipeline.locator('li[data-month-card="total"]')).toBeVisible()
  await expect(pipeline.getByRole('table')).toBeHidden()
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
})
