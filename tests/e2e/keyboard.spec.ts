import { expect, test, demo } from './fixtures'
import type { Locator, Page } from '@playwright/test'

/**
 * One journey with the keyboard alone, as someone who cannot use a mouse does it: a district officer
 * signs in, opens the cooperative register from the menu, adds a cooperative (text fields, the type and
 * the dependent district and village selects), is refused by the server once and corrects the field,
 * and reads the saved record. No click anywhere; every element reached shows where the focus is.
 */

/** Press Tab (Shift+Tab with `back`) until `target` has the focus; fail after `max` presses. */
async function tabTo(page: Page, target: Locator, { max = 80, back = false } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) {
      await expectVisibleFocus(target)
      return
    }
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(`${target} was not reached with ${back ? 'Shift+' : ''}Tab in ${max} presses`)
}

/** The focused element is drawn differently from its unfocused self: an outline or a ring (box-shadow). */
async function expectVisibleFocus(target: Locator) {
  const shown = await target.evaluate((el) => {
    const s = getComputedStyle(el)
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'
  })
  expect(shown, `focus ring on ${target}`).toBe(true)
}

/** Choose an option of a focused <select> with the keyboard: ArrowDown `steps` times from its current choice. */
async function arrowDown(page: Page, select: Locator, steps = 1) {
  await expectVisibleFocus(select)
  for (let i = 0; i < steps; i++) await page.keyboard.press('ArrowDown')
}

test('a district officer adds a cooperative with the keyboard alone', async ({ page }) => {
  const u = demo('DISTRICT_OFFICER')
  const stamp = String(Date.now()).slice(-8)
  await page.goto('/masuk')
  await tabTo(page, page.getByLabel('Nama pengguna'))
  await page.keyboard.type(u.username)
  await tabTo(page, page.getByLabel('Kata sandi'))
  await page.keyboard.type(u.password)
  await page.keyboard.press('Enter')
  await expect(page).not.toHaveURL(/\/masuk/)

  // the menu, by keyboard
  await tabTo(page, page.getByRole('navigation').getByRole('link', { name: 'Koperasi', exact: true }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: /Koperasi/ })).toBeVisible()
  await tabTo(page, page.getByRole('link', { name: 'Tambah koperasi' }))
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Tambah koperasi' })).toBeVisible()

  // a NIK of 15 digits first: the server refuses it in its field, the rest stays as typed
  await tabTo(page, page.getByLabel('NIK koperasi'))
  await page.keyboard.type(`3517777${stamp}`.slice(0, 15))
  await tabTo(page, page.getByLabel('Nama koperasi'))
  const name = `Koperasi Papan Ketik ${stamp}`
  await page.keyboard.type(name)
  const type = page.getByLabel('Jenis')
  await tabTo(page, type)
  await arrowDown(page, type)
  const district = page.getByLabel('Kecamatan')
  await tabTo(page, district)
  await expect(district.locator('option')).not.toHaveCount(1)
  await arrowDown(page, district)
  const village = page.getByLabel('Desa/kelurahan')
  await expect(village.locator('option')).not.toHaveCount(1)
  await tabTo(page, village)
  await arrowDown(page, village)
  const chosen = { type: await type.inputValue(), district: await district.inputValue(), village: await village.inputValue() }
  expect(chosen.type && chosen.district && chosen.village).toBeTruthy()
  await tabTo(page, page.getByRole('button', { name: 'Simpan' }))
  await page.keyboard.press('Enter')

  const nik = page.getByLabel('NIK koperasi')
  await expect(nik).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByText('NIK koperasi harus 16 digit angka.')).toBeVisible()
  expect({ type: await type.inputValue(), district: await district.inputValue(), village: await village.inputValue() }).toEqual(chosen)
  await expect(page.getByLabel('Nama koperasi')).toHaveValue(name)

  // back to the NIK by Tab (round the page), corrected, saved with Enter from the field
  await tabTo(page, nik, { max: 150 })
  await page.keyboard.press('End')
  await page.keyboard.type('1')
  // the corrected field no longer reads as wrong (its error set aside once typed in); the other fields are unchanged
  await expect(nik).not.toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByText('NIK koperasi harus 16 digit angka.')).toHaveCount(0)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/koperasi\/[a-z0-9]+\?ditambahkan=1$/)
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
})
