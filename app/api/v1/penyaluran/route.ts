import { Prisma } from '@/lib/generated/prisma/client'
import { ApiProblem, apiRoute, idempotentWrite, methodNotAllowed, parseScopedQuery, readJson } from '@/lib/api/route'
import { fieldErrorsToProblems } from '@/lib/api/problem'
import { disbursementBatchIn, disbursementQuery } from '@/lib/api/schemas'
import { disbursementPageAnswer, missedClaimMonthsAnswer } from '@/lib/api/disbursements'
import { DISBURSEMENT_MESSAGES, insertDisbursements, prepareDisbursements } from '@/lib/credit/disbursements'
import { missedClaimMonthsOf } from '@/lib/data/disbursements'

/** Pairs [later, earlier] of items with one bank's account number repeated in the batch (`ownBank`: a bank client's). */
function repeatedAccounts(items: { accountNumber: string; bankId?: string | null }[], ownBank: string | null): [number, number][] {
  const firstAt = new Map<string, number>()
  const pairs: [number, number][] = []
  items.forEach((item, i) => {
    const key = `${ownBank ?? item.bankId ?? ''}\u0000${item.accountNumber}`
    const earlier = firstAt.get(key)
    if (earlier === undefined) firstAt.set(key, i)
    else pairs.push([i, earlier])
  })
  return pairs
}

/**
 * The loans the client may read (a bank client its own bank's), under the disbursement list's filters, for
 * incremental sync: cursor and `updated_since` as the registers.
 */
export const GET = apiRoute('credit.read', async (r) => {
  const q = await parseScopedQuery(r.principal, r.query, disbursementQuery)
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
      const items = new Map(judged.refusals.map((f) => [f.index, { index: f.index, errors: fieldErrorsToProblems(f.refusal.fieldErrors, `items.${f.index}`) }]))
      let first = judged.refusals[0].refusal.message
      // the service says "already recorded" for an account repeated within the batch too: nothing was recorded,
      // so name the two items instead (both refused, as the batch is all or nothing)
      for (const [later, earlier] of repeatedAccounts(data.items, r.principal.role === 'BANK_OFFICER' ? r.principal.bankId : null)) {
        const refused = items.get(later)
        const dup = refused?.errors.find((e) => e.path === `items.${later}.accountNumber` && e.detail === DISBURSEMENT_MESSAGES.duplicateField)
        // the earlier one refused as recorded too: the account is really in the database
        const takenEarlier = items.get(earlier)?.errors.some((e) => e.path === `items.${earlier}.accountNumber` && e.detail === DISBURSEMENT_MESSAGES.duplicateField)
        if (!refused || !dup || takenEarlier) continue
        dup.detail = `Nomor rekening ini sama dengan items.${earlier}; dalam satu permintaan setiap pinjaman harus bernomor rekening berbeda.`
        const other = items.get(earlier) ?? { index: earlier, errors: [] }
        other.errors.push({ path: `items.${earlier}.accountNumber`, detail: `Nomor rekening ini sama dengan items.${later}; dalam satu permintaan setiap pinjaman harus bernomor rekening berbeda.` })
        items.set(earlier, other)
        if (judged.refusals[0].index === later) first = `Nomor rekening items.${earlier} dan items.${later} sama.`
      }
      const refusedItems = [...items.values()].sort((a, b) => a.index - b.index)
      throw new ApiProblem('unprocessable', {
        detail: `${refusedItems.length} dari ${data.items.length} pinjaman ditolak; tidak ada yang disimpan. ${first}`,
        items: refusedItems,
      })
    }
    try {
      const created = await insertDisbursements(tx, judged.loans, r.principal)
      const byAccount = new Map(created.map((c) => [c.accountNumber, c]))
      // a loan recorded late loses the months its bank already claimed without it: said with the answer, as the form
      // says it on saving (read in this transaction, which holds the new loans' months)
      const missed = await missedClaimMonthsOf(r.principal, created, tx)
      return {
        status: 201,
        body: {
          data: data.items.map((item, index) => {
            const c = byAccount.get(item.accountNumber)!
            return {
              index, id: c.id, account_number: c.accountNumber, bank_id: c.bankId, regency_code: c.regencyCode, plafond: Number(c.plafond), bank_rate: Number(c.bankRate), borrower_rate: Number(c.borrowerRate),
              missed_claim_months: missedClaimMonthsAnswer(missed.get(c.id) ?? []),
            }
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

const refused = methodNotAllowed('GET', 'POST')
export { refused as PUT, refused as PATCH, refused as DELETE }
