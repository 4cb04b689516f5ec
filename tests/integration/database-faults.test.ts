/**
 * Faults: PostgreSQL stops in the middle of a report approval, of a claim approval and of an import's
 * write (each has written part of its transaction and waits on a row another session holds). Nothing is
 * half-written, the user reads "Database tidak dapat dihubungi", /api/health answers 503 while it is
 * down, and once PostgreSQL is back the same app process (no restart) does the work.
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
const { createUser, form } = await import('../support/factories')
const { approveClaim } = await import('@/lib/actions/credit')
const { submitClaimFor } = await import('@/lib/credit/claim-submission')
const { recomputeLoanMonths } = await import('@/lib/credit/loan-months')
const { createImport, startCheck, startCommit } = await import('@/lib/imports/service')
const { runJobsUntilIdle } = await import('@/lib/jobs')
const ExcelJS = (await import('exceljs')).default

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

/** Hold `lockSql`'s rows in another session, start `work`, wait until it waits on them, stop PostgreSQL. */
async function stopWhileWaiting<T>(lockSql: string, params: unknown[], work: () => Promise<T>): Promise<{ running: Promise<T> }> {
  const holder = new pg.Client({ connectionString: url })
  await holder.connect()
  holder.on('error', () => {})
  await holder.query('BEGIN')
  await holder.query(lockSql, params)
  const running = work()
  running.catch(() => {}) // awaited by the caller after the restart
  let waiting = false
  for (let i = 0; i < 400 && !waiting; i++) {
    const { rows } = await holder.query(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`)
    waiting = rows[0].n > 0
    if (!waiting) await new Promise((r) => setTimeout(r, 50))
  }
  expect(waiting).toBe(true)
  await cluster.stop()
  await holder.end().catch(() => {})
  return { running } // wrapped: an async function returning the promise itself would wait for it
}

async function restartAndWaitHealthy() {
  cluster = await startEmbeddedPostgres({ dataDir, port, persistent: true })
  let up = await health()
  for (let i = 0; i < 20 && up.status !== 200; i++) {
    await new Promise((r) => setTimeout(r, 250))
    up = await health()
  }
  expect(up.status).toBe(200)
}

async function sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return (await c.query(text, params)).rows as T[]
  } finally {
    await c.end()
  }
}

it('PostgreSQL stopped mid claim approval: no line approved, no roll-up moved, no audit row; approved once it is back', { timeout: 240_000 }, async () => {
  const admin = await createUser('ADMIN')
  const bprId = (await db.bank.findUniqueOrThrow({ where: { code: 'BPRJATIM' }, select: { id: true } })).id
  const programId = (await db.creditProgram.create({
    data: {
      code: 'GANGGUAN-2025', scheme: 'GANGGUAN', name: 'Program Gangguan 2025', year: 2025, creditTarget: 100_000_000, beneficiaryTarget: 4, subsidyCeiling: 10_000_000,
      borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, eligibleScales: ['MIKRO', 'KECIL'],
      banks: { create: [{ bankId: bprId }] }, rates: { create: [{ bankId: bprId, effectiveFrom: new Date('2025-01-01'), rate: 0.12 }] },
    },
    select: { id: true },
  })).id
  for (const [i, nib] of ['9100000000001', '9100000000002'].entries()) {
    const msme = await db.msme.create({
      data: { nib, businessName: `Usaha Gangguan ${i}`, ownerName: 'Siti', ownerNik: '3517011234560001', ownerGender: 'P', kbli: '10792', regencyCode: '35.17', computedScale: 'MIKRO', businessCapital: 50_000_000, annualSales: 300_000_000 },
      select: { id: true },
    })
    const loan = await db.disbursement.create({
      data: { programId, bankId: bprId, accountNumber: `GGN-${i}`, msmeId: msme.id, regencyCode: '35.17', contractDate: new Date('2025-01-15'), plafond: 20_000_000, tenorMonths: 12, bankRate: 0.12, borrowerRate: 0.03, eligibilityIssues: [] },
      select: { id: true },
    })
    await db.$transaction((tx) => recomputeLoanMonths(tx, [loan.id]))
  }
  const banker = await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' })
  const claimId = await submitClaimFor({ id: banker.id, username: banker.username, name: 'Bank Uji', role: 'BANK_OFFICER', regencyCode: null, bankId: bprId, mustChangePassword: false }, { programId, month: '2025-02' }, null)
  const { version } = await db.subsidyClaim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } })
  signInAs(admin)

  // the approval changes the claim, approves the first line, then waits on the second line held elsewhere
  const { running: approval } = await stopWhileWaiting(
    `SELECT id FROM claim_lines WHERE claim_id = $1 ORDER BY id DESC LIMIT 1 FOR UPDATE`, [claimId],
    () => approveClaim(undefined, form({ claimId, version })),
  )
  const result = await approval
  expect(result.ok).toBe(false)
  expect(result.message).toMatch(/Database tidak dapat dihubungi/)
  expect((await health()).status).toBe(503)

  await restartAndWaitHealthy()
  const [claim] = await sql<{ status: string; version: number }>('SELECT status::text, version FROM subsidy_claims WHERE id = $1', [claimId])
  expect(claim).toEqual({ status: 'SUBMITTED', version })
  const [lines] = await sql<{ n: number; approved: number }>('SELECT count(*)::int AS n, count(approved_amount)::int AS approved FROM claim_lines WHERE claim_id = $1', [claimId])
  expect(lines).toEqual({ n: 2, approved: 0 })
  const [scope] = await sql<{ approved: string }>('SELECT coalesce(sum(approved), 0)::text AS approved FROM claim_scope WHERE claim_id = $1', [claimId])
  expect(Number(scope.approved)).toBe(0)
  expect((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE action = 'APPROVE' AND entity_id = $1`, [claimId]))[0].n).toBe(0)

  signInAs(admin)
  let ok = await approveClaim(undefined, form({ claimId, version }))
  if (!ok.ok && /Database tidak dapat dihubungi/.test(ok.message ?? '')) ok = await approveClaim(undefined, form({ claimId, version }))
  expect(ok).toMatchObject({ ok: true })
  const [after] = await sql<{ approved: string; rollup: string }>(
    `SELECT (SELECT sum(approved_amount) FROM claim_lines WHERE claim_id = $1)::text AS approved, (SELECT sum(approved) FROM claim_scope WHERE claim_id = $1)::text AS rollup`, [claimId])
  expect(Number(after.approved)).toBeGreaterThan(0)
  expect(Number(after.rollup)).toBe(Number(after.approved))
  expect(await db.auditLog.count({ where: { action: 'APPROVE', entityId: claimId } })).toBe(1)
})

it('PostgreSQL stopped mid import: no row of the file kept, the import says why, and imports once it is back', { timeout: 240_000 }, async () => {
  const admin = await createUser('ADMIN')
  const user = { id: admin.id, username: admin.username, name: 'Admin Uji', role: admin.role, regencyCode: null, bankId: null, mustChangePassword: false }
  // an MSME the file updates: its row is held elsewhere, so the import's transaction waits on it after its first insert
  const held = await db.msme.create({
    data: { nib: '9200000000009', businessName: 'Usaha Lama', ownerName: 'Siti', ownerNik: '3517011234560001', ownerGender: 'P', kbli: '10792', regencyCode: '35.17', computedScale: 'MIKRO', businessCapital: 25_000_000, annualSales: 100_000_000 },
    select: { id: true, nib: true },
  })
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Data')
  ws.addRow(['NIB', 'Nama Usaha', 'Nama Pemilik', 'NIK Pemilik', 'Jenis Kelamin Pemilik', 'KBLI', 'Kabupaten/Kota', 'Modal Usaha', 'Omzet Tahunan'])
  ws.addRow(['9200000000001', 'Usaha Baru Satu', 'Siti Aminah', '3517014101850001', 'P', '10792', '35.17', '25.000.000', 'Rp180.000.000'])
  ws.addRow([held.nib, 'Usaha Lama Berganti Nama', 'Siti', '3517011234560001', 'P', '10792', '35.17', '25.000.000', 'Rp190.000.000'])
  ws.addRow(['9200000000002', 'Usaha Baru Dua', 'Budi', '3517010101800001', 'L', '10792', '35.17', '30.000.000', 'Rp200.000.000'])
  const file = new File([Buffer.from(await wb.xlsx.writeBuffer())], 'gangguan.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
  const id = await createImport(user, 'umkm', file)
  const imp = await db.dataImport.findUniqueOrThrow({ where: { id }, select: { sheetName: true, mapping: true } })
  await startCheck(user, id, imp.sheetName!, imp.mapping as Record<string, string | null>)
  await runJobsUntilIdle()
  expect((await db.dataImport.findUniqueOrThrow({ where: { id }, select: { status: true } })).status).toBe('CHECKED')
  await startCommit(user, id, (await db.dataImport.findUniqueOrThrow({ where: { id }, select: { version: true } })).version, 'ALL')

  const { running: worker } = await stopWhileWaiting(`SELECT id FROM msmes WHERE id = $1 FOR UPDATE`, [held.id], () => runJobsUntilIdle())
  await new Promise((r) => setTimeout(r, 1500)) // the worker tries to record the failure while PostgreSQL is down
  await restartAndWaitHealthy()
  await worker // it recorded the outcome once PostgreSQL was back

  const [msmes] = await sql<{ created: number; name: string }>(
    `SELECT (SELECT count(*)::int FROM msmes WHERE nib IN ('9200000000001', '9200000000002')) AS created, (SELECT business_name FROM msmes WHERE id = $1) AS name`, [held.id])
  expect(msmes).toEqual({ created: 0, name: 'Usaha Lama' })
  expect((await sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_logs WHERE action = 'IMPORT' AND entity_id = $1`, [id]))[0].n).toBe(0)
  const failed = await db.dataImport.findUniqueOrThrow({ where: { id }, select: { status: true, error: true } })
  expect(failed).toEqual({ status: 'FAILED', error: expect.stringMatching(/Database tidak dapat dihubungi/) })

  // the user runs the import again from the same dry run: it writes the file
  await startCommit(user, id, (await db.dataImport.findUniqueOrThrow({ where: { id }, select: { version: true } })).version, 'ALL')
  await runJobsUntilIdle()
  expect((await db.dataImport.findUniqueOrThrow({ where: { id }, select: { status: true } })).status).toBe('DONE')
  expect(await db.msme.count({ where: { nib: { in: ['9200000000001', '9200000000002'] } } })).toBe(2)
  expect((await db.msme.findUniqueOrThrow({ where: { id: held.id }, select: { businessName: true } })).businessName).toBe('Usaha Lama Berganti Nama')
  expect(await db.auditLog.count({ where: { action: 'IMPORT', entityId: id } })).toBe(1)
})
