/**
 * Resolve the database for a command: DATABASE_URL when set (nothing is started), otherwise an
 * embedded PostgreSQL with its data in `dataDir` (or somewhere the `postgres` user can reach, see
 * embedded-db.ts). Writes the embedded URL to `.data/database-url`
 * so `npx prisma ...` in another terminal finds the running database.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { startEmbeddedPostgres, type EmbeddedDb } from './embedded-db'

export type ResolvedDatabase = { url: string; embedded?: EmbeddedDb; stop: () => Promise<void> }

export async function resolveDatabase(opts: {
  /** where the data should live; omitted: a throwaway cluster in a temporary folder */
  dataDir?: string
  database?: string
  persistent?: boolean
  publishUrl?: boolean
  log?: (m: string) => void
}): Promise<ResolvedDatabase> {
  const log = opts.log ?? console.log
  if (process.env.DATABASE_URL) {
    log('DATABASE_URL terpasang: memakai database itu, tanpa PostgreSQL bawaan.')
    return { url: process.env.DATABASE_URL, stop: async () => {} }
  }
  const embedded = await startEmbeddedPostgres({ dataDir: opts.dataDir, persistent: opts.persistent, log })
  const database = opts.database ?? 'lumbung'
  await embedded.createDatabase(database)
  const url = embedded.url(database)
  if (opts.publishUrl) {
    mkdirSync('.data', { recursive: true })
    writeFileSync('.data/database-url', url + '\n')
  }
  log(`PostgreSQL bawaan berjalan di 127.0.0.1:${embedded.port} (data: ${embedded.dataDir}).`)
  let stopped = false
  return {
    url,
    embedded,
    stop: async () => {
      if (stopped) return
      stopped = true
      if (opts.publishUrl) rmSync('.data/database-url', { force: true })
      await embedded.stop()
    },
  }
}
