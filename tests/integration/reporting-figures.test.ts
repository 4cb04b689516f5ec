import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import type { SessionUser } from '@/lib/session-user'
import { seedReportingCatalogue } from '@/prisma/seed/reporting'
import { findReportTasks, getCompleteness, getIndicatorRealisation } from '@/lib/data/reporting'

const JOMBANG = '35.17'
const MALANG = '35.07'
const KEDIRI = '35.06'
const session = (role: SessionUser['role'], regencyCode: string | null = null): SessionUser => ({ id: 'u', username: 'u', name: 'u', role, regencyCode, bankId: null, mustChangePassword: false })
const admin = session('ADMIN')
const leader = session('LEADERSHIP')
const officer = session('DISTRICT_OFFICER', JOMBANG)

/** A report with its values, straight into the database. */
async function report(regencyCode: string, year: number, quarter: number, status: 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'APPROVED', values: Record<string, number>, firstSubmittedAt: Date | null = null) {
  await db.quarterlyReport.create({
    data: {
      regencyCode, year, quarter, status, firstSubmittedAt, submittedAt: firstSubmittedAt,
      values: { create: Object.entries(values).map(([indicatorCode, value]) => ({ indicatorCode, value })) },
    },
  })
}

beforeAll(async () => {
  await seedReportingCatalogue(db)
  // Triwulan I 2026: Jombang 347/296 (85,30%), Malang 100/50 (50%); Kediri's report is only submitted
  await report(JOMBANG, 2026, 1, 'APPROVED', { KOP_TERDAFTAR: 347, KOP_AKTIF: 296, IUMK_TERBIT: 6952 }, new Date('2026-04-10T03:00:00Z'))
  await report(MALANG, 2026, 1, 'APPROVED', { KOP_TERDAFTAR: 100, KOP_AKTIF: 50, IUMK_TERBIT: 1000 }, new Date('2026-04-15T16:59:00Z'))
  await report(KEDIRI, 2026, 1, 'SUBMITTED', { KOP_TERDAFTAR: 5000, KOP_AKTIF: 10, IUMK_TERBIT: 99999 }, new Date('2026-04-16T01:00:00Z'))
  // Triwulan II 2026: Jombang only, 350/300 and more permits
  await report(JOMBANG, 2026, 2, 'APPROVED', { KOP_TERDAFTAR: 350, KOP_AKTIF: 300, IUMK_TERBIT: 43950 }, new Date('2026-07-20T03:00:00Z'))
  await report(MALANG, 2026, 2, 'DRAFT', { KOP_TERDAFTAR: 101 })
  await db.indicatorTarget.createMany({
    data: [
      { indicatorCode: 'KOP_AKTIF_PCT', year: 2026, quarter: 0, regencyCode: null, value: 80 },
      { indicatorCode: 'KOP_AKTIF_PCT', year: 2026, quarter: 0, regencyCode: JOMBANG, value: 86 },
      { indicatorCode: 'IUMK_TERBIT', year: 2026, quarter: 0, regencyCode: JOMBANG, value: 50902 },
      { indicatorCode: 'IUMK_TERBIT', year: 2026, quarter: 0, regencyCode: MALANG, value: 4000 },
      { indicatorCode: 'IUMK_TERBIT', year: 2026, quarter: 1, regencyCode: JOMBANG, value: 10000 },
    ],
  })
  await db.provinceIndicatorValue.createMany({
    data: [
      { indicatorCode: 'PDRB_KUMKM', year: 2024, quarter: 2, value: 60.43 },
      { indicatorCode: 'PDRB_KUMKM', year: 2023, quarter: 4, value: 59.18 },
    ],
  })
  await db.indicatorTarget.create({ data: { indicatorCode: 'PDRB_KUMKM', year: 2024, quarter: 0, regencyCode: null, value: 60 } })
})

describe('realisation against target', () => {
  it('recomputes the province ratio from summed parts, never averaging percentages', async () => {
    const r = (await getIndicatorRealisation({ user: admin, indicatorCode: 'KOP_AKTIF_PCT', year: 2026 }))!
    expect(r.province.quarters[1]).toMatchObject({ numerator: 346, denominator: 447, value: 77.4 }) // not (85,30 + 50) / 2
    // the province's figure says how many regencies' approved reports it holds (a quarter few have had approved reads as a fall)
    expect(r.province.quarters[1].reporting).toBe(2)
    expect(r.province.quarters[3].reporting).toBe(0)
    const jombang = r.regencies.find((g) => g.code === JOMBANG)!
    const malang = r.regencies.find((g) => g.code === MALANG)!
    expect(jombang.quarters[1].value).toBe(85.3)
    expect(malang.quarters[1].value).toBe(50)
    // a stock's year is its latest approved quarter: Jombang Q2 300/350, Malang Q1 50/100
    // achievement from the exact ratio: 300/350 = 85,714…% of 86 is 99,67 % (from the shown 85,71 it was 99,66)
    expect(jombang.year).toMatchObject({ value: 85.71, target: 86, achievement: 99.67 })
    // 350/450 = 77,777…% of 80 is 97,22 % (from the shown 77,78 it was 97,23)
    expect(r.province.year).toMatchObject({ numerator: 350, denominator: 450, value: 77.78, target: 80, achievement: 97.22 })
    expect(r.regencies).toHaveLength(38)
  })

  it('sums a flow over regencies and quarters, from approved reports only, with targets', async () => {
    const r = (await getIndicatorRealisation({ user: leader, indicatorCode: 'IUMK_TERBIT', year: 2026 }))!
    expect(r.province.quarters[1].value).toBe(7952) // Kediri's submitted 99.999 is not counted
    expect(r.province.quarters[2].value).toBe(43950)
    expect(r.province.year.value).toBe(51902)
    // no province target of its own: the sum of the regencies' targets
    expect(r.province.year.target).toBe(54902)
    const jombang = r.regencies.find((g) => g.code === JOMBANG)!
    expect(jombang.year).toMatchObject({ value: 50902, target: 50902, achievement: 100 })
    expect(jombang.quarters[1]).toMatchObject({ value: 6952, target: 10000, achievement: 69.52 })
    expect(r.regencies.find((g) => g.code === KEDIRI)!.quarters[1].value).toBeNull()
  })

  it('shows a district officer its own regency and the province totals', async () => {
    const r = (await getIndicatorRealisation({ user: officer, indicatorCode: 'KOP_AKTIF_PCT', year: 2026 }))!
    expect(r.regencies.map((g) => g.code)).toEqual([JOMBANG])
    expect(r.province.quarters[1].value).toBe(77.4)
    expect(await getIndicatorRealisation({ user: officer, indicatorCode: 'KOP_AKTIF_PCT', year: 2026, regencyCode: MALANG })).toBeNull()
    const one = (await getIndicatorRealisation({ user: admin, indicatorCode: 'KOP_AKTIF_PCT', year: 2026, regencyCode: MALANG }))!
    expect(one.regencies.map((g) => g.code)).toEqual([MALANG])
  })

  it('reads a province-level indicator from its own figures', async () => {
    const r = (await getIndicatorRealisation({ user: admin, indicatorCode: 'PDRB_KUMKM', year: 2024 }))!
    expect(r.regencies).toEqual([])
    expect(r.province.quarters[2].value).toBe(60.43)
    expect(r.province.year).toMatchObject({ value: 60.43, target: 60, achievement: 100.72 })
    expect((await getIndicatorRealisation({ user: admin, indicatorCode: 'PDRB_KUMKM', year: 2023 }))!.province.year.value).toBe(59.18)
  })

  it('refuses a role without reports.read', async () => {
    await expect(getIndicatorRealisation({ user: session('BANK_OFFICER'), indicatorCode: 'KOP_AKTIF', year: 2026 })).rejects.toThrow('forbidden')
  })
})

describe('completeness and timeliness', () => {
  const now = new Date('2026-11-21T03:00:00Z')

  it('grids every regency by quarter with status and timeliness (deadline end of day WIB)', async () => {
    const c = await getCompleteness({ user: admin, year: 2026, now })
    expect(c.regencies).toHaveLength(38)
    const cell = (code: string, q: number) => c.regencies.find((g) => g.code === code)!.quarters[q - 1]
    expect(cell(JOMBANG, 1)).toMatchObject({ status: 'APPROVED', timeliness: 'ON_TIME' })
    expect(cell(MALANG, 1)).toMatchObject({ status: 'APPROVED', timeliness: 'ON_TIME' }) // 15 April 23.59 WIB
    expect(cell(KEDIRI, 1)).toMatchObject({ status: 'SUBMITTED', timeliness: 'LATE' }) // 16 April 08.00 WIB
    expect(cell(JOMBANG, 2)).toMatchObject({ status: 'APPROVED', timeliness: 'LATE' }) // 20 July, deadline 15 July
    expect(cell(MALANG, 2)).toMatchObject({ status: 'DRAFT', timeliness: 'OVERDUE' })
    expect(cell(KEDIRI, 3)).toMatchObject({ status: 'NOT_STARTED', timeliness: 'OVERDUE' })
    expect(cell(KEDIRI, 4)).toMatchObject({ status: 'NOT_STARTED', timeliness: 'PENDING' })
  })

  it('computes the rates per quarter for the province', async () => {
    const c = await getCompleteness({ user: officer, year: 2026, now })
    expect(c.regencies.map((g) => g.code)).toEqual([JOMBANG])
    expect(c.quarters[0]).toMatchObject({ quarter: 1, deadline: '2026-04-15', regencies: 38, submitted: 3, onTime: 2, late: 1, approved: 2, awaiting: 1, notStarted: 35, completeness: 7.89, timeliness: 5.26, pastDeadline: true })
    expect(c.quarters[1]).toMatchObject({ submitted: 1, onTime: 0, late: 1, draft: 1 })
    expect(c.quarters[3]).toMatchObject({ deadline: '2027-01-15', submitted: 0, pastDeadline: false })
  })
})

describe('what a district officer’s regency owes, for the overview', () => {
  it('lists the last three quarters not yet sent (late past their deadline) and every report returned, its own regency only', async () => {
    // 20 August 2026: Triwulan III is running, II and I are past their deadlines
    const now = new Date('2026-08-20T03:00:00Z')
    await report(MALANG, 2025, 4, 'RETURNED', { KOP_TERDAFTAR: 99 }, new Date('2026-01-10T03:00:00Z'))
    const malang = session('DISTRICT_OFFICER', MALANG)
    expect(await findReportTasks({ user: malang, now })).toEqual([
      { year: 2025, quarter: 4, deadline: null, status: 'RETURNED', late: false },
      { year: 2026, quarter: 2, deadline: '2026-07-15', status: 'DRAFT', late: true },
      { year: 2026, quarter: 3, deadline: '2026-10-15', status: 'NOT_STARTED', late: false },
    ])
    // Jombang sent I and II: only the running quarter is left
    expect(await findReportTasks({ user: officer, now })).toEqual([{ year: 2026, quarter: 3, deadline: '2026-10-15', status: 'NOT_STARTED', late: false }])
    expect(await findReportTasks({ user: admin, now })).toEqual([])
  })
})
