/**
 * The server Playwright tests run against: a throwaway embedded PostgreSQL (or the local
 * DATABASE_URL's server, in a fresh database), migrated and loaded with the demo data, and the
 * production build served by `next start`. Builds first when no build exists.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { ensureLocalEnv } from './lib/local-env'
import { resolveDatabase } from './lib/with-database'
import { prepareDatabase } from './lib/prepare-db'
import { runNext } from './lib/run-next'
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
  const dir = mkdtempSync(path.join(tmpdir(), 'lumbung-e2e-'))
  const db = await resolveDatabase({ dataDir: path.join(dir, 'pg'), persistent: false })
  await prepareDatabase(db.url, { seed: true })
  // the dashboard tests check the figures on screen against their own SQL on this database
  mkdirSync('test-results', { recursive: true })
  writeFileSync('test-results/e2e-database-url', db.url)
  if (!existsSync('.next/BUILD_ID')) {
    const r = spawnSync('node_modules/.bin/next', ['build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } })
    if (r.status !== 0) throw new Error('next build gagal')
  }
  runNext('start', db, Number(process.env.E2E_PORT ?? 3100))
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
