import ExcelJS from 'exceljs'
import { sql } from './db'
import { expect, test } from './fixtures'

/**
 * A bank officer imports 2.000 disbursements of its loan book from "Impor dari Excel" on the disbursement
 * list: the dry run and the commit run as jobs, and the progress bar reaches 100% before the summary.
 */
const stamp = String(Date.now()).slice(-8)
const ROWS = 2_000

test('a bank officer imports 2.000 disbursements and watches the progress bar reach 100%', async ({ page, login }, info) => {
  test.setTimeout(600_000)
  // micro and small businesses of the register, as the bank's loan file knows them (a business may hold several loans)
  const borrowers = await sql<{ nib: string; owner_nik: string }>(`
    SELECT nib, owner_nik FROM msmes WHERE computed_scale IN ('MIKRO', 'KECIL') AND deleted_at IS NULL AND nib IS NOT NULL ORDER BY nib LIMIT 400`)
  expect(borrowers.length).toBeGreaterThan(10)
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Realisasi')
  ws.addRow(['No. Rekening', 'NIB', 'NIK Debitur', 'Tgl Akad', 'Plafond', 'Jangka Waktu', 'Program'])
  for (let i = 0; i < ROWS; i++) {
    const b = borrowers[i % borrowers.length]
    ws.addRow([`E2E-${stamp}-${String(i).padStart(4, '0')}`, b.nib, b.owner_nik, `${String(1 + (i % 28)).padStart(2, '0')}/03/2026`, 5_000_000 + (i % 5) * 1_000_000, [12, 18, 24][i % 3], 'Prokesra 2026'])
  }
  const file = info.outputPath('penyaluran-2000.xlsx')
  await wb.xlsx.writeFile(file)

  // every progress value the page shows, across the client-side navigations of the steps
  await page.addInitScript(() => {
    const w = window as unknown as { __progress: string[] }
    w.__progress = JSON.parse(sessionStorage.getItem('__progress') ?? '[]')
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll('[role="progressbar"]')) {
        const v = `${bar.getAttribute('aria-label')} ${bar.getAttribute('aria-valuenow')}`
        if (w.__progress.at(-1) !== v) {
          w.__progress.push(v)
          sessionStorage.setItem('__progress', JSON.stringify(w.__progress))
        }
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] })
  })

  await login('BANK_OFFICER')
  await page.goto('/kredit/penyaluran')
  await page.getByRole('link', { name: 'Impor dari Excel' }).click()
  await expect(page).toHaveURL(/\/impor\/baru\?jenis=penyaluran/)
  await page.getByLabel('Berkas').setInputFiles(file)
  await page.getByRole('button', { name: 'Unggah dan cocokkan kolom' }).click()
  await expect(page.getByRole('heading', { name: 'Cocokkan kolom berkas dengan data' })).toBeVisible()
  // the bank's own headings, matched by synonym
  await expect(page.getByLabel('Plafond')).toHaveValue('plafond')
  await expect(page.getByLabel('Jangka Waktu')).toHaveValue('tenorMonths')
  await page.getByRole('button', { name: 'Jalankan uji coba' }).click()
  await expect(page.getByRole('heading', { name: 'Hasil uji coba' })).toBeVisible({ timeout: 180_000 })
  await page.screenshot({ path: info.outputPath('penyaluran-uji-coba.png'), fullPage: true })
  // March's loans recorded in December: the dry run says, before anything is written, how many fall in claimed months
  const planned = page.getByTestId('import-planned-missed')
  await expect(planned).toContainText('pinjaman baru dalam berkas ini subsidinya jatuh pada bulan yang klaimnya sudah diajukan banknya')
  const plannedLoans = Number((await planned.locator('p').first().textContent())!.match(/^([\d.]+) pinjaman baru/)![1].replace(/\./g, ''))

  await page.getByRole('button', { name: 'Impor sekarang' }).click()
  await expect(page.getByRole('dialog')).toContainText(`${ROWS.toLocaleString('id-ID')} data baru dan 0 perubahan akan disimpan`)
  await expect(page.getByRole('dialog')).toContainText(`Perhatian: ${plannedLoans.toLocaleString('id-ID')} pinjaman baru jatuh pada bulan yang sudah diklaim bank`)
  await page.getByRole('dialog').getByRole('button', { name: 'Impor sekarang' }).click()
  // the screenshot of the bar on its way (1–99%)
  await expect(page.getByRole('progressbar', { name: 'Menyimpan…' })).toHaveAttribute('aria-valuenow', /^[1-9]\d?$/, { timeout: 240_000 })
  await page.screenshot({ path: info.outputPath('penyaluran-progres.png'), fullPage: true })
  await expect(page.getByRole('heading', { name: 'Impor selesai' })).toBeVisible({ timeout: 480_000 })
  await expect(page.getByText(`${ROWS.toLocaleString('id-ID')} data baru, 0 diubah, 0 tidak berubah, 0 ditolak.`)).toBeVisible()

  // the commit's bar, seen moving and at 100%
  const seen = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress)
  const saving = seen.filter((v) => v.startsWith('Menyimpan… ')).map((v) => Number(v.split(' ')[1]))
  expect(saving, `progress values seen: ${seen.join(', ')}`).toContain(100)
  expect(saving.some((v) => v > 0 && v < 100), `progress values seen: ${seen.join(', ')}`).toBe(true)

  const [{ n }] = await sql<{ n: string }>(`SELECT count(*)::text AS n FROM disbursements WHERE account_number LIKE $1`, [`E2E-${stamp}-%`])
  expect(Number(n)).toBe(ROWS)
  // loans of March recorded in December fall in months the bank already claimed without them: the result names how
  // many, as the form says it of one loan (counted here independently, from the loans' months and the bank's claims)
  const [{ late, lost, returnable }] = await sql<{ late: string; lost: string; returnable: string }>(`
    SELECT count(DISTINCT d.id)::text AS late, coalesce(sum(lm.subsidy_due) FILTER (WHERE c.status <> 'SUBMITTED'), 0)::bigint::text AS lost,
           coalesce(sum(lm.subsidy_due) FILTER (WHERE c.status = 'SUBMITTED'), 0)::bigint::text AS returnable
      FROM disbursements d
      JOIN credit_programs dp ON dp.id = d.program_id
      JOIN loan_months lm ON lm.disbursement_id = d.id AND lm.subsidy_due > 0
      JOIN subsidy_claims c ON c.bank_id = d.bank_id AND c.month = lm.claim_month AND c.status IN ('SUBMITTED', 'APPROVED', 'PAID')
      JOIN credit_programs p ON p.id = c.program_id AND p.scheme = dp.scheme
     WHERE d.account_number LIKE $1 AND NOT EXISTS (SELECT 1 FROM claim_lines l WHERE l.claim_id = c.id AND l.disbursement_id = d.id)`, [`E2E-${stamp}-%`])
  expect(Number(late)).toBeGreaterThan(0)
  // what the dry run foresaw is what the write found
  expect(plannedLoans).toBe(Number(late))
  const missed = page.getByTestId('import-missed-months')
  await expect(missed).toContainText(`${Number(late).toLocaleString('id-ID')} pinjaman dari impor ini subsidinya jatuh pada bulan yang klaimnya sudah diajukan banknya`)
  const rp = (v: string) => `Rp${Number(v).toLocaleString('id-ID')}`
  await expect(missed.getByTestId('import-missed-totals')).toHaveText(`Subsidinya bersama: ${rp(lost)} tidak dapat diklaim lagi; ${rp(returnable)} sedang diverifikasi dan dapat diajukan ulang.`)
  await missed.getByText(/^Rekening dan bulannya/).click()
  await expect(missed.getByRole('link', { name: `E2E-${stamp}-0000` })).toBeVisible()
  await expect(missed.getByRole('listitem')).toHaveCount(Math.min(Number(late), 50))
  await page.screenshot({ path: info.outputPath('penyaluran-bulan-terklaim.png'), fullPage: true })
})
