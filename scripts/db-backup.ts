/**
 * `npm run db:backup [-- <folder>]`: a physical base backup of the embedded PostgreSQL (the default
 * without DATABASE_URL) into backups/<time>/ (or <folder>), taken while it runs. Started for the
 * duration when `npm run dev` is not running. A DATABASE_URL elsewhere is refused with the commands for
 * a managed PostgreSQL (README, "Backups").
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { baseBackup } from './lib/backup'
import { resolveDatabase } from './lib/with-database'
import { withDatabase } from '../tests/support/local-database'

async function main() {
  if (process.env.DATABASE_URL) {
    console.error('DATABASE_URL terpasang: cadangkan PostgreSQL itu dengan mekanismenya sendiri (snapshot layanan, atau `pg_dump --format=custom` versi mayor yang sama), lihat README bagian Backups.')
    process.exit(2)
  }
  const target = path.resolve(process.argv[2] ?? path.join('backups', new Date().toISOString().replace(/[:.]/g, '-')))
  // the cluster `npm run dev` runs, or the same data started for this command
  const running = existsSync('.data/database-url') ? readFileSync('.data/database-url', 'utf8').trim() : null
  const db = running ? { url: running, stop: async () => {} } : await resolveDatabase({ dataDir: '.data/postgres' })
  try {
    const info = await baseBackup(withDatabase(db.url, 'postgres'), target)
    console.log(`Cadangan selesai: ${target} (PostgreSQL ${info.serverVersion}, WAL ${info.startLsn} … ${info.stopLsn}).`)
    console.log(`Pulihkan dengan: npm run db:restore -- ${path.relative(process.cwd(), target)}`)
  } finally {
    await db.stop()
  }
}

main().catch((e) => {
  console.error(`Cadangan gagal: ${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
})
