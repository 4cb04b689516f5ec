/**
 * `npm run prisma -- <args>`: the Prisma CLI against DATABASE_URL, or against the embedded database
 * (started for the command and stopped after it when `npm run dev` is not already running).
 */
import { existsSync, readFileSync } from 'node:fs'
import pg from 'pg'
import { resolveDatabase } from './lib/with-database'
import { prismaCli } from './lib/prepare-db'

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.end()
    return true
  } catch {
    return false
  }
}

async function main() {
  const args = process.argv.slice(2)
  // `npm run dev` is running: use its database (the file may be stale after a kill -9)
  const running = existsSync('.data/database-url') ? readFileSync('.data/database-url', 'utf8').trim() : ''
  if (!process.env.DATABASE_URL && running && (await reachable(running))) {
    prismaCli(args, running)
    return
  }
  const db = await resolveDatabase({ dataDir: '.data/postgres' })
  try {
    prismaCli(args, db.url)
  } finally {
    await db.stop()
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
