import { beforeAll, describe, expect, it } from 'vitest'
import { signInAs } from '../support/session-mock'
import { createUser } from '../support/factories'
import { db } from '@/lib/db'
import { createPrismaClient } from '@/lib/prisma-client'
import { getCreditSummary } from '@/lib/data/credit'
import { formatPercent, formatRupiah, formatRupiahShort } from '@/lib/format'
import { getCurrentUser } from '@/lib/session'
import { seedCredit } from '../../prisma/seed/credit'
import { recomputeLoanMonths } from '@/lib/credit/loan-months'
import { rollupDifferences } from '../support/rollups'

/** The demo data must reproduce the source documents' figures exactly (seed 000, Rakor 18 September 2024). */
describe('Prokesra worked cases in the demo data', () => {
  beforeAll(async () => {
    const seedDb = createPrismaClient(process.env.DATABASE_URL!)
    await seedCredit(seedDb, '35')
    await seedDb.$disconnect()
  }, 600_000)

  const program = (code: string) => db.creditProgram.findUniqueOrThrow({ where: { code }, select: { id: true } })

  it('Prokesra 2023: Rp360,4 miliar = 101,26% of target, 10.971 UMK (to 29 December 2023)', async () => {
    signInAs(await createUser('LEADERSHIP'))
    const s = await getCreditSummary({ user: (await getCurrentUser())!, filter: { programId: (await program('PROKESRA-2023')).id, asOf: '2023-12-29' } })
    expect(s.disbursed).toBe(360_400_000_000)
    expect(formatRupiahShort(s.disbursed)).toBe('Rp360,4 miliar')
    expect(formatPercent(s.realisationPct)).toBe('101,26%')
    expect(s.beneficiaries).toBe(10_971)
  })

  it('Prokesra 2024 at 31 August 2024: Rp53.019.249.400 to 2.743 UMK, 26,5% of Rp200 miliar; Rp17,94 miliar paid = 57,8% of the ceiling', async () => {
    signInAs(await createUser('LEADERSHIP'))
    const s = await getCreditSummary({ user: (await getCurrentUser())!, filter: { programId: (await program('PROKESRA-2024')).id, asOf: '2024-08-31' } })
    expect(formatRupiah(s.disbursed)).toBe('Rp53.019.249.400')
    expect(s.beneficiaries).toBe(2_743)
    expect(formatRupiahShort(s.creditTarget)).toBe('Rp200 miliar')
    expect(formatPercent(s.realisationPct, { decimals: 1 })).toBe('26,5%')
    expect(s.subsidyPaid).toBe(17_940_000_000)
    expect(formatRupiahShort(s.subsidyPaid)).toBe('Rp17,94 miliar')
    expect(formatPercent(s.absorptionPct, { decimals: 1 })).toBe('57,8%')
    // a day later the rest of the July claim is paid and loans keep coming: the as-of date matters
    const later = await getCreditSummary({ user: (await getCurrentUser())!, filter: { programId: (await program('PROKESRA-2024')).id, asOf: '2024-12-31' } })
    expect(later.disbursed).toBeGreaterThan(s.disbursed)
    expect(later.subsidyPaid).toBeGreaterThan(s.subsidyPaid)
    expect(later.subsidyPaid).toBeLessThanOrEqual(later.subsidyCeiling)
  })

  it('the bank officer of PT BPR Jatim sees the same programme totals; of Bank DKI, not the programme at all', async () => {
    const p = (await program('PROKESRA-2023')).id
    signInAs(await createUser('BANK_OFFICER', { bankCode: 'BPRJATIM' }))
    expect((await getCreditSummary({ user: (await getCurrentUser())!, filter: { programId: p, asOf: '2023-12-31' } })).disbursed).toBe(360_400_000_000)
    signInAs(await createUser('BANK_OFFICER', { bankCode: 'BANKDKI' }))
    await expect(getCreditSummary({ user: (await getCurrentUser())!, filter: { programId: p, asOf: '2023-12-31' } })).rejects.toThrow('not-found')
  })

  it('leaves figure roll-ups equal to the base tables after its bulk load (triggers off, one rebuild)', async () => {
    expect(await rollupDifferences()).toEqual({ credit: 0, subsidy: 0, subsidyMonthly: 0, claims: 0 })
    expect((await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM credit_daily`)[0].n).toBeGreaterThan(0)
  }, 180_000) // recomputing every roll-up from 623.568 periods and 503.105 claim lines, on a shared machine

  it('stores every loan period exactly as recomputeLoanMonths computes it (the seed computes them in memory and writes them with COPY)', async () => {
    // every written-off loan, every loan with a missed instalment, and one loan in 40 of the rest, over all programmes
    const ids = (
      await db.$queryRaw<{ id: string }[]>`
        SELECT id FROM disbursements
        WHERE status = 'WRITTEN_OFF' OR id IN (SELECT disbursement_id FROM loan_months WHERE NOT instalment_paid) OR abs(hashtext(id)) % 40 = 0`
    ).map((r) => r.id)
    expect(ids.length).toBeGreaterThan(1_000)
    const periods = () => db.$queryRaw<unknown[]>`
      SELECT disbursement_id, period, due_date, claim_month, days, opening_balance::text, rate_difference::text, instalment_paid, collectibility,
        subsidy_due::text, reason, reported_at
      FROM loan_months WHERE disbursement_id = ANY(${ids}) ORDER BY disbursement_id, period`
    const seeded = await periods()
    // the periods the bank reported (missed instalments, Macet) are marked reported, and the others are not
    const [marks] = await db.$queryRaw<{ unpaid_unreported: number; reported: number }[]>`
      SELECT count(*) FILTER (WHERE NOT instalment_paid AND reported_at IS NULL)::int AS unpaid_unreported, count(reported_at)::int AS reported FROM loan_months`
    expect(marks.unpaid_unreported).toBe(0)
    expect(marks.reported).toBeGreaterThan(0)
    await db.$transaction((tx) => recomputeLoanMonths(tx, ids), { timeout: 120_000 })
    const recomputed = await periods()
    expect(recomputed.length).toBe(seeded.length)
    expect(recomputed).toEqual(seeded)
  })
})
