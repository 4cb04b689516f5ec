import ExcelJS from 'exceljs'
import { IMPORT_LIMITS } from '@/lib/imports/file'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { GET as downloadTemplate } from '@/app/api/impor/templat/[jenis]/route'
import { IMPORT_KINDS, importKind } from '@/lib/imports/kinds'
import { kindFor, templateData } from '@/lib/imports/service'
import { EXAMPLE_ROW } from '@/lib/imports/pipeline'
import { EXAMPLE_COLUMN, templateXlsx } from '@/lib/imports/template'
import { hasEnglish, hasFullEnglish, serverText } from '@/lib/i18n/server-text'
import type { SessionUser } from '@/lib/session-user'
import { seedReportingCatalogue } from '@/prisma/seed/reporting'
import { createUser } from '../support/factories'
import { asSession, checkImport, commitImport } from '../support/imports'
import { signInAs } from '../support/session-mock'

/**
 * The templates as a user downloads them (lib/imports/service.ts templateData: the lists and examples from the
 * database for that user): their example rows pass the kind's own checks in a dry run, every kind, on a database
 * holding what the examples refer to (the MSMEs and cooperatives of the registers' own templates, the programmes);
 * codes and identifiers are Text cells (leading zeros kept), and the columns with fixed values have drop-downs.
 */
let admin: SessionUser
let jombang: SessionUser
let bpr: SessionUser

async function workbook(buf: Buffer) {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(buf as unknown as ArrayBuffer)
  return wb
}

/** The template of `slug` as `user` downloads it. */
async function template(user: SessionUser, slug: string) {
  const kind = kindFor(user, slug)
  const { regencyNames, extras } = await templateData(user, kind)
  return templateXlsx(kind, regencyNames, extras)
}

/** The template's own example rows uploaded by `user` as they are, and checked. */
async function dryRunOfTemplate(user: SessionUser, slug: string) {
  return checkImport(user, slug, new File([new Uint8Array(await template(user, slug))], `templat-${slug}.xlsx`))
}

const invalidRows = (dry: Awaited<ReturnType<typeof checkImport>>) => dry.rows.filter((r) => r.outcome === 'INVALID').map((r) => ({ row: r.rowNumber, errors: r.errors }))

/**
 * A template uploaded as it is: its example rows pass every check but the last, and that one refuses them (a row
 * left as an example would write what nobody meant), so every row's only error is that one.
 */
function refusedOnlyAsExamples(dry: Awaited<ReturnType<typeof checkImport>>, rows = 3) {
  expect(dry.check).toMatchObject({ create: 0, update: 0, invalid: rows })
  for (const r of invalidRows(dry)) expect(r.errors).toEqual([expect.objectContaining({ message: EXAMPLE_ROW })])
}

/** The template with its example rows overwritten in one column (`heading`: a name gets " (diisi)"), as a user fills it in. */
async function filledTemplate(user: SessionUser, slug: string, heading: string) {
  const wb = await workbook(await template(user, slug))
  const data = wb.getWorksheet('Data')!
  const col = (data.getRow(1).values as unknown[]).indexOf(heading)
  for (let r = 2; r <= 4; r++) data.getCell(r, col).value = `${String(data.getCell(r, col).value)} (diisi)`
  return checkImport(user, slug, new File([new Uint8Array(await wb.xlsx.writeBuffer())], `${slug}.xlsx`))
}

/** A column's drop-down values on the template's list sheet, by the column's heading. */
function listOf(wb: ExcelJS.Workbook, heading: string): string[] | null {
  const data = wb.getWorksheet('Data')!
  const col = (data.getRow(1).values as unknown[]).indexOf(heading)
  const rule = data.getCell(2, col).dataValidation
  if (rule?.type !== 'list') return null
  // the same list down to the import's last row (it had stopped at row 500)
  expect(data.getCell(IMPORT_LIMITS.maxRows + 1, col).dataValidation).toEqual(rule)
  const [, letter, from, to] = /!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)/.exec(rule.formulae![0] as string)!
  const lists = wb.getWorksheet('Daftar')!
  return Array.from({ length: Number(to) - Number(from) + 1 }, (_, j) => String(lists.getCell(`${letter}${Number(from) + j}`).value))
}

/** The number format of a column's cells (an example row and an empty row further down). */
function formatsOf(wb: ExcelJS.Workbook, heading: string): string[] {
  const data = wb.getWorksheet('Data')!
  const col = (data.getRow(1).values as unknown[]).indexOf(heading)
  return [data.getCell(2, col).numFmt, data.getCell(40, col).numFmt, data.getColumn(col).numFmt].map(String)
}

beforeAll(async () => {
  await seedReportingCatalogue(db)
  admin = asSession(await createUser('ADMIN'), 'Admin Uji')
  jombang = asSession(await createUser('DISTRICT_OFFICER', { regencyCode: '35.17' }), 'Petugas Jombang')
  bpr = asSession(await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' }), 'Petugas BPR')
  // the programmes the disbursement and claim examples name, run by PT BPR Jatim
  for (const year of [2024, 2026]) {
    await db.creditProgram.create({
      data: {
        code: `PROKESRA-${year}`, scheme: 'PROKESRA', name: `Prokesra ${year}`, year, creditTarget: 1_000_000_000, beneficiaryTarget: 40, subsidyCeiling: 100_000_000,
        borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, eligibleScales: ['MIKRO', 'KECIL'],
        banks: { create: [{ bankId: bpr.bankId! }] },
        rates: { create: [{ bankId: bpr.bankId!, effectiveFrom: new Date(`${year}-01-01`), rate: 0.12 }] },
      },
    })
  }
})

describe('a template\'s own example rows pass its checks, and are refused only for being examples', () => {
  it('cooperatives, then their yearly figures (the examples name the cooperatives of the cooperative template)', async () => {
    refusedOnlyAsExamples(await dryRunOfTemplate(admin, 'koperasi'))
    // filled in (the names typed over), the same rows are created
    const coops = await filledTemplate(admin, 'koperasi', 'Nama Koperasi')
    expect(invalidRows(coops)).toEqual([])
    expect(coops.check).toMatchObject({ create: 3, invalid: 0 })
    expect((await commitImport(admin, coops.id)).status).toBe('DONE')
    refusedOnlyAsExamples(await dryRunOfTemplate(admin, 'koperasi-tahunan'))
  })

  it('MSMEs, then their loans (a bank officer\'s template), then the claim lines of loans of the bank', async () => {
    refusedOnlyAsExamples(await dryRunOfTemplate(jombang, 'umkm'))
    const msmes = await filledTemplate(jombang, 'umkm', 'Nama Usaha')
    expect(invalidRows(msmes)).toEqual([])
    expect(msmes.check).toMatchObject({ create: 3, invalid: 0 })
    expect((await commitImport(jombang, msmes.id)).status).toBe('DONE')

    refusedOnlyAsExamples(await dryRunOfTemplate(bpr, 'penyaluran'))
    // an admin's template names the bank on every row (an admin must)
    refusedOnlyAsExamples(await dryRunOfTemplate(admin, 'penyaluran'))

    // the loans the claim examples name: accounts PRK-2026-000101…103 of PT BPR Jatim in Prokesra 2026
    const wb = await workbook(await template(bpr, 'penyaluran'))
    const data = wb.getWorksheet('Data')!
    for (let r = 2; r <= 4; r++) {
      data.getCell(r, 1).value = 'PROKESRA-2026'
      data.getCell(r, 3).value = `PRK-2026-00010${r - 1}`
      data.getCell(r, 6).value = `1${r}/01/2026`
    }
    const recorded = await checkImport(bpr, 'penyaluran', new File([new Uint8Array(await wb.xlsx.writeBuffer())], 'penyaluran-2026.xlsx'))
    expect(invalidRows(recorded)).toEqual([])
    expect((await commitImport(bpr, recorded.id)).status).toBe('DONE')

    refusedOnlyAsExamples(await dryRunOfTemplate(bpr, 'klaim'))
  })

  it('quarterly report values: the quarter open now, the officer\'s own regency (the agency\'s: the first), indicators of the catalogue', async () => {
    for (const user of [jombang, admin]) {
      refusedOnlyAsExamples(await dryRunOfTemplate(user, 'laporan-triwulan'))
    }
    // filled in (a comment typed over each), the same rows pass the report's rules among themselves: the rules judge
    // a file without its examples, so the examples' own agreement is checked here
    const filled = await filledTemplate(jombang, 'laporan-triwulan', 'Keterangan')
    expect(invalidRows(filled)).toEqual([])
    expect(filled.check.create + filled.check.update).toBe(3)
    // the examples kept, the officer's own rows of the same indicators below them: the examples are refused, and give
    // their keys up (the officer's rows are not "the same as row 2")
    const kept = await workbook(await template(jombang, 'laporan-triwulan'))
    const sheet = kept.getWorksheet('Data')!
    for (let r = 2; r <= 4; r++) sheet.addRow((sheet.getRow(r).values as unknown[]).slice(1).map((v, i) => (i === 4 ? '1' : v)))
    const below = await checkImport(jombang, 'laporan-triwulan', new File([new Uint8Array(await kept.xlsx.writeBuffer())], 'laporan.xlsx'))
    expect(invalidRows(below).map((r) => r.row)).toEqual([2, 3, 4])
    for (const r of invalidRows(below)) expect(r.errors).toEqual([expect.objectContaining({ message: EXAMPLE_ROW })])
    expect(below.check.create + below.check.update).toBe(3)
    // the examples name no indicator the catalogue lacks, nor the quarter by another spelling than its drop-down's
    const wb = await workbook(await template(jombang, 'laporan-triwulan'))
    const codes = (await db.indicator.findMany({ select: { code: true } })).map((i) => i.code)
    for (let r = 2; r <= 4; r++) {
      expect(codes).toContain(wb.getWorksheet('Data')!.getCell(r, 4).value)
      expect(['I', 'II', 'III', 'IV']).toContain(wb.getWorksheet('Data')!.getCell(r, 3).value)
      expect(wb.getWorksheet('Data')!.getCell(r, 1).value).toBe('Kabupaten Jombang')
    }
    // the fixed examples too (the .csv template without a database, a catalogue as seeded): no unknown indicator
    for (const code of importKind('laporan-triwulan')!.fields.find((f) => f.key === 'indicatorCode')!.examples) expect(codes).toContain(code)
  })

  it('the examples kept are no part of the report the rules judge: the officer\'s own rows below them are', async () => {
    const kept = await workbook(await template(jombang, 'laporan-triwulan'))
    const sheet = kept.getWorksheet('Data')!
    expect([2, 3].map((r) => sheet.getCell(r, 4).value)).toEqual(['KOP_TERDAFTAR', 'KOP_AKTIF'])
    // more active cooperatives (400) than registered ones (358): refused by the report's ERROR rule, as without the
    // examples (it had been judged against the examples' 1.250 registered, the first row of the indicator)
    sheet.addRow((sheet.getRow(2).values as unknown[]).slice(1).map((v, i) => (i === 4 ? '358' : v)))
    sheet.addRow((sheet.getRow(3).values as unknown[]).slice(1).map((v, i) => (i === 4 ? '400' : v)))
    const dry = await checkImport(jombang, 'laporan-triwulan', new File([new Uint8Array(await kept.xlsx.writeBuffer())], 'laporan.xlsx'))
    const own = dry.rows.filter((r) => r.rowNumber > 4)
    expect(own.map((r) => [r.key, r.outcome])).toEqual([[expect.stringMatching(/\/KOP_TERDAFTAR$/), 'CREATE'], [expect.stringMatching(/\/KOP_AKTIF$/), 'INVALID']])
    expect(own[1].errors).toEqual([expect.objectContaining({ message: 'Koperasi aktif tidak boleh melebihi koperasi terdaftar.' })])
    // and the examples are refused as examples, whatever the officer's rows make of them
    expect(invalidRows(dry).filter((r) => r.row <= 4)).toEqual([2, 3, 4].map((row) => ({ row, errors: [expect.objectContaining({ message: EXAMPLE_ROW })] })))
  })

  it('the commit judges the examples the dry run judged, not the template as it would read at the commit', async () => {
    // the examples kept, the officer's own rows (value 1) of the same indicators below them
    const kept = await workbook(await template(jombang, 'laporan-triwulan'))
    const sheet = kept.getWorksheet('Data')!
    for (let r = 2; r <= 4; r++) sheet.addRow((sheet.getRow(r).values as unknown[]).slice(1).map((v, i) => (i === 4 ? '1' : v)))
    const codes = [2, 3, 4].map((r) => String(sheet.getCell(r, 4).value))
    const dry = await checkImport(jombang, 'laporan-triwulan', new File([new Uint8Array(await kept.xlsx.writeBuffer())], 'laporan.xlsx'))
    expect(invalidRows(dry).map((r) => r.row)).toEqual([2, 3, 4])
    // before the confirm, the template changes (here its first indicator moves to the end of its form; a quarter
    // ending between the dry run and the confirm does as much): rebuilt now, its examples would be other rows
    const first = await db.indicator.findUniqueOrThrow({ where: { code: codes[0] }, select: { sortOrder: true } })
    await db.indicator.update({ where: { code: codes[0] }, data: { sortOrder: 10_000 } })
    try {
      const done = await commitImport(jombang, dry.id, 'VALID_ONLY')
      expect(done.status).toBe('DONE')
      const commit = (done.summary as { commit: Record<string, number> }).commit
      expect(commit.invalid).toBe(3)
      expect(commit.create + commit.update).toBe(3)
      // what was written is the officer's 1, never the examples' 1.250 · 980 · 640
      const written = await db.reportValue.findMany({ where: { indicatorCode: { in: codes }, report: { regencyCode: '35.17' } }, select: { indicatorCode: true, value: true } })
      expect(written.map((v) => [v.indicatorCode, Number(v.value)]).sort()).toEqual(codes.map((c) => [c, 1]).sort())
    } finally {
      await db.indicator.update({ where: { code: codes[0] }, data: { sortOrder: first.sortOrder } })
    }
  })

  it('indicator targets: the province\'s year target and two regencies\' adding up to it', async () => {
    refusedOnlyAsExamples(await dryRunOfTemplate(admin, 'target-indikator'))
    // the fixed examples add up as well
    const fields = importKind('target-indikator')!.fields
    const [province, ...regencies] = fields.find((f) => f.key === 'value')!.examples.map((v) => Number(v.replace(/\./g, '')))
    expect(fields.find((f) => f.key === 'regencyCode')!.examples[0]).toBe('')
    expect(regencies.reduce((a, b) => a + b, 0)).toBe(province)
  })
})

describe('an example row is known by its mark CONTOH, never by its values alone', () => {
  /** A file of the user's own, built anew: the template's headings and the example rows' values, without the column Contoh. */
  async function ownFileLikeExamples(user: SessionUser, slug: string) {
    const data = (await workbook(await template(user, slug))).getWorksheet('Data')!
    const head = (data.getRow(1).values as unknown[]).slice(1).map(String)
    const keep = head.map((h, i) => (h === EXAMPLE_COLUMN ? -1 : i)).filter((i) => i >= 0)
    const own = new ExcelJS.Workbook()
    const sheet = own.addWorksheet('Data')
    for (let r = 1; r <= 4; r++) {
      const cells = (data.getRow(r).values as unknown[]).slice(1)
      sheet.addRow(keep.map((i) => (cells[i] ?? '') as string))
    }
    sheet.eachRow((row) => row.eachCell((cell) => { cell.numFmt = '@' }))
    expect((sheet.getRow(1).values as unknown[]).slice(1)).not.toContain(EXAMPLE_COLUMN)
    return checkImport(user, slug, new File([new Uint8Array(await own.xlsx.writeBuffer())], `${slug}-sendiri.xlsx`))
  }

  it('a genuine row equal in values to an example (Kabupaten Jombang · 2026 · IV · KOP_TERDAFTAR · 1.250) is imported, not refused as the example', async () => {
    // the template as downloaded marks its examples, and is refused for them (the mark is the only difference below)
    const data = (await workbook(await template(jombang, 'laporan-triwulan'))).getWorksheet('Data')!
    const markColumn = (data.getRow(1).values as unknown[]).indexOf(EXAMPLE_COLUMN)
    expect([2, 3, 4].map((r) => data.getCell(r, markColumn).value)).toEqual(['CONTOH', 'CONTOH', 'CONTOH'])
    refusedOnlyAsExamples(await dryRunOfTemplate(jombang, 'laporan-triwulan'))
    const quarterly = await ownFileLikeExamples(jombang, 'laporan-triwulan')
    expect(invalidRows(quarterly)).toEqual([])
    expect(quarterly.check.create + quarterly.check.update).toBe(3)
    const targets = await ownFileLikeExamples(admin, 'target-indikator')
    expect(invalidRows(targets)).toEqual([])
    expect(targets.check.create + targets.check.update).toBe(3)
  })

  it('the template with its mark cleared is the user\'s own data; the mark typed in any case still marks an example', async () => {
    const wb = await workbook(await template(jombang, 'umkm'))
    const data = wb.getWorksheet('Data')!
    const markColumn = (data.getRow(1).values as unknown[]).indexOf(EXAMPLE_COLUMN)
    data.getCell(2, markColumn).value = null
    data.getCell(3, markColumn).value = ' contoh '
    const dry = await checkImport(jombang, 'umkm', new File([new Uint8Array(await wb.xlsx.writeBuffer())], 'umkm.xlsx'))
    expect(invalidRows(dry)).toEqual([3, 4].map((row) => ({ row, errors: [expect.objectContaining({ message: EXAMPLE_ROW })] })))
    expect(dry.rows.find((r) => r.rowNumber === 2)?.outcome).not.toBe('INVALID')
  })
})

describe('the template\'s cells and lists', () => {
  it('formats identifiers as Text cells, so Excel keeps their leading zeros and all their digits', async () => {
    const umkm = await workbook(await template(admin, 'umkm'))
    for (const heading of ['NIB', 'NIK Pemilik', 'KBLI', 'Telepon', 'Kabupaten/Kota', 'Kecamatan', 'Desa/Kelurahan', 'Nomor IUMK']) expect(formatsOf(umkm, heading), heading).toEqual(['@', '@', '@'])
    // a figure stays a number cell
    expect(formatsOf(umkm, 'Modal Usaha')[0]).not.toBe('@')
    expect(umkm.getWorksheet('Data')!.getCell(2, 11).value).toBe('081234567890')
    const loans = await workbook(await template(bpr, 'penyaluran'))
    for (const heading of ['Nomor Rekening', 'NIB', 'NIK Pemilik', 'Program', 'Bank']) expect(formatsOf(loans, heading), heading).toEqual(['@', '@', '@'])
    const coops = await workbook(await template(admin, 'koperasi'))
    for (const heading of ['NIK Koperasi', 'Nomor Badan Hukum']) expect(formatsOf(coops, heading), heading).toEqual(['@', '@', '@'])
  })

  it('says of a cooperative\'s Bentuk and Pola what an empty cell does: not required, a new one is Primer / Konvensional as on the form', async () => {
    const help = (await workbook(await template(admin, 'koperasi'))).getWorksheet('Penjelasan')!
    const kind = IMPORT_KINDS.koperasi
    for (const [heading, key, value] of [['Bentuk', 'form', 'PRIMER'], ['Pola', 'pattern', 'KONVENSIONAL']] as const) {
      const row = help.getRows(2, help.rowCount)!.find((r) => r.getCell(1).value === heading)!
      // "Wajib" empty; the explanation names the value a new cooperative gets
      expect(row.getCell(2).value ?? '', heading).toBe('')
      expect(String(row.getCell(4).value), heading).toMatch(/Tidak wajib: kosong pada koperasi baru berarti (Primer|Konvensional)/)
      // the mapping screen's "(required)" comes from the same flag; the dry run's default is the one the help names
      expect(kind.fields.find((f) => f.key === key)!.required, heading).toBeFalsy()
      expect((kind as { defaults?: Record<string, string> }).defaults?.[key], heading).toBe(value)
    }
  })

  it('gives the claim template what the others have: Text account numbers, the bank\'s programmes to pick, the month\'s format explained', async () => {
    const claims = await workbook(await template(bpr, 'klaim'))
    for (const heading of ['Nomor Rekening', 'Program', 'Bulan Klaim']) expect(formatsOf(claims, heading), heading).toEqual(['@', '@', '@'])
    expect(listOf(claims, 'Program')).toEqual(['PROKESRA-2026', 'PROKESRA-2024'])
    const help = claims.getWorksheet('Penjelasan')!
    const month = help.getRows(2, CLAIM_COLUMNS)!.find((r) => r.getCell(1).value === 'Bulan Klaim')!
    expect(String(month.getCell(3).value)).toMatch(/2026-10, 10\/2026 atau Oktober 2026/)
    // another bank's officer is offered its own programmes only
    const dki = asSession(await createUser('BANK_OFFICER', { bankCode: 'BANKDKI' }), 'Petugas DKI')
    expect(listOf(await workbook(await template(dki, 'klaim')), 'Program')).toBeNull()
    expect(listOf(await workbook(await template(dki, 'penyaluran')), 'Bank')).toEqual(['BANKDKI'])
  })

  it('offers the quarter and the period as drop-downs, and the catalogue\'s indicators', async () => {
    const values = await workbook(await template(jombang, 'laporan-triwulan'))
    expect(listOf(values, 'Triwulan')).toEqual(['I', 'II', 'III', 'IV'])
    expect(listOf(values, 'Indikator')).toEqual(expect.arrayContaining(['KOP_TERDAFTAR', 'KOP_AKTIF', 'KSP_SEHAT']))
    // neither a province-level figure nor a computed share is entered by a regency
    expect(listOf(values, 'Indikator')).not.toContain('PDRB_KUMKM')
    expect(listOf(values, 'Indikator')).not.toContain('KOP_AKTIF_PCT')
    const targets = await workbook(await template(admin, 'target-indikator'))
    expect(listOf(targets, 'Periode')).toEqual(['Tahun', 'I', 'II', 'III', 'IV'])
    expect(listOf(targets, 'Indikator')).toContain('PDRB_KUMKM')
  })

  it('names every field and option in English for the English interface (the template\'s headings stay Indonesian)', () => {
    for (const kind of Object.values(IMPORT_KINDS)) {
      for (const f of kind.fields) {
        expect(f.labelEn, `${kind.kind} ${f.key}`).toBeTruthy()
        for (const o of f.options ?? []) expect(o.labelEn, `${kind.kind} ${f.key} ${o.value}`).toBeTruthy()
      }
    }
  })

  it('explains itself in English to an English reader; its Data sheet keeps the Indonesian headings the import reads', async () => {
    for (const [user, slug] of [[jombang, 'umkm'], [jombang, 'laporan-triwulan'], [admin, 'target-indikator'], [bpr, 'penyaluran'], [admin, 'koperasi-tahunan'], [bpr, 'klaim'], [admin, 'koperasi']] as const) {
      const kind = kindFor(user, slug)
      const { regencyNames, extras } = await templateData(user, kind)
      const [id, en] = [await workbook(await templateXlsx(kind, regencyNames, extras)), await workbook(await templateXlsx(kind, regencyNames, extras, 'en'))]
      expect(en.worksheets.map((w) => w.name), slug).toEqual(['Data', 'Explanation', 'Daftar'])
      expect(en.getWorksheet('Data')!.getRow(1).values, slug).toEqual(id.getWorksheet('Data')!.getRow(1).values)
      const [idHelp, enHelp] = [id.getWorksheet('Penjelasan')!, en.getWorksheet('Explanation')!]
      expect((enHelp.getRow(1).values as unknown[]).slice(1)).toEqual(['Column', 'Required', 'Format', 'Notes'])
      const fields = kind.fields.filter((f) => !extras.omit?.includes(f.key))
      fields.forEach((f, i) => {
        const [idRow, enRow] = [idHelp.getRow(i + 2), enHelp.getRow(i + 2)]
        expect(enRow.getCell(1).value, `${slug} ${f.key}`).toBe(`${f.label} (${f.labelEn})`)
        expect(enRow.getCell(2).value, `${slug} ${f.key}`).toBe(f.required ? 'Yes' : '')
        // every explanation and format has its English (lib/i18n/server-messages.en.json), none left in Indonesian
        expect(hasFullEnglish(f.help), `${slug} ${f.key}: ${f.help}`).toBe(true)
        expect(enRow.getCell(4).value, `${slug} ${f.key}`).toBe(serverText(f.help, 'en'))
        expect(hasEnglish(String(idRow.getCell(3).value)), `${slug} ${f.key}: ${String(idRow.getCell(3).value)}`).toBe(true)
        expect(enRow.getCell(3).value).toBe(serverText(String(idRow.getCell(3).value), 'en'))
      })
      // the indicators' names in English (the catalogue's own), the note in English
      const texts = enHelp.getColumn(4).values.map(String)
      expect(texts.some((t) => /^Overwrite the example rows/.test(t)), slug).toBe(true)
      if (extras.codes) expect(texts, slug).toContain(extras.codes.rows[0][2])
    }
    const indicator = await db.indicator.findUniqueOrThrow({ where: { code: 'KOP_TERDAFTAR' }, select: { nameEn: true } })
    const { regencyNames, extras } = await templateData(jombang, kindFor(jombang, 'laporan-triwulan'))
    const help = (await workbook(await templateXlsx(kindFor(jombang, 'laporan-triwulan'), regencyNames, extras, 'en'))).getWorksheet('Explanation')!
    const meaning = new Map<string, string>()
    help.eachRow((row) => { meaning.set(String(row.getCell(1).value), String(row.getCell(4).value)) })
    expect(meaning.get('KOP_TERDAFTAR')).toBe(indicator.nameEn)
  })

  it('is what the download route sends, .xlsx and .csv', async () => {
    signInAs(await db.user.findUniqueOrThrow({ where: { id: bpr.id }, select: { id: true, sessionVersion: true } }))
    const res = await downloadTemplate(new Request('http://localhost/api/impor/templat/klaim'), { params: Promise.resolve({ jenis: 'klaim' }) })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const wb = await workbook(Buffer.from(await res.arrayBuffer()))
    expect(listOf(wb, 'Program')).toEqual(['PROKESRA-2026', 'PROKESRA-2024'])
    const csv = await downloadTemplate(new Request('http://localhost/api/impor/templat/klaim?format=csv'), { params: Promise.resolve({ jenis: 'klaim' }) })
    expect(csv.headers.get('cache-control')).toBe('no-store')
    expect((await csv.text()).split('\r\n')[1]).toMatch(/^PROKESRA-2026;/)
    // the disbursement template's examples name this year's programme and dates in its year (they had named PROKESRA-2024)
    const loans = await downloadTemplate(new Request('http://localhost/api/impor/templat/penyaluran?format=csv'), { params: Promise.resolve({ jenis: 'penyaluran' }) })
    const example = (await loans.text()).split('\r\n')[1].split(';')
    const year = (await import('@/lib/dates')).jakartaToday().slice(0, 4)
    expect(example[0]).toBe(`PROKESRA-${year}`)
    expect(example).toContain(`15/01/${year}`)
  })

  it('writes no example code that Excel would turn into a number in the .csv (a NIK, a leading zero): each is kept as text', async () => {
    const { templateCsv } = await import('@/lib/imports/template')
    for (const kind of Object.values(IMPORT_KINDS)) {
      const cells = templateCsv(kind).replace('\uFEFF', '').split('\r\n').slice(1).flatMap((line) => line.split(';'))
      expect(cells.filter((c) => /^(\d{12,}|0\d+)$/.test(c)), kind.kind).toEqual([])
      // and read back by the import as the examples were written: no ="…" wrapper, no apostrophe of the formula guard
      const { readSheets } = await import('@/lib/imports/file')
      for await (const sheet of readSheets('CSV', Buffer.from(templateCsv(kind), 'utf8'))) {
        for await (const row of sheet.rows) expect(row.cells.filter((c) => typeof c === 'string' && /^(="|')/.test(c)), kind.kind).toEqual([])
      }
    }
    expect(templateCsv(importKind('umkm')!)).toMatch(/"=""\d{13,16}"""/)
  })
})

const CLAIM_COLUMNS = importKind('klaim')!.fields.length
