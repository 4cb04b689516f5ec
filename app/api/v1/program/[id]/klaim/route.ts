import { AppError } from '@/lib/errors'
import { ApiProblem, apiRoute, idempotentWrite, methodNotAllowed, readJson } from '@/lib/api/route'
import { claimIn } from '@/lib/api/schemas'
import { claimAnswer } from '@/lib/api/claims'
import { claimConflict, claimTarget, settleClaimNotices, writeClaim } from '@/lib/credit/claim-submission'
import type { BankLine } from '@/lib/credit/claim-reasons'

/**
 * A bank submits (or, after a return, resubmits) its monthly claim for a programme: without `lines` at the
 * agency's computed amounts (the claim form), with `lines` at the bank's own amounts, each verified against
 * the agency's schedule (the claim-lines import). The same checks and service (lib/credit/claim-submission.ts).
 * A programme the bank does not lend in is 404. Answers the claim with its first page of lines.
 */
export const POST = apiRoute<{ id: string }>('claims.submit', async (r) => {
  const { data, raw } = await readJson(r.req, claimIn)
  let target: Awaited<ReturnType<typeof claimTarget>>
  try {
    target = await claimTarget(r.principal, { programId: r.params.id, month: data.month })
  } catch (e) {
    // another bank's programme, or none: not found, as the claim page's programme list does not show it
    if (e instanceof AppError && e.fieldErrors?.programId) throw new AppError('NOT_FOUND')
    throw e
  }
  const amounts = data.lines
    ? new Map<string, BankLine>(data.lines.map((l) => [l.accountNumber, {
        amount: l.amount,
        ...(l.balance !== undefined && { balance: l.balance }),
        ...(l.days !== undefined && { days: l.days }),
        ...(l.rate !== undefined && { rate: l.rate / 100 }),
      }]))
    : null
  let claimId = ''
  const res = await idempotentWrite(r, raw, async (tx) => {
    try {
      claimId = await writeClaim(tx, r.principal, target.bankId, target.program, target.monthStart, amounts)
    } catch (e) {
      // an account that is not the bank's loan: the import's sentence, under `lines` instead of the file
      if (e instanceof AppError && e.fieldErrors?.file) throw new ApiProblem('unprocessable', { detail: e.userMessage, errors: [{ path: 'lines', detail: e.fieldErrors.file[0] }] })
      throw claimConflict(e)
    }
    return { status: 201, body: { id: claimId } }
  }, { timeoutMs: 120_000 })
  if (res.status !== 201) return res
  const { id } = (await res.clone().json()) as { id: string }
  // after the commit, as the form does: a resubmission answers the bank's "returned" notice
  await settleClaimNotices(id)
  const replayed = res.headers.get('Idempotent-Replayed')
  return Response.json(await claimAnswer(r.principal, id, { limit: 100 }), { status: 201, headers: { 'cache-control': 'no-store', ...(replayed && { 'Idempotent-Replayed': replayed }) } })
})

const refused = methodNotAllowed('POST')
export { refused as GET, refused as PUT, refused as PATCH, refused as DELETE, refused as HEAD }
