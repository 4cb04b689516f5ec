/**
 * Claims and instalment reports as the integration API answers them (stable snake_case names, money as
 * numbers). The reads and writes are the pages' own: lib/data/claims.ts, lib/credit/claim-submission.ts,
 * lib/credit/instalments.ts.
 */
import 'server-only'
import { AppError } from '@/lib/errors'
import { getClaimLinesPage } from '@/lib/data/claims'
import { CLAIM_REASON_TEXT, shownClaimReason } from '@/lib/credit/claim-reasons'
import type { SessionUser } from '@/lib/session-user'
import { ApiProblem } from '@/lib/api/route'

const num = (d: { toString(): string } | null) => (d === null ? null : Number(d.toString()))

/** The line cursor: the last account number of a page, base64url. */
export const encodeLineCursor = (account: string) => Buffer.from(account, 'utf8').toString('base64url')
function decodeLineCursor(s: string): string {
  const account = Buffer.from(s, 'base64url').toString('utf8')
  if (!/^[A-Za-z0-9./-]{1,30}$/.test(account)) throw new ApiProblem('invalid-request', { errors: [{ path: 'query.cursor', detail: 'Cursor tidak valid; gunakan next_cursor dari jawaban sebelumnya.' }] })
  return account
}

/** One claim with a page of its lines; another bank's claim (or none) is 404. */
export async function claimAnswer(user: SessionUser, id: string, q: { limit: number; cursor?: string }) {
  const page = await getClaimLinesPage({ user, id, after: q.cursor ? decodeLineCursor(q.cursor) : undefined, limit: q.limit })
  if (!page) throw new AppError('NOT_FOUND')
  const { claim, totals, lines, hasMore } = page
  const last = lines.at(-1)
  return {
    id: claim.id,
    program: claim.program,
    bank: { id: claim.bank.id, short_name: claim.bank.shortName },
    month: claim.month.toISOString().slice(0, 7),
    status: claim.status,
    version: claim.version,
    submitted_at: claim.submittedAt.toISOString(),
    reviewed_at: claim.reviewedAt?.toISOString() ?? null,
    return_reason: claim.returnReason,
    // named one by one: the answer is the documented `Claim.totals`, whatever else the page's totals carry
    totals: { lines: totals.lines, claimed: totals.claimed, computed: totals.computed, approvable: totals.approvable, approved: totals.approved, paid: totals.paid, differing: totals.differing },
    payments: claim.payments.map((p) => ({ paid_on: p.paidOn.toISOString().slice(0, 10), amount: Number(p.amount), reference: p.reference })),
    lines: lines.map((l) => {
      // as the claim's page and its .xlsx give it: a differing line without a stored reason differs in amount
      const reason = shownClaimReason(l)
      return {
        disbursement_id: l.disbursement.id,
        account_number: l.disbursement.accountNumber,
        claimed_amount: Number(l.claimedAmount),
        computed_amount: Number(l.computedAmount),
        approved_amount: num(l.approvedAmount),
        reason,
        reason_text: reason ? CLAIM_REASON_TEXT[reason].id : null,
        note: l.note,
        claimed_balance: num(l.claimedBalance),
        claimed_days: l.claimedDays,
        claimed_rate: num(l.claimedRate),
      }
    }),
    next_cursor: hasMore && last ? encodeLineCursor(last.disbursement.accountNumber) : null,
    has_more: hasMore,
  }
}
