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
import { listDashboardPrograms } from '@/lib/data/dashboard'
import { ApiProblem } from '@/lib/api/route'
import { readDb } from '@/lib/db'
import { bankScope } from '@/lib/scope'
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

/**
 * The programme `program` names, by its id or by the code the dashboards use (`PROKESRA-2026`), among those the
 * client may read (lib/data/dashboard.ts listDashboardPrograms: a bank client those its bank lends in). One that
 * names none of them is a 400 naming it, the same for a programme that does not exist and one the client may not
 * read: an empty page would read as a programme without loans.
 */
async function programOf(user: SessionUser, program: string): Promise<string> {
  const programs = await listDashboardPrograms({ user })
  const found = programs.find((p) => p.id === program) ?? programs.find((p) => p.code === program)
  if (!found) throw new ApiProblem('invalid-request', { errors: [{ path: 'query.program', detail: `Program ${program} tidak dikenal; gunakan id atau kode program dari GET /api/v1/program.` }] })
  return found.id
}

/**
 * The bank `bank` names (its id), among those the client may read (a bank client its own, lib/scope.ts bankScope).
 * As for `program`: one that is no bank, or another bank's id from a bank client, is a 400 naming it, not an empty
 * page (which would read as a bank without loans).
 */
async function bankOf(user: SessionUser, bank: string): Promise<string> {
  const own = bankScope(user).bankId
  const found = (!own || own === bank) && (await readDb.bank.findUnique({ where: { id: bank }, select: { id: true } }))
  if (!found) throw new ApiProblem('invalid-request', { errors: [{ path: 'query.bank', detail: `Bank ${bank} tidak dikenal; gunakan id bank (bank_id) dari data penyaluran.` }] })
  return found.id
}

export async function disbursementPageAnswer(user: SessionUser, q: z.infer<typeof disbursementQuery>) {
  const program = q.program ? await programOf(user, q.program) : undefined
  const bank = q.bank ? await bankOf(user, q.bank) : undefined
  const { rows, next, hasMore } = await syncDisbursements({
    user, filter: { program, regency: q.regency, bank, from: q.from, to: q.to, q: q.q }, ...(await syncArgs(q)),
  })
  return { data: rows.map(disbursementRecord), next_cursor: next ? encodeCursor(next) : null, has_more: hasMore }
}
