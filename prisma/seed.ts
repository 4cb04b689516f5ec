/**
 * Demo data entry point: `npm run seed` (through scripts/prisma.ts, which finds the embedded database; or
 * automatically on the first `npm run dev`). Never in a real deployment: there `npm run setup` (scripts/setup.ts).
 * Each part is idempotent (upserts / ON CONFLICT on natural keys), so running it twice changes nothing.
 * `npm run seed -- --scale large` adds the benchmark set (30,000 cooperatives, 300,000 MSMEs) on top.
 */
import { createPrismaClient } from '../lib/prisma-client'
import { seedReference } from './seed/reference'
import { seedDemoUsers, DEMO_USERS } from './seed/demo-users'
import { seedCredit } from './seed/credit'
import { seedReporting } from './seed/reporting'
import { LARGE_VOLUME, seedRegisters } from './seed/registers'
import { seedMeetings } from './seed/meetings'
import { seedActivities } from './seed/activities'

function scaleFlag(argv: string[]): 'demo' | 'large' {
  const i = argv.indexOf('--scale')
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--scale='))?.slice('--scale='.length)
  if (value === undefined || value === 'demo') return 'demo'
  if (value === 'large') return 'large'
  throw new Error(`--scale harus "demo" atau "large", bukan "${value}".`)
}

async function main() {
  const url = process.env.DATABASE_URL
  if (!url) throw new Error('DATABASE_URL belum diatur (jalankan lewat `npm run dev` atau `npm run prisma -- db seed`).')
  const scale = scaleFlag(process.argv.slice(2))
  const provinceCode = process.env.AGENCY_PROVINCE_CODE ?? '35'
  const db = createPrismaClient(url)
  const t0 = Date.now()
  // every step says when it is done, with the seconds since the start: the first `npm run dev` waits for this
  const progress = (m: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${m}`)
  try {
    progress('Memuat wilayah (Kemendagri) dan bank mitra ...')
    await seedReference(db)
    await seedDemoUsers(db)
    // The quarterly reports need only the regions: they load while the registers and the credit chain do
    // (which take turns: the credit programmes lend to the register's micro and small businesses).
    const [, reporting] = await Promise.all([
      (async () => {
        progress('Memuat register koperasi dan UMKM ...')
        await seedRegisters(db, { provinceCode })
        if (scale === 'large') await seedRegisters(db, { provinceCode, volume: LARGE_VOLUME })
        progress('Memuat program kredit, pinjaman, jadwal subsidi dan klaim ...')
        await seedCredit(db, provinceCode, { url, progress })
      })(),
      (async () => {
        progress('Memuat laporan triwulan (bersamaan) ...')
        const r = await seedReporting(db, provinceCode)
        progress('Laporan triwulan dimuat.')
        return r
      })(),
    ])
    // after credit and reporting: decisions link to their programmes and indicators
    const meetings = await seedMeetings(db, provinceCode)
    // after the registers: the beneficiaries are the register's cooperatives and MSMEs
    await seedActivities(db, provinceCode)
    const [coops, msmes] = await Promise.all([db.cooperative.count({ where: { deletedAt: null } }), db.msme.count({ where: { deletedAt: null } })])
    console.log(
      `Data demo dimuat (provinsi ${provinceCode}${scale === 'large' ? ', skala besar' : ''}): wilayah, bank mitra, ${DEMO_USERS.length} pengguna, ` +
        `${coops.toLocaleString('id-ID')} koperasi, ${msmes.toLocaleString('id-ID')} UMKM, program kredit, ${reporting.reports} laporan triwulan, ${meetings} rapat koordinasi baru (${((Date.now() - t0) / 1000).toFixed(1)} s).`,
    )
  } finally {
    await db.$disconnect()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
