import type { Dialog, Page } from '@playwright/test'
import { demo, expect, signIn, test, type DemoRole } from './fixtures'

// The demo data (prisma/seed/reporting.ts): Kabupaten Jombang's Triwulan IV 2026 is not started and
// not yet due (15 January 2027); its Triwulan III 2026 is a draft past its deadline (15 October 2026).
const Q4 = '/laporan-triwulan/35.17/2026/4'
const Q3 = '/laporan-triwulan/35.17/2026/3'

/** Switch the signed-in user on the same page (a fresh session each time). */
async function as(page: Page, role: DemoRole) {
  // leave the page first: a prefetch still in flight would bring the old session cookie back
  await page.goto('about:blank')
  await page.context().clearCookies()
  const u = demo(role)
  await signIn(page, u.username, u.password)
}

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true })

test.describe.configure({ mode: 'serial' })

test('the officer submits, the admin returns it, the officer corrects and resubmits, the admin approves and it is locked', async ({ page, login }) => {
  // five sign-ins and a dozen page loads in one flow: on a busy 2-core machine it has taken over 60 s
  test.setTimeout(120_000)
  await login('DISTRICT_OFFICER')
  await page.goto('/laporan-triwulan')
  await page.getByRole('link', { name: 'Isi laporan Triwulan IV 2026' }).click()
  await expect(page).toHaveURL(Q4)
  await expect(page.getByRole('heading', { name: 'Triwulan IV 2026: Kabupaten Jombang' })).toBeVisible()
  // sent with every value empty: no confirmation to say yes to, each empty field says so and the first one to fix has focus
  await page.getByRole('button', { name: 'Kirim laporan' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(page.getByTestId('submit-blocked')).toContainText('perbaiki 11 isian')
  await expect(page.locator('[data-indicator="KOP_TERDAFTAR"]').getByText('Isi nilai ini sebelum mengirim laporan.')).toBeVisible()
  await expect(page.locator(':focus')).toHaveAttribute('aria-invalid', 'true')

  const figures: Record<string, string> = {
    'Koperasi terdaftar': '355', 'Koperasi simpan pinjam (KSP) sehat': '11', 'Manajer KSP bersertifikat kompetensi': '4',
    'Koperasi kampung prioritas terbentuk': '1', 'Koperasi difasilitasi pembiayaan dan permodalan': '1', 'UMKM difasilitasi pembiayaan dan permodalan': '6',
    'Usaha mikro penerima bantuan permodalan': '15', 'IUMK/NIB diterbitkan': '4.800', 'Realisasi anggaran DAK pendampingan usaha mikro': '0',
    'Omzet UMK tercatat': '369.000.000.000',
  }
  for (const [label, value] of Object.entries(figures)) await field(page, label).fill(value)
  // a rule broken as the officer types: shown next to the field that breaks it
  await field(page, 'Koperasi aktif').fill('400')
  await expect(page.locator('[data-indicator="KOP_AKTIF"]').getByText('Koperasi aktif tidak boleh melebihi koperasi terdaftar.')).toBeVisible()
  // with an error on screen the submit confirmation does not open: the form says what to fix
  await page.getByRole('button', { name: 'Kirim laporan' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  // one field to fix: the share above 100% it makes is fixed there, not counted as a second field
  await expect(page.getByTestId('submit-blocked')).toContainText('perbaiki 1 isian')
  // an unreadable number is caught as it is typed, not after submitting
  await field(page, 'Koperasi aktif').fill('abc')
  await expect(page.locator('[data-indicator="KOP_AKTIF"]').getByText('Isi angka bulat, misalnya 43.950.')).toBeVisible()
  // a number the server would refuse is no figure for the rules or the computed share: 4.000,5 cooperatives is refused
  // for its fraction, and not also called more than the registered ones, nor a share of 1.127%
  await field(page, 'Koperasi aktif').fill('4.000,5')
  await expect(page.locator('[data-indicator="KOP_AKTIF"] [aria-invalid="true"]')).toHaveCount(1)
  await expect(page.getByText('Koperasi aktif tidak boleh melebihi koperasi terdaftar.')).toHaveCount(0)
  await expect(page.locator('[data-computed="KOP_AKTIF_PCT"]')).not.toContainText('%')
  await field(page, 'Koperasi aktif').fill('305')
  await expect(page.getByText('Koperasi aktif tidak boleh melebihi koperasi terdaftar.')).toHaveCount(0)
  await expect(page.locator('[data-computed="KOP_AKTIF_PCT"]')).toContainText('85,92%')
  await page.getByLabel('Hambatan').fill('Partisipasi anggota dalam simpanan masih rendah.')
  await page.getByLabel('Tindak lanjut').fill('Pelatihan manajer koperasi.')
  await page.getByRole('button', { name: 'Simpan draf' }).click()
  // the form's own message (the frame's announcer may say the same when the save came from the sticky bar)
  await expect(page.locator('#isi').getByText('Draf disimpan.')).toBeVisible()

  await page.getByRole('button', { name: 'Kirim laporan' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Ya, kirim' }).click()
  await expect(page.getByText('Laporan ini sudah dikirim dan menunggu pemeriksaan Dinas Provinsi.')).toBeVisible()
  // sent for the first time, there is no earlier return: the column is the reviewer's
  await expect(page.getByRole('columnheader', { name: 'Catatan pemeriksa' }).first()).toBeVisible()

  // the admin returns it with a reason, overall and on one value
  await as(page, 'ADMIN')
  await page.goto('/laporan-triwulan')
  await page.getByRole('link', { name: 'Periksa Kabupaten Jombang Triwulan IV 2026' }).click()
  await expect(page).toHaveURL(Q4)
  await field(page, 'Catatan untuk Koperasi aktif').fill('Bandingkan dengan data ODS Desember.')
  // without a reason nothing is asked: the refusal is said on the field
  await page.getByRole('button', { name: 'Kembalikan' }).click()
  await expect(page.locator('#isi').getByText('Tulis alasan pengembalian (minimal 5 karakter).')).toBeVisible()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  // and focus is on the field whose message it is, not dropped to the page
  await expect(page.getByLabel('Alasan pengembalian')).toBeFocused()
  await page.getByLabel('Alasan pengembalian').fill('Jumlah koperasi aktif belum sesuai data ODS.')
  await page.getByRole('button', { name: 'Kembalikan' }).click()
  // asked first, quoting the reason the officer will read
  const ask = page.getByRole('dialog', { name: 'Kembalikan laporan ke kabupaten/kota?' })
  await expect(ask).toContainText('“Jumlah koperasi aktif belum sesuai data ODS.”')
  await ask.getByRole('button', { name: 'Kembalikan' }).click()
  await expect(page.getByTestId('return-reason')).toContainText('Jumlah koperasi aktif belum sesuai data ODS.')

  // the officer sees the reasons, corrects and resubmits
  await as(page, 'DISTRICT_OFFICER')
  await page.goto(Q4)
  await expect(page.getByTestId('return-reason')).toContainText('Jumlah koperasi aktif belum sesuai data ODS.')
  // the banner names the noted value, a link to its field
  await expect(page.getByTestId('return-noted')).toHaveText('Catatan pada 1 isian: Koperasi aktif')
  await expect(page.getByTestId('return-noted').getByRole('link', { name: 'Koperasi aktif' })).toHaveAttribute('href', '#row-KOP_AKTIF')
  await expect(page.locator('[data-indicator="KOP_AKTIF"]')).toContainText('Catatan pemeriksa: Bandingkan dengan data ODS Desember.')
  await expect(field(page, 'Koperasi aktif')).toHaveValue('305')
  await field(page, 'Koperasi aktif').fill('300')
  await page.getByRole('button', { name: 'Kirim laporan' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Ya, kirim' }).click()
  await expect(page.getByText('Laporan ini sudah dikirim dan menunggu pemeriksaan Dinas Provinsi.')).toBeVisible()
  // the return's note stays until the decision, named as the earlier return's
  await expect(page.getByRole('columnheader', { name: 'Catatan pengembalian sebelumnya' }).first()).toBeVisible()

  // the admin approves; the report says it was sent again after its return, and when (its timeliness stays the first sending's)
  await as(page, 'ADMIN')
  await page.goto(Q4)
  await expect(page.getByTestId('report-resubmitted')).toContainText(/^Dikirim ulang \d{1,2} \S+ \d{4} pukul \d{2}\.\d{2} WIB$/)
  await expect(page.locator('[data-indicator="KOP_AKTIF"]')).toContainText('300')
  // the return's note is still there, named as the earlier return's (not about the 300 now sent), above the field for a new one
  await expect(page.locator('[data-indicator="KOP_AKTIF"] [data-earlier-note]')).toHaveText('Catatan pengembalian sebelumnya: Bandingkan dengan data ODS Desember.')
  await expect(page.locator('[data-indicator="KOP_AKTIF"]').getByRole('textbox')).toHaveValue('')
  await page.getByRole('button', { name: 'Setujui' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Setujui' }).click()
  await expect(page.getByTestId('locked')).toBeVisible()

  // the officer can no longer edit
  await as(page, 'DISTRICT_OFFICER')
  await page.goto(Q4)
  await expect(page.getByTestId('locked')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Simpan draf' })).toHaveCount(0)
  await expect(page.getByRole('textbox', { name: 'Koperasi aktif', exact: true })).toHaveCount(0)

  // the grid: Kabupaten Jombang approved and on time in Triwulan IV 2026
  await page.goto('/laporan-triwulan/kelengkapan?tahun=2026')
  const cell = page.locator('[data-cell="35.17-4"]')
  await expect(cell).toContainText('Disetujui')
  await expect(cell).toContainText('Tepat waktu')
})

test('a refused draft keeps everything typed, the obstacles and follow-up text too', async ({ page, login }) => {
  await login('DISTRICT_OFFICER')
  await page.goto(Q3)
  await field(page, 'Koperasi aktif').fill('abc')
  await page.getByLabel('Hambatan').fill('UJI hambatan yang diketik')
  await page.getByLabel('Tindak lanjut').fill('UJI tindak lanjut yang diketik')
  await page.getByRole('button', { name: 'Simpan draf' }).click()
  await expect(page.getByText('Draf belum tersimpan', { exact: false })).toBeVisible()
  // the form used to reset after its action: the numbers came back from the refusal, the two texts did not
  await expect(field(page, 'Koperasi aktif')).toHaveValue('abc')
  await expect(page.getByLabel('Hambatan')).toHaveValue('UJI hambatan yang diketik')
  await expect(page.getByLabel('Tindak lanjut')).toHaveValue('UJI tindak lanjut yang diketik')
})

// Before the next test submits Q3: that test's values are the ones saved here (the same as before, typed again).
test('unsaved typing in the report asks before a link leaves it: stay keeps the typing, leave goes; a saved draft leaves without asking', async ({ page, login }) => {
  await login('DISTRICT_OFFICER')
  await page.goto(Q3)
  const active = field(page, 'Koperasi aktif')
  const unreadable = page.locator('[data-indicator="KOP_AKTIF"]').getByText('Isi angka bulat, misalnya 43.950.')
  const completeness = page.getByRole('navigation', { name: 'Bagian laporan triwulan' }).getByRole('link', { name: 'Kelengkapan' })
  const saved = await active.inputValue()
  // typed once the form answers (its own check shows): a field typed before the page hydrates is not yet watched
  const typeWhenReady = async (value: string) => {
    await expect(async () => {
      await active.fill('abc')
      await expect(unreadable).toBeVisible({ timeout: 1_000 })
    }).toPass()
    await active.fill(value)
    await expect(unreadable).toHaveCount(0)
  }

  // typed, then the Completeness tab: asked first, in Indonesian; staying keeps the page and what was typed
  await typeWhenReady('299')
  const asked: string[] = []
  page.once('dialog', (dialog) => {
    asked.push(`${dialog.type()}: ${dialog.message()}`)
    return dialog.dismiss()
  })
  await completeness.click()
  await expect.poll(() => asked).toEqual(['confirm: Perubahan belum disimpan. Tinggalkan halaman ini?'])
  await expect(page).toHaveURL(Q3)
  await expect(active).toHaveValue('299')

  // asked again, and leaving is what the officer wants: the page goes
  page.once('dialog', (dialog) => {
    asked.push(`${dialog.type()}: ${dialog.message()}`)
    return dialog.accept()
  })
  await completeness.click()
  await expect(page).toHaveURL(/\/laporan-triwulan\/kelengkapan/)
  expect(asked).toHaveLength(2)

  // what was typed was not saved; typed again (the value it had) and saved as a draft: leaving asks nothing
  await page.goto(Q3)
  await expect(active).toHaveValue(saved)
  await typeWhenReady(saved)
  await page.getByRole('button', { name: 'Simpan draf' }).click()
  await expect(page.locator('#isi').getByText('Draf disimpan.')).toBeVisible()
  const unexpected: string[] = []
  const record = (dialog: Dialog) => {
    unexpected.push(`${dialog.type()}: ${dialog.message()}`)
    return dialog.dismiss()
  }
  page.on('dialog', record)
  await completeness.click()
  await expect(page).toHaveURL(/\/laporan-triwulan\/kelengkapan/)
  page.off('dialog', record)
  expect(unexpected).toEqual([])
})

test('the note that stops a sending counts the comment boxes it outlines: none beside a value still to fix', async ({ page, login }) => {
  await login('DISTRICT_OFFICER')
  await page.goto(Q3)
  const invalidComments = page.locator('input[name^="comments."][aria-invalid="true"]')
  // registered +73% (a warning); active above registered (an error) and +116% (a warning too): nothing saved here
  await field(page, 'Koperasi terdaftar').fill('600')
  await field(page, 'Koperasi aktif').fill('650')
  await expect(page.locator('[data-indicator="KOP_AKTIF"]').getByText('Koperasi aktif tidak boleh melebihi koperasi terdaftar.')).toBeVisible()
  await page.getByRole('button', { name: 'Kirim laporan' }).click()
  await expect(page.getByTestId('submit-blocked')).toHaveText('Laporan belum dapat dikirim: perbaiki 1 isian yang ditandai merah dan beri keterangan pada 1 isian yang mendapat peringatan aturan validasi.')
  // active's value is fixed first: its comment box is not outlined too (two had been, beside "1 isian")
  await expect(invalidComments).toHaveCount(1)
  await expect(page.locator('[data-indicator="KOP_TERDAFTAR"] input[name^="comments."]')).toHaveAttribute('aria-invalid', 'true')
  // fixed below registered, still +66%: now its comment is asked for, and counted
  await field(page, 'Koperasi aktif').fill('500')
  await page.getByRole('button', { name: 'Kirim laporan' }).click()
  await expect(page.getByTestId('submit-blocked')).toHaveText('Laporan belum dapat dikirim: beri keterangan pada 2 isian yang mendapat peringatan aturan validasi.')
  await expect(invalidComments).toHaveCount(2)
})

test('a report submitted after its deadline shows as late', async ({ page, login }) => {
  await login('DISTRICT_OFFICER')
  await page.goto('/laporan-triwulan/kelengkapan?tahun=2026')
  await expect(page.locator('[data-cell="35.17-3"]')).toContainText('Lewat batas')
  await page.goto(Q3)
  await page.getByRole('button', { name: 'Kirim laporan' }).click()
  // the confirmation says it, before the officer says yes
  await expect(page.getByRole('dialog').getByTestId('submit-late')).toHaveText('Batas waktu 15 Oktober 2026 sudah lewat: laporan ini tercatat terlambat.')
  await page.getByRole('dialog').getByRole('button', { name: 'Ya, kirim' }).click()
  await expect(page.getByText('Laporan ini sudah dikirim dan menunggu pemeriksaan Dinas Provinsi.')).toBeVisible()
  await expect(page.getByText(/\(Terlambat\)/)).toBeVisible()
  // the status line's parts are spaced, not joined by "·": wrapped on a phone, a line had begun with one
  await expect(page.getByTestId('report-status-line')).toContainText('Dikirim')
  await expect(page.getByTestId('report-status-line')).not.toContainText('·')
  await page.goto('/laporan-triwulan/kelengkapan?tahun=2026')
  const cell = page.locator('[data-cell="35.17-3"]')
  await expect(cell).toContainText('Dikirim')
  await expect(cell).toContainText('Terlambat')
})

test('leadership reads reports and figures but cannot enter or review', async ({ page, login }) => {
  await login('LEADERSHIP')
  await page.goto('/laporan-triwulan')
  await expect(page).toHaveURL(/\/laporan-triwulan\/kelengkapan$/)
  await page.goto('/laporan-triwulan/35.17/2026/2')
  await expect(page.getByTestId('locked')).toBeVisible()
  await expect(page.getByRole('button', { name: /Simpan draf|Setujui|Kembalikan|Buka kembali/ })).toHaveCount(0)
  await page.goto('/laporan-triwulan/realisasi?indikator=KOP_AKTIF_PCT&tahun=2026')
  const jombang = page.locator('tr[data-regency="35.17"]')
  await expect(jombang).toContainText('85,30%')
  await expect(jombang).toContainText('296/347')
  await expect(page.locator('tr[data-regency="province"]')).toContainText('Provinsi (gabungan)')
  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Unduh .xlsx' }).click()
  expect((await download).suggestedFilename()).toMatch(/^realisasi-kop_aktif_pct-2026-\d{4}-\d{2}-\d{2}\.xlsx$/)
})
