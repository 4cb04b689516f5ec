import { Prisma } from '@/lib/generated/prisma/client'
import { AppError } from '@/lib/errors'
import { ApiProblem, apiRoute, idempotentWrite, methodNotAllowed, readJson } from '@/lib/api/route'
import { fieldErrorsToProblems } from '@/lib/api/problem'
import { disbursementCorrectionIn } from '@/lib/api/schemas'
import { disbursementRecord, missedClaimMonthsAnswer } from '@/lib/api/disbursements'
import { correctDisbursement } from '@/lib/credit/disbursement-corrections'
import { DISBURSEMENT_MESSAGES } from '@/lib/credit/disbursements'
import { findDisbursementRecord, missedClaimMonths } from '@/lib/data/disbursements'

/** One loan with its `version` (what a correction sends back); another bank's loan is 404. */
export const GET = apiRoute<{ id: string }>('credit.read', async (r) => {
  const loan = await findDisbursementRecord({ user: r.principal, id: r.params.id })
  if (!loan) throw new AppError('NOT_FOUND')
  // what the loan's page says too: a client that lost the recording's answer reads the lost months here
  const missed = await missedClaimMonths(r.principal, { id: loan.id, bankId: loan.bankId })
  return Response.json({ ...disbursementRecord(loan), missed_claim_months: missedClaimMonthsAnswer(missed) }, { headers: { 'cache-control': 'no-store' } })
})

/**
 * A bank corrects a loan it recorded (lib/credit/disbursement-corrections.ts): from the version it read, with
 * the rules and messages of a new loan (422 with field paths), never once the loan is in a submitted,
 * approved or paid claim (409), never another bank's loan (404). Requires an Idempotency-Key.
 */
export const PATCH = apiRoute<{ id: string }>('disbursements.write', async (r) => {
  const { data, raw } = await readJson(r.req, disbursementCorrectionIn)
  return idempotentWrite(r, raw, async (tx) => {
    try {
      const result = await correctDisbursement(tx, r.principal, r.params.id, data)
      if (!result.ok) {
        throw new ApiProblem('unprocessable', { detail: `Koreksi ditolak; tidak ada yang disimpan. ${result.refusal.message}`, errors: fieldErrorsToProblems(result.refusal.fieldErrors) })
      }
      return { status: 200, body: disbursementRecord(result.loan) }
    } catch (e) {
      // the corrected account number recorded meanwhile by another request of the bank
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002' && JSON.stringify(e.meta ?? {}).includes('account')) {
        throw new ApiProblem('conflict', { detail: DISBURSEMENT_MESSAGES.duplicate })
      }
      throw e
    }
  })
})

const refused = methodNotAllowed('GET', 'PATCH')
export { refused as POST, refused as PUT, refused as DELETE }
