import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { importKind } from '@/lib/imports/kinds'
import { createImport, templateData } from '@/lib/imports/service'
import { claimedMonthsForRecording, importedLoansMissedMonths, plannedLoansMissedMonths, type ImportMissedMonths, type PlannedMissedMonths } from '@/lib/data/disbursements'
import { tidyImports } from '@/lib/imports/retention'
import { EXAMPLE_COLUMN, templateCsv, templateXlsx } from '@/lib/imports/template'
import type { SessionUser } from '@/lib/session-user'
import { createUser, unique } from '../support/factories'
import { asSession, checkImport, commitImport as commit } from '../support/imports'

const check = (user: SessionUser, file: File) => checkImport(user, 'penyaluran', file)

/**
 * Disbursements through the import pipeline (lib/imports/kinds/disbursements.ts), on real .xlsx files built
 * here: idempotent on bank + loan account, the disbursement form's checks and messages, all or nothing, and
 * a bank officer's scope (its own bank only, row by row).
 */
let admin: SessionUser
let bpr: SessionUser
let dki: SessionUser
let bprId: string
let dkiId: string
let programCode: string
let programName: string


async function msme(scale: 'MIKRO' | 'MENENGAH' = 'MIKRO') {
  const nib = `8${String(Date.now()).slice(-6)}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`
  return db.msme.create({
    data: {
      nib, businessName: `Usaha ${unique()}`, ownerName: 'Siti Rahayu', ownerNik: '3517011234560001', ownerGender: 'P',
      kbli: '10792', regencyCode: '35.17', computedScale: scale, businessCapital: 50_000_000, annualSales: 300_000_000,
    },
    select: { id: true, nib: true, ownerNik: true },
  })
}

beforeAll(async () => {
  admin = asSession(await createUser('ADMIN'), 'Admin Uji')
  bpr = asSession(await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' }), 'Petugas BPR')
  dki = asSession(await createUser('BANK_OFFICER', { bankCode: 'BANKDKI' }), 'Petugas DKI')
  bprId = bpr.bankId!
  dkiId = dki.bankId!
  programCode = `UJI-IMPOR-${unique()}`.toUpperCase()
  programName = `Program Impor ${unique()}`
  await db.creditProgram.create({
    data: {
      code: programCode, scheme: 'UJI', name: programName, year: 2025, creditTarget: 100_000_000, beneficiaryTarget: 4, subsidyCeiling: 10_000_000,
      borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, eligibleScales: ['MIKRO', 'KECIL'],
      banks: { create: [{ bankId: bprId }, { bankId: dkiId }] },
      rates: { create: [{ bankId: bprId, effectiveFrom: new Date('2025-01-01'), rate: 0.12 }, { bankId: dkiId, effectiveFrom: new Date('2025-01-01'), rate: 0.12 }] },
    },
  })
})

const HEAD = ['Program', 'Bank', 'No. Rekening', 'NIB', 'NIK Pemilik', 'Tanggal Akad', 'Plafon', 'Tenor (bulan)', 'Metode Angsuran']
type Cell = string | number | Date | null

async function xlsx(rows: Cell[][], head = HEAD): Promise<File> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Penyaluran')
  ws.addRow(head)
  for (const r of rows) ws.addRow(r)
  return new File([Buffer.from(await wb.xlsx.writeBuffer())], 'penyaluran.xlsx')
}

const account = () => `IMP-${unique()}`.toUpperCase()

function row(m: { nib: string; ownerNik: string }, acct: string, over: Partial<Record<number, Cell>> = {}): Cell[] {
  const base: Cell[] = [programCode, '', acct, m.nib, m.ownerNik, '15/01/2025', '25.000.000', 24, 'Anuitas']
  for (const [i, v] of Object.entries(over)) base[Number(i)] = v as Cell
  return base
}



/** Row counts and a checksum of the loans and their periods: "nothing was written" as a fact. */
async function fingerprint() {
  const [r] = await db.$queryRaw<{ n: bigint; months: bigint; sum: string }[]>`
    SELECT (SELECT count(*) FROM disbursements) AS n, (SELECT count(*) FROM loan_months) AS months,
           md5(coalesce((SELECT string_agg(bank_id || account_number || plafond::text || version, ',' ORDER BY bank_id, account_number) FROM disbursements), '')) AS sum`
  return `${r.n}:${r.months}:${r.sum}`
}

describe('disbursement import', () => {
  it('records a bank officer\'s loans with their periods, then reports nothing changed for the same file again', async () => {
    const [a, b, c] = [await msme(), await msme(), await msme()]
    const accts = [account(), account(), account()]
    const file = await xlsx([
      row(a, accts[0]),
      // the bank by its short name, the programme by its name, money as a number cell, a real date cell
      row(b, accts[1], { 0: programName, 1: 'BPR Jatim', 6: 10_000_000, 5: new Date(Date.UTC(2025, 1, 3)), 7: '12' }),
      // an Excel serial date, Rp with separators, flat method
      row(c, accts[2], { 5: 45700, 6: 'Rp15.000.000', 8: 'Flat' }),
    ])
    const dry = await check(bpr, file)
    expect(dry.status).toBe('CHECKED')
    expect(dry.check).toEqual({ total: 3, create: 3, update: 0, unchanged: 0, invalid: 0 })
    expect(dry.rows.map((r) => r.key)).toEqual(accts.map((x) => `BPRJATIM/${x}`))
    expect(await db.disbursement.count({ where: { accountNumber: { in: accts } } })).toBe(0)

    const done = await commit(bpr, dry.id)
    expect(done).toMatchObject({ status: 'DONE', summary: { commit: { create: 3, invalid: 0 } } })
    const loans = await db.disbursement.findMany({
      where: { accountNumber: { in: accts } }, orderBy: { accountNumber: 'asc' },
      select: { accountNumber: true, bankId: true, regencyCode: true, plafond: true, tenorMonths: true, method: true, contractDate: true, bankRate: true, createdById: true, _count: { select: { months: true } } },
    })
    const by = new Map(loans.map((l) => [l.accountNumber, l]))
    expect(loans).toHaveLength(3)
    for (const l of loans) expect(l).toMatchObject({ bankId: bprId, regencyCode: '35.17', createdById: bpr.id })
    expect(by.get(accts[0])!._count.months).toBe(24)
    expect(Number(by.get(accts[0])!.bankRate)).toBe(0.12)
    expect(by.get(accts[1])).toMatchObject({ tenorMonths: 12, _count: { months: 12 } })
    expect(Number(by.get(accts[1])!.plafond)).toBe(10_000_000)
    expect(by.get(accts[1])!.contractDate.toISOString().slice(0, 10)).toBe('2025-02-03')
    expect(by.get(accts[2])!.contractDate.toISOString().slice(0, 10)).toBe('2025-02-12')
    expect(by.get(accts[2])).toMatchObject({ method: 'FLAT' })
    // the form's write path: one CREATE audit per loan, and one IMPORT entry for the file
    expect(await db.auditLog.count({ where: { entity: 'Disbursement', action: 'CREATE', userId: bpr.id } })).toBeGreaterThanOrEqual(3)
    expect(await db.auditLog.count({ where: { entity: 'DataImport', entityId: dry.id, action: 'IMPORT' } })).toBe(1)

    // the same file again: nothing to change, and nothing written
    const before = await fingerprint()
    const again = await check(bpr, file)
    expect(again.check).toEqual({ total: 3, create: 0, update: 0, unchanged: 3, invalid: 0 })
    await commit(bpr, again.id)
    expect(await fingerprint()).toBe(before)

    // a recorded loan is not changed by an import: a different plafond is refused, with the stored value
    const changed = await check(bpr, await xlsx([row(a, accts[0], { 6: '20.000.000' })]))
    expect(changed.check).toMatchObject({ invalid: 1, update: 0 })
    expect(changed.rows[0].errors).toEqual([{ column: 'Plafon', message: 'Rekening ini sudah tercatat dengan nilai lain; impor tidak mengubah pinjaman yang sudah tercatat. Tercatat: Rp25.000.000.' }])
  })

  it('refuses with the form\'s messages, and writes nothing when one row fails (all or nothing)', async () => {
    const [ok, big, dup] = [await msme(), await msme('MENENGAH'), await msme()]
    const acct = account()
    const file = await xlsx([
      row(ok, acct),
      row(big, account(), { 6: '30.000.000', 7: 36, 5: '31/12/2024' }), // plafond, tenor, year and scale all break the rules
      row(ok, account(), { 4: '3517019999990001' }), // NIK does not match the register
      row(dup, acct), // the same account twice in the file
      row(ok, account(), { 0: 'PROGRAM-LAIN' }), // no such programme for this bank
      row(ok, account(), { 5: '2025-01-01', 6: 'dua juta' }), // not a number
    ])
    const dry = await check(bpr, file)
    expect(dry.check).toEqual({ total: 6, create: 1, update: 0, unchanged: 0, invalid: 5 })
    const errors = Object.fromEntries(dry.rows.map((r) => [r.rowNumber, r.errors as { column: string; message: string }[]]))
    expect(errors[3]).toEqual(expect.arrayContaining([
      { column: 'Plafon', message: 'Plafon melebihi batas program (Rp30.000.000 > Rp25.000.000).' },
      { column: 'Tenor (bulan)', message: 'Tenor melebihi batas program (36 > 24 bulan).' },
      { column: 'Tanggal Akad', message: 'Tanggal akad di luar tahun program 2025.' },
      { column: 'NIB', message: expect.stringMatching(/^Skala usaha tidak termasuk sasaran program/) },
    ]))
    expect(errors[4]).toEqual([
      { column: 'NIB', message: 'NIB dan NIK pemilik tidak cocok dengan register UMKM.' },
      { column: 'NIK Pemilik', message: 'NIB dan NIK pemilik tidak cocok dengan register UMKM.' },
    ])
    expect(errors[5]).toEqual([{ column: 'No. Rekening', message: `Nomor Rekening ${acct} sudah ada di baris 2 berkas ini.` }])
    expect(errors[6]).toEqual([{ column: 'Program', message: 'Program tidak ditemukan untuk bank ini: tulis kode atau nama program yang disalurkan bank ini.' }])
    expect(errors[7][0].column).toBe('Plafon')

    const before = await fingerprint()
    const done = await commit(bpr, dry.id, 'ALL')
    expect(done.status).toBe('FAILED')
    expect(done.error).toMatch(/5 baris tidak valid; tidak ada yang disimpan/)
    expect(await fingerprint()).toBe(before)
  })

  it('says every fault of a row in one dry run: an unknown method beside the programme\'s rules, an empty key beside the empty cells', async () => {
    const ok = await msme()
    const file = await xlsx([
      // the method has no stand-in but the form's default (Anuitas): the rules that need a checked row are still said
      row(ok, account(), { 8: 'Bulanan', 7: 36, 4: '3517019999990001' }),
      // no account number, no date, no amount: each said, not only the missing key
      row(ok, '', { 5: '', 6: 'dua juta' }),
    ])
    const dry = await check(bpr, file)
    expect(dry.check).toMatchObject({ total: 2, invalid: 2 })
    const errors = Object.fromEntries(dry.rows.map((r) => [r.rowNumber, r.errors as { column: string; message: string }[]]))
    expect(errors[2]).toEqual(expect.arrayContaining([
      { column: 'Metode Angsuran', message: 'Metode Angsuran harus salah satu dari: Anuitas, Flat.' },
      { column: 'Tenor (bulan)', message: 'Tenor melebihi batas program (36 > 24 bulan).' },
      { column: 'NIK Pemilik', message: 'NIB dan NIK pemilik tidak cocok dengan register UMKM.' },
    ]))
    // the stand-in method is not blamed for anything the checks say of it
    expect(errors[2].filter((e) => e.column === 'Metode Angsuran')).toHaveLength(1)
    expect(errors[3]).toEqual(expect.arrayContaining([
      { column: 'No. Rekening', message: 'Isi Nomor Rekening: kunci untuk mencocokkan data.' },
      expect.objectContaining({ column: 'Tanggal Akad' }),
      expect.objectContaining({ column: 'Plafon' }),
    ]))
  })

  it('says a refused row\'s programme limits and borrower beside the schema\'s refusal, the tenor against the programme\'s own limit', async () => {
    const ok = await msme()
    const file = await xlsx([
      // a walk's row: a tenor above any programme's, an amount above this one's, a NIK not the register's; it was told
      // only "Tenor paling lama 120 bulan", then the rest once the tenor was fixed
      row(ok, account(), { 7: 600, 6: '999.000.000', 4: '3517019999990001' }),
      // an amount that does not parse beside a tenor above the programme's
      row(ok, account(), { 6: 'dua juta', 7: 36 }),
    ])
    const dry = await check(bpr, file)
    expect(dry.check).toMatchObject({ total: 2, invalid: 2 })
    const errors = Object.fromEntries(dry.rows.map((r) => [r.rowNumber, r.errors as { column: string; message: string }[]]))
    expect(errors[2]).toEqual(expect.arrayContaining([
      { column: 'Tenor (bulan)', message: 'Tenor melebihi batas program (600 > 24 bulan).' },
      { column: 'Plafon', message: 'Plafon melebihi batas program (Rp999.000.000 > Rp25.000.000).' },
      { column: 'NIB', message: 'NIB dan NIK pemilik tidak cocok dengan register UMKM.' },
      { column: 'NIK Pemilik', message: 'NIB dan NIK pemilik tidak cocok dengan register UMKM.' },
    ]))
    expect(errors[2]).toHaveLength(4)
    expect(errors[3]).toEqual(expect.arrayContaining([
      expect.objectContaining({ column: 'Plafon' }),
      { column: 'Tenor (bulan)', message: 'Tenor melebihi batas program (36 > 24 bulan).' },
    ]))
  })

  it('keeps a bank officer to its own bank, row by row; an admin names the bank', async () => {
    const [m1, m2, m3] = [await msme(), await msme(), await msme()]
    // Bank DKI already holds this account number: another bank's loan, a different key
    const shared = account()
    const dryDki = await check(dki, await xlsx([row(m3, shared)]))
    await commit(dki, dryDki.id)
    expect(await db.disbursement.count({ where: { accountNumber: shared, bankId: dkiId } })).toBe(1)

    const own = account()
    const other = account()
    const dry = await check(bpr, await xlsx([
      row(m1, own),
      row(m2, other, { 1: 'BANKDKI' }), // another bank's loan: refused
      row(m3, shared), // same account number as Bank DKI's loan: BPR Jatim's own, new
    ]))
    expect(dry.check).toEqual({ total: 3, create: 2, update: 0, unchanged: 0, invalid: 1 })
    expect(dry.rows[1].errors).toEqual([{ column: 'Bank', message: 'Di luar bank Anda: petugas bank hanya dapat mengimpor pinjaman banknya sendiri.' }])
    const done = await commit(bpr, dry.id, 'VALID_ONLY')
    expect(done).toMatchObject({ status: 'DONE', summary: { commit: { create: 2, invalid: 1 } } })
    expect(await db.disbursement.count({ where: { accountNumber: other } })).toBe(0)
    expect(await db.disbursement.count({ where: { accountNumber: own, bankId: bprId } })).toBe(1)
    expect(await db.disbursement.count({ where: { accountNumber: shared } })).toBe(2)

    // a bank officer imports disbursements only; an admin must name the bank of each row
    await expect(createImport(bpr, 'umkm', await xlsx([row(m1, own)]))).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const byAdmin = await check(admin, await xlsx([row(m1, account()), row(m2, account(), { 1: 'Bank DKI' })]))
    expect(byAdmin.rows[0].errors).toEqual([{ column: 'Bank', message: 'Pilih bank penyalur.' }])
    expect(byAdmin.rows[1].outcome).toBe('CREATE')
  })

  it('names the new loans that fall in months their bank already claimed without them, lost or still returnable, as the form does', async () => {
    const program = await db.creditProgram.findUniqueOrThrow({ where: { code: programCode }, select: { id: true } })
    // BPR filed March (approved) and April (being verified) before these loans were recorded
    await db.subsidyClaim.create({ data: { programId: program.id, bankId: bprId, month: new Date('2025-03-01'), status: 'APPROVED' } })
    await db.subsidyClaim.create({ data: { programId: program.id, bankId: bprId, month: new Date('2025-04-01'), status: 'SUBMITTED' } })
    const [a, b, c] = [await msme(), await msme(), await msme()]
    const [late, lateToo, inTime] = [account(), account(), account()]
    // January's loan falls in March (lost) and April (returnable); March's in April only; May's in neither
    const dry = await check(bpr, await xlsx([row(a, late), row(b, lateToo, { 5: '10/03/2025' }), row(c, inTime, { 5: '10/05/2025' })]))
    expect(dry.check).toMatchObject({ create: 3, invalid: 0 })
    // said before the write, from the dry run's rows: which new loans fall in claimed months, and which months
    const checked = (await db.dataImport.findUniqueOrThrow({ where: { id: dry.id }, select: { summary: true } })).summary as { check: { facts?: { plannedMissedMonths?: PlannedMissedMonths } } }
    const planned = checked.check.facts!.plannedMissedMonths!
    expect(planned).toMatchObject({ loans: 2, lostMonths: 1, returnableMonths: 2 })
    expect(planned.shown.map((l) => [l.accountNumber, l.lost, l.returnable]).sort()).toEqual([[late, ['2025-03'], ['2025-04']], [lateToo, [], ['2025-04']]].sort())
    // read in the reader's scope: another bank's officer would learn nothing of BPR's claims
    const asPlanned = [late, lateToo, inTime].map((accountNumber) => ({ accountNumber, bankCode: 'BPRJATIM', programCode, contractDate: '2025-01-15', tenorMonths: 24 }))
    expect(await plannedLoansMissedMonths(dki, asPlanned)).toBeNull()
    expect((await plannedLoansMissedMonths(bpr, asPlanned))?.loans).toBe(3)
    // an admin's file may name one account at two banks: two loans, each with its own bank's claimed months
    await db.subsidyClaim.create({ data: { programId: program.id, bankId: dkiId, month: new Date('2025-02-01'), status: 'PAID' } })
    const twice = [{ accountNumber: late, bankCode: 'BPRJATIM', programCode, contractDate: '2025-01-15', tenorMonths: 24 }, { accountNumber: late, bankCode: 'BANKDKI', programCode, contractDate: '2025-01-15', tenorMonths: 24 }]
    const both = (await plannedLoansMissedMonths(admin, twice))!
    expect(both.loans).toBe(2)
    expect(both.shown.map((l) => [l.bankCode, l.lost, l.returnable]).sort()).toEqual([['BANKDKI', ['2025-02'], []], ['BPRJATIM', ['2025-03'], ['2025-04']]])
    // the form's months: a bank officer its own bank's claims, the agency every bank's, a district officer none
    const banksOf = async (u: SessionUser) => [...new Set((await claimedMonthsForRecording(u)).map((c) => c.bankId))].sort()
    expect(await banksOf(bpr)).toEqual([bprId])
    expect(await banksOf(dki)).toEqual([dkiId])
    expect(await banksOf(admin)).toEqual(expect.arrayContaining([bprId, dkiId]))
    expect(await claimedMonthsForRecording(asSession(await createUser('DISTRICT_OFFICER', { regencyCode: '35.17' }), 'Petugas Jombang'))).toEqual([])
    await commit(bpr, dry.id)
    const ids = Object.fromEntries((await db.disbursement.findMany({ where: { accountNumber: { in: [late, lateToo] } }, select: { id: true, accountNumber: true } })).map((d) => [d.accountNumber, d.id]))
    const due = async (account: string, month: string) => Number((await db.loanMonth.findFirstOrThrow({ where: { disbursementId: ids[account], claimMonth: new Date(`${month}-01`) }, select: { subsidyDue: true } })).subsidyDue)
    expect(await due(late, '2025-03')).toBeGreaterThan(0)
    // said by the write and stored with the import's result, which the page shows
    const stored = async () => ((await db.dataImport.findUniqueOrThrow({ where: { id: dry.id }, select: { summary: true } })).summary as { facts?: { missedMonths?: ImportMissedMonths } }).facts?.missedMonths
    const found = (await stored())!
    expect(found.loans).toBe(2)
    const byAccount = (x: unknown[], y: unknown[]) => (String(x[0]) < String(y[0]) ? -1 : 1)
    expect(found.shown.map((l) => [l.accountNumber, l.lostMonths, l.returnableMonths]).sort(byAccount)).toEqual([[late, ['2025-03'], ['2025-04']], [lateToo, [], ['2025-04']]].sort(byAccount))
    const first = found.shown.find((l) => l.accountNumber === late)!
    expect([first.id, Number(first.lost), Number(first.returnable)]).toEqual([ids[late], await due(late, '2025-03'), await due(late, '2025-04')])
    // every affected loan together, per state
    expect(Number(found.lost)).toBe(await due(late, '2025-03'))
    expect(Number(found.returnable)).toBe(await due(late, '2025-04') + await due(lateToo, '2025-04'))
    // the hourly tidy removes the new rows' verdicts it was read from: the result still says it
    await tidyImports()
    expect(await db.importRow.count({ where: { importId: dry.id, outcome: 'CREATE' } })).toBe(0)
    expect(await stored()).toEqual(found)
    // claims are read in the reader's scope: another bank's reading learns nothing of them
    await db.importRow.createMany({ data: [late, lateToo].map((acct, i) => ({ importId: dry.id, rowNumber: 1000 + i, outcome: 'CREATE', key: `BPRJATIM/${acct}`, values: {} })) })
    expect(await importedLoansMissedMonths(dki, dry.id)).toBeNull()
    expect((await importedLoansMissedMonths(bpr, dry.id))?.loans).toBe(2)
  })

  it('offers templates (disbursements, claim lines) whose every heading maps back to its field, with an explanation sheet', async () => {
    for (const slug of ['penyaluran', 'klaim']) {
      const kind = importKind(slug)!
      const buf = await templateXlsx(kind, [])
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(buf as unknown as ArrayBuffer)
      expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Data', 'Penjelasan']))
      expect(wb.getWorksheet('Penjelasan')!.rowCount).toBeGreaterThan(kind.fields.length)
      // the fields, then the column Contoh that marks the example rows (CONTOH)
      expect(templateCsv(kind).split('\r\n')[0]).toBe(`\ufeff${[...kind.fields.map((f) => f.label), EXAMPLE_COLUMN].join(';')}`)
      const id = await createImport(bpr, slug, new File([new Uint8Array(buf)], 'templat.xlsx'))
      const imp = await db.dataImport.findUniqueOrThrow({ where: { id }, select: { sheetName: true, mapping: true } })
      expect(imp.sheetName).toBe('Data')
      expect(imp.mapping).toEqual({ ...Object.fromEntries(kind.fields.map((f) => [f.label, f.key])), [EXAMPLE_COLUMN]: null })
    }
  })

  it('gives a bank officer a disbursement template without the agency\'s exception columns, its examples in the programme\'s year', async () => {
    const kind = importKind('penyaluran')!
    const headings = async (user: SessionUser) => {
      const { regencyNames, extras } = await templateData(user, kind)
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(await templateXlsx(kind, regencyNames, extras) as unknown as ArrayBuffer)
      const data = wb.getWorksheet('Data')!
      return { head: (data.getRow(1).values as unknown[]).slice(1).map(String), explained: wb.getWorksheet('Penjelasan')!.getColumn(1).values.slice(2).map(String), row: data.getRow(2), csv: templateCsv(kind, extras).split('\r\n')[0] }
    }
    const bank = await headings(bpr)
    expect(bank.head).not.toContain('Terima Pengecualian')
    expect(bank.head).not.toContain('Alasan Pengecualian')
    expect(bank.explained).not.toContain('Terima Pengecualian')
    expect(bank.csv).not.toContain('Pengecualian')
    // the account's example carries the year of the programme the row names
    const program = String(bank.row.getCell(bank.head.indexOf('Program') + 1).value)
    const year = (await db.creditProgram.findUniqueOrThrow({ where: { code: program }, select: { year: true } })).year
    expect(String(bank.row.getCell(bank.head.indexOf('Nomor Rekening') + 1).value)).toBe(`PRK-${year}-000101`)
    expect((await headings(admin)).head).toEqual(expect.arrayContaining(['Terima Pengecualian', 'Alasan Pengecualian']))
  })
})
