/**
 * Import: MSME rows written to a real .xlsx (exceljs streaming writer), then read back with the
 * streaming reader, validated row by row with the MSME form's zod schema (lib/validations/msmes.ts:
 * NIB 13 digits, NIK 16, KBLI 5, counts and Rupiah amounts), scaled by PP 7/2021
 * (lib/registers/scale.ts), and inserted in batches with `INSERT … SELECT FROM unnest(...)
 * ON CONFLICT (nib) DO NOTHING`, as an import does. The floor: PostgreSQL `COPY … FROM STDIN`
 * (pg-copy-streams) of exactly the rows the import accepted, into the same table with the same
 * indexes, after the imported rows were deleted again.
 *
 * A few rows are malformed on purpose (about 1 in 250), so the rejection path runs too.
 */
import { statSync } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import path from 'node:path'
import ExcelJS from 'exceljs'
import pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'
import { computeScale, isScaleMismatch } from '../../lib/registers/scale'
import { msmeSchema } from '../../lib/validations/msmes'
import { PROVINCE } from './data'
import { round, timed } from './stats'

const HEADER = ['NIB', 'Nama Usaha', 'Nama Pemilik', 'NIK Pemilik', 'Jenis Kelamin', 'KBLI', 'Kode Kab/Kota', 'Kode Kecamatan', 'Alamat', 'Telepon',
  'Tenaga Kerja', 'Modal Usaha', 'Omzet Tahunan', 'Skala Tercatat', 'Usaha Baru'] as const
const FIELDS = ['nib', 'businessName', 'ownerName', 'ownerNik', 'ownerGender', 'kbli', 'regencyCode', 'districtCode', 'address', 'phone',
  'workers', 'businessCapital', 'annualSales', 'recordedScale', 'newRegistration'] as const

const BATCH = 5_000
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
  import: { seconds: number; rowsPerSecond: number; readSeconds: number; validateSeconds: number; insertSeconds: number }
  copy: { seconds: number; rowsPerSecond: number; method: string }
  ratio: number
  insertOnlyRatio: number
}

const PRODUCTS = ['Keripik Tempe', 'Batik Tulis', 'Tahu', 'Kue Basah', 'Sambal', 'Kopi Bubuk', 'Bordir', 'Anyaman Bambu', 'Jamu', 'Warung', 'Roti', 'Kerupuk']
const NAMES = ['Siti', 'Sri', 'Dewi', 'Nur', 'Ahmad', 'Budi', 'Slamet', 'Agus', 'Joko', 'Hadi', 'Eko', 'Ratna']
const FAMILY = ['Wahyuni', 'Santoso', 'Hidayat', 'Rahayu', 'Prasetyo', 'Susanti', 'Kurniawan', 'Lestari']
const KBLI = ['10793', '13134', '10792', '10710', '10773', '10761', '13992', '16292', '21022', '47111', '10794', '56210']

/** Write `rows` MSME rows to an .xlsx file with the streaming writer; NIB and NIK as text cells. */
async function writeXlsx(file: string, rows: number, regencies: { code: string; districts: string[] }[]) {
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

type Columns = {
  id: string[]; nib: string[]; businessName: string[]; ownerName: string[]; ownerNik: string[]; ownerGender: string[]; kbli: string[]
  regencyCode: string[]; districtCode: (string | null)[]; address: (string | null)[]; phone: (string | null)[]; workers: number[]
  businessCapital: string[]; annualSales: string[]; recordedScale: (string | null)[]; computedScale: string[]; scaleMismatch: boolean[]; newRegistration: boolean[]
}
const emptyColumns = (): Columns => ({
  id: [], nib: [], businessName: [], ownerName: [], ownerNik: [], ownerGender: [], kbli: [], regencyCode: [], districtCode: [], address: [], phone: [],
  workers: [], businessCapital: [], annualSales: [], recordedScale: [], computedScale: [], scaleMismatch: [], newRegistration: [],
})

const INSERT_SQL = `
  INSERT INTO msmes (id, nib, business_name, owner_name, owner_nik, owner_gender, kbli, regency_code, district_code, address, phone, workers,
    business_capital, annual_sales, recorded_scale, computed_scale, scale_mismatch, new_registration, version, created_at, updated_at)
  SELECT u.*, 1, now(), now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::"Gender"[], $7::text[], $8::text[], $9::text[],
    $10::text[], $11::text[], $12::int[], $13::numeric[], $14::numeric[], $15::"BusinessScale"[], $16::"BusinessScale"[], $17::boolean[], $18::boolean[]) u
  ON CONFLICT (nib) DO NOTHING`

const COLUMN_ORDER = ['id', 'nib', 'businessName', 'ownerName', 'ownerNik', 'ownerGender', 'kbli', 'regencyCode', 'districtCode', 'address', 'phone', 'workers',
  'businessCapital', 'annualSales', 'recordedScale', 'computedScale', 'scaleMismatch', 'newRegistration'] as const

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return ''
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('')
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '')
  return String(v)
}

/** Read, validate and insert the file; returns the accepted rows (for the COPY floor) and phase timings. */
async function importFile(c: pg.Client, file: string, regencyPrefixes: Set<string>) {
  let readMs = 0
  let validateMs = 0
  let insertMs = 0
  let accepted = 0
  let rejected = 0
  let inserted = 0
  const all = emptyColumns()
  let batch = emptyColumns()
  const errors: string[] = []
  const flush = async () => {
    if (batch.id.length === 0) return
    const t = performance.now()
    const r = await c.query(INSERT_SQL, COLUMN_ORDER.map((k) => batch[k]))
    insertMs += performance.now() - t
    inserted += r.rowCount ?? 0
    for (const k of COLUMN_ORDER) (all[k] as unknown[]).push(...batch[k])
    batch = emptyColumns()
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'emit' })
  let mark = performance.now()
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const t = performance.now()
      readMs += t - mark
      if (row.number === 1) {
        const header = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText)
        if (header.join('|') !== HEADER.join('|')) throw new Error(`unexpected header: ${header.join(', ')}`)
        mark = performance.now()
        continue
      }
      const values = row.values as ExcelJS.CellValue[]
      const input: Record<string, string> = {}
      FIELDS.forEach((f, i) => (input[f] = cellText(values[i + 1])))
      input.newRegistration = /^(ya|y|1|true)$/i.test(input.newRegistration) ? 'true' : ''
      const parsed = msmeSchema.safeParse(input)
      const regencyOk = parsed.success && regencyPrefixes.has(parsed.data.ownerNik.slice(0, 4)) && regencyPrefixes.has(parsed.data.regencyCode.replace('.', ''))
      if (!parsed.success || !regencyOk) {
        rejected++
        if (errors.length < 3) errors.push(`baris ${row.number}: ${parsed.success ? 'kode wilayah NIK tidak dikenal' : parsed.error.issues[0].message}`)
      } else {
        const m = parsed.data
        const computed = computeScale(m)
        batch.id.push(`i${m.nib}`); batch.nib.push(m.nib); batch.businessName.push(m.businessName); batch.ownerName.push(m.ownerName)
        batch.ownerNik.push(m.ownerNik); batch.ownerGender.push(m.ownerGender); batch.kbli.push(m.kbli); batch.regencyCode.push(m.regencyCode)
        batch.districtCode.push(m.districtCode); batch.address.push(m.address); batch.phone.push(m.phone); batch.workers.push(m.workers)
        batch.businessCapital.push(m.businessCapital); batch.annualSales.push(m.annualSales); batch.recordedScale.push(m.recordedScale)
        batch.computedScale.push(computed); batch.scaleMismatch.push(isScaleMismatch(m.recordedScale, computed)); batch.newRegistration.push(m.newRegistration)
        accepted++
      }
      validateMs += performance.now() - t
      if (batch.id.length >= BATCH) await flush()
      mark = performance.now()
    }
  }
  await flush()
  return { accepted, rejected, inserted, readMs, validateMs, insertMs, rows: all, errors }
}

/** COPY text format: tab-separated, `\N` for null, backslash escapes. */
function copyText(rows: Columns): string {
  const esc = (v: string | number | boolean | null) =>
    v === null ? '\\N' : typeof v === 'boolean' ? (v ? 't' : 'f') : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
  const lines: string[] = []
  for (let i = 0; i < rows.id.length; i++) lines.push(COLUMN_ORDER.map((k) => esc(rows[k][i])).join('\t') + '\t1\t' + NOW + '\t' + NOW + '\n')
  return lines.join('')
}
const NOW = new Date().toISOString()

async function removeImported(c: pg.Client) {
  await c.query(`DELETE FROM msmes WHERE id LIKE 'i${NIB_PREFIX}%'`)
  await c.query('VACUUM ANALYZE msmes')
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
    // an import checks region codes against the regions table once per file, not per row
    const prefixes = new Set(((await c.query(`SELECT replace(code, '.', '') AS p FROM regencies`)).rows as { p: string }[]).map((r) => r.p))
    await removeImported(c)

    const file = path.join(opts.dir, `umkm-${opts.rows}.xlsx`)
    const write = await timed(() => writeXlsx(file, opts.rows, regs))
    const { size } = statSync(file)
    opts.log(`  .xlsx with ${opts.rows.toLocaleString('en')} rows written (${(size / 1e6).toFixed(1)} MB, ${(write.ms / 1000).toFixed(1)} s)`)

    const imp = await timed(() => importFile(c, file, prefixes))
    const r = imp.value
    opts.log(`  import: ${r.accepted.toLocaleString('en')} accepted, ${r.rejected} rejected (e.g. ${r.errors.join('; ')}), ${r.inserted.toLocaleString('en')} inserted in ${(imp.ms / 1000).toFixed(1)} s`)
    if (r.inserted !== r.accepted) throw new Error(`import inserted ${r.inserted} of ${r.accepted} accepted rows (leftovers of an earlier run?)`)

    await removeImported(c)
    const text = copyText(r.rows)
    const cols = ['id', 'nib', 'business_name', 'owner_name', 'owner_nik', 'owner_gender', 'kbli', 'regency_code', 'district_code', 'address', 'phone', 'workers',
      'business_capital', 'annual_sales', 'recorded_scale', 'computed_scale', 'scale_mismatch', 'new_registration', 'version', 'created_at', 'updated_at']
    const copy = await timed(async () => {
      const stream = c.query(copyFrom(`COPY msmes (${cols.join(', ')}) FROM STDIN`))
      await pipeline(Readable.from([text]), stream)
    })
    const copied = (await c.query(`SELECT count(*)::int AS n FROM msmes WHERE id LIKE 'i${NIB_PREFIX}%'`)).rows[0].n
    if (copied !== r.accepted) throw new Error(`COPY loaded ${copied} rows, expected ${r.accepted}`)
    opts.log(`  COPY of the same ${copied.toLocaleString('en')} rows: ${(copy.ms / 1000).toFixed(2)} s`)
    await removeImported(c)

    const seconds = imp.ms / 1000
    return {
      rows: opts.rows, accepted: r.accepted, rejected: r.rejected, inserted: r.inserted, batchSize: BATCH, xlsxBytes: size, writeXlsxSeconds: round(write.ms / 1000, 2),
      import: {
        seconds: round(seconds, 2), rowsPerSecond: Math.round(r.accepted / seconds),
        readSeconds: round(r.readMs / 1000, 2), validateSeconds: round(r.validateMs / 1000, 2), insertSeconds: round(r.insertMs / 1000, 2),
      },
      copy: { seconds: round(copy.ms / 1000, 2), rowsPerSecond: Math.round(r.accepted / (copy.ms / 1000)), method: 'COPY msmes FROM STDIN (pg-copy-streams, text format)' },
      ratio: round(imp.ms / copy.ms, 2),
      insertOnlyRatio: round(r.insertMs / copy.ms, 2),
    }
  } finally {
    await c.end()
  }
}
