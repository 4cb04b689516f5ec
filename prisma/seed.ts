/**
 * Demo data entry point: `npm run seed` (or automatically on the first `npm run dev`).
 * Each part is idempotent (upserts / ON CONFLICT on natural keys), so running it twice changes nothing.
 */
import { createPrismaClient } from '../lib/prisma-client'
import { seedReference } from './seed/reference'
import { seedDemoUsers, DEMO_USERS } from './seed/demo-users'
import { seedCredit } from './seed/credit'
import { seedReporting } from './seed/reporting'

async function main() {
  const url = process.env.DATABASE_URL
  if (!url) throw new Error('DATABASE_URL belum diatur (jalankan lewat `npm run dev` atau `npm run prisma -- db seed`).')
  const db = createPrismaClient(url)
  try {
    const t0 = Date.now()
    await seedReference(db)
    await seedDemoUsers(db)
    await seedCredit(db, process.env.AGENCY_PROVINCE_CODE ?? '35')
    const reporting = await seedReporting(db, process.env.AGENCY_PROVINCE_CODE ?? '35')
    console.log(`Data demo dimuat: wilayah, bank mitra, ${DEMO_USERS.length} pengguna, program kredit, ${reporting.reports} laporan triwulan (${((Date.now() - t0) / 1000).toFixed(1)} s).`)
  } finally {
    await db.$disconnect()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
