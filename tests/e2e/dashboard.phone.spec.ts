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

test('the indicator table keeps each row’s regency in view while it scrolls sideways to the achievement', async ({ page, login }) => {
  await login('LEADERSHIP')
  await page.goto('/dasbor/indikator?year=2026')
  const table = page.locator('#tabel-indikator table')
  const scroller = page.locator('#tabel-indikator div.overflow-x-auto')
  // eight columns do not fit 390 px: the box scrolls, to its right end (the achievement column)
  expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
  await scroller.evaluate((el) => { el.scrollLeft = el.scrollWidth })
  await expect.poll(() => scroller.evaluate((el) => Math.ceil(el.scrollLeft + el.clientWidth) >= el.scrollWidth)).toBe(true)
  const viewport = page.viewportSize()!
  for (const [row, name] of [['35.17', 'Kabupaten Jombang'], ['province', 'Provinsi']] as const) {
    const cell = table.locator(`tr[data-regency="${row}"] td`).first()
    await cell.scrollIntoViewIfNeeded()
    await expect(cell).toContainText(name)
    const box = (await cell.boundingBox())!
    // still at the box's left edge, on screen, and on top of the figures scrolled under it
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width)
    const onTop = await cell.evaluate((el) => {
      const r = el.getBoundingClientRect()
      const hit = document.elementFromPoint(r.left + 8, r.top + r.height / 2)
      return !!hit && el.contains(hit)
    })
    expect(onTop).toBe(true)
  }
  // and the header's
  const head = table.locator('thead th').first()
  expect((await head.boundingBox())!.x).toBeGreaterThanOrEqual(0)
  await expect(head).toBeInViewport()
})

test('a chart’s data table wider than a phone keeps its first column in view while it scrolls', async ({ page, login }) => {
  await login('LEADERSHIP')
  await page.goto('/dasbor/kredit')
  // the subsidy chart's table: due, paid, paid cumulative and the ceiling per month do not fit 390 px
  const details = page.locator('details[data-chart-table]').filter({ has: page.getByText(/Dibayar kumulatif/) }).first()
  await details.locator('summary').click()
  await expect(details.locator('[data-scroll-hint]')).toBeVisible()
  const scroller = details.locator('div.overflow-x-auto')
  await scroller.evaluate((el) => { el.scrollLeft = el.scrollWidth })
  await expect.poll(() => scroller.evaluate((el) => el.scrollLeft > 0)).toBe(true)
  const month = details.locator('tbody th[scope="row"]').first()
  await expect(month).toHaveText('Jan')
  const [cell, box] = [(await month.boundingBox())!, (await scroller.boundingBox())!]
  // at the box's left edge still, and on top of the figures scrolled under it
  expect(Math.abs(cell.x - box.x)).toBeLessThanOrEqual(1)
  expect(await month.evaluate((el) => {
    const r = el.getBoundingClientRect()
    const hit = document.elementFromPoint(r.left + 4, r.top + r.height / 2)
    return !!hit && el.contains(hit)
  })).toBe(true)
})

test('the overview’s chart data tables scroll inside their cards: the page stays 390 wide with both open, in both languages', async ({ page, login, context, baseURL }) => {
  await login('LEADERSHIP')
  for (const locale of ['id', 'en']) {
    await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL! }])
    await page.goto('/')
    await expect(page.getByTestId('as-of')).toBeVisible()
    const tables = page.locator('details[data-chart-table]')
    await expect(tables).toHaveCount(2)
    for (const details of await tables.all()) {
      await details.locator('summary').click()
      await expect(details.locator('table')).toBeVisible()
    }
    // the subsidy table is wider than the phone: it scrolls in its box (a walk's page had widened to 512–606 px)
    expect(await page.getByTestId('chart-absorption').locator('div.overflow-x-auto').evaluate((el) => el.scrollWidth > el.clientWidth), locale).toBe(true)
    expect(await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]), locale).toEqual([390, 390])
    for (const id of ['chart-realisation', 'chart-absorption']) {
      const box = (await page.getByTestId(id).boundingBox())!
      expect(box.x + box.width, `${locale} ${id}`).toBeLessThanOrEqual(390)
    }
  }
})
