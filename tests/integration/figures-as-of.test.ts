import { beforeAll, describe, expect, it } from 'vitest'
import { signInAs } from '../support/session-mock'
import { createUser } from '../support/factories'
import { db } from '@/lib/db'
import { getCreditSummary } from '@/lib/data/credit'
import { getRegisterFigures } from '@/lib/data/dashboard'
import { getCompleteness } from '@/lib/data/reporting'
import { asOfInstant } from '@/lib/reporting/periods'
import { getCurrentUser } from '@/lib/session'
import type { SessionUser } from '@/lib/session-user'

/**
 * Figures that do not mislead: a regency's subsidy against its share of the ceiling, deadlines judged
 * at the as-of day, and "no data" for a year that has none rather than a change from zero.
 * Regency 35.05 (Blitar) is used by no other test file.
 */
let leader: SessionUser

beforeAll(async () => {
  signInAs(await createUser('LEADERSHIP'))
  leader = (await getCurrentUser())!
})

describe('a regency’s subsidy', () => {
  it('is compared with its share of the ceiling, pro rata to its credit allocation', async () => {
    const program = await db.creditProgram.create({
      data: {
        code: 'PAGU-2026', scheme: 'PAGU', name: 'Program Pagu 2026', year: 2026, creditTarget: 200_000_000, beneficiaryTarget: 4, subsidyCeiling: 10_000_000,
        borrowerRate: 0.03, maxPlafond: 25_000_000, maxTenorMonths: 24, allocations: { create: [{ regencyCode: '35.05', creditTarget: 50_000_000 }] },
      },
    })
    const province = await getCreditSummary({ user: leader, filter: { programId: program.id, asOf: '2026-12-31' } })
    expect(province).toMatchObject({ subsidyCeiling: 10_000_000, ceilingBasis: 'PROVINCE' })
    const regency = await getCreditSummary({ user: leader, filter: { programId: program.id, regencyCode: '35.05', asOf: '2026-12-31' } })
    // 50 of 200 million of credit: a quarter of the ceiling
    expect(regency).toMatchObject({ subsidyCeiling: 2_500_000, provinceCeiling: 10_000_000, ceilingBasis: 'REGENCY_SHARE', creditTarget: 50_000_000 })
  })
})

describe('deadlines as of a day', () => {
  it('as of 31 August 2024, Triwulan III and IV are not late yet, and a later submission has not happened', async () => {
    await db.quarterlyReport.create({
      data: { regencyCode: '35.05', year: 2024, quarter: 3, status: 'SUBMITTED', submittedAt: new Date('2024-10-05T03:00:00Z'), firstSubmittedAt: new Date('2024-10-05T03:00:00Z') },
    })
    const then = await getCompleteness({ user: leader, year: 2024, now: asOfInstant('2024-08-31') })
    const blitar = then.regencies.find((r) => r.code === '35.05')!
    expect(blitar.quarters.map((q) => q.timeliness)).toEqual(['OVERDUE', 'OVERDUE', 'PENDING', 'PENDING'])
    expect(then.quarters.find((q) => q.quarter === 3)!.submitted).toBe(0)
    const now = await getCompleteness({ user: leader, year: 2024, now: new Date('2026-12-02T00:00:00Z') })
    expect(now.regencies.find((r) => r.code === '35.05')!.quarters.map((q) => q.timeliness)).toEqual(['OVERDUE', 'OVERDUE', 'ON_TIME', 'OVERDUE'])
    expect(now.quarters.find((q) => q.quarter === 3)!.submitted).toBeGreaterThanOrEqual(1)
  })

  it('the as-of instant is the end of that day in WIB, or now while the day lasts', () => {
    expect(asOfInstant('2024-08-31', new Date('2026-12-02T00:00:00Z')).toISOString()).toBe('2024-08-31T17:00:00.000Z')
    expect(asOfInstant('2026-12-02', new Date('2026-12-02T03:00:00Z')).toISOString()).toBe('2026-12-02T03:00:00.000Z')
  })
})

describe('a comparison with a year that has no data', () => {
  it('gives no figure for last year when no KSP had been assessed by then', async () => {
    const coop = await db.cooperative.create({ data: { nik: '3505000000000101', name: 'KSP Sehat Blitar', type: 'SIMPAN_PINJAM', regencyCode: '35.05' } })
    await db.healthAssessment.create({
      data: { cooperativeId: coop.id, assessedOn: new Date('2024-06-01'), assessor: 'Dinas', governanceScore: 90, riskProfileScore: 90, financialScore: 90, capitalScore: 90, totalScore: 90, outcome: 'SEHAT' },
    })
    const firstYear = await getRegisterFigures({ user: leader, regencyCode: '35.05', asOf: '2024-08-31', year: 2024 })
    expect(firstYear!.cooperatives).toMatchObject({ healthyKsp: 1, healthyKspLastYear: null })
    const nextYear = await getRegisterFigures({ user: leader, regencyCode: '35.05', asOf: '2025-08-31', year: 2025 })
    expect(nextYear!.cooperatives).toMatchObject({ healthyKsp: 1, healthyKspLastYear: 1 })
  })
})

describe('an impossible date in a URL', () => {
  it('is refused with 400 and a message, not rolled over nor a 500', async () => {
    const { GET } = await import('@/app/api/dasbor/ekspor/[dataset]/route')
    const call = (query: string) => GET(new Request(`http://localhost/api/dasbor/ekspor/ringkasan?${query}`), { params: Promise.resolve({ dataset: 'ringkasan' }) })
    const bad = await call('asOf=2026-02-30')
    expect(bad.status).toBe(400)
    expect((await bad.json()).error).toMatch(/^Tanggal tidak valid pada asOf: 2026-02-30/)
    expect((await call('asOf=0000-00-00')).status).toBe(400)
    const { GET: disbursements } = await import('@/app/api/kredit/penyaluran/ekspor/route')
    expect((await disbursements(new Request('http://localhost/api/kredit/penyaluran/ekspor?from=2026-02-31'), {})).status).toBe(400)
  })
})
