import ExcelJS from 'exceljs'
import { expect, test } from './fixtures'
import { sql } from './db'

const rupiah = (n: number) => `Rp${new Intl.NumberFormat('id-ID').format(n)}`
const digits = (s: string | null) => Number((s ?? '').replace(/[^\d]/g, ''))

test('a bank officer claims a month; the admin corrects a line, approves and pays; absorption moves by exactly the payment', async ({ page, login, browser }, info) => {
  test.slow() // two users, a dozen page loads: more than the default minute on a loaded 2-core machine
  // two loans with subsidy due in October 2026: the bank claims one of them 50.000 too high
  const due = await sql<{ account_number: string; due: string }>(`
    SELECT d.account_number, sum(lm.subsidy_due)::bigint::text AS due FROM loan_months lm JOIN disbursements d ON d.id = lm.disbursement_id
    JOIN banks b ON b.id = d.bank_id WHERE b.code = 'BPRJATIM' AND lm.claim_month = '2026-10-01' AND lm.subsidy_due > 0
    GROUP BY d.account_number ORDER BY d.account_number LIMIT 2`)
  expect(due).toHaveLength(2)
  // the bank's own amounts: its claim lines imported from its spreadsheet (lib/imports/kinds/claims.ts)
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Klaim')
  ws.addRow(['Program', 'Bulan Klaim', 'No. rekening', 'Jumlah klaim'])
  ws.addRow(['Prokesra 2026', 'Oktober 2026', due[0].account_number, Number(due[0].due) + 50_000])
  ws.addRow(['Prokesra 2026', 'Oktober 2026', due[1].account_number, Number(due[1].due)])
  const file = Buffer.from(await wb.xlsx.writeBuffer())

  await login('BANK_OFFICER')
  await page.goto('/kredit/klaim/baru')
  await page.getByRole('link', { name: 'Impor rincian klaim dari Excel' }).click()
  await expect(page).toHaveURL(/\/impor\/baru\?jenis=klaim/)
  await page.getByLabel('Berkas').setInputFiles({ name: 'klaim-oktober.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file })
  await page.getByRole('button', { name: 'Unggah dan cocokkan kolom' }).click()
  await page.getByRole('button', { name: 'Jalankan uji coba' }).click()
  await expect(page.getByRole('heading', { name: 'Hasil uji coba' })).toBeVisible({ timeout: 60_000 })
  // the claim the rows make, with its lines and amount, as the claim form states them before it submits
  const fileTotal = rupiah(Number(due[0].due) + 50_000 + Number(due[1].due))
  // …and the month's other loans with subsidy due, which this claim leaves out (a month has one claim): said before it is filed
  const [rest] = await sql<{ loans: string; due: string }>(`
    SELECT count(*)::text AS loans, round(coalesce(sum(due), 0))::bigint::text AS due FROM (
      SELECT d.id, sum(lm.subsidy_due) AS due FROM loan_months lm JOIN disbursements d ON d.id = lm.disbursement_id
      JOIN banks b ON b.id = d.bank_id JOIN credit_programs p ON p.id = d.program_id
      WHERE b.code = 'BPRJATIM' AND p.scheme = (SELECT scheme FROM credit_programs WHERE code = 'PROKESRA-2026') AND lm.claim_month = '2026-10-01'
        AND d.account_number NOT IN ('${due[0].account_number}', '${due[1].account_number}')
      GROUP BY d.id HAVING sum(lm.subsidy_due) > 0) x`)
  expect(Number(rest.loans)).toBeGreaterThan(0)
  const leftOut = `belum termasuk ${new Intl.NumberFormat('id-ID').format(Number(rest.loans))} pinjaman lain yang jatuh subsidi bulan ini (hitungan Dinas ${rupiah(Number(rest.due))})`
  const group = page.getByTestId('import-groups').locator('tbody tr')
  await expect(group).toHaveCount(1)
  await expect(group.locator('td')).toHaveText([`Prokesra 2026 · Oktober 2026${leftOut}; satu bulan satu klaim, pinjaman yang tidak diklaim sekarang tidak dapat diklaim kemudian`, '2', fileTotal])
  await page.getByRole('button', { name: 'Impor sekarang' }).click()
  await expect(page.getByRole('dialog')).toContainText('2 data baru dan 0 perubahan akan disimpan')
  await expect(page.getByRole('dialog')).toContainText(`Klaim yang akan diajukan: Prokesra 2026 · Oktober 2026: 2 baris, ${fileTotal} (${leftOut};`)
  await page.getByRole('dialog').getByRole('button', { name: 'Impor sekarang' }).click()
  await expect(page.getByRole('heading', { name: 'Impor selesai' })).toBeVisible({ timeout: 60_000 })
  const [claim] = await sql<{ id: string }>(`
    SELECT c.id FROM subsidy_claims c JOIN credit_programs p ON p.id = c.program_id JOIN banks b ON b.id = c.bank_id
    WHERE p.code = 'PROKESRA-2026' AND b.code = 'BPRJATIM' AND c.month = '2026-10-01'`)
  await page.goto(`/kredit/klaim/${claim.id}`)
  const claimUrl = page.url()
  const claimed = Number(due[0].due) + 50_000 + Number(due[1].due)
  const computed = Number(due[0].due) + Number(due[1].due)
  await expect(page.getByTestId('claim-claimed').locator('[data-value]')).toHaveText(rupiah(claimed))
  await expect(page.getByTestId('claim-computed').locator('[data-value]')).toHaveText(rupiah(computed))

  // the agency: absorption of Prokesra 2026 before
  const admin = await (await browser.newContext()).newPage()
  const { signIn, demo } = await import('./fixtures')
  await signIn(admin, demo('ADMIN').username, demo('ADMIN').password)
  const [program] = await sql<{ id: string }>(`SELECT id FROM credit_programs WHERE code = 'PROKESRA-2026'`)
  await admin.goto(`/kredit/${program.id}`)
  const paidBefore = digits(await admin.getByTestId('figure-subsidyPaid').locator('dd').textContent())

  await admin.goto(claimUrl)
  const line = admin.locator(`tr[data-line-account="${due[0].account_number}"]`)
  await expect(line).toBeVisible()
  // a correction above the agency's computation (allowed up to the bank's claim) is pointed out before approving
  await line.getByLabel(/Koreksi/).fill(String(Number(due[0].due) + 10_000))
  await admin.getByRole('button', { name: 'Setujui klaim' }).click()
  await expect(admin.getByRole('dialog')).toContainText('Perhatian: 1 baris disetujui di atas hitungan Dinas, lebih Rp10.000 dari hitungan.')
  await admin.getByRole('dialog').getByRole('button', { name: 'Batal' }).click()
  const corrected = Number(due[0].due) - 1_000
  await line.getByLabel(/Koreksi/).fill(String(corrected))
  await line.getByLabel(/Catatan/).fill('Satu hari keterlambatan angsuran')
  // the other line equals the computation: it is corrected too, once added to the form from the claim's lines
  const other = admin.locator(`tr[data-line-account="${due[1].account_number}"]`)
  await expect(other).toHaveCount(0)
  await admin.getByRole('link', { name: `Koreksi baris ${due[1].account_number}` }).click()
  await expect(admin).toHaveURL(/koreksi=/)
  await expect(other).toContainText('ditambahkan untuk dikoreksi')
  await admin.screenshot({ path: info.outputPath('klaim-koreksi-baris.png'), fullPage: true })
  await expect(line.getByLabel(/Koreksi/)).toHaveValue(String(corrected)) // what was typed stays
  const lowered = Number(due[1].due) - 500
  await other.getByLabel(/Koreksi/).fill(String(lowered))
  // a return asked for now would drop the two corrections typed: its dialog says so (and is cancelled here)
  await admin.getByLabel('Alasan pengembalian').fill('Dicoba kembalikan dulu, lalu dibatalkan.')
  await admin.getByRole('button', { name: 'Kembalikan ke bank' }).click()
  await expect(admin.getByRole('dialog', { name: 'Kembalikan klaim ke bank?' })).toContainText('2 koreksi baris yang diketik di atas tidak disimpan')
  await admin.getByRole('dialog', { name: 'Kembalikan klaim ke bank?' }).getByRole('button', { name: 'Batal' }).click()
  await admin.getByLabel('Alasan pengembalian').fill('')
  await admin.getByRole('button', { name: 'Setujui klaim' }).click()
  await expect(admin.getByRole('dialog')).toContainText(`sebesar ${rupiah(corrected + lowered)}`)
  await expect(admin.getByRole('dialog')).toContainText('kecuali 2 baris yang Anda koreksi')
  await admin.screenshot({ path: info.outputPath('klaim-koreksi-dialog.png'), fullPage: true })
  await admin.getByRole('dialog').getByRole('button', { name: 'Setujui klaim' }).click()
  const approved = corrected + lowered
  await expect(admin.getByTestId('claim-approved').locator('[data-value]')).toHaveText(rupiah(approved))
  // the approval form is gone with the new status: the frame says it was done
  await expect(admin.getByTestId('announcer')).toContainText('Klaim disetujui.')
  // the bank finds the line approved below its claim among its lines
  await page.goto(claimUrl)
  await page.getByRole('link', { name: 'Disetujui kurang dari klaim (2)' }).click()
  await expect(page).toHaveURL(/baris=dipotong/)
  await expect(page.getByRole('table', { name: 'Baris klaim: Disetujui kurang dari klaim (2)' }).locator('tbody tr')).toHaveCount(2)
  await expect(page.getByRole('table', { name: 'Baris klaim: Disetujui kurang dari klaim (2)' }).locator('tbody tr').first()).toContainText(due[0].account_number)

  await admin.getByLabel('Tanggal bayar').fill('2026-11-20')
  // what remains, prefilled as the field reads amounts (Indonesian grouping)
  await expect(admin.getByLabel('Jumlah')).toHaveValue(new Intl.NumberFormat('id-ID').format(approved))
  await admin.getByLabel('No. SP2D/referensi').fill('SP2D/202610/001')
  // an amount that cannot be read is sent without asking, and refused by the server (a banner and its field)
  await admin.getByLabel('Jumlah').fill('sejuta')
  await admin.getByRole('button', { name: 'Catat pembayaran' }).click()
  await expect(admin.locator('[data-form-refusal]')).toBeVisible()
  await admin.getByLabel('Jumlah').fill(new Intl.NumberFormat('id-ID').format(approved))
  await admin.getByRole('button', { name: 'Catat pembayaran' }).click()
  // corrected, the dialog opens and the refusal about "sejuta" is no longer shown behind it
  await expect(admin.getByRole('dialog')).toBeVisible()
  await expect(admin.locator('[data-form-refusal]')).toHaveCount(0)
  // the payment is confirmed with its amount and what remains
  await expect(admin.getByRole('dialog')).toContainText(`Pembayaran ${rupiah(approved)} untuk klaim ini. Sisa setelah pembayaran: Rp0.`)
  await admin.getByRole('dialog').getByRole('button', { name: 'Ya, catat pembayaran' }).click()
  // paid in full: the claim turns Lunas and the payment is listed (the payment form is gone)
  await expect(admin.getByText(/SP2D\/202610\/001/)).toBeVisible()
  await expect(admin.getByText('Lunas', { exact: true })).toBeVisible()
  await expect(admin.getByTestId('announcer')).toContainText(`Pembayaran ${rupiah(approved)} dicatat.`)
  await expect(admin.getByTestId('claim-paid').locator('[data-value]')).toHaveText(rupiah(approved))

  await admin.goto(`/kredit/${program.id}`)
  const paidAfter = digits(await admin.getByTestId('figure-subsidyPaid').locator('dd').textContent())
  expect(paidAfter - paidBefore).toBe(approved)
  const [{ paid }] = await sql<{ paid: string }>(`SELECT sum(cp.amount)::bigint::text AS paid FROM claim_payments cp JOIN subsidy_claims c ON c.id = cp.claim_id WHERE c.program_id = $1`, [program.id])
  expect(paidAfter).toBe(Number(paid))
})

test('the admin’s claims list fits a 1366 px screen in both languages, with the amounts of every claim under the filter summed', async ({ page, login, context, baseURL }) => {
  await login('ADMIN')
  // the claims the page sums: every claim (not the page's 25), as independent SQL over the lines and payments
  const [sums] = await sql<{ claimed: string; approved: string; paid: string }>(`
    SELECT (SELECT sum(claimed_amount) FROM claim_lines)::text AS claimed, (SELECT sum(approved_amount) FROM claim_lines)::text AS approved,
           (SELECT sum(amount) FROM claim_payments)::text AS paid`)
  for (const [locale, paid] of [['id', 'Dibayar'], ['en', 'Paid']] as const) {
    await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL! }])
    await page.goto('/kredit/klaim')
    const table = page.getByRole('table', { name: locale === 'id' ? 'Klaim subsidi' : 'Subsidy claims' })
    await expect(table.locator('tbody tr').first()).toBeVisible()
    // nine columns, the last ("Dibayar", the one an admin checks for approved claims not yet paid) not cut off: the
    // table's scroll box does not scroll
    const box = table.locator('xpath=..')
    const { scroll, client } = await box.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }))
    expect(scroll, `${locale}: the table is ${scroll} px in a ${client} px box`).toBeLessThanOrEqual(client)
    const header = (await table.getByRole('columnheader', { name: paid }).boundingBox())!
    const edge = (await box.boundingBox())!
    expect(header.x + header.width).toBeLessThanOrEqual(edge.x + edge.width)
    const sum = (key: string) => page.getByTestId('claim-sums').locator(`[data-sum="${key}"]`)
    expect(digits(await sum('claimed').textContent())).toBe(Number(sums.claimed))
    expect(digits(await sum('approved').textContent())).toBe(Number(sums.approved))
    expect(digits(await sum('paid').textContent())).toBe(Number(sums.paid))
  }
})

test('the programme page shows the 2024 worked case as of 31 August 2024', async ({ page, login }) => {
  await login('LEADERSHIP')
  const [program] = await sql<{ id: string }>(`SELECT id FROM credit_programs WHERE code = 'PROKESRA-2024'`)
  await page.goto(`/kredit/${program.id}?asOf=2024-08-31`)
  await expect(page.getByText('Data per 31 Agustus 2024').first()).toBeVisible()
  await expect(page.getByTestId('realisation').locator('[data-value]')).toHaveText('26,51%')
  await expect(page.getByTestId('realisation')).toContainText('Rp53.019.249.400')
  await expect(page.getByTestId('beneficiaries').locator('[data-value]')).toHaveText('2.743')
  await expect(page.getByTestId('absorption').locator('[data-value]')).toHaveText('57,80%')
  await expect(page.getByTestId('figure-subsidyPaid')).toContainText('Rp17.940.000.000')
  // leadership reads only: no configuration forms
  await expect(page.getByRole('button', { name: 'Simpan alokasi' })).toHaveCount(0)
})

test('a district officer sees only its regency’s disbursements, and their export holds the same rows', async ({ page, login }) => {
  await login('DISTRICT_OFFICER')
  const [program] = await sql<{ id: string }>(`SELECT id FROM credit_programs WHERE code = 'PROKESRA-2026'`)
  await page.goto(`/kredit/penyaluran?program=${program.id}`)
  const [{ n, total }] = await sql<{ n: string; total: string }>(`SELECT count(*)::text AS n, sum(plafond)::bigint::text AS total FROM disbursements WHERE program_id = $1 AND regency_code = '35.17'`, [program.id])
  await expect(page.getByTestId('disbursement-total')).toHaveText(`Jumlah: ${new Intl.NumberFormat('id-ID').format(Number(n))} rekening, ${rupiah(Number(total))}`)
  await expect(page.getByRole('cell', { name: 'Kabupaten Jombang' }).first()).toBeVisible()
  await expect(page.locator('tbody tr').filter({ hasNotText: 'Kabupaten Jombang' })).toHaveCount(0)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '.xlsx' }).click()])
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(await download.path())
  const ws = wb.worksheets[0]
  expect(ws.rowCount - 1).toBe(Number(n))
  let sum = 0
  ws.eachRow((row, i) => {
    if (i === 1) return
    expect(row.getCell(7).text).toBe('Kabupaten Jombang')
    sum += Number(row.getCell(9).value)
  })
  expect(sum).toBe(Number(total))
})

test('a bank’s second programme of a year: created, a loan recorded with NIB and NIK, claimed, verified and paid', async ({ page, login, browser }) => {
  test.slow() // two users, a programme, a loan, a claim and its payment
  // a micro business of the register, as the bank's loan file knows it
  const [msme] = await sql<{ nib: string; owner_nik: string; business_name: string }>(`
    SELECT nib, owner_nik, business_name FROM msmes WHERE computed_scale = 'MIKRO' AND deleted_at IS NULL AND nib IS NOT NULL ORDER BY nib LIMIT 1`)
  const admin = await (await browser.newContext()).newPage()
  const { signIn, demo } = await import('./fixtures')
  await signIn(admin, demo('ADMIN').username, demo('ADMIN').password)
  await admin.goto('/kredit/baru')
  await admin.getByLabel('Skema').fill('KURDA')
  await admin.getByLabel('Nama program').fill('KUR Daerah 2026')
  await admin.getByLabel('Tahun').fill('2026')
  await admin.getByRole('combobox', { name: 'Bank', exact: true }).selectOption({ label: 'BPR Jatim' })
  await admin.getByLabel('Target kredit (Rp)').fill('10.000.000.000')
  await admin.getByLabel('Target penerima (UMK)').fill('400')
  await admin.getByLabel('Pagu subsidi (Rp)').fill('500.000.000')
  await admin.getByLabel('Plafon maksimal (Rp)').fill('50.000.000')
  await admin.getByLabel('Tenor maksimal (bulan)').fill('24')
  await admin.getByLabel('Bunga debitur (%)').fill('3')
  await admin.getByLabel('Bunga kontrak bank (%)').fill('11')
  await expect(admin.getByLabel('Dasar amortisasi saldo')).toHaveValue('BORROWER_RATE')
  await admin.getByRole('button', { name: 'Simpan' }).click()
  // a budget commitment, and the code claims and imports will use: stated before it is created
  await expect(admin.getByRole('dialog', { name: 'Buat program ini?' })).toContainText('KUR Daerah 2026 dibuat dengan kode KURDA-2026, target kredit Rp10.000.000.000 untuk 400 UMK dan pagu subsidi Rp500.000.000; bank mitra pertama BPR Jatim dengan bunga 11,00%, bunga debitur 3,00%.')
  await admin.getByRole('dialog').getByRole('button', { name: 'Buat program' }).click()
  await admin.waitForURL(/\/kredit\/(?!baru)[a-z0-9]+$/)
  await expect(admin.getByTestId('program-basis')).toContainText('bunga debitur')

  // the bank sees the rules before typing, and the business name only after NIB and NIK matched
  await login('BANK_OFFICER')
  await page.goto('/kredit/penyaluran/baru')
  await page.getByRole('combobox', { name: 'Program', exact: true }).selectOption({ label: 'KUR Daerah 2026' })
  await expect(page.getByTestId('program-rules')).toContainText('Plafon maksimal Rp50.000.000 · tenor maksimal 24 bulan · bunga debitur 3,00%')
  await expect(page.getByTestId('program-rules')).toContainText('BPR Jatim 11,00%')
  await page.getByLabel('No. rekening').fill('KURDA-0001')
  await page.getByLabel('NIB').fill(msme.nib)
  await page.getByLabel(/NIK pemilik/).fill('3578019999990001')
  await page.getByLabel('Tanggal akad').fill('2026-09-15')
  await page.getByRole('textbox', { name: 'Plafon', exact: true }).fill('20.000.000')
  await page.getByLabel('Tenor (bulan)').fill('12')
  await page.getByRole('button', { name: 'Catat penyaluran' }).click()
  await expect(page.getByText('NIB dan NIK pemilik tidak cocok dengan register UMKM.').first()).toBeVisible()
  await expect(page.getByText(msme.business_name)).toHaveCount(0)
  // after a refusal the rules follow the programme chosen next (the refused form's programme had stuck there)
  const programme = page.getByRole('combobox', { name: 'Program', exact: true })
  await programme.selectOption({ label: 'Prokesra 2026' })
  await expect(page.getByTestId('program-rules')).toContainText('Ketentuan program: Prokesra 2026')
  await programme.selectOption({ label: 'KUR Daerah 2026' })
  await expect(page.getByTestId('program-rules')).toContainText('Ketentuan program: KUR Daerah 2026')
  await page.getByLabel(/NIK pemilik/).fill(msme.owner_nik)
  await page.getByRole('button', { name: 'Catat penyaluran' }).click()
  await expect(page.getByText(`untuk ${msme.business_name} dicatat`)).toBeVisible()
  // the next loan is typed for the same programme: the choice and its rules stay together after the save
  await expect(programme.locator('option:checked')).toHaveText('KUR Daerah 2026')
  await expect(page.getByTestId('program-rules')).toContainText('Ketentuan program: KUR Daerah 2026')
  await expect(page.getByLabel('No. rekening')).toHaveValue('')
  await page.getByRole('link', { name: 'Buka pinjaman ini' }).click()
  await expect(page.locator('tr[data-period="1"]')).toHaveAttribute('data-state', 'NOT_REPORTED')
  await expect(page.locator('tr[data-period="12"]')).toHaveAttribute('data-state', 'NOT_DUE')
  // on a phone each period is a card that fits the screen, its subsidy in sight without scrolling sideways
  const wide = page.viewportSize()!
  await page.setViewportSize({ width: 390, height: 844 })
  await expect(page.locator('tr[data-period="1"]')).toBeHidden()
  const first = page.locator('[data-period-card="1"]')
  await expect(first).toContainText('Subsidi')
  await expect(first).toHaveAttribute('data-state', 'NOT_REPORTED')
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
  await page.setViewportSize(wide)

  // the claim of October 2026 for the second programme
  await page.goto('/kredit/klaim/baru')
  await page.getByLabel('Program yang diklaim').selectOption({ label: 'KUR Daerah 2026' })
  await page.getByLabel('Bulan klaim').selectOption({ label: 'Oktober 2026' })
  await page.getByRole('button', { name: 'Ajukan klaim', exact: true }).click()
  // money moves: the bank first sees what the month would claim, and files it only from the dialog
  const confirm = page.getByRole('dialog', { name: 'Ajukan klaim ini?' })
  await expect(confirm.getByTestId('claim-confirm-body')).toHaveText(/^KUR Daerah 2026, Oktober 2026: 1 pinjaman dengan subsidi jatuh tempo, sebesar Rp133\.333 /)
  await expect(page).toHaveURL(/\/kredit\/klaim\/baru$/)
  await confirm.getByRole('button', { name: 'Ya, ajukan klaim' }).click()
  await page.waitForURL(/\/kredit\/klaim\/(?!baru$)[a-z0-9]+$/)
  const claimUrlFirst = page.url()
  // the filed month is marked and no longer offered for this programme
  await page.goto('/kredit/klaim/baru')
  await page.getByLabel('Program yang diklaim').selectOption({ label: 'KUR Daerah 2026' })
  await expect(page.getByRole('option', { name: 'Oktober 2026 (diajukan)' })).toBeDisabled()
  await page.goto(claimUrlFirst)
  const [due] = await sql<{ due: string }>(`
    SELECT sum(lm.subsidy_due)::bigint::text AS due FROM loan_months lm JOIN disbursements d ON d.id = lm.disbursement_id
    WHERE d.account_number = 'KURDA-0001' AND lm.claim_month = '2026-10-01'`)
  // 20.000.000 × (11% − 3%) × 30 days / 360 on the whole plafond
  expect(Number(due.due)).toBe(133_333)
  await expect(page.getByTestId('claim-claimed').locator('[data-value]')).toHaveText(rupiah(133_333))
  await expect(page.getByText('KUR Daerah 2026').first()).toBeVisible()
  const claimUrl = page.url()

  // the admin returns it first, asked before it lands with the reason the bank will read
  await admin.goto(claimUrl)
  await admin.getByLabel('Alasan pengembalian').fill('Rekening koran Oktober belum dilampirkan.')
  await admin.getByRole('button', { name: 'Kembalikan ke bank' }).click()
  const back = admin.getByRole('dialog', { name: 'Kembalikan klaim ke bank?' })
  await expect(back).toContainText('“Rekening koran Oktober belum dilampirkan.”')
  // no correction typed: nothing said about dropped corrections
  await expect(back).not.toContainText('koreksi baris')
  await back.getByRole('button', { name: 'Kembalikan ke bank' }).click()
  await expect(admin.locator('#isi').getByText('Rekening koran Oktober belum dilampirkan.')).toBeVisible()
  // the bank is told, with the reason; the notice opens the claim
  await page.goto('/notifikasi?tampil=belum')
  const returned = page.getByTestId('notification-list').getByRole('listitem').filter({ hasText: 'Alasan: Rekening koran Oktober belum dilampirkan.' })
  await expect(returned).toContainText('Klaim Oktober 2026 dikembalikan')
  await returned.getByRole('button', { name: 'Klaim Oktober 2026 dikembalikan', exact: true }).click()
  await page.waitForURL(claimUrl)
  // the bank files the month again from the returned claim's page: the form opens on its programme and month
  await page.getByRole('link', { name: 'Ajukan ulang bulan ini' }).click()
  await expect(page).toHaveURL(/\/kredit\/klaim\/baru\?program=.+&bulan=2026-10$/)
  await expect(page.getByLabel('Program yang diklaim').locator('option:checked')).toHaveText('KUR Daerah 2026')
  // the month says its claim was returned, and is offered again
  await expect(page.getByRole('option', { name: 'Oktober 2026 (dikembalikan)' })).toBeEnabled()
  await expect(page.getByLabel('Bulan klaim').locator('option:checked')).toHaveText('Oktober 2026 (dikembalikan)')
  await page.getByRole('button', { name: 'Ajukan klaim', exact: true }).click()
  await page.getByRole('dialog', { name: 'Ajukan klaim ini?' }).getByRole('button', { name: 'Ya, ajukan klaim' }).click()
  await page.waitForURL(claimUrl)
  // submitted again, not yet verified: its berita acara is a draft saying so, with nothing to sign (it had read
  // "telah dilakukan verifikasi" dated today)
  await page.goto(`${claimUrl}/berita-acara`)
  await expect(page.getByTestId('record-draft')).toContainText('DRAF: klaim ini belum diverifikasi.')
  await expect(page.getByTestId('verification-record')).not.toContainText('telah dilakukan verifikasi')
  await expect(page.getByTestId('record-sign-off')).toHaveCount(0)

  await admin.goto(claimUrl)
  // a second tab of the claim, left open while the first approves it and then records the payment
  const stale = await admin.context().newPage()
  await stale.goto(claimUrl)
  await admin.getByRole('button', { name: 'Setujui klaim' }).click()
  await admin.getByRole('dialog').getByRole('button', { name: 'Setujui klaim' }).click()
  await expect(admin.getByTestId('claim-approved').locator('[data-value]')).toHaveText(rupiah(133_333))
  // the stale tab's approval is refused and its page drawn again: approved, with the payment form and no approval
  // left to press, and the frame says it was approved and by whom (it had kept "Diajukan" and asked to "ulangi")
  await stale.getByRole('button', { name: 'Setujui klaim' }).click()
  await stale.getByRole('dialog').getByRole('button', { name: 'Setujui klaim' }).click()
  await expect(stale.getByTestId('announcer')).toContainText(/Keputusan Anda tidak disimpan: klaim ini sudah disetujui oleh .+ pada .+\. Halaman kini menampilkan keadaan terbarunya\./)
  await expect(stale.getByTestId('claim-approved').locator('[data-value]')).toHaveText(rupiah(133_333))
  await expect(stale.getByRole('button', { name: 'Setujui klaim' })).toHaveCount(0)
  await expect(stale.getByRole('button', { name: 'Kembalikan ke bank' })).toHaveCount(0)
  await expect(stale.getByText(`Sisa belum dibayar: ${rupiah(133_333)}`)).toBeVisible()
  await admin.getByLabel('Tanggal bayar').fill('2026-11-20')
  await admin.getByLabel('No. SP2D/referensi').fill('SP2D/KURDA/202610')
  await admin.getByRole('button', { name: 'Catat pembayaran' }).click()
  await expect(admin.getByRole('dialog')).toContainText('Sisa setelah pembayaran: Rp0.')
  await admin.getByRole('dialog').getByRole('button', { name: 'Ya, catat pembayaran' }).click()
  await expect(admin.getByText('Lunas', { exact: true })).toBeVisible()
  // the stale tab's payment is refused and its page drawn again with the refusal: paid in full, no payment form,
  // and the frame says it was not recorded and who paid the claim (the form that would have said it is gone; it had
  // kept the old remainder)
  await stale.getByLabel('Tanggal bayar').fill('2026-11-21')
  await stale.getByLabel('No. SP2D/referensi').fill('SP2D/KURDA/202610-B')
  await stale.getByRole('button', { name: 'Catat pembayaran' }).click()
  await stale.getByRole('dialog').getByRole('button', { name: 'Ya, catat pembayaran' }).click()
  await expect(stale.getByTestId('announcer')).toContainText(/Pembayaran tidak dicatat: klaim ini sudah lunas; pembayaran terakhirnya dicatat oleh .+\. Halaman kini menampilkan pembayarannya\./)
  await expect(stale.getByText('Lunas', { exact: true })).toBeVisible()
  await expect(stale.getByRole('button', { name: 'Catat pembayaran' })).toHaveCount(0)
  await stale.close()
  const [claim] = await sql<{ status: string; code: string; paid: string }>(`
    SELECT c.status, p.code, (SELECT sum(amount)::bigint::text FROM claim_payments WHERE claim_id = c.id) AS paid
    FROM subsidy_claims c JOIN credit_programs p ON p.id = c.program_id WHERE c.id = $1`, [claimUrl.split('/').pop()])
  expect(claim).toEqual({ status: 'PAID', code: 'KURDA-2026', paid: '133333' })

  // the berita acara states the approved total in words and closes with the place and day it was decided
  await admin.goto(`${claimUrl}/berita-acara`)
  await expect(admin.getByTestId('record-in-words')).toHaveText('Terbilang (disetujui): seratus tiga puluh tiga ribu tiga ratus tiga puluh tiga rupiah')
  await expect(admin.getByTestId('record-place-date')).toHaveText(/^Surabaya, \d{1,2} [A-Z][a-z]+ \d{4}$/)
  await expect(admin.getByTestId('record-draft')).toHaveCount(0)
  // it states the decision of its date, not the payment recorded after it
  await expect(admin.locator('[data-total="Status klaim"]')).toHaveText('Disetujui')
  await expect(admin.locator('[data-total="Dibayar"]')).toHaveCount(0)
  // the place, the day and the three signatures are one block a page break does not split
  await expect(admin.getByTestId('record-sign-off')).toHaveCSS('break-inside', 'avoid')
  // on screen, and only there, a note says the payments recorded since, with the way to them
  const paidSince = admin.getByTestId('record-paid-since')
  await expect(paidSince).toContainText('Setelah verifikasi ini, pembayaran sebesar Rp133.333 telah dicatat (tanggal 20 November 2026); klaim sudah lunas.')
  await admin.emulateMedia({ media: 'print' })
  await expect(paidSince).toBeHidden()
  await admin.emulateMedia({ media: 'screen' })
  await paidSince.getByRole('link', { name: 'Lihat pembayaran di halaman klaim' }).click()
  await expect(admin).toHaveURL(claimUrl)
})

// A loan recorded after its bank filed months it falls due in loses those months: the bank hears it as it saves,
// in the same words and figures as the loan's own page (a walk's back-dated loan had lost October silently)
test('a back-dated loan is told at once which of its months were already claimed without it', async ({ page, login }) => {
  const [msme] = await sql<{ nib: string; owner_nik: string }>(`
    SELECT nib, owner_nik FROM msmes m WHERE computed_scale = 'MIKRO' AND deleted_at IS NULL AND nib IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM disbursements d WHERE d.msme_id = m.id) ORDER BY nib DESC LIMIT 1`)
  // the demo's decided claims of BPR Jatim in Prokesra 2026 that a loan of 15 January would fall due in
  const [{ decided }] = await sql<{ decided: number }>(`
    SELECT count(*)::int AS decided FROM subsidy_claims c JOIN banks b ON b.id = c.bank_id JOIN credit_programs p ON p.id = c.program_id
    WHERE b.code = 'BPRJATIM' AND p.code = 'PROKESRA-2026' AND c.status IN ('APPROVED', 'PAID') AND c.month BETWEEN '2026-02-01' AND '2027-01-01'`)
  expect(decided).toBeGreaterThan(0)
  await login('BANK_OFFICER')
  await page.goto('/kredit/penyaluran/baru')
  await page.getByRole('combobox', { name: 'Program', exact: true }).selectOption({ label: 'Prokesra 2026' })
  await page.getByLabel('No. rekening').fill('E2E-MUNDUR-01')
  await page.getByLabel('NIB').fill(msme.nib)
  await page.getByLabel(/NIK pemilik/).fill(msme.owner_nik)
  await page.getByLabel('Tanggal akad').fill('15/01/2026')
  await page.getByRole('textbox', { name: 'Plafon', exact: true }).fill('10.000.000')
  await page.getByLabel('Tenor (bulan)').fill('12')
  // said before the save, as the terms are typed: the months of the claims already decided (a walk had learnt of them
  // only after saving)
  const before = page.getByTestId('planned-missed')
  await expect(before).toContainText('Dengan tanggal akad dan tenor ini, subsidi pinjaman untuk Februari 2026')
  await expect(before).toContainText('tidak dapat diklaim lagi')
  // a contract date after every claimed month: nothing to say
  await page.getByLabel('Tanggal akad').fill('05/12/2026')
  await expect(before).toHaveCount(0)
  await page.getByLabel('Tanggal akad').fill('15/01/2026')
  await expect(before).toBeVisible()
  await page.getByRole('button', { name: 'Catat penyaluran' }).click()
  const warning = page.getByTestId('loan-missed-months-DECIDED')
  await expect(warning).toContainText(`jatuh pada ${decided} bulan yang klaimnya sudah diajukan tanpa pinjaman ini`)
  const said = await warning.innerText()
  await page.getByRole('link', { name: 'Buka pinjaman ini' }).click()
  await expect(page.getByTestId('loan-missed-months-DECIDED')).toHaveText(said)
  // the schedule's total says how much of it is lost, the same amount as the notice
  const lost = said.match(/\((Rp[\d.]+)\)/)![1]
  await expect(page.getByTestId('loan-subsidy-lost')).toHaveText(`termasuk ${lost} yang tidak dapat diklaim lagi`)
})

test('a loan’s page links its business to the MSME register only for a role that may open the register', async ({ page, login }) => {
  const [loan] = await sql<{ id: string; nib: string }>(`
    SELECT d.id, m.nib FROM disbursements d JOIN banks b ON b.id = d.bank_id JOIN msmes m ON m.id = d.msme_id
    WHERE b.code = 'BPRJATIM' ORDER BY d.account_number LIMIT 1`)
  // a bank officer reads its loans but not the register: the NIB is told, not a link to "Akses ditolak"
  await login('BANK_OFFICER')
  await page.goto(`/kredit/penyaluran/${loan.id}`)
  await expect(page.getByText(`NIB ${loan.nib}`, { exact: true })).toBeVisible()
  await expect(page.getByRole('link', { name: `NIB ${loan.nib}` })).toHaveCount(0)
  await page.context().clearCookies()
  await login('ADMIN')
  await page.goto(`/kredit/penyaluran/${loan.id}`)
  await expect(page.getByRole('link', { name: `NIB ${loan.nib}` })).toHaveAttribute('href', /\/umkm\//)
})

test('an admin changes a bank’s rate: the recomputation runs as a job with a progress bar, and the page shows its outcome', async ({ page, login }) => {
  test.slow() // two recomputations of some 4.000 loans each
  const [program] = await sql<{ id: string }>(`SELECT id FROM credit_programs WHERE code = 'PROKESRA-2026'`)
  // the loans a change from 1 June 2027 recomputes (running on that day), and their schedules before it
  const running = `SELECT d.id FROM disbursements d JOIN banks b ON b.id = d.bank_id
    WHERE d.program_id = '${program.id}' AND b.code = 'BPRJATIM' AND d.contract_date < '2027-06-01' AND d.contract_date + make_interval(months => d.tenor_months) > '2027-06-01'`
  const [{ loans }] = await sql<{ loans: number }>(`SELECT count(*)::int AS loans FROM (${running}) r`)
  expect(loans).toBeGreaterThan(1000)
  const schedules = async () => (await sql<{ after: string; before: string }>(`
    SELECT sum(subsidy_due) FILTER (WHERE due_date > '2027-07-01')::text AS after, sum(subsidy_due) FILTER (WHERE due_date < '2027-06-01')::text AS before
    FROM loan_months WHERE disbursement_id IN (${running})`))[0]
  const original = await schedules()

  await login('ADMIN')
  await page.goto(`/kredit/${program.id}`)
  const form = page.locator('form', { has: page.getByRole('heading', { name: 'Ubah suku bunga bank' }) })
  const change = async (rate: string, replaces?: string) => {
    await form.getByLabel('Bank').selectOption({ label: 'BPR Jatim' })
    await form.getByLabel('Berlaku mulai').fill('01/06/2027')
    await form.getByLabel('Suku bunga (%)').fill(rate)
    await form.getByRole('button', { name: 'Simpan' }).click()
    await expect(page.getByTestId('rate-confirm-body')).toContainText(`Subsidi ${new Intl.NumberFormat('id-ID').format(loans)} pinjaman berjalan bank ini`)
    if (replaces) await expect(page.getByRole('dialog')).toContainText(`Tanggal itu sudah punya suku bunga ${replaces}; yang baru menggantikannya.`)
    await page.getByRole('button', { name: 'Ya, ubah dan hitung ulang' }).click()
    // queued, then counted through: the request no longer waits for the recomputation
    await expect(form.getByRole('progressbar')).toBeVisible()
    await expect(form.getByTestId('rate-changes')).toContainText('Menghitung ulang: BPR Jatim')
  }

  await change('15')
  const done = form.locator('[data-state="SUCCEEDED"]')
  await expect(done).toContainText(`Suku bunga BPR Jatim 15,00% berlaku mulai 1 Juni 2027; ${new Intl.NumberFormat('id-ID').format(loans)} pinjaman dihitung ulang.`, { timeout: 120_000 })
  await expect(form.getByRole('progressbar')).toHaveCount(0)
  // the page reloaded its figures and rates: the new rate listed, the later periods earn more, the earlier ones the same
  await expect(page.getByText(/BPR Jatim: 15,00% \(1 Juni 2027\)/)).toBeVisible()
  const raised = await schedules()
  expect(Number(raised.after)).toBeGreaterThan(Number(original.after))
  expect(raised.before).toBe(original.before)

  // and back to the old rate on the same day (the confirmation names the rate it replaces): the schedules as they were
  await change('14', '15,00%')
  await expect(done).toContainText('Suku bunga BPR Jatim 14,00% berlaku mulai 1 Juni 2027', { timeout: 120_000 })
  expect(await schedules()).toEqual(original)
  await sql(`DELETE FROM program_rates WHERE program_id = '${program.id}' AND effective_from = '2027-06-01'`)
})
