import { randomUUID } from 'node:crypto'
import { expect, test } from './fixtures'
import { sql } from './db'

// The demo data (prisma/seed/reporting.ts): Kabupaten Jombang's Triwulan III 2026 is a draft, due on
// 15 October 2026. The reminder job is queued as the server's schedule queues it (a row in `jobs`), judged
// on 10 October 2026 at 10.00 WIB, and run by the server's own worker.
const DUE = 'Laporan Triwulan III 2026 jatuh tempo 15 Oktober 2026'

test('the district officer sees a reminder for its due report: bell count, list, link to the report', async ({ page, login }) => {
  const job = randomUUID()
  await sql(
    `INSERT INTO jobs (id, kind, payload, max_attempts, run_at) VALUES ($1, 'reminders.scan', $2::jsonb, 1, (now() AT TIME ZONE 'UTC') - interval '1 minute')`,
    [job, JSON.stringify({ now: '2026-10-10T03:00:00.000Z', once: true })],
  )
  await expect.poll(async () => (await sql<{ state: string }>('SELECT state::text AS state FROM jobs WHERE id = $1', [job]))[0]?.state, { timeout: 30_000 }).toBe('SUCCEEDED')
  // the reminder exists once for the officer, whatever else the server's own hourly scan found
  const rows = await sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'jombang' AND n.event_key = 'report-due:35.17:2026-3'`,
  )
  expect(rows[0].n).toBe(1)
  const unread = async () =>
    (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = 'jombang' AND n.read_at IS NULL`))[0].n

  await login('DISTRICT_OFFICER')
  const before = await unread()
  expect(before).toBeGreaterThanOrEqual(1)
  const bell = page.getByTestId('notification-bell')
  await expect(bell).toHaveAccessibleName(`Pemberitahuan: ${before} belum dibaca`)
  await expect(page.getByTestId('notification-count')).toHaveText(String(before))

  await bell.click()
  await expect(page).toHaveURL(/\/notifikasi\?tampil=belum$/)
  await expect(page.getByRole('heading', { name: 'Pemberitahuan', level: 1 })).toBeVisible()
  const item = page.getByRole('listitem').filter({ hasText: DUE })
  await expect(item).toContainText('Laporan triwulan Kabupaten Jombang untuk Triwulan III 2026 belum dikirim; batas waktunya 15 Oktober 2026.')

  // opening it marks it read and leads to the report
  await item.getByRole('button', { name: DUE, exact: true }).click()
  await expect(page).toHaveURL(/\/laporan-triwulan\/35\.17\/2026\/3$/)
  await expect(page.getByRole('heading', { name: 'Triwulan III 2026: Kabupaten Jombang' })).toBeVisible()
  await expect(bell).toHaveAccessibleName(before - 1 === 0 ? 'Pemberitahuan: tidak ada yang belum dibaca' : `Pemberitahuan: ${before - 1} belum dibaca`)
  expect(await unread()).toBe(before - 1)

  // still in the full list, as read
  await page.goto('/notifikasi')
  await expect(page.getByRole('listitem').filter({ hasText: DUE })).toContainText('Dibaca')
})
