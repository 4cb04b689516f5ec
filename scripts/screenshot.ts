/**
 * Developer tool: screenshots of pages in Debian's Chromium, desktop and phone, to look at.
 * `npx tsx scripts/screenshot.ts http://localhost:3000 /path1 /path2 ... [--login user:password] [--out dir]`
 */
import { chromium, type Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'

const args = process.argv.slice(2)
const base = args.shift()!
const flag = (name: string) => {
  const i = args.indexOf(name)
  if (i < 0) return undefined
  const v = args[i + 1]
  args.splice(i, 2)
  return v
}
const login = flag('--login')
const out = flag('--out') ?? '/tmp/shots'
const paths = args

async function signIn(page: Page) {
  if (!login) return
  const [username, password] = login.split(':')
  await page.goto(`${base}/masuk`)
  await page.getByLabel(/nama pengguna|username/i).fill(username)
  await page.getByLabel(/kata sandi|password/i).fill(password)
  await page.getByRole('button', { name: /masuk|sign in/i }).click()
  await page.waitForURL((u) => !u.pathname.startsWith('/masuk'))
}

async function main() {
  mkdirSync(out, { recursive: true })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  for (const [name, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
    const ctx = await browser.newContext({ viewport, reducedMotion: 'reduce', locale: 'id-ID' })
    const page = await ctx.newPage()
    await signIn(page)
    for (const p of paths) {
      await page.goto(`${base}${p}`, { waitUntil: 'networkidle' })
      const file = `${out}/${(p.replace(/[^a-z0-9]+/gi, '_') || 'root').replace(/^_|_$/g, '') || 'root'}-${name}.png`
      await page.screenshot({ path: file, fullPage: true })
      console.log(file)
    }
    await ctx.close()
  }
  await browser.close()
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
