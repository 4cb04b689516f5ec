import { Prisma } from '@/lib/generated/prisma/client'
import { ApiProblem, apiRoute, idempotentWrite, parseQuery, readJson } from '@/lib/api/route'
import { fieldErrorsToProblems } from '@/lib/api/problem'
import { disbursementBatchIn, disbursementQuery } from '@/lib/api/schemas'
import { disbursementPageAnswer } from '@/lib/api/disbursements'
import { DISBURSEMENT_MESSAGES, insertDisbursements, prepareDisbursements } from '@/lib/credit/disbursements'

/**
 * The loans the client may read (a bank client its own bank's), under the disbursement list's filters, for
 * incremental sync: cursor and `updated_since` as the registers.
 */
export const GET = apiRoute('credit.read', async (r) => {
  const q = parseQuery(r.query, disbursementQuery)
  return Response.json(await disbursementPageAnswer(r.principal, q), { headers: { 'cache-control': 'no-store' } })
})

/**
 * A bank records 1 to 1.000 loans, all or nothing, with the form's checks and messages
 * (lib/credit/disbursements.ts); any refused loan refuses the batch (422) with each refused item's index
 * and field messages. Requires an Idempotency-Key: a retry returns the first answer and writes nothing.
 */
export const POST = apiRoute('disbursements.write', async (r) => {
  const { data, raw } = await readJson(r.req, disbursementBatchIn)
  return idempotentWrite(r, raw, async (tx) => {
    const judged = await prepareDisbursements(data.items, r.principal)
    if (!judged.ok) {
      throw new ApiProblem('unprocessable', {
        detail: `${judged.refusals.length} dari ${data.items.length} pinjaman ditolak; tidak ada yang disimpan. ${judged.refusals[0].refusal.message}`,
        items: judged.refusals.map((f) => ({ index: f.index, errors: fieldErrorsToProblems(f.refusal.fieldErrors, `items.${f.index}`) })),
      })
    }
    try {
      const created = await insertDisbursements(tx, judged.loans, r.principal)
      const byAccount = new Map(created.map((c) => [c.accountNumber, c]))
      return {
        status: 201,
        body: {
          data: data.items.map((item, index) => {
            const c = byAccount.get(item.accountNumber)!
            return { index, id: c.id, account_number: c.accountNumber, bank_id: c.bankId, regency_code: c.regencyCode, plafond: Number(c.plafond), bank_rate: Number(c.bankRate), borrower_rate: Number(c.borrowerRate) }
          }),
        },
      }
    } catch (e) {
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002' && JSON.stringify(e.meta ?? {}).includes('account')) {
        throw new ApiProblem('conflict', { detail: DISBURSEMENT_MESSAGES.duplicate })
      }
      throw e
    }
  }, { timeoutMs: 120_000 })
})
