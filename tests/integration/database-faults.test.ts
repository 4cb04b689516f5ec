/**
 * Faults: PostgreSQL stops in the middle of a report approval (the approval has updated the report and
 * waits on a row another session holds). Nothing is half-written, the reviewer reads "Database tidak
 * dapat dihubungi", /api/health answers 503 while it is down, and once PostgreSQL is back the same app
 * process (no restart) approves the report.
 *
 * Runs on its own embedded cluster (stopping the shared test cluster would fail other files).
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, expect, it } from 'vitest'
import { startEmbeddedPostgres, type EmbeddedDb } from '../../scripts/lib/embedded-db'
import { prismaCli } from '../../scripts/lib/prepare-db'
import { createPrismaClient } from '@/lib/prisma-client'
import { seedReference } from '@/prisma/seed/reference'
import { seedReportingCatalogue } from '@/prisma/seed/reporting'
import { signInAs } from '../support/session-mock'

const folder = mkdtempSync(path.join(os.tmpdir(), 'lumbung-gangguan-'))
chmodSync(folder, 0o755) // reachable by the `postgres` user when we are root
const dataDir = path.join(folder, 'data')
let cluster: EmbeddedDb = await startEmbeddedPostgres({ dataDir, persistent: true })
const port = cluster.port
const url = cluster.url('lumbung')
await cluster.createDatabase('lumbung')
prismaCli(['migrate', 'deploy'], url)
const seed = createPrismaClient(url)
await seedReference(seed)
await seedReportingCatalogue(seed)
await seed.$disconnect()

// the app's modules are imported after this, so its client talks to this cluster
process.env.DATABASE_URL = url
delete (globalThis as { prisma?: unknown }).prisma
const { db } = await import('@/lib/db')
const { approveReport } = await import('@/lib/actions/reporting')
const { GET: health } = await import('@/app/api/health/route')
const { createUser } = await import('../support/factories')

const settle = (p: Promise<unknown>) => Promise.race([p.catch(() => {}), new Promise((r) => setTimeout(r, 5000))])
afterAll(async () => {
  // the pool may hold a client that died with the first server: do not wait on it forever
  await settle(db.$disconnect())
  delete (globalThis as { prisma?: unknown }).prisma
  await settle(cluster.stop())
  rmSync(folder, { recursive: true, force: true })
}, 30_000)

async function fd(values: Record<string, string | number>) {
  const f = new FormData()
  for (const [k, v] of Object.entries(values)) f.set(k, String(v))
  return f
}

it('PostgreSQL stopped mid-approval: nothing half-written, a plain message, 503 health, recovery without restart', { timeout: 240_000 }, async () => {
  const admin = await createUser('ADMIN')
  const indicator = await db.indicator.findFirstOrThrow({ select: { code: true } })
  const report = await db.quarterlyReport.create({
    data: { regencyCode: '35.17', year: 2026, quarter: 1, status: 'SUBMITTED', submittedAt: new Date(), firstSubmittedAt: new Date(), values: { create: [{ indicatorCode: indicator.code, value: 10, reviewNote: 'catatan' }] } },
    select: { id: true, version: true },
  })
  signInAs(admin)

  // another session holds the report's value row: the approval writes the report, then waits
  const holder = new pg.Client({ connectionString: url })
  await holder.connect()
  holder.on('error', () => {}) // it is cut off by the shutdown below
  await holder.query('BEGIN')
  await holder.query('SELECT * FROM report_values WHERE report_id = $1 FOR UPDATE', [report.id])
  const approval = approveReport(undefined, await fd({ id: report.id, version: report.version }))
  for (let i = 0; i < 200; i++) {
    const { rows } = await holder.query(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`)
    if (rows[0].n > 0) break
    await new Promise((r) => setTimeout(r, 50))
  }

  await cluster.stop() // a fast shutdown in the middle of the approval's transaction
  await holder.end().catch(() => {})
  const result = await approval
  expect(result.ok).toBe(false)
  expect(result.message).toMatch(/Database tidak dapat dihubungi/)
  const down = await health()
  expect(down.status).toBe(503)
  // a second try while it is down says the same, and does not crash
  expect((await approveReport(undefined, await fd({ id: report.id, version: report.version }))).message).toMatch(/Database tidak dapat dihubungi/)

  cluster = await startEmbeddedPostgres({ dataDir, port, persistent: true })
  // nothing of the approval is in the database: the report is as it was, no audit row
  const check = new pg.Client({ connectionString: url })
  await check.connect()
  const { rows: [after] } = await check.query('SELECT status::text, version FROM quarterly_reports WHERE id = $1', [report.id])
  const { rows: [note] } = await check.query('SELECT review_note FROM report_values WHERE report_id = $1', [report.id])
  const { rows: [audits] } = await check.query(`SELECT count(*)::int AS n FROM audit_logs WHERE action = 'APPROVE'`)
  await check.end()
  expect(after).toEqual({ status: 'SUBMITTED', version: report.version })
  expect(note.review_note).toBe('catatan')
  expect(audits.n).toBe(0)

  // the same process serves again: health, then the approval
  let up = await health()
  for (let i = 0; i < 20 && up.status !== 200; i++) {
    await new Promise((r) => setTimeout(r, 250))
    up = await health()
  }
  expect(up.status).toBe(200)
  signInAs(admin)
  let ok = await approveReport(undefined, await fd({ id: report.id, version: report.version }))
  // a pooled connection that died with the old server may fail once; the next one is fresh
  if (!ok.ok && /Database tidak dapat dihubungi/.test(ok.message ?? '')) ok = await approveReport(undefined, await fd({ id: report.id, version: report.version }))
  expect(ok).toMatchObject({ ok: true })
  expect(await db.auditLog.count({ where: { action: 'APPROVE', entityId: report.id } })).toBe(1)
})
