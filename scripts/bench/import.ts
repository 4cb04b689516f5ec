/**
 * Import: MSME rows written to a real .xlsx (exceljs streaming writer) with the template's headings, then
 * imported through the app's real path (lib/imports: upload and analysis, automatic mapping, the dry-run job,
 * the write job through the register's batched write with its audit rows, valid rows only). The floor:
 * PostgreSQL `COPY … FROM STDIN` (pg-copy-streams) of exactly the rows the import wrote, into the same
 * table with the same indexes, after those rows were deleted again; beside it, the same COPY followed by a
 * COPY of the audit rows the import wrote for them (the floor of any write that keeps one audit row per
 * record). Peak memory is also reported per phase (upload, dry run, write), RSS and JavaScript heap.
 *
 * A few rows are malformed on purpose (about 1 in 250), so the rejection path runs too.
 */
import { readFileSync, statSync } from 'node:fs'
import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import path from 'node:path'
import ExcelJS from 'exceljs'
import pg from 'pg'
import { from as copyFrom, to as copyTo } from 'pg-copy-streams'
import { BATCH_ROWS } from '../../lib/imports/pipeline'
import { PROVINCE } from './data'
import { round, timed } from './stats'

/** The MSME template's own headings (lib/imports/kinds/msmes.ts), so the import maps every column by itself. */
const HEADER = ['NIB', 'Nama Usaha', 'Nama Pemilik', 'NIK Pemilik', 'Jenis Kelamin Pemilik', 'KBLI', 'Kabupaten/Kota', 'Kecamatan', 'Alamat', 'Telepon',
  'Tenaga Kerja', 'Modal Usaha', 'Omzet Tahunan', 'Skala Tercatat', 'Usaha Baru'] as const
/** NIBs of imported rows start with 7 (the registers' generated ones with 9), so the bench can remove them again. */
const NIB_PREFIX = '7'

export type ImportResult = {
  rows: number
  accepted: number
  rejected: number
  inserted: number
  batchSize: number
  xlsxBytes: number
  writeXlsxSeconds: number
  import: { seconds: number; rowsPerSecond: number; uploadSeconds: number; checkSeconds: number; commitSeconds: number }
  copy: { seconds: number; rowsPerSecond: number; method: string }
  /** the records and their audit rows by COPY: the floor of a write that keeps one audit row per record */
  copyWithAudit: { seconds: number; method: string }
  /** the whole import (upload, dry run, write) ÷ COPY */
  ratio: number
  /** the whole import ÷ COPY of the records and their audit rows */
  ratioWithAudit: number
  /** the write job alone ÷ COPY */
  commitOnlyRatio: number
  peakRssMb: number
  baselineRssMb: number
  /** the peak RSS and JavaScript heap of each phase, MB */
  /**
   * the peak RSS, JavaScript heap in use and memory outside the heap (buffers, WebAssembly: Prisma's query
   * compiler) of each phase, MB; `live`: the largest heap left after a forced full GC (only when run with
   * NODE_OPTIONS=--expose-gc, which forces one every second: the live set, without the garbage not yet collected)
   */
  phasePeaksMb: Record<'upload' | 'check' | 'commit', { rss: number; heap: number; external: number; live?: number }>
}

const PRODUCTS = ['Keripik Tempe', 'Batik Tulis', 'Tahu', 'Kue Basah', 'Sambal', 'Kopi Bubuk', 'Bordir', 'Anyaman Bambu', 'Jamu', 'Warung', 'Roti', 'Kerupuk']
const NAMES = ['Siti', 'Sri', 'Dewi', 'Nur', 'Ahmad', 'Budi', 'Slamet', 'Agus', 'Joko', 'Hadi', 'Eko', 'Ratna']
const FAMILY = ['Wahyuni', 'Santoso', 'Hidayat', 'Rahayu', 'Prasetyo', 'Susanti', 'Kurniawan', 'Lestari']
const KBLI = ['10793', '13134', '10792', '10710', '10773', '10761', '13992', '16292', '21022', '47111', '10794', '56210']

/** Write `rows` MSME rows to an .xlsx file with the streaming writer; NIB and NIK as text cells. */
export async function writeXlsx(file: string, rows: number, regencies: { code: string; districts: string[] }[]) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false })
  const ws = wb.addWorksheet('UMKM')
  ws.addRow([...HEADER]).commit()
  for (let i = 1; i <= rows; i++) {
    const reg = regencies[(i * 7) % regencies.length]
    const digits = reg.code.replace('.', '')
    const female = i % 5 < 3
    const sales = 24_000_000 + ((i * 7919) % 400) * 5_000_000
    let nib = NIB_PREFIX + digits + String(i).padStart(8, '0')
    let nik = digits + '01' + String((i % 28) + 1 + (female ? 40 : 0)).padStart(2, '0') + String((i % 12) + 1).padStart(2, '0') + String(60 + (i % 40)) + String(i % 10_000).padStart(4, '0')
    let workers: number | string = 1 + (i % 9)
    // about 1 in 250 rows is malformed the way spreadsheets are: a short NIB, a NIK with a letter, text in a number
    if (i % 250 === 17) nib = nib.slice(0, 12)
    if (i % 250 === 101) nik = nik.slice(0, 15) + 'O'
    if (i % 250 === 211) workers = 'lima'
    ws.addRow([
      nib,
      `${PRODUCTS[i % PRODUCTS.length]} ${NAMES[(i * 3) % NAMES.length]} ${i}`,
      `${NAMES[i % NAMES.length]} ${FAMILY[(i * 5) % FAMILY.length]}`,
      nik,
      female ? 'P' : 'L',
      KBLI[i % KBLI.length],
      reg.code,
      reg.districts[i % reg.districts.length] ?? '',
      `Jl. Merdeka No. ${1 + (i % 150)}`,
      `08${String(1_000_000_000 + ((i * 104_729) % 8_999_999_999)).slice(0, 10)}`,
      workers,
      Math.round(sales * 0.4),
      sales,
      i % 10 === 0 ? 'MIKRO' : '',
      i % 20 === 0 ? 'Ya' : 'Tidak',
    ]).commit()
  }
  await ws.commit()
  await wb.commit()
}

async function removeImported(c: pg.Client) {
  await c.query(`DELETE FROM msmes WHERE nib LIKE '${NIB_PREFIX}%'`)
  await c.query('VACUUM ANALYZE msmes')
}

/**
 * The real import path (lib/imports): the file uploaded with createImport (checked, every sheet analysed, the
 * columns mapped by heading), the dry run (job `import.check`) and the write (job `import.commit`, valid rows
 * only: about 1 row in 250 is malformed on purpose) run by the app's own job runner in this process, exactly
 * as the worker started from instrumentation.ts runs them. Peak memory is this process's RSS, sampled every
 * 50 ms while the import runs (the jobs run here).
 */
async function realImport(file: string, userId: string) {
  const { createImport, startCheck, startCommit } = await import('../../lib/imports/service')
  const { runJobsUntilIdle } = await import('../../lib/jobs')
  const { db } = await import('../../lib/db')
  const user = { id: userId, username: 'bench-admin', name: 'Bench Admin', role: 'ADMIN' as const, regencyCode: null, bankId: null, mustChangePassword: false }
  let peak = process.memoryUsage().rss
  // the peak of each phase too (RSS and the JavaScript heap), to see where memory goes
  const phase0 = () => ({ rss: 0, heap: 0, external: 0, live: undefined as number | undefined })
  const phases = { upload: phase0(), check: phase0(), commit: phase0() }
  let phase: keyof typeof phases = 'upload'
  const sampler = setInterval(() => {
    const m = process.memoryUsage()
    peak = Math.max(peak, m.rss)
    phases[phase].rss = Math.max(phases[phase].rss, m.rss)
    phases[phase].heap = Math.max(phases[phase].heap, m.heapUsed)
    phases[phase].external = Math.max(phases[phase].external, m.external)
  }, 50)
  const gc = (globalThis as { gc?: () => void }).gc
  const collector = gc && setInterval(() => {
    gc()
    phases[phase].live = Math.max(phases[phase].live ?? 0, process.memoryUsage().heapUsed)
  }, 1000)
  const baseline = process.memoryUsage().rss
  try {
    const t0 = performance.now()
    const id = await createImport(user, 'umkm', new File([readFileSync(file)], path.basename(file)))
    const imp = await db.dataImport.findUniqueOrThrow({ where: { id }, select: { sheetName: true, mapping: true } })
    const unmapped = Object.entries(imp.mapping as Record<string, string | null>).filter(([, f]) => !f).map(([h]) => h)
    if (unmapped.length) throw new Error(`columns not mapped by heading: ${unmapped.join(', ')}`)
    const t1 = performance.now()
    phase = 'check'
    await startCheck(user, id, imp.sheetName!, imp.mapping as Record<string, string | null>)
    await runJobsUntilIdle()
    const checked = await db.dataImport.findUniqueOrThrow({ where: { id }, select: { status: true, summary: true, error: true } })
    if (checked.status !== 'CHECKED') throw new Error(`dry run ended ${checked.status}: ${checked.error}`)
    const t2 = performance.now()
    phase = 'commit'
    await startCommit(user, id, 'VALID_ONLY')
    await runJobsUntilIdle()
    const done = await db.dataImport.findUniqueOrThrow({ where: { id }, select: { status: true, summary: true, error: true } })
    if (done.status !== 'DONE') throw new Error(`import ended ${done.status}: ${done.error}`)
    const t3 = performance.now()
    const commit = (done.summary as { commit: { create: number; invalid: number } }).commit
    const firstErrors = await db.importRow.findMany({ where: { importId: id, outcome: 'INVALID' }, select: { rowNumber: true, errors: true }, take: 3, orderBy: { rowNumber: 'asc' } })
    return {
      accepted: commit.create, rejected: commit.invalid, uploadMs: t1 - t0, checkMs: t2 - t1, commitMs: t3 - t2, totalMs: t3 - t0,
      peakRss: peak, baselineRss: baseline, phases,
      errors: firstErrors.map((r) => `baris ${r.rowNumber}: ${(r.errors as { message: string }[])[0]?.message}`),
    }
  } finally {
    clearInterval(sampler)
    if (collector) clearInterval(collector)
  }
}

export async function benchImport(opts: { url: string; rows: number; dir: string; log: (m: string) => void }): Promise<ImportResult> {
  const c = new pg.Client({ connectionString: opts.url })
  await c.connect()
  try {
    const regs = (
      await c.query(
        `SELECT r.code, coalesce(array_agg(d.code ORDER BY d.code) FILTER (WHERE d.code IS NOT NULL), '{}') AS districts
        FROM regencies r LEFT JOIN districts d ON d.regency_code = r.code WHERE r.province_code = $1 GROUP BY r.code ORDER BY r.code`,
        [PROVINCE],
      )
    ).rows as { code: string; districts: string[] }[]
    await removeImported(c)
    const userId = (await c.query(
      `INSERT INTO users (id, username, name, role, password_hash, updated_at) VALUES ('bench-import-admin', 'bench-import-admin', 'Bench Admin', 'ADMIN', 'x', now())
       ON CONFLICT (id) DO UPDATE SET active = true RETURNING id`,
    )).rows[0].id as string

    const file = path.join(opts.dir, `umkm-${opts.rows}.xlsx`)
    const write = await timed(() => writeXlsx(file, opts.rows, regs))
    const { size } = statSync(file)
    opts.log(`  .xlsx with ${opts.rows.toLocaleString('en')} rows written (${(size / 1e6).toFixed(1)} MB, ${(write.ms / 1000).toFixed(1)} s)`)

    const r = await realImport(file, userId)
    opts.log(`  import (upload ${(r.uploadMs / 1000).toFixed(1)} s, dry run ${(r.checkMs / 1000).toFixed(1)} s, write ${(r.commitMs / 1000).toFixed(1)} s): ` +
      `${r.accepted.toLocaleString('en')} written, ${r.rejected} rejected (e.g. ${r.errors.join('; ')}); peak RSS ${(r.peakRss / 1e6).toFixed(0)} MB ` +
      `(${Object.entries(r.phases).map(([k, v]) => `${k} ${(v.rss / 1e6).toFixed(0)} MB, heap ${(v.heap / 1e6).toFixed(0)} MB${v.live === undefined ? '' : ` (live ${(v.live / 1e6).toFixed(0)})`}, outside ${(v.external / 1e6).toFixed(0)} MB`).join('; ')})`)
    const inserted = (await c.query(`SELECT count(*)::int AS n FROM msmes WHERE nib LIKE '${NIB_PREFIX}%'`)).rows[0].n as number
    if (inserted !== r.accepted) throw new Error(`the import reports ${r.accepted} rows written, the table holds ${inserted}`)

    // the floor: exactly the rows the import wrote, taken out again and put back with COPY (same table, same indexes)
    const cols = (await c.query(`SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) AS cols FROM information_schema.columns WHERE table_name = 'msmes' AND is_generated = 'NEVER'`)).rows[0].cols as string
    const chunks: Buffer[] = []
    await pipeline(c.query(copyTo(`COPY (SELECT ${cols} FROM msmes WHERE nib LIKE '${NIB_PREFIX}%') TO STDOUT`)), new Writable({ write(chunk, _e, cb) { chunks.push(chunk as Buffer); cb() } }))
    // and their audit rows (one per record, which the import must write and COPY of the records alone does not)
    const audited = `entity = 'Msme' AND entity_id IN (SELECT id FROM msmes WHERE nib LIKE '${NIB_PREFIX}%')`
    const auditChunks: Buffer[] = []
    await pipeline(c.query(copyTo(`COPY (SELECT * FROM audit_logs WHERE ${audited}) TO STDOUT`)), new Writable({ write(chunk, _e, cb) { auditChunks.push(chunk as Buffer); cb() } }))
    await c.query(`DELETE FROM audit_logs WHERE ${audited}`)
    await removeImported(c)
    const copy = await timed(async () => {
      await pipeline(Readable.from(chunks), c.query(copyFrom(`COPY msmes (${cols}) FROM STDIN`)))
    })
    const copyAudit = await timed(async () => {
      await pipeline(Readable.from(auditChunks), c.query(copyFrom(`COPY audit_logs FROM STDIN`)))
    })
    await c.query(`DELETE FROM audit_logs WHERE ${audited}`)
    const copied = (await c.query(`SELECT count(*)::int AS n FROM msmes WHERE nib LIKE '${NIB_PREFIX}%'`)).rows[0].n
    if (copied !== r.accepted) throw new Error(`COPY loaded ${copied} rows, expected ${r.accepted}`)
    opts.log(`  COPY of the same ${copied.toLocaleString('en')} rows: ${(copy.ms / 1000).toFixed(2)} s; COPY of their audit rows: ${(copyAudit.ms / 1000).toFixed(2)} s`)
    await removeImported(c)

    return {
      rows: opts.rows, accepted: r.accepted, rejected: r.rejected, inserted, batchSize: BATCH_ROWS, xlsxBytes: size, writeXlsxSeconds: round(write.ms / 1000, 2),
      import: {
        seconds: round(r.totalMs / 1000, 2), rowsPerSecond: Math.round(r.accepted / (r.totalMs / 1000)),
        uploadSeconds: round(r.uploadMs / 1000, 2), checkSeconds: round(r.checkMs / 1000, 2), commitSeconds: round(r.commitMs / 1000, 2),
      },
      copy: { seconds: round(copy.ms / 1000, 2), rowsPerSecond: Math.round(r.accepted / (copy.ms / 1000)), method: 'COPY msmes FROM STDIN (pg-copy-streams, text format) of the rows the import wrote' },
      copyWithAudit: { seconds: round((copy.ms + copyAudit.ms) / 1000, 2), method: 'COPY of the same rows, then COPY audit_logs FROM STDIN of the audit rows the import wrote for them' },
      ratio: round(r.totalMs / copy.ms, 2),
      ratioWithAudit: round(r.totalMs / (copy.ms + copyAudit.ms), 2),
      commitOnlyRatio: round(r.commitMs / copy.ms, 2),
      peakRssMb: Math.round(r.peakRss / 1e6),
      baselineRssMb: Math.round(r.baselineRss / 1e6),
      phasePeaksMb: Object.fromEntries(Object.entries(r.phases).map(([k, v]) => [k, {
        rss: Math.round(v.rss / 1e6), heap: Math.round(v.heap / 1e6), external: Math.round(v.external / 1e6), ...(v.live !== undefined && { live: Math.round(v.live / 1e6) }),
      }])) as ImportResult['phasePeaksMb'],
    }
  } finally {
    await c.end()
  }
}
