/**
 * Two `next start` processes on one database, as behind a load balancer: sign-in throttling counts
 * across both, a session ended on one is refused on the other, and a stale edit on one is refused after
 * a save on the other. The second instance is started here on the same build, database and secret.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { expect, signIn, test, demo } from './fixtures'
import { sql } from './db'

const SECOND_PORT = Number(process.env.E2E_PORT ?? 3100) + 7
const second = `http://127.0.0.1:${SECOND_PORT}`
let child: ChildProcess | undefined

test.beforeAll(async () => {
  test.setTimeout(120_000)
  child = spawn('node_modules/.bin/next', ['start', '--port', String(SECOND_PORT)], {
    env: { ...process.env, DATABASE_URL: readFileSync('test-results/e2e-database-url', 'utf8').trim(), NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  })
  for (let i = 0; i < 240; i++) {
    const ok = await fetch(`${second}/api/health`).then((r) => r.ok, () => false)
    if (ok) return
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error('the second instance did not start')
})

test.afterAll(() => {
  child?.kill('SIGTERM')
})

test('throttling counts sign-in failures made on both instances', async ({ browser }) => {
  const username = `penebak-dua-${Date.now()}`
  const context = await browser.newContext()
  const page = await context.newPage()
  const attempt = async (base: string) => {
    await page.goto(`${base}/masuk`)
    await page.getByLabel('Nama pengguna').fill(username)
    await page.getByLabel('Kata sandi').fill('bukan-sandinya-sama-sekali')
    await page.getByRole('button', { name: 'Masuk' }).click()
    const message = page.getByText(/kata sandi salah|Terlalu banyak percobaan/)
    await expect(message).toBeVisible()
    return (await message.textContent()) ?? ''
  }
  // five failures, alternating between the instances, then the sixth is refused on either
  for (let i = 0; i < 5; i++) expect(await attempt(i % 2 ? second : '')).toMatch(/kata sandi salah/)
  expect(await attempt(second)).toMatch(/Terlalu banyak percobaan/)
  expect(await attempt('')).toMatch(/Terlalu banyak percobaan/)
  await context.close()
})

test('a session ended on one instance is refused on the other', async ({ browser }) => {
  const u = demo('LEADERSHIP')
  const a = await browser.newContext()
  const pa = await a.newPage()
  await signIn(pa, u.username, u.password)
  // the same cookie sent to the second instance (as a load balancer would)
  const b = await browser.newContext()
  await b.addCookies((await a.cookies()).map((c) => ({ ...c, domain: '127.0.0.1' })))
  const pb = await b.newPage()
  await pb.goto(`${second}/akun`)
  await expect(pb).toHaveURL(/\/akun$/)
  await pa.goto('/akun')
  await pa.getByRole('button', { name: 'Keluar dari semua perangkat' }).click()
  await pa.getByRole('dialog').getByRole('button', { name: 'Ya, keluar dari semua' }).click()
  await expect(pa).toHaveURL(/\/masuk/)
  await pb.goto(`${second}/akun`)
  await expect(pb).toHaveURL(/\/masuk/)
  await a.close()
  await b.close()
})

test('a stale edit on one instance is refused after a save on the other', async ({ browser }) => {
  const [{ id }] = await sql<{ id: string }>(`SELECT id FROM cooperatives WHERE regency_code = '35.17' ORDER BY id LIMIT 1`)
  const u = demo('ADMIN')
  const [a, b] = [await browser.newContext(), await browser.newContext()]
  const [pa, pb] = [await a.newPage(), await b.newPage()]
  await signIn(pa, u.username, u.password)
  await signIn(pb, u.username, u.password)
  await pa.goto(`/koperasi/${id}/ubah`)
  await pb.goto(`${second}/koperasi/${id}/ubah`)
  await pa.getByLabel('Nama koperasi').fill('Koperasi Instans Pertama')
  await pa.getByRole('button', { name: 'Simpan' }).click()
  await expect(pa.getByRole('status').filter({ hasText: 'Perubahan disimpan.' })).toBeVisible()
  await pb.getByLabel('Nama koperasi').fill('Koperasi Instans Kedua')
  await pb.getByRole('button', { name: 'Simpan' }).click()
  await expect(pb.getByText(/sudah diubah/)).toBeVisible()
  const [row] = await sql<{ name: string }>('SELECT name FROM cooperatives WHERE id = $1', [id])
  expect(row.name).toBe('Koperasi Instans Pertama')
  await a.close()
  await b.close()
})
