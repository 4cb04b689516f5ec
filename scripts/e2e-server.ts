/**
 * The server Playwright tests run against: a throwaway embedded PostgreSQL (or the local
 * DATABASE_URL's server, in a fresh database), migrated and loaded with the demo data, and the
 * production build served by `next start`. Builds first when no build exists.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { ensureLocalEnv } from './lib/local-env'
import { resolveDatabase } from './lib/with-database'
import { prepareDatabase } from './lib/prepare-db'
import { runNext } from './lib/run-next'
import { EmbeddedDbError } from './lib/embedded-db'
import { assertLocalDatabaseUrl, withDatabase } from '../tests/support/local-database'

async function main() {
  ensureLocalEnv()
  if (process.env.DATABASE_URL) {
    assertLocalDatabaseUrl(process.env.DATABASE_URL)
    const name = `lumbung_e2e_${randomBytes(4).toString('hex')}`
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL })
    await admin.connect()
    await admin.query(`CREATE DATABASE "${name}"`)
    await admin.end()
    process.env.DATABASE_URL = withDatabase(process.env.DATABASE_URL, name)
  }
  // throwaway cluster (deleted when the server stops) unless DATABASE_URL is set
  const db = await resolveDatabase({ persistent: false })
  await prepareDatabase(db.url, { seed: true })
  // end-to-end tests compare screens with their own SQL on this database
  mkdirSync('test-results', { recursive: true })
  writeFileSync('test-results/e2e-database-url', db.url)
  if (!existsSync('.next/BUILD_ID')) {
    const r = spawnSync('node_modules/.bin/next', ['build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } })
    if (r.status !== 0) throw new Error('next build gagal')
  }
  runNext('start', db, Number(process.env.E2E_PORT ?? 3100))
}

main().catch((e) => {
  // an EmbeddedDbError is one sentence saying what to do; anything else keeps its stack
  console.error(e instanceof EmbeddedDbError ? e.message : e)
  process.exit(1)
})
