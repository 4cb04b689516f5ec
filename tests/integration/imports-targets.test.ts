import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { writeTargetGrid } from '@/lib/config/targets'
import { BATCH_ROWS } from '@/lib/imports/pipeline'
import { seedReportingCatalogue } from '@/prisma/seed/reporting'
import type { SessionUser } from '@/lib/session-user'
import { createUser } from '../support/factories'
import { asSession, checkImport, commitImport } from '../support/imports'
import { serverText } from '@/lib/i18n/server-text'
import { importDetail } from '@/lib/imports/history'

/**
 * The target screen's province total check in the targets import's dry run: the year rows of a grid whose
 * regencies would not add up to the province's target are refused there, on their rows, with the sentence the
 * write uses (the sum, the difference, the province's target), over the grid as the whole file leaves it
 * (stored cells, then the file's), also when the file runs over more than one batch of rows.
 */
type Cell = string | number | null
const HEAD = ['Indikator', 'Tahun', 'Periode', 'Kabupaten/Kota', 'Target']

async function xlsx(rows: Cell[][]): Promise<File> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Data')
  ws.addRow(HEAD)
  for (const r of rows) ws.addRow(r)
  return new File([Buffer.from(await wb.xlsx.writeBuffer())], 'target.xlsx')
}

async function targetFingerprint() {
  const [r] = await db.$queryRaw<{ n: bigint; sum: string; grids: string; audits: bigint }[]>`
    SELECT (SELECT count(*) FROM indicator_targets) AS n,
      md5(coalesce((SELECT string_agg(indicator_code || year || quarter || coalesce(regency_code, 'PROV') || value::text, ',' ORDER BY indicator_code, year, quarter, regency_code) FROM indicator_targets), '')) AS sum,
      coalesce((SELECT string_agg(indicator_code || year || ':' || version, ',' ORDER BY indicator_code, year) FROM target_grids), '') AS grids,
      (SELECT count(*) FROM audit_logs WHERE entity = 'TargetGrid') AS audits`
  return `${r.n}:${r.sum}:${r.grids}:${r.audits}`
}

/** `difference` signed as the check computes it (`-50`); the message says more or less, unsigned */
const offMessage = (code: string, year: number, sum: string, difference: string, province: string) =>
  `Target ${code} ${year}: jumlah target kabupaten/kota ${sum} ${difference.startsWith('-') ? 'kurang' : 'lebih'} ${difference.replace(/^-/, '')} dari target provinsi ${province}. Perbaiki berkasnya, atau simpan selisihnya di layar Target.`

/** Three year rows of a grid: the province, Jombang and Malang. */
const grid = (code: string, year: number, province: number, jombang: number, malang: number): Cell[][] => [
  [code, year, 'Tahun', '', province],
  [code, year, 'Tahun', '35.17', jombang],
  [code, year, 'Tahun', '35.07', malang],
]

let admin: SessionUser

beforeAll(async () => {
  await seedReportingCatalogue(db)
  admin = asSession(await createUser('ADMIN'), 'Admin Uji')
})

describe('the province total in the targets dry run', () => {
  it('refuses the year rows of a grid that would not add up, naming the sum and the province\'s target; the grid that adds up and the quarter rows pass', async () => {
    const before = await targetFingerprint()
    const dry = await checkImport(admin, 'target-indikator', await xlsx([
      ...grid('KOP_AKTIF', 2027, 1000, 600, 400),
      ...grid('KOP_TERDAFTAR', 2027, 1000, 700, 400),
      ['KOP_TERDAFTAR', 2027, 'III', '35.17', 200],
    ]))
    expect(dry.status).toBe('CHECKED')
    expect(dry.check).toEqual({ total: 7, create: 4, update: 0, unchanged: 0, invalid: 3 })
    const message = offMessage('KOP_TERDAFTAR', 2027, '1.100', '100', '1.000')
    expect(dry.rows.map((r) => [r.rowNumber, r.outcome, r.errors])).toEqual([
      [2, 'CREATE', null], [3, 'CREATE', null], [4, 'CREATE', null],
      [5, 'INVALID', [{ column: 'Target', message }]],
      [6, 'INVALID', [{ column: 'Target', message }]],
      [7, 'INVALID', [{ column: 'Target', message }]],
      [8, 'CREATE', null],
    ])
    // the commit checks the same way: all or nothing refuses the file, nothing is written
    expect(await commitImport(admin, dry.id)).toMatchObject({ status: 'FAILED', error: expect.stringContaining('3 baris tidak valid') })
    expect(await targetFingerprint()).toBe(before)
  })

  it('refuses a fraction in a count indicator\'s target on its row, as the target screen does (12,5 had been stored)', async () => {
    const before = await targetFingerprint()
    const dry = await checkImport(admin, 'target-indikator', await xlsx([['KOP_TERDAFTAR', 2029, 'II', '35.17', '12,5'], ['KOP_TERDAFTAR', 2029, 'III', '35.17', 12]]))
    expect(dry.rows.map((r) => [r.rowNumber, r.outcome])).toEqual([[2, 'INVALID'], [3, 'CREATE']])
    expect(dry.rows[0].errors).toEqual([{ column: 'Target', message: expect.stringMatching(/bulat/) }])
    expect(await targetFingerprint()).toBe(before)
  })

  it('refuses every row of a regency whose flow quarters the file takes past its year, with the sums, as the target screen does; a stock and the other regency pass', async () => {
    const before = await targetFingerprint()
    // Jombang's stored year of 600 permits; the file's quarters add up to 700
    await writeTargetGrid(db, { id: admin.id, username: admin.username, role: 'ADMIN' }, { indicatorCode: 'IUMK_TERBIT', year: 2031, cells: [{ regencyCode: '35.17', quarter: 0, value: 600 }] })
    const stored = await targetFingerprint()
    const dry = await checkImport(admin, 'target-indikator', await xlsx([
      ['IUMK_TERBIT', 2031, 'I', '35.17', 200], ['IUMK_TERBIT', 2031, 'II', '35.17', 200], ['IUMK_TERBIT', 2031, 'III', '35.17', 300],
      ['IUMK_TERBIT', 2031, 'Tahun', '35.07', 400], ['IUMK_TERBIT', 2031, 'I', '35.07', 100],
      // a stock's quarter is its level, not a part of the year: no sum
      ['KOP_TERDAFTAR', 2031, 'Tahun', '35.17', 100], ['KOP_TERDAFTAR', 2031, 'I', '35.17', 120],
    ]))
    const message = 'Target IUMK_TERBIT 2031 kabupaten/kota 35.17: jumlah target triwulan 700 melebihi target tahun 600; target triwulan tidak boleh melebihi target tahunnya.'
    expect(dry.rows.map((r) => [r.rowNumber, r.outcome, r.errors])).toEqual([
      [2, 'INVALID', [{ column: 'Target', message }]], [3, 'INVALID', [{ column: 'Target', message }]], [4, 'INVALID', [{ column: 'Target', message }]],
      [5, 'CREATE', null], [6, 'CREATE', null], [7, 'CREATE', null], [8, 'CREATE', null],
    ])
    expect(serverText(message, 'en')).toBe('Target IUMK_TERBIT 2031, regency/city 35.17: the quarter targets add up to 700, more than the year target 600; the quarter targets cannot exceed the year\'s.')
    expect(await commitImport(admin, dry.id)).toMatchObject({ status: 'FAILED' })
    expect(await targetFingerprint()).toBe(stored)
    // the year raised in the same file: the quarters fit, every row writes
    const fixed = await checkImport(admin, 'target-indikator', await xlsx([
      ['IUMK_TERBIT', 2031, 'Tahun', '35.17', 700], ['IUMK_TERBIT', 2031, 'I', '35.17', 200], ['IUMK_TERBIT', 2031, 'II', '35.17', 200], ['IUMK_TERBIT', 2031, 'III', '35.17', 300],
    ]))
    expect(fixed.check).toMatchObject({ invalid: 0, create: 3, update: 1 })
    expect(await commitImport(admin, fixed.id)).toMatchObject({ status: 'DONE' })
    expect(before).not.toBe(await targetFingerprint())
  })

  it('leaves a row stored above its year before the rule when the file does not touch it, and judges it when the file does', async () => {
    // stored before the rule: Malang's quarters 300 + 300 under a year of 500 (written past the screen's check)
    const actor = { id: admin.id, username: admin.username, role: 'ADMIN' as const }
    await writeTargetGrid(db, actor, { indicatorCode: 'IUMK_TERBIT', year: 2032, cells: [{ regencyCode: '35.07', quarter: 0, value: 500 }, { regencyCode: '35.07', quarter: 1, value: 300 }, { regencyCode: '35.07', quarter: 2, value: 300 }] })
    const other = await checkImport(admin, 'target-indikator', await xlsx([['IUMK_TERBIT', 2032, 'Tahun', '35.17', 100], ['IUMK_TERBIT', 2032, 'I', '35.17', 50]]))
    expect(other.check).toMatchObject({ invalid: 0, create: 2 })
    // the file touches Malang's row and leaves it above: refused
    const touched = await checkImport(admin, 'target-indikator', await xlsx([['IUMK_TERBIT', 2032, 'III', '35.07', 10]]))
    expect(touched.rows.map((r) => [r.outcome, r.errors])).toEqual([['INVALID', [{ column: 'Target', message: 'Target IUMK_TERBIT 2032 kabupaten/kota 35.07: jumlah target triwulan 610 melebihi target tahun 500; target triwulan tidak boleh melebihi target tahunnya.' }]]])
  })

  it('"valid rows only" writes what its dry run called valid: a regency\'s quarters judged by the year that stays when its year row is refused for the province total', async () => {
    const actor = { id: admin.id, username: admin.username, role: 'ADMIN' as const }
    // stored: province 1.000 = Jombang 600 + Malang 400
    await writeTargetGrid(db, actor, { indicatorCode: 'IUMK_TERBIT', year: 2033, cells: [{ regencyCode: null, quarter: 0, value: 1000 }, { regencyCode: '35.17', quarter: 0, value: 600 }, { regencyCode: '35.07', quarter: 0, value: 400 }] })
    // the file raises Jombang's year to 800 (off the province total: refused) and gives it quarters of 700, within 800 but not within the 600 that stays;
    // Malang's quarter of 100 fits its 400
    const dry = await checkImport(admin, 'target-indikator', await xlsx([
      ['IUMK_TERBIT', 2033, 'Tahun', '35.17', 800], ['IUMK_TERBIT', 2033, 'I', '35.17', 700], ['IUMK_TERBIT', 2033, 'I', '35.07', 100],
    ]))
    expect(dry.rows.map((r) => [r.rowNumber, r.outcome])).toEqual([[2, 'INVALID'], [3, 'INVALID'], [4, 'CREATE']])
    expect(dry.rows[1].errors).toEqual([{ column: 'Target', message: 'Target IUMK_TERBIT 2033 kabupaten/kota 35.17: jumlah target triwulan 700 melebihi target tahun 600; target triwulan tidak boleh melebihi target tahunnya.' }])
    expect(await commitImport(admin, dry.id, 'VALID_ONLY')).toMatchObject({ status: 'DONE' })
    const written = await db.indicatorTarget.findMany({ where: { indicatorCode: 'IUMK_TERBIT', year: 2033 }, select: { regencyCode: true, quarter: true, value: true }, orderBy: [{ regencyCode: 'asc' }, { quarter: 'asc' }] })
    expect(written.map((c) => [c.regencyCode, c.quarter, Number(c.value)])).toEqual([['35.07', 0, 400], ['35.07', 1, 100], ['35.17', 0, 600], [null, 0, 1000]])
  })

  it('counts the stored cells with the file\'s, and lets a difference already accepted on the screen stand', async () => {
    // stored through the screen's path with a difference of -100 accepted there (regencies 900, province 1.000)
    await db.$transaction((tx) => writeTargetGrid(tx, { id: admin.id, username: admin.username, role: admin.role }, {
      indicatorCode: 'KSP_SEHAT', year: 2028,
      cells: [{ regencyCode: null, quarter: 0, value: 1000 }, { regencyCode: '35.17', quarter: 0, value: 600 }, { regencyCode: '35.07', quarter: 0, value: 300 }],
    }))
    // a quarter's target and the same year cell again: the stored difference stays, nothing refused
    const same = await checkImport(admin, 'target-indikator', await xlsx([['KSP_SEHAT', 2028, 'Tahun', '35.07', 300], ['KSP_SEHAT', 2028, 'I', '35.17', 150]]))
    expect(same.check).toEqual({ total: 2, create: 1, update: 0, unchanged: 1, invalid: 0 })
    // Malang to 350: with Jombang's stored 600 the regencies make 950, a new difference (-50) against the stored province
    const moved = await checkImport(admin, 'target-indikator', await xlsx([['KSP_SEHAT', 2028, 'Tahun', '35.07', 350], ['KSP_SEHAT', 2028, 'I', '35.17', 150]]))
    expect(moved.check).toEqual({ total: 2, create: 1, update: 0, unchanged: 0, invalid: 1 })
    expect(moved.rows[0].errors).toEqual([{ column: 'Target', message: offMessage('KSP_SEHAT', 2028, '950', '-50', '1.000') }])
    // the province raised in the same file to match: no difference left, the rows pass (and are written)
    const fixed = await checkImport(admin, 'target-indikator', await xlsx([['KSP_SEHAT', 2028, 'Tahun', '35.07', 350], ['KSP_SEHAT', 2028, 'Tahun', '', 950]]))
    expect(fixed.check).toEqual({ total: 2, create: 0, update: 2, unchanged: 0, invalid: 0 })
    expect(await commitImport(admin, fixed.id)).toMatchObject({ status: 'DONE' })
    const cells = await db.indicatorTarget.findMany({ where: { indicatorCode: 'KSP_SEHAT', year: 2028, quarter: 0 }, orderBy: { regencyCode: 'asc' }, select: { regencyCode: true, value: true } })
    expect(cells.map((c) => [c.regencyCode, Number(c.value)])).toEqual([['35.07', 350], ['35.17', 600], [null, 950]])
  })

  it('sees the whole file when it runs over two batches: a grid split by the batch boundary that adds up passes, the last grid that does not is refused', async () => {
    // 200 grids of three rows (600 rows): grid 166 has its rows 499-501 (0-based 498-500) on both sides of the first batch's end
    const rows: Cell[][] = []
    const codes = ['KOP_TERDAFTAR', 'KOP_AKTIF', 'MANAJER_KSP']
    for (let g = 0; g < 200; g++) rows.push(...grid(codes[g % 3], 2030 + Math.floor(g / 3), 100, 60, 40))
    expect(BATCH_ROWS).toBe(500)
    const last = rows.length - 1
    rows[last] = [...rows[last].slice(0, 4), 45] // the last grid: 60 + 45 = 105 against 100
    const dry = await checkImport(admin, 'target-indikator', await xlsx(rows))
    expect(dry.check).toEqual({ total: 600, create: 597, update: 0, unchanged: 0, invalid: 3 })
    const lastGrid = rows[last]
    expect(dry.rows.filter((r) => r.outcome === 'INVALID').map((r) => [r.rowNumber, r.errors])).toEqual([599, 600, 601].map((n) => [n, [{ column: 'Target', message: offMessage(String(lastGrid[0]), Number(lastGrid[1]), '105', '5', '100') }]]))
  })

  it('refuses in the dry run the year rows of a grid that does not add up in a file of exactly full batches, wherever they sit; the corrected file writes', async () => {
    const before = await targetFingerprint()
    // 1.000 rows: 200 grids of five (the province, two regencies, two quarters), two batches of 500
    const rows: Cell[][] = []
    const codes = ['KOP_TERDAFTAR', 'KOP_AKTIF', 'MANAJER_KSP', 'FASILITASI_KOP']
    for (let g = 0; g < 200; g++) {
      const [code, year] = [codes[g % 4], 2040 + Math.floor(g / 4)]
      rows.push(...grid(code, year, 100, 60, 40), [code, year, 'I', '35.17', 10], [code, year, 'II', '35.17', 10])
    }
    expect(rows.length).toBe(2 * BATCH_ROWS)
    // the first grid off by 10, its year rows (sheet rows 2-4) in the first batch; grid 99 (FASILITASI_KOP 2064)
    // across the batches' boundary, off by -5: its province row (497) in the first batch, its regencies' rows
    // moved into the second (505, 506, where grid 100's quarter rows were)
    const off = rows.slice()
    off[2] = ['KOP_TERDAFTAR', 2040, 'Tahun', '35.07', 50]
    expect(off[495]).toEqual(['FASILITASI_KOP', 2064, 'Tahun', '', 100])
    ;[off[496], off[497], off[503], off[504]] = [off[503], off[504], ['FASILITASI_KOP', 2064, 'Tahun', '35.17', 55], off[497]]
    const dry = await checkImport(admin, 'target-indikator', await xlsx(off))
    expect(dry.check).toEqual({ total: 1000, create: 994, update: 0, unchanged: 0, invalid: 6 })
    expect(dry.rows.filter((r) => r.outcome === 'INVALID').map((r) => [r.rowNumber, r.errors])).toEqual([
      ...[2, 3, 4].map((n) => [n, [{ column: 'Target', message: offMessage('KOP_TERDAFTAR', 2040, '110', '10', '100') }]]),
      ...[497, 505, 506].map((n) => [n, [{ column: 'Target', message: offMessage('FASILITASI_KOP', 2064, '95', '-5', '100') }]]),
    ])
    // the commit sees the same: all or nothing refuses the file, nothing written
    expect(await commitImport(admin, dry.id)).toMatchObject({ status: 'FAILED', error: expect.stringContaining('6 baris tidak valid') })
    expect(await targetFingerprint()).toBe(before)

    // the corrected file: every grid adds up, all 1.000 cells written, one version per grid
    const fixed = await checkImport(admin, 'target-indikator', await xlsx(rows))
    expect(fixed.check).toEqual({ total: 1000, create: 1000, update: 0, unchanged: 0, invalid: 0 })
    expect(await commitImport(admin, fixed.id)).toMatchObject({ status: 'DONE', summary: { commit: fixed.check } })
    expect(await db.indicatorTarget.count({ where: { year: { gte: 2040, lt: 2090 } } })).toBe(1000)
    expect(await db.targetGrid.count({ where: { year: { gte: 2040, lt: 2090 } } })).toBe(200)
    const first = await db.indicatorTarget.findMany({ where: { indicatorCode: 'KOP_TERDAFTAR', year: 2040, quarter: 0 }, orderBy: { regencyCode: 'asc' }, select: { regencyCode: true, value: true } })
    expect(first.map((c) => [c.regencyCode, Number(c.value)])).toEqual([['35.07', 40], ['35.17', 60], [null, 100]])
  })
})

describe('a row repeating another row of the file', () => {
  it('names the columns of the key it repeats (indicator, year, period, regency), not the indicator alone, in either language', async () => {
    const dry = await checkImport(admin, 'target-indikator', await xlsx([
      ['KOP_AKTIF', 2029, 'III', '35.17', 50],
      ['KOP_AKTIF', 2029, 'III', '35.17', 60],
      ['KOP_AKTIF', 2029, 'IV', '35.17', 60], // another period: another key
    ]))
    expect(dry.check).toMatchObject({ create: 2, invalid: 1 })
    const message = 'Baris ini sama dengan baris 2 berkas ini: Indikator, Tahun, Periode, Kabupaten/Kota sama.'
    expect(dry.rows.find((r) => r.rowNumber === 3)?.errors).toEqual([{ column: 'Indikator', message }])
    expect(serverText(message, 'en')).toBe('This row repeats row 2 of this file: the same Indikator, Tahun, Periode, Kabupaten/Kota.')
  })

  it('shows an updated target by its key\'s columns as the check read them, not by the internal key (KOP_AKTIF/2029/3/35.17) nor as typed', async () => {
    await commitImport(admin, (await checkImport(admin, 'target-indikator', await xlsx([['KOP_AKTIF', 2030, 'III', '35.17', 50], ['KOP_AKTIF', 2030, 'Tahun', '', 400]]))).id)
    // the same targets typed otherwise: the regency by its bare code, the period as TW III, the province's year as 0
    const dry = await checkImport(admin, 'target-indikator', await xlsx([['KOP_AKTIF', 2030, 'TW III', '3517', 55], ['KOP_AKTIF', 2030, '0', '', 410]]))
    expect(dry.check).toMatchObject({ update: 2 })
    const [regency, province] = (await importDetail(dry.id)).updates
    // the regency as the code it matched (the page names it: "Kabupaten Jombang (35.17)"), the period as a number the
    // page writes "TW III" / "Tahun", as the file does; a province target has no regency part
    expect(regency.keyParts).toEqual([{ field: 'indicatorCode', text: 'KOP_AKTIF' }, { field: 'year', text: '2030' }, { field: 'quarter', text: '3' }, { field: 'regencyCode', text: '35.17' }])
    expect(province.keyParts).toEqual([{ field: 'indicatorCode', text: 'KOP_AKTIF' }, { field: 'year', text: '2030' }, { field: 'quarter', text: '0' }, { field: 'regencyCode', text: '' }])
  })
})

describe('a number cell with a fraction', () => {
  it('is read as the fraction it holds: 12,345 in a two-decimal target is refused for its third decimal, not as English grouping', async () => {
    const dry = await checkImport(admin, 'target-indikator', await xlsx([['KOP_AKTIF_PCT', 2031, 'Tahun', '', 12.345], ['KOP_AKTIF_PCT', 2032, 'Tahun', '', 12.34]]))
    expect(dry.rows.map((r) => [r.rowNumber, r.outcome, r.errors])).toEqual([
      [2, 'INVALID', [{ column: 'Target', message: 'Paling banyak 2 angka desimal.' }]],
      [3, 'CREATE', null],
    ])
  })
})
