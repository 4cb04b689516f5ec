/**
 * `npm run db:backup` / `npm run db:restore` (scripts/lib/backup.ts): a base backup of a running cluster
 * restored into a fresh data directory starts, and every table has the same row count and checksum as
 * when the backup was taken; what was written after the backup is not in it.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, expect, it } from 'vitest'
import { baseBackup, restoreBaseBackup, tableChecksums } from '../../scripts/lib/backup'
import { persistentPlacement, startEmbeddedPostgres, type EmbeddedDb } from '../../scripts/lib/embedded-db'
import { prismaCli } from '../../scripts/lib/prepare-db'

const clusters: EmbeddedDb[] = []
const folders: string[] = []
afterAll(async () => {
  for (const c of clusters) await c.stop()
  for (const f of folders) rmSync(f, { recursive: true, force: true })
})

async function run(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    await c.query(sql)
  } finally {
    await c.end()
  }
}

it('restores a base backup of a running cluster into a fresh data directory with every table equal', { timeout: 180_000 }, async () => {
  const source = await startEmbeddedPostgres({ persistent: false })
  clusters.push(source)
  await source.createDatabase('lumbung')
  const url = source.url('lumbung')
  prismaCli(['migrate', 'deploy'], url)
  await run(url, `
    INSERT INTO users (id, username, name, role, password_hash, updated_at)
      SELECT 'u' || g, 'pengguna' || g, 'Pengguna ' || g, 'LEADERSHIP', 'x', now() FROM generate_series(1, 200) g;
    INSERT INTO sign_in_attempts (username, ip, success) SELECT 'pengguna' || g, '203.0.113.1', g % 3 = 0 FROM generate_series(1, 2000) g;
    INSERT INTO audit_logs (username, role, action, entity, after)
      SELECT 'pengguna' || g, 'ADMIN', 'UPDATE', 'User', jsonb_build_object('n', g, 'nama', 'Sĕjahtera ✓') FROM generate_series(1, 500) g;`)
  const before = await tableChecksums(url)
  expect(before.users.rows).toBe(200)

  const folder = mkdtempSync(path.join(os.tmpdir(), 'lumbung-cadangan-'))
  folders.push(folder)
  // the restored cluster runs as `postgres` when we are root: it must reach the folder
  chmodSync(folder, 0o755)
  const info = await baseBackup(source.url('postgres'), path.join(folder, 'cadangan'))
  expect(info.serverVersion).toMatch(/^17\./)
  // written after the backup: must not come back
  await run(url, `INSERT INTO users (id, username, name, role, password_hash, updated_at) VALUES ('sesudah', 'sesudah', 'Sesudah', 'ADMIN', 'x', now())`)

  const dataDir = path.join(folder, 'pulih')
  const placement = persistentPlacement(dataDir)
  expect(placement.dataDir).toBe(dataDir) // never the checkout's own data
  const { ids } = placement
  restoreBaseBackup(path.join(folder, 'cadangan'), dataDir, ids)
  const restored = await startEmbeddedPostgres({ dataDir, persistent: true })
  clusters.push(restored)
  expect(await tableChecksums(restored.url('lumbung'))).toEqual(before)
})
