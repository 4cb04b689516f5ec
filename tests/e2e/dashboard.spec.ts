import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import pg from 'pg'
import type { Download, Locator, Page } from '@playwright/test'
import { formatNumber, formatPercent, formatRupiah, formatRupiahShort } from '../../lib/format'
import { expect, test } from './fixtures'

/**
 * The leadership dashboards, role by role: every figure on screen is checked against SQL written here,
 * independently of lib/data, on the e2e server's own database (scripts/e2e-server.ts writes its URL).
 */
let client: pg.Client
test.beforeAll(async () => {
  client = new pg.Client({ connectionString: readFileSync('test-results/e2e-database-url', 'utf8').trim() })
  await client.connect()
})
test.afterAll(async () => {
  await client?.end()
})

async function one<T = Record<string, string>>(text: string, values: unknown[] = []): Promise<T> {
  return (await client.query(text, values)).rows[0] as T
}

/** Disbursed, loans, beneficiaries and the target (the allocation for a regency) of a programme at a date. */
async function credit(code: string, asOf: string, opts: { regency?: string; bank?: string } = {}) {
  const r = await one<{ disbursed: string; beneficiaries: string; target: string }>(
    `SELECT coalesce(sum(d.plafond), 0)::text AS disbursed, count(DISTINCT d.msme_id)::text AS beneficiaries,
       (CASE WHEN $3::text IS NULL THEN p.credit_target ELSE (SELECT credit_target FROM program_allocations a WHERE a.program_id = p.id AND a.regency_code = $3) END)::text AS target
     FROM credit_programs p LEFT JOIN disbursements d ON d.program_id = p.id AND d.contract_date <= $2::date
       AND ($3::text IS NULL OR d.regency_code = $3) AND ($4::text IS NULL OR d.bank_id = (SELECT id FROM banks WHERE code = $4))
     WHERE p.code = $1 GROUP BY p.id, p.credit_target`,
    [code, asOf, opts.regency ?? null, opts.bank ?? null],
  )
  const disbursed = Number(r.disbursed)
  const target = Number(r.target)
  return { disbursed, beneficiaries: Number(r.beneficiaries), target, pct: (disbursed / target) * 100 }
}

/** Subsidy paid by a date from a programme's budget, and its ceiling. */
async function subsidy(code: string, asOf: string) {
  const r = await one<{ paid: string; ceiling: string }>(
    `SELECT coalesce((SELECT sum(cp.amount) FROM claim_payments cp JOIN subsidy_claims c ON c.id = cp.claim_id WHERE c.program_id = p.id AND cp.paid_on <= $2::date), 0)::text AS paid,
       p.subsidy_ceiling::text AS ceiling FROM credit_programs p WHERE p.code = $1`,
    [code, asOf],
  )
  return { paid: Number(r.paid), pct: (Number(r.paid) / Number(r.ceiling)) * 100 }
}

/** Prokesra 2024 by regency at 31 August 2024, ranked by realisation against the allocation. */
async function regencyRealisation() {
  const rows = (await client.query(
    `SELECT r.code, r.name, a.credit_target::text AS target, coalesce(sum(d.plafond), 0)::text AS disbursed
     FROM regencies r JOIN credit_programs p ON p.code = 'PROKESRA-2024'
     LEFT JOIN program_allocations a ON a.program_id = p.id AND a.regency_code = r.code
     LEFT JOIN disbursements d ON d.program_id = p.id AND d.regency_code = r.code AND d.contract_date <= '2024-08-31'
     WHERE r.province_code = '35' GROUP BY r.code, r.name, a.credit_target`,
  )).rows.map((r) => ({ code: r.code as string, name: r.name as string, disbursed: Number(r.disbursed), pct: (Number(r.disbursed) / Number(r.target)) * 100 }))
  return rows.sort((a, b) => b.pct - a.pct)
}

const pct2 = (v: number) => formatPercent(v)
const pct1 = (v: number) => formatPercent(v, { decimals: 1 })
const card = (page: Page, id: string) => page.getByTestId(id)

async function workbook(download: Download) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(await download.path())
  const ws = wb.worksheets[0]
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String)
  const rows: Record<string, unknown>[] = []
  ws.eachRow((row, n) => {
    if (n === 1) return
    const v = (row.values as unknown[]).slice(1)
    rows.push(Object.fromEntries(header.map((h, i) => [h, v[i] ?? null])))
  })
  return rows
}

async function download(page: Page, link: Locator) {
  const event = page.waitForEvent('download')
  await link.click()
  return event
}

test.describe('leadership', () => {
  test("the overview shows the seeds' Prokesra 2024 figures at 31 August 2024, each equal to SQL", async ({ page, login }) => {
    await login('LEADERSHIP')
    await page.goto('/?program=PROKESRA-2024&asOf=2024-08-31')
    await expect(page.getByTestId('as-of')).toContainText('Data per 31 Agustus 2024')
    await expect(page.getByTestId('as-of')).toContainText('dibandingkan dengan Prokesra 2023 per 31 Agustus 2023')

    const c = await credit('PROKESRA-2024', '2024-08-31')
    expect(pct2(c.pct)).toBe('26,51%')
    const realisation = card(page, 'card-realisation')
    await expect(realisation.locator('[data-value]')).toHaveText('26,5%')
    await expect(realisation.locator('[data-exact]')).toContainText('26,51%')
    await expect(realisation).toContainText(formatRupiah(c.disbursed)) // Rp53.019.249.400
    await expect(realisation).toHaveAttribute('data-status', 'BEHIND')
    // change against the same date last year, in percentage points
    const last = await credit('PROKESRA-2023', '2023-08-31')
    await expect(realisation.locator('[data-change]')).toContainText(`▼ ${formatNumber(Math.abs(c.pct - last.pct), { decimals: 2 })} poin dibanding 31 Agustus 2023`)

    const s = await subsidy('PROKESRA-2024', '2024-08-31')
    expect(formatRupiah(s.paid)).toBe('Rp17.940.000.000')
    const absorption = card(page, 'card-absorption')
    await expect(absorption.locator('[data-value]')).toHaveText(pct1(s.pct))
    await expect(absorption.locator('[data-value]')).toHaveText('57,8%')
    await expect(absorption.locator('[data-exact]')).toContainText('57,80%')
    await expect(absorption).toContainText('Rp17.940.000.000')
    await expect(card(page, 'card-beneficiaries').locator('[data-value]')).toHaveText(formatNumber(c.beneficiaries))
    await expect(card(page, 'card-beneficiaries').locator('[data-value]')).toHaveText('2.743')

    // meeting follow-ups (issue 10): none was overdue yet on 31 August 2024, equal to SQL; reporting started in 2025: no red 0%
    const overdue = await one<{ n: number }>(`SELECT count(*)::int AS n FROM action_items a JOIN meetings m ON m.id = a.meeting_id
      WHERE a.due_date < '2024-08-31' AND m.starts_at < '2024-08-31T17:00:00Z' AND (a.closed_at IS NULL OR a.closed_at >= '2024-08-31T17:00:00Z')`)
    await expect(card(page, 'card-overdue-actions').locator('[data-value]')).toHaveText(formatNumber(overdue.n))
    await expect(card(page, 'card-overdue-actions').getByRole('link', { name: /Lihat daftar/ })).toHaveAttribute('href', /overdue=1.*asOf=2024-08-31/)
    // the demo's reporting starts in Triwulan I 2025: Triwulan II 2024 is not required, so no 0%
    await expect(card(page, 'card-completeness')).toContainText('Tidak diwajibkan: pelaporan di Lumbung dimulai sesudah triwulan ini')

    // the export holds the same numbers (the page's, not a chart card's: those name their chart)
    const rows = await workbook(await download(page, page.getByRole('link', { name: 'Unduh .xlsx', exact: true })))
    const disbursed = rows.find((r) => r.Angka === 'Kredit disalurkan (Rp)')!
    expect(disbursed['Nilai per 31 Agustus 2024']).toBe(c.disbursed)
    expect(Number(disbursed['Capaian (%)'])).toBeCloseTo(c.pct, 8)
    const paid = rows.find((r) => r.Angka === 'Subsidi dibayar (Rp)')!
    expect(paid['Nilai per 31 Agustus 2024']).toBe(s.paid)
    expect(rows.find((r) => r.Angka === 'Penerima manfaat (UMK)')!['Nilai per 31 Agustus 2024']).toBe(c.beneficiaries)
  })

  test('changing the filters updates the URL and the figures: Prokesra 2023 at 101,26%, then one regency', async ({ page, login }) => {
    await login('LEADERSHIP')
    await page.goto('/?program=PROKESRA-2024&asOf=2024-08-31')
    await page.getByRole('combobox', { name: 'Program' }).selectOption({ label: 'Prokesra 2023' })
    await page.getByLabel('Per tanggal').fill('2023-12-31')
    await page.getByRole('button', { name: 'Terapkan' }).click()
    await expect(page).toHaveURL(/program=PROKESRA-2023/)
    await expect(page).toHaveURL(/asOf=2023-12-31/)
    const c = await credit('PROKESRA-2023', '2023-12-31')
    expect(pct2(c.pct)).toBe('101,26%')
    await expect(card(page, 'card-realisation').locator('[data-exact]')).toContainText('101,26%')
    await expect(card(page, 'card-realisation')).toHaveAttribute('data-status', 'ON_TRACK')
    await expect(card(page, 'card-beneficiaries').locator('[data-value]')).toHaveText('10.971')
    await expect(page.getByTestId('as-of')).toContainText('Data per 31 Desember 2023')

    await page.getByLabel('Kabupaten/kota').selectOption('35.17')
    await page.getByRole('button', { name: 'Terapkan' }).click()
    await expect(page).toHaveURL(/regency=35\.17/)
    const j = await credit('PROKESRA-2023', '2023-12-31', { regency: '35.17' })
    await expect(card(page, 'card-realisation').locator('[data-exact]')).toContainText(pct2(j.pct))
    await expect(card(page, 'card-realisation')).toContainText(formatRupiah(j.disbursed))
    await expect(card(page, 'card-beneficiaries').locator('[data-value]')).toHaveText(formatNumber(j.beneficiaries))
    // the indicators tab keeps the regency (a walk's leader had met the province there), and leads back with it
    await page.getByRole('navigation', { name: 'Dasbor' }).getByRole('link', { name: 'Indikator' }).click()
    await expect(page).toHaveURL(/\/dasbor\/indikator\?regency=35\.17$/)
    await expect(page.getByRole('navigation', { name: 'Dasbor' }).getByRole('link', { name: 'Kredit' })).toHaveAttribute('href', '/dasbor/kredit?regency=35.17')
  })

  test('after Back the filters show the view on screen, a bank is chosen from a list, and an unknown bank is not found', async ({ page, login }) => {
    await login('LEADERSHIP')
    await page.goto('/dasbor/kredit?program=PROKESRA-2024&asOf=2024-08-31')
    await page.getByRole('combobox', { name: 'Program' }).selectOption({ label: 'Prokesra 2023' })
    await page.getByLabel('Kabupaten/kota').selectOption('35.17')
    await page.getByRole('button', { name: 'Terapkan' }).click()
    await expect(page).toHaveURL(/program=PROKESRA-2023/)
    // the browser used to put back the choices made before leaving over a page showing Prokesra 2024
    await page.goBack()
    await expect(page).toHaveURL(/program=PROKESRA-2024/)
    await expect(page.getByTestId('as-of')).toContainText('Prokesra 2024')
    await expect(page.getByRole('combobox', { name: 'Program' })).toHaveValue('PROKESRA-2024')
    await expect(page.getByLabel('Kabupaten/kota')).toHaveValue('')

    const bank = page.getByRole('combobox', { name: 'Bank' })
    const [first] = await bank.locator('option').evaluateAll((os) => os.filter((o) => (o as HTMLOptionElement).value).map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? '' })))
    await bank.selectOption(first.value)
    await page.getByRole('button', { name: 'Terapkan' }).click()
    await expect(page).toHaveURL(new RegExp(`bank=${first.value}`))
    await expect(page.getByTestId('as-of')).toContainText(first.label)
    await expect(bank).toHaveValue(first.value)
    expect((await page.goto('/dasbor/kredit?program=PROKESRA-2024&bank=zzz'))?.status()).toBe(404)
    expect((await page.goto('/dasbor/kredit?program=PROKESRA-2024&regency=99.99'))?.status()).toBe(404)
  })

  test('the credit dashboard: ranking, KBLI sections and exports equal SQL; a bar and a row drill down to the regency', async ({ page, login }) => {
    await login('LEADERSHIP')
    await page.goto('/dasbor/kredit?program=PROKESRA-2024&asOf=2024-08-31')
    await expect(page.getByTestId('projection-method')).toContainText('Proyeksi laju rata-rata')
    await expect(page.getByTestId('realisation').locator('[data-value]')).toHaveText('26,51%')

    const ranking = await regencyRealisation()
    // each regency's status against its allocation's pace on 31 August 2024 (244 of 366 days), by the agency's thresholds
    const [set] = (await client.query(`SELECT value FROM settings WHERE key = 'dashboard.thresholds'`)).rows as { value: { onTrack: number; watch: number } }[]
    const { onTrack, watch } = set?.value ?? { onTrack: 95, watch: 80 }
    const status = (p: number) => { const ratio = p / (244 / 366); return ratio >= onTrack ? 'Sesuai laju' : ratio >= watch ? 'Perlu perhatian' : 'Tertinggal' }
    expect(new Set(ranking.map((r) => status(r.pct))).size).toBeGreaterThan(1)
    await page.getByTestId('ranking').getByText('Kabupaten/kota: 38').click()
    for (const r of ranking) {
      const row = page.locator(`tr[data-regency="${r.code}"]`)
      await expect(row).toContainText(formatRupiah(r.disbursed))
      await expect(row).toContainText(pct2(r.pct))
      await expect(row).toContainText(status(r.pct))
    }
    await expect(page.locator('tr[data-regency]').first()).toHaveAttribute('data-regency', ranking[0].code)

    // KBLI sections, mapped here by their division ranges
    const kbli = (await client.query(
      `SELECT CASE WHEN left(m.kbli, 2) BETWEEN '01' AND '03' THEN 'A' WHEN left(m.kbli, 2) BETWEEN '10' AND '33' THEN 'C'
                   WHEN left(m.kbli, 2) BETWEEN '45' AND '47' THEN 'G' WHEN left(m.kbli, 2) BETWEEN '55' AND '56' THEN 'I'
                   WHEN left(m.kbli, 2) BETWEEN '94' AND '96' THEN 'S' ELSE '?' END AS section, sum(d.plafond)::text AS disbursed
       FROM disbursements d JOIN msmes m ON m.id = d.msme_id JOIN credit_programs p ON p.id = d.program_id
       WHERE p.code = 'PROKESRA-2024' AND d.contract_date <= '2024-08-31' GROUP BY 1`,
    )).rows.map((r) => ({ section: r.section as string, disbursed: Number(r.disbursed) }))
    const kbliCard = page.getByTestId('breakdown-kbli')
    for (const k of kbli) await expect(kbliCard.locator(`tr[data-key="${k.section}"]`)).toContainText(formatRupiahShort(k.disbursed))
    const kbliRows = await workbook(await download(page, kbliCard.getByRole('link', { name: 'Unduh .xlsx' })))
    expect(kbliRows.map((r) => [r['Seksi KBLI'], r['Penyaluran (Rp)']]).sort()).toEqual(kbli.map((k) => [k.section, k.disbursed]).sort())

    const rankingRows = await workbook(await download(page, page.getByTestId('ranking').getByRole('link', { name: 'Unduh .xlsx' })))
    expect(rankingRows).toHaveLength(38)
    for (const r of ranking) expect(rankingRows.find((x) => x.Kode === r.code)!['Penyaluran (Rp)']).toBe(r.disbursed)

    // the top bar opens its regency, keeping the programme and date
    await page.getByTestId('ranking').locator('.recharts-bar-rectangle').first().click()
    await expect(page).toHaveURL(new RegExp(`/dasbor/wilayah/${ranking[0].code.replace('.', '\\.')}\\?program=PROKESRA-2024&asOf=2024-08-31`))
    await expect(card(page, 'card-realisation').locator('[data-exact]')).toContainText(pct2(ranking[0].pct))
  })

  test('the ranking table sorts by its columns through the URL, open at the table, each regency keeping its rank', async ({ page, login }) => {
    await login('LEADERSHIP')
    await page.goto('/dasbor/kredit?program=PROKESRA-2024&asOf=2024-08-31')
    const ranking = await regencyRealisation()
    const table = page.locator('#tabel-peringkat')
    await table.getByText('Kabupaten/kota: 38').click()
    const header = (name: string) => table.getByRole('columnheader', { name })
    await expect(header('Realisasi')).toHaveAttribute('aria-sort', 'descending')
    const column = (i: number) => table.locator('tr[data-regency]').evaluateAll((rows, i) => rows.map((r) => r.querySelectorAll('td')[i]?.textContent ?? ''), i)

    await header('Penyaluran').getByRole('link').click()
    await expect(page).toHaveURL(/\/dasbor\/kredit\?program=PROKESRA-2024&asOf=2024-08-31&sort=disbursed&dir=desc#tabel-peringkat$/)
    await expect(header('Penyaluran')).toHaveAttribute('aria-sort', 'descending')
    // reloaded sorted, the table is open and in sight, not closed again at the top of the page
    await expect(table).toHaveJSProperty('open', true)
    await expect(table.locator('tbody')).toBeInViewport()
    const byDisbursed = [...ranking].sort((a, b) => b.disbursed - a.disbursed)
    expect(await column(3)).toEqual(byDisbursed.map((r) => formatRupiah(r.disbursed)))
    // the first column is still each regency's place in the realisation ranking
    const ranks = (await column(0)).map(Number)
    const shown = await column(4)
    ranks.forEach((rank, i) => expect(shown[i]).toBe(pct2(ranking[rank - 1].pct)))

    await header('Penyaluran').getByRole('link').click()
    await expect(page).toHaveURL(/sort=disbursed&dir=asc#tabel-peringkat$/)
    expect(await column(3)).toEqual([...byDisbursed].reverse().map((r) => formatRupiah(r.disbursed)))

    await header('Kabupaten/kota').getByRole('link').click()
    await expect(page).toHaveURL(/sort=regency&dir=asc#tabel-peringkat$/)
    expect(await column(1)).toEqual(ranking.map((r) => r.name).sort((a, b) => a.localeCompare(b, 'id')))
  })

  test('the indicator table sorts by achievement, blanks last and the province line first', async ({ page, login }) => {
    await login('LEADERSHIP')
    await page.goto('/dasbor/indikator?year=2026&indicator=KSP_SEHAT')
    const table = page.locator('#tabel-indikator')
    await table.getByRole('columnheader', { name: 'Capaian' }).getByRole('link').click()
    await expect(page).toHaveURL(/\/dasbor\/indikator\?year=2026&indicator=KSP_SEHAT&sort=achievement&dir=desc#tabel-indikator$/)
    await expect(table.getByRole('columnheader', { name: 'Capaian' })).toHaveAttribute('aria-sort', 'descending')
    await expect(table).toBeInViewport()
    const lines = await table.locator('tr[data-regency]').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-regency'), r.querySelectorAll('td')[7]?.textContent ?? '']))
    expect(lines[0][0]).toBe('province')
    const achieved = lines.slice(1).map(([, text]) => (/\d/.test(text!) ? Number(text!.replace('%', '').replace(/\./g, '').replace(',', '.')) : null))
    expect(achieved).toHaveLength(38)
    const numbers = achieved.filter((a): a is number => a !== null)
    expect(numbers.length).toBeGreaterThan(1)
    // the figures first, largest first, then the regencies with none
    expect(achieved.slice(0, numbers.length)).toEqual([...numbers].sort((a, b) => b - a))
    expect(achieved.slice(numbers.length).every((a) => a === null)).toBe(true)
  })

  test('the indicator dashboard equals SQL over approved reports, and its filter lives in the URL', async ({ page, login }) => {
    await login('LEADERSHIP')
    await page.goto('/dasbor/indikator?year=2026')
    await page.locator('select[name="indicator"]').selectOption('KSP_SEHAT')
    await page.getByRole('button', { name: 'Terapkan' }).click()
    await expect(page).toHaveURL(/indicator=KSP_SEHAT/)
    // a stock: the latest approved quarter of the year
    const latest = await one<{ value: string | null }>(
      `SELECT (array_agg(v.value ORDER BY r.quarter DESC))[1]::text AS value FROM quarterly_reports r JOIN report_values v ON v.report_id = r.id
       WHERE r.regency_code = '35.17' AND r.year = 2026 AND r.status = 'APPROVED' AND v.indicator_code = 'KSP_SEHAT'`,
    )
    const target = await one<{ value: string }>(`SELECT value::text FROM indicator_targets WHERE indicator_code = 'KSP_SEHAT' AND year = 2026 AND quarter = 0 AND regency_code = '35.17'`)
    const row = page.locator('tr[data-regency="35.17"]')
    await expect(row.locator('td').nth(5)).toHaveText(formatNumber(Number(latest.value)))
    await expect(row.locator('td').nth(7)).toHaveText(pct2((Number(latest.value) / Number(target.value)) * 100))
    // each regency's bar in its status colour, judged against the full target (a stock), as the legend says
    const ranking = page.getByTestId('indicator-ranking')
    await expect(ranking).toContainText('yaitu target penuh (indikator stok atau persentase)')
    const [, onTrack, watch] = /≥ (\d+)% dari laju sesuai, ≥ (\d+)% perlu perhatian/.exec((await ranking.locator('p').first().textContent())!)!.map(Number)
    await expect(ranking.locator('.recharts-bar-rectangle').first()).toBeVisible()
    const fills = await ranking.locator('.recharts-bar-rectangle path').evaluateAll((paths) => paths.map((p) => p.getAttribute('fill')))
    // the regencies' rows (not the province's)
    const achieved = (await page.locator('tr[data-regency]').evaluateAll((rows) => rows.filter((r) => /^\d{2}\.\d{2}$/.test(r.getAttribute('data-regency') ?? '')).map((r) => r.querySelectorAll('td')[7]?.textContent ?? '')))
      .map((text) => (/\d/.test(text) ? Number(text.replace('%', '').replace(/\./g, '').replace(',', '.')) : null))
    const colour = (a: number | null) => (a === null ? '#94a3b8' : a >= onTrack ? '#2f8a52' : a >= watch ? '#d97706' : '#dc2626')
    expect(fills).toHaveLength(achieved.length)
    expect([...new Set(fills)].sort()).toEqual([...new Set(achieved.map(colour))].sort())
  })

  test('a Rupiah indicator’s table writes its amounts in words, the exact amount as the cell’s title, from SQL', async ({ page, login }) => {
    await login('LEADERSHIP')
    await page.goto('/dasbor/indikator?year=2026&indicator=OMZET_UMK')
    // a flow: the year's value is the sum of the approved quarters
    const year = await one<{ value: string | null }>(
      `SELECT sum(v.value)::text AS value FROM quarterly_reports r JOIN report_values v ON v.report_id = r.id
       WHERE r.regency_code = '35.17' AND r.year = 2026 AND r.status = 'APPROVED' AND v.indicator_code = 'OMZET_UMK'`,
    )
    expect(Number(year.value)).toBeGreaterThan(1e9)
    const cell = page.locator('tr[data-regency="35.17"] td').nth(5)
    await expect(cell).toHaveText(formatRupiahShort(Number(year.value)))
    await expect(cell.locator('[title]')).toHaveAttribute('title', formatRupiah(Number(year.value)))
    await expect(page.getByTestId('rupiah-rounded')).toContainText('nilai tepatnya')
    // a count keeps its digits, without the note
    await page.goto('/dasbor/indikator?year=2026&indicator=KSP_SEHAT')
    await expect(page.locator('tr[data-regency="35.17"] td').nth(5)).toHaveText(/^(\d{1,3}(\.\d{3})*|–)$/)
    await expect(page.getByTestId('rupiah-rounded')).toHaveCount(0)
  })

  test('an as-of day the page cannot show as asked is said under the filter, with the day shown', async ({ page, login }) => {
    await login('LEADERSHIP')
    await page.goto('/dasbor/kredit?program=PROKESRA-2024&asOf=31%2F02%2F2024')
    await expect(page.getByTestId('as-of-note')).toHaveText('“31/02/2024” bukan tanggal yang ada di kalender; angka ditampilkan per 31 Desember 2024.')
    await page.goto('/?program=PROKESRA-2024&asOf=2023-06-30')
    await expect(page.getByTestId('as-of-note')).toHaveText('30 Juni 2023 sebelum tahun Prokesra 2024; angka ditampilkan per 31 Desember 2024.')
    // a day not yet come: the figures stand at today
    await page.goto('/dasbor/kredit?program=PROKESRA-2024&asOf=2099-01-31')
    await expect(page.getByTestId('as-of-note')).toHaveText(/^31 Januari 2099 belum tiba; angka ditampilkan per \d{1,2} \S+ \d{4}\.$/)
    // a day the page shows as asked: no note
    await page.goto('/dasbor/wilayah/35.17?program=PROKESRA-2024&asOf=2024-08-31')
    await expect(page.getByTestId('as-of')).toContainText('31 Agustus 2024')
    await expect(page.getByTestId('as-of-note')).toHaveCount(0)
    await expect(page).toHaveTitle(/Kabupaten Jombang/)
    // the projection, rounded for the room, with its exact value to two decimals as on Beranda
    const projection = page.getByTestId('card-projection')
    await expect(projection.locator('[data-value]')).toHaveText(/^\d{1,3}(\.\d{3})*,\d%$/)
    await expect(projection.locator('[data-exact]')).toHaveText(/^tepatnya \d{1,3}(\.\d{3})*,\d{2}%$/)
  })

  test('the credit charts’ data tables fit their half-width cards, amounts as on the axis, and each card’s download sits at its top right', async ({ page, login, context, baseURL }) => {
    await login('LEADERSHIP')
    for (const [locale, ceiling] of [['id', 'Rp32,5 M'], ['en', 'Rp32.5bn']] as const) {
      await context.addCookies([{ name: 'NEXT_LOCALE', value: locale, url: baseURL! }])
      await page.goto('/dasbor/kredit?program=PROKESRA-2026&asOf=2026-11-21')
      const cards = [page.getByTestId('chart-realisation'), page.getByTestId('chart-absorption')]
      // side by side, half the row each
      const [a, b] = [(await cards[0].boundingBox())!, (await cards[1].boundingBox())!]
      expect(Math.abs(a.y - b.y)).toBeLessThanOrEqual(1)
      for (const card of cards) {
        const details = card.locator('details[data-chart-table]')
        await details.locator('summary').click()
        await expect(details.locator('table')).toBeVisible()
        // nothing to scroll sideways (the subsidy table's ceiling had been cut in half at the card's edge)
        expect(await details.locator('div.overflow-x-auto').evaluate((el) => el.scrollWidth <= el.clientWidth), locale).toBe(true)
        await expect(details.locator('[data-scroll-hint]')).toHaveCount(0)
        await expect(details.locator('[data-rounded-note]')).toBeVisible()
      }
      await expect(cards[1].locator('tbody tr').first().locator('td').last()).toHaveText(ceiling)
      // the download at the same place on both cards, whatever their titles' length (it had dropped under the longer one)
      const place = async (card: Locator) => {
        const [c, l] = [(await card.boundingBox())!, (await card.locator('[data-card-actions] a[download]').boundingBox())!]
        return [l.y - c.y, c.x + c.width - (l.x + l.width)]
      }
      const [p, q] = [await place(cards[0]), await place(cards[1])]
      expect(Math.abs(p[0] - q[0]), `${locale} top`).toBeLessThanOrEqual(1)
      expect(Math.abs(p[1] - q[1]), `${locale} right`).toBeLessThanOrEqual(1)
    }
  })

  test('a regency’s quarterly report badges stay on one line each', async ({ page, login }) => {
    await login('LEADERSHIP')
    await page.goto('/dasbor/wilayah/35.17')
    const badges = page.getByTestId('report-status').locator('li[data-quarter] > span:last-child > *')
    expect(await badges.count()).toBeGreaterThanOrEqual(8)
    // one line of text-xs is 16 px and the pill's padding 4: Triwulan IV's "Belum jatuh tempo" had been two lines tall
    for (const badge of await badges.all()) expect((await badge.boundingBox())!.height, await badge.textContent() ?? '').toBeLessThan(24)
  })

  test('every page prints without the sidebar and header', async ({ page, login }) => {
    await login('LEADERSHIP')
    for (const path of ['/?program=PROKESRA-2024&asOf=2024-08-31', '/dasbor/kredit?program=PROKESRA-2024&asOf=2024-08-31', '/dasbor/wilayah/35.17', '/dasbor/indikator']) {
      await page.goto(path)
      await expect(page.getByRole('button', { name: 'Cetak / PDF' })).toBeVisible()
      await page.emulateMedia({ media: 'print' })
      await expect(page.locator('aside')).toBeHidden()
      await expect(page.locator('header')).toBeHidden()
      await expect(page.getByRole('button', { name: 'Cetak / PDF' })).toBeHidden()
      await expect(page.locator('main h1')).toBeVisible()
      await page.emulateMedia({ media: 'screen' })
    }
  })

  test('printing opens the collapsed regency ranking, and closes it again after', async ({ page, login }) => {
    await login('LEADERSHIP')
    await page.goto('/dasbor/kredit?program=PROKESRA-2024&asOf=2024-08-31')
    const ranking = page.locator('details[data-print-open]')
    const row = page.locator('tr[data-regency="35.17"]')
    await expect(row).toBeHidden()
    // what the browser fires around Ctrl+P as around the page's own button
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')))
    await page.emulateMedia({ media: 'print' })
    await expect(ranking).toHaveJSProperty('open', true)
    await expect(row).toBeVisible()
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')))
    await page.emulateMedia({ media: 'screen' })
    await expect(ranking).toHaveJSProperty('open', false)
  })
})

test.describe('district officer', () => {
  test('reads its own regency against SQL, is refused another regency, and sees its bar marked', async ({ page, login }) => {
    await login('DISTRICT_OFFICER')
    const res = await page.goto('/dasbor/wilayah/35.07')
    expect(res?.status()).toBe(403)
    await expect(page.getByRole('heading', { name: 'Akses ditolak' })).toBeVisible()
    // the overview streams its skeleton first: the refusal is the 403 page inside the response
    await page.goto('/?regency=35.07')
    await expect(page.getByRole('heading', { name: 'Akses ditolak' })).toBeVisible()
    expect((await page.request.get('/api/dasbor/ekspor/bulanan?regency=35.07')).status()).toBe(403)

    await page.goto('/dasbor/wilayah/35.17?program=PROKESRA-2026&asOf=2026-11-21')
    const j = await credit('PROKESRA-2026', '2026-11-21', { regency: '35.17' })
    // Beranda opens on the officer's own regency, with the province beside it for comparison
    const beranda = await page.context().newPage()
    await beranda.goto('/?program=PROKESRA-2026&asOf=2026-11-21')
    await expect(beranda.getByTestId('as-of')).toContainText('Kabupaten Jombang')
    await expect(card(beranda, 'card-realisation').locator('[data-exact]')).toContainText(pct2(j.pct))
    const province = await credit('PROKESRA-2026', '2026-11-21')
    await expect(card(beranda, 'card-realisation').locator('[data-province]')).toContainText(pct1(province.pct))
    // an older link's empty regency= is the province
    await beranda.goto('/?program=PROKESRA-2026&asOf=2026-11-21&regency=')
    await expect(card(beranda, 'card-realisation').locator('[data-exact]')).toContainText(pct2(province.pct))
    // and so is "Seluruh provinsi" in the filter (the form had left the empty value out of the URL: Jombang again)
    await beranda.goto('/?program=PROKESRA-2026&asOf=2026-11-21')
    await beranda.getByLabel('Kabupaten/kota').selectOption({ label: 'Seluruh provinsi' })
    await beranda.getByRole('button', { name: 'Terapkan' }).click()
    await expect(beranda).toHaveURL(/[?&]regency=all(&|$)/)
    await expect(beranda.getByTestId('scope')).toHaveText('Seluruh provinsi')
    await expect(card(beranda, 'card-realisation').locator('[data-exact]')).toContainText(pct2(province.pct))
    await expect(beranda.getByLabel('Kabupaten/kota')).toHaveValue('all')
    // the tabs keep the province: the credit tab shows it, and its tabs lead on with it
    const tabs = beranda.getByRole('navigation', { name: 'Dasbor' })
    await tabs.getByRole('link', { name: 'Kredit' }).click()
    await expect(beranda).toHaveURL(/\/dasbor\/kredit\?.*regency=all/)
    await expect(beranda.getByTestId('scope')).toHaveText('Seluruh provinsi')
    await expect(beranda.getByTestId('realisation').locator('[data-value]')).toHaveText(pct2(province.pct))
    await expect(tabs.getByRole('link', { name: 'Ringkasan' })).toHaveAttribute('href', /[?&]regency=all(&|$)/)
    await expect(tabs.getByRole('link', { name: 'Indikator' })).toHaveAttribute('href', '/dasbor/indikator?regency=all')
    // with no regency in the URL every tab opens on the officer's own regency (the credit tab had opened on the province)
    await beranda.goto('/dasbor/kredit?program=PROKESRA-2026&asOf=2026-11-21')
    await expect(beranda.getByTestId('scope')).toHaveText('Kabupaten Jombang')
    await expect(beranda.getByTestId('realisation').locator('[data-value]')).toHaveText(pct2(j.pct))
    await expect(tabs.getByRole('link', { name: 'Ringkasan' })).toHaveAttribute('href', /[?&]regency=35\.17(&|$)/)
    await beranda.goto('/dasbor/indikator')
    await expect(beranda.getByLabel('Grafik untuk')).toHaveValue('35.17')
    await expect(tabs.getByRole('link', { name: 'Kredit' })).toHaveAttribute('href', '/dasbor/kredit?regency=35.17')
    await beranda.close()
    await expect(card(page, 'card-realisation').locator('[data-exact]')).toContainText(pct2(j.pct))
    await expect(card(page, 'card-realisation')).toContainText(formatRupiah(j.disbursed))
    await expect(card(page, 'card-beneficiaries').locator('[data-value]')).toHaveText(formatNumber(j.beneficiaries))
    await expect(page.getByTestId('report-status').locator('li')).toHaveCount(4)
    const monthly = await workbook(await download(page, page.getByRole('link', { name: 'Unduh .xlsx' })))
    expect(monthly.filter((r) => r['Realisasi kumulatif (Rp)'] !== null).at(-1)!['Realisasi kumulatif (Rp)']).toBe(j.disbursed)

    await page.goto('/dasbor/kredit?program=PROKESRA-2026&asOf=2026-11-21')
    await page.getByTestId('ranking').getByText('Kabupaten/kota: 38').click()
    await expect(page.locator('tr[data-regency="35.17"]')).toHaveClass(/bg-amber-50/)
    await expect(page.locator('tr[data-regency="35.17"]').getByRole('link')).toHaveCount(1)
    await expect(page.locator('tr[data-regency="35.07"]').getByRole('link')).toHaveCount(0)
    // Prokesra 2026 (running) is behind its pace on 21 November 2026
    await page.goto('/?program=PROKESRA-2026&asOf=2026-11-21')
    await expect(card(page, 'card-realisation')).toHaveAttribute('data-status', 'BEHIND')
  })
})

test.describe('bank officer', () => {
  test("sees its bank's figures only, on screen and in the export", async ({ page, login }) => {
    await login('BANK_OFFICER')
    await page.goto('/dasbor/kredit?program=PROKESRA-2024&asOf=2024-08-31&bank=nope')
    const c = await credit('PROKESRA-2024', '2024-08-31', { bank: 'BPRJATIM' })
    await expect(page.getByTestId('realisation').locator('[data-value]')).toHaveText(pct2(c.pct))
    await expect(page.getByTestId('realisation')).toContainText(formatRupiah(c.disbursed))
    const banks = page.getByTestId('breakdown-bank')
    await expect(banks.locator('tr[data-key]')).toHaveCount(1)
    await expect(banks).toContainText('BPR Jatim')
    const rows = await workbook(await download(page, banks.getByRole('link', { name: 'Unduh .xlsx' })))
    expect(rows).toEqual([expect.objectContaining({ Bank: 'BPR Jatim', 'Penyaluran (Rp)': c.disbursed, 'Penerima': c.beneficiaries })])
    // the overview has no register or reporting cards for a bank (it may not read them)
    await page.goto('/?program=PROKESRA-2024&asOf=2024-08-31')
    await expect(card(page, 'card-realisation').locator('[data-exact]')).toContainText(pct2(c.pct))
    await expect(card(page, 'card-completeness')).toHaveCount(0)
    await expect(card(page, 'card-active-coops')).toHaveCount(0)
    expect((await page.goto('/dasbor/indikator'))?.status()).toBe(403)
  })
})
