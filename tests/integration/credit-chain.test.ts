import { beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { signInAs } from '../support/session-mock'
import { createUser, form, unique } from '../support/factories'
import { db } from '@/lib/db'
import { approveClaim, correctLoan, recordClaimPayment, reportInstalment, returnClaim, setAmortisationBasis, submitClaim } from '@/lib/actions/credit'
import { submitClaimFor } from '@/lib/credit/claim-submission'
import { recomputeLoanMonths } from '@/lib/credit/loan-months'
import { getLoanSchedule, liveClaimsOfLoan } from '@/lib/data/disbursements'
import { getClaimPipeline } from '@/lib/data/dashboard'
import { getClaim } from '@/lib/data/claims'
import { getCurrentUser } from '@/lib/session'
import { serverText } from '@/lib/i18n/server-text'
import { liveClaimRefusal } from '@/lib/credit/disbursement-corrections'
import type { SessionUser } from '@/lib/session-user'
import { GET as exportClaimLines } from '@/app/api/kredit/klaim/[id]/ekspor/route'
import { GET as exportSchedule } from '@/app/api/kredit/penyaluran/[id]/jadwal/route'

/** The loan's version as its page shows it now: a report carries it (a stale one is refused). */
const loanVersion = async (id: string) => (await db.disbursement.findUniqueOrThrow({ where: { id }, select: { version: true } })).version

/**
 * The credit chain in the cases the demo data does not exercise: a bank with two programmes in one year,
 * claim lines that explain their differences, the schedule a bank reconciles, a loan paid off, and the
 * amortisation basis fixed once a programme has loans.
 */
let bprId: string
let alpha: string
let beta: string
let bank: SessionUser
let admin: Awaited<ReturnType<typeof createUser>>

async function programme(code: string, scheme: string, basis: 'BORROWER_RATE' | 'BANK_RATE') {
  return (await db.creditProgram.create({
    data: {
      code, scheme, name: `Program ${code}`, year: 2026, creditTarget: 100_000_000, beneficiaryTarget: 4, subsidyCeiling: 10_000_000, amortisationBasis: basis,
      borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, eligibleScales: ['MIKRO', 'KECIL'],
      banks: { create: [{ bankId: bprId }] }, rates: { create: [{ bankId: bprId, effectiveFrom: new Date('2026-01-01'), rate: 0.11 }] },
    },
  })).id
}

async function loan(programId: string, accountNumber: string, contractDate: string, tenorMonths = 12) {
  const msme = await db.msme.create({
    data: {
      nib: String(Math.floor(Math.random() * 1e13)).padStart(13, '7'), businessName: `Usaha ${unique()}`, ownerName: 'Siti', ownerNik: '3517011234560001', ownerGender: 'P',
      kbli: '10792', regencyCode: '35.17', computedScale: 'MIKRO', businessCapital: 50_000_000, annualSales: 300_000_000,
    },
  })
  const d = await db.disbursement.create({
    data: { programId, bankId: bprId, accountNumber, msmeId: msme.id, regencyCode: '35.17', contractDate: new Date(contractDate), plafond: 20_000_000, tenorMonths, bankRate: 0.11, borrowerRate: 0.03, eligibilityIssues: [] },
  })
  await db.$transaction((tx) => recomputeLoanMonths(tx, [d.id]))
  return d.id
}

beforeAll(async () => {
  bprId = (await db.bank.findUniqueOrThrow({ where: { code: 'BPRJATIM' } })).id
  alpha = await programme('ALFA-2026', 'ALFA', 'BANK_RATE')
  beta = await programme('BETA-2026', 'BETA', 'BORROWER_RATE')
  await loan(alpha, 'ALFA-1', '2026-03-10')
  await loan(beta, 'BETA-1', '2026-03-10') // the issue's worked loan: Rp20.000.000, 12 months, 11% vs 3%
  await loan(beta, 'BETA-2', '2026-03-10')
  const banker = await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' })
  signInAs(banker)
  bank = (await getCurrentUser())!
  admin = await createUser('ADMIN')
})

describe('a bank with two programmes in one year', () => {
  it('claims the second programme: its own loans only, verified and paid', async () => {
    const betaClaim = await submitClaimFor(bank, { programId: beta, month: '2026-04' }, null)
    const lines = await db.claimLine.findMany({ where: { claimId: betaClaim }, select: { disbursement: { select: { accountNumber: true } }, computedAmount: true } })
    expect(lines.map((l) => l.disbursement.accountNumber).sort()).toEqual(['BETA-1', 'BETA-2'])
    // the borrower's basis, period 1 (10 March → 10 April, 31 days on the whole plafond): 137.778 each
    expect(lines.map((l) => Number(l.computedAmount))).toEqual([137_778, 137_778])
    const alphaClaim = await submitClaimFor(bank, { programId: alpha, month: '2026-04' }, null)
    expect(await db.claimLine.count({ where: { claimId: alphaClaim } })).toBe(1)
    signInAs(admin)
    const claim = await db.subsidyClaim.findUniqueOrThrow({ where: { id: betaClaim }, select: { version: true, programId: true } })
    expect(claim.programId).toBe(beta)
    expect(await approveClaim(undefined, form({ claimId: betaClaim, version: claim.version }))).toMatchObject({ ok: true })
    const fraction = await recordClaimPayment(undefined, form({ claimId: betaClaim, version: claim.version + 1, paidOn: '2026-05-15', amount: '0.01', reference: 'SP2D/BETA/1' }))
    expect(fraction.errors?.amount).toEqual(['Jumlah pembayaran harus dalam Rupiah bulat, tanpa sen.'])
    const impossible = await recordClaimPayment(undefined, form({ claimId: betaClaim, version: claim.version + 1, paidOn: '2026-02-31', amount: '275.556', reference: 'SP2D/BETA/1' }))
    expect(impossible.errors?.paidOn?.[0]).toMatch(/^Tanggal tidak valid/)
    // an SP2D dated in the future, or before the claimed month (April 2026) ended: refused on the date's field
    const future = await recordClaimPayment(undefined, form({ claimId: betaClaim, version: claim.version + 1, paidOn: '2099-01-01', amount: '275.556', reference: 'SP2D/BETA/1' }))
    expect(future).toMatchObject({ ok: false, message: 'Tanggal pembayaran belum terjadi.', errors: { paidOn: [expect.stringMatching(/^Paling lambat hari ini, \d{1,2} \p{L}+ \d{4}\.$/u)] } })
    const early = await recordClaimPayment(undefined, form({ claimId: betaClaim, version: claim.version + 1, paidOn: '2026-04-30', amount: '275.556', reference: 'SP2D/BETA/1' }))
    expect(early).toMatchObject({ ok: false, message: 'Klaim bulan April 2026 baru dapat dibayar setelah bulannya berakhir.', errors: { paidOn: ['Paling awal 1 Mei 2026.'] } })
    expect(await db.claimPayment.count({ where: { claimId: betaClaim } })).toBe(0)
    expect(await recordClaimPayment(undefined, form({ claimId: betaClaim, version: claim.version + 1, paidOn: '2026-05-15', amount: 'Rp275.556', reference: 'SP2D/BETA/1' }))).toMatchObject({ ok: true })
    expect((await db.subsidyClaim.findUniqueOrThrow({ where: { id: betaClaim } })).status).toBe('PAID')
  })

  it('shows the bank what a month would claim, writing nothing, and files exactly that once confirmed', async () => {
    signInAs(bank)
    const counts = async () => ({ claims: await db.subsidyClaim.count(), lines: await db.claimLine.count(), audit: await db.auditLog.count({ where: { entity: 'SubsidyClaim' } }) })
    const before = await counts()
    const preview = await submitClaim(undefined, form({ programId: alpha, month: '2026-06', intent: 'preview' }))
    // ALFA-1 alone, period 3 (10 May → 10 June) on the bank's basis, summed in SQL here
    const [due] = await db.$queryRaw<{ due: string }[]>`
      SELECT sum(lm.subsidy_due)::bigint::text AS due FROM loan_months lm JOIN disbursements d ON d.id = lm.disbursement_id
      WHERE d.account_number = 'ALFA-1' AND lm.claim_month = '2026-06-01'`
    expect(Number(due.due)).toBeGreaterThan(0)
    expect(preview).toMatchObject({ ok: true, data: { programName: 'Program ALFA-2026', month: '2026-06', lines: '1', resubmission: 'false' } })
    expect(Number(preview.data!.total)).toBe(Number(due.due))
    expect(await counts()).toEqual(before)
    // a schedule changed between the preview and the confirmation: the claim is refused, not filed at another total
    const seen = { expectedLines: preview.data!.lines, expectedTotal: preview.data!.total }
    await db.$executeRaw`UPDATE loan_months SET subsidy_due = subsidy_due + 1000 FROM disbursements d
      WHERE d.id = loan_months.disbursement_id AND d.account_number = 'ALFA-1' AND loan_months.claim_month = '2026-06-01'`
    const changed = await submitClaim(undefined, form({ programId: alpha, month: '2026-06', intent: 'submit', ...seen }))
    expect(changed).toMatchObject({ ok: false, errors: { month: [`Perhitungan klaim berubah sejak Anda memeriksanya: kini 1 pinjaman sebesar Rp${(Number(due.due) + 1000).toLocaleString('id-ID')}. Periksa lagi lalu ajukan.`] } })
    expect(await counts()).toEqual(before)
    await db.$executeRaw`UPDATE loan_months SET subsidy_due = subsidy_due - 1000 FROM disbursements d
      WHERE d.id = loan_months.disbursement_id AND d.account_number = 'ALFA-1' AND loan_months.claim_month = '2026-06-01'`
    // confirmed with what it showed: the claim holds what the dialog said
    await expect(submitClaim(undefined, form({ programId: alpha, month: '2026-06', intent: 'submit', ...seen }))).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT/) })
    const claim = await db.subsidyClaim.findFirstOrThrow({ where: { programId: alpha, month: new Date('2026-06-01') }, select: { id: true, lines: { select: { claimedAmount: true } } } })
    expect(claim.lines.map((l) => Number(l.claimedAmount))).toEqual([Number(due.due)])
    // asked again: already submitted, on the month's field, and still nothing written
    const again = await submitClaim(undefined, form({ programId: alpha, month: '2026-06', intent: 'preview' }))
    expect(again).toMatchObject({ ok: false, errors: { month: ['Klaim bulan ini sudah diajukan.'] } })
    // a month with nothing due (before the first instalment) is refused at the preview
    const empty = await submitClaim(undefined, form({ programId: alpha, month: '2026-03', intent: 'preview' }))
    expect(empty.errors?.month).toEqual(['Tidak ada subsidi yang jatuh tempo pada bulan ini untuk program ini.'])
    // another bank's officer cannot preview this bank's programme
    signInAs(await createUser('BANK_OFFICER', { bankCode: 'BANKDKI' }))
    expect((await submitClaim(undefined, form({ programId: alpha, month: '2026-07', intent: 'preview' }))).errors?.programId).toEqual(['Pilih salah satu program bank Anda.'])
    expect((await counts()).claims).toBe(before.claims + 1)
  })

  it('refuses a month outside the programme’s year and a programme the bank is not in', async () => {
    signInAs(bank)
    const r = await submitClaim(undefined, form({ programId: beta, month: '2025-12' }))
    expect(r.errors?.month).toEqual(['Pilih bulan pada tahun 2026.'])
    const other = await db.creditProgram.create({ data: { code: `LAIN-${unique()}`, scheme: 'LAIN', name: 'Program lain', year: 2026, creditTarget: 1, beneficiaryTarget: 1, subsidyCeiling: 1, borrowerRate: 0.03, maxPlafond: 1, maxTenorMonths: 1 } })
    expect((await submitClaim(undefined, form({ programId: other.id, month: '2026-04' }))).errors?.programId).toEqual(['Pilih salah satu program bank Anda.'])
  })
})

describe('claim lines that explain themselves', () => {
  it('stores why each line differs, and exports both figures with the reason', async () => {
    // May 2026, period 2 of the BETA loans: balance 18.356.126, 30 days, subsidy 122.374 (borrower's basis)
    const file = new Map([
      ['BETA-1', { amount: 122_771, balance: 18_415_700, days: 30, rate: 0.11 }], // the bank amortised at its own rate
      ['BETA-2', { amount: 126_453, balance: 18_356_126, days: 31, rate: 0.11 }], // one day too many
      ['ALFA-1', { amount: 100_000 }], // another programme's loan
    ])
    const claimId = await submitClaimFor(bank, { programId: beta, month: '2026-05' }, file)
    const lines = await db.claimLine.findMany({ where: { claimId }, select: { reason: true, computedAmount: true, claimedBalance: true, disbursement: { select: { accountNumber: true } } }, orderBy: { disbursement: { accountNumber: 'asc' } } })
    expect(lines.map((l) => [l.disbursement.accountNumber, l.reason, Number(l.computedAmount)])).toEqual([
      ['ALFA-1', 'NOT_IN_PROGRAMME', 0],
      ['BETA-1', 'BALANCE_DIFFERS', 122_374],
      ['BETA-2', 'DAYS_DIFFER', 122_374],
    ])
    expect(Number(lines[1].claimedBalance)).toBe(18_415_700)

    const res = await exportClaimLines(new Request('http://localhost/x'), { params: Promise.resolve({ id: claimId }) })
    expect(res.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await res.arrayBuffer())
    const ws = wb.worksheets[0]
    const header = (ws.getRow(1).values as unknown[]).slice(1)
    expect(header).toEqual(expect.arrayContaining(['No. rekening', 'Diklaim bank (Rp)', 'Perhitungan Dinas (Rp)', 'Kode alasan', 'Alasan']))
    const row = (ws.getRow(3).values as unknown[]).slice(1)
    expect(row[header.indexOf('No. rekening')]).toBe('BETA-1')
    expect(row[header.indexOf('Diklaim bank (Rp)')]).toBe(122_771)
    expect(row[header.indexOf('Perhitungan Dinas (Rp)')]).toBe(122_374)
    expect(row[header.indexOf('Alasan')]).toBe('Saldo awal menurut bank berbeda dari jadwal.')
  })
})

describe('the schedule a bank reconciles', () => {
  it('shows not-yet-due periods without a status, reported ones as reported, and the loan turns lunas after its last instalment', async () => {
    const id = await loan(beta, `BETA-${unique()}`, '2025-12-01', 3)
    const first = await getLoanSchedule({ user: bank, id, today: '2026-01-15' })
    expect(first!.rows.map((r) => r.state)).toEqual(['NOT_REPORTED', 'NOT_DUE', 'NOT_DUE'])
    expect(first!.rows[0]).toMatchObject({ openingBalance: 20_000_000, borrowerInterest: 50_000, bankRate: 0.11, days: 31 })
    expect(first!.rows[0].borrowerInstalment).toBe(first!.rows[0].principal + 50_000)
    signInAs(bank)
    expect(await reportInstalment(undefined, form({ disbursementId: id, version: await loanVersion(id), period: 1, instalmentPaid: 'unpaid', collectibility: 2 }))).toMatchObject({ ok: true })
    expect(await reportInstalment(undefined, form({ disbursementId: id, version: await loanVersion(id), period: 2, instalmentPaid: 'paid', collectibility: 1 }))).toMatchObject({ ok: true })
    const later = await getLoanSchedule({ user: bank, id, today: '2026-03-01' })
    expect(later!.rows.map((r) => r.state)).toEqual(['UNPAID', 'PAID', 'NOT_REPORTED'])
    expect(later!.rows[0].subsidy).toBe(0)
    expect((await db.disbursement.findUniqueOrThrow({ where: { id } })).status).toBe('ACTIVE')
    expect(await reportInstalment(undefined, form({ disbursementId: id, version: await loanVersion(id), period: 3, instalmentPaid: 'paid', collectibility: 1 }))).toMatchObject({ ok: true })
    expect((await db.disbursement.findUniqueOrThrow({ where: { id } })).status).toBe('PAID_OFF')
    // its .xlsx says the instalments' states and the subsidies' reasons in words, as the page does, not as codes
    signInAs(bank)
    const res = await exportSchedule(new Request(`http://localhost/api/kredit/penyaluran/${id}/jadwal`), { params: Promise.resolve({ id }) })
    expect(res.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await res.arrayBuffer())
    const rows = wb.worksheets[0].getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1))
    const col = (name: string) => rows.slice(1).map((r) => r[rows[0].indexOf(name)])
    expect(col('Status angsuran')).toEqual(['Tidak dibayar', 'Dibayar', 'Dibayar'])
    expect(col('Alasan subsidi')).toEqual(['Tanpa angsuran', 'Disubsidi', 'Disubsidi'])
  })
})

describe('a reported period and the claim its subsidy is in', () => {
  const period = (id: string, p: number) =>
    db.loanMonth.findUniqueOrThrow({ where: { disbursementId_period: { disbursementId: id, period: p } }, select: { instalmentPaid: true, collectibility: true, subsidyDue: true, reportedAt: true } })

  it('refuses a period not yet due: the last one would mark the loan paid off early', async () => {
    const id = await loan(await programme(`EARLY-${unique()}`, `E${unique()}`.slice(0, 12), 'BORROWER_RATE'), `EARLY-${unique()}`, '2026-03-10')
    signInAs(bank)
    // period 12 falls due on 10 March 2027, after today
    const early = await reportInstalment(undefined, form({ disbursementId: id, version: await loanVersion(id), period: 12, instalmentPaid: 'paid', collectibility: 1 }))
    expect(early).toMatchObject({ ok: false, message: 'Periode 12 belum jatuh tempo.', errors: { period: ['Jatuh tempo 10 Maret 2027; laporkan mulai tanggal itu.'] } })
    expect((await period(id, 12)).reportedAt).toBeNull()
    expect((await db.disbursement.findUniqueOrThrow({ where: { id } })).status).toBe('ACTIVE')
  })

  it('a loan stored with a future contract date (before that was refused) can still be corrected, but not moved to another future date', async () => {
    const id = await loan(beta, `BETA-${unique()}`, '2026-12-30')
    const stored = await db.disbursement.findUniqueOrThrow({ where: { id }, select: { version: true, accountNumber: true, msme: { select: { nib: true, ownerNik: true } } } })
    signInAs(bank)
    const base = { disbursementId: id, version: String(stored.version), accountNumber: stored.accountNumber, nib: stored.msme.nib, ownerNik: stored.msme.ownerNik, tenorMonths: '12', method: 'ANNUITY' }
    expect(await correctLoan(undefined, form({ ...base, contractDate: '2026-12-31', plafond: '20.000.000' }))).toMatchObject({ ok: false, errors: { contractDate: ['Tanggal akad paling lambat hari ini.'] } })
    expect(await correctLoan(undefined, form({ ...base, contractDate: '2026-12-30', plafond: '19.000.000' }))).toMatchObject({ ok: true })
    expect(Number((await db.disbursement.findUniqueOrThrow({ where: { id }, select: { plafond: true } })).plafond)).toBe(19_000_000)
  })

  it('refuses a report that would move the subsidy of a month in a live claim, until the agency returns the claim', async () => {
    const scheme = `G${unique()}`.slice(0, 12)
    const gamma = await programme(`GAMMA-${unique()}`, scheme, 'BORROWER_RATE')
    const id = await loan(gamma, `GAMMA-${unique()}`, '2026-03-10')
    const claimId = await submitClaimFor(bank, { programId: gamma, month: '2026-04' }, null)
    const [line] = await db.claimLine.findMany({ where: { claimId }, select: { computedAmount: true } })
    expect(Number(line.computedAmount)).toBe(137_778)
    const audits = () => db.auditLog.count({ where: { entity: 'LoanMonth', entityId: `${id}#1` } })
    signInAs(bank)
    const unpaid = await reportInstalment(undefined, form({ disbursementId: id, version: await loanVersion(id), period: 1, instalmentPaid: 'unpaid', collectibility: 2 }))
    expect(unpaid).toMatchObject({
      ok: false,
      message: 'Klaim bulan April 2026 sudah dihitung dari jadwal pinjaman ini dan sedang diverifikasi; laporan tidak disimpan. Minta Dinas mengembalikan klaim itu, lalu laporkan lagi.',
    })
    expect(await period(id, 1)).toMatchObject({ instalmentPaid: true, collectibility: 1, reportedAt: null })
    expect(Number((await period(id, 1)).subsidyDue)).toBe(137_778)
    expect(await audits()).toBe(0)
    // a report that leaves the claimed subsidy as it is (paid, Lancar) is taken
    expect(await reportInstalment(undefined, form({ disbursementId: id, version: await loanVersion(id), period: 1, instalmentPaid: 'paid', collectibility: 1 }))).toMatchObject({ ok: true })
    expect(await audits()).toBe(1)
    // approved: still refused
    signInAs(admin)
    const claim = await db.subsidyClaim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } })
    expect(await approveClaim(undefined, form({ claimId, version: claim.version }))).toMatchObject({ ok: true })
    // approved, not yet paid: the pipeline says what the province still owes for the month (as of today, when it was approved)
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date())
    expect((await getClaimPipeline({ user: (await getCurrentUser())!, filter: { programId: gamma, asOf: today } })).months)
      .toEqual([{ month: '2026-04', claims: 1, open: 0, claimed: 137_778, approved: 137_778, paid: 0, unpaid: 137_778 }])
    signInAs(bank)
    expect((await reportInstalment(undefined, form({ disbursementId: id, version: await loanVersion(id), period: 1, instalmentPaid: 'paid', collectibility: 5 }))).message).toBe('Klaim bulan April 2026 sudah dihitung dari jadwal pinjaman ini dan sudah disetujui Dinas; laporan tidak disimpan, karena klaim yang sudah disetujui tidak dapat dikembalikan. Hubungi Dinas bila laporannya perlu dibetulkan.')
    expect((await db.disbursement.findUniqueOrThrow({ where: { id } })).collectibility).toBe(1)
  })

  it('names every claim being verified that holds the loan, since each must go back before a correction or a report lands', async () => {
    const scheme = `M${unique()}`.slice(0, 12)
    const mu = await programme(`MU-${unique()}`, scheme, 'BORROWER_RATE')
    const id = await loan(mu, `MU-${unique()}`, '2026-03-10')
    // April and May are claimed, both being verified (periods 1 and 2)
    await submitClaimFor(bank, { programId: mu, month: '2026-05' }, null)
    await submitClaimFor(bank, { programId: mu, month: '2026-04' }, null)
    const stored = await db.disbursement.findUniqueOrThrow({ where: { id }, select: { version: true, accountNumber: true, msme: { select: { nib: true, ownerNik: true } } } })
    signInAs(bank)
    const corrected = await correctLoan(undefined, form({ disbursementId: id, version: String(stored.version), accountNumber: stored.accountNumber, nib: stored.msme.nib, ownerNik: stored.msme.ownerNik, contractDate: '2026-03-10', plafond: '19.000.000', tenorMonths: '12', method: 'ANNUITY' }))
    const correction = 'Subsidi pinjaman ini sudah masuk klaim April 2026 dan Mei 2026 yang sedang diverifikasi; koreksi tidak disimpan. Minta Dinas mengembalikan klaim-klaim itu, lalu kirim koreksinya.'
    expect(corrected).toMatchObject({ ok: false, message: correction })
    // the loan's page reads the same two claims and says so in place of the form
    expect((await liveClaimsOfLoan(id)).map((c) => [c.month.toISOString().slice(0, 7), c.status])).toEqual([['2026-04', 'SUBMITTED'], ['2026-05', 'SUBMITTED']])
    expect(serverText(correction, 'en')).toBe('This loan\'s subsidy is already in the claims for April 2026 and May 2026, which are being verified; the correction was not saved. Ask the agency to return those claims, then send the correction.')
    // the wording of a report that would move two claimed months (lib/credit/instalments.ts passes every moved period)
    const report = liveClaimRefusal('report', [{ month: new Date('2026-05-01'), status: 'SUBMITTED' }, { month: new Date('2026-04-01'), status: 'SUBMITTED' }])
    expect(report).toBe('Klaim bulan April 2026 dan Mei 2026 sudah dihitung dari jadwal pinjaman ini dan sedang diverifikasi; laporan tidak disimpan. Minta Dinas mengembalikan klaim-klaim itu, lalu laporkan lagi.')
    expect(serverText(report, 'en')).toBe('The claims for April 2026 and May 2026 were computed from this loan\'s schedule and are being verified; the report was not saved. Ask the agency to return those claims, then report again.')
    expect((await db.disbursement.findUniqueOrThrow({ where: { id }, select: { version: true } })).version).toBe(stored.version)
  })

  it('a period reported unpaid is not in its month’s claim; reporting it paid afterwards is refused until the claim is returned', async () => {
    const scheme = `U${unique()}`.slice(0, 12)
    const upsilon = await programme(`UPS-${unique()}`, scheme, 'BORROWER_RATE')
    await loan(upsilon, `UPS-${unique()}`, '2026-03-10') // another loan, so that April has something to claim
    const id = await loan(upsilon, `UPS-${unique()}`, '2026-03-10')
    signInAs(bank)
    expect(await reportInstalment(undefined, form({ disbursementId: id, version: await loanVersion(id), period: 1, instalmentPaid: 'unpaid', collectibility: 2 }))).toMatchObject({ ok: true })
    const claimId = await submitClaimFor(bank, { programId: upsilon, month: '2026-04' }, null)
    expect(await db.claimLine.count({ where: { claimId, disbursementId: id } })).toBe(0)
    const late = await reportInstalment(undefined, form({ disbursementId: id, version: await loanVersion(id), period: 1, instalmentPaid: 'paid', collectibility: 1 }))
    expect(late.message).toMatch(/^Klaim bulan April 2026 sudah dihitung dari jadwal pinjaman ini dan sedang diverifikasi;/)
    expect(Number((await period(id, 1)).subsidyDue)).toBe(0)
    // a loan recorded after April was filed was never counted in it: its April period may be reported
    const after = await loan(upsilon, `UPS-${unique()}`, '2026-03-10')
    expect(await reportInstalment(undefined, form({ disbursementId: after, version: await loanVersion(after), period: 1, instalmentPaid: 'unpaid', collectibility: 2 }))).toMatchObject({ ok: true })
    expect(Number((await period(after, 1)).subsidyDue)).toBe(0)
  })

  it('a report racing the claim of its month: the claim holds the schedule as it stands after the report, or the report is refused', async () => {
    const scheme = `R${unique()}`.slice(0, 12)
    const rho = await programme(`RHO-${unique()}`, scheme, 'BORROWER_RATE')
    await loan(rho, `RHO-${unique()}`, '2026-03-10') // another loan, so that each month has something to claim whatever the race's order
    for (let round = 0; round < 4; round++) {
      const id = await loan(rho, `RHO-${unique()}`, '2026-03-10')
      const month = `2026-0${4 + round}`
      signInAs(bank)
      const [claim, report] = await Promise.allSettled([
        submitClaimFor(bank, { programId: rho, month }, null),
        reportInstalment(undefined, form({ disbursementId: id, version: await loanVersion(id), period: round + 1, instalmentPaid: 'unpaid', collectibility: 2 })),
      ])
      expect(claim.status).toBe('fulfilled')
      const claimId = (claim as PromiseFulfilledResult<string>).value
      const [due] = await db.$queryRaw<{ due: string }[]>`SELECT coalesce(sum(subsidy_due), 0)::text AS due FROM loan_months WHERE disbursement_id = ${id} AND claim_month = ${`${month}-01`}::date`
      const lines = await db.claimLine.findMany({ where: { claimId, disbursementId: id }, select: { computedAmount: true } })
      // what the claim pays for this loan is what its schedule says now: 0 (no line) when the report came first
      expect(lines.map((l) => Number(l.computedAmount))).toEqual(Number(due.due) > 0 ? [Number(due.due)] : [])
      if (report.status === 'fulfilled' && report.value.ok) expect(Number(due.due)).toBe(0)
      else expect(Number(due.due)).toBeGreaterThan(0)
      // the agency returns the claim: the bank may report the period now
      signInAs(admin)
      const c = await db.subsidyClaim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } })
      expect(await returnClaim(undefined, form({ claimId, version: c.version, reason: 'Laporan angsuran belum lengkap, kirim ulang.' }))).toMatchObject({ ok: true })
      signInAs(bank)
      expect(await reportInstalment(undefined, form({ disbursementId: id, version: await loanVersion(id), period: round + 1, instalmentPaid: 'unpaid', collectibility: 2 }))).toMatchObject({ ok: true })
      expect(Number((await period(id, round + 1)).subsidyDue)).toBe(0)
    }
  })
})

describe('a period reported from the loan version the page showed', () => {
  const STALE = /^Pinjaman sudah diubah oleh Uji BANK_OFFICER pada .+; muat ulang halaman, lalu ulangi\.$/
  /** a loan of its own programme (no claim holds its months): periods 1–10 have fallen due by December 2026 */
  const fresh = async () => loan(await programme(`VER-${unique()}`, `V${unique()}`.slice(0, 12), 'BORROWER_RATE'), `VER-${unique()}`, '2026-01-05')
  const report = (id: string, version: number, period: number, instalmentPaid: 'paid' | 'unpaid', collectibility: number) =>
    reportInstalment(undefined, form({ disbursementId: id, version, period, instalmentPaid, collectibility }))
  const period = (id: string, p: number) => db.loanMonth.findUniqueOrThrow({ where: { disbursementId_period: { disbursementId: id, period: p } }, select: { instalmentPaid: true, collectibility: true } })

  it('refuses a stale page’s report, naming who reported meanwhile, and keeps the report it never saw', async () => {
    const id = await fresh()
    signInAs(bank)
    const seen = await loanVersion(id)
    expect(await report(id, seen, 3, 'paid', 1)).toMatchObject({ ok: true })
    const stale = await report(id, seen, 3, 'unpaid', 2)
    expect(stale.ok).toBe(false)
    expect(stale.message).toMatch(STALE)
    expect(await period(id, 3)).toMatchObject({ instalmentPaid: true, collectibility: 1 })
    expect(await db.auditLog.count({ where: { entity: 'LoanMonth', entityId: `${id}#3` } })).toBe(1)
  })

  it('takes the loan’s status from its latest reported period: correcting an earlier one keeps a write-off', async () => {
    const id = await fresh()
    signInAs(bank)
    expect(await report(id, await loanVersion(id), 6, 'unpaid', 5)).toMatchObject({ ok: true })
    expect(await db.disbursement.findUniqueOrThrow({ where: { id }, select: { status: true, collectibility: true } })).toEqual({ status: 'WRITTEN_OFF', collectibility: 5 })
    expect(await report(id, await loanVersion(id), 4, 'paid', 2)).toMatchObject({ ok: true })
    expect(await db.disbursement.findUniqueOrThrow({ where: { id }, select: { status: true, collectibility: true } })).toEqual({ status: 'WRITTEN_OFF', collectibility: 5 })
    // the write-off has its own audit row; the correction changed no status, so none more
    const changes = await db.auditLog.findMany({ where: { entity: 'Disbursement', entityId: id, action: 'UPDATE' }, select: { before: true, after: true } })
    expect(changes).toEqual([{ before: { status: 'ACTIVE', collectibility: 1 }, after: { status: 'WRITTEN_OFF', collectibility: 5, period: 6 } }])
  })

  it('of two reports at once from the same version, one lands and the other is a conflict', async () => {
    const id = await fresh()
    signInAs(bank)
    const seen = await loanVersion(id)
    const results = await Promise.all([report(id, seen, 7, 'paid', 1), report(id, seen, 7, 'unpaid', 3)])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    const loser = results.find((r) => !r.ok)!
    expect(loser.message).toMatch(STALE)
    expect(await period(id, 7)).toMatchObject(results[0].ok ? { instalmentPaid: true, collectibility: 1 } : { instalmentPaid: false, collectibility: 3 })
    expect(await loanVersion(id)).toBe(seen + 1)
  })
})

describe('the amortisation basis', () => {
  it('is fixed once the programme has a loan, changeable before, and refuses a stale version', async () => {
    signInAs(admin)
    const withLoans = await db.creditProgram.findUniqueOrThrow({ where: { id: beta } })
    const locked = await setAmortisationBasis(undefined, form({ programId: beta, version: withLoans.version, amortisationBasis: 'BANK_RATE' }))
    expect(locked.errors?.amortisationBasis).toEqual(['Sudah ada penyaluran; dasar amortisasi terkunci.'])
    const empty = await programme(`KOSONG-${unique()}`, `K${unique()}`, 'BORROWER_RATE')
    expect(await setAmortisationBasis(undefined, form({ programId: empty, version: 1, amortisationBasis: 'BANK_RATE' }))).toMatchObject({ ok: true })
    expect((await db.creditProgram.findUniqueOrThrow({ where: { id: empty } })).amortisationBasis).toBe('BANK_RATE')
    const stale = await setAmortisationBasis(undefined, form({ programId: empty, version: 1, amortisationBasis: 'BORROWER_RATE' }))
    expect(stale.message).toMatch(/^Program sudah diubah oleh Uji ADMIN pada /)
    expect(await db.auditLog.count({ where: { entity: 'CreditProgram', entityId: empty, action: 'UPDATE' } })).toBe(1)
  })
})

describe('the claim pipeline leadership reads', () => {
  it('per month: claims, open, claimed, approved, paid, with the total; a bank outside sees none of it', async () => {
    const leader = await createUser('LEADERSHIP')
    signInAs(leader)
    const pipeline = await getClaimPipeline({ user: (await getCurrentUser())!, filter: { programId: beta, asOf: '2026-12-31' } })
    expect(pipeline.months).toEqual([
      { month: '2026-04', claims: 1, open: 0, claimed: 275_556, approved: 275_556, paid: 275_556, unpaid: 0 },
      // not yet approved: nothing approved ("–"), not an approval at Rp0
      { month: '2026-05', claims: 1, open: 1, claimed: 122_771 + 126_453 + 100_000, approved: null, paid: 0, unpaid: 0 },
    ])
    expect(pipeline.total).toEqual({ month: null, claims: 2, open: 1, claimed: 275_556 + 349_224, approved: 275_556, paid: 275_556, unpaid: 0 })
    // as of before the payment: approved, not yet paid
    const early = await getClaimPipeline({ user: (await getCurrentUser())!, filter: { programId: beta, asOf: '2026-05-14' } })
    expect(early.months).toEqual([])
    // a bank outside the programme gets the one refusal of every figure: not found
    signInAs(await createUser('BANK_OFFICER', { bankCode: 'BANKDKI' }))
    await expect(getClaimPipeline({ user: (await getCurrentUser())!, filter: { programId: beta, asOf: '2026-12-31' } })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('a claim that leaves loans out', () => {
  it('names the loans due in the month that are in no claim, for the bank and the reviewer', async () => {
    // the bank's own file for September claims BETA-1 only; BETA-2 is due too
    const id = await submitClaimFor(bank, { programId: beta, month: '2026-09' }, new Map([['BETA-1', { amount: 120_000 }]]))
    const [beta2] = await db.$queryRaw<{ due: string }[]>`
      SELECT sum(lm.subsidy_due)::text AS due FROM loan_months lm JOIN disbursements d ON d.id = lm.disbursement_id
      WHERE d.account_number = 'BETA-2' AND lm.claim_month = '2026-09-01'`
    expect(Number(beta2.due)).toBeGreaterThan(0)
    expect((await getClaim({ user: bank, id }))!.unclaimed).toEqual({ loans: 1, due: Number(beta2.due) })
    signInAs(admin)
    expect((await getClaim({ user: (await getCurrentUser())!, id }))!.unclaimed?.loans).toBe(1)
    // the form's claim takes every loan due: nothing left out (ALFA-1 is the only loan of its scheme)
    const full = await submitClaimFor(bank, { programId: alpha, month: '2026-09' }, null)
    expect((await getClaim({ user: bank, id: full }))!.unclaimed).toEqual({ loans: 0, due: 0 })
  })
})
