import { expect, test } from './fixtures'
import { sql } from './db'

/**
 * Issue 15 (holiday calendar): an admin adds a day of cuti bersama inside the "10 KSP sehat dalam 100 hari
 * kerja" target's window, and the target has one working day left fewer; deleting it (after the
 * confirmation) gives the day back. Checked against the database.
 */

const TARGET = '/target-program/demo-target-10-ksp-sehat'
const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10)
const name = `Cuti bersama uji ${Math.random().toString(36).slice(2, 8)}`

async function workingDaysLeft(page: import('@playwright/test').Page): Promise<number> {
  await page.goto(TARGET)
  const text = await page.getByTestId('target-progress').innerText()
  const m = /(\d+) hari kerja lagi/.exec(text)
  expect(m, text).not.toBeNull()
  return Number(m![1])
}

test('an admin adds a holiday in a target\'s window and its working days left drop by one, then deletes it', async ({ page, login }) => {
  test.setTimeout(180_000) // four pages and two server actions on a shared, busy machine
  // a Monday–Friday after today, in the window, not yet a holiday
  const [free] = await sql<{ day: string }>(`
    SELECT d::date::text AS day FROM programme_targets t, generate_series(greatest(t.start_date, $1::date + 1), t.deadline, interval '1 day') d
     WHERE t.id = 'demo-target-10-ksp-sehat' AND extract(isodow FROM d) < 6 AND NOT EXISTS (SELECT 1 FROM public_holidays h WHERE h.date = d::date)
     ORDER BY d LIMIT 1`, [today])
  test.skip(!free, 'the demo target has no working day left after today')
  const [y, m, d] = free.day.split('-')

  await login('ADMIN')
  const before = await workingDaysLeft(page)

  await page.goto('/pengaturan/hari-libur')
  await page.getByRole('link', { name: 'Tambah hari libur' }).click()
  await page.getByLabel('Tanggal').fill(`${d}/${m}/${y}`)
  await page.getByLabel('Nama hari libur').fill(name)
  await page.getByLabel('Sumber').fill('konfirmasi')
  await page.getByLabel('Jenis').selectOption('CUTI_BERSAMA')
  await expect(page.getByLabel('Jenis')).toHaveValue('CUTI_BERSAMA')
  await page.getByRole('button', { name: 'Simpan' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'disimpan' })).toBeVisible({ timeout: 60_000 })
  const row = page.getByTestId(`holiday-${free.day}`)
  await expect(row).toContainText(name)
  await expect(row).toContainText('Cuti bersama')
  expect(await sql(`SELECT kind::text AS kind FROM public_holidays WHERE date = $1 AND name = $2`, [free.day, name])).toEqual([{ kind: 'CUTI_BERSAMA' }])

  expect(await workingDaysLeft(page)).toBe(before - 1)

  await page.goto(`/pengaturan/hari-libur?tahun=${y}`)
  await page.getByTestId(`holiday-${free.day}`).getByRole('button', { name: 'Hapus' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Ya, hapus' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'dihapus' })).toBeVisible({ timeout: 60_000 })
  await expect(page.getByTestId(`holiday-${free.day}`)).toHaveCount(0)
  expect(await sql(`SELECT 1 FROM public_holidays WHERE date = $1`, [free.day])).toEqual([])

  expect(await workingDaysLeft(page)).toBe(before)
})
