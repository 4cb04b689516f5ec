import JSZip from 'jszip'
import ExcelJS from 'exceljs'
import { PDFParse } from 'pdf-parse'
import { expect, test, type DemoRole } from './fixtures'
import type { Page } from '@playwright/test'

/**
 * Issue 10's acceptance: an admin records a Rakor with two participants, an agenda item, a decision
 * linked to Prokesra and an action for Kabupaten Jombang due in the past; the overview's overdue count
 * goes up by one and drills down to it; the Jombang officer adds a progress note and marks it done;
 * the count goes down; leadership reads the meeting, cannot edit it, downloads the notulen (.docx and
 * PDF, opened here) and the briefing pack, which shows Prokesra's realisation equal to the dashboard's.
 */

const day = (offset: number) => new Date(Date.now() + 7 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10)
const today = day(0)
const NOT_FOUND = 'Halaman tidak ditemukan'
const title = `Rakor Prokesra E2E ${Math.random().toString(36).slice(2, 8)}`
const actionTitle = `Sosialisasi ulang Prokesra di Jombang ${title.slice(-6)}`

async function overdueCount(page: Page): Promise<number> {
  await page.goto(`/?asOf=${today}`)
  const card = page.getByTestId('card-overdue-actions')
  await expect(card).toBeVisible()
  return Number((await card.locator('[data-value]').innerText()).replace(/\./g, ''))
}

async function switchTo(page: Page, login: (role: DemoRole) => Promise<void>, role: DemoRole) {
  // leave the page first: a prefetch still in flight would bring the old session cookie back
  await page.goto('about:blank')
  await page.context().clearCookies()
  await login(role)
}

test('a Rakor from recording to a done follow-up, read by leadership with its exports and briefing pack', async ({ page, login }) => {
  test.setTimeout(480_000) // one long story on a shared, busy machine
  await login('ADMIN')
  const before = await overdueCount(page)

  // the meeting, 20 days ago
  await page.goto('/rapat/baru')
  await page.getByLabel('Judul rapat').fill(title)
  await page.getByLabel('Jenis rapat').selectOption('RAKOR')
  // day first and a 24-hour time, whatever the browser's language (not the native datetime picker)
  const shown = day(-20).split('-').reverse().join('/')
  await page.getByRole('textbox', { name: 'Mulai (WIB)', exact: true }).fill(shown)
  await page.getByLabel('Jam mulai (WIB)').fill('09.00')
  await page.getByRole('textbox', { name: 'Selesai (WIB)', exact: true }).fill(shown)
  await page.getByLabel('Jam selesai (WIB)').fill('8:00')
  await page.getByLabel('Kota', { exact: true }).fill('Kota Malang')
  await page.getByRole('button', { name: 'Simpan' }).click()
  // a refusal keeps what was typed and says which field is wrong
  await expect(page.getByText('Waktu selesai harus sesudah waktu mulai.')).toBeVisible()
  await expect(page.getByLabel('Judul rapat')).toHaveValue(title)
  await expect(page.getByLabel('Jam selesai (WIB)')).toHaveValue('08.00')
  await page.getByLabel('Jam selesai (WIB)').fill('13.00')
  await page.getByRole('button', { name: 'Simpan' }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  const meetingUrl = page.url()

  // two participants
  const participants = page.locator('[data-section="participants"]')
  await participants.locator('summary', { hasText: 'Tambah peserta' }).click()
  for (const [name, agency, regency] of [['Kadinkopum Jombang', 'Dinas Koperasi dan Usaha Mikro Kabupaten Jombang', 'Kabupaten Jombang'], ['Perwakilan Bappeda Jatim', 'Bappeda Provinsi Jawa Timur', '']]) {
    await participants.getByRole('textbox', { name: 'Nama', exact: true }).fill(name)
    await participants.getByLabel('Instansi').fill(agency)
    if (regency) await participants.getByLabel('Mewakili kabupaten/kota').selectOption({ label: regency })
    await participants.getByRole('button', { name: 'Tambah peserta' }).click()
    await expect(participants.locator(`[data-participant="${name}"]`)).toBeVisible()
  }
  // both still invited: recorded present in one step, after saying how many
  await participants.getByRole('button', { name: 'Catat 2 undangan hadir' }).click()
  const markAll = page.getByRole('dialog', { name: 'Catat semua undangan sebagai hadir?' })
  await expect(markAll).toContainText('2 peserta yang masih berstatus diundang dicatat hadir.')
  await markAll.getByRole('button', { name: 'Ya, catat hadir' }).click()
  await expect(participants.getByLabel('Kehadiran Kadinkopum Jombang')).toHaveValue('PRESENT')
  await expect(participants.getByLabel('Kehadiran Perwakilan Bappeda Jatim')).toHaveValue('PRESENT')
  await expect(participants.getByRole('button', { name: /undangan hadir/ })).toHaveCount(0)

  // an agenda item whose minutes try raw HTML and a javascript: link
  const agenda = page.locator('[data-section="agenda"]')
  await agenda.locator('summary', { hasText: 'Tambah acara' }).click()
  await agenda.getByRole('textbox', { name: 'Acara', exact: true }).fill('Evaluasi Prokesra 2024')
  await agenda.getByLabel('Notulen (Markdown)').fill('Realisasi **Rp53 miliar**. <script>window.__xss = 1</script> [klik](javascript:window.__xss=2) [dasbor](/dasbor/kredit)')
  await agenda.getByRole('button', { name: 'Tambah acara' }).click()
  const item = agenda.locator('[data-agenda-item="1"]')
  await expect(item).toBeVisible()
  const minutes = item.locator('[data-minutes]')
  await expect(minutes.locator('strong')).toHaveText('Rp53 miliar')
  await expect(minutes.locator('script')).toHaveCount(0)
  await expect(minutes).toContainText('<script>')
  await expect(minutes.locator('a')).toHaveCount(1) // the javascript: link is plain text
  await expect(minutes.locator('a')).toHaveAttribute('rel', /noopener/)
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()

  // a decision linked to Prokesra 2024
  await item.locator('summary', { hasText: 'Tambah hasil' }).click()
  await item.getByLabel('Jenis hasil').selectOption('DECISION')
  await item.getByRole('textbox', { name: 'Isi', exact: true }).fill('Penyaluran Prokesra 2024 dipercepat di Kabupaten Jombang')
  await item.getByLabel('Program kredit').selectOption({ label: 'Prokesra 2024' })
  await item.getByRole('button', { name: 'Tambah hasil' }).click()
  await expect(item.locator('[data-outcome="DECISION"]')).toContainText('Prokesra 2024')

  // an action for Kabupaten Jombang, due five days ago
  const actions = page.locator('[data-section="actions"]')
  await actions.locator('summary', { hasText: 'Tambah tindak lanjut' }).click()
  await actions.getByRole('textbox', { name: 'Tindak lanjut', exact: true }).fill(actionTitle)
  await actions.getByLabel('Penanggung jawab').selectOption('REGENCY')
  await actions.getByLabel('Kabupaten/kota').selectOption({ label: 'Kabupaten Jombang' })
  await actions.getByLabel('Tenggat').fill(day(-5))
  // a due date already past: said at the field before saving, and saved only once confirmed (the server asks it too)
  const pastDue = actions.getByTestId('past-due')
  await expect(pastDue).toContainText('Tenggat sudah lewat (')
  await expect(pastDue).toContainText('tindak lanjut akan langsung tercatat terlambat.')
  await actions.getByRole('button', { name: 'Tambah tindak lanjut' }).click()
  await expect(actions.getByText('Centang bila tenggatnya memang sudah lewat, lalu simpan lagi.')).toBeVisible()
  await actions.getByLabel('Ya, tenggatnya memang sudah lewat.').check()
  await actions.getByRole('button', { name: 'Tambah tindak lanjut' }).click()
  await expect(actions.getByRole('link', { name: actionTitle }).filter({ visible: true }).first()).toBeVisible()

  // the meeting took place (20 days ago): marked held (its follow-up was decided, and open to its owner, since it began)
  await page.getByRole('button', { name: 'Tandai terlaksana' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Tandai terlaksana' }).click()
  await expect(page.getByRole('button', { name: 'Tandai terlaksana' })).toHaveCount(0)

  // the overview counts it and drills down to it
  expect(await overdueCount(page)).toBe(before + 1)
  await page.getByTestId('overdue-actions-link').click()
  await expect(page).toHaveURL(/\/tindak-lanjut\?.*overdue=1/)
  await expect(page.getByRole('link', { name: actionTitle }).filter({ visible: true }).first()).toBeVisible()

  // the Jombang officer lands on its own open follow-ups, adds a note, then marks it done
  await switchTo(page, login, 'DISTRICT_OFFICER')
  await page.goto('/tindak-lanjut')
  await page.getByRole('link', { name: actionTitle }).filter({ visible: true }).first().click()
  await page.getByLabel('Catatan perkembangan').fill('Sosialisasi dijadwalkan di 21 kecamatan.')
  await page.getByRole('button', { name: 'Tambah catatan' }).click()
  await expect(page.getByTestId('progress-notes')).toContainText('Sosialisasi dijadwalkan di 21 kecamatan.')
  await page.getByLabel('Ubah status').selectOption('DONE')
  // the officer may close it (asked first) but not drop it: that is the agency's
  await expect(page.getByLabel('Ubah status').locator('option[value="DROPPED"]')).toHaveCount(0)
  // no note yet: the note is asked for at its field, without first confirming a change that cannot land
  await page.getByRole('button', { name: 'Tambah catatan' }).click()
  await expect(page.getByText('Isi catatan perkembangan (minimal 3 karakter).')).toBeVisible()
  await expect(page.getByRole('dialog', { name: 'Tandai tindak lanjut selesai?' })).toBeHidden()
  await page.getByLabel('Catatan perkembangan').fill('Sosialisasi selesai; 312 UMK berminat.')
  await page.getByRole('button', { name: 'Tambah catatan' }).click()
  await expect(page.getByRole('dialog', { name: 'Tandai tindak lanjut selesai?' })).toContainText('status menjadi “Selesai”')
  await page.getByRole('dialog').getByRole('button', { name: 'Ya, tandai selesai' }).click()
  await expect(page.getByTestId('action-status')).toContainText('Selesai')
  await expect(page.getByTestId('progress-notes').locator('li')).toHaveCount(2)

  // leadership: the count is back, the meeting reads but does not edit, exports open
  await switchTo(page, login, 'LEADERSHIP')
  expect(await overdueCount(page)).toBe(before)
  await page.goto(meetingUrl)
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('Tambah peserta')).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Ubah rapat' })).toHaveCount(0)
  const meetingId = meetingUrl.split('/').pop()!

  const docx = await page.request.get(`/api/rapat/${meetingId}/notulen?format=docx`)
  expect(docx.status()).toBe(200)
  const xml = await (await JSZip.loadAsync(await docx.body())).file('word/document.xml')!.async('string')
  for (const text of [title, 'Kadinkopum Jombang', 'Evaluasi Prokesra 2024', actionTitle]) expect(xml).toContain(text)

  const pdf = await page.request.get(`/api/rapat/${meetingId}/notulen?format=pdf`)
  expect(pdf.status()).toBe(200)
  const bytes = new Uint8Array(await pdf.body())
  expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-')
  const text = (await new PDFParse({ data: bytes }).getText()).text.replace(/\s+/g, ' ')
  expect(text).toContain('NOTULEN RAPAT')
  expect(text).toContain('Perwakilan Bappeda Jatim')

  // the follow-up list, sorted by due date latest first, downloads as .xlsx with the closed follow-up and its owner
  await page.goto('/tindak-lanjut?status=all')
  await expect(page.getByRole('columnheader', { name: 'Tenggat' })).toHaveAttribute('aria-sort', 'ascending')
  await page.getByRole('columnheader', { name: 'Tenggat' }).getByRole('link').click()
  await expect(page.getByRole('columnheader', { name: 'Tenggat' })).toHaveAttribute('aria-sort', 'descending')
  const [sheet] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Ekspor \.xlsx/ }).click()])
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(await sheet.path())
  const exported = wb.worksheets[0].getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1))
  const ours = exported.find((r) => r[0] === actionTitle)!
  expect(ours[3]).toBe('Kabupaten Jombang')
  expect(ours[5]).toBe('Selesai')
  const due = exported.map((r) => (r[4] as Date).getTime())
  expect(due).toEqual([...due].sort((a, b) => b - a))

  // the list of one meeting's follow-ups says so, and how to see all of them
  await page.goto(`/tindak-lanjut?meeting=${meetingId}&status=all`)
  await expect(page.getByTestId('meeting-filter')).toContainText(`Rapat: ${title}`)
  await expect(page.locator('[data-action]').filter({ visible: true })).toHaveCount(1)
  await page.getByTestId('meeting-filter').getByRole('link', { name: 'Tampilkan semua' }).click()
  await expect(page).toHaveURL(/\/tindak-lanjut\?status=all$/)
  await expect(page.getByTestId('meeting-filter')).toHaveCount(0)

  // the briefing pack's Prokesra 2024 figure is the dashboard's
  await page.goto('/dasbor/kredit?program=PROKESRA-2024')
  const card = page.getByTestId('realisation')
  const dashboardPct = (await card.locator('[data-value]').innerText()).trim()
  const dashboardAmount = /Rp[\d.]+/.exec(await card.innerText())![0]
  await page.goto(`/rapat/${meetingId}/bahan`)
  const programme = page.locator('[data-program="PROKESRA-2024"]')
  await expect(programme.locator('[data-figure="realisation"]')).toHaveText(dashboardPct)
  await expect(programme.locator('[data-figure="disbursed"]')).toHaveAttribute('data-amount', dashboardAmount)
  // shown short, as the subsidy beside it (the full amount broke mid-number in its third of the page)
  await expect(programme.locator('[data-figure="disbursed"]')).toContainText(/Rp[\d,]+ (miliar|juta|triliun)/)
  // and so is the shareable PDF of the briefing pack, downloaded from the page's button
  const download = await page.request.get(await page.getByTestId('briefing-pdf').getAttribute('href') ?? '')
  expect(download.status()).toBe(200)
  const briefing = (await new PDFParse({ data: new Uint8Array(await download.body()) }).getText()).text.replace(/\s+/g, ' ')
  expect(briefing).toContain('BAHAN RAPAT')
  expect(briefing).toContain(dashboardPct)
  expect(briefing).toContain(dashboardAmount)
})

test('a bank officer reads its bank’s meeting, not another (not found), nor its notulen (404)', async ({ page, login }) => {
  // the bank officer's scope: the demo Rakornis has no BPR Jatim participant nor action
  await login('BANK_OFFICER')
  await page.goto('/rapat/demo-rakornis-2025')
  await expect(page.getByRole('heading', { level: 1, name: 'Rakornis Perencanaan Pemberdayaan Koperasi UMKM Tahun 2025' })).toHaveCount(0)
  await expect(page.getByText(NOT_FOUND)).toBeVisible()
  await page.goto('/rapat/demo-rakor-prokesra-2024')
  await expect(page.getByRole('heading', { level: 1, name: /Prokesra/ })).toBeVisible()
  const doc = await page.request.get('/api/rapat/demo-rakornis-2025/notulen?format=docx')
  expect(doc.status()).toBe(404)
})

test('a line break typed in the minutes or in a decision is shown on screen, as the minutes\' .docx and PDF print it', async ({ page, login }) => {
  test.setTimeout(180_000)
  await login('ADMIN')
  const name = `Rakor baris E2E ${Math.random().toString(36).slice(2, 8)}`
  await page.goto('/rapat/baru')
  await page.getByLabel('Judul rapat').fill(name)
  await page.getByLabel('Jenis rapat').selectOption('RAKOR')
  const shown = day(7).split('-').reverse().join('/')
  await page.getByRole('textbox', { name: 'Mulai (WIB)', exact: true }).fill(shown)
  await page.getByLabel('Jam mulai (WIB)').fill('09.00')
  await page.getByRole('textbox', { name: 'Selesai (WIB)', exact: true }).fill(shown)
  await page.getByLabel('Jam selesai (WIB)').fill('12.00')
  await page.getByRole('button', { name: 'Simpan' }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()

  // minutes in Markdown with a single line break: a break on screen (it had run the two lines into one)
  const agenda = page.locator('[data-section="agenda"]')
  await agenda.locator('summary', { hasText: 'Tambah acara' }).click()
  await agenda.getByRole('textbox', { name: 'Acara', exact: true }).fill('Realisasi Prokesra')
  await agenda.getByLabel('Notulen (Markdown)').fill('Paparan realisasi s.d. November 2026.\nBaris kedua notulen: Jombang 82%.')
  await agenda.getByRole('button', { name: 'Tambah acara' }).click()
  const item = agenda.locator('[data-agenda-item="1"]')
  const minutes = item.locator('[data-minutes]')
  await expect(minutes.locator('p')).toHaveCount(1)
  expect(await minutes.innerText()).toBe('Paparan realisasi s.d. November 2026.\nBaris kedua notulen: Jombang 82%.')

  // a decision (plain text) on two lines keeps them, on the meeting's page and on its follow-up's
  await item.locator('summary', { hasText: 'Tambah hasil' }).click()
  await item.getByLabel('Jenis hasil').selectOption('DECISION')
  await item.getByRole('textbox', { name: 'Isi', exact: true }).fill('Kabupaten Jombang mempercepat penyaluran Prokesra\nsampai target 100% pada 31 Desember 2026.')
  await item.getByRole('button', { name: 'Tambah hasil' }).click()
  const decision = item.locator('[data-outcome="DECISION"] [data-user-content]')
  await expect(decision).toBeVisible()
  // the lines as shown (a textarea sends its break as CR LF: the CR is kept as an invisible space at the line's end)
  const shownLines = async (at: typeof decision) => (await at.innerText()).split('\n').map((l) => l.trimEnd())
  const twoLines = ['Kabupaten Jombang mempercepat penyaluran Prokesra', 'sampai target 100% pada 31 Desember 2026.']
  expect(await shownLines(decision)).toEqual(twoLines)

  const actions = page.locator('[data-section="actions"]')
  await actions.locator('summary', { hasText: 'Tambah tindak lanjut' }).click()
  await actions.getByRole('textbox', { name: 'Tindak lanjut', exact: true }).fill('Percepat akad Prokesra')
  await actions.getByLabel('Penanggung jawab').selectOption('REGENCY')
  await actions.getByLabel('Kabupaten/kota').selectOption({ label: 'Kabupaten Jombang' })
  await actions.getByLabel('Tenggat').fill(day(30).split('-').reverse().join('/'))
  await actions.getByLabel('Dari hasil rapat').selectOption({ index: 1 })
  await actions.getByRole('button', { name: 'Tambah tindak lanjut' }).click()
  await actions.getByRole('link', { name: 'Percepat akad Prokesra' }).filter({ visible: true }).first().click()
  const outcome = page.getByTestId('action-outcome')
  await expect(outcome).toBeVisible()
  expect(await shownLines(outcome)).toEqual(twoLines)
})

test('a meeting still to come is cancelled, not marked held, and the frame says what the cancellation did', async ({ page, login }) => {
  test.setTimeout(180_000)
  await login('ADMIN')
  const upcoming = `Rakor dibatalkan E2E ${Math.random().toString(36).slice(2, 8)}`
  await page.goto('/rapat/baru')
  await page.getByLabel('Judul rapat').fill(upcoming)
  await page.getByLabel('Jenis rapat').selectOption('RAKOR')
  const shown = day(10).split('-').reverse().join('/')
  // typed on a phone's digit keypad (no slash on iOS): eight digits and four, shown the usual way once left
  const start = page.getByRole('textbox', { name: 'Mulai (WIB)', exact: true })
  await start.fill(shown.replaceAll('/', ''))
  await page.getByLabel('Jam mulai (WIB)').fill('0900')
  await page.getByLabel('Jam mulai (WIB)').blur()
  await expect(start).toHaveValue(shown)
  await expect(page.getByLabel('Jam mulai (WIB)')).toHaveValue('09.00')
  await page.getByRole('textbox', { name: 'Selesai (WIB)', exact: true }).fill(shown)
  await page.getByLabel('Jam selesai (WIB)').fill('12.00')
  // a new meeting is in the agency's city unless said otherwise (the province's capital by default)
  await expect(page.getByLabel('Kota', { exact: true })).toHaveValue('Surabaya')
  await page.getByLabel('Kota', { exact: true }).fill('Kota Malang')
  await page.getByRole('button', { name: 'Simpan' }).click()
  await expect(page.getByRole('heading', { level: 1, name: upcoming })).toBeVisible()
  // held and closed say the meeting took place: not offered before it starts (the server refuses them too)
  await expect(page.getByRole('button', { name: 'Tandai terlaksana' })).toHaveCount(0)
  // a follow-up prepared for it is not worked on before it begins: its page says why instead of the progress form
  const actions = page.locator('[data-section="actions"]')
  await actions.locator('summary', { hasText: 'Tambah tindak lanjut' }).click()
  await actions.getByRole('textbox', { name: 'Tindak lanjut', exact: true }).fill('Bawa data calon debitur')
  await actions.getByLabel('Penanggung jawab').selectOption('REGENCY')
  await actions.getByLabel('Kabupaten/kota').selectOption({ label: 'Kabupaten Jombang' })
  await actions.getByLabel('Tenggat').fill(day(20).split('-').reverse().join('/'))
  await actions.getByRole('button', { name: 'Tambah tindak lanjut' }).click()
  await actions.getByRole('link', { name: 'Bawa data calon debitur' }).filter({ visible: true }).first().click()
  await expect(page.getByTestId('progress-closed')).toContainText(`Rapat “${upcoming}” dijadwalkan`)
  await expect(page.getByTestId('progress-closed')).toContainText('tindak lanjut dapat dikerjakan setelah rapat terlaksana.')
  await expect(page.getByLabel('Catatan perkembangan')).toHaveCount(0)
  await page.goBack()
  await expect(page.getByRole('heading', { level: 1, name: upcoming })).toBeVisible()
  await page.getByRole('button', { name: 'Batalkan rapat' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Ya, batalkan rapat' }).click()
  // the refreshed page no longer has the button; the outcome is announced by the frame, in view
  await expect(page.getByRole('button', { name: 'Batalkan rapat' })).toHaveCount(0)
  await expect(page.getByTestId('announcer')).toContainText('dibatalkan')
  await expect(page.getByTestId('announcer')).toBeInViewport()

  // the month's calendar shows it on its day with its start time, struck through and said cancelled
  await page.goto(`/rapat?view=calendar&month=${day(10).slice(0, 7)}`)
  const cell = page.getByRole('gridcell', { name: new Date(`${day(10)}T00:00:00Z`).toLocaleDateString('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) })
  const entry = cell.getByRole('link', { name: new RegExp(upcoming) })
  await expect(entry).toHaveText(`09.00 ${upcoming} (Dibatalkan)`)
  await expect(entry).toHaveClass(/line-through/)
  await expect(entry).toHaveAttribute('title', `${upcoming} (Dibatalkan)`)
})

test('a saved edit says so (and to send the invitation again when moved); an upload without a file is said at its field; closing an empty meeting says what it lacks', async ({ page, login }) => {
  test.setTimeout(180_000)
  await login('ADMIN')
  const empty = `Rakor kosong E2E ${Math.random().toString(36).slice(2, 8)}`
  await page.goto('/rapat/baru')
  await page.getByLabel('Judul rapat').fill(empty)
  await page.getByLabel('Jenis rapat').selectOption('RAKORTEK')
  const shown = day(-3).split('-').reverse().join('/')
  await page.getByRole('textbox', { name: 'Mulai (WIB)', exact: true }).fill(shown)
  await page.getByLabel('Jam mulai (WIB)').fill('09.00')
  await page.getByRole('textbox', { name: 'Selesai (WIB)', exact: true }).fill(shown)
  await page.getByLabel('Jam selesai (WIB)').fill('12.00')
  await page.getByRole('button', { name: 'Simpan' }).click()
  await expect(page.getByRole('heading', { level: 1, name: empty })).toBeVisible()
  await expect(page.getByTestId('meeting-saved')).toHaveCount(0)

  // the edit: saved, and moved in time while still planned, so its invitees need the invitation again
  await page.getByRole('link', { name: 'Ubah rapat' }).click()
  await page.getByLabel('Jam mulai (WIB)').fill('10.00')
  await page.getByRole('button', { name: 'Simpan' }).click()
  await expect(page.getByTestId('meeting-saved')).toContainText('Perubahan rapat disimpan.')
  await expect(page.getByTestId('meeting-saved')).toContainText('kirim ulang undangan kalender')
  await expect(page.getByTestId('meeting-saved').getByRole('link')).toHaveAttribute('href', /\/undangan$/)

  // an upload with no file chosen: the usual banner and one message at the file field (it had said "Berkas kosong")
  const docs = page.locator('[data-section="documents"]')
  await docs.locator('summary').first().click()
  await docs.getByRole('button', { name: 'Unggah' }).click()
  await expect(docs.getByText('Periksa kembali isian yang ditandai.')).toBeVisible()
  await expect(docs.getByText('Pilih berkas untuk diunggah.')).toBeVisible()
  await expect(docs.getByText(/Berkas kosong/)).toHaveCount(0)

  // held, then closing: nothing was recorded, and the confirmation says so before it cannot be undone
  await page.getByRole('button', { name: 'Tandai terlaksana' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Tandai terlaksana' }).click()
  await page.getByRole('button', { name: 'Tutup rapat' }).click()
  const close = page.getByRole('dialog', { name: 'Tutup rapat' })
  await expect(close).toContainText('Rapat ini belum punya agenda, daftar hadir, dan notulen; tetap tutup?')
  await close.getByRole('button', { name: 'Batal' }).click()
  await expect(page.getByRole('button', { name: 'Tutup rapat' })).toBeVisible()
})
