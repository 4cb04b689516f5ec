import { db } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { apiRoute, idempotentWrite, methodNotAllowed, readJson } from '@/lib/api/route'
import { instalmentIn } from '@/lib/api/schemas'
import { recordInstalment } from '@/lib/credit/instalments'
import { bankScope } from '@/lib/scope'

/**
 * A bank reports one period of a loan: instalment paid or not and the OJK collectibility, with the page's
 * service and checks (lib/credit/instalments.ts); the subsidy schedule is recomputed. Another bank's loan
 * is 404, as on the page. Requires an Idempotency-Key.
 */
export const POST = apiRoute<{ id: string }>('disbursements.write', async (r) => {
  const { data, raw } = await readJson(r.req, instalmentIn)
  // a loan outside the client's bank is not found (the service refuses it too, with the form's sentence)
  const loan = await db.disbursement.findFirst({ where: { id: r.params.id, ...bankScope(r.principal) }, select: { id: true } })
  if (!loan) throw new AppError('NOT_FOUND')
  return idempotentWrite(r, raw, async (tx) => {
    const after = await recordInstalment(tx, r.principal, { disbursementId: loan.id, ...data })
    return {
      status: 200,
      body: {
        disbursement_id: loan.id, period: after.period, instalment_paid: after.instalmentPaid, collectibility: after.collectibility,
        subsidy_due: Number(after.subsidyDue), reason: after.reason, loan_status: after.loanStatus,
      },
    }
  })
})

const refused = methodNotAllowed('POST')
export { refused as GET, refused as PUT, refused as PATCH, refused as DELETE, refused as HEAD }
