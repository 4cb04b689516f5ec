import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { BATCH_ROWS } from '@/lib/imports/pipeline'
import { seedReportingCatalogue } from '@/prisma/seed/reporting'
import type { SessionUser } from '@/lib/session-user'
import { createUser } from '../support/factories'
import { asSession, checkImport, commitImport } from '../support/imports'

/**
 * A quarterly report's rows spread over two batches of the pipeline (500 rows each): the form's ERROR rules are
 * run on the report as the WHOLE file leaves it (the kind's `gather` pass), so two rows that together break a
 * rule, or together repair a stored breach, get the verdict they would get side by side, in the dry run and in
 * the commit alike.
 */
const JOMBANG = '35.17'
const HEAD = ['Kabupaten/Kota', 'Tahun', 'Triwulan', 'Indikator', 'Nilai', 'Keterangan']
type Cell = string | number | null

async function xlsx(rows: Cell[][]): Promise<File> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Data')
  ws.addRow(HEAD)
  for (const r of rows) ws.addRow(r)
  return new File([Buffer.from(await wb.xlsx.writeBuffer())], 'laporan.xlsx')
}

/** Values without an ERROR rule between them, for reports no test row touches (Jombang, 2003–2024): 616 rows. */
function filler(): Cell[][] {
  const rows: Cell[][] = []
  const codes = ['IUMK_TERBIT', 'BANTUAN_MODAL', 'FASILITASI_UMKM', 'FASILITASI_KOP', 'DAK_PENDAMPINGAN', 'KOP_KAMPUNG', 'MANAJER_KSP']
  for (let year = 2003; year <= 2024; year++) for (let quarter = 1; quarter <= 4; quarter++) for (const code of codes) rows.push([JOMBANG, year, quarter, code, year - 2000 + quarter, ''])
  return rows
}

const RULE = 'Koperasi aktif tidak boleh melebihi koperasi terdaftar.'
/** the rule's own English, stored with the verdict for the English interface */
const RULE_EN = 'Active cooperatives cannot exceed registered cooperatives.'
// Triwulan I 2025: nothing stored; 100 registered, 150 active only break the rule together
const REGISTERED_Q1: Cell[] = [JOMBANG, 2025, 'I', 'KOP_TERDAFTAR', 100, '']
const ACTIVE_Q1: Cell[] = [JOMBANG, 2025, 'I', 'KOP_AKTIF', 150, '']
// Triwulan II 2025: stored 100 registered, 90 active; 50 registered alone would break the rule, with 40 active it does not
const REGISTERED_Q2: Cell[] = [JOMBANG, 2025, 'II', 'KOP_TERDAFTAR', 50, '']
const ACTIVE_Q2: Cell[] = [JOMBANG, 2025, 'II', 'KOP_AKTIF', 40, '']
const KEYS = ['35.17/2025/1/KOP_TERDAFTAR', '35.17/2025/1/KOP_AKTIF', '35.17/2025/2/KOP_TERDAFTAR', '35.17/2025/2/KOP_AKTIF']

let admin: SessionUser

beforeAll(async () => {
  await seedReportingCatalogue(db)
  admin = asSession(await createUser('ADMIN'), 'Admin Uji')
  const stored = await checkImport(admin, 'laporan-triwulan', await xlsx([[JOMBANG, 2025, 2, 'KOP_TERDAFTAR', 100, ''], [JOMBANG, 2025, 2, 'KOP_AKTIF', 90, '']]))
  expect(await commitImport(admin, stored.id)).toMatchObject({ status: 'DONE' })
})

type Checked = Awaited<ReturnType<typeof checkImport>>
/** The verdicts of the four test rows, by key: what a row's position in the file must not change. */
const verdicts = (dry: Checked) => KEYS.map((k) => {
  const row = dry.rows.find((r) => r.key === k)!
  return { key: k, outcome: row.outcome, errors: row.errors, changes: row.changes }
})

describe('report values over more than one batch', () => {
  it('judges a report\'s rows in different batches together, gives them the verdict they get side by side, and writes what it showed', async () => {
    const fill = filler()
    // the rows of each report on both sides of the first batch's end: one at the top, one at the bottom
    const spread = [REGISTERED_Q1, REGISTERED_Q2, ...fill, ACTIVE_Q1, ACTIVE_Q2]
    expect(BATCH_ROWS).toBe(500)
    expect(spread.length).toBeGreaterThan(BATCH_ROWS)
    const dry = await checkImport(admin, 'laporan-triwulan', await xlsx(spread))
    expect(dry.status).toBe('CHECKED')
    expect(dry.check).toEqual({ total: fill.length + 4, create: fill.length + 1, update: 2, unchanged: 0, invalid: 1 })
    expect(verdicts(dry)).toEqual([
      { key: KEYS[0], outcome: 'CREATE', errors: null, changes: null },
      // the rule names the active cooperatives: the row that brings them answers for it
      { key: KEYS[1], outcome: 'INVALID', errors: [{ column: 'Nilai', message: RULE, messageEn: RULE_EN }], changes: null },
      // alone against the stored 90 active, 50 registered would be refused; the file's 40 active repair it
      { key: KEYS[2], outcome: 'UPDATE', errors: null, changes: [{ field: 'value', column: 'Nilai', before: '100', after: '50' }] },
      { key: KEYS[3], outcome: 'UPDATE', errors: null, changes: [{ field: 'value', column: 'Nilai', before: '90', after: '40' }] },
    ])
    // rows 2-3 in the first batch, the last two rows in the second
    expect(dry.rows.filter((r) => KEYS.includes(r.key!)).map((r) => r.rowNumber)).toEqual([2, 3, spread.length, spread.length + 1])

    // the same rows side by side, at the top of the file (one batch): the same verdicts
    const together = await checkImport(admin, 'laporan-triwulan', await xlsx([REGISTERED_Q1, ACTIVE_Q1, REGISTERED_Q2, ACTIVE_Q2, ...fill]))
    expect(together.check).toEqual(dry.check)
    expect(verdicts(together)).toEqual(verdicts(dry))
    // and the other way round: the breaching value first, the one it breaks against in the next batch
    const reversed = await checkImport(admin, 'laporan-triwulan', await xlsx([ACTIVE_Q1, ACTIVE_Q2, ...fill, REGISTERED_Q1, REGISTERED_Q2]))
    expect(verdicts(reversed)).toEqual(verdicts(dry))

    // the commit gathers the file the same way: its verdicts are the dry run's, and it writes what the dry run showed
    const done = await commitImport(admin, dry.id, 'VALID_ONLY')
    expect(done).toMatchObject({ status: 'DONE', summary: { commit: dry.check } })
    const rows = await db.importRow.findMany({ where: { importId: dry.id, key: { in: KEYS } }, select: { key: true, outcome: true, errors: true, changes: true } })
    expect(KEYS.map((k) => rows.find((r) => r.key === k))).toEqual(verdicts(dry))
    const stored = await db.reportValue.findMany({
      where: { report: { regencyCode: JOMBANG, year: 2025 }, indicatorCode: { in: ['KOP_TERDAFTAR', 'KOP_AKTIF'] } },
      select: { indicatorCode: true, value: true, report: { select: { quarter: true } } }, orderBy: [{ report: { quarter: 'asc' } }, { indicatorCode: 'asc' }],
    })
    expect(stored.map((v) => [v.report.quarter, v.indicatorCode, Number(v.value)])).toEqual([[1, 'KOP_TERDAFTAR', 100], [2, 'KOP_AKTIF', 40], [2, 'KOP_TERDAFTAR', 50]])
    expect(await db.quarterlyReport.count({ where: { regencyCode: JOMBANG, year: { lte: 2024 } } })).toBe(fill.length / 7)
  })

  it('counts the first of two rows of one value, as the duplicate rule does: a later row refused as a duplicate does not repair the report', async () => {
    const fill = filler()
    // Triwulan III 2025: 100 registered; 150 active first (it counts), 80 active later in the file (refused as a duplicate)
    const dry = await checkImport(admin, 'laporan-triwulan', await xlsx([
      [JOMBANG, 2025, 3, 'KOP_TERDAFTAR', 100, ''], [JOMBANG, 2025, 3, 'KOP_AKTIF', 150, ''], ...fill, [JOMBANG, 2025, 3, 'KOP_AKTIF', 80, ''],
    ]))
    expect(dry.rows.filter((r) => r.key?.startsWith('35.17/2025/3/')).map((r) => [r.outcome, r.errors])).toEqual([
      ['CREATE', null],
      ['INVALID', [{ column: 'Nilai', message: RULE, messageEn: RULE_EN }]],
      ['INVALID', [{ column: 'Indikator', message: 'Baris ini sama dengan baris 3 berkas ini: Kabupaten/Kota, Tahun, Triwulan, Indikator sama.' }]],
    ])
  })
})
