// throwaway: screenshots of the main pages per role, 1440 and 390 px, id and en, then contact sheets
import { chromium } from '@playwright/test'
import { mkdirSync, readdirSync } from 'node:fs'
const base = process.argv[2]
const out = '/tmp/shots'
mkdirSync(out, { recursive: true })
const ROLES = {
  admin: ['Lumbung-Admin-2026', ['/', '/koperasi', '/umkm', '/kredit', '/laporan-triwulan', '/rapat', '/tindak-lanjut', '/impor', '/pengaturan', '/pengguna/klien-api', '/audit', '/notifikasi']],
  pimpinan: ['Lumbung-Pimpinan-2026', ['/dasbor/kredit', '/dasbor/wilayah/35.17', '/dasbor/indikator']],
  jombang: ['Lumbung-Jombang-2026', ['/', '/laporan-triwulan/35.17/2026/4']],
  bprjatim: ['Lumbung-BPRJatim-2026', ['/kredit/penyaluran', '/kredit/klaim']],
}
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] })
for (const lang of ['id', 'en']) {
  for (const [name, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
    for (const [user, [password, paths]] of Object.entries(ROLES)) {
      const ctx = await browser.newContext({ viewport, reducedMotion: 'reduce' })
      await ctx.addCookies([{ name: 'NEXT_LOCALE', value: lang, url: base }])
      const page = await ctx.newPage()
      await page.goto(`${base}/masuk`)
      await page.locator('#username, input[name=username]').first().fill(user)
      await page.locator('input[type=password]').first().fill(password)
      await page.getByRole('button', { name: /^(Masuk|Sign in)$/ }).click()
      await page.waitForURL((u) => !u.pathname.startsWith('/masuk'), { timeout: 30000 })
      for (const p of paths) {
        await page.goto(`${base}${p}`)
        await page.waitForLoadState('networkidle').catch(() => {})
        const file = `${out}/${lang}-${name}-${user}${p.replace(/\//g, '_') || '_'}.png`
        await page.screenshot({ path: file, fullPage: name === 'phone' ? false : false })
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
        if (overflow > 1) console.log(`OVERFLOW ${overflow}px ${lang} ${name} ${user} ${p}`)
      }
      await ctx.close()
    }
    // contact sheet
    const files = readdirSync(out).filter((f) => f.startsWith(`${lang}-${name}-`)).sort()
    const cols = name === 'desktop' ? 4 : 7
    const w = name === 'desktop' ? 450 : 250
    const html = `<body style="margin:0;font:11px sans-serif;display:grid;grid-template-columns:repeat(${cols},${w}px);gap:4px;background:#888">${files.map((f) => `<div style="background:#fff"><img src="file://${out}/${f}" style="width:${w}px;display:block"><div>${f}</div></div>`).join('')}</body>`
    const sheet = await browser.newPage({ viewport: { width: cols * (w + 4), height: 600 } })
    await sheet.setContent(html)
    await sheet.waitForTimeout(500)
    await sheet.screenshot({ path: `/tmp/sheet-${lang}-${name}.png`, fullPage: true })
    await sheet.close()
  }
}
await browser.close()
