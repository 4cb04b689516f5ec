import type { Prisma } from '@/lib/generated/prisma/client'
import { subsidySchedule, type AmortisationBasis, type Collectibility, type LoanTerms, type PeriodStatus, type RepaymentMethod } from '@/lib/credit/subsidy'

const ymd = (d: Date) => d.toISOString().slice(0, 10)

type StoredLoan = {
  programId: string; bankId: string; contractDate: Date; plafond: Prisma.Decimal | number; tenorMonths: number; method: RepaymentMethod
  bankRate: Prisma.Decimal | number; borrowerRate: Prisma.Decimal | number; program: { amortisationBasis: AmortisationBasis }
}
type StoredRate = { programId: string; bankId: string; effectiveFrom: Date; rate: Prisma.Decimal | number }

/**
 * A stored loan's terms for lib/credit/subsidy.ts: the rate agreed at the contract, then every later change
 * of the programme's rate for this bank, and the programme's amortisation basis.
 */
export function loanTerms(loan: StoredLoan, rates: StoredRate[]): LoanTerms {
  const contract = ymd(loan.contractDate)
  const bankRates = [
    { from: contract, rate: Number(loan.bankRate) },
    ...rates.filter((r) => r.programId === loan.programId && r.bankId === loan.bankId && ymd(r.effectiveFrom) > contract).map((r) => ({ from: ymd(r.effectiveFrom), rate: Number(r.rate) })),
  ]
  return {
    plafond: Number(loan.plafond), tenorMonths: loan.tenorMonths, contractDate: contract, method: loan.method, bankRates,
    borrowerRate: Number(loan.borrowerRate), amortisationBasis: loan.program.amortisationBasis,
  }
}

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
      program: { select: { amortisationBasis: true } },
      months: { select: { period: true, instalmentPaid: true, collectibility: true, reportedAt: true } },
    },
  })
  const rates = await tx.programRate.findMany({
    where: { programId: { in: [...new Set(loans.map((l) => l.programId))] } },
    select: { programId: true, bankId: true, effectiveFrom: true, rate: true },
    orderBy: { effectiveFrom: 'asc' },
  })
  const ids: string[] = [], periods: number[] = [], due: string[] = [], claim: string[] = [], days: number[] = []
  const balance: string[] = [], diff: string[] = [], paid: boolean[] = [], coll: number[] = [], subsidy: string[] = [], reason: string[] = [], reportedOn: (string | null)[] = []
  for (const loan of loans) {
    // what the bank reported (or any period not in the default state): a period after a shortened tenor
    // survives only if it was reported; an unreported one is just the old schedule's and goes with it
    const statuses: PeriodStatus[] =
      reported?.get(loan.id) ??
      loan.months
        .filter((m) => m.reportedAt || !m.instalmentPaid || m.collectibility !== 1)
        .map((m) => ({ period: m.period, instalmentPaid: m.instalmentPaid, collectibility: m.collectibility as Collectibility }))
    // when each period was reported survives the recomputation; the seed's statuses count as reported
    const reportedAt = new Map(reported?.get(loan.id) ? reported.get(loan.id)!.map((s) => [s.period, new Date()]) : loan.months.filter((m) => m.reportedAt).map((m) => [m.period, m.reportedAt!]))
    const rows = subsidySchedule(loanTerms(loan, rates), statuses)
    const statusOf = new Map(statuses.map((s) => [s.period, s]))
    for (const r of rows) {
      const s = statusOf.get(r.period)
      ids.push(loan.id); periods.push(r.period); due.push(r.dueDate); claim.push(`${r.claimMonth}-01`); days.push(r.days)
      balance.push(String(r.openingBalance)); diff.push(r.rateDifference.toFixed(6)); paid.push(s?.instalmentPaid ?? true); coll.push(s?.collectibility ?? 1)
      subsidy.push(String(r.subsidy)); reason.push(r.reason); reportedOn.push(reportedAt.get(r.period)?.toISOString() ?? null)
    }
  }
  // Only what changed is written: a period the new schedule no longer has is deleted, a changed one updated, an
  // unchanged one left alone, so the figure roll-ups' triggers (migration figure_rollups) see only real changes.
  await tx.$executeRaw`
    DELETE FROM loan_months lm WHERE lm.disbursement_id = ANY(${loans.map((l) => l.id)}::text[])
      AND NOT EXISTS (SELECT 1 FROM unnest(${ids}::text[], ${periods}::int[]) AS n(id, period) WHERE n.id = lm.disbursement_id AND n.period = lm.period)`
  const CHUNK = 20_000
  for (let i = 0; i < ids.length; i += CHUNK) {
    const s = (a: unknown[]) => a.slice(i, i + CHUNK)
    await tx.$executeRaw`
      INSERT INTO loan_months AS lm (disbursement_id, period, due_date, claim_month, days, opening_balance, rate_difference, instalment_paid, collectibility, subsidy_due, reason, reported_at)
      SELECT * FROM unnest(${s(ids)}::text[], ${s(periods)}::int[], ${s(due)}::date[], ${s(claim)}::date[], ${s(days)}::int[],
        ${s(balance)}::numeric[], ${s(diff)}::numeric[], ${s(paid)}::boolean[], ${s(coll)}::int[], ${s(subsidy)}::numeric[], ${s(reason)}::text[], ${s(reportedOn)}::timestamp[])
      ON CONFLICT (disbursement_id, period) DO UPDATE SET
        due_date = excluded.due_date, claim_month = excluded.claim_month, days = excluded.days, opening_balance = excluded.opening_balance,
        rate_difference = excluded.rate_difference, instalment_paid = excluded.instalment_paid, collectibility = excluded.collectibility,
        subsidy_due = excluded.subsidy_due, reason = excluded.reason, reported_at = excluded.reported_at
      WHERE (lm.due_date, lm.claim_month, lm.days, lm.opening_balance, lm.rate_difference, lm.instalment_paid, lm.collectibility, lm.subsidy_due, lm.reason, lm.reported_at)
        IS DISTINCT FROM (excluded.due_date, excluded.claim_month, excluded.days, excluded.opening_balance, excluded.rate_difference, excluded.instalment_paid,
          excluded.collectibility, excluded.subsidy_due, excluded.reason, excluded.reported_at)`
  }
}
