/**
 * Read replicas (`DATABASE_READ_URL`, lib/db.ts#readDb) against a real streaming replica: a physical
 * base backup of the primary (`pg_backup_start`/`pg_backup_stop` and the WAL, scripts/lib/backup.ts)
 * started with `standby.signal` and `primary_conninfo` on a replication slot.
 *
 * With the replica's WAL replay paused, the primary and the replica hold different rows, so each read
 * shows where it went: a dashboard figure (raw SQL), a list and an export read the replica; the write
 * (a real server action) lands on the primary; the writer's next read (the action's cookie) reads the
 * primary; another user reads the replica. Then the replica is stopped: the same reads are answered by
 * the primary without an error and `/api/health` reports it; started again, reads come back to it.
 *
 * Runs on its own two embedded clusters (stopping a shared one would fail other files).
 */
import { appendFileSync, chmodSync, chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, expect, it, vi } from 'vitest'
import { baseBackup, restoreBaseBackup } from '../../scripts/lib/backup'
import { persistentPlacement, startEmbeddedPostgres, PG_PASSWORD, PG_USER, type EmbeddedDb } from '../../scripts/lib/embedded-db'
import { prismaCli } from '../../scripts/lib/prepare-db'
import { createPrismaClient } from '@/lib/prisma-client'
import { seedReference } from '@/prisma/seed/reference'

// the browser's cookie jar: what a server action sets is sent with the same user's next request
const jar = new Map<string, string>()
vi.mock('next/headers', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/headers')>()),
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    has: (name: string) => jar.has(name),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  }),
}))

const folder = mkdtempSync(path.join(os.tmpdir(), 'lumbung-replika-'))
chmodSync(folder, 0o755) // reachable by the `postgres` user when we are root
const clusters = new Set<EmbeddedDb>()
const primary = await startEmbeddedPostgres({ dataDir: path.join(folder, 'primer'), persistent: true })
clusters.add(primary)
await primary.createDatabase('lumbung')
const primaryUrl = primary.url('lumbung')
prismaCli(['migrate', 'deploy'], primaryUrl)
const seed = createPrismaClient(primaryUrl)
await seedReference(seed)
await seed.$disconnect()

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return (await c.query<T>(sql, params)).rows
  } finally {
    await c.end()
  }
}

// the replica: a slot keeps the primary's WAL until the replica has it; then a base backup of the running primary
await query(primary.url('postgres'), `SELECT pg_create_physical_replication_slot('lumbung_replika', true)`)
await baseBackup(primary.url('postgres'), path.join(folder, 'cadangan'))
const replicaDir = path.join(folder, 'replika')
const { ids } = persistentPlacement(replicaDir)
restoreBaseBackup(path.join(folder, 'cadangan'), replicaDir, ids)
writeFileSync(path.join(replicaDir, 'standby.signal'), '')
appendFileSync(
  path.join(replicaDir, 'postgresql.auto.conf'),
  `primary_conninfo = 'host=127.0.0.1 port=${primary.port} user=${PG_USER} password=${PG_PASSWORD} application_name=lumbung_replika'\nprimary_slot_name = 'lumbung_replika'\n`,
)
if (ids) for (const f of ['standby.signal', 'postgresql.auto.conf']) chownSync(path.join(replicaDir, f), ids.uid, ids.gid)
let replica = await startEmbeddedPostgres({ dataDir: replicaDir, persistent: true })
clusters.add(replica)
const replicaPort = replica.port
const replicaUrl = replica.url('lumbung')

/** Wait until the replica has replayed everything the primary has written so far. */
async function caughtUp() {
  const [{ lsn }] = await query<{ lsn: string }>(primaryUrl, 'SELECT pg_current_wal_lsn()::text AS lsn')
  for (let i = 0; i < 200; i++) {
    const [{ done }] = await query<{ done: boolean }>(replicaUrl, 'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done', [lsn])
    if (done) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('the replica did not catch up within 10 s')
}

// the app's modules are imported after this, so its clients talk to these clusters
process.env.DATABASE_URL = primaryUrl
process.env.DATABASE_READ_URL = replicaUrl
process.env.DATABASE_READ_RETRY_SECONDS = '1'
const g = globalThis as { prisma?: unknown; prismaReplica?: unknown; replicaState?: unknown }
delete g.prisma
delete g.prismaReplica
delete g.replicaState
const { db, readDb } = await import('@/lib/db')
const { createCooperative } = await import('@/lib/actions/cooperatives')
const { findCooperatives } = await import('@/lib/data/cooperatives')
const { getRegisterFigures } = await import('@/lib/data/dashboard')
const { GET: exportRoute } = await import('@/app/api/koperasi/ekspor/route')
const { GET: health } = await import('@/app/api/health/route')
const { createTestUser, signInAs, submit } = await import('../support/session')

const settle = (p: Promise<unknown>) => Promise.race([p.catch(() => {}), new Promise((r) => setTimeout(r, 5000))])
afterAll(async () => {
  await settle(db.$disconnect())
  await settle((g.prismaReplica as { $disconnect(): Promise<void> } | undefined)?.$disconnect() ?? Promise.resolve())
  delete g.prisma
  delete g.prismaReplica
  delete g.replicaState
  for (const c of clusters) await settle(c.stop())
  rmSync(folder, { recursive: true, force: true })
}, 60_000)

const cooperative = (nik: string, name: string) => ({
  nik, name, type: 'SIMPAN_PINJAM', form: 'PRIMER', pattern: 'KONVENSIONAL', regencyCode: '35.17', districtCode: '', villageCode: '',
  address: 'Jl. Replika 1', membersMale: '10', membersFemale: '12', managers: '3', employees: '1', active: true,
})
const registered = async (user: Awaited<ReturnType<typeof createTestUser>>) =>
  (await getRegisterFigures({ user: { ...user }, asOf: '2026-12-31', year: 2026 }))!.cooperatives.registered
const listed = async (user: Awaited<ReturnType<typeof createTestUser>>) => (await findCooperatives({ user: { ...user }, filter: {} })).rows.map((r) => r.name).sort()
const exported = async () => {
  const res = await exportRoute(new Request('http://localhost/api/koperasi/ekspor?format=csv'), undefined)
  expect(res.status).toBe(200)
  return (await res.text()).split('\n').filter((l) => l.includes('Koperasi Replika')).length
}

it('dashboards, lists and exports read the replica; writes and the writer’s next read go to the primary; a stopped replica falls back to the primary and is used again once back', { timeout: 120_000 }, async () => {
  const admin = await createTestUser({ role: 'ADMIN' })
  const leader = await createTestUser({ role: 'LEADERSHIP' })
  signInAs(admin)
  expect((await submit(createCooperative, cooperative('3517000000000101', 'Koperasi Replika Satu'))).redirect).toMatch(/^\/koperasi\//)
  jar.clear()
  await caughtUp()

  // where each client's statements run: the replica is a standby in recovery, the primary is not
  const inRecovery = async (c: typeof db) => (await c.$queryRaw<{ r: boolean }[]>`SELECT pg_is_in_recovery() AS r`)[0].r
  expect(await inRecovery(readDb)).toBe(true)
  expect(await inRecovery(db)).toBe(false)
  const [{ n: replicaSessions }] = await query<{ n: number }>(replicaUrl, `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = 'lumbung' AND backend_type = 'client backend'`)
  expect(replicaSessions).toBeGreaterThan(1) // the app's pool (this query's own session is the other one)

  // replay paused: from now on the primary's writes do not reach the replica
  await query(replicaUrl, 'SELECT pg_wal_replay_pause()')
  signInAs(admin)
  const created = await submit(createCooperative, cooperative('3517000000000102', 'Koperasi Replika Dua'))
  expect(created.redirect).toMatch(/^\/koperasi\//) // the write ran on the primary (the replica refuses writes)
  expect(jar.has('lumbung-baca-primer')).toBe(true)
  expect(await query(primaryUrl, `SELECT 1 FROM cooperatives WHERE nik = '3517000000000102'`)).toHaveLength(1)
  expect(await query(replicaUrl, `SELECT 1 FROM cooperatives WHERE nik = '3517000000000102'`)).toHaveLength(0)

  // the writer's next request carries the cookie: it sees its write at once (figure, list, export)
  expect(await registered(admin)).toBe(2)
  expect(await listed(admin)).toEqual(['Koperasi Replika Dua', 'Koperasi Replika Satu'])
  expect(await exported()).toBe(2)

  // another user (no cookie) reads the replica, which has not replayed the write yet
  const leaderJar = new Map<string, string>()
  const adminJar = new Map(jar)
  const as = async (cookies: Map<string, string>, user: typeof admin) => {
    jar.clear()
    for (const [k, v] of cookies) jar.set(k, v)
    signInAs(user)
  }
  await as(leaderJar, leader)
  expect(await registered(leader)).toBe(1)
  expect(await listed(leader)).toEqual(['Koperasi Replika Satu'])
  await as(leaderJar, admin) // an export is a page read too (the admin without the cookie, e.g. later)
  expect(await exported()).toBe(1)

  // replay resumed: the replica catches up and every reader sees the write
  await query(replicaUrl, 'SELECT pg_wal_replay_resume()')
  await caughtUp()
  await as(leaderJar, leader)
  expect(await registered(leader)).toBe(2)
  expect((await (await health()).json()).replica).toMatchObject({ status: 'ok', inRecovery: true, reads: 'replica' })

  // the replica stops: reads are answered by the primary, without an error, and health says so (still 200)
  await replica.stop()
  clusters.delete(replica)
  await as(adminJar, admin)
  expect((await submit(createCooperative, cooperative('3517000000000103', 'Koperasi Replika Tiga'))).redirect).toMatch(/^\/koperasi\//)
  await as(leaderJar, leader)
  expect(await registered(leader)).toBe(3)
  expect(await listed(leader)).toEqual(['Koperasi Replika Dua', 'Koperasi Replika Satu', 'Koperasi Replika Tiga'])
  expect(await inRecovery(readDb)).toBe(false)
  const down = await health()
  expect(down.status).toBe(200)
  expect(await down.json()).toMatchObject({ status: 'ok', database: { status: 'ok' }, replica: { status: 'unreachable', reads: 'primary' } })

  // started again on the same port: after the retry interval (1 s here) reads go back to it
  replica = await startEmbeddedPostgres({ dataDir: replicaDir, port: replicaPort, persistent: true })
  clusters.add(replica)
  await caughtUp()
  await new Promise((r) => setTimeout(r, 1_100))
  expect(await inRecovery(readDb)).toBe(true)
  expect(await registered(leader)).toBe(3)
  expect((await (await health()).json()).replica).toMatchObject({ status: 'ok', reads: 'replica' })
})

