import { MESSAGES } from '../../lib/i18n/messages'
import { expect, test, type DemoRole } from './fixtures'

/**
 * The English interface shows no Indonesian: every Indonesian message of the catalogue that differs
 * from its English one (and is long enough to be unambiguous) must be absent from the visible text
 * of each page walked, for each role.
 */
function strings(tree: unknown): string[] {
  if (typeof tree === 'string') return [tree]
  return tree && typeof tree === 'object' ? Object.values(tree).flatMap(strings) : []
}
const english = new Set(strings(MESSAGES.en))
// the fixed parts of each Indonesian message (placeholders split it), 14+ characters, not also English
const INDONESIAN = [...new Set(strings(MESSAGES.id).flatMap((m) => m.split(/\{[^}]*\}/)).map((p) => p.trim()).filter((p) => p.length >= 14 && ![...english].some((e) => e.includes(p))))]

const PAGES: Record<DemoRole, string[]> = {
  ADMIN: ['/', '/koperasi', '/umkm/baru', '/rapat', '/rapat/demo-rakor-prokesra-2024', '/tindak-lanjut', '/audit'],
  LEADERSHIP: ['/', '/dasbor/kredit', '/rapat/demo-rakor-prokesra-2024/bahan'],
  DISTRICT_OFFICER: ['/', '/laporan-triwulan/35.17/2026/4'],
  BANK_OFFICER: ['/kredit', '/kredit/penyaluran'],
}

for (const [role, paths] of Object.entries(PAGES) as [DemoRole, string[]][]) {
  test(`${role}: the English interface shows no Indonesian message`, async ({ page, login, context, baseURL }) => {
    test.slow()
    await login(role)
    await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL! }])
    const found: string[] = []
    for (const path of paths) {
      await page.goto(path)
      await page.waitForLoadState('networkidle')
      // stored text (minutes, outcomes, names) stays in the language it was written in
      const text = (await page.evaluate(() => {
        const body = document.body.cloneNode(true) as HTMLElement
        body.querySelectorAll('[data-user-content], script, style, template').forEach((n) => n.remove())
        return body.textContent ?? ''
      })).replace(/\s+/g, ' ')
      for (const phrase of INDONESIAN) if (text.includes(phrase)) found.push(`${path}: “${phrase}”`)
    }
    expect(found).toEqual([])
  })
}

test('a form the server refuses answers in English: the message and the field’s error', async ({ page, login, context, baseURL }) => {
  await login('ADMIN')
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL! }])
  await page.goto('/koperasi/baru')
  await page.getByLabel('Cooperative NIK').fill('123')
  await page.getByLabel('Cooperative name').fill('Koperasi Uji Bahasa')
  await page.getByRole('button', { name: /^Save/ }).click()
  await expect(page.getByText('Check the marked fields.')).toBeVisible()
  await expect(page.getByText('The cooperative NIK must be 16 digits.')).toBeVisible()
  await expect(page.getByLabel('Cooperative NIK')).toHaveAttribute('aria-invalid', 'true')
})

test('the health template reads in English: its components’ words and its ratio bands’ decimals', async ({ page, login, context, baseURL }) => {
  await login('ADMIN')
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL! }])
  await page.goto('/pengaturan/kesehatan')
  const pr2 = page.getByRole('row', { name: /^PR2/ })
  await expect(pr2).toContainText('Loans granted to total productive assets')
  await expect(pr2).toContainText('Loans granted ÷ Total productive assets')
  await expect(page.getByRole('row', { name: /^KK1/ })).toContainText('7.5:100; 5:75; 2.5:50')
})
