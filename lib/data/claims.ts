import 'server-only'
import { Prisma } from '@/lib/generated/prisma/client'
import { readDb } from '@/lib/db'
import { AppError } from '@/lib/errors'
import { can } from '@/lib/permissions'
import { bankScope } from '@/lib/scope'
import { loanSearch } from '@/lib/data/disbursements'
import { dueByLoan } from '@/lib/credit/claim-submission'
import type { SessionUser } from '@/lib/session-user'
import type { ClaimFilter, CLAIM_SORTS } from '@/lib/validations/claims'

type ClaimSort = (typeof CLAIM_SORTS)[number]

/**
 * Subsidy claims are per bank: a bank officer sees its bank's, the agency all of them. District officers
 * and leadership read the figures (lib/data/credit.ts), not the claims' lines.
 */
function claimScope(user: SessionUser): Prisma.SubsidyClaimWhereInput {
  if (!can(user.role, 'claims.read')) throw new AppError('FORBIDDEN')
  return bankScope(user)
}

/**
 * The months the user's bank has already claimed, per programme (`programId` → `YYYY-MM` → status), for the claim
 * form to mark them: a live claim's month cannot be filed again, a returned one can.
 */
export async function claimedMonths({ user }: { user: SessionUser }): Promise<Record<string, Record<string, string>>> {
  const rows = await readDb.subsidyClaim.findMany({ where: claimScope(user), select: { programId: true, month: true, status: true } })
  const byProgram: Record<string, Record<string, string>> = {}
  for (const r of rows) (byProgram[r.programId] ??= {})[r.month.toISOString().slice(0, 7)] = r.status
  return byProgram
}

export const CLAIM_PAGE_SIZE = 25

/**
 * The claims the list and its export show: the role's (claimScope) under the filter's programme, status and bank. A
 * bank officer has no bank to choose: a `bank` in its URL is no filter (the list showed its claims while the export of
 * the same address was empty).
 */
function claimWhere(user: SessionUser, f: ClaimFilter): Prisma.SubsidyClaimWhereInput {
  const bank = user.role === 'BANK_OFFICER' ? undefined : f.bank
  return {
    ...claimScope(user),
    AND: [f.program ? { programId: f.program } : {}, f.status ? { status: f.status } : {}, bank ? { bankId: bank } : {}],
  }
}

/** The list's order: the column asked (the claimed month unless another), newest or largest first unless `dir` says otherwise. */
export function claimOrder(f: ClaimFilter): { sort: ClaimSort; dir: 'asc' | 'desc' } {
  return { sort: f.sort ?? 'month', dir: f.dir ?? 'desc' }
}

/** A sort column's SQL (whitelisted: never text from the URL); a claim not yet decided has no approved amount and sorts last either way. */
const SORT_SQL: Record<ClaimSort, Prisma.Sql> = {
  month: Prisma.sql`c.month`,
  claimed: Prisma.sql`coalesce(l.claimed, 0)`,
  computed: Prisma.sql`coalesce(l.computed, 0)`,
  approved: Prisma.sql`l.approved`,
  paid: Prisma.sql`coalesce(p.paid, 0)`,
}

type ClaimTotalsRow = { id: string; lines: number; claimed: string | null; computed: string | null; approved: string | null; paid: string }

/**
 * One page of the claims `scoped` (scopedClaimIds: claimScope and the filter, chosen through Prisma), in the list's order, with
 * their totals: one statement that sums each claim's lines and payments, orders by the column asked (ties: newest
 * month, programme code, bank, id) and cuts the page; then the page's claims read through claimScope again for
 * their names. The totals are summed here only, for the list and its export alike.
 */
async function claimsPage(user: SessionUser, scoped: string[], f: ClaimFilter, skip: number, take: number) {
  const { sort, dir } = claimOrder(f)
  if (scoped.length === 0) return { rows: [], total: 0 }
  const totals = await readDb.$queryRaw<ClaimTotalsRow[]>`
    SELECT c.id, coalesce(l.lines, 0)::int AS lines, l.claimed::text AS claimed, l.computed::text AS computed, l.approved::text AS approved, coalesce(p.paid, 0)::text AS paid
      FROM subsidy_claims c
      JOIN credit_programs cp ON cp.id = c.program_id JOIN banks b ON b.id = c.bank_id
      LEFT JOIN (SELECT claim_id, count(*) AS lines, sum(claimed_amount) AS claimed, sum(computed_amount) AS computed, sum(approved_amount) AS approved
        FROM claim_lines WHERE claim_id = ANY(${scoped}::text[]) GROUP BY claim_id) l ON l.claim_id = c.id
      LEFT JOIN (SELECT claim_id, sum(amount) AS paid FROM claim_payments WHERE claim_id = ANY(${scoped}::text[]) GROUP BY claim_id) p ON p.claim_id = c.id
     WHERE c.id = ANY(${scoped}::text[])
     ORDER BY ${SORT_SQL[sort]} ${dir === 'asc' ? Prisma.sql`ASC` : Prisma.sql`DESC`} NULLS LAST, c.month DESC, cp.code, b.short_name, c.id
     LIMIT ${take} OFFSET ${skip}`
  if (totals.length === 0) return { rows: [], total: scoped.length }
  const claims = await readDb.subsidyClaim.findMany({
    where: { id: { in: totals.map((t) => t.id) }, ...claimScope(user) },
    select: { id: true, month: true, status: true, submittedAt: true, program: { select: { id: true, code: true, name: true, year: true } }, bank: { select: { id: true, shortName: true } } },
  })
  const byId = new Map(claims.map((c) => [c.id, c]))
  const rows = totals.flatMap((t) => {
    const c = byId.get(t.id)
    return c ? [{ ...c, lines: t.lines, claimed: Number(t.claimed ?? 0), computed: Number(t.computed ?? 0), approved: t.approved === null ? null : Number(t.approved), paid: Number(t.paid) }] : []
  })
  return { rows, total: scoped.length }
}

/** The ids of the claims under `where` (claimScope and the filter, chosen through Prisma): read once for a list's page and its sums. */
async function scopedClaimIds(where: Prisma.SubsidyClaimWhereInput): Promise<string[]> {
  return (await readDb.subsidyClaim.findMany({ where, select: { id: true } })).map((r) => r.id)
}

/**
 * The amounts of every claim `scoped` (the list's filter and the user's scope, as its pages), summed in one
 * statement, for the list's total line to check an export against: claimed, the agency's computation, approved
 * (null when none of them is decided yet: "–", not "Rp0 approved"), paid, and still to pay (each claim's approved
 * less its payments, never below 0, so one claim's overpayment does not hide another's debt).
 */
async function claimSums(scoped: string[]) {
  const [s] = await readDb.$queryRaw<{ claimed: string; computed: string; approved: string | null; paid: string; unpaid: string }[]>`
    SELECT coalesce(sum(l.claimed), 0)::text AS claimed, coalesce(sum(l.computed), 0)::text AS computed, sum(l.approved)::text AS approved,
      coalesce(sum(p.paid), 0)::text AS paid, coalesce(sum(greatest(l.approved - coalesce(p.paid, 0), 0)) FILTER (WHERE l.approved IS NOT NULL), 0)::text AS unpaid
      FROM subsidy_claims c
      LEFT JOIN (SELECT claim_id, sum(claimed_amount) AS claimed, sum(computed_amount) AS computed, sum(approved_amount) AS approved
        FROM claim_lines WHERE claim_id = ANY(${scoped}::text[]) GROUP BY claim_id) l ON l.claim_id = c.id
      LEFT JOIN (SELECT claim_id, sum(amount) AS paid FROM claim_payments WHERE claim_id = ANY(${scoped}::text[]) GROUP BY claim_id) p ON p.claim_id = c.id
     WHERE c.id = ANY(${scoped}::text[])`
  return { claimed: Number(s.claimed), computed: Number(s.computed), approved: s.approved === null ? null : Number(s.approved), paid: Number(s.paid), unpaid: Number(s.unpaid) }
}

/** One page (25) of the claims under the filter, in the list's order, with their totals, how many the filter holds and their amounts summed. */
export async function findClaims({ user, filter = {} }: { user: SessionUser; filter?: ClaimFilter }) {
  const page = filter.page ?? 1
  const scoped = await scopedClaimIds(claimWhere(user, filter))
  const [{ rows, total }, sums] = await Promise.all([claimsPage(user, scoped, filter, (page - 1) * CLAIM_PAGE_SIZE, CLAIM_PAGE_SIZE), claimSums(scoped)])
  return { rows, total, sums, page, pageSize: CLAIM_PAGE_SIZE, ...claimOrder(filter) }
}

/** At most this many claims in one export (a bank's are twelve a year and programme; the agency's a few hundred). */
export const CLAIMS_EXPORT_MAX = 10_000

/** Every claim under the filter, in the list's order, for the list's export (capped at CLAIMS_EXPORT_MAX). */
export async function exportClaims({ user, filter = {} }: { user: SessionUser; filter?: ClaimFilter }) {
  return (await claimsPage(user, await scopedClaimIds(claimWhere(user, filter)), filter, 0, CLAIMS_EXPORT_MAX)).rows
}

/**
 * The programmes and banks the user's claims are in, for the list's filters (a bank officer's: its own bank's
 * claims' programmes; no bank to choose).
 */
export async function claimFilterOptions({ user }: { user: SessionUser }) {
  const scope = claimScope(user)
  const [programs, banks] = await Promise.all([
    readDb.creditProgram.findMany({ where: { claims: { some: scope } }, select: { id: true, code: true, name: true }, orderBy: [{ year: 'desc' }, { name: 'asc' }] }),
    scope.bankId ? [] : readDb.bank.findMany({ where: { claims: { some: scope } }, select: { id: true, shortName: true }, orderBy: { shortName: 'asc' } }),
  ])
  return { programs, banks }
}

export const CLAIM_LINES_PAGE_SIZE = 50

/**
 * A line the verification looks at, lists and records: its figures differ from the agency's computation (or it
 * carries a reason), or it was approved below what the computation gives — a line the verifier corrected though
 * the figures agreed (a loan found ineligible at verification). The 'berbeda' view (lineView) is the same set.
 */
const DIFFERS = Prisma.sql`claimed_amount <> computed_amount OR reason IS NOT NULL OR approved_amount < least(computed_amount, claimed_amount)`
/** The record's reason for a line whose only difference is the verifier's correction (not a stored reason code). */
export const CORRECTED_AT_REVIEW = 'CORRECTED'

/** At most this many lines a verifier adds to the review form by hand (`?koreksi=`); a URL stays a URL. */
export const REVIEW_ADDED_MAX = 50

/**
 * One claim for verification: its totals, the lines whose claimed amount differs from the agency's
 * recomputation (all of them, first), then every line a page at a time, and the payments.
 */
/** A claim's totals in one statement: its lines (claimed, computed, approved, how many differ) and what was paid. Called once the claim is known to be in scope. */
async function claimTotals(id: string) {
  const [t] = await readDb.$queryRaw<{ lines: number; claimed: string; computed: string; approvable: string; approved: string | null; differing: number; reduced: number; paid: string }[]>`
    SELECT count(*)::int AS lines, coalesce(sum(claimed_amount), 0)::text AS claimed, coalesce(sum(computed_amount), 0)::text AS computed,
      -- what approving without corrections gives (approveClaim: the computation, never more than the bank claimed)
      coalesce(sum(least(computed_amount, claimed_amount)), 0)::text AS approvable,
      sum(approved_amount)::text AS approved, count(*) FILTER (WHERE ${DIFFERS})::int AS differing,
      count(*) FILTER (WHERE approved_amount < claimed_amount)::int AS reduced,
      (SELECT coalesce(sum(amount), 0) FROM claim_payments WHERE claim_id = ${id})::text AS paid
    FROM claim_lines WHERE claim_id = ${id}`
  return { lines: t.lines, claimed: Number(t.claimed), computed: Number(t.computed), approvable: Number(t.approvable), approved: t.approved === null ? null : Number(t.approved), differing: t.differing, reduced: t.reduced, paid: Number(t.paid) }
}

/**
 * The bank's loans with subsidy due in the claim's month (the agency's schedule, as a claim from the form takes
 * them) that are in no line of this claim nor of the bank's other live claim of the month (another programme
 * of the scheme): a claim sent as a file or through the API may leave loans out, and with one claim per
 * programme, bank and month they cannot be claimed later. Shown to the bank and to the reviewer, who may return it.
 */
async function unclaimedDue(claim: { id: string; bankId: string; month: Date; program: { scheme: string } }) {
  const monthStart = claim.month.toISOString().slice(0, 10)
  const [r] = await readDb.$queryRaw<{ loans: number; due: string }[]>`
    SELECT count(*)::int AS loans, coalesce(sum(d.due), 0)::text AS due
    FROM (${dueByLoan(claim.bankId, claim.program.scheme, monthStart)}) d
    WHERE NOT EXISTS (
      SELECT 1 FROM claim_lines cl JOIN subsidy_claims c ON c.id = cl.claim_id
      WHERE cl.disbursement_id = d.disbursement_id AND c.bank_id = ${claim.bankId} AND c.month = ${monthStart}::date
        AND (c.id = ${claim.id} OR c.status <> 'RETURNED'))`
  return { loans: r.loans, due: Number(r.due) }
}

/** The lines of a view, as `claimTotals` counts them (a column compared with another: Prisma's field references). */
function lineView(view: ClaimLineView): Prisma.ClaimLineWhereInput {
  const f = readDb.claimLine.fields
  // "differs": above or below (a field reference takes no `not`)
  // …or approved below what the computation gives (a line the verifier corrected though the figures agreed)
  if (view === 'berbeda') {
    return {
      OR: [
        { claimedAmount: { lt: f.computedAmount } }, { claimedAmount: { gt: f.computedAmount } }, { reason: { not: null } },
        { AND: [{ approvedAmount: { lt: f.computedAmount } }, { approvedAmount: { lt: f.claimedAmount } }] },
      ],
    }
  }
  if (view === 'dipotong') return { approvedAmount: { lt: f.claimedAmount } }
  return {}
}

/** Which of a claim's lines its page lists: all, those the agency's computation differs on, those approved below the claim. */
export const CLAIM_LINE_VIEWS = ['semua', 'berbeda', 'dipotong'] as const
export type ClaimLineView = (typeof CLAIM_LINE_VIEWS)[number]

/**
 * `withUnclaimed`: also count the month's due loans the claim leaves out (the claim's page; the record does not show it).
 * `view`: which lines the paged list holds (a bank reconciling looks for the lines approved below what it claimed).
 * `q`: only the view's lines whose account or NIB begins with it or whose business name holds it (a verifier looking
 * for one loan among a claim's 10.000 lines, a bank answering a question about one account).
 */
export async function getClaim({ user, id, page = 1, view = 'semua', withUnclaimed = true, review = [], q }: { user: SessionUser; id: string; page?: number; view?: ClaimLineView; withUnclaimed?: boolean; review?: string[]; q?: string }) {
  const claim = await readDb.subsidyClaim.findFirst({
    where: { id, ...claimScope(user) },
    select: {
      id: true, month: true, status: true, version: true, submittedAt: true, reviewedAt: true, returnReason: true, reviewedById: true, submittedById: true, bankId: true,
      program: { select: { id: true, name: true, year: true, scheme: true } }, bank: { select: { shortName: true, name: true } },
      payments: { select: { id: true, paidOn: true, amount: true, reference: true }, orderBy: { paidOn: 'asc' } },
    },
  })
  if (!claim) return null
  // the views this claim offers: lines approved below the claim exist once it is decided; another view asked is every line
  const views = CLAIM_LINE_VIEWS.filter((v) => v !== 'dipotong' || claim.status === 'APPROVED' || claim.status === 'PAID')
  if (!views.includes(view)) view = 'semua'
  const lineSelect = {
    id: true, claimedAmount: true, computedAmount: true, approvedAmount: true, note: true, reason: true, claimedBalance: true, claimedDays: true, claimedRate: true,
    disbursement: { select: { accountNumber: true, contractDate: true, plafond: true, tenorMonths: true, collectibility: true, msme: { select: { businessName: true } }, regency: { select: { name: true } } } },
  } satisfies Prisma.ClaimLineSelect
  const listWhere: Prisma.ClaimLineWhereInput = {
    claimId: id, ...lineView(view),
    ...(q && { disbursement: loanSearch(q) }),
  }
  const [totals, differing, lines, unclaimed, found] = await Promise.all([
    claimTotals(id),
    readDb.$queryRaw<{ id: string }[]>`SELECT id FROM claim_lines WHERE claim_id = ${id} AND (${DIFFERS}) ORDER BY abs(claimed_amount - computed_amount) DESC LIMIT 500`,
    readDb.claimLine.findMany({ where: listWhere, select: lineSelect, orderBy: { disbursement: { accountNumber: 'asc' } }, skip: (page - 1) * CLAIM_LINES_PAGE_SIZE, take: CLAIM_LINES_PAGE_SIZE }),
    withUnclaimed ? unclaimedDue(claim) : null,
    // a search's own count for its pages (the view's count is in the totals)
    q ? readDb.claimLine.count({ where: listWhere }) : null,
  ])
  const differingLines = differing.length
    ? await readDb.claimLine.findMany({ where: { id: { in: differing.map((d) => d.id) } }, select: lineSelect })
    : []
  // lines the verifier chose to correct though they agree with the computation (only this claim's, only while it
  // waits for its verification); a differing one is on the form already
  const listed = new Set(differing.map((d) => d.id))
  const wanted = [...new Set(review)].filter((lineId) => !listed.has(lineId)).slice(0, REVIEW_ADDED_MAX)
  const reviewLines = claim.status === 'SUBMITTED' && wanted.length
    ? await readDb.claimLine.findMany({ where: { claimId: id, id: { in: wanted } }, select: lineSelect, orderBy: { disbursement: { accountNumber: 'asc' } } })
    : []
  return {
    ...claim,
    totals,
    unclaimed,
    differingLines: differingLines.sort((a, b) => Math.abs(Number(b.claimedAmount) - Number(b.computedAmount)) - Math.abs(Number(a.claimedAmount) - Number(a.computedAmount))),
    reviewLines,
    lines,
    views,
    view,
    // how many lines the view holds, for its pages (the totals' counts, from the same statement)
    viewTotal: found ?? (view === 'berbeda' ? totals.differing : view === 'dipotong' ? totals.reduced : totals.lines),
    q: q ?? null,
    page,
    pageSize: CLAIM_LINES_PAGE_SIZE,
  }
}

/**
 * Every line of a claim with both figures and the reason they differ, for the .xlsx a bank reconciles with
 * and the verification record; null outside the role's scope.
 */
export async function exportClaimLines({ user, id }: { user: SessionUser; id: string }) {
  const claim = await readDb.subsidyClaim.findFirst({
    where: { id, ...claimScope(user) },
    select: { id: true, month: true, status: true, program: { select: { name: true } }, bank: { select: { shortName: true, name: true } } },
  })
  if (!claim) return null
  const lines = await readDb.claimLine.findMany({
    where: { claimId: id },
    select: {
      claimedAmount: true, computedAmount: true, approvedAmount: true, note: true, reason: true, claimedBalance: true, claimedDays: true, claimedRate: true,
      disbursement: { select: { accountNumber: true, msme: { select: { businessName: true } }, regency: { select: { name: true } } } },
    },
    orderBy: { disbursement: { accountNumber: 'asc' } },
  })
  return { claim, lines }
}

/**
 * A programme's subsidy ceiling (pagu) and how much of it its claims have taken: approved (the lines of decided
 * claims) and paid, and the payment references (SP2D numbers) recorded, in SQL. The verifier's dialogs say when an
 * approval or a payment would pass the ceiling, or a payment repeats an SP2D number: the ceiling in Lumbung may lag
 * a budget revision (APBD-P), one SP2D may pay two months, so they warn, they do not refuse.
 */
export async function programBudgetUse(user: SessionUser, programId: string) {
  // the verifier's figures: for whoever verifies claims, the whole programme (every bank's claims)
  if (!can(user.role, 'claims.verify')) throw new AppError('FORBIDDEN')
  const [r] = await readDb.$queryRaw<{ ceiling: string; approved: string; paid: string; references: string[] }[]>`
    SELECT p.subsidy_ceiling::text AS ceiling,
      (SELECT coalesce(sum(l.approved_amount), 0) FROM claim_lines l JOIN subsidy_claims c ON c.id = l.claim_id WHERE c.program_id = p.id)::text AS approved,
      (SELECT coalesce(sum(cp.amount), 0) FROM claim_payments cp JOIN subsidy_claims c ON c.id = cp.claim_id WHERE c.program_id = p.id)::text AS paid,
      -- the SP2D numbers already recorded for the programme: one typed again is pointed out before it is saved
      ARRAY(SELECT DISTINCT upper(cp.reference) FROM claim_payments cp JOIN subsidy_claims c ON c.id = cp.claim_id WHERE c.program_id = p.id ORDER BY 1) AS references
    FROM credit_programs p WHERE p.id = ${programId}`
  return { ceiling: Number(r.ceiling), approved: Number(r.approved), paid: Number(r.paid), references: r.references }
}

/**
 * What the verification record (berita acara verifikasi) states: the claim with its totals and differing
 * lines (getClaim), and per reason the number of lines and the amounts claimed and computed, in SQL.
 */
export async function getVerificationRecord({ user, id }: { user: SessionUser; id: string }) {
  const claim = await getClaim({ user, id, withUnclaimed: false })
  if (!claim) return null
  const byReason = await readDb.$queryRaw<{ reason: string; lines: number; claimed: string; computed: string }[]>`
    SELECT coalesce(reason, CASE WHEN claimed_amount <> computed_amount THEN 'AMOUNT_DIFFERS' ELSE ${CORRECTED_AT_REVIEW} END) AS reason,
      count(*)::int AS lines, sum(claimed_amount)::text AS claimed, sum(computed_amount)::text AS computed
    FROM claim_lines WHERE claim_id = ${id} AND (${DIFFERS})
    GROUP BY 1 ORDER BY 1`
  const [reviewer, submitter] = await Promise.all([
    claim.reviewedById ? readDb.user.findUnique({ where: { id: claim.reviewedById }, select: { name: true } }) : null,
    claim.submittedById ? readDb.user.findUnique({ where: { id: claim.submittedById }, select: { name: true } }) : null,
  ])
  return { claim, byReason: byReason.map((r) => ({ ...r, claimed: Number(r.claimed), computed: Number(r.computed) })), reviewer: reviewer?.name ?? null, submitter: submitter?.name ?? null }
}

/**
 * A claim's verification result for the integration API: the claim, its totals and payments, and its lines
 * a page at a time in account-number order (`after`: the last account number of the previous page), each
 * with the bank's and the agency's figures and the reason they differ. Null outside the role's scope
 * (another bank's claim), so the API answers 404 as the page does.
 */
export async function getClaimLinesPage({ user, id, after, limit }: { user: SessionUser; id: string; after?: string; limit: number }) {
  const claim = await readDb.subsidyClaim.findFirst({
    where: { id, ...claimScope(user) },
    select: {
      id: true, month: true, status: true, version: true, submittedAt: true, reviewedAt: true, returnReason: true,
      program: { select: { id: true, code: true, name: true, year: true } }, bank: { select: { id: true, shortName: true } },
      payments: { select: { paidOn: true, amount: true, reference: true }, orderBy: [{ paidOn: 'asc' }, { id: 'asc' }] },
    },
  })
  if (!claim) return null
  const [totals, lines] = await Promise.all([
    claimTotals(id),
    readDb.claimLine.findMany({
      where: { claimId: id, ...(after && { disbursement: { accountNumber: { gt: after } } }) },
      select: {
        claimedAmount: true, computedAmount: true, approvedAmount: true, note: true, reason: true, claimedBalance: true, claimedDays: true, claimedRate: true,
        disbursement: { select: { id: true, accountNumber: true } },
      },
      orderBy: { disbursement: { accountNumber: 'asc' } },
      take: limit + 1,
    }),
  ])
  return {
    claim,
    totals,
    lines: lines.slice(0, limit),
    hasMore: lines.length > limit,
  }
}
