import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import type { SessionUser } from '@/lib/session-user'
import { AppError } from '@/lib/errors'
import { seedReportingCatalogue } from '@/prisma/seed/reporting'
import { getCreditBreakdown, getDashboardRegency, getRegisterFigures, getSameDateLastYear, resolveDashboardFilter } from '@/lib/data/dashboard'
import { dashboardFilterSchema } from '@/lib/validations/dashboard'

/**
 * The dashboard's own aggregates against hand-made data: two programme years of one scheme, two
 * banks, two regencies, borrowers of known KBLI codes and scales, cooperatives with dated health
 * assessments. Every expected number below is worked out by hand from these rows.
 */
const JOMBANG = '35.17'
const MALANG = '35.07'
let jatim = ''
let dki = ''
let program2025 = ''
const session = (role: SessionUser['role'], extra: Partial<SessionUser> = {}): SessionUser => ({ id: 'u', username: 'u', name: 'u', role, regencyCode: null, bankId: null, mustChangePassword: false, ...extra })
const admin = session('ADMIN')
const leader = session('LEADERSHIP')
let bankOfficer: SessionUser
const officer = session('DISTRICT_OFFICER', { regencyCode: JOMBANG })

let seq = 0
async function msme(regencyCode: string, kbli: string, scale: 'MIKRO' | 'KECIL' | 'MENENGAH') {
  seq++
  return db.msme.create({
    data: {
      nib: String(9_100_000_000_000 + seq), businessName: `Usaha ${seq}`, ownerName: `Pemilik ${seq}`, ownerNik: String(3_517_000_000_000_000 + seq),
      ownerGender: 'P', kbli, regencyCode, computedScale: scale,
    },
    select: { id: true },
  })
}

async function program(year: number, creditTarget: number) {
  return db.creditProgram.create({
    data: {
      code: `UJI-${year}`, scheme: 'UJI', name: `Program Uji ${year}`, year, creditTarget, beneficiaryTarget: 10, subsidyCeiling: 1_000_000_000,
      borrowerRate: 0.03, maxPlafond: 50_000_000, maxTenorMonths: 24, eligibleScales: ['MIKRO', 'KECIL', 'MENENGAH'],
      banks: { create: [{ bankId: jatim }, { bankId: dki }] },
    },
    select: { id: true },
  })
}

let loan = 0
async function disburse(programId: string, bankId: string, msmeId: string, regencyCode: string, date: string, plafond: number) {
  loan++
  await db.disbursement.create({
    data: { programId, bankId, accountNumber: `UJI${loan}`, msmeId, regencyCode, contractDate: new Date(date), plafond, tenorMonths: 12, bankRate: 0.14, borrowerRate: 0.03 },
  })
}

beforeAll(async () => {
  jatim = (await db.bank.findUniqueOrThrow({ where: { code: 'BPRJATIM' }, select: { id: true } })).id
  dki = (await db.bank.findUniqueOrThrow({ where: { code: 'BANKDKI' }, select: { id: true } })).id
  bankOfficer = session('BANK_OFFICER', { bankId: jatim })
  const p2024 = await program(2024, 100_000_000)
  const p2025 = await program(2025, 200_000_000)
  program2025 = p2025.id
  // borrowers: Jombang a warung (I, micro) and a bakery (C, small); Malang a shop (G, micro) and a rice farm (A, medium)
  const warung = await msme(JOMBANG, '56102', 'MIKRO')
  const roti = await msme(JOMBANG, '10792', 'KECIL')
  const toko = await msme(MALANG, '47111', 'MIKRO')
  const padi = await msme(MALANG, '01131', 'MENENGAH')
  const unknown = await msme(MALANG, '00999', 'MIKRO') // a division no section has
  await disburse(p2025.id, jatim, warung.id, JOMBANG, '2025-02-10', 10_000_000)
  await disburse(p2025.id, jatim, warung.id, JOMBANG, '2025-05-10', 5_000_000) // the same borrower again: one beneficiary
  await disburse(p2025.id, dki, roti.id, JOMBANG, '2025-03-01', 20_000_000)
  await disburse(p2025.id, jatim, toko.id, MALANG, '2025-04-01', 40_000_000)
  await disburse(p2025.id, dki, padi.id, MALANG, '2025-06-30', 25_000_000)
  await disburse(p2025.id, jatim, unknown.id, MALANG, '2025-07-01', 1_000_000) // after 30 June
  // last year: on 30 June 2024, 30 jt in Jombang (a later loan in July does not count)
  await disburse(p2024.id, jatim, toko.id, JOMBANG, '2024-01-15', 30_000_000)
  await disburse(p2024.id, jatim, padi.id, JOMBANG, '2024-07-15', 50_000_000)

  // cooperatives: Jombang 3 (2 active; 2 KSP, one SEHAT now but not a year ago), Malang 1 active KSP SEHAT since 2023
  const coop = async (nik: string, regencyCode: string, type: 'SIMPAN_PINJAM' | 'KONSUMEN', active: boolean, assessments: [string, 'SEHAT' | 'CUKUP_SEHAT' | 'DALAM_PENGAWASAN'][]) =>
    db.cooperative.create({
      data: {
        nik, name: `Koperasi ${nik}`, type, regencyCode, active,
        assessments: { create: assessments.map(([on, outcome]) => ({ assessedOn: new Date(on), assessor: 'Tim', governanceScore: 80, riskProfileScore: 80, financialScore: 80, capitalScore: 80, totalScore: 80, outcome })) },
      },
    })
  await coop('3517000000000001', JOMBANG, 'SIMPAN_PINJAM', true, [['2024-03-01', 'CUKUP_SEHAT'], ['2025-03-01', 'SEHAT']])
  await coop('3517000000000002', JOMBANG, 'SIMPAN_PINJAM', true, [['2024-03-01', 'SEHAT'], ['2025-04-01', 'DALAM_PENGAWASAN']])
  await coop('3517000000000003', JOMBANG, 'KONSUMEN', false, [])
  await coop('3507000000000001', MALANG, 'SIMPAN_PINJAM', true, [['2023-05-01', 'SEHAT']])
  await seedReportingCatalogue(db)
  await db.indicatorTarget.createMany({
    data: [
      { indicatorCode: 'KSP_SEHAT', year: 2025, quarter: 0, regencyCode: JOMBANG, value: 3 },
      { indicatorCode: 'KSP_SEHAT', year: 2025, quarter: 0, regencyCode: MALANG, value: 2 },
      { indicatorCode: 'KOP_AKTIF_PCT', year: 2025, quarter: 0, regencyCode: null, value: 80 },
    ],
  })
})

const asOf = '2025-06-30'
const filter = () => ({ programId: program2025, asOf })

describe('credit by bank, KBLI section and scale', () => {
  it('groups by bank with distinct beneficiaries and shares of the total', async () => {
    const rows = await getCreditBreakdown({ user: leader, filter: filter(), by: 'bank' })
    // to 30 June: Jatim 10 + 5 + 40 = 55 jt (2 borrowers), DKI 20 + 25 = 45 jt
    expect(rows).toEqual([
      { key: jatim, label: 'BPR Jatim', loans: 3, beneficiaries: 2, disbursed: 55_000_000, sharePct: 55 },
      { key: dki, label: 'Bank DKI', loans: 2, beneficiaries: 2, disbursed: 45_000_000, sharePct: 45 },
    ])
  })

  it('maps KBLI codes to their 2020 sections in SQL, an unknown division as `?`', async () => {
    const rows = await getCreditBreakdown({ user: admin, filter: { programId: program2025, asOf: '2025-12-31' }, by: 'kbli' })
    expect(rows.map((r) => [r.key, r.disbursed, r.beneficiaries])).toEqual([
      ['G', 40_000_000, 1],
      ['A', 25_000_000, 1],
      ['C', 20_000_000, 1],
      ['I', 15_000_000, 1],
      ['?', 1_000_000, 1],
    ])
    expect(rows.reduce((a, r) => a + (r.sharePct ?? 0), 0)).toBeCloseTo(100, 1)
  })

  it('orders scales micro → medium', async () => {
    const rows = await getCreditBreakdown({ user: admin, filter: filter(), by: 'scale' })
    expect(rows.map((r) => [r.key, r.disbursed, r.loans])).toEqual([['MIKRO', 55_000_000, 3], ['KECIL', 20_000_000, 1], ['MENENGAH', 25_000_000, 1]])
  })

  it("limits a bank officer to its own bank's loans, whatever bank it asks for", async () => {
    const rows = await getCreditBreakdown({ user: bankOfficer, filter: { ...filter(), bankId: dki }, by: 'scale' })
    expect(rows.map((r) => [r.key, r.disbursed])).toEqual([['MIKRO', 55_000_000]])
    const banks = await getCreditBreakdown({ user: bankOfficer, filter: filter(), by: 'bank' })
    expect(banks.map((b) => b.key)).toEqual([jatim])
  })

  it('gives a district officer its own regency or the province, never another regency', async () => {
    await expect(getCreditBreakdown({ user: officer, filter: { ...filter(), regencyCode: MALANG }, by: 'bank' })).rejects.toSatisfy((e) => e instanceof AppError && e.code === 'FORBIDDEN')
    const own = await getCreditBreakdown({ user: officer, filter: { ...filter(), regencyCode: JOMBANG }, by: 'kbli' })
    expect(own.map((r) => [r.key, r.disbursed])).toEqual([['C', 20_000_000], ['I', 15_000_000]])
    const province = await getCreditBreakdown({ user: officer, filter: filter(), by: 'bank' })
    expect(province.reduce((a, r) => a + r.disbursed, 0)).toBe(100_000_000)
  })
})

describe('the same date last year', () => {
  it("reads the scheme's previous year on the same day and month, same regency", async () => {
    const last = (await getSameDateLastYear({ user: admin, filter: { ...filter(), regencyCode: JOMBANG } }))!
    expect(last.program.year).toBe(2024)
    expect(last.asOf).toBe('2024-06-30')
    expect(last.disbursed).toBe(30_000_000)
    expect(last.beneficiaries).toBe(1)
  })

  it('has none for the first year of a scheme', async () => {
    const p2024 = await db.creditProgram.findUniqueOrThrow({ where: { code: 'UJI-2024' }, select: { id: true } })
    expect(await getSameDateLastYear({ user: admin, filter: { programId: p2024.id, asOf: '2024-06-30' } })).toBeNull()
  })

  it("keeps a bank officer's comparison to its bank", async () => {
    const last = (await getSameDateLastYear({ user: bankOfficer, filter: { ...filter(), bankId: dki } }))!
    expect(last.bankId).toBe(jatim)
    expect(last.disbursed).toBe(30_000_000)
  })
})

describe('registers in numbers', () => {
  it('counts active cooperatives and KSP whose latest assessment by the day is SEHAT, then and a year earlier', async () => {
    const r = (await getRegisterFigures({ user: leader, asOf, year: 2025 }))!
    expect(r.cooperatives).toMatchObject({ registered: 4, active: 3, activePct: 75, ksp: 3, assessedKsp: 3, activePctTarget: 80, healthyKspTarget: 5 })
    // now: Jombang #1 (SEHAT 2025) and Malang; a year earlier: Jombang #2 (SEHAT 2024) and Malang
    expect(r.cooperatives.healthyKsp).toBe(2)
    expect(r.cooperatives.healthyKspLastYear).toBe(2)
    const jombang = (await getRegisterFigures({ user: officer, regencyCode: JOMBANG, asOf, year: 2025 }))!
    expect(jombang.cooperatives).toMatchObject({ registered: 3, active: 2, healthyKsp: 1, healthyKspLastYear: 1, healthyKspTarget: 3, activePctTarget: null })
    expect(jombang.msmes).toMatchObject({ total: 2, mikro: 1, kecil: 1 })
  })

  it('counts a cooperative from its legal entity date: on an earlier day it was not registered yet', async () => {
    const late = await db.cooperative.create({ data: { nik: '3517000000000009', name: 'Koperasi Berbadan Hukum September', type: 'KONSUMEN', regencyCode: JOMBANG, active: true, legalEntityDate: new Date('2025-09-01') }, select: { id: true } })
    try {
      expect((await getRegisterFigures({ user: officer, regencyCode: JOMBANG, asOf, year: 2025 }))!.cooperatives).toMatchObject({ registered: 3, active: 2 })
      expect((await getRegisterFigures({ user: officer, regencyCode: JOMBANG, asOf: '2025-09-01', year: 2025 }))!.cooperatives).toMatchObject({ registered: 4, active: 3 })
    } finally {
      await db.cooperative.delete({ where: { id: late.id } })
    }
  })

  it('refuses another regency to a district officer and the registers to a bank officer', async () => {
    await expect(getRegisterFigures({ user: officer, regencyCode: MALANG, asOf, year: 2025 })).rejects.toSatisfy((e) => e instanceof AppError && e.code === 'FORBIDDEN')
    expect(await getRegisterFigures({ user: bankOfficer, asOf, year: 2025 })).toBeNull()
  })
})

describe('filters and the regency page', () => {
  it('finds the programme by code, defaults to the newest begun, and pins scope', async () => {
    const now = new Date('2025-08-01T00:00:00Z')
    const byCode = await resolveDashboardFilter({ user: leader, params: { program: 'UJI-2024', asOf: '2024-08-31' }, now })
    expect(byCode.program?.code).toBe('UJI-2024')
    expect(byCode.filter?.asOf).toBe('2024-08-31')
    const byDefault = await resolveDashboardFilter({ user: leader, params: {}, now })
    expect(byDefault.program?.code).toBe('UJI-2025')
    expect(byDefault.filter?.asOf).toBe('2025-08-01')
    const bank = await resolveDashboardFilter({ user: bankOfficer, params: { bank: dki }, now })
    expect(bank.filter?.bankId).toBe(jatim)
    await expect(resolveDashboardFilter({ user: officer, params: { regency: MALANG }, now })).rejects.toSatisfy((e) => e instanceof AppError && e.code === 'FORBIDDEN')
  })

  it('caps the day to today, and refuses a bank or regency that is none; a bank left from another programme reads all banks', async () => {
    const now = new Date('2025-08-01T00:00:00Z')
    // a day that has not come is today; a day after an earlier programme's year stays (its December is paid in the next year)
    expect((await resolveDashboardFilter({ user: leader, params: { program: 'UJI-2025', asOf: '2030-01-01' }, now })).filter?.asOf).toBe('2025-08-01')
    expect((await resolveDashboardFilter({ user: leader, params: { program: 'UJI-2024', asOf: '2025-03-31' }, now })).filter?.asOf).toBe('2025-03-31')
    expect((await resolveDashboardFilter({ user: leader, params: { program: 'UJI-2025', asOf: '2025-07-31' }, now })).filter?.asOf).toBe('2025-07-31')
    // and says why the day moved, for the filter form's note (the API's `as_of_adjusted`, one rule)
    const moved = async (program: string, asOf: string) => (await resolveDashboardFilter({ user: leader, params: { program, asOf }, now })).asOfAdjusted
    expect(await moved('UJI-2025', '2030-01-01')).toBe('future')
    expect(await moved('UJI-2025', '2024-06-30')).toBe('before_programme_year')
    expect(await moved('UJI-2025', '2025-07-31')).toBeNull()
    expect(await moved('UJI-2024', '2025-03-31')).toBeNull()
    // a bank of the programme is read by bank
    expect((await resolveDashboardFilter({ user: leader, params: { program: 'UJI-2025', bank: dki }, now })).filter?.bankId).toBe(dki)
    // a bank that lends in another programme only (the programme picker changed, the bank kept): all banks
    const outsider = (await db.bank.create({ data: { code: 'UJILUAR', name: 'Bank Uji Luar', shortName: 'Uji Luar' }, select: { id: true } })).id
    expect((await resolveDashboardFilter({ user: leader, params: { program: 'UJI-2025', bank: outsider }, now })).filter?.bankId).toBeUndefined()
    // an id that is no bank is not found; the API's scope (no picker) refuses a bank the programme has not
    await expect(resolveDashboardFilter({ user: leader, params: { program: 'UJI-2025', bank: 'zzz' }, now })).rejects.toSatisfy((e) => e instanceof AppError && e.code === 'NOT_FOUND')
    await expect(getCreditBreakdown({ user: leader, filter: { programId: program2025, bankId: outsider }, by: 'bank' })).rejects.toSatisfy((e) => e instanceof AppError && e.code === 'NOT_FOUND')
    await expect(resolveDashboardFilter({ user: leader, params: { program: 'UJI-2025', regency: '99.99' }, now })).rejects.toSatisfy((e) => e instanceof AppError && e.code === 'NOT_FOUND')
    expect((await resolveDashboardFilter({ user: leader, params: { program: 'UJI-2025', regency: MALANG }, now })).filter?.regencyCode).toBe(MALANG)
  })

  it('opens a district officer on its own regency and everyone else on the province; `all` (or an older link’s empty regency=) is the province', async () => {
    const now = new Date('2025-08-01T00:00:00Z')
    const read = async (user: SessionUser, url: Record<string, string>) => (await resolveDashboardFilter({ user, params: dashboardFilterSchema.parse({ program: 'UJI-2025', ...url }), now })).filter?.regencyCode
    expect(await read(officer, {})).toBe(JOMBANG)
    expect(await read(officer, { regency: 'all' })).toBeUndefined()
    expect(await read(officer, { regency: '' })).toBeUndefined()
    expect(await read(officer, { regency: JOMBANG })).toBe(JOMBANG)
    expect(await read(leader, {})).toBeUndefined()
    expect(await read(leader, { regency: 'all' })).toBeUndefined()
    expect(await read(bankOfficer, {})).toBeUndefined()
  })

  it('refuses another regency page to a district officer', async () => {
    await expect(getDashboardRegency({ user: officer, code: MALANG })).rejects.toSatisfy((e) => e instanceof AppError && e.code === 'FORBIDDEN')
    expect(await getDashboardRegency({ user: officer, code: JOMBANG })).toEqual({ code: JOMBANG, name: 'Kabupaten Jombang' })
    expect(await getDashboardRegency({ user: leader, code: '31.71' })).toBeNull() // another province
  })
})
