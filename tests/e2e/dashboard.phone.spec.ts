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

test('the credit breakdowns by bank, KBLI section and scale show each group’s beneficiaries on a phone, in both languages', async ({ page, login, context, baseURL }) => {
  await login('LEADERSHIP')
  for (const locale of ['id', 'en']) {
    await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL! }])
    await page.goto('/dasbor/kredit?program=PROKESRA-2024&asOf=2024-08-31')
    for (const by of ['bank', 'kbli', 'scale']) {
      const card = page.getByTestId(`breakdown-${by}`)
      // a card per group instead of four columns, whose fourth (the beneficiaries) was cut off at the table's edge
      await expect(card.getByRole('table')).toBeHidden()
      const groups = card.locator('li[data-breakdown-card]')
      expect(await groups.count(), `${locale} ${by}`).toBeGreaterThan(0)
      for (const group of await groups.all()) {
        const beneficiaries = group.locator('[data-beneficiaries]')
        await beneficiaries.scrollIntoViewIfNeeded()
        await expect(beneficiaries).toBeInViewport({ ratio: 1 })
        await expect(beneficiaries).toHaveText(locale === 'id' ? /^Penerima\s*[\d.]+$/ : /^Beneficiaries\s*[\d,]+$/)
      }
      // nothing in the card scrolls sideways, and the card is within the screen
      expect(await card.evaluate((el) => [...el.querySelectorAll('*')].filter((e) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.getClientRects().length > 0)
        .every((e) => e.scrollWidth <= e.clientWidth)), `${locale} ${by}`).toBe(true)
      const box = (await card.boundingBox())!
      expect(box.x + box.width, `${locale} ${by}`).toBeLessThanOrEqual(390)
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
  }
})
