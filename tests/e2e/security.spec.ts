/**
 * Security against the production build (`next start`): response headers, real statuses on streamed
 * pages, hostile requests answered without a stack trace, SQL or file path, throttling by the socket
 * address whatever X-Forwarded-For says, and sessions ended on the server.
 */
import { expect, signIn, test, demo } from './fixtures'
import { sql } from './db'
import { MAX_BODY_BYTES } from '../../lib/upload-limits'

/** Nothing a response may show: a stack frame, SQL, a file path of the server, an internal error name. */
const LEAKS = /\bat [\w$.<>]+ \(|node_modules|\/work\/|\.next\/server|\bSELECT\b|\bINSERT INTO\b|PrismaClient|invalid byte sequence|TypeError|ECONNREFUSED/

test('pages carry a nonce CSP without unsafe-inline scripts, framing refused, nosniff and a referrer policy', async ({ page, login }) => {
  await login('ADMIN')
  const res = await page.goto('/koperasi')
  const headers = res!.headers()
  const csp = headers['content-security-policy']
  const scriptSrc = /script-src ([^;]+)/.exec(csp)![1]
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1]
  expect(nonce, csp).toBeTruthy()
  expect(scriptSrc).not.toContain("'unsafe-inline'")
  expect(scriptSrc).not.toContain("'unsafe-eval'")
  expect(csp).toContain("frame-ancestors 'none'")
  expect(csp).toContain("object-src 'none'")
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['x-frame-options']).toBe('DENY')
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
  // every script of the page carries this response's nonce, so the policy lets the app (and nothing else) run
  const html = await res!.text()
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
  expect(scripts.length).toBeGreaterThan(0)
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
  // a fresh nonce per response
  const again = (await page.request.get('/koperasi')).headers()['content-security-policy']
  expect(again).not.toBe(csp)
  // and the app still works under it: a client-side filter navigation
  await page.getByRole('link', { name: 'Koperasi' }).first().click()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  // API answers carry a policy too, and HSTS is sent once the app is reached over HTTPS
  const api = await page.request.get('/api/health')
  expect(api.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
  const https = await page.request.get('/koperasi', { headers: { 'x-forwarded-proto': 'https' } })
  expect(https.headers()['strict-transport-security']).toMatch(/max-age=\d{7,}/)
})

test('not-found and forbidden answers on the streamed pages carry their real status (404, 403)', async ({ page, login, browser }) => {
  await login('ADMIN')
  for (const path of ['/koperasi/tidak-ada', '/umkm/tidak-ada', '/?program=TIDAK-ADA-2099', '/dasbor/kredit?program=TIDAK-ADA-2099', '/dasbor/indikator?indicator=TIDAK_ADA', '/dasbor/wilayah/35.78?program=TIDAK-ADA-2099']) {
    const res = await page.goto(path)
    expect(res?.status(), path).toBe(404)
    await expect(page.getByRole('heading', { name: 'Halaman tidak ditemukan' })).toBeVisible()
  }
  const bank = await browser.newContext()
  const bp = await bank.newPage()
  await signIn(bp, demo('BANK_OFFICER').username, demo('BANK_OFFICER').password)
  for (const path of ['/koperasi', '/umkm', '/dasbor/indikator']) {
    const res = await bp.goto(path)
    expect(res?.status(), path).toBe(403)
    await expect(bp.getByRole('heading', { name: 'Akses ditolak' })).toBeVisible()
  }
  await bank.close()
})

test('hostile requests get a clear 4xx and never a stack trace, SQL or a file path', async ({ page, login }) => {
  await login('ADMIN')
  // a NUL byte and LIKE wildcards in searches
  for (const path of ['/koperasi?q=%00', '/umkm?q=%00', '/kredit/penyaluran?q=%00', '/pengguna?q=%00', '/koperasi?q=%25']) {
    const res = await page.goto(path)
    expect(res?.status(), path).toBe(200)
    expect(await res!.text()).not.toMatch(LEAKS)
  }
  for (const path of ['/api/koperasi/ekspor?format=csv&q=%00', '/api/umkm/ekspor?format=csv&q=%00', '/api/kredit/penyaluran/ekspor?format=csv&q=%00', '/api/pengguna/ekspor?format=csv&q=%00']) {
    const res = await page.request.get(path)
    expect(res.status(), path).toBe(400)
    const body = await res.text()
    expect(body).toContain('karakter')
    expect(body).not.toMatch(LEAKS)
  }
  const koperasiPercent = await page.request.get('/api/koperasi/ekspor?format=csv&q=%25')
  expect(koperasiPercent.status()).toBe(200)
  expect((await koperasiPercent.text()).trim().split('\n')).toHaveLength(1) // the header only: no name holds a %

  // a server action sent a JSON body, and one of 2 MB (over the framework's default 1 MB)
  await page.goto('/pengguna/baru')
  const posted = page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']))
  await page.getByRole('button', { name: 'Simpan' }).click()
  const action = (await posted).headers()['next-action']
  for (const data of [JSON.stringify([null, { username: 'json', name: 'JSON', role: 'ADMIN' }]), JSON.stringify([null, { pad: 'x'.repeat(2 * 1024 * 1024) }])]) {
    const res = await page.request.post('/pengguna/baru', { headers: { 'Next-Action': action, Accept: 'text/x-component', 'Content-Type': 'text/plain;charset=UTF-8' }, data })
    expect(res.status()).toBeLessThan(500)
    const body = await res.text()
    expect(body).toContain('Periksa kembali isian yang ditandai.')
    expect(body).not.toMatch(LEAKS)
  }
  // a body over the limit (the largest import file plus room for the form: IMPORT_MAX_FILE_MB) is refused before it is read, with a sentence
  const huge = await page.request.post('/pengguna/baru', { headers: { 'Next-Action': action, 'Content-Type': 'text/plain;charset=UTF-8' }, data: 'x'.repeat(MAX_BODY_BYTES + 1024 * 1024) })
  expect(huge.status()).toBe(413)
  expect(await huge.text()).toContain('terlalu besar')
  // the same action posted from another site: refused with a sentence (Next alone answers 500)
  const crossSite = await page.request.post('/pengguna/baru', { headers: { 'Next-Action': action, Origin: 'https://situs-lain.example', 'Content-Type': 'text/plain;charset=UTF-8' }, data: '[]' })
  expect(crossSite.status()).toBe(403)
  expect(await crossSite.text()).toBe('Permintaan dari situs lain ditolak.')
  // unknown pages and routes, and a path whose percent-encoding does not decode
  for (const path of ['/tidak/ada/sama/sekali', '/api/tidak-ada', '/kredit/klaim/%00', '/rapat/%E0%A4%A', '/api/rapat/%E0%A4%A/notulen']) {
    const res = await page.request.get(path)
    expect(res.status(), path).toBeGreaterThanOrEqual(400)
    expect(res.status(), path).toBeLessThan(500)
    expect(await res.text()).not.toMatch(LEAKS)
  }
})

test('throttling counts the socket address: a forged X-Forwarded-For does not buy more guesses', async ({ browser }) => {
  const username = `penebak-${Date.now()}`
  const context = await browser.newContext()
  const page = await context.newPage()
  const messages: string[] = []
  for (let i = 0; i < 6; i++) {
    await context.setExtraHTTPHeaders({ 'x-forwarded-for': i % 2 ? `198.51.100.${i}` : ',' })
    await page.goto('/masuk')
    await page.getByLabel('Nama pengguna').fill(username)
    await page.getByLabel('Kata sandi').fill('bukan-sandinya-sama-sekali')
    await page.getByRole('button', { name: 'Masuk' }).click()
    const message = page.getByText(/kata sandi salah|Terlalu banyak percobaan/)
    await expect(message).toBeVisible()
    messages.push((await message.textContent()) ?? '')
  }
  expect(messages.slice(0, 5).every((m) => /kata sandi salah/.test(m))).toBe(true)
  expect(messages[5]).toMatch(/Terlalu banyak percobaan masuk yang gagal/)
  const ips = await sql<{ ip: string }>('SELECT DISTINCT ip FROM sign_in_attempts WHERE username = $1', [username])
  expect(ips.map((r) => r.ip)).toEqual(['127.0.0.1'])
  await context.close()
})

test('signing out everywhere ends the session in every browser at once', async ({ browser }) => {
  const u = demo('LEADERSHIP')
  const [a, b] = [await browser.newContext(), await browser.newContext()]
  const [pa, pb] = [await a.newPage(), await b.newPage()]
  await signIn(pa, u.username, u.password)
  await signIn(pb, u.username, u.password)
  // a copy of b's cookie, as if stolen
  const stolen = await browser.newContext()
  await stolen.addCookies(await b.cookies())
  const ps = await stolen.newPage()
  await ps.goto('/akun')
  await expect(ps).toHaveURL(/\/akun$/)
  await pa.goto('/akun')
  await pa.getByRole('button', { name: 'Keluar dari semua perangkat' }).click()
  await pa.getByRole('dialog').getByRole('button', { name: 'Ya, keluar dari semua' }).click()
  await expect(pa).toHaveURL(/\/masuk\?sesi=keluar-semua/)
  for (const p of [pb, ps]) {
    await p.goto('/akun')
    await expect(p).toHaveURL(/\/masuk/)
  }
  for (const c of [a, b, stolen]) await c.close()
})
