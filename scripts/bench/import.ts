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
import { spawn } from 'node:child_process'
import { statSync } from 'node:fs'
import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import path from 'node:path'
import ExcelJS from 'exceljs'
import pg from 'pg'
import { from as copyFrom, to as copyTo } from 'pg-copy-streams'
import { BATCH_ROWS } from '../../lib/imports/pipeline'
import { PROVINCE } from './data'
import { round, timed } from './stats'
import { RESULT_PREFIX, checkpoint, type RealImport } from './import-result'
import { workerHeapFlags } from '../lib/worker-process'

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
  await c.query('VACUUM ANALYZE msmes, audit_logs')
  await checkpoint(c)
}

/**
 * The real import path, run in a process of its own (scripts/bench/import-worker.ts): that process does
 * nothing but the import, as an app instance's job worker does, so its peak RSS is the import's and not this
 * process's, which generated the data set and the .xlsx and holds their garbage (275 MB before an import
 * began, measured 3 December 2026). This process's Node flags (tsx, `react-server` conditions; pass
 * `--expose-gc` to the bench to also see the live heap) and the job worker process's heap flags.
 */
async function realImport(file: string, userId: string): Promise<RealImport> {
  // the deployed job worker's heap flags (scripts/lib/worker-process.ts), or BENCH_IMPORT_WORKER_FLAGS instead
  // (e.g. `--max-old-space-size=160`; empty: none, V8's own limit)
  const override = process.env.BENCH_IMPORT_WORKER_FLAGS
  const flags = override !== undefined ? override.split(/\s+/).filter(Boolean) : workerHeapFlags()
  const child = spawn(process.execPath, [...process.execArgv, ...flags, path.join(process.cwd(), 'scripts/bench/import-worker.ts'), file, userId], {
    env: process.env, stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => { out += d })
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  const line = out.split('\n').find((l) => l.startsWith(RESULT_PREFIX))
  if (code !== 0 || !line) throw new Error(`the import worker ended with code ${code}: ${out.slice(-2000)}`)
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as RealImport
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
    // as before the import's write: the rows removed, the tables vacuumed, a checkpoint
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
