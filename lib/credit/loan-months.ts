import type { Prisma } from '@/lib/generated/prisma/client'
import { subsidySchedule, type Collectibility, type PeriodStatus } from '@/lib/credit/subsidy'

const ymd = (d: Date) => d.toISOString().slice(0, 10)

/**
 * Recompute the stored periods (schedule balance and subsidy due) of these loans from their terms, the
 * programme's effective-dated bank rates and what the bank reported per period. Called in the same
 * transaction as whatever changed them; aggregates then sum `loan_months.subsidy_due` in SQL.
 */
export async function recomputeLoanMonths(
  tx: Prisma.TransactionClient,
  disbursementIds: string[],
  /** reported statuses to use instead of the stored ones (the demo seed sets them in the same pass) */
  reported?: Map<string, PeriodStatus[]>,
): Promise<void> {
  if (disbursementIds.length === 0) return
  const loans = await tx.disbursement.findMany({
    where: { id: { in: disbursementIds } },
    select: {
      id: true, programId: true, bankId: true, contractDate: true, plafond: true, tenorMonths: true, method: true, bankRate: true, borrowerRate: true,
      months: { select: { period: true, instalmentPaid: true, collectibility: true } },
    },
  })
  const rates = await tx.programRate.findMany({
    where: { programId: { in: [...new Set(loans.map((l) => l.programId))] } },
    select: { programId: true, bankId: true, effectiveFrom: true, rate: true },
    orderBy: { effectiveFrom: 'asc' },
  })
  const ids: string[] = [], periods: number[] = [], due: string[] = [], claim: string[] = [], days: number[] = []
  const balance: string[] = [], diff: string[] = [], paid: boolean[] = [], coll: number[] = [], subsidy: string[] = [], reason: string[] = []
  for (const loan of loans) {
    const contract = ymd(loan.contractDate)
    // the rate agreed at the contract, then every later change of the programme's rate for this bank
    const bankRates = [
      { from: contract, rate: Number(loan.bankRate) },
      ...rates.filter((r) => r.programId === loan.programId && r.bankId === loan.bankId && ymd(r.effectiveFrom) > contract).map((r) => ({ from: ymd(r.effectiveFrom), rate: Number(r.rate) })),
    ]
    const statuses: PeriodStatus[] =
      reported?.get(loan.id) ?? loan.months.map((m) => ({ period: m.period, instalmentPaid: m.instalmentPaid, collectibility: m.collectibility as Collectibility }))
    const rows = subsidySchedule(
      { plafond: Number(loan.plafond), tenorMonths: loan.tenorMonths, contractDate: contract, method: loan.method, bankRates, borrowerRate: Number(loan.borrowerRate) },
      statuses,
    )
    const statusOf = new Map(statuses.map((s) => [s.period, s]))
    for (const r of rows) {
      const s = statusOf.get(r.period)
      ids.push(loan.id); periods.push(r.period); due.push(r.dueDate); claim.push(`${r.claimMonth}-01`); days.push(r.days)
      balance.push(String(r.openingBalance)); diff.push(r.rateDifference.toFixed(6)); paid.push(s?.instalmentPaid ?? true); coll.push(s?.collectibility ?? 1)
      subsidy.push(String(r.subsidy)); reason.push(r.reason)
    }
  }
  await tx.loanMonth.deleteMany({ where: { disbursementId: { in: loans.map((l) => l.id) } } })
  const CHUNK = 20_000
  for (let i = 0; i < ids.length; i += CHUNK) {
    const s = (a: unknown[]) => a.slice(i, i + CHUNK)
    await tx.$executeRaw`
      INSERT INTO loan_months (disbursement_id, period, due_date, claim_month, days, opening_balance, rate_difference, instalment_paid, collectibility, subsidy_due, reason)
      SELECT * FROM unnest(${s(ids)}::text[], ${s(periods)}::int[], ${s(due)}::date[], ${s(claim)}::date[], ${s(days)}::int[],
        ${s(balance)}::numeric[], ${s(diff)}::numeric[], ${s(paid)}::boolean[], ${s(coll)}::int[], ${s(subsidy)}::numeric[], ${s(reason)}::text[])`
  }
}
