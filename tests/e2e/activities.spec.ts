import { expect, test } from './fixtures'
import { sql } from './db'

/**
 * Issue 15 (activities and time-bound targets): an admin records a competence certification with a
 * KSP manager as its beneficiary, and the "30 manajer KSP bersertifikat" target's progress goes up by
 * one, on the target's page and among its counted records; the activity's page lists the beneficiary
 * and the cooperative's page what it received.
 */

const TARGET = '/target-program/demo-target-30-manajer-ksp'
const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10)
const [y, m, d] = today.split('-')
const suffix = Math.random().toString(36).slice(2, 8)
const title = `Sertifikasi manajer KSP E2E ${suffix}`
const manager = `Manajer Uji ${suffix}`

test('an admin records a certification with a beneficiary and the target goes up by one', async ({ page, login }) => {
  test.setTimeout(180_000) // two forms, three pages and a server action each on a shared, busy machine
  // the demo target's window must hold today for the new certification to count in it
  const [target] = await sql<{ start: string; deadline: string }>(`SELECT start_date::text AS start, deadline::text AS deadline FROM programme_targets WHERE id = 'demo-target-30-manajer-ksp'`)
  test.skip(!(target.start <= today && today <= target.deadline), `the demo target's window (${target.start} – ${target.deadline}) does not hold today`)
  const [ksp] = await sql<{ nik: string; name: string; id: string }>(`SELECT nik, name, id FROM cooperatives WHERE type = 'SIMPAN_PINJAM' AND regency_code = '35.17' AND deleted_at IS NULL ORDER BY nik LIMIT 1`)

  await login('ADMIN')
  await page.goto(TARGET)
  const progress = page.getByTestId('target-progress')
  const before = Number(await progress.getAttribute('data-progress'))

  await page.goto('/kegiatan')
  await page.getByRole('link', { name: 'Catat kegiatan' }).click()
  await page.getByLabel('Nama kegiatan').fill(title)
  await page.getByLabel('Tanggal mulai').fill(`${d}/${m}/${y}`)
  await page.getByLabel('Kabupaten/kota').selectOption('35.17')
  await page.getByLabel('Sumber anggaran').selectOption('APBD_PROVINCE')
  await page.getByLabel('Nilai anggaran (Rp)').fill('12.500.000')
  // the kind last, and checked: a choice made before the form hydrates would be lost
  await page.getByLabel('Jenis kegiatan').selectOption('CERTIFICATION')
  await expect(page.getByLabel('Jenis kegiatan')).toHaveValue('CERTIFICATION')
  await page.getByRole('button', { name: 'Simpan kegiatan' }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()

  // a person: the KSP's manager, with the certificate number
  await page.getByLabel('Jenis penerima').selectOption('PERSON')
  await page.getByRole('textbox', { name: 'Nama', exact: true }).fill(manager)
  await page.getByLabel('Peran').fill('Manajer KSP')
  await page.getByLabel('Nomor sertifikat').fill(`LSP-E2E-${suffix}`)
  await page.getByLabel('NIK koperasi').fill(ksp.nik)
  await page.getByRole('button', { name: 'Tambah penerima' }).click()
  await expect(page.getByTestId('beneficiaries')).toContainText(manager)
  await expect(page.getByTestId('beneficiaries')).toContainText(ksp.name)

  await page.goto(TARGET)
  await expect(progress).toHaveAttribute('data-progress', String(before + 1))
  await expect(page.getByTestId('contributing')).toContainText(manager)

  // the cooperative's page lists what it received
  await page.goto(`/koperasi/${ksp.id}`)
  await expect(page.getByTestId('activities-received')).toContainText(title)
})
