import 'server-only'
import { AppError } from '@/lib/errors'
import { Prisma } from '@/lib/generated/prisma/client'
import { readDb } from '@/lib/db'
import { jakartaToday } from '@/lib/dates'
import { loanTerms } from '@/lib/credit/loan-months'
import { reconciliationSchedule } from '@/lib/credit/subsidy'
import { can } from '@/lib/permissions'
import { bankScope, regencyScope } from '@/lib/scope'
import type { SessionUser } from '@/lib/session-user'
import type { DisbursementFilter } from '@/lib/validations/credit'
import { escapeLike, foldedSearchWords } from '@/lib/parse'
import type { SyncCursor } from '@/lib/data/cooperatives'

export const DISBURSEMENT_PAGE_SIZE = 25

export const disbursementListSelect = {
  id: true,
  accountNumber: true,
  contractDate: true,
  plafond: true,
  tenorMonths: true,
  bankRate: true,
  borrowerRate: true,
  method: true,
  collectibility: true,
  status: true,
  eligibilityIssues: true,
  program: { select: { id: true, name: true, amortisationBasis: true } },
  bank: { select: { shortName: true } },
  regency: { select: { code: true, name: true } },
  msme: { select: { id: true, nib: true, businessName: true } },
} satisfies Prisma.DisbursementSelect

export type DisbursementRow = Prisma.DisbursementGetPayload<{ select: typeof disbursementListSelect }>

/** The role's rows only: a district officer its regency's loans, a bank officer its bank's. */
function scopedWhere(user: SessionUser, f: DisbursementFilter): Prisma.DisbursementWhereInput {
  if (!can(user.role, 'credit.read')) throw new AppError('FORBIDDEN')
  return {
    ...regencyScope(user),
    ...bankScope(user),
    AND: [
      f.program ? { programId: f.program } : {},
      f.regency ? { regencyCode: f.regency } : {},
      f.bank ? { bankId: f.bank } : {},
      f.from || f.to ? { contractDate: { ...(f.from && { gte: new Date(f.from) }), ...(f.to && { lte: new Date(f.to) }) } } : {},
      f.collectibility ? { collectibility: f.collectibility } : {},
      f.flagged ? { NOT: { eligibilityIssues: { isEmpty: true } } } : {},
      f.q ? loanSearch(f.q) : {},
    ],
  }
}

/**
 * A loan looked for by what people quote: its account or its MSME's NIB by their beginning, its business name
 * anywhere in it (LIKE wildcards typed are characters). The loans list's search and a claim's lines' (lib/data/claims.ts).
 */
export function loanSearch(q: string): Prisma.DisbursementWhereInput {
  // a business name by its words, in any order ("tempe sri" finds "Keripik Tempe Bu Sri"), folded as the MSME list
  // searches it (lib/parse.ts SEARCH_FOLD: `eka` finds "Éka"), on the same indexed column
  return { OR: [{ accountNumber: { startsWith: escapeLike(q) } }, { msme: { nib: { startsWith: escapeLike(q) } } }, { AND: foldedSearchWords(q).map((w) => ({ msme: { businessNameSearch: { contains: w } } })) }] }
}

/** The list's order, newest contract first unless the user sorted: the export keeps it too. */
function disbursementOrder(filter: DisbursementFilter): Prisma.DisbursementOrderByWithRelationInput[] {
  return [{ [filter.sort ?? 'contractDate']: filter.dir ?? 'desc' }, { id: 'asc' }]
}

/** One page of disbursements under the filter, with the total count and sum for the footer. */
export async function findDisbursements({ user, filter }: { user: SessionUser; filter: DisbursementFilter }) {
  const where = scopedWhere(user, filter)
  const page = filter.page ?? 1
  const orderBy = disbursementOrder(filter)
  const [rows, totals] = await Promise.all([
    readDb.disbursement.findMany({ where, select: disbursementListSelect, orderBy, skip: (page - 1) * DISBURSEMENT_PAGE_SIZE, take: DISBURSEMENT_PAGE_SIZE }),
    readDb.disbursement.aggregate({ where, _count: { _all: true }, _sum: { plafond: true } }),
  ])
  return { rows, total: totals._count._all, sum: Number(totals._sum.plafond ?? 0), page, pageSize: DISBURSEMENT_PAGE_SIZE }
}

/** Every disbursement under the filter, in the list's order, for export (capped). */
export async function exportDisbursements({ user, filter }: { user: SessionUser; filter: DisbursementFilter }) {
  return readDb.disbursement.findMany({ where: scopedWhere(user, filter), select: disbursementListSelect, orderBy: disbursementOrder(filter), take: 200_000 })
}

/** An MSME's loans, for its detail page (same scope as the lists). */
export async function findLoansOfMsme({ user, msmeId }: { user: SessionUser; msmeId: string }) {
  return readDb.disbursement.findMany({ where: { ...scopedWhere(user, {}), msmeId }, select: disbursementListSelect, orderBy: { contractDate: 'desc' } })
}

/** Programmes to choose from in filters and forms (a bank officer sees its bank's). */
export async function listPrograms({ user }: { user: SessionUser }) {
  if (!can(user.role, 'credit.read')) throw new AppError('FORBIDDEN')
  const bank = bankScope(user)
  return readDb.creditProgram.findMany({
    where: bank.bankId ? { banks: { some: { bankId: bank.bankId } } } : {},
    select: {
      // a bank officer (or a bank's API client) reads its own bank's part only: another bank's contract rate is that bank's business
      id: true, code: true, name: true, year: true, scheme: true, banks: { where: bank.bankId ? { bankId: bank.bankId } : {}, select: { bank: { select: { id: true, shortName: true } } } },
      // the rules a loan must meet, shown on the disbursement form before anything is typed
      borrowerRate: true, maxPlafond: true, maxTenorMonths: true, eligibleScales: true, amortisationBasis: true,
      rates: { where: bank.bankId ? { bankId: bank.bankId } : {}, select: { bankId: true, rate: true, effectiveFrom: true }, orderBy: { effectiveFrom: 'desc' } },
    },
    orderBy: [{ year: 'desc' }, { name: 'asc' }],
  })
}

/**
 * A loan's schedule as its bank reconciles it: per period the due date, days, opening balance, principal, the
 * borrower's interest and instalment, bank rate, rate difference and the subsidy due (stored), and its state:
 * not yet due (after `today`), reported paid, reported unpaid, or due but not reported yet.
 */
export async function getLoanSchedule({ user, id, today = jakartaToday() }: { user: SessionUser; id: string; today?: string }) {
  const loan = await getDisbursement({ user, id })
  if (!loan) return null
  const [rates, total] = await Promise.all([
    readDb.programRate.findMany({ where: { programId: loan.program.id, bankId: loan.bankId }, select: { programId: true, bankId: true, effectiveFrom: true, rate: true } }),
    // the loan's total subsidy summed in SQL, as every other subsidy total (not a float sum of its periods)
    readDb.loanMonth.aggregate({ where: { disbursementId: loan.id }, _sum: { subsidyDue: true } }),
  ])
  const stored = new Map(loan.months.map((m) => [m.period, m]))
  const rows = reconciliationSchedule(loanTerms({ ...loan, programId: loan.program.id }, rates)).map((r) => {
    const m = stored.get(r.period)
    const state: 'NOT_DUE' | 'NOT_REPORTED' | 'PAID' | 'UNPAID' = r.end > today ? 'NOT_DUE' : !m?.reportedAt ? 'NOT_REPORTED' : m.instalmentPaid ? 'PAID' : 'UNPAID'
    return { ...r, subsidy: Number(m?.subsidyDue ?? 0), reason: m?.reason ?? 'DUE', collectibility: m?.reportedAt ? m.collectibility : null, state }
  })
  return { loan, rows, subsidyTotal: (total._sum.subsidyDue ?? 0).toString() }
}
export type LoanScheduleRow = NonNullable<Awaited<ReturnType<typeof getLoanSchedule>>>['rows'][number]

/** One loan with its periods (balance, subsidy due and what the bank reported), in the role's scope. */
export async function getDisbursement({ user, id }: { user: SessionUser; id: string }) {
  return readDb.disbursement.findFirst({
    where: { ...scopedWhere(user, {}), id },
    select: {
      ...disbursementListSelect,
      exceptionReason: true,
      bankId: true,
      version: true,
      months: {
        select: { period: true, dueDate: true, days: true, openingBalance: true, rateDifference: true, instalmentPaid: true, collectibility: true, subsidyDue: true, reason: true, reportedAt: true },
        orderBy: { period: 'asc' },
      },
    },
  })
}

/**
 * The live claims (being verified, approved or paid) that hold a line of this loan, in month order: while there
 * is one, a correction is refused (lib/credit/disbursement-corrections.ts), so the loan's page says why instead of
 * offering a form whose every submission fails. For a loan already read in scope (getDisbursement): its claims are
 * its own bank's.
 */
export async function liveClaimsOfLoan(loanId: string) {
  return readDb.subsidyClaim.findMany({
    where: { status: { in: ['SUBMITTED', 'APPROVED', 'PAID'] }, lines: { some: { disbursementId: loanId } } },
    select: { month: true, status: true },
    orderBy: { month: 'asc' },
  })
}

/**
 * The months of a loan whose subsidy fell due in a month its bank has already claimed without it (a loan
 * recorded late: its contract date before months already filed), with their claim's state: a claim still being
 * verified can be returned and filed again with the loan; an approved or paid one cannot (one month, one claim),
 * so those months are lost. A month is claimed under the programme of its year, of the loan's scheme (as
 * dueByLoan gathers them), so a loan's months in the next year are looked for there. Claims are read only by
 * the roles that read claims, a bank officer its own bank's; others get nothing. Called for a loan already read
 * in scope (getDisbursement). The totals per state are summed in SQL.
 */
export async function missedClaimMonths(user: SessionUser, loan: { id: string; bankId: string }, client: Pick<Prisma.TransactionClient, '$queryRaw'> = readDb) {
  return (await missedClaimMonthsOf(user, [loan], client)).get(loan.id) ?? []
}

/** A month of a loan claimed without it: 'DECIDED' (approved or paid: lost) or 'SUBMITTED' (still returnable), its subsidy, and the loan's total in that state. */
export type MissedMonth = { month: string; status: 'DECIDED' | 'SUBMITTED'; due: string; total: string }

/** Who reads missed months: the roles that read claims, a bank officer its own bank's loans only (lib/data/claims.ts claimScope). */
function missedMonthsReader(user: Pick<SessionUser, 'role' | 'bankId'>): { allowed: boolean; bankId?: string } {
  return can(user.role, 'claims.read') ? { allowed: true, bankId: bankScope(user).bankId } : { allowed: false }
}

/**
 * The one join behind every read of missed months: for the loans whose ids `loanIds` (a query) gives, one row per
 * loan, month and state (`returnable`: the claim is still SUBMITTED) with the loan's subsidy due then. A month is
 * claimed under the programme of its year, of the loan's scheme, by the loan's bank; a month whose claim holds the
 * loan is not missed.
 */
const missedMonthsSql = (loanIds: Prisma.Sql) => Prisma.sql`
  SELECT lm.disbursement_id AS loan, lm.claim_month, c.status = 'SUBMITTED' AS returnable, sum(lm.subsidy_due) AS due
    FROM loan_months lm
    JOIN disbursements d ON d.id = lm.disbursement_id
    JOIN credit_programs dp ON dp.id = d.program_id
    JOIN subsidy_claims c ON c.bank_id = d.bank_id AND c.month = lm.claim_month AND c.status IN ('SUBMITTED', 'APPROVED', 'PAID')
    JOIN credit_programs p ON p.id = c.program_id AND p.scheme = dp.scheme
   WHERE lm.disbursement_id IN (${loanIds}) AND lm.subsidy_due > 0
     AND NOT EXISTS (SELECT 1 FROM claim_lines l WHERE l.claim_id = c.id AND l.disbursement_id = lm.disbursement_id)
   GROUP BY lm.disbursement_id, lm.claim_month, c.status = 'SUBMITTED'`

/**
 * missedClaimMonths for many loans at once, in one statement (a batch of the API): loan id → its months, in month
 * order; a loan with none is absent. Each loan's own bank and scheme, as for one.
 */
export async function missedClaimMonthsOf(user: SessionUser, loans: { id: string; bankId: string }[], client: Pick<Prisma.TransactionClient, '$queryRaw'> = readDb): Promise<Map<string, MissedMonth[]>> {
  const reader = missedMonthsReader(user)
  const ids = reader.allowed ? loans.filter((l) => reader.bankId === undefined || reader.bankId === l.bankId).map((l) => l.id) : []
  const out = new Map<string, MissedMonth[]>()
  if (!ids.length) return out
  // `client`: the recording's own transaction, which sees the loan's months before they are committed (and
  // never a read replica that has not caught up with them)
  const rows = await client.$queryRaw<(MissedMonth & { loan: string })[]>`
    SELECT m.loan, to_char(m.claim_month, 'YYYY-MM') AS month, CASE WHEN m.returnable THEN 'SUBMITTED' ELSE 'DECIDED' END AS status,
           m.due::text AS due, sum(m.due) OVER (PARTITION BY m.loan, m.returnable)::text AS total
      FROM (${missedMonthsSql(Prisma.sql`SELECT unnest(${ids}::text[])`)}) m
     ORDER BY m.loan, m.claim_month`
  for (const { loan, ...month } of rows) {
    const months = out.get(loan) ?? []
    months.push(month)
    out.set(loan, months)
  }
  return out
}

/** How many of an import's affected loans its result lists by account (the rest are counted). */
export const IMPORT_MISSED_SHOWN = 50

/** What a disbursement import's result says of its back-dated loans (stored with the import's summary). */
export type ImportMissedMonths = {
  /** the new loans with a month claimed without them, and their subsidy of such months together, per state */
  loans: number; lost: string; returnable: string
  /** the first IMPORT_MISSED_SHOWN of them by account, each with its months (`YYYY-MM`) and their subsidy per state */
  shown: { id: string; accountNumber: string; lostMonths: string[]; lost: string; returnableMonths: string[]; returnable: string }[]
}

/**
 * The loans an import of disbursements created (its rows judged new: bank code and account, as its key) whose months
 * their bank had already claimed without them, as the form says on saving a loan: read by the import's write in its
 * own transaction, for the importer (whose own import it is), and stored with its summary (the rows it is read from
 * are tidied away an hour later). Counts, sums and the first loans in one statement. Null when there are none.
 */
export async function importedLoansMissedMonths(importer: Pick<SessionUser, 'role' | 'bankId'>, importId: string, client: Pick<Prisma.TransactionClient, '$queryRaw'> = readDb): Promise<ImportMissedMonths | null> {
  const reader = missedMonthsReader(importer)
  if (!reader.allowed) return null
  const ownBank = reader.bankId ? Prisma.sql`AND d.bank_id = ${reader.bankId}` : Prisma.empty
  // a key is "<bank code>/<account>"; a bank code has no '/', an account may (split at the first, as the import does)
  const created = Prisma.sql`
    SELECT d.id FROM import_rows r
      JOIN banks b ON b.code = split_part(r.key, '/', 1)
      JOIN disbursements d ON d.bank_id = b.id AND d.account_number = substr(r.key, length(b.code) + 2)
     WHERE r.import_id = ${importId} AND r.outcome = 'CREATE' ${ownBank}`
  const rows = await client.$queryRaw<(ImportMissedMonths['shown'][number] & { loans: number; allLost: string; allReturnable: string })[]>`
    WITH m AS (${missedMonthsSql(created)}),
    per AS (
      SELECT m.loan,
             coalesce(array_agg(to_char(m.claim_month, 'YYYY-MM') ORDER BY m.claim_month) FILTER (WHERE NOT m.returnable), '{}') AS "lostMonths",
             coalesce(sum(m.due) FILTER (WHERE NOT m.returnable), 0) AS lost,
             coalesce(array_agg(to_char(m.claim_month, 'YYYY-MM') ORDER BY m.claim_month) FILTER (WHERE m.returnable), '{}') AS "returnableMonths",
             coalesce(sum(m.due) FILTER (WHERE m.returnable), 0) AS returnable
        FROM m GROUP BY m.loan)
    SELECT per.loan AS id, d.account_number AS "accountNumber", per."lostMonths", per.lost::text AS lost, per."returnableMonths", per.returnable::text AS returnable,
           count(*) OVER ()::int AS loans, sum(per.lost) OVER ()::text AS "allLost", sum(per.returnable) OVER ()::text AS "allReturnable"
      FROM per JOIN disbursements d ON d.id = per.loan
     ORDER BY d.account_number
     LIMIT ${IMPORT_MISSED_SHOWN}`
  if (!rows.length) return null
  const { loans, allLost, allReturnable } = rows[0]
  const shown = rows.map((r) => ({ id: r.id, accountNumber: r.accountNumber, lostMonths: r.lostMonths, lost: r.lost, returnableMonths: r.returnableMonths, returnable: r.returnable }))
  return { loans, lost: allLost, returnable: allReturnable, shown }
}

/** A month a bank has claimed under a scheme, with its claim's state (what the disbursement form warns of as a date is typed). */
export type ClaimedMonth = { bankId: string; scheme: string; month: string; status: MissedMonth['status'] }

/**
 * The months the banks within the user's reach have already claimed (submitted, approved or paid), per scheme, over
 * the last four years: the disbursement form says, as the contract date and tenor are typed, which of the loan's
 * months fall in them (money said before it is lost, not after the save). missedMonthsReader's scope: a bank officer
 * its own bank's claims; a role that does not read claims none.
 */
export async function claimedMonthsForRecording(user: Pick<SessionUser, 'role' | 'bankId'>): Promise<ClaimedMonth[]> {
  const reader = missedMonthsReader(user)
  if (!reader.allowed) return []
  const ownBank = reader.bankId ? Prisma.sql`AND c.bank_id = ${reader.bankId}` : Prisma.empty
  return readDb.$queryRaw<ClaimedMonth[]>`
    SELECT c.bank_id AS "bankId", p.scheme, to_char(c.month, 'YYYY-MM') AS month, CASE WHEN c.status = 'SUBMITTED' THEN 'SUBMITTED' ELSE 'DECIDED' END AS status
      FROM subsidy_claims c JOIN credit_programs p ON p.id = c.program_id
     WHERE c.status IN ('SUBMITTED', 'APPROVED', 'PAID') AND c.month >= (date_trunc('month', ${jakartaToday()}::date) - interval '4 years') ${ownBank}
     ORDER BY c.bank_id, p.scheme, c.month`
}

/** What a disbursement import's dry run says, before anything is written, of its new loans that fall in months already claimed. */
export type PlannedMissedMonths = {
  /** the new loans concerned, and how many of their months are in a decided (lost) or a still-verified (returnable) claim */
  loans: number; lostMonths: number; returnableMonths: number
  /** the first IMPORT_MISSED_SHOWN of them by account, with those months (`YYYY-MM`) */
  shown: { bankCode: string; accountNumber: string; lost: string[]; returnable: string[] }[]
}

/** A loan an import would record, as its dry run read it: account, bank code, programme code, contract date (ISO) and tenor. */
export type PlannedLoan = { accountNumber: string; bankCode: string; programCode: string; contractDate: string; tenorMonths: number }

/**
 * Before the write: of the loans a disbursement import's dry run found new, those that would fall due in months their
 * bank has already claimed without them, so that the bank reads it before confirming, not after (a walk's file of
 * back-dated loans had been confirmed on "4 data baru" alone). A loan falls due in the months after its contract
 * month, one per period (lib/credit/claim-months.ts, as its schedule claims them); its subsidy amounts are known only
 * once its schedule is written, so months are counted here and the result states the amounts
 * (importedLoansMissedMonths). In missedMonthsReader's scope. Counts and the first loans in one statement.
 */
export async function plannedLoansMissedMonths(importer: Pick<SessionUser, 'role' | 'bankId'>, loans: PlannedLoan[], client: Pick<Prisma.TransactionClient, '$queryRaw'> = readDb): Promise<PlannedMissedMonths | null> {
  const reader = missedMonthsReader(importer)
  if (!reader.allowed || !loans.length) return null
  const ownBank = reader.bankId ? Prisma.sql`AND b.id = ${reader.bankId}` : Prisma.empty
  const rows = await client.$queryRaw<(PlannedMissedMonths['shown'][number] & { loans: number; allLost: number; allReturnable: number })[]>`
    WITH planned AS (
      SELECT l.account, b.code AS bank_code, b.id AS bank_id, p.scheme, date_trunc('month', l.contract_date)::date AS contract_month, l.tenor
        FROM unnest(${loans.map((l) => l.accountNumber)}::text[], ${loans.map((l) => l.bankCode)}::text[], ${loans.map((l) => l.programCode)}::text[],
                    ${loans.map((l) => l.contractDate)}::date[], ${loans.map((l) => l.tenorMonths)}::int[]) AS l(account, bank_code, program_code, contract_date, tenor)
        JOIN banks b ON b.code = l.bank_code
        JOIN credit_programs p ON p.code = l.program_code
       WHERE true ${ownBank}),
    -- the loan's claim months are the 1st … tenor-th after its contract month: a range of the claims' months (not a
    -- row per month of every loan, 12 million for 100.000 loans of 120 months)
    claimed AS (
      SELECT pl.bank_code, pl.account, to_char(c.month, 'YYYY-MM') AS month, c.status = 'SUBMITTED' AS returnable
        FROM planned pl
        JOIN subsidy_claims c ON c.bank_id = pl.bank_id AND c.month > pl.contract_month
                             AND c.month <= (pl.contract_month + make_interval(months => pl.tenor))::date
                             AND c.status IN ('SUBMITTED', 'APPROVED', 'PAID')
        JOIN credit_programs cp ON cp.id = c.program_id AND cp.scheme = pl.scheme),
    -- a loan is its bank and account (an admin's file may hold one account number at two banks)
    per AS (
      SELECT bank_code, account,
             coalesce(array_agg(month ORDER BY month) FILTER (WHERE NOT returnable), '{}') AS lost,
             coalesce(array_agg(month ORDER BY month) FILTER (WHERE returnable), '{}') AS returnable
        FROM claimed GROUP BY bank_code, account)
    SELECT bank_code AS "bankCode", account AS "accountNumber", lost, returnable, count(*) OVER ()::int AS loans,
           sum(cardinality(lost)) OVER ()::int AS "allLost", sum(cardinality(returnable)) OVER ()::int AS "allReturnable"
      FROM per ORDER BY account, bank_code LIMIT ${IMPORT_MISSED_SHOWN}`
  if (!rows.length) return null
  return {
    loans: rows[0].loans, lostMonths: rows[0].allLost, returnableMonths: rows[0].allReturnable,
    shown: rows.map((r) => ({ bankCode: r.bankCode, accountNumber: r.accountNumber, lost: r.lost, returnable: r.returnable })),
  }
}

/** A loan as the integration API lists it (GET /api/v1/penyaluran). */
export const disbursementSyncSelect = {
  id: true, version: true, accountNumber: true, programId: true, bankId: true, msmeId: true, regencyCode: true, contractDate: true, plafond: true, tenorMonths: true,
  bankRate: true, borrowerRate: true, method: true, collectibility: true, status: true, eligibilityIssues: true, createdAt: true, updatedAt: true,
  msme: { select: { nib: true, businessName: true } },
} satisfies Prisma.DisbursementSelect

/** One loan as the API returns it, in the role's scope (the list's), or null. */
export async function findDisbursementRecord({ user, id }: { user: SessionUser; id: string }) {
  return readDb.disbursement.findFirst({ where: { ...scopedWhere(user, {}), id }, select: disbursementSyncSelect })
}

/**
 * The loans in the role's scope under the list's filters, in (updatedAt, id) order for incremental sync (a bank
 * its own bank's, a district officer its regency's): the same scope as the disbursement list. Loans are never
 * deleted, so there are no tombstones.
 */
export async function syncDisbursements({ user, filter, after, updatedSince, until, limit }: {
  user: SessionUser; filter: DisbursementFilter; after?: SyncCursor; updatedSince?: Date; until?: Date; limit: number
}) {
  const and: Prisma.DisbursementWhereInput[] = [scopedWhere(user, filter)]
  if (updatedSince) and.push({ updatedAt: { gt: updatedSince } })
  // the sync watermark (lib/data/sync-watermark.ts): nothing a still-running transaction may yet commit behind the cursor
  if (until) and.push({ updatedAt: { lt: until } })
  if (after) and.push({ OR: [{ updatedAt: { gt: after.updatedAt } }, { updatedAt: after.updatedAt, id: { gt: after.id } }] })
  const rows = await readDb.disbursement.findMany({ where: { AND: and }, select: disbursementSyncSelect, orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }], take: limit + 1 })
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  const next: SyncCursor | null = last ? { updatedAt: last.updatedAt, id: last.id } : (after ?? null)
  return { rows: page, next, hasMore: rows.length > limit }
}
