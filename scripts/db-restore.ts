/**
 * `npm run db:restore -- <backup folder>`: put a backup made by `npm run db:backup` in place of the
 * embedded PostgreSQL's data (stop `npm run dev` first). The current data is kept beside it
 * (`<data>.sebelum-pemulihan-<time>`), never deleted. PostgreSQL then starts once here to replay the
 * backup's WAL, and the tables' row counts are printed.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs'
import path from 'node:path'
import { restoreBaseBackup, tableChecksums } from './lib/backup'
import { persistentPlacement, startEmbeddedPostgres } from './lib/embedded-db'

async function main() {
  const backup = process.argv[2]
  if (!backup) throw new Error('sebutkan folder cadangan: npm run db:restore -- backups/<waktu>')
  if (process.env.DATABASE_URL) throw new Error('DATABASE_URL terpasang: pulihkan PostgreSQL itu dengan mekanismenya sendiri (lihat README bagian Backups).')
  if (existsSync('.data/database-url')) throw new Error('PostgreSQL bawaan sedang berjalan (npm run dev): hentikan dulu.')
  const { dataDir, ids } = persistentPlacement('.data/postgres')
  const pid = existsSync(path.join(dataDir, 'postmaster.pid')) ? Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]) : 0
  if (pid) {
    let alive = true
    try {
      process.kill(pid, 0)
    } catch {
      alive = false
    }
    if (alive) throw new Error(`PostgreSQL masih berjalan pada ${dataDir} (pid ${pid}): hentikan dulu.`)
  }
  if (existsSync(dataDir)) {
    const aside = `${dataDir}.sebelum-pemulihan-${new Date().toISOString().replace(/[:.]/g, '-')}`
    renameSync(dataDir, aside)
    console.log(`Data lama disimpan di ${aside}.`)
  }
  const info = restoreBaseBackup(path.resolve(backup), dataDir, ids)
  const cluster = await startEmbeddedPostgres({ dataDir: '.data/postgres', persistent: true })
  try {
    const sums = await tableChecksums(cluster.url('lumbung'))
    const rows = Object.values(sums).reduce((a, t) => a + t.rows, 0)
    console.log(`Dipulihkan dari cadangan ${info.finishedAt}: ${Object.keys(sums).length} tabel, ${rows} baris.`)
  } finally {
    await cluster.stop()
  }
}

main().catch((e) => {
  console.error(`Pemulihan gagal: ${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
})
