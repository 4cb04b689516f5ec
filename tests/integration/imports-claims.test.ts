import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import { returnClaim } from '@/lib/actions/credit'
import { createImport } from '@/lib/imports/service'
import { claimLineKind } from '@/lib/imports/kinds/claims'
import { importDetail, importHistory } from '@/lib/imports/history'
import { serverText } from '@/lib/i18n/server-text'
import type { SessionUser } from '@/lib/session-user'
import { signInAs } from '../support/session-mock'
import { createUser, form, unique } from '../support/factories'
import { asSession, checkImport as run, commitImport as commit } from '../support/imports'

/**
 * A bank's monthly claim lines through the import pipeline (lib/imports/kinds/claims.ts), on real .xlsx
 * files: idempotent on claim month + bank + loan account, the claim's verification kept (the agency's
 * amount and the reason of each difference), all or nothing, a bank's own loans only, a returned claim
 * resubmitted with the file's lines. Replaces the claim form's one-off .xlsx upload.
 */
let bpr: SessionUser
let dki: SessionUser
let programCode: string
const accounts: string[] = []




async function xlsx(head: string[], rows: (string | number | Date | null)[][]): Promise<File> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('Klaim')
  ws.addRow(head)
  for (const r of rows) ws.addRow(r)
  return new File([Buffer.from(await wb.xlsx.writeBuffer())], 'klaim.xlsx')
}

const CLAIM_HEAD = ['Program', 'Bulan Klaim', 'No. Rekening', 'Jumlah Klaim', 'Saldo Awal', 'Hari', 'Suku Bunga (%)']

/** Claims and lines of the test's programme: row counts and a checksum. */
async function fingerprint() {
  const [r] = await db.$queryRaw<{ sum: string }[]>`
    SELECT md5(coalesce(string_agg(c.id || c.status || c.version || l.disbursement_id || l.claimed_amount::text || l.computed_amount::text, ',' ORDER BY c.id, l.disbursement_id), '')) ||
      ':' || count(*) AS sum
    FROM subsidy_claims c JOIN claim_lines l ON l.claim_id = c.id JOIN credit_programs p ON p.id = c.program_id WHERE p.code = ${programCode}`
  return r.sum
}

beforeAll(async () => {
  bpr = asSession(await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' }), 'Petugas BPR')
  dki = asSession(await createUser('BANK_OFFICER', { bankCode: 'BANKDKI' }), 'Petugas DKI')
  const bprId = bpr.bankId!
  const dkiId = dki.bankId!
  programCode = `UJI-KLAIM-${unique()}`.toUpperCase()
  await db.creditProgram.create({
    data: {
      code: programCode, scheme: `UJIKLAIM${unique()}`.toUpperCase(), name: 'Program Klaim Uji 2025', year: 2025, creditTarget: 100_000_000, beneficiaryTarget: 4, subsidyCeiling: 10_000_000,
      borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, eligibleScales: ['MIKRO', 'KECIL'],
      banks: { create: [{ bankId: bprId }, { bankId: dkiId }] },
      rates: { create: [{ bankId: bprId, effectiveFrom: new Date('2025-01-01'), rate: 0.12 }, { bankId: dkiId, effectiveFrom: new Date('2025-01-01'), rate: 0.12 }] },
    },
  })
  // three loans of PT BPR Jatim, recorded through the disbursement import, contract 15 January 2025
  const loans: (string | number)[][] = []
  for (let i = 0; i < 3; i++) {
    const nib = `7${String(Date.now()).slice(-6)}${String(i).padStart(6, '0')}`
    await db.msme.create({ data: { nib, businessName: `Usaha ${unique()}`, ownerName: 'Siti Rahayu', ownerNik: '3517011234560001', ownerGender: 'P', kbli: '10792', regencyCode: '35.17', computedScale: 'MIKRO', businessCapital: 50_000_000, annualSales: 300_000_000 } })
    accounts.push(`KLM-${unique()}`.toUpperCase())
    loans.push([programCode, accounts[i], nib, '3517011234560001', '15/01/2025', '25.000.000', 24])
  }
  const loanImport = await run(bpr, 'penyaluran', await xlsx(['Program', 'No. Rekening', 'NIB', 'NIK Pemilik', 'Tanggal Akad', 'Plafon', 'Tenor (bulan)'], loans))
  expect(loanImport.check).toMatchObject({ create: 3, invalid: 0 })
  await commit(bpr, loanImport.id)
})

describe('claim lines import', () => {
  it('submits the month\'s claim with the agency\'s recomputation per line, then reports nothing changed for the same file again', async () => {
    const file = await xlsx(CLAIM_HEAD, [
      // February 2025 (the first period): 25.000.000 × 9% × 31/360 = 193.750 due; the bank claims more on the first line
      [programCode, 'Februari 2025', accounts[0], '200.000', '25.000.000', 31, '12'],
      [programCode, '2025-02', accounts[1], 193_750, null, null, null],
    ])
    const dry = await run(bpr, 'klaim', file)
    // the claim the rows make, tallied for the confirmation: 200.000 + 193.750, in sen
    expect(dry.check).toEqual({ total: 2, create: 2, update: 0, unchanged: 0, invalid: 0, groups: [{ group: `${programCode}/2025-02`, rows: 2, sen: 39_375_000, changed: true }] })
    // the third loan, due 193.750 in February, is not in the file: said before the claim is filed (a month has one claim)
    expect(await claimLineKind.describeGroups!(db, [`${programCode}/2025-02`], bpr, 'id', dry.id)).toEqual(new Map([[`${programCode}/2025-02`, { name: 'Program Klaim Uji 2025 · Februari 2025', replaces: null, leftOut: { loans: 1, due: 193_750 } }]]))
    expect((await claimLineKind.describeGroups!(db, [`${programCode}/2025-02`], bpr, 'en', dry.id)).get(`${programCode}/2025-02`)?.name).toBe('Program Klaim Uji 2025 · February 2025')
    expect(dry.rows.map((r) => r.key)).toEqual([`2025-02/BPRJATIM/${accounts[0]}`, `2025-02/BPRJATIM/${accounts[1]}`])
    expect(await db.subsidyClaim.count({ where: { program: { code: programCode } } })).toBe(0)

    const done = await commit(bpr, dry.id)
    expect(done).toMatchObject({ status: 'DONE', summary: { commit: { create: 2 } } })
    const claim = await db.subsidyClaim.findFirstOrThrow({
      where: { program: { code: programCode }, month: new Date('2025-02-01') },
      select: { id: true, status: true, bankId: true, submittedById: true, lines: { orderBy: { claimedAmount: 'desc' }, select: { claimedAmount: true, computedAmount: true, claimedBalance: true, claimedDays: true, claimedRate: true, reason: true } } },
    })
    expect(claim).toMatchObject({ status: 'SUBMITTED', bankId: bpr.bankId, submittedById: bpr.id })
    expect(claim.lines.map((l) => [Number(l.claimedAmount), Number(l.computedAmount)])).toEqual([[200_000, 193_750], [193_750, 193_750]])
    expect(claim.lines[0]).toMatchObject({ claimedDays: 31 })
    expect(Number(claim.lines[0].claimedBalance)).toBe(25_000_000)
    expect(Number(claim.lines[0].claimedRate)).toBe(0.12)
    expect(claim.lines[0].reason).not.toBeNull() // the difference explained (lib/credit/claim-reasons.ts)
    expect(claim.lines[1].reason).toBeNull()
    expect(await db.auditLog.count({ where: { entity: 'SubsidyClaim', entityId: claim.id, action: 'SUBMIT' } })).toBe(1)

    // the same file again: nothing changes, the submitted claim is not touched
    const before = await fingerprint()
    const again = await run(bpr, 'klaim', file)
    expect(again.check).toEqual({ total: 2, create: 0, update: 0, unchanged: 2, invalid: 0, groups: [{ group: `${programCode}/2025-02`, rows: 2, sen: 39_375_000, changed: false }] })
    expect((await commit(bpr, again.id)).status).toBe('DONE')
    expect(await fingerprint()).toBe(before)
    expect(await db.auditLog.count({ where: { entity: 'SubsidyClaim', entityId: claim.id, action: 'SUBMIT' } })).toBe(1)

    // a submitted claim's lines are not changed, nor added to, by an import
    const changed = await run(bpr, 'klaim', await xlsx(CLAIM_HEAD, [
      [programCode, '2025-02', accounts[0], '190.000', '25.000.000', 31, '12'],
      [programCode, '2025-02', accounts[2], '175.000', null, null, null],
    ]))
    expect(changed.check).toMatchObject({ invalid: 2 })
    // the month as the screens write it, in either language, never its key (2025-02)
    expect(changed.rows[0].errors).toEqual([{ column: 'Jumlah Klaim', message: 'Klaim bulan Februari 2025 sudah diajukan; rinciannya tidak diubah lewat impor. Tercatat: Rp200.000.' }])
    expect(changed.rows[1].errors).toEqual([{ column: 'Bulan Klaim', message: 'Klaim Program Klaim Uji 2025 bulan Februari 2025 sudah diajukan; barisnya tidak dapat ditambah.' }])
    for (const r of changed.rows) {
      const en = serverText((r.errors as { message: string }[])[0].message, 'en')
      expect(en).toContain('February 2025')
      expect(en).not.toMatch(/2025-02|Februari/)
    }
  })

  it('refuses bad lines row by row with the claim\'s rules, and writes nothing when one fails (all or nothing)', async () => {
    const dry = await run(bpr, 'klaim', await xlsx(CLAIM_HEAD, [
      [programCode, '2025-03', accounts[0], '175.000', null, null, null],
      [programCode, '2025-03', 'TIDAK-ADA-1', '1.000', null, null, null], // not this bank's loan
      [programCode, '2026-03', accounts[1], '1.000', null, null, null], // outside the programme year
      [programCode, '2025-03', accounts[2], 130431.996, null, null, null], // a fraction of a Rupiah
      [programCode, '2025-03', accounts[0], '175.000', null, null, null], // the same line twice
      [programCode, '2025-03', accounts[1], 'bukan angka', null, 70, '150'], // days and rate out of range
      [programCode, '13/2025', accounts[2], '1.000', null, null, null], // no such month: this row refused, not the whole dry run
      [programCode, '2025-04', accounts[2], '1.000.000.000.000.000', null, null, null], // 1e15 on a Rp25.000.000 loan
    ]))
    // the claim's tally counts the valid row only
    expect(dry.check).toEqual({ total: 8, create: 1, update: 0, unchanged: 0, invalid: 7, groups: [{ group: `${programCode}/2025-03`, rows: 1, sen: 17_500_000, changed: true }] })
    const errors = Object.fromEntries(dry.rows.map((r) => [r.rowNumber, r.errors as { column: string; message: string }[]]))
    expect(errors[3]).toEqual([{ column: 'No. Rekening', message: 'Rekening tidak dikenal untuk bank Anda: tidak tercatat sebagai penyaluran bank ini.' }])
    expect(errors[4]).toEqual([{ column: 'Bulan Klaim', message: 'Program Klaim Uji 2025 hanya menanggung klaim bulan-bulan tahun 2025.' }])
    expect(errors[5]).toEqual([{ column: 'Jumlah Klaim', message: 'Jumlah klaim harus dalam Rupiah bulat, tanpa sen.' }])
    // the account as typed, not the import's internal key (month/bank/account)
    expect(errors[6]).toEqual([{ column: 'No. Rekening', message: `Nomor Rekening ${accounts[0]} sudah ada di baris 2 berkas ini.` }])
    expect(errors[7]).toEqual(expect.arrayContaining([
      { column: 'Jumlah Klaim', message: 'Jumlah klaim harus angka Rupiah, mis. 1.500.000.' },
      { column: 'Hari', message: 'Hari harus bilangan bulat 1–62.' },
      { column: 'Suku Bunga (%)', message: 'Suku bunga paling tinggi 100%.' },
    ]))
    expect(errors[8]).toEqual([{ column: 'Bulan Klaim', message: 'Bulan klaim tidak valid (YYYY-MM).' }])
    expect(errors[9]).toEqual([{ column: 'Jumlah Klaim', message: 'Jumlah klaim Rp1.000.000.000.000.000 melebihi 10% plafon pinjaman (Rp2.500.000); subsidi bunga sebulan tidak sebesar itu. Periksa angkanya.' }])
    const before = await fingerprint()
    const done = await commit(bpr, dry.id, 'ALL')
    expect(done.status).toBe('FAILED')
    expect(await fingerprint()).toBe(before)
    expect(await db.subsidyClaim.count({ where: { program: { code: programCode }, month: new Date('2025-03-01') } })).toBe(0)
  })

  it('reads a rate typed as a number cell as the number it is: 10,125 and 14,5, not ten thousand', async () => {
    // a bank's export often holds the rate as a number: its cell text (10.125) read the Indonesian way had been 10.125 ×
    // 1000 and refused as above 100%
    const dry = await run(bpr, 'klaim', await xlsx(CLAIM_HEAD, [
      [programCode, '2025-05', accounts[0], '175.000', null, null, 10.125],
      [programCode, '2025-05', accounts[1], '175.000', null, null, 14.5],
    ]))
    expect(dry.rows.flatMap((r) => r.errors ?? [])).toEqual([])
    expect(dry.check).toMatchObject({ create: 2, invalid: 0 })
    expect((await commit(bpr, dry.id)).status).toBe('DONE')
    const lines = await db.claimLine.findMany({ where: { claim: { program: { code: programCode }, month: new Date('2025-05-01') } }, select: { claimedRate: true, disbursement: { select: { accountNumber: true } } } })
    expect(Object.fromEntries(lines.map((l) => [l.disbursement.accountNumber, Number(l.claimedRate)]))).toEqual({ [accounts[0]]: 0.10125, [accounts[1]]: 0.145 })
  })

  it('keeps a bank to its own loans; a returned claim is resubmitted with the file\'s lines', async () => {
    // PT Bank DKI's officer names PT BPR Jatim's loans: refused row by row, nothing learnt of them
    const other = await run(dki, 'klaim', await xlsx(CLAIM_HEAD, [[programCode, '2025-04', accounts[0], '175.000', null, null, null]]))
    expect(other.rows[0]).toMatchObject({ outcome: 'INVALID', key: `2025-04/BANKDKI/${accounts[0]}` })
    expect(other.rows[0].errors).toEqual([{ column: 'No. Rekening', message: 'Rekening tidak dikenal untuk bank Anda: tidak tercatat sebagai penyaluran bank ini.' }])
    // an admin verifies claims; it does not submit them
    const admin = await createUser('ADMIN')
    await expect(createImport(asSession(admin, 'Admin'), 'klaim', await xlsx(CLAIM_HEAD, []))).rejects.toMatchObject({ code: 'FORBIDDEN' })

    const first = await run(bpr, 'klaim', await xlsx(CLAIM_HEAD, [[programCode, '2025-04', accounts[0], '175.000', null, null, null], [programCode, '2025-04', accounts[1], '175.000', null, null, null]]))
    await commit(bpr, first.id)
    const claim = await db.subsidyClaim.findFirstOrThrow({ where: { program: { code: programCode }, month: new Date('2025-04-01') }, select: { id: true, version: true } })
    signInAs(admin)
    expect(await returnClaim(undefined, form({ claimId: claim.id, version: claim.version, reason: 'Lampiran rekening koran belum ada.' }))).toMatchObject({ ok: true })

    const againFile = await xlsx(CLAIM_HEAD, [[programCode, '2025-04', accounts[0], '170.000', null, null, null], [programCode, '2025-04', accounts[2], '175.000', null, null, null]])
    const again = await run(bpr, 'klaim', againFile)
    expect(again.check).toEqual({ total: 2, create: 1, update: 1, unchanged: 0, invalid: 0, groups: [{ group: `${programCode}/2025-04`, rows: 2, sen: 34_500_000, changed: true }] })
    // the page says which returned claim the file replaces, whole: its lines and amount (the bank's own only)
    const april = (await claimLineKind.describeGroups!(db, [`${programCode}/2025-04`], bpr, 'id', again.id)).get(`${programCode}/2025-04`)
    expect(april?.replaces).toEqual({ lines: 2, sen: 35_000_000 })
    // the returned claim's second loan is not in the new file: its lines go with the returned claim, so it is left out
    expect(april?.leftOut).toMatchObject({ loans: 1 })
    expect((await claimLineKind.describeGroups!(db, [`${programCode}/2025-04`], dki, 'id', again.id)).get(`${programCode}/2025-04`)).toMatchObject({ replaces: null, leftOut: null })
    expect(again.rows[0].changes).toEqual([{ field: 'amount', column: 'Jumlah Klaim', before: '175000', after: '170000' }])
    expect(await importDetail(again.id)).toMatchObject({ updates: [{ rowNumber: again.rows[0].rowNumber }], changedRows: 1 })
    await commit(bpr, again.id)
    const resubmitted = await db.subsidyClaim.findUniqueOrThrow({ where: { id: claim.id }, select: { status: true, lines: { select: { claimedAmount: true, disbursement: { select: { accountNumber: true } } } } } })
    expect(resubmitted.status).toBe('SUBMITTED')
    // the bank's notice of the return is answered by the file, once its commit has committed (as by the form)
    expect(await db.notification.findMany({ where: { userId: bpr.id, kind: 'CLAIM_RETURNED', eventKey: { startsWith: `claim-returned:${claim.id}:` } }, select: { readAt: true } })).toEqual([{ readAt: expect.any(Date) }])
    expect(resubmitted.lines.map((l) => [l.disbursement.accountNumber, Number(l.claimedAmount)]).sort()).toEqual([[accounts[0], 170_000], [accounts[2], 175_000]].sort())

    // returned again (an attachment missing), the bank sends the same file: its lines resubmit the claim as they are
    // (it had been "nothing to import", and the form claims only the computed amounts)
    signInAs(admin)
    const v = (await db.subsidyClaim.findUniqueOrThrow({ where: { id: claim.id }, select: { version: true } })).version
    expect(await returnClaim(undefined, form({ claimId: claim.id, version: v, reason: 'Rekening koran April belum dilampirkan.' }))).toMatchObject({ ok: true })
    const same = await run(bpr, 'klaim', againFile)
    expect(same.check).toMatchObject({ total: 2, create: 0, update: 2, unchanged: 0, invalid: 0, groups: [{ group: `${programCode}/2025-04`, rows: 2, sen: 34_500_000, changed: true }] })
    expect(same.rows.map((r) => r.changes ?? [])).toEqual([[], []])
    // the page lists only the lines that change (none here), and counts the ones sent again as recorded apart
    expect(await importDetail(same.id)).toMatchObject({ summary: { update: 2 }, updates: [], changedRows: 0 })
    const submits = () => db.auditLog.count({ where: { entity: 'SubsidyClaim', entityId: claim.id, action: 'SUBMIT' } })
    const before = await submits()
    expect((await commit(bpr, same.id)).status).toBe('DONE')
    const filedAgain = await db.subsidyClaim.findUniqueOrThrow({ where: { id: claim.id }, select: { status: true, lines: { select: { claimedAmount: true, disbursement: { select: { accountNumber: true } } } } } })
    expect(filedAgain.status).toBe('SUBMITTED')
    expect(filedAgain.lines.map((l) => [l.disbursement.accountNumber, Number(l.claimedAmount)]).sort()).toEqual([[accounts[0], 170_000], [accounts[2], 175_000]].sort())
    expect(await submits()).toBe(before + 1)
    // submitted, the same file once more changes nothing
    expect((await run(bpr, 'klaim', againFile)).check).toMatchObject({ update: 0, unchanged: 2 })
    // the history lists what its reader may open: the bank its claim imports, the agency's admin (who cannot open them) none
    expect((await importHistory(bpr)).rows.filter((r) => r.kind === 'klaim').map((r) => r.id)).toEqual(expect.arrayContaining([first.id, again.id]))
    expect((await importHistory(asSession(admin, 'Admin'))).rows.filter((r) => r.kind === 'klaim')).toEqual([])
    // a page at a time, with the total for the pager
    const mine = await importHistory(bpr)
    expect(mine).toMatchObject({ page: 1, pageSize: 50, total: mine.rows.length })
    expect(await importHistory(bpr, 2)).toMatchObject({ page: 2, total: mine.total, rows: [] })
  })
})
