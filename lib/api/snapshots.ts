/**
 * Bulk snapshots of the registers for central systems: an API client asks (POST /api/v1/snapshot), a job
 * in the PostgreSQL queue (lib/jobs) reads the register in keyset batches with the same scoped read as the
 * incremental sync (lib/data/cooperatives.ts / msmes.ts syncCooperatives / syncMsmes), writes each batch
 * as one chunk row (bytea), and the download streams the chunks in order. Neither side holds more than one
 * batch: memory is bounded by SNAPSHOT_BATCH records, whatever the register's size. Field names are the
 * OpenAPI `Cooperative` / `Msme` ones (owner NIK masked), flattened for CSV.
 */
import 'server-only'
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { db } from '@/lib/db'
import { defineJob, enqueue, PermanentJobError } from '@/lib/jobs'
import type { Prisma } from '@/lib/generated/prisma/client'
import { csvCell } from '@/lib/export'
import { syncCooperatives, type SyncCursor } from '@/lib/data/cooperatives'
import { syncMsmes } from '@/lib/data/msmes'
import { syncWatermark } from '@/lib/data/sync-watermark'
import type { SessionUser } from '@/lib/session-user'
import { cooperativeRecord, msmeRecord } from '@/lib/api/registers'

export const SNAPSHOT_JOB = 'api.snapshot'
/** Records per batch: one keyset read and one chunk row each. */
export const SNAPSHOT_BATCH = 1000
/** How long a snapshot stays downloadable before the maintenance job purges it. */
export const SNAPSHOT_KEEP_MS = 7 * 24 * 60 * 60 * 1000

export const SNAPSHOT_REGISTERS = ['koperasi', 'umkm'] as const
export const SNAPSHOT_FORMATS = ['ndjson', 'csv'] as const
export type SnapshotRegister = (typeof SNAPSHOT_REGISTERS)[number]
export type SnapshotFormat = (typeof SNAPSHOT_FORMATS)[number]

/** The documented field names, in file order (CSV header): the API's record, `regency` as code and name. */
export const SNAPSHOT_FIELDS: Record<SnapshotRegister, readonly string[]> = {
  koperasi: [
    'id', 'nik', 'name', 'type', 'form', 'pattern', 'group_name', 'active', 'health_outcome', 'members_male', 'members_female', 'managers', 'employees',
    'legal_entity_number', 'legal_entity_date', 'address', 'regency_code', 'regency_name', 'district', 'village', 'created_at', 'updated_at',
  ],
  umkm: [
    'id', 'nib', 'business_name', 'owner_name', 'owner_nik_masked', 'owner_gender', 'kbli', 'workers', 'business_capital', 'annual_sales', 'recorded_scale',
    'computed_scale', 'scale_mismatch', 'iumk_number', 'iumk_date', 'address', 'regency_code', 'regency_name', 'district', 'village', 'cooperative_id',
    'created_at', 'updated_at',
  ],
}

export const CONTENT_TYPES: Record<SnapshotFormat, string> = { ndjson: 'application/x-ndjson; charset=utf-8', csv: 'text/csv; charset=utf-8' }

type Flat = Record<string, string | number | boolean | null>

/** The record as the file's fields: without `deleted` (a snapshot holds live records only), `regency` as code and name. */
function flatten(record: { deleted: false; regency: { code: string; name: string } } & Record<string, unknown>): Flat {
  const flat: Flat = {}
  for (const [k, v] of Object.entries(record)) if (k !== 'deleted' && k !== 'regency') flat[k] = v as Flat[string]
  return { ...flat, regency_code: record.regency.code, regency_name: record.regency.name }
}

/** One batch of records as the file's text (NDJSON lines, or CSV rows with `;` as the app's CSV exports). */
function serialise(format: SnapshotFormat, fields: readonly string[], rows: Flat[]): string {
  if (format === 'ndjson') return rows.map((r) => JSON.stringify(Object.fromEntries(fields.map((f) => [f, r[f] ?? null])))).join('\n') + (rows.length ? '\n' : '')
  return rows.map((r) => fields.map((f) => {
    const v = r[f]
    return csvCell(typeof v === 'boolean' ? (v ? 'true' : 'false') : v)
  }).join(';') + '\r\n').join('')
}

/** Who may ask for a snapshot: a province-wide reader of the registers (an admin or a read client), not a regency or bank client. */
export function mayRequestSnapshot(user: SessionUser): boolean {
  return (user.role === 'ADMIN' || user.role === 'LEADERSHIP') && !user.regencyCode && !user.bankId
}

/** Queue a snapshot in the caller's transaction (the API's idempotent write): the row and its job commit together. */
export async function requestSnapshot(tx: Prisma.TransactionClient, clientId: string, register: SnapshotRegister, format: SnapshotFormat) {
  const snapshot = await tx.apiSnapshot.create({
    data: { clientId, register, format, expiresAt: new Date(Date.now() + SNAPSHOT_KEEP_MS) },
    select: { id: true },
  })
  const jobId = await enqueue(SNAPSHOT_JOB, { snapshotId: snapshot.id }, { tx, maxAttempts: 3 })
  return tx.apiSnapshot.update({ where: { id: snapshot.id }, data: { jobId }, select: snapshotSelect })
}

export const snapshotSelect = {
  id: true, clientId: true, register: true, format: true, status: true, rows: true, bytes: true, sha256: true, asOf: true, error: true,
  createdAt: true, finishedAt: true, expiresAt: true,
} satisfies Prisma.ApiSnapshotSelect

export type SnapshotRow = Prisma.ApiSnapshotGetPayload<{ select: typeof snapshotSelect }>

/** A snapshot the client may read: its own (an admin client: any). Null otherwise, so the API answers 404. */
export async function findSnapshot(user: SessionUser & { clientId: string }, id: string) {
  return db.apiSnapshot.findFirst({ where: { id, ...(user.role === 'ADMIN' ? {} : { clientId: user.clientId }) }, select: snapshotSelect })
}

export function snapshotAnswer(s: SnapshotRow) {
  return {
    id: s.id, register: s.register, format: s.format, status: s.status, rows: s.rows, bytes: s.bytes === null ? null : Number(s.bytes), sha256: s.sha256,
    as_of: s.asOf?.toISOString() ?? null, error: s.error, created_at: s.createdAt.toISOString(), finished_at: s.finishedAt?.toISOString() ?? null,
    expires_at: s.expiresAt.toISOString(), fields: SNAPSHOT_FIELDS[s.register as SnapshotRegister],
    status_url: `/api/v1/snapshot/${s.id}`, download_url: s.status === 'READY' ? `/api/v1/snapshot/${s.id}/unduh` : null,
  }
}

/**
 * The file as a stream of its chunks, read one at a time (the whole file is never in memory). Null when
 * the snapshot has no chunks (not READY).
 */
export function snapshotStream(id: string): ReadableStream<Uint8Array> {
  let seq = 0
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const chunk = await db.apiSnapshotChunk.findUnique({ where: { snapshotId_seq: { snapshotId: id, seq } }, select: { data: true } })
      if (!chunk) return controller.close()
      seq++
      controller.enqueue(new Uint8Array(chunk.data))
    },
  })
}

const payloadSchema = z.object({ snapshotId: z.string().min(1).max(60) })

/**
 * Write a snapshot: the client's scope as a SessionUser (the same scope helpers as the pages), the register
 * read in (updatedAt, id) keyset batches up to the sync watermark taken at the start (a consistent cut:
 * records committed later are for the next incremental read), one chunk per batch. Deleted records are left
 * out. A retry starts over (its chunks are replaced). Returns the counts for the job's result.
 */
export async function writeSnapshot(snapshotId: string, onBatch?: (rows: number) => Promise<void>): Promise<{ rows: number; bytes: number; chunks: number }> {
  const snapshot = await db.apiSnapshot.findUnique({
    where: { id: snapshotId },
    select: { id: true, register: true, format: true, client: { select: { id: true, name: true, role: true, regencyCode: true, bankId: true, revokedAt: true } } },
  })
  if (!snapshot) throw new PermanentJobError('Snapshot tidak ditemukan.')
  const c = snapshot.client
  if (c.revokedAt) throw new PermanentJobError('Klien API peminta snapshot sudah dicabut.')
  const user: SessionUser = { id: c.id, username: `api:${c.name}`.slice(0, 120), name: c.name, role: c.role, regencyCode: c.regencyCode, bankId: c.bankId, mustChangePassword: false }
  const register = snapshot.register as SnapshotRegister
  const format = snapshot.format as SnapshotFormat
  const fields = SNAPSHOT_FIELDS[register]
  const until = await syncWatermark()
  await db.apiSnapshotChunk.deleteMany({ where: { snapshotId } })
  await db.apiSnapshot.update({ where: { id: snapshotId }, data: { status: 'RUNNING', asOf: until, error: null } })

  const hash = createHash('sha256')
  let seq = 0
  let rows = 0
  let bytes = 0
  const append = async (text: string) => {
    const data = Buffer.from(text, 'utf8')
    hash.update(data)
    bytes += data.byteLength
    await db.apiSnapshotChunk.create({ data: { snapshotId, seq: seq++, data } })
  }
  // CSV: the BOM and header first, as the app's CSV exports (lib/export.ts)
  if (format === 'csv') await append('\uFEFF' + fields.map((f) => csvCell(f)).join(';') + '\r\n')
  let after: SyncCursor | undefined
  for (;;) {
    const page = register === 'koperasi'
      ? await syncCooperatives({ user, filter: {}, after, until, limit: SNAPSHOT_BATCH })
      : await syncMsmes({ user, filter: {}, after, until, limit: SNAPSHOT_BATCH })
    const live: Flat[] = []
    for (const r of page.rows as (Parameters<typeof cooperativeRecord>[0] | Parameters<typeof msmeRecord>[0])[]) {
      if (r.deletedAt) continue
      live.push(flatten(register === 'koperasi' ? cooperativeRecord(r as Parameters<typeof cooperativeRecord>[0]) : msmeRecord(r as Parameters<typeof msmeRecord>[0])))
    }
    if (live.length) await append(serialise(format, fields, live))
    rows += live.length
    await onBatch?.(rows)
    if (!page.hasMore || !page.next) break
    after = page.next
  }
  await db.apiSnapshot.update({ where: { id: snapshotId }, data: { status: 'READY', rows, bytes, sha256: hash.digest('hex'), finishedAt: new Date() } })
  return { rows, bytes, chunks: seq }
}

defineJob(SNAPSHOT_JOB, {
  maxAttempts: 3,
  handler: async (ctx) => {
    const { snapshotId } = payloadSchema.parse(ctx.job.payload)
    return writeSnapshot(snapshotId, (rows) => ctx.progress(rows))
  },
  onFailed: async (job, error) => {
    const parsed = payloadSchema.safeParse(job.payload)
    if (!parsed.success) return
    const message = error instanceof PermanentJobError ? error.message : 'Snapshot gagal dibuat; minta snapshot baru.'
    await db.apiSnapshot.updateMany({ where: { id: parsed.data.snapshotId }, data: { status: 'FAILED', error: message, finishedAt: new Date() } })
  },
})
