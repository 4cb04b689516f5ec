/**
 * Loans as the integration API returns them (GET /api/v1/penyaluran, GET and PATCH /api/v1/penyaluran/{id}):
 * stable snake_case names, dates as YYYY-MM-DD, money and rates as numbers. Reads are lib/data/disbursements.ts's,
 * with the list's scope and filters.
 */
import 'server-only'
import type { z } from 'zod'
import type { Prisma } from '@/lib/generated/prisma/client'
import { disbursementSyncSelect, syncDisbursements, type MissedMonth } from '@/lib/data/disbursements'
import type { SessionUser } from '@/lib/session-user'
import { syncArgs } from '@/lib/api/registers'
import { encodeCursor, type disbursementQuery } from '@/lib/api/schemas'

type LoanRow = Prisma.DisbursementGetPayload<{ select: typeof disbursementSyncSelect }>

/** One loan: the fields of the OpenAPI `Disbursement`. */
/** A loan's months claimed without it as the API writes them (`missed_claim_months`: DisbursementDetail, DisbursementsCreated). */
export const missedClaimMonthsAnswer = (months: MissedMonth[]) => months.map((m) => ({ month: m.month, claim: m.status, subsidy_due: Number(m.due) }))

export function disbursementRecord(r: LoanRow) {
  return {
    id: r.id, version: r.version, account_number: r.accountNumber, program_id: r.programId, bank_id: r.bankId, msme_id: r.msmeId, nib: r.msme.nib,
    business_name: r.msme.businessName, regency_code: r.regencyCode, contract_date: r.contractDate.toISOString().slice(0, 10), plafond: Number(r.plafond),
    tenor_months: r.tenorMonths, bank_rate: Number(r.bankRate), borrower_rate: Number(r.borrowerRate), method: r.method, collectibility: r.collectibility,
    status: r.status, eligibility_issues: r.eligibilityIssues, created_at: r.createdAt.toISOString(), updated_at: r.updatedAt.toISOString(),
  }
}

export async function disbursementPageAnswer(user: SessionUser, q: z.infer<typeof disbursementQuery>) {
  const { rows, next, hasMore } = await syncDisbursements({
    user, filter: { program: q.program, regency: q.regency, bank: q.bank, from: q.from, to: q.to, q: q.q }, ...(await syncArgs(q)),
  })
  return { data: rows.map(disbursementRecord), next_cursor: next ? encodeCursor(next) : null, has_more: hasMore }
}
