import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { sql } from './db'
import { expect, test } from './fixtures'

/**
 * The health assessment worksheet (Permenkop 9/2020): an admin records a KSP's assessment that comes out
 * Sehat, sees the printable result, the cooperative page shows it as the latest outcome and the "10 KSP
 * sehat" target's progress goes up by one. Screenshots
 * of the worksheet and the result, desktop and 390 px, go to test-results/health-*.png.
 */
const stamp = () => String(Date.now()).slice(-8)

async function axe(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)
}

test('an admin records a KSP assessment that comes out Sehat and sees it as the latest outcome', async ({ page, login }) => {
  test.slow()
  const s = stamp()
  const id = `e2ekesehatan${s}`
  // a KSP with last year's book figures, so the worksheet prefills its ratios
  await sql(
    `INSERT INTO cooperatives (id, nik, name, type, regency_code, updated_at) VALUES ($1, $2, $3, 'SIMPAN_PINJAM', '35.17', now())`,
    [id, `35179900${s}`, `KSP Sehat Uji ${s}`],
  )
  await sql(
    `INSERT INTO cooperative_years (id, cooperative_id, year, own_capital, external_capital, assets, business_volume, net_surplus, rat_held)
     VALUES ($1, $2, 2025, 400000000, 300000000, 1000000000, 1200000000, 80000000, true)`,
    [`${id}-2025`, id],
  )
  await login('ADMIN')
  // the governor's "10 KSP sehat" target counts KSP assessed Sehat in its window: read it before
  await page.goto('/target-program/demo-target-10-ksp-sehat')
  const before = Number(await page.getByTestId('target-progress').getAttribute('data-progress'))
  await page.goto(`/koperasi/${id}`)
  await page.getByRole('link', { name: 'Penilaian baru' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Penilaian kesehatan baru: KSP Sehat Uji ${s}` })).toBeVisible()

  const sheet = page.getByTestId('health-worksheet')
  // ratios from the 2025 figures are there already, with their source
  await expect(sheet.getByTestId('component-PM1').getByLabel('Modal sendiri')).toHaveValue('400.000.000')
  await expect(sheet.getByTestId('source-PM1')).toHaveText('Dari angka tahun buku 2025')
  await expect(sheet.getByTestId('score-PM1')).toHaveText('100')
  await page.getByRole('textbox', { name: 'Penilai', exact: true }).fill('Tim Penilai Provinsi')
  await expect(sheet.getByTestId('aspect-score-GOVERNANCE')).toHaveText('Skor: –')
  for (const code of ['TK1', 'TK2', 'TK3']) await sheet.getByTestId(`component-${code}`).getByLabel('Jawaban').selectOption('5')
  // tata kelola is scored once its own three are answered, while profil risiko is still open and there is no total yet
  await expect(sheet.getByTestId('aspect-score-GOVERNANCE')).toHaveText('Skor: 100,00')
  await expect(sheet.getByTestId('aspect-score-RISK_PROFILE')).toHaveText('Skor: –')
  await expect(page.getByTestId('health-total')).toHaveCount(0)
  for (const code of ['PR3', 'PR4']) await sheet.getByTestId(`component-${code}`).getByLabel('Jawaban').selectOption('5')
  // KK3 (RAT held) as the 2025 book year records it; a contrary answer is warned about, not refused
  await expect(sheet.getByTestId('component-KK3').getByLabel('Jawaban')).toHaveValue('1')
  await expect(sheet.getByTestId('year-answer-KK3')).toHaveText('Dari angka tahun buku 2025: RAT terlaksana')
  await sheet.getByTestId('component-KK3').getByLabel('Jawaban').selectOption({ label: 'Tidak' })
  await expect(sheet.getByTestId('year-answer-KK3')).toContainText('Berbeda dengan angka tahun buku 2025: RAT terlaksana.')
  await sheet.getByTestId('component-KK3').getByLabel('Jawaban').selectOption({ label: 'Ya' })
  await sheet.getByTestId('component-PR1').getByLabel('Aset produktif').fill('800.000.000')
  await sheet.getByTestId('component-PR2').getByLabel('Pinjaman yang diberikan').fill('640.000.000')
  await sheet.getByTestId('component-PR2').getByLabel('Total aset produktif').fill('800.000.000')
  await expect(sheet.getByTestId('source-PR1')).toHaveText('Diisi penilai')
  // computed as the assessor types: every component at its best → 100, Sehat
  await expect(page.getByTestId('health-total')).toHaveText('100,00')
  await expect(page.getByTestId('health-result')).toContainText('Sehat')
  expect(await axe(page)).toEqual([])
  await page.screenshot({ path: 'test-results/health-worksheet-desktop.png', fullPage: true })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: 'test-results/health-worksheet-390.png', fullPage: true })
  await page.setViewportSize({ width: 1280, height: 800 })

  await page.getByRole('button', { name: 'Simpan penilaian' }).click()
  await expect(page).toHaveURL(new RegExp(`/koperasi/${id}/kesehatan/[a-z0-9]+\\?disimpan=1$`))
  await expect(page.getByText('Penilaian disimpan.')).toBeVisible()
  await expect(page.getByTestId('result-total')).toHaveText('100,00')
  await expect(page.getByTestId('result-outcome')).toHaveText('Sehat')
  await expect(page.getByRole('table', { name: 'Permodalan' })).toContainText('Tahun buku 2025')
  expect(await axe(page)).toEqual([])
  await page.screenshot({ path: 'test-results/health-result-desktop.png', fullPage: true })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: 'test-results/health-result-390.png', fullPage: true })
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByTestId('letterhead')).toBeVisible()
  await page.emulateMedia({ media: 'screen' })
  await page.setViewportSize({ width: 1280, height: 800 })

  // the server's record, read independently: the outcome and its date in health_assessments
  const rows = await sql<{ outcome: string; total_score: string; answers: string }>(
    `SELECT h.outcome, h.total_score::text, (SELECT count(*) FROM health_assessment_answers a WHERE a.assessment_id = h.id)::text AS answers
     FROM health_assessments h WHERE h.cooperative_id = $1`, [id],
  )
  expect(rows).toEqual([{ outcome: 'SEHAT', total_score: '100.00', answers: '12' }])

  await page.getByRole('link', { name: 'Kembali ke koperasi' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `KSP Sehat Uji ${s}` })).toBeVisible()
  // the identity card's "Kesehatan": the latest outcome, kept with each new assessment
  await expect(page.locator('dt', { hasText: /^Kesehatan$/ }).locator('xpath=following-sibling::dd[1]')).toHaveText('Sehat')
  await expect(page.getByRole('table', { name: 'Penilaian kesehatan' }).getByRole('row').nth(1)).toContainText('100,00')

  // …and the target's progress went up by exactly one, with this KSP among the records it counted
  await page.goto('/target-program/demo-target-10-ksp-sehat')
  await expect(page.getByTestId('target-progress')).toHaveAttribute('data-progress', String(before + 1))
  await expect(page.getByTestId('contributing')).toContainText(`KSP Sehat Uji ${s}`)
  // its details say what its number is, and the score (a bare 16-digit NIK had been all)
  await expect(page.getByTestId('contributing').getByRole('row', { name: new RegExp(`KSP Sehat Uji ${s}`) })).toContainText(`NIK koperasi 35179900${s} · Sehat, skor 100,00`)
})

test('the settings page shows the template with its sources and passes axe', async ({ page, login }) => {
  await login('ADMIN')
  await page.goto('/pengaturan/kesehatan')
  await expect(page.getByRole('heading', { name: 'Templat penilaian kesehatan koperasi (Permenkop 9/2020)' })).toBeVisible()
  await expect(page.getByTestId('weight-sum')).toHaveText('Jumlah bobot: 100 dari 100')
  await expect(page.getByTestId('health-sources')).toContainText('konfirmasi')
  expect(await axe(page)).toEqual([])
  await page.screenshot({ path: 'test-results/health-settings-desktop.png', fullPage: true })
})
