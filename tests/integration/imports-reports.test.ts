import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { saveReport } from '@/lib/actions/reporting'
import { seedReportingCatalogue } from '@/prisma/seed/reporting'
import type { SessionUser } from '@/lib/session-user'
import { createUser, form, unique } from '../support/factories'
import { createImport, templateData } from '@/lib/imports/service'
import { importDetail, rowErrorText } from '@/lib/imports/history'
import { serverText } from '@/lib/i18n/server-text'
import { IMPORT_KINDS, importKind } from '@/lib/imports/kinds'
import { EXAMPLE_COLUMN, templateCsv, templateXlsx } from '@/lib/imports/template'
import { asSession, checkImport, commitImport } from '../support/imports'
import { signInAs } from '../support/session-mock'

/**
 * The report-values and cooperative-yearly-figures imports on real .xlsx files built here: the form's
 * write paths (writeReportValues, writeCooperativeYear), idempotent on their natural keys, all or nothing,
 * valid rows only, a district officer's scope row by row, a submitted report and a quarter not begun refused.
 */
const JOMBANG = '35.17'
const MALANG = '35.07'

type Cell = string | number | Date | null
async function xlsx(head: string[], rows: Cell[][], name = 'data.xlsx'): Promise<File> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Data')
  ws.addRow(head)
  for (const r of rows) ws.addRow(r)
  return new File([Buffer.from(await wb.xlsx.writeBuffer())], name)
}

let admin: SessionUser
let jombang: SessionUser

beforeAll(async () => {
  await seedReportingCatalogue(db)
  admin = asSession(await createUser('ADMIN'), 'Admin Uji')
  jombang = asSession(await createUser('DISTRICT_OFFICER', { regencyCode: JOMBANG }), 'Petugas Jombang')
})

/** Row counts and a checksum of the reports and their values, and the audit rows: "nothing was written" as a fact. */
async function reportFingerprint() {
  const [r] = await db.$queryRaw<{ n: bigint; v: bigint; sum: string; audits: bigint }[]>`
    SELECT (SELECT count(*) FROM quarterly_reports) AS n, (SELECT count(*) FROM report_values) AS v,
      md5(coalesce((SELECT string_agg(q.regency_code || q.year || q.quarter || q.status || q.version || rv.indicator_code || coalesce(rv.value::text, '-') || coalesce(rv.comment, '-'), ',' ORDER BY q.regency_code, q.year, q.quarter, rv.indicator_code)
        FROM quarterly_reports q JOIN report_values rv ON rv.report_id = q.id), '')) AS sum,
      (SELECT count(*) FROM audit_logs WHERE entity = 'QuarterlyReport') AS audits`
  return `${r.n}:${r.v}:${r.sum}:${r.audits}`
}

const RV_HEAD = ['Kabupaten/Kota', 'Tahun', 'Triwulan', 'Indikator', 'Nilai', 'Keterangan']

describe('report values import', () => {
  it('writes a district officer\'s draft through the form\'s path, then reports nothing changed for the same file again', async () => {
    const file = await xlsx(RV_HEAD, [
      ['35.17', 2026, 3, 'KOP_TERDAFTAR', 347, ''],
      // the indicator by its name, the regency by name, the quarter in Roman numerals, the value the Indonesian way
      ['Kabupaten Jombang', '2026', 'III', 'Koperasi aktif', '296', 'Pendataan ulang'],
      ['3517', 2026, 'TW III', 'iumk_terbit', '43.950', null],
    ])
    const dry = await checkImport(jombang, 'laporan-triwulan', file)
    expect(dry.status).toBe('CHECKED')
    expect(dry.check).toEqual({ total: 3, create: 3, update: 0, unchanged: 0, invalid: 0 })
    expect(dry.rows.map((r) => r.key)).toEqual(['35.17/2026/3/KOP_TERDAFTAR', '35.17/2026/3/KOP_AKTIF', '35.17/2026/3/IUMK_TERBIT'])
    expect(await db.quarterlyReport.count()).toBe(0)

    const done = await commitImport(jombang, dry.id)
    expect(done).toMatchObject({ status: 'DONE', summary: { commit: { create: 3, invalid: 0 } } })
    const report = await db.quarterlyReport.findUniqueOrThrow({
      where: { regencyCode_year_quarter: { regencyCode: JOMBANG, year: 2026, quarter: 3 } },
      select: { id: true, status: true, version: true, values: { select: { indicatorCode: true, value: true, comment: true }, orderBy: { indicatorCode: 'asc' } } },
    })
    expect(report.status).toBe('DRAFT')
    expect(report.values.map((v) => [v.indicatorCode, Number(v.value), v.comment])).toEqual([['IUMK_TERBIT', 43950, null], ['KOP_AKTIF', 296, 'Pendataan ulang'], ['KOP_TERDAFTAR', 347, null]])
    // one CREATE audit for the report (its values in it), one IMPORT entry for the file
    expect(await db.auditLog.count({ where: { entity: 'QuarterlyReport', entityId: report.id, action: 'CREATE', userId: jombang.id } })).toBe(1)
    expect(await db.auditLog.count({ where: { entity: 'DataImport', entityId: dry.id, action: 'IMPORT' } })).toBe(1)

    // the same file again: nothing to change, nothing written
    const before = await reportFingerprint()
    const again = await checkImport(jombang, 'laporan-triwulan', file)
    expect(again.check).toEqual({ total: 3, create: 0, update: 0, unchanged: 3, invalid: 0 })
    expect((await commitImport(jombang, again.id)).status).toBe('DONE')
    expect(await reportFingerprint()).toBe(before)

    // the form keeps working on the imported draft: its values are upserted, the version moves on
    signInAs({ ...jombang })
    const saved = await saveReport(undefined, form({ year: 2026, quarter: 3, version: report.version, intent: 'save', 'values.KOP_TERDAFTAR': '350', 'values.KOP_AKTIF': '296' }))
    expect(saved).toMatchObject({ ok: true, data: { version: String(report.version + 1) } })

    // a changed value is an update with before → after; the other values of the report are kept
    const upd = await checkImport(jombang, 'laporan-triwulan', await xlsx(RV_HEAD, [['35.17', 2026, 3, 'KOP_AKTIF', 300, '']]))
    expect(upd.check).toMatchObject({ update: 1, invalid: 0 })
    expect(upd.rows[0].changes).toEqual([{ field: 'value', column: 'Nilai', before: '296', after: '300' }])
    await commitImport(jombang, upd.id)
    const values = await db.reportValue.findMany({ where: { reportId: report.id, value: { not: null } }, select: { indicatorCode: true, value: true, comment: true }, orderBy: { indicatorCode: 'asc' } })
    // (the form's save above sent no comment for KOP_AKTIF, so it cleared it; an empty cell keeps what is stored)
    expect(values.map((v) => [v.indicatorCode, Number(v.value), v.comment])).toEqual([['KOP_AKTIF', 300, null], ['KOP_TERDAFTAR', 350, null]])
  })

  it('refuses row by row with the reasons, writes nothing when one row fails, and only the valid rows when asked', async () => {
    const file = await xlsx(RV_HEAD, [
      ['35.17', 2026, 2, 'KOP_TERDAFTAR', 120, ''],
      ['35.17', 2026, 2, 'KOP_AKTIF', 130, ''], // more active than registered: the form's ERROR rule
      ['35.07', 2026, 2, 'KOP_TERDAFTAR', 80, ''], // another regency
      ['35.17', 2026, 2, 'KOP_AKTIF_PCT', 90, ''], // computed
      ['35.17', 2027, 1, 'KOP_TERDAFTAR', 120, ''], // not begun
      ['35.17', 2026, 2, 'BUKAN_INDIKATOR', 1, ''],
      ['35.17', 2026, 5, 'KSP_SEHAT', 1, ''],
      ['35.17', 2026, 2, 'KSP_SEHAT', 'sepuluh', ''],
    ])
    const before = await reportFingerprint()
    const dry = await checkImport(jombang, 'laporan-triwulan', file)
    expect(dry.check).toEqual({ total: 8, create: 1, update: 0, unchanged: 0, invalid: 7 })
    expect(dry.rows.slice(1).map((r) => r.errors)).toEqual([
      // a rule's message comes with the rule's own English (from the database, not the catalogue)
      [{ column: 'Nilai', message: 'Koperasi aktif tidak boleh melebihi koperasi terdaftar.', messageEn: 'Active cooperatives cannot exceed registered cooperatives.' }],
      // another regency's row says whose it is, in the regency column
      [{ column: 'Kabupaten/Kota', message: 'Baris ini untuk Kabupaten Malang; Anda hanya dapat mengimpor nilai kabupaten/kota Anda (Kabupaten Jombang).' }],
      [{ column: 'Indikator', message: 'Indikator KOP_AKTIF_PCT dihitung otomatis dari dua indikator lain; impor kedua indikator itu.' }],
      [{ column: 'Triwulan', message: 'Triwulan I 2027 belum dimulai; nilainya belum dapat diisi.' }],
      [{ column: 'Indikator', message: 'Indikator "BUKAN_INDIKATOR" tidak dikenal: tulis kode atau nama indikator seperti di formulir laporan triwulan.' }],
      [{ column: 'Triwulan', message: 'Triwulan harus 1–4 (atau I–IV, TW III, Triwulan III).' }],
      [{ column: 'Nilai', message: 'Isi angka, misalnya 43.950 atau 85,30.' }],
    ])
    // the import's page shows the rule's English in the English interface, the others through the catalogue
    const shown = await importDetail(dry.id)
    expect(shown.invalid[0].errors.map((e) => rowErrorText(e, 'en'))).toEqual(['Active cooperatives cannot exceed registered cooperatives.'])
    expect(shown.invalid[0].errors.map((e) => rowErrorText(e, 'id'))).toEqual(['Koperasi aktif tidak boleh melebihi koperasi terdaftar.'])
    expect(rowErrorText(shown.invalid[3].errors[0], 'en')).toBe(serverText(shown.invalid[3].errors[0].message, 'en'))
    const failed = await commitImport(jombang, dry.id)
    expect(failed.status).toBe('FAILED')
    expect(failed.error).toMatch(/7 baris tidak valid; tidak ada yang disimpan/)
    expect(await reportFingerprint()).toBe(before)

    const valid = await checkImport(jombang, 'laporan-triwulan', file)
    expect((await commitImport(jombang, valid.id, 'VALID_ONLY')).status).toBe('DONE')
    const stored = await db.reportValue.findMany({ where: { report: { year: 2026, quarter: 2 } }, select: { indicatorCode: true, value: true, report: { select: { regencyCode: true } } } })
    expect(stored.map((v) => [v.report.regencyCode, v.indicatorCode, Number(v.value)])).toEqual([[JOMBANG, 'KOP_TERDAFTAR', 120]])
  })

  it('refuses a fraction of a count and English thousands grouping as the form does, never rounding them', async () => {
    const file = await xlsx(RV_HEAD, [
      ['35.17', 2026, 1, 'KSP_SEHAT', '10,5', ''], // a count typed with a fraction
      ['35.17', 2026, 1, 'MANAJER_KSP', 10.5, ''], // the same as a number cell
      ['35.17', 2026, 1, 'IUMK_TERBIT', '5,120', ''], // English grouping: read the Indonesian way it would be 5,12
      ['35.17', 2026, 1, 'KOP_KAMPUNG', '5.120', ''],
    ])
    const before = await reportFingerprint()
    const dry = await checkImport(jombang, 'laporan-triwulan', file)
    expect(dry.check).toMatchObject({ create: 1, invalid: 3 })
    expect(dry.rows.slice(0, 3).map((r) => r.errors)).toEqual([
      [{ column: 'Nilai', message: 'Nilai ini harus bilangan bulat, tanpa desimal.' }],
      [{ column: 'Nilai', message: 'Nilai ini harus bilangan bulat, tanpa desimal.' }],
      [{ column: 'Nilai', message: 'Tulis ribuan dengan titik (5.120) dan desimal dengan koma (5,12).' }],
    ])
    expect((await commitImport(jombang, dry.id)).status).toBe('FAILED')
    expect(await reportFingerprint()).toBe(before)
  })

  it('never writes a submitted report: its same values are unchanged, other values refused with its status; the agency imports any regency', async () => {
    // the agency writes Malang's draft, which Malang then submits
    const first = await checkImport(admin, 'laporan-triwulan', await xlsx(RV_HEAD, [['Kabupaten Malang', 2026, 3, 'KOP_TERDAFTAR', 500, ''], ['35.07', 2026, 3, 'KOP_AKTIF', 400, '']]))
    expect(first.check).toMatchObject({ create: 2, invalid: 0 })
    await commitImport(admin, first.id)
    await db.quarterlyReport.update({ where: { regencyCode_year_quarter: { regencyCode: MALANG, year: 2026, quarter: 3 } }, data: { status: 'SUBMITTED', submittedAt: new Date() } })

    const before = await reportFingerprint()
    const dry = await checkImport(admin, 'laporan-triwulan', await xlsx(RV_HEAD, [
      ['35.07', 2026, 3, 'KOP_TERDAFTAR', 500, ''],
      ['35.07', 2026, 3, 'KOP_AKTIF', 410, ''],
      ['35.07', 2026, 3, 'KSP_SEHAT', 5, ''],
    ]))
    expect(dry.check).toEqual({ total: 3, create: 0, update: 0, unchanged: 1, invalid: 2 })
    // the reason is the report's status, not the figure: flagged under the quarter the row names
    expect(dry.rows[1].errors).toEqual([{ column: 'Triwulan', message: 'Laporan Triwulan III 2026 berstatus Dikirim; nilainya tidak diubah lewat impor. Tercatat: 400.' }])
    expect(dry.rows[2].errors).toEqual([{ column: 'Triwulan', message: 'Laporan Triwulan III 2026 berstatus Dikirim; nilainya tidak dapat ditambah lewat impor.' }])
    // a comment alone is a change too (an empty value cell keeps the stored 400)
    const comment = await checkImport(admin, 'laporan-triwulan', await xlsx(RV_HEAD, [['35.07', 2026, 3, 'KOP_AKTIF', '', 'Koreksi']]))
    expect(comment.rows[0].errors).toEqual([{ column: 'Triwulan', message: 'Laporan Triwulan III 2026 berstatus Dikirim; nilainya tidak diubah lewat impor. Tercatat: 400, keterangan: (kosong).' }])
    expect((await commitImport(admin, dry.id, 'VALID_ONLY')).status).toBe('DONE')
    expect(await reportFingerprint()).toBe(before)

    // a district officer cannot touch another regency's report, even by its stored keys
    const other = await checkImport(jombang, 'laporan-triwulan', await xlsx(RV_HEAD, [['35.07', 2026, 3, 'KOP_TERDAFTAR', 500, '']]))
    expect(other.rows[0].errors).toEqual([{ column: 'Kabupaten/Kota', message: 'Baris ini untuk Kabupaten Malang; Anda hanya dapat mengimpor nilai kabupaten/kota Anda (Kabupaten Jombang).' }])
  })

  it('reads the year with the one parser: `2026` and `2026.0` are the same report, so the second row is the file\'s duplicate', async () => {
    const dry = await checkImport(jombang, 'laporan-triwulan', await xlsx(RV_HEAD, [
      ['35.17', '2026', 2, 'KSP_SEHAT', 10, ''],
      ['35.17', '2026.0', 2, 'KSP_SEHAT', 11, ''], // the same report and indicator, its year written otherwise: not a second value that silently wins
    ]))
    expect(JSON.stringify(dry.rows[1].errors)).toMatch(/"message":"Baris ini sama dengan baris 2 berkas ini/)
  })

  it('says why an indicator of the catalogue is not in the report: a province-level figure, a half-yearly form, an indicator not active', async () => {
    await db.indicator.update({ where: { code: 'BANTUAN_MODAL' }, data: { activeTo: new Date('2025-12-31') } })
    try {
      const dry = await checkImport(jombang, 'laporan-triwulan', await xlsx(RV_HEAD, [
        ['35.17', 2026, 3, 'PDRB_KUMKM', 61, ''], // the province's own figure: no regency report carries it
        ['35.17', 2026, 2, 'Kontribusi KUMKM terhadap PDRB provinsi', 61, ''], // the same by its name (another report: not a duplicate)
        ['35.17', 2026, 3, 'OMZET_UMK', 1_000_000, ''], // a half-yearly form: in Triwulan II and IV only
        ['35.17', 2026, 3, 'BANTUAN_MODAL', 5, ''], // no longer asked for
      ]))
      expect(dry.rows.map((r) => r.errors)).toEqual([
        [{ column: 'Indikator', message: 'Indikator PDRB_KUMKM adalah angka tingkat provinsi yang dicatat Dinas, bukan nilai laporan kabupaten/kota; tidak diimpor di sini.' }],
        [{ column: 'Indikator', message: 'Indikator PDRB_KUMKM adalah angka tingkat provinsi yang dicatat Dinas, bukan nilai laporan kabupaten/kota; tidak diimpor di sini.' }],
        [{ column: 'Indikator', message: 'Indikator OMZET_UMK termasuk formulir semesteran, yang diisi pada laporan Triwulan II dan Triwulan IV; laporan Triwulan III 2026 tidak memuatnya.' }],
        [{ column: 'Indikator', message: 'Indikator BANTUAN_MODAL tidak aktif pada Triwulan III 2026, sehingga tidak diminta dalam laporannya (lihat Pengaturan › Indikator).' }],
      ])
    } finally {
      await db.indicator.update({ where: { code: 'BANTUAN_MODAL' }, data: { activeTo: null } })
    }
  })
})

const CY_HEAD = ['NIK Koperasi', 'Tahun Buku', 'Modal Sendiri', 'Modal Luar', 'Aset', 'Volume Usaha', 'SHU', 'RAT Terlaksana', 'Tanggal RAT']

async function cooperative(regencyCode: string) {
  const nik = `${regencyCode.replace('.', '')}${String(Date.now()).slice(-8)}${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`.slice(0, 16)
  return db.cooperative.create({ data: { nik, name: `Koperasi ${unique()}`, type: 'PRODUSEN', regencyCode }, select: { id: true, nik: true } })
}

/** an unreported amount (NULL) is coalesced: a NULL concatenated makes the row's text NULL, which string_agg leaves out */
async function yearFingerprint() {
  const [r] = await db.$queryRaw<{ n: bigint; sum: string; audits: bigint }[]>`
    SELECT (SELECT count(*) FROM cooperative_years) AS n,
      md5(coalesce((SELECT string_agg(cooperative_id || year || coalesce(own_capital::text, '-') || coalesce(external_capital::text, '-') || coalesce(assets::text, '-') || coalesce(business_volume::text, '-') || coalesce(net_surplus::text, '-') || rat_held::text || coalesce(rat_date::text, '-'), ',' ORDER BY cooperative_id, year) FROM cooperative_years), '')) AS sum,
      (SELECT count(*) FROM audit_logs WHERE entity = 'CooperativeYear') AS audits`
  return `${r.n}:${r.sum}:${r.audits}`
}

describe('cooperative yearly figures import', () => {
  it('records a district officer\'s book years through the form\'s path, idempotent on NIK koperasi + year', async () => {
    const k = await cooperative(JOMBANG)
    const file = await xlsx(CY_HEAD, [
      [k.nik, 2025, '250.000.000', 'Rp100.000.000', 420_000_000, '1.250.000.000', '42.000.000', 'Ya', '15/03/2026'],
      [k.nik, '2024', '230.000.000', '0', '400.000.000', '1.100.000.000', '-2.500.000', 'Tidak', null],
    ])
    const dry = await checkImport(jombang, 'koperasi-tahunan', file)
    expect(dry.check).toEqual({ total: 2, create: 2, update: 0, unchanged: 0, invalid: 0 })
    expect(dry.rows.map((r) => r.key)).toEqual([`${k.nik}/2025`, `${k.nik}/2024`])
    await commitImport(jombang, dry.id)
    const years = await db.cooperativeYear.findMany({ where: { cooperativeId: k.id }, orderBy: { year: 'asc' } })
    expect(years.map((y) => [y.year, Number(y.ownCapital), Number(y.externalCapital), Number(y.netSurplus), y.ratHeld, y.ratDate?.toISOString().slice(0, 10) ?? null])).toEqual([
      [2024, 230_000_000, 0, -2_500_000, false, null],
      [2025, 250_000_000, 100_000_000, 42_000_000, true, '2026-03-15'],
    ])
    expect(await db.auditLog.count({ where: { entity: 'CooperativeYear', action: 'CREATE', userId: jombang.id } })).toBe(2)

    const before = await yearFingerprint()
    const again = await checkImport(jombang, 'koperasi-tahunan', file)
    expect(again.check).toEqual({ total: 2, create: 0, update: 0, unchanged: 2, invalid: 0 })
    await commitImport(jombang, again.id)
    expect(await yearFingerprint()).toBe(before)

    // "Tidak" is a value: it clears a stored "Ya" (with its date cleared too), shown as before → after
    const upd = await checkImport(jombang, 'koperasi-tahunan', await xlsx(['NIK Koperasi', 'Tahun Buku', 'RAT Terlaksana', 'Tanggal RAT', 'Aset'], [[k.nik, 2025, 'Tidak', null, '430.000.000']]))
    // the stored RAT date is kept by an empty cell, and the form refuses a date without RAT: the same rule here
    expect(upd.rows[0].errors).toEqual([{ column: 'RAT Terlaksana', message: 'Tandai RAT terlaksana bila tanggal RAT diisi.' }])
    const upd2 = await checkImport(jombang, 'koperasi-tahunan', await xlsx(['NIK Koperasi', 'Tahun Buku', 'Aset'], [[k.nik, 2025, '430.000.000']]))
    expect(upd2.rows[0].changes).toEqual([{ field: 'assets', column: 'Aset', before: '420000000', after: '430000000' }])
    await commitImport(jombang, upd2.id)
    expect(Number((await db.cooperativeYear.findFirstOrThrow({ where: { cooperativeId: k.id, year: 2025 } })).assets)).toBe(430_000_000)
  })

  it('stores an empty amount cell of a new year as not reported (NULL, never Rp0), the same file again unchanged, an update\'s empty cell keeping it', async () => {
    const k = await cooperative(JOMBANG)
    const amounts = async () => {
      const y = await db.cooperativeYear.findFirstOrThrow({ where: { cooperativeId: k.id, year: 2025 } })
      return [y.ownCapital, y.externalCapital, y.assets, y.businessVolume, y.netSurplus].map((v) => (v === null ? null : v.toString()))
    }
    // only the assets are known, and an SHU of exactly zero
    const file = await xlsx(CY_HEAD, [[k.nik, 2025, '', null, '420.000.000', '', '0', 'Tidak', null]])
    const dry = await checkImport(jombang, 'koperasi-tahunan', file)
    expect(dry.check).toEqual({ total: 1, create: 1, update: 0, unchanged: 0, invalid: 0 })
    await commitImport(jombang, dry.id)
    expect(await amounts()).toEqual([null, null, '420000000', null, '0'])

    const before = await yearFingerprint()
    const again = await checkImport(jombang, 'koperasi-tahunan', file)
    expect(again.check).toEqual({ total: 1, create: 0, update: 0, unchanged: 1, invalid: 0 })
    await commitImport(jombang, again.id)
    expect(await yearFingerprint()).toBe(before)

    // a later file reports the own capital: a change from empty (the page shows it "–"), its other empty cells keep what is stored
    const later = await checkImport(jombang, 'koperasi-tahunan', await xlsx(CY_HEAD, [[k.nik, 2025, '250.000.000', '', '', '', '', '', '']]))
    expect(later.rows[0].changes).toEqual([{ field: 'ownCapital', column: 'Modal Sendiri', before: '', after: '250000000' }])
    await commitImport(jombang, later.id)
    expect(await amounts()).toEqual(['250000000', null, '420000000', null, '0'])
  })

  it('refuses another regency\'s cooperative and an unknown NIK row by row; all or nothing', async () => {
    const own = await cooperative(JOMBANG)
    const other = await cooperative(MALANG)
    const file = await xlsx(CY_HEAD, [
      [own.nik, 2025, '10.000.000', '', '', '', '', '', ''],
      [other.nik, 2025, '10.000.000', '', '', '', '', '', ''],
      ['3517999999999999', 2025, '10.000.000', '', '', '', '', '', ''],
      [own.nik, 2099, '10.000.000', '', '', '', '', '', ''],
      [own.nik, 2024, 'sepuluh juta', '', '', '', '', '', ''],
      // another regency's cooperative with a fault of its own: both said at once
      [other.nik, 2024, 'sepuluh juta', '', '', '', '', '', ''],
    ])
    const before = await yearFingerprint()
    const dry = await checkImport(jombang, 'koperasi-tahunan', file)
    expect(dry.check).toEqual({ total: 6, create: 1, update: 0, unchanged: 0, invalid: 5 })
    expect(dry.rows.slice(1).map((r) => r.errors)).toEqual([
      [{ column: 'NIK Koperasi', message: 'Di luar wilayah kerja Anda: Anda hanya dapat mengimpor data kabupaten/kota Anda.' }],
      [{ column: 'NIK Koperasi', message: 'NIK koperasi ini belum terdaftar: daftarkan koperasinya dulu, lalu impor angka tahunannya.' }],
      [{ column: 'Tahun Buku', message: 'Tahun buku tidak boleh di masa depan.' }],
      [{ column: 'Modal Sendiri', message: 'Modal sendiri harus angka rupiah, mis. 1.500.000.' }],
      [{ column: 'Modal Sendiri', message: 'Modal sendiri harus angka rupiah, mis. 1.500.000.' }, { column: 'NIK Koperasi', message: 'Di luar wilayah kerja Anda: Anda hanya dapat mengimpor data kabupaten/kota Anda.' }],
    ])
    expect((await commitImport(jombang, dry.id)).status).toBe('FAILED')
    expect(await yearFingerprint()).toBe(before)
    // the agency may import for any regency
    const byAdmin = await checkImport(admin, 'koperasi-tahunan', await xlsx(CY_HEAD, [[other.nik, 2025, '10.000.000', '', '', '', '', '', '']]))
    expect(byAdmin.check).toMatchObject({ create: 1, invalid: 0 })
  })
})

describe('templates of the new kinds', () => {
  it('offer an .xlsx whose every heading maps back to its field, with an explanation sheet, and a .csv', async () => {
    for (const slug of ['laporan-triwulan', 'koperasi-tahunan', 'target-indikator']) {
      const kind = importKind(slug)!
      const buf = await templateXlsx(kind, ['Kabupaten Jombang'])
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(buf as unknown as ArrayBuffer)
      expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Data', 'Penjelasan']))
      expect(wb.getWorksheet('Penjelasan')!.rowCount).toBeGreaterThan(kind.fields.length)
      // the fields, then the column Contoh that marks the example rows (CONTOH)
      expect(templateCsv(kind).split('\r\n')[0]).toBe(`\ufeff${[...kind.fields.map((f) => f.label), EXAMPLE_COLUMN].join(';')}`)
      const id = await createImport(admin, slug, new File([new Uint8Array(buf)], 'templat.xlsx'))
      const imp = await db.dataImport.findUniqueOrThrow({ where: { id }, select: { sheetName: true, mapping: true } })
      expect(imp.sheetName).toBe('Data')
      expect(imp.mapping).toEqual({ ...Object.fromEntries(kind.fields.map((f) => [f.label, f.key])), [EXAMPLE_COLUMN]: null })
    }
  })

  it('names what each indicator code means on the explanation sheet (the drop-down lists codes only)', async () => {
    for (const slug of ['laporan-triwulan', 'target-indikator']) {
      const kind = importKind(slug)!
      const { regencyNames, extras } = await templateData(admin, kind)
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load((await templateXlsx(kind, regencyNames, extras)) as unknown as ArrayBuffer)
      const help = wb.getWorksheet('Penjelasan')!
      const meaning = new Map<string, string>()
      help.eachRow((row) => { meaning.set(String(row.getCell(1).value), String(row.getCell(4).value)) })
      const indicators = await db.indicator.findMany({ where: { code: { in: extras.lists!.indicatorCode } }, select: { code: true, name: true } })
      expect(indicators.length).toBe(extras.lists!.indicatorCode.length)
      for (const i of indicators) expect(meaning.get(i.code), `${slug} ${i.code}`).toContain(i.name)
    }
  })

  it('every kind\'s template: its example rows pass its own drop-down lists, which warn and never refuse a value, and its explanation agrees with the column', async () => {
    for (const kind of Object.values(IMPORT_KINDS)) {
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load((await templateXlsx(kind, ['Kabupaten Jombang'])) as unknown as ArrayBuffer)
      const data = wb.getWorksheet('Data')!
      const lists = wb.getWorksheet('Daftar')!
      let checked = 0
      kind.fields.forEach((f, i) => {
        const rule = data.getCell(2, i + 1).dataValidation
        if (rule?.type !== 'list') return
        // e.g. Daftar!$B$2:$B$3: the list's values
        const [, col, from, to] = /!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)/.exec(rule.formulae![0] as string)!
        const values = Array.from({ length: Number(to) - Number(from) + 1 }, (_, j) => String(lists.getCell(`${col}${Number(from) + j}`).value))
        expect(rule.errorStyle, `${kind.kind} ${f.label}`).not.toBe('stop')
        for (const example of f.examples.filter(Boolean)) {
          if (f.type !== 'regency') expect(values, `${kind.kind} ${f.label}: ${example}`).toContain(example)
        }
        checked++
      })
      if (kind.fields.some((f) => f.type === 'enum')) expect(checked).toBeGreaterThan(0)
      // the explanation sheet does not call a column that takes 85,30 a whole number
      const help = wb.getWorksheet('Penjelasan')!
      kind.fields.forEach((f, i) => {
        if (f.type === 'number' && /\d,\d/.test(f.help)) expect(help.getCell(i + 2, 3).value, `${kind.kind} ${f.label}`).not.toBe('bilangan bulat')
      })
    }
  })
})

async function targetFingerprint() {
  const [r] = await db.$queryRaw<{ n: bigint; sum: string; grids: string; audits: bigint }[]>`
    SELECT (SELECT count(*) FROM indicator_targets) AS n,
      md5(coalesce((SELECT string_agg(indicator_code || year || quarter || coalesce(regency_code, 'PROV') || value::text, ',' ORDER BY indicator_code, year, quarter, regency_code) FROM indicator_targets), '')) AS sum,
      coalesce((SELECT string_agg(indicator_code || year || ':' || version, ',' ORDER BY indicator_code, year) FROM target_grids), '') AS grids,
      (SELECT count(*) FROM audit_logs WHERE entity = 'TargetGrid') AS audits`
  return `${r.n}:${r.sum}:${r.grids}:${r.audits}`
}

const T_HEAD = ['Indikator', 'Tahun', 'Periode', 'Kabupaten/Kota', 'Target']

describe('indicator targets import', () => {
  it('writes the agency\'s targets through the target screen\'s path, idempotent on indicator + year + period + regency', async () => {
    const file = await xlsx(T_HEAD, [
      ['KOP_AKTIF', 2027, 'Tahun', '', '1.000'],
      ['Koperasi aktif', 2027, '', '35.17', 600],
      ['KOP_AKTIF', '2027', 0, 'Kabupaten Malang', '400'],
      // a count's target is whole (12,5 is refused as on the screen: imports-targets.test.ts)
      ['KOP_AKTIF', 2027, 'TW III', 'Kabupaten Jombang', '150'],
    ])
    const dry = await checkImport(admin, 'target-indikator', file)
    expect(dry.check).toEqual({ total: 4, create: 4, update: 0, unchanged: 0, invalid: 0 })
    expect(dry.rows.map((r) => r.key)).toEqual(['KOP_AKTIF/2027/0/PROV', 'KOP_AKTIF/2027/0/35.17', 'KOP_AKTIF/2027/0/35.07', 'KOP_AKTIF/2027/3/35.17'])
    expect((await commitImport(admin, dry.id)).status).toBe('DONE')
    const cells = await db.indicatorTarget.findMany({ where: { indicatorCode: 'KOP_AKTIF', year: 2027 }, orderBy: [{ quarter: 'asc' }, { regencyCode: 'asc' }], select: { quarter: true, regencyCode: true, value: true } })
    expect(cells.map((c) => [c.quarter, c.regencyCode, Number(c.value)])).toEqual([[0, '35.07', 400], [0, '35.17', 600], [0, null, 1000], [3, '35.17', 150]])
    expect(await db.targetGrid.findUniqueOrThrow({ where: { indicatorCode_year: { indicatorCode: 'KOP_AKTIF', year: 2027 } }, select: { version: true } })).toEqual({ version: 1 })
    expect(await db.auditLog.count({ where: { entity: 'TargetGrid', entityId: 'KOP_AKTIF:2027', action: 'UPDATE', userId: admin.id } })).toBe(1)

    const before = await targetFingerprint()
    const again = await checkImport(admin, 'target-indikator', file)
    expect(again.check).toEqual({ total: 4, create: 0, update: 0, unchanged: 4, invalid: 0 })
    await commitImport(admin, again.id)
    expect(await targetFingerprint()).toBe(before)

    // the screen's province total: regencies adding up to 1.100 against the province's 1.000 are refused in the dry run
    // on the year row, and the import fails, nothing kept (tests/integration/imports-targets.test.ts has the rest)
    const off = await checkImport(admin, 'target-indikator', await xlsx(T_HEAD, [['KOP_AKTIF', 2027, 'Tahun', '35.17', 700], ['KOP_AKTIF', 2027, 'IV', '35.17', 200]]))
    expect(off.check).toMatchObject({ update: 0, create: 1, invalid: 1 })
    expect(off.rows[0].errors).toEqual([{ column: 'Target', message: 'Target KOP_AKTIF 2027: jumlah target kabupaten/kota 1.100 lebih 100 dari target provinsi 1.000. Perbaiki berkasnya, atau simpan selisihnya di layar Target.' }])
    const failed = await commitImport(admin, off.id)
    expect(failed).toMatchObject({ status: 'FAILED' })
    expect(await targetFingerprint()).toBe(before)
  })

  it('refuses the screen\'s bad cells row by row and writes nothing (all or nothing); a district officer may not import targets', async () => {
    const before = await targetFingerprint()
    const dry = await checkImport(admin, 'target-indikator', await xlsx(T_HEAD, [
      ['KSP_SEHAT', 2027, 'Tahun', '35.17', 10],
      ['PDRB_KUMKM', 2027, 'Tahun', '35.17', 5], // a province-level figure has only the province's target
      ['KSP_SEHAT', 2027, 'Tahun', '35.07', '-3'],
      ['BUKAN', 2027, 'Tahun', '', 1],
      ['KSP_SEHAT', 2027, 5, '', 1],
    ]))
    expect(dry.check).toEqual({ total: 5, create: 1, update: 0, unchanged: 0, invalid: 4 })
    expect(dry.rows.slice(1).map((r) => r.errors)).toEqual([
      [{ column: 'Kabupaten/Kota', message: 'PDRB_KUMKM adalah indikator tingkat provinsi: kosongkan Kabupaten/Kota.' }],
      [{ column: 'Target', message: 'Isi angka tidak negatif, mis. 43.950 atau 85,30.' }],
      [{ column: 'Indikator', message: 'Indikator "BUKAN" tidak dikenal: tulis kode atau nama indikator seperti di katalog indikator.' }],
      [{ column: 'Periode', message: 'Periode: kosong atau Tahun untuk target setahun, 1–4 (I–IV) untuk triwulan.' }],
    ])
    expect((await commitImport(admin, dry.id)).status).toBe('FAILED')
    expect(await targetFingerprint()).toBe(before)
    await expect(createImport(jombang, 'target-indikator', await xlsx(T_HEAD, [['KSP_SEHAT', 2027, 'Tahun', '35.17', 10]]))).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})
