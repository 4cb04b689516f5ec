import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import { writeAudit, type AuditActor } from '@/lib/audit'
import { lockBankLoans } from '@/lib/credit/bank-lock'
import { liveClaimRefusal } from '@/lib/credit/disbursement-corrections'
import { recomputeLoanMonths } from '@/lib/credit/loan-months'
import { jakartaToday } from '@/lib/dates'
import { formatDate } from '@/lib/format'
import { ActionError } from '@/lib/safe-action'
import type { SessionUser } from '@/lib/session-user'
import { conflictError } from '@/lib/transitions'

/**
 * `version`: the loan's version the reporter saw (the page always sends it; an API client may): a report from
 * a stale one is refused (409) instead of silently replacing a report made meanwhile.
 */
export type InstalmentReport = { disbursementId: string; period: number; instalmentPaid: 'paid' | 'unpaid'; collectibility: number; version?: number }

/** What a period looks like after a report: the schedule recomputed by lib/credit/loan-months.ts. */
export type ReportedPeriod = { instalmentPaid: boolean | null; collectibility: number | null; subsidyDue: Prisma.Decimal; reason: string | null }

/**
 * The bank reports a period of a loan (instalment paid or not, OJK collectibility), in the caller's
 * transaction, from the loan's version the reporter saw (a stale one is a CONFLICT naming who changed the loan):
 * the period is recorded, the loan's collectibility and status follow its latest reported period (audited when
 * the status changes), the loan's subsidy schedule is recomputed and the period's audit row is written. A bank officer (or a bank's API client) reports only
 * its own bank's loans: another bank's loan is "not found". A period is reported once it has fallen due (a
 * report ahead of it would, for the last period, mark the loan paid off early), and a report that would change
 * the subsidy of a month already in a submitted, approved or paid claim is refused (409), as a correction of
 * the loan is: that claim's lines were computed from the schedule and approval pays them. Shared by the
 * page's action (reportInstalment) and the integration API (POST /api/v1/penyaluran/{id}/periode), so both
 * check and answer alike.
 */
export async function recordInstalment(tx: Prisma.TransactionClient, user: SessionUser & AuditActor, input: InstalmentReport): Promise<ReportedPeriod & { period: number; loanStatus: string }> {
  const loan = await tx.disbursement.findFirst({
    where: { id: input.disbursementId, ...(user.role === 'BANK_OFFICER' ? { bankId: user.bankId ?? '' } : {}) },
    select: { id: true, bankId: true, tenorMonths: true },
  })
  if (!loan) throw new ActionError('Pinjaman tidak ditemukan.')
  if (input.period > loan.tenorMonths) throw new ActionError('Periode melewati jatuh tempo pinjaman; tidak ada subsidi setelahnya.', { period: [`Periode 1 sampai ${loan.tenorMonths}.`] })
  // a claim of this bank being submitted meanwhile is computed from this schedule: wait for it, then read
  await lockBankLoans(tx, loan.bankId)
  const key = { disbursementId_period: { disbursementId: loan.id, period: input.period } }
  const before = await tx.loanMonth.findUnique({ where: key, select: { instalmentPaid: true, collectibility: true, subsidyDue: true, dueDate: true } })
  if (!before) throw new ActionError('Jadwal pinjaman ini belum dihitung; hubungi admin Dinas.')
  const dueOn = before.dueDate.toISOString().slice(0, 10)
  if (dueOn > jakartaToday()) {
    throw new ActionError(`Periode ${input.period} belum jatuh tempo.`, { period: [`Jatuh tempo ${formatDate(dueOn)}; laporkan mulai tanggal itu.`] })
  }
  // the version step first, after the bank's lock: of two reports from the same version one lands, the other is
  // told who reported meanwhile (a stale form no longer overwrites a report it never saw)
  const { count } = await tx.disbursement.updateMany({ where: { id: loan.id, ...(input.version !== undefined && { version: input.version }) }, data: { version: { increment: 1 } } })
  if (count !== 1) throw await loanConflict(tx, loan.id)
  // read under the row's lock the version step holds: what the status-change audit row says it was
  const was = await tx.disbursement.findUniqueOrThrow({ where: { id: loan.id }, select: { status: true, collectibility: true } })
  const claimedBefore = await claimedPeriods(tx, loan.id)
  await tx.loanMonth.update({ where: key, data: { instalmentPaid: input.instalmentPaid === 'paid', collectibility: input.collectibility, reportedAt: new Date() } })
  // the loan is what its latest reported period says (a correction of an earlier period leaves a write-off
  // written off): Macet writes it off, the last instalment reported paid makes it lunas (paid off)
  const [latest] = await tx.$queryRaw<{ collectibility: number; status: 'ACTIVE' | 'PAID_OFF' | 'WRITTEN_OFF' }[]>`
    SELECT lm.collectibility,
      CASE WHEN lm.collectibility = 5 THEN 'WRITTEN_OFF' WHEN lm.period = d.tenor_months AND lm.instalment_paid THEN 'PAID_OFF' ELSE 'ACTIVE' END AS status
    FROM loan_months lm JOIN disbursements d ON d.id = lm.disbursement_id
    WHERE lm.disbursement_id = ${loan.id} AND lm.reported_at IS NOT NULL
    ORDER BY lm.period DESC LIMIT 1`
  const { status, collectibility } = latest
  await tx.disbursement.update({ where: { id: loan.id }, data: { collectibility, status } })
  if (status !== was.status) {
    await writeAudit(tx, { id: user.id, username: user.username, role: user.role }, {
      action: 'UPDATE', entity: 'Disbursement', entityId: loan.id,
      before: was, after: { status, collectibility, period: input.period },
    })
  }
  await recomputeLoanMonths(tx, [loan.id])
  // the recomputation may move later periods too (a loan written off earns nothing after): none of a month a
  // live claim was computed from may move. The claim was computed from this loan's month when the loan has a
  // line in it, or earned nothing in it (no line because nothing was due); a loan recorded after its month was
  // filed earned something there and has no line: that claim never counted it, so its report moves nothing filed
  const monthTotal = new Map<number, number>()
  for (const p of claimedBefore) monthTotal.set(p.month.getTime(), (monthTotal.get(p.month.getTime()) ?? 0) + Number(p.subsidyDue))
  const guarded = claimedBefore.filter((p) => p.inClaim || monthTotal.get(p.month.getTime()) === 0)
  const claimedAfter = new Map((await claimedPeriods(tx, loan.id)).map((p) => [p.period, p.subsidyDue]))
  const moved = guarded.filter((p) => claimedAfter.get(p.period) !== p.subsidyDue)
  if (moved.length) {
    throw new ActionError(liveClaimRefusal('report', moved), undefined, 'CONFLICT')
  }
  const after = await tx.loanMonth.findUniqueOrThrow({ where: key, select: { instalmentPaid: true, collectibility: true, subsidyDue: true, reason: true } })
  await writeAudit(tx, { id: user.id, username: user.username, role: user.role }, { action: 'UPDATE', entity: 'LoanMonth', entityId: `${loan.id}#${input.period}`, before, after })
  return { ...after, period: input.period, loanStatus: status }
}

/**
 * A stale report's refusal, naming who changed the loan last: a correction of the loan (Disbursement) or a
 * period's report (LoanMonth, `<loan>#<period>`), whichever is later in the audit trail.
 */
async function loanConflict(tx: Prisma.TransactionClient, loanId: string) {
  const last = await tx.auditLog.findFirst({
    where: { OR: [{ entity: 'Disbursement', entityId: loanId }, { entity: 'LoanMonth', entityId: { startsWith: `${loanId}#` } }] },
    select: { entity: true, entityId: true }, orderBy: { id: 'desc' },
  })
  return conflictError(tx, last?.entity ?? 'Disbursement', last?.entityId ?? loanId, 'Pinjaman')
}

/**
 * The loan's periods whose month is in a submitted, approved or paid claim of its bank and scheme, with the
 * subsidy as stored and whether the loan has a line in that claim: matched by the claim (bank, month, scheme),
 * not only by a line, since a period reported unpaid earned nothing and so has no line, yet reporting it paid
 * afterwards would still move a filed month.
 */
function claimedPeriods(tx: Prisma.TransactionClient, disbursementId: string) {
  return tx.$queryRaw<{ period: number; subsidyDue: string; month: Date; status: string; inClaim: boolean }[]>`
    SELECT lm.period, lm.subsidy_due::text AS "subsidyDue", c.month, c.status::text AS status,
      EXISTS (SELECT 1 FROM claim_lines cl WHERE cl.claim_id = c.id AND cl.disbursement_id = lm.disbursement_id) AS "inClaim"
    FROM loan_months lm
    JOIN disbursements d ON d.id = lm.disbursement_id
    JOIN credit_programs lp ON lp.id = d.program_id
    JOIN subsidy_claims c ON c.bank_id = d.bank_id AND c.month = lm.claim_month AND c.status IN ('SUBMITTED', 'APPROVED', 'PAID')
    JOIN credit_programs cp ON cp.id = c.program_id AND cp.scheme = lp.scheme
    WHERE lm.disbursement_id = ${disbursementId}
    ORDER BY lm.period`
}
