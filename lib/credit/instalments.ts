import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'
import { writeAudit, type AuditActor } from '@/lib/audit'
import { recomputeLoanMonths } from '@/lib/credit/loan-months'
import { ActionError } from '@/lib/safe-action'
import type { SessionUser } from '@/lib/session-user'

export type InstalmentReport = { disbursementId: string; period: number; instalmentPaid: 'paid' | 'unpaid'; collectibility: number }

/** What a period looks like after a report: the schedule recomputed by lib/credit/loan-months.ts. */
export type ReportedPeriod = { instalmentPaid: boolean | null; collectibility: number | null; subsidyDue: Prisma.Decimal; reason: string | null }

/**
 * The bank reports a period of a loan (instalment paid or not, OJK collectibility), in the caller's
 * transaction: the period is recorded, the loan's collectibility and status follow it, the loan's subsidy
 * schedule is recomputed and one audit row is written. A bank officer (or a bank's API client) reports only
 * its own bank's loans: another bank's loan is "not found". Shared by the page's action (reportInstalment)
 * and the integration API (POST /api/v1/penyaluran/{id}/periode), so both check and answer alike.
 */
export async function recordInstalment(tx: Prisma.TransactionClient, user: SessionUser & AuditActor, input: InstalmentReport): Promise<ReportedPeriod & { period: number; loanStatus: string }> {
  const loan = await tx.disbursement.findFirst({
    where: { id: input.disbursementId, ...(user.role === 'BANK_OFFICER' ? { bankId: user.bankId ?? '' } : {}) },
    select: { id: true, tenorMonths: true },
  })
  if (!loan) throw new ActionError('Pinjaman tidak ditemukan.')
  if (input.period > loan.tenorMonths) throw new ActionError('Periode melewati jatuh tempo pinjaman; tidak ada subsidi setelahnya.', { period: [`Periode 1 sampai ${loan.tenorMonths}.`] })
  const key = { disbursementId_period: { disbursementId: loan.id, period: input.period } }
  const before = await tx.loanMonth.findUnique({ where: key, select: { instalmentPaid: true, collectibility: true, subsidyDue: true } })
  if (!before) throw new ActionError('Jadwal pinjaman ini belum dihitung; hubungi admin Dinas.')
  await tx.loanMonth.update({ where: key, data: { instalmentPaid: input.instalmentPaid === 'paid', collectibility: input.collectibility, reportedAt: new Date() } })
  // the bank reports periods as they fall due: the loan's collectibility is the one just reported; the last
  // instalment reported paid makes the loan lunas (paid off)
  const last = await tx.loanMonth.findUniqueOrThrow({ where: { disbursementId_period: { disbursementId: loan.id, period: loan.tenorMonths } }, select: { instalmentPaid: true, reportedAt: true } })
  const status = input.collectibility === 5 ? 'WRITTEN_OFF' : last.reportedAt && last.instalmentPaid ? 'PAID_OFF' : 'ACTIVE'
  await tx.disbursement.update({ where: { id: loan.id }, data: { collectibility: input.collectibility, status, version: { increment: 1 } } })
  await recomputeLoanMonths(tx, [loan.id])
  const after = await tx.loanMonth.findUniqueOrThrow({ where: key, select: { instalmentPaid: true, collectibility: true, subsidyDue: true, reason: true } })
  await writeAudit(tx, { id: user.id, username: user.username, role: user.role }, { action: 'UPDATE', entity: 'LoanMonth', entityId: `${loan.id}#${input.period}`, before, after })
  return { ...after, period: input.period, loanStatus: status }
}
