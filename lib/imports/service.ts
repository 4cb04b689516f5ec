import 'server-only'
import { createHash } from 'node:crypto'
import { writeAudit } from '@/lib/audit'
import { db, transactionSql } from '@/lib/db'
import { Prisma } from '@/lib/generated/prisma/client'
import { AppError } from '@/lib/errors'
import { conflictError, transition } from '@/lib/transitions'
import { agencyRegencies } from '@/lib/data/regions'
import { can } from '@/lib/permissions'
import { enqueue, requestCancel } from '@/lib/jobs'
import type { SessionUser } from '@/lib/session-user'
import { autoMap, findHeaderRow, uniqueHeadings } from './fields'
import { FileRefused, IMPORT_LIMITS, inspectFile, readSheets, type SheetRow } from './file'
import { importKind } from './kinds'
import type { AnyKind, TemplateExtras } from './kinds/types'
import type { SheetInfo } from './pipeline'
import './jobs'
import { formatMegabytes, formatNumber } from '@/lib/format'

/** How many rows of each sheet are looked at to find its header row (a title block above it is common). */
const HEADER_SCAN_ROWS = 30

/** The kind a user may import, or a refusal (unknown kind 404, no permission 403). */
export function kindFor(user: SessionUser, slug: string): AnyKind {
  const kind = importKind(slug)
  if (!kind) throw new AppError('NOT_FOUND', 'Jenis impor tidak dikenal.')
  if (!can(user.role, kind.permission)) throw new AppError('FORBIDDEN', 'Anda tidak berwenang mengimpor data ini.')
  return kind
}

/**
 * What a kind's template holds for this user: the regencies it may import (the regency drop-down: a district
 * officer's own), and the kind's lists and examples from the database (AnyKind.template).
 */
export async function templateData(user: SessionUser, kind: AnyKind): Promise<{ regencyNames: string[]; extras: TemplateExtras }> {
  const regencies = (await agencyRegencies()).filter((r) => !user.regencyCode || r.code === user.regencyCode)
  const extras = kind.template ? await kind.template(db, user, regencies) : {}
  return { regencyNames: regencies.map((r) => r.name), extras }
}

/** Each sheet's header row, headings and number of data rows; the file is streamed once, only the first rows kept. */
export async function analyse(kind: AnyKind, format: 'XLSX' | 'CSV', bytes: Buffer): Promise<SheetInfo[]> {
  const out: SheetInfo[] = []
  for await (const s of readSheets(format, bytes)) {
    const head: SheetRow[] = []
    let rows = 0
    for await (const row of s.rows) {
      rows++
      if (head.length < HEADER_SCAN_ROWS) head.push(row)
    }
    const header = findHeaderRow(head, kind.fields)
    const dataRows = header ? rows - head.filter((r) => r.rowNumber <= header.rowNumber).length : 0
    const first = head.find((r) => r.rowNumber > (header?.rowNumber ?? 0))
    const headings = uniqueHeadings(header?.headings ?? [])
    const sample = headings.map((_, i) => {
      const c = first?.cells[i]
      return c === null || c === undefined ? '' : c instanceof Date ? c.toISOString().slice(0, 10) : String(c).slice(0, 60)
    })
    out.push({ name: s.sheet, headerRow: header?.rowNumber ?? 0, headings, dataRows, sample })
  }
  return out
}

/**
 * Store an uploaded file as a new import: refused before parsing when it is too large or not a
 * spreadsheet, or without data rows under its headings; every sheet analysed; the sheet whose headings match the
 * most fields chosen and its columns mapped from the user's remembered mapping for the kind, then by heading.
 */
export async function createImport(user: SessionUser, slug: string, file: File): Promise<string> {
  const kind = kindFor(user, slug)
  if (file.size > IMPORT_LIMITS.maxFileBytes) {
    throw new AppError('INVALID', `Berkas terlalu besar (${formatMegabytes(file.size)} MB); batasnya ${Math.round(IMPORT_LIMITS.maxFileBytes / 1024 / 1024)} MB.`)
  }
  const bytes = Buffer.from(await file.arrayBuffer())
  let sheets: SheetInfo[]
  let format: 'XLSX' | 'CSV'
  try {
    format = inspectFile(file.name, bytes)
    sheets = await analyse(kind, format, bytes)
  } catch (e) {
    if (e instanceof FileRefused) throw new AppError('INVALID', e.message)
    // a parser failure on a file that passed the checks: damaged, or not what its name says
    throw new AppError('INVALID', 'Berkas tidak dapat dibaca sebagai spreadsheet; simpan ulang sebagai .xlsx atau .csv UTF-8.')
  }
  const tooMany = sheets.find((s) => s.dataRows > IMPORT_LIMITS.maxRows)
  if (tooMany) throw new AppError('INVALID', `Lembar "${tooMany.name}" memuat ${formatNumber(tooMany.dataRows)} baris; batasnya ${formatNumber(IMPORT_LIMITS.maxRows)} baris per impor.`)
  if (!sheets.length) throw new AppError('INVALID', 'Berkas tidak memuat lembar kerja.')
  const remembered = (await db.importMapping.findUnique({ where: { userId_kind: { userId: user.id, kind: kind.kind } }, select: { mapping: true } }))?.mapping as Record<string, string | null> | undefined
  // the sheet whose headings match the most fields (a notes sheet in front, a template's explanation and its
  // hidden lists are passed over; on a tie the one with data, then the first); its rows are the import's. None
  // matching: the first sheet with data, mapped by hand.
  const matched = (s: SheetInfo) => Object.values(autoMap(s.headings, kind.fields, remembered)).filter(Boolean).length
  const score = (s: SheetInfo) => matched(s) * 2 + (s.dataRows > 0 ? 1 : 0)
  const best = sheets.reduce((a, s) => (score(s) > score(a) ? s : a))
  const sheet = matched(best) > 0 ? best : sheets.find((s) => s.dataRows > 0)
  if (!sheet || sheet.dataRows === 0) throw new AppError('INVALID', 'Berkas tidak memuat baris data di bawah judul kolom; isi datanya lalu unggah lagi.')
  const wide = tooManyColumns(sheet)
  if (wide) throw new AppError('INVALID', wide)
  return db.$transaction(async (tx) => {
    const created = await tx.dataImport.create({
      data: {
        kind: kind.kind, createdById: user.id, createdByName: user.name, regencyCode: user.regencyCode, bankId: user.bankId,
        fileName: (await import('@/lib/meetings/files')).readableFilename(file.name).slice(0, 200), fileHash: createHash('sha256').update(bytes).digest('hex'), fileSize: bytes.length,
        fileFormat: format, file: new Uint8Array(0), sheets, sheetName: sheet.name,
        mapping: autoMap(sheet.headings, kind.fields, remembered),
      },
      select: { id: true },
    })
    await storeFile(tx, created.id, bytes)
    return created.id
  }, { timeout: 120_000 })
}

/** The refusal of a sheet whose header row has more columns than the mapping screen shows (IMPORT_LIMITS.maxColumns), or null. */
export function tooManyColumns(sheet: Pick<SheetInfo, 'name' | 'headings'>): string | null {
  if (sheet.headings.length <= IMPORT_LIMITS.maxColumns) return null
  return `Lembar "${sheet.name}" memuat ${formatNumber(sheet.headings.length)} kolom; batasnya ${formatNumber(IMPORT_LIMITS.maxColumns)} kolom per impor. Hapus kolom yang tidak diimpor, lalu unggah lagi.`
}

/** Bytes of the file handed to one statement when it is stored. */
const STORE_SLICE = 256 * 1024

/**
 * The uploaded file into its import row, in slices. Every statement's parameters pass through Prisma's query
 * compiler (WebAssembly, engineType "client"), whose memory grows to the largest statement it has seen and
 * never shrinks: one 10 MB file as one parameter left the process 170 MB larger for good (README,
 * "Benchmarks"). The slices go to a temporary table and are joined by PostgreSQL in one UPDATE (appending to
 * the row slice by slice would rewrite the growing value each time).
 */
async function storeFile(tx: Prisma.TransactionClient, importId: string, bytes: Buffer) {
  await tx.$executeRaw`CREATE TEMP TABLE import_upload_parts (n int PRIMARY KEY, part bytea NOT NULL) ON COMMIT DROP`
  for (let n = 0; n * STORE_SLICE < bytes.length; n++) {
    // on the transaction's connection without Prisma (lib/db.ts transactionSql): a slice through Prisma cost
    // more CPU in its request encoding and query compiler than the statement did in PostgreSQL
    await transactionSql(tx, 'INSERT INTO import_upload_parts (n, part) VALUES ($1, $2)', [n, bytes.subarray(n * STORE_SLICE, (n + 1) * STORE_SLICE)])
  }
  await tx.$executeRaw`UPDATE imports SET file = (SELECT string_agg(part, ''::bytea ORDER BY n) FROM import_upload_parts) WHERE id = ${importId}`
}

/**
 * An import the user may act on: its own (an admin any) and of a kind it may import. Any other answers as an
 * unknown id (404), never 403: a refusal by its kind (a district officer and a bank's claim import, an admin
 * and a claim import) would tell that the import exists. The kind's own refusal stays for a new upload (kindFor).
 */
export async function ownImport(user: SessionUser, id: string) {
  const imp = await db.dataImport.findUnique({
    where: { id },
    select: { id: true, kind: true, status: true, sheets: true, sheetName: true, mapping: true, mode: true, jobId: true, summary: true, version: true, createdById: true },
  })
  const kind = imp ? importKind(imp.kind) : null
  if (!imp || !kind || (user.role !== 'ADMIN' && imp.createdById !== user.id) || !can(user.role, kind.permission)) {
    throw new AppError('NOT_FOUND', 'Impor tidak ditemukan.')
  }
  return { imp, kind }
}

const BUSY = new Set(['CHECKING', 'IMPORTING'])

/** How a conflict names the import (lib/transitions.ts): "Impor ini sudah diubah oleh … pada …". */
const STALE_LABEL = 'Impor ini'

/** Confirm the sheet and the mapping, remember the mapping for the user and kind, and start the dry run. */
export async function startCheck(user: SessionUser, id: string, sheetName: string, mapping: Record<string, string | null>): Promise<void> {
  const { imp, kind } = await ownImport(user, id)
  if (BUSY.has(imp.status) || imp.status === 'DONE') throw new AppError('CONFLICT', 'Impor ini sedang berjalan atau sudah selesai.')
  const sheet = (imp.sheets as SheetInfo[]).find((s) => s.name === sheetName)
  if (!sheet) throw new AppError('INVALID', 'Pilih lembar kerja yang ada di berkas.')
  const wide = tooManyColumns(sheet)
  if (wide) throw new AppError('INVALID', wide)
  const clean: Record<string, string | null> = {}
  const used = new Set<string>()
  for (const h of sheet.headings) {
    const field = mapping[h] || null
    if (field && !kind.fields.some((f) => f.key === field)) throw new AppError('INVALID', `Kolom "${h}": bidang tidak dikenal.`)
    if (field && used.has(field)) throw new AppError('INVALID', `Bidang "${kind.fields.find((f) => f.key === field)!.label}" dipetakan ke lebih dari satu kolom.`)
    if (field) used.add(field)
    clean[h] = field
  }
  const keyLabel = kind.fields.find((f) => f.key === kind.keyField)!.label
  if (!used.has(kind.keyField)) throw new AppError('INVALID', `Petakan satu kolom ke ${keyLabel}: kunci untuk mencocokkan data.`)
  await db.$transaction(async (tx) => {
    const jobId = await enqueue('import.check', { importId: id }, { createdById: user.id, tx })
    await transition(tx, {
      entity: 'DataImport', entityId: id, label: STALE_LABEL,
      update: () => tx.dataImport.updateMany({
        where: { id, version: imp.version },
        // the previous dry run's counts go (its rows, under the previous mapping, are deleted by the new dry run):
        // an import whose new dry run fails has nothing to commit
        data: { sheetName, mapping: clean, status: 'CHECKING', jobId, summary: Prisma.DbNull, planKey: null, error: null, version: { increment: 1 } },
      }),
    })
    await tx.importMapping.upsert({
      where: { userId_kind: { userId: user.id, kind: kind.kind } },
      create: { userId: user.id, kind: kind.kind, mapping: clean },
      update: { mapping: clean },
    })
    await writeAudit(tx, actorOf(user), { action: 'UPDATE', entity: 'DataImport', entityId: id, before: { status: imp.status }, after: { status: 'CHECKING', sheetName, mapping: clean } })
  })
}

const actorOf = (user: SessionUser) => ({ id: user.id, username: user.username, role: user.role })

/**
 * After the dry run: write, all or nothing (ALL) or the valid rows only (VALID_ONLY). Conditional on the version
 * the user saw with the verdict (`version`), not one read now: a dry run run again meanwhile (a remapped column in
 * another tab) is a verdict the user never saw, and its rows are not written on the old one's click.
 */
export async function startCommit(user: SessionUser, id: string, version: number, mode: 'ALL' | 'VALID_ONLY'): Promise<void> {
  const { imp } = await ownImport(user, id)
  await db.$transaction(async (tx) => {
    // the verdict the user saw is gone (checked again, imported, discarded): who did it and when, whatever the state now
    if (imp.version !== version) throw await conflictError(tx, 'DataImport', id, STALE_LABEL)
    const checked = Boolean((imp.summary as { check?: unknown } | null)?.check)
    if (!(imp.status === 'CHECKED' || (imp.status === 'FAILED' && checked))) throw new AppError('CONFLICT', 'Jalankan pemeriksaan (uji coba) dulu sebelum mengimpor.')
    const jobId = await enqueue('import.commit', { importId: id }, { createdById: user.id, tx })
    await transition(tx, {
      entity: 'DataImport', entityId: id, label: STALE_LABEL,
      update: () => tx.dataImport.updateMany({
        where: { id, version, status: imp.status },
        data: { mode, status: 'IMPORTING', jobId, error: null, version: { increment: 1 } },
      }),
    })
    await writeAudit(tx, actorOf(user), { action: 'UPDATE', entity: 'DataImport', entityId: id, before: { status: imp.status }, after: { status: 'IMPORTING', mode } })
  })
}

/**
 * Set aside a dry run that will not be imported (a draft left "Siap diimpor" could be confirmed later by mistake):
 * the import becomes CANCELLED, nothing is written, and its rows go with the next tidy. Conditional on the state and
 * the version the user saw (lib/transitions.ts), with its audit row, in one transaction: a newer dry run than the
 * one on the user's page is not thrown away unseen.
 */
export async function discardCheck(user: SessionUser, id: string, version: number): Promise<void> {
  const { imp } = await ownImport(user, id)
  await db.$transaction(async (tx) => {
    if (imp.version !== version) throw await conflictError(tx, 'DataImport', id, STALE_LABEL)
    if (imp.status !== 'CHECKED') throw new AppError('CONFLICT', 'Hanya hasil uji coba yang belum diimpor yang dapat dibuang.')
    await transition(tx, {
      entity: 'DataImport', entityId: id, label: STALE_LABEL,
      update: () => tx.dataImport.updateMany({
        where: { id, version, status: 'CHECKED' },
        data: { status: 'CANCELLED', finishedAt: new Date(), version: { increment: 1 } },
      }),
    })
    await writeAudit(tx, actorOf(user), { action: 'UPDATE', entity: 'DataImport', entityId: id, before: { status: 'CHECKED' }, after: { status: 'CANCELLED', discarded: true } })
  })
}

/**
 * Stop a running check or import: its open transaction rolls back, nothing of it is kept. A dry run that ended while
 * the cancel was on its way (it had come back "Siap diimpor" with its 20.000 new rows, the cancel lost without a
 * word) is discarded as the user asked: it wrote nothing but its verdicts.
 */
export async function cancelImport(user: SessionUser, id: string): Promise<void> {
  const { imp } = await ownImport(user, id)
  // a cancel stops whatever runs now: the dry run that ended meanwhile is the one it stops, at the version read
  if (imp.status === 'CHECKED') return discardCheck(user, id, imp.version)
  if (!BUSY.has(imp.status) || !imp.jobId) throw new AppError('CONFLICT', 'Tidak ada proses yang berjalan untuk impor ini.')
  const jobId = imp.jobId
  await db.$transaction(async (tx) => {
    await requestCancel(jobId, tx)
    // a job cancelled before a worker took it never runs its handler: settle the import here
    const job = await tx.job.findUnique({ where: { id: jobId }, select: { state: true } })
    if (job?.state === 'CANCELLED') await tx.dataImport.updateMany({ where: { id, status: imp.status }, data: { status: 'CANCELLED', finishedAt: new Date() } })
    // the dry run committed its verdicts between the read above and the request (its job may not say so yet)
    const ended = imp.status === 'CHECKING' && job?.state !== 'CANCELLED'
      ? (await tx.dataImport.updateMany({ where: { id, status: 'CHECKED' }, data: { status: 'CANCELLED', finishedAt: new Date(), version: { increment: 1 } } })).count === 1
      : false
    const status = job?.state === 'CANCELLED' || ended ? 'CANCELLED' : imp.status
    await writeAudit(tx, actorOf(user), { action: 'UPDATE', entity: 'DataImport', entityId: id, before: { status: ended ? 'CHECKED' : imp.status }, after: { cancelRequested: true, status, ...(ended && { discarded: true }) } })
  })
}

export type ImportProgress = {
  status: string
  done: number
  total: number | null
  note: string | null
  error: string | null
}

/** The import's status and its job's progress (rows done of total). */
export async function importProgress(user: SessionUser, id: string): Promise<ImportProgress> {
  const { imp } = await ownImport(user, id)
  const job = imp.jobId ? await db.job.findUnique({ where: { id: imp.jobId }, select: { progressDone: true, progressTotal: true, progressNote: true } }) : null
  const row = await db.dataImport.findUniqueOrThrow({ where: { id }, select: { error: true } })
  // before the job has said its total (queued, or just started), the sheet's rows counted at upload: "0 baris" on a
  // bar with no end had stood until a small file was already done
  const sheets = imp.sheets as SheetInfo[]
  const rows = (sheets.find((s) => s.name === imp.sheetName) ?? sheets[0])?.dataRows ?? null
  return { status: imp.status, done: job?.progressDone ?? 0, total: job?.progressTotal ?? rows, note: job?.progressNote ?? null, error: row.error }
}
