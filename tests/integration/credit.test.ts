import { beforeAll, describe, expect, it } from 'vitest'
import { signInAs } from '../support/session-mock'
import { createUser, form, unique } from '../support/factories'
import { db } from '@/lib/db'
import { approveClaim, createDisbursement, recordClaimPayment, reportInstalment, returnClaim, submitClaim } from '@/lib/actions/credit'
import { submitClaimFor } from '@/lib/credit/claim-submission'
import { CORRECTED_AT_REVIEW, getClaim, getVerificationRecord, programBudgetUse } from '@/lib/data/claims'
import { getCreditSummary, getMonthlySeries, getProgramCards } from '@/lib/data/credit'
import { findDisbursements, listPrograms, missedClaimMonths } from '@/lib/data/disbursements'
import { MESSAGES } from '@/lib/safe-action'
import { getCurrentUser } from '@/lib/session'
import { notificationText } from '@/lib/reminders/texts'

/** The loan's version as its page shows it now: a report carries it (a stale one is refused). */
const loanVersion = async (id: string) => (await db.disbursement.findUniqueOrThrow({ where: { id }, select: { version: true } })).version

/**
 * A small programme built by hand: the subsidy of its loans is the one lib/credit/subsidy.ts computes
 * (tested to the Rupiah there); here the chain around it: eligibility, claims, verification, payment,
 * and the figures the dashboards read, each scoped by role.
 */
let programId: string
let bprId: string
let dkiId: string

async function msme(regencyCode: string, scale: 'MIKRO' | 'KECIL' | 'MENENGAH' = 'MIKRO') {
  const nib = String(Date.now()).slice(-6) + String(Math.floor(Math.random() * 1e7)).padStart(7, '0')
  return db.msme.create({
    data: {
      nib, businessName: `Usaha ${unique()}`, ownerName: 'Siti Rahayu', ownerNik: `${regencyCode.replace('.', '')}011234560001`, ownerGender: 'P',
      kbli: '10792', regencyCode, computedScale: scale, businessCapital: 50_000_000, annualSales: 300_000_000,
    },
    select: { id: true, nib: true, ownerNik: true },
  })
}

beforeAll(async () => {
  bprId = (await db.bank.findUniqueOrThrow({ where: { code: 'BPRJATIM' } })).id
  dkiId = (await db.bank.findUniqueOrThrow({ where: { code: 'BANKDKI' } })).id
  const p = await db.creditProgram.create({
    data: {
      code: 'UJI-2025', scheme: 'UJI', name: 'Program Uji 2025', year: 2025, creditTarget: 100_000_000, beneficiaryTarget: 4, subsidyCeiling: 10_000_000,
      borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, eligibleScales: ['MIKRO', 'KECIL'],
      banks: { create: [{ bankId: bprId }, { bankId: dkiId }] },
      rates: { create: [{ bankId: bprId, effectiveFrom: new Date('2025-01-01'), rate: 0.12 }, { bankId: dkiId, effectiveFrom: new Date('2025-01-01'), rate: 0.12 }] },
      allocations: { create: [{ regencyCode: '35.17', creditTarget: 60_000_000 }, { regencyCode: '35.73', creditTarget: 40_000_000 }] },
    },
  })
  programId = p.id
})

describe('recording disbursements', () => {
  it('saves an eligible loan with its periods and audit row; the regency comes from the MSME', async () => {
    const bank = await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' })
    signInAs(bank)
    const m = await msme('35.17')
    const res = await createDisbursement(undefined, form({ programId, accountNumber: 'UJI-0001', nib: m.nib, ownerNik: m.ownerNik, contractDate: '2025-01-15', plafond: '25.000.000', tenorMonths: 24, method: 'ANNUITY' }))
    expect(res).toMatchObject({ ok: true })
    // the business name only now that NIB and NIK matched, and the new loan's id for its link
    const saved = await db.msme.findUniqueOrThrow({ where: { id: m.id }, select: { businessName: true } })
    expect(res.message).toContain(saved.businessName)
    const d = await db.disbursement.findUniqueOrThrow({ where: { bankId_accountNumber: { bankId: bprId, accountNumber: 'UJI-0001' } }, select: { id: true, regencyCode: true, bankRate: true, plafond: true, _count: { select: { months: true } } } })
    expect(d.regencyCode).toBe('35.17')
    expect(Number(d.bankRate)).toBe(0.12)
    expect(Number(d.plafond)).toBe(25_000_000)
    expect(d._count.months).toBe(24)
    // the worked case of lib/credit/subsidy.test.ts: month 1 = 25.000.000 × 9% × 31/360
    const first = await db.loanMonth.findUniqueOrThrow({ where: { disbursementId_period: { disbursementId: d.id, period: 1 } } })
    expect(Number(first.subsidyDue)).toBe(193_750)
    expect(await db.auditLog.count({ where: { entity: 'Disbursement', entityId: d.id, action: 'CREATE' } })).toBe(1)
  })

  it('refuses a loan that breaks the rules, in the fields that break them', async () => {
    signInAs(await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' }))
    const m = await msme('35.17', 'MENENGAH')
    const res = await createDisbursement(undefined, form({ programId, accountNumber: 'UJI-0002', nib: m.nib, ownerNik: m.ownerNik, contractDate: '2024-12-31', plafond: '30000000', tenorMonths: 36, method: 'ANNUITY' }))
    expect(res.ok).toBe(false)
    expect(res.errors?.plafond?.[0]).toBe('Plafon melebihi batas program (Rp30.000.000 > Rp25.000.000).')
    expect(res.errors?.tenorMonths?.[0]).toBe('Tenor melebihi batas program (36 > 24 bulan).')
    expect(res.errors?.contractDate?.[0]).toMatch(/luar tahun program 2025/)
    expect(res.errors?.nib?.[0]).toMatch(/Skala usaha/)
    expect(await db.disbursement.count({ where: { accountNumber: 'UJI-0002' } })).toBe(0)
  })

  it('names every wrong field at once: the programme\'s limits beside a field the form\'s schema refuses, a future date, a taken account', async () => {
    signInAs(await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' }))
    const m = await msme('35.17')
    // a programme of its own with the same rules: the loan recorded below must not move the shared programme's figures
    const own = await db.creditProgram.create({
      data: {
        code: `UJI-L-${unique()}`, scheme: `L${unique()}`.slice(0, 12), name: 'Program Uji Batas', year: 2025, creditTarget: 100_000_000, beneficiaryTarget: 4, subsidyCeiling: 10_000_000,
        borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, eligibleScales: ['MIKRO', 'KECIL'],
        banks: { create: [{ bankId: bprId }] }, rates: { create: [{ bankId: bprId, effectiveFrom: new Date('2025-01-01'), rate: 0.12 }] },
      },
      select: { id: true },
    })
    const loan = { programId: own.id, nib: m.nib, ownerNik: m.ownerNik, contractDate: '2025-03-01', plafond: '10.000.000', tenorMonths: 12, method: 'ANNUITY' }
    // a malformed account number (the schema) with a tenor and an amount above the programme's (its rules)
    const malformed = await createDisbursement(undefined, form({ ...loan, accountNumber: 'x', plafond: '30.000.000', tenorMonths: 36 }))
    expect(malformed.errors).toEqual({
      accountNumber: ['Nomor rekening minimal 3 karakter.'],
      plafond: ['Plafon melebihi batas program (Rp30.000.000 > Rp25.000.000).'],
      tenorMonths: ['Tenor melebihi batas program (36 > 24 bulan).'],
    })
    // a contract after today with an amount above the programme's: both, not the date first
    const future = await createDisbursement(undefined, form({ ...loan, accountNumber: `UJI-F-${unique()}`, contractDate: '2099-01-15', plafond: '30.000.000' }))
    expect(future.errors).toEqual({ contractDate: ['Tanggal akad paling lambat hari ini.', 'Tanggal akad di luar tahun program 2025.'], plafond: ['Plafon melebihi batas program (Rp30.000.000 > Rp25.000.000).'] })
    expect(future.message).toBe('Tanggal akad belum terjadi; catat pinjaman setelah akadnya ditandatangani. Tidak memenuhi ketentuan program: Plafon melebihi batas program (Rp30.000.000 > Rp25.000.000). Tanggal akad di luar tahun program 2025.')
    // an account number already recorded with a tenor above the programme's: both; and with a malformed date, both
    const account = `UJI-T-${unique()}`
    expect(await createDisbursement(undefined, form({ ...loan, accountNumber: account }))).toMatchObject({ ok: true })
    const taken = await createDisbursement(undefined, form({ ...loan, accountNumber: account, tenorMonths: 36 }))
    expect(taken.errors).toEqual({ accountNumber: ['Nomor rekening sudah tercatat untuk bank ini.'], tenorMonths: ['Tenor melebihi batas program (36 > 24 bulan).'] })
    const takenBadDate = await createDisbursement(undefined, form({ ...loan, accountNumber: account, contractDate: '2025-02-30' }))
    expect(takenBadDate.errors?.accountNumber).toEqual(['Nomor rekening sudah tercatat untuk bank ini.'])
    expect(takenBadDate.errors?.contractDate).toHaveLength(1)
    expect(await db.disbursement.count({ where: { accountNumber: account } })).toBe(1)
    // an amount typed with English grouping (the schema refuses it) for a business the programme does not serve: the
    // business is told at once, not on the next try once the amount is retyped (a walk's loan form)
    const medium = await msme('35.17', 'MENENGAH')
    const english = await createDisbursement(undefined, form({ ...loan, nib: medium.nib, ownerNik: medium.ownerNik, accountNumber: `UJI-E-${unique()}`, plafond: '30,000,000', tenorMonths: 36 }))
    expect(Object.keys(english.errors ?? {}).sort()).toEqual(['nib', 'plafond', 'tenorMonths'])
    expect(english.errors?.nib).toEqual(['Skala usaha tidak termasuk sasaran program (menengah).'])
    expect(english.errors?.tenorMonths).toEqual(['Tenor melebihi batas program (36 > 24 bulan).'])
    // a NIK that does not match its NIB is the one answer of the full check, whatever else the schema refused
    const wrongNik = await createDisbursement(undefined, form({ ...loan, nib: medium.nib, ownerNik: '3517011234569999', accountNumber: 'x' }))
    expect(wrongNik.errors?.nib).toEqual(wrongNik.errors?.ownerNik)
    expect(wrongNik.errors?.nib?.[0]).toMatch(/NIB|NIK/)
    expect(wrongNik.errors?.nib?.[0]).not.toMatch(/Skala/)
  })

  it('refuses a contract dated after today, even for an admin accepting exceptions', async () => {
    signInAs(await createUser('ADMIN'))
    const m = await msme('35.17')
    const res = await createDisbursement(undefined, form({
      programId, bankId: bprId, accountNumber: 'UJI-MASA-DEPAN', nib: m.nib, ownerNik: m.ownerNik, contractDate: '2099-01-15', plafond: '10.000.000', tenorMonths: 12, method: 'ANNUITY',
      acceptException: 'on', exceptionReason: 'Akad dijadwalkan tahun depan.',
    }))
    expect(res).toMatchObject({ ok: false, message: 'Tanggal akad belum terjadi; catat pinjaman setelah akadnya ditandatangani.', errors: { contractDate: ['Tanggal akad paling lambat hari ini.'] } })
    expect(await db.disbursement.count({ where: { accountNumber: 'UJI-MASA-DEPAN' } })).toBe(0)
  })

  it('lets an admin accept a breach in writing; the loan stays flagged', async () => {
    signInAs(await createUser('ADMIN'))
    const m = await msme('35.73')
    const noReason = await createDisbursement(undefined, form({ programId, bankId: bprId, accountNumber: 'UJI-0003', nib: m.nib, ownerNik: m.ownerNik, contractDate: '2025-02-03', plafond: '30000000', tenorMonths: 12, method: 'FLAT', acceptException: 'on' }))
    expect(noReason.errors?.exceptionReason).toBeDefined()
    const res = await createDisbursement(undefined, form({ programId, bankId: bprId, accountNumber: 'UJI-0003', nib: m.nib, ownerNik: m.ownerNik, contractDate: '2025-02-03', plafond: '30000000', tenorMonths: 12, method: 'FLAT', acceptException: 'on', exceptionReason: 'Usaha terdampak banjir; disetujui Kepala Dinas.' }))
    expect(res.ok).toBe(true)
    const d = await db.disbursement.findFirstOrThrow({ where: { accountNumber: 'UJI-0003' }, select: { eligibilityIssues: true, exceptionReason: true } })
    expect(d.eligibilityIssues).toEqual(['PLAFOND_ABOVE_MAX'])
    expect(d.exceptionReason).toMatch(/banjir/)
  })

  it('refuses a duplicate account number of the same bank, and an unknown NIB, in their fields', async () => {
    signInAs(await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' }))
    const m = await msme('35.17')
    const dup = await createDisbursement(undefined, form({ programId, accountNumber: 'UJI-0001', nib: m.nib, ownerNik: m.ownerNik, contractDate: '2025-03-03', plafond: '10000000', tenorMonths: 12, method: 'ANNUITY' }))
    expect(dup.errors?.accountNumber).toEqual(['Nomor rekening sudah tercatat untuk bank ini.'])
    const unknown = await createDisbursement(undefined, form({ programId, accountNumber: 'UJI-0009', nib: '1111111111111', ownerNik: m.ownerNik, contractDate: '2025-03-03', plafond: '10000000', tenorMonths: 12, method: 'ANNUITY' }))
    expect(unknown.errors?.nib).toEqual(['NIB dan NIK pemilik tidak cocok dengan register UMKM.'])
    // a registered NIB with another owner's NIK gets the very same answer: the form is no oracle of the register
    const wrongOwner = await createDisbursement(undefined, form({ programId, accountNumber: 'UJI-0009', nib: m.nib, ownerNik: '3578019999990001', contractDate: '2025-03-03', plafond: '10000000', tenorMonths: 12, method: 'ANNUITY' }))
    expect(wrongOwner).toMatchObject({ ok: false, message: unknown.message, errors: unknown.errors })
    expect(await db.disbursement.count({ where: { accountNumber: 'UJI-0009' } })).toBe(0)
    // the loan's own limits are said with the mismatch, not on the next try once the NIK is right
    const overAndUnknown = await createDisbursement(undefined, form({ programId, accountNumber: 'UJI-0009', nib: m.nib, ownerNik: '3578019999990001', contractDate: '2025-03-03', plafond: '30000000', tenorMonths: 36, method: 'ANNUITY' }))
    expect(overAndUnknown.errors).toEqual({
      nib: ['NIB dan NIK pemilik tidak cocok dengan register UMKM.'], ownerNik: ['NIB dan NIK pemilik tidak cocok dengan register UMKM.'],
      plafond: ['Plafon melebihi batas program (Rp30.000.000 > Rp25.000.000).'], tenorMonths: ['Tenor melebihi batas program (36 > 24 bulan).'],
    })
    const malformed = await createDisbursement(undefined, form({ programId, accountNumber: "x'; DROP TABLE disbursements;--", nib: '12', contractDate: '2025-13-45', plafond: '-5', tenorMonths: 0, method: 'BALLOON' }))
    expect(Object.keys(malformed.errors ?? {}).sort()).toEqual(['accountNumber', 'contractDate', 'method', 'nib', 'ownerNik', 'plafond', 'tenorMonths'])
  })

  it('is refused to leadership and district officers', async () => {
    for (const role of ['LEADERSHIP', 'DISTRICT_OFFICER'] as const) {
      signInAs(await createUser(role))
      const res = await createDisbursement(undefined, form({ programId, accountNumber: 'UJI-0100', nib: '1234567890123', ownerNik: '3517011234560001', contractDate: '2025-03-03', plafond: '10000000', tenorMonths: 12, method: 'ANNUITY' }))
      expect(res).toMatchObject({ ok: false, message: MESSAGES.forbidden })
    }
  })
})

describe('reading disbursements and figures, by role', () => {
  it('a district officer lists only its regency; a bank officer only its bank', async () => {
    const dki = await createUser('BANK_OFFICER', { bankCode: 'BANKDKI' })
    signInAs(dki)
    const m = await msme('35.73')
    expect((await createDisbursement(undefined, form({ programId, accountNumber: 'DKI-0001', nib: m.nib, ownerNik: m.ownerNik, contractDate: '2025-02-10', plafond: '20000000', tenorMonths: 12, method: 'ANNUITY' }))).ok).toBe(true)
    const dkiView = await findDisbursements({ user: (await getCurrentUser())!, filter: { program: programId } })
    expect(dkiView.rows.map((r) => r.accountNumber)).toEqual(['DKI-0001'])
    signInAs(await createUser('DISTRICT_OFFICER', { regencyCode: '35.17' }))
    const officer = (await getCurrentUser())!
    const jombang = await findDisbursements({ user: officer, filter: { program: programId } })
    expect(jombang.rows.every((r) => r.regency.code === '35.17')).toBe(true)
    // asking for another regency's rows through the filter still returns only its own (none of 35.73)
    expect((await findDisbursements({ user: officer, filter: { program: programId, regency: '35.73' } })).total).toBe(0)
    // figures: its own regency and the province totals, never another regency on its own
    await expect(getCreditSummary({ user: officer, filter: { programId, regencyCode: '35.73' } })).rejects.toThrow('forbidden')
    const own = await getCreditSummary({ user: officer, filter: { programId, regencyCode: '35.17', asOf: '2025-12-31' } })
    expect(own.disbursed).toBe(25_000_000)
    expect(own.realisationPct).toBeCloseTo((25_000_000 / 60_000_000) * 100, 10)
  })

  it('sums in SQL match the rows: realisation, beneficiaries, average plafond', async () => {
    signInAs(await createUser('LEADERSHIP'))
    const s = await getCreditSummary({ user: (await getCurrentUser())!, filter: { programId, asOf: '2025-12-31' } })
    const rows = await db.disbursement.findMany({ where: { programId }, select: { plafond: true, msmeId: true } })
    const total = rows.reduce((a, r) => a + Number(r.plafond), 0)
    expect(s.disbursed).toBe(total)
    expect(s.loans).toBe(rows.length)
    expect(s.beneficiaries).toBe(new Set(rows.map((r) => r.msmeId)).size)
    expect(s.realisationPct).toBeCloseTo((total / 100_000_000) * 100, 10)
    // as of a date before any loan: nothing yet
    const early = await getCreditSummary({ user: (await getCurrentUser())!, filter: { programId, asOf: '2025-01-10' } })
    expect(early.disbursed).toBe(0)
    // before the programme's year: no run rate to project from, said instead of a 0% projection
    const ahead = await getCreditSummary({ user: (await getCurrentUser())!, filter: { programId, asOf: '2024-12-31' } })
    expect(ahead.projection).toEqual({ value: 0, pct: null, method: 'Proyeksi dihitung setelah tahun program dimulai.', final: false })
    expect(early.projection.pct).not.toBeNull()
  })
})

describe('monthly claims: submission, verification, payment', () => {
  it('a bank claiming more than is due sees the difference; the admin corrects, approves, pays; absorption moves by exactly the payment', async () => {
    const bank = await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' })
    signInAs(bank)
    const bankUser = (await getCurrentUser())!
    const due = await db.loanMonth.findFirstOrThrow({ where: { disbursement: { accountNumber: 'UJI-0001' }, claimMonth: new Date('2025-02-01') }, select: { subsidyDue: true } })
    expect(Number(due.subsidyDue)).toBe(193_750)
    // the bank's spreadsheet claims 200.000 for the loan
    const claimId = await submitClaimFor(bankUser, { programId, month: '2025-02' }, new Map([['UJI-0001', { amount: 200_000 }]]))
    const claim = await getClaim({ user: bankUser, id: claimId })
    expect(claim!.totals).toMatchObject({ lines: 1, claimed: 200_000, computed: 193_750, differing: 1 })
    expect(await db.auditLog.count({ where: { entity: 'SubsidyClaim', entityId: claimId, action: 'SUBMIT' } })).toBe(1)
    // the same month again is refused
    await expect(submitClaimFor(bankUser, { programId, month: '2025-02' }, null)).rejects.toThrow('Klaim bulan ini sudah diajukan.')

    const admin = await createUser('ADMIN')
    signInAs(admin)
    const line = await db.claimLine.findFirstOrThrow({ where: { claimId }, select: { id: true } })
    const version = (await db.subsidyClaim.findUniqueOrThrow({ where: { id: claimId } })).version
    const tooMuch = await approveClaim(undefined, form({ claimId, version, [`approved_${line.id}`]: '250000' }))
    expect(tooMuch.ok).toBe(false)
    expect(tooMuch.errors?.[`approved_${line.id}`]?.[0]).toBe('Maksimal Rp200.000.')
    const approved = await approveClaim(undefined, form({ claimId, version, [`approved_${line.id}`]: '190000', [`note_${line.id}`]: 'Satu hari tidak diangsur tepat waktu' }))
    expect(approved).toMatchObject({ ok: true })
    expect(Number((await db.claimLine.findUniqueOrThrow({ where: { id: line.id } })).approvedAmount)).toBe(190_000)
    // the audit names the corrected line by its loan's account, not the line's row id
    const approval = await db.auditLog.findFirstOrThrow({ where: { entity: 'SubsidyClaim', entityId: claimId, action: 'APPROVE' }, select: { after: true } })
    expect((approval.after as { corrections: unknown }).corrections).toEqual({ 'UJI-0001': { amount: 190_000, note: 'Satu hari tidak diangsur tepat waktu' } })
    // the bank's officers are told of the approval with the amount approved (not another bank's, not the admins)
    const told = (kind: 'CLAIM_APPROVED' | 'CLAIM_PAID', userId: string) => db.notification.findMany({ where: { userId, kind, link: `/kredit/klaim/${claimId}` }, select: { eventKey: true, params: true }, orderBy: { createdAt: 'asc' } })
    const [approvedNotice] = await told('CLAIM_APPROVED', bank.id)
    expect(approvedNotice.eventKey).toBe(`claim-approved:${claimId}`)
    expect(notificationText('CLAIM_APPROVED', approvedNotice.params, 'id')).toEqual({
      title: 'Klaim Februari 2025 disetujui',
      body: 'Dinas menyetujui klaim subsidi bunga BPR Jatim untuk Februari 2025 (Program Uji 2025) sebesar Rp190.000, dipotong Rp10.000 dari Rp200.000 yang diajukan; pembayarannya dicatat kemudian.',
    })
    expect(notificationText('CLAIM_APPROVED', approvedNotice.params, 'en').body).toBe("The agency approved BPR Jatim's interest-subsidy claim for February 2025 (Program Uji 2025) at Rp190,000, Rp10,000 less than the Rp200,000 claimed; its payment is recorded later.")
    const dki = await createUser('BANK_OFFICER', { bankCode: 'BANKDKI' })
    expect(await db.notification.count({ where: { userId: { in: [admin.id, dki.id] }, kind: { in: ['CLAIM_APPROVED', 'CLAIM_PAID'] } } })).toBe(0)

    const leader = await createUser('LEADERSHIP')
    signInAs(leader)
    const before = await getCreditSummary({ user: (await getCurrentUser())!, filter: { programId, asOf: '2025-12-31' } })
    signInAs(admin)
    const claimVersion = async () => (await db.subsidyClaim.findUniqueOrThrow({ where: { id: claimId } })).version
    const over = await recordClaimPayment(undefined, form({ claimId, version: await claimVersion(), paidOn: '2025-03-15', amount: '190001', reference: 'SP2D/001' }))
    expect(over.errors?.amount?.[0]).toBe('Maksimal Rp190.000.')
    // a refusal of what was typed stays on the form: not announced as a change by someone else
    expect(over.data).toBeUndefined()
    expect((await recordClaimPayment(undefined, form({ claimId, version: await claimVersion(), paidOn: '2025-03-15', amount: '100.000', reference: 'SP2D/001' }))).ok).toBe(true)
    expect((await db.subsidyClaim.findUniqueOrThrow({ where: { id: claimId } })).status).toBe('APPROVED')
    expect((await recordClaimPayment(undefined, form({ claimId, version: await claimVersion(), paidOn: '2025-04-15', amount: '90000', reference: 'SP2D/002' }))).ok).toBe(true)
    expect((await db.subsidyClaim.findUniqueOrThrow({ where: { id: claimId } })).status).toBe('PAID')
    // and of each payment, with its date, SP2D and what remains (the refused one told no one)
    const payments = await told('CLAIM_PAID', bank.id)
    expect(payments.map((n) => notificationText('CLAIM_PAID', n.params, 'id').body)).toEqual([
      'Dinas mencatat pembayaran Rp100.000 tanggal 15 Maret 2025 (SP2D SP2D/001) untuk klaim subsidi bunga BPR Jatim bulan Februari 2025 (Program Uji 2025); sisa Rp90.000.',
      'Dinas mencatat pembayaran Rp90.000 tanggal 15 April 2025 (SP2D SP2D/002) untuk klaim subsidi bunga BPR Jatim bulan Februari 2025 (Program Uji 2025); sisa Rp0.',
    ])
    expect(notificationText('CLAIM_PAID', payments[1].params, 'en').body).toBe("The agency recorded a payment of Rp90,000 on 15 April 2025 (SP2D SP2D/002) for BPR Jatim's interest-subsidy claim for February 2025 (Program Uji 2025); Rp0 remains.")
    signInAs(leader)
    const after = await getCreditSummary({ user: (await getCurrentUser())!, filter: { programId, asOf: '2025-12-31' } })
    expect(after.subsidyPaid - before.subsidyPaid).toBe(190_000)
    expect(after.absorptionPct! - before.absorptionPct!).toBeCloseTo((190_000 / 10_000_000) * 100, 10)
    // and as of the first payment's date, only it counts
    const mid = await getCreditSummary({ user: (await getCurrentUser())!, filter: { programId, asOf: '2025-03-31' } })
    expect(mid.subsidyPaid).toBe(100_000)
    const actions = await db.auditLog.findMany({ where: { entityId: claimId }, select: { action: true }, orderBy: { id: 'asc' } })
    expect(actions.map((a) => a.action)).toEqual(['SUBMIT', 'APPROVE', 'PAY', 'PAY'])
    // what the verifier's dialogs compare with: the programme's ceiling, what its claims have had approved and paid
    // (this one claim so far: its one line approved at 190.000, paid in two), the SP2D numbers used; for verifiers only
    signInAs(admin)
    expect(await programBudgetUse((await getCurrentUser())!, programId)).toEqual({ ceiling: 10_000_000, approved: 190_000, paid: 190_000, references: ['SP2D/001', 'SP2D/002'] })
    await expect(programBudgetUse(bankUser, programId)).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('a returned claim is resubmitted; an unknown account in the file is refused', async () => {
    const bank = await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' })
    signInAs(bank)
    const bankUser = (await getCurrentUser())!
    await expect(submitClaimFor(bankUser, { programId, month: '2025-03' }, new Map([['TIDAK-ADA', { amount: 1000 }]]))).rejects.toThrow(/Rekening tidak dikenal/)
    const claimId = await submitClaimFor(bankUser, { programId, month: '2025-03' }, null)
    signInAs(await createUser('ADMIN'))
    const version = (await db.subsidyClaim.findUniqueOrThrow({ where: { id: claimId } })).version
    expect((await returnClaim(undefined, form({ claimId, version, reason: 'pendek' }))).errors?.reason).toBeDefined()
    expect((await returnClaim(undefined, form({ claimId, version, reason: 'Lampiran rekening koran belum ada.' }))).ok).toBe(true)
    signInAs(bank)
    expect(await submitClaimFor(bankUser, { programId, month: '2025-03' }, null)).toBe(claimId)
    expect((await db.subsidyClaim.findUniqueOrThrow({ where: { id: claimId } })).status).toBe('SUBMITTED')
  })

  // the bank's own amounts per loan arrive as an import of claim lines (tests/integration/imports-claims.test.ts)
  it('the claim form claims the computed amounts; other roles cannot submit', async () => {
    const bank = await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' })
    signInAs(bank)
    await expect(submitClaim(undefined, form({ programId, month: '2025-04' }))).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT/) })
    const claim = await db.subsidyClaim.findFirstOrThrow({ where: { programId, bankId: bprId, month: new Date('2025-04-01') }, select: { lines: { select: { claimedAmount: true, computedAmount: true } } } })
    expect(claim.lines.length).toBeGreaterThan(0)
    for (const l of claim.lines) expect(Number(l.claimedAmount)).toBe(Number(l.computedAmount))
    signInAs(await createUser('ADMIN'))
    expect(await submitClaim(undefined, form({ programId, month: '2025-05' }))).toMatchObject({ ok: false, message: MESSAGES.forbidden })
  })

  it('a line equal to the computation can be corrected: added to the review by hand, approved lower, listed and recorded as corrected', async () => {
    const bank = await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' })
    signInAs(bank)
    const claimId = await submitClaimFor((await getCurrentUser())!, { programId, month: '2025-11' }, null)
    const admin = await createUser('ADMIN')
    signInAs(admin)
    const adminUser = (await getCurrentUser())!
    const line = await db.claimLine.findFirstOrThrow({ where: { claimId }, select: { id: true, claimedAmount: true, computedAmount: true, disbursement: { select: { accountNumber: true } } } })
    expect(Number(line.claimedAmount)).toBe(Number(line.computedAmount))
    const elsewhere = await db.claimLine.findFirstOrThrow({ where: { claimId: { not: claimId } }, select: { id: true } })
    // only this claim's lines are added, a differing one is not added twice, an unknown id is nothing
    const review = await getClaim({ user: adminUser, id: claimId, review: [line.id, line.id, elsewhere.id, 'tidak-ada'] })
    expect(review!.differingLines).toEqual([])
    expect(review!.reviewLines.map((l) => l.id)).toEqual([line.id])
    expect(review!.totals.differing).toBe(0)

    const version = (await db.subsidyClaim.findUniqueOrThrow({ where: { id: claimId } })).version
    expect(await approveClaim(undefined, form({ claimId, version, [`approved_${line.id}`]: '0', [`note_${line.id}`]: 'Debitur tidak layak' }))).toMatchObject({ ok: true })
    expect(Number((await db.claimLine.findUniqueOrThrow({ where: { id: line.id } })).approvedAmount)).toBe(0)
    // once decided: counted, listed in the differing view and on the record, as corrected at verification
    const decided = await getClaim({ user: adminUser, id: claimId, view: 'berbeda', review: [line.id] })
    expect(decided!.totals).toMatchObject({ differing: 1, reduced: 1 })
    expect(decided!.differingLines.map((l) => l.id)).toEqual([line.id])
    expect(decided!.lines.map((l) => l.id)).toEqual([line.id])
    expect(decided!.reviewLines).toEqual([]) // nothing to add to a decided claim
    const record = await getVerificationRecord({ user: adminUser, id: claimId })
    expect(record!.byReason).toEqual([{ reason: CORRECTED_AT_REVIEW, lines: 1, claimed: Number(line.claimedAmount), computed: Number(line.computedAmount) }])
  })

  it('a loan recorded after months it falls due in were claimed says which months are lost and which can still be filed again, to who reads claims', async () => {
    const bank = await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' })
    signInAs(bank)
    const bankUser = (await getCurrentUser())!
    const m = await msme('35.17')
    const account = `UJI-LAMBAT-${unique()}`.slice(0, 30)
    const saved = await createDisbursement(undefined, form({ programId, accountNumber: account, nib: m.nib, ownerNik: m.ownerNik, contractDate: '2025-01-20', plafond: '10.000.000', tenorMonths: 12, method: 'ANNUITY' }))
    expect(saved).toMatchObject({ ok: true })
    const loan = { id: (await db.disbursement.findUniqueOrThrow({ where: { bankId_accountNumber: { bankId: bprId, accountNumber: account } }, select: { id: true } })).id, bankId: bprId, programId }
    const due = new Map((await db.loanMonth.findMany({ where: { disbursementId: loan.id }, select: { claimMonth: true, subsidyDue: true } })).map((r) => [r.claimMonth.toISOString().slice(0, 7), Number(r.subsidyDue)]))
    // the bank hears it as it saves: the months lost and the months still being verified, each with their sum
    expect(saved.data).toMatchObject({ missedDECIDED: '2025-02,2025-11', missedSUBMITTED: '2025-03,2025-04' })
    expect(Number(saved.data!.missedDECIDEDTotal)).toBe(due.get('2025-02')! + due.get('2025-11')!)
    expect(Number(saved.data!.missedSUBMITTEDTotal)).toBe(due.get('2025-03')! + due.get('2025-04')!)
    // the earlier tests left BPR Jatim's claims of this programme: February paid, November approved (lost months);
    // March filed again and April filed by the form, both still being verified (the agency can return them)
    const missed = await missedClaimMonths(bankUser, loan)
    expect(missed.map((r) => [r.month, r.status, Number(r.due)])).toEqual([
      ['2025-02', 'DECIDED', due.get('2025-02')], ['2025-03', 'SUBMITTED', due.get('2025-03')],
      ['2025-04', 'SUBMITTED', due.get('2025-04')], ['2025-11', 'DECIDED', due.get('2025-11')],
    ])
    expect(missed.filter((r) => r.status === 'DECIDED').map((r) => Number(r.total))).toEqual(Array(2).fill(due.get('2025-02')! + due.get('2025-11')!))
    expect(missed.filter((r) => r.status === 'SUBMITTED').map((r) => Number(r.total))).toEqual(Array(2).fill(due.get('2025-03')! + due.get('2025-04')!))
    // a month whose claim holds the loan is not missed
    const feb = await db.subsidyClaim.findFirstOrThrow({ where: { programId, bankId: bprId, month: new Date('2025-02-01') }, select: { id: true } })
    const line = await db.claimLine.create({ data: { claimId: feb.id, disbursementId: loan.id, claimedAmount: 1, computedAmount: 1 }, select: { id: true } })
    expect((await missedClaimMonths(bankUser, loan)).map((r) => r.month)).toEqual(['2025-03', '2025-04', '2025-11'])
    await db.claimLine.delete({ where: { id: line.id } }) // the fixture's claim as it was
    // claims are read by who reads claims: the agency's admin as the bank; not another bank, a district officer or leadership
    signInAs(await createUser('ADMIN'))
    expect(await missedClaimMonths((await getCurrentUser())!, loan)).toHaveLength(4)
    for (const other of [await createUser('BANK_OFFICER', { bankCode: 'BANKDKI' }), await createUser('DISTRICT_OFFICER', { regencyCode: '35.17' }), await createUser('LEADERSHIP')]) {
      signInAs(other)
      expect(await missedClaimMonths((await getCurrentUser())!, loan)).toEqual([])
    }
  })

  it('a bank officer never reads another bank’s claim', async () => {
    signInAs(await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' }))
    const claim = await db.subsidyClaim.findFirstOrThrow({ where: { bankId: bprId } })
    signInAs(await createUser('BANK_OFFICER', { bankCode: 'BANKDKI' }))
    expect(await getClaim({ user: (await getCurrentUser())!, id: claim.id })).toBeNull()
  })
})

describe('bank reports per period, and what each role may read', () => {
  it('a period reported unpaid or Macet earns no subsidy; only the loan’s own bank may report it; audited', async () => {
    const loan = await db.disbursement.findFirstOrThrow({ where: { accountNumber: 'UJI-0001' }, select: { id: true } })
    const monthSubsidy = (period: number) => db.loanMonth.findUniqueOrThrow({ where: { disbursementId_period: { disbursementId: loan.id, period } } }).then((m) => ({ due: Number(m.subsidyDue), reason: m.reason }))
    expect((await monthSubsidy(5)).due).toBeGreaterThan(0)
    signInAs(await createUser('BANK_OFFICER', { bankCode: 'BANKDKI' }))
    expect(await reportInstalment(undefined, form({ disbursementId: loan.id, version: await loanVersion(loan.id), period: 5, instalmentPaid: 'unpaid', collectibility: 2 }))).toMatchObject({ ok: false, message: 'Pinjaman tidak ditemukan.' })
    signInAs(await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' }))
    expect((await reportInstalment(undefined, form({ disbursementId: loan.id, version: await loanVersion(loan.id), period: 5, instalmentPaid: 'unpaid', collectibility: 2 }))).ok).toBe(true)
    expect(await monthSubsidy(5)).toEqual({ due: 0, reason: 'NO_INSTALMENT' })
    expect((await reportInstalment(undefined, form({ disbursementId: loan.id, version: await loanVersion(loan.id), period: 6, instalmentPaid: 'paid', collectibility: 5 }))).ok).toBe(true)
    expect(await monthSubsidy(6)).toEqual({ due: 0, reason: 'COLLECTIBILITY_5' })
    expect((await monthSubsidy(7)).due).toBeGreaterThan(0) // later periods: as reported when they fall due
    expect((await reportInstalment(undefined, form({ disbursementId: loan.id, version: await loanVersion(loan.id), period: 25, instalmentPaid: 'paid', collectibility: 1 }))).errors?.period).toEqual(['Periode 1 sampai 24.'])
    expect(await db.auditLog.count({ where: { entity: 'LoanMonth', entityId: { startsWith: loan.id } } })).toBe(2)
    // put it back for the other tests
    await reportInstalment(undefined, form({ disbursementId: loan.id, version: await loanVersion(loan.id), period: 5, instalmentPaid: 'paid', collectibility: 1 }))
    await reportInstalment(undefined, form({ disbursementId: loan.id, version: await loanVersion(loan.id), period: 6, instalmentPaid: 'paid', collectibility: 1 }))
    expect((await monthSubsidy(5)).reason).toBe('DUE')
  })

  it('a bank officer reads only programmes its bank takes part in', async () => {
    const onlyBpr = await db.creditProgram.create({
      data: { code: 'UJI-BPR', scheme: 'UJI-BPR', name: 'Khusus BPR', year: 2025, creditTarget: 1, beneficiaryTarget: 1, subsidyCeiling: 1, borrowerRate: 0.03, maxPlafond: 1, maxTenorMonths: 1, banks: { create: { bankId: bprId } } },
    })
    signInAs(await createUser('BANK_OFFICER', { bankCode: 'BANKDKI' }))
    await expect(getCreditSummary({ user: (await getCurrentUser())!, filter: { programId: onlyBpr.id } })).rejects.toThrow('not-found')
    signInAs(await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' }))
    expect((await getCreditSummary({ user: (await getCurrentUser())!, filter: { programId: onlyBpr.id } })).disbursed).toBe(0)
  })

  it('a regency’s monthly subsidy paid adds up to its share in the summary', async () => {
    signInAs(await createUser('DISTRICT_OFFICER', { regencyCode: '35.17' }))
    const officer = (await getCurrentUser())!
    const filter = { programId, regencyCode: '35.17', asOf: '2025-12-31' }
    const [summary, series] = await Promise.all([getCreditSummary({ user: officer, filter }), getMonthlySeries({ user: officer, filter })])
    expect(summary.subsidyPaid).toBe(190_000) // the one paid claim's only approved line is a Jombang loan
    expect(series.reduce((a, m) => a + m.subsidyPaid, 0)).toBe(summary.subsidyPaid)
  })
})

describe('a loan recorded late across the year’s end', () => {
  it('finds its months of the next year in the claim filed under the next year’s programme of the same scheme', async () => {
    const next = await db.creditProgram.create({
      data: {
        code: 'UJI-2026', scheme: 'UJI', name: 'Program Uji 2026', year: 2026, creditTarget: 100_000_000, beneficiaryTarget: 4, subsidyCeiling: 10_000_000,
        borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, eligibleScales: ['MIKRO', 'KECIL'],
        banks: { create: [{ bankId: bprId }] },
        rates: { create: [{ bankId: bprId, effectiveFrom: new Date('2026-01-01'), rate: 0.12 }] },
      },
      select: { id: true },
    })
    const bank = await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' })
    signInAs(bank)
    const bankUser = (await getCurrentUser())!
    // a loan of June 2025 that runs into 2026, recorded in time (the test's own: it does not lean on the tests above)
    const early = await msme('35.17')
    expect(await createDisbursement(undefined, form({ programId, accountNumber: `UJI-JUN-${unique()}`.slice(0, 30), nib: early.nib, ownerNik: early.ownerNik, contractDate: '2025-06-10', plafond: '10.000.000', tenorMonths: 12, method: 'ANNUITY' }))).toMatchObject({ ok: true })
    // January 2026 is claimed under the 2026 programme: the loans of 2025 that run into it are its lines
    const january = await submitClaimFor(bankUser, { programId: next.id, month: '2026-01' }, null)
    expect(await db.claimLine.count({ where: { claimId: january } })).toBeGreaterThan(0)
    // then a 2025 loan of December is recorded: its January is due in that claim, which does not hold it
    const m = await msme('35.17')
    const account = `UJI-DES-${unique()}`.slice(0, 30)
    signInAs(bank)
    const saved = await createDisbursement(undefined, form({ programId, accountNumber: account, nib: m.nib, ownerNik: m.ownerNik, contractDate: '2025-12-10', plafond: '10.000.000', tenorMonths: 12, method: 'ANNUITY' }))
    expect(saved).toMatchObject({ ok: true })
    const loan = await db.disbursement.findUniqueOrThrow({ where: { bankId_accountNumber: { bankId: bprId, accountNumber: account } }, select: { id: true } })
    const dueJanuary = await db.loanMonth.findFirstOrThrow({ where: { disbursementId: loan.id, claimMonth: new Date('2026-01-01') }, select: { subsidyDue: true } })
    const missed = await missedClaimMonths(bankUser, { id: loan.id, bankId: bprId })
    expect(missed.filter((r) => r.month.startsWith('2026')).map((r) => [r.month, r.status, Number(r.due)])).toEqual([['2026-01', 'SUBMITTED', Number(dueJanuary.subsidyDue)]])
    // and the bank hears it as it saves
    expect(saved.data?.missedSUBMITTED?.split(',')).toContain('2026-01')
  })
})

describe('the programme list’s cards', () => {
  it('show, in one grouped query, exactly the figures of each programme’s own summary, for every role', async () => {
    // the earlier tests paid a claim: the subsidy paid and a regency's share of it are compared too
    const users = [
      await createUser('ADMIN'), await createUser('LEADERSHIP'), await createUser('DISTRICT_OFFICER', { regencyCode: '35.17' }),
      await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' }), await createUser('BANK_OFFICER', { bankCode: 'BANKDKI' }),
    ]
    for (const u of users) {
      signInAs(u)
      const user = (await getCurrentUser())!
      const regencyCode = user.role === 'DISTRICT_OFFICER' ? user.regencyCode! : undefined
      const programs = await listPrograms({ user })
      const cards = await getProgramCards({ user, programIds: programs.map((p) => p.id), regencyCode })
      const summaries = await Promise.all(programs.map((p) => getCreditSummary({ user, filter: { programId: p.id, regencyCode } })))
      const shown = (s: (typeof cards)[number]) => ({
        program: s.program, asOf: s.asOf, creditTarget: s.creditTarget, disbursed: s.disbursed, loans: s.loans, beneficiaries: s.beneficiaries, averagePlafond: s.averagePlafond,
        realisationPct: s.realisationPct, subsidyPaid: s.subsidyPaid, subsidyCeiling: s.subsidyCeiling, absorptionPct: s.absorptionPct,
      })
      expect(cards.map(shown)).toEqual(summaries.map(shown))
      if (user.role === 'ADMIN') expect(summaries.some((s) => s.subsidyPaid > 0 && s.disbursed > 0)).toBe(true)
    }
  })

  it('are each programme’s whole summary, from the same grouped query, for a regency asked for, a bank and a programme with no loans', async () => {
    // the cards and the programme page read one definition (summaryRows): every figure of it is equal, not only
    // the card's, for scopes the page does not ask for (a regency for the province roles, a bank's regency)
    const cases: [Awaited<ReturnType<typeof createUser>>, string | undefined][] = [
      [await createUser('ADMIN'), '35.17'], [await createUser('LEADERSHIP'), '35.73'], [await createUser('ADMIN'), undefined],
      [await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' }), '35.17'], [await createUser('BANK_OFFICER', { bankCode: 'BANKDKI' }), undefined],
    ]
    const all: Awaited<ReturnType<typeof getCreditSummary>>[] = []
    for (const [u, regencyCode] of cases) {
      signInAs(u)
      const user = (await getCurrentUser())!
      const programs = await listPrograms({ user })
      const cards = await getProgramCards({ user, programIds: programs.map((p) => p.id), regencyCode })
      const summaries = await Promise.all(programs.map((p) => getCreditSummary({ user, filter: { programId: p.id, regencyCode } })))
      expect(cards).toEqual(summaries)
      all.push(...summaries)
    }
    // what the comparison covered: a programme with no loans, subsidy due from the scheme's earlier loans in a
    // programme with none of its own, claims, later years' commitments (approvals are after these as-of days: 0)
    expect(all.some((s) => s.loans === 0 && s.program.code === 'UJI-BPR')).toBe(true)
    expect(all.some((s) => s.loans === 0 && s.subsidyDue > 0 && s.subsidyClaimed > 0)).toBe(true)
    expect(all.some((s) => s.loans > 0 && s.subsidyDue > 0 && s.committedLaterYears > 0)).toBe(true)
    expect(all.some((s) => s.regencyCode === '35.17' && s.subsidyPaid > 0)).toBe(true)
  })
})
