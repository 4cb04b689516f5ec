import AxeBuilder from '@axe-core/playwright'
import { expect, test, type DemoRole } from './fixtures'

/**
 * axe-core on the main pages of each role: no serious or critical violation of WCAG 2.1 A/AA.
 * (Charts load when on screen; the check runs on what a user sees after loading.)
 */
const PAGES: Record<DemoRole, string[]> = {
  ADMIN: ['/', '/koperasi', '/koperasi/baru', '/koperasi/terhapus', '/umkm', '/umkm/baru', '/umkm/terhapus', '/kredit', '/kredit/klaim', '/laporan-triwulan', '/rapat', '/rapat/demo-rakor-prokesra-2024', '/tindak-lanjut', '/pengguna', '/pengguna/klien-api', '/pengguna/klien-api/referensi', '/impor', '/audit', '/akun', '/pengaturan/aturan', '/pengaturan/aturan/baru', '/pengaturan/bank', '/pengaturan/hari-libur', '/pengaturan/hari-libur/baru', '/kegiatan', '/kegiatan/baru', '/kegiatan/demo-kegiatan-sertifikasi-1', '/target-program', '/target-program/demo-target-10-ksp-sehat', '/target-program/baru'],
  LEADERSHIP: ['/', '/dasbor/kredit', '/dasbor/wilayah/35.17', '/dasbor/indikator', '/rapat/demo-rakor-prokesra-2024/bahan'],
  DISTRICT_OFFICER: ['/', '/laporan-triwulan', '/laporan-triwulan/35.17/2026/4', '/tindak-lanjut', '/notifikasi'],
  BANK_OFFICER: ['/kredit', '/kredit/penyaluran', '/kredit/penyaluran/baru', '/kredit/klaim/baru'],
}

// a few pages per test, so one test stays well inside its time on a busy machine
const CHUNKS = (Object.entries(PAGES) as [DemoRole, string[]][]).flatMap(([role, paths]) =>
  Array.from({ length: Math.ceil(paths.length / 5) }, (_, i) => [role, paths.slice(i * 5, i * 5 + 5)] as const),
)

for (const [role, paths] of CHUNKS) {
  test(`${role}: ${paths.join(', ')} have no serious or critical accessibility violation`, async ({ page, login }) => {
    test.slow()
    await login(role)
    const found: string[] = []
    for (const path of paths) {
      await page.goto(path)
      await page.waitForLoadState('networkidle')
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
      for (const v of violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
        found.push(`${path}: ${v.id} (${v.impact}) ${v.help} → ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)
      }
    }
    expect(found).toEqual([])
  })
}
