import 'server-only'
import { cache } from 'react'
import { Prisma } from '@/lib/generated/prisma/client'
import { readSql } from '@/lib/db'
import { env } from '@/lib/env'
import { resolveFigureScope, type FigureRequest, type FigureScope } from '@/lib/scope'
import type { SessionUser } from '@/lib/session-user'

/**
 * Credit figures for dashboards and screens, computed in PostgreSQL and scoped by role in the WHERE
 * clause through `resolveFigureScope` (lib/scope.ts): a bank officer's figures are always its bank's,
 * and only for programmes its bank lends in; a district officer may read its own regency and the
 * province totals (and the per-regency ranking), never another regency on its own.
 *
 * Each figure has one definition here, computed once per request and scope (React `cache()` keyed by
 * the resolved scope, never by the raw filter): the programme page, the dashboards and their exports
 * call the same functions, so the same figure cannot differ between two screens.
 *
 * They read the roll-ups `credit_daily`, `subsidy_monthly`, `subsidy_daily` and `claim_scope` (migration
 * 20261204090000_figure_rollups), which triggers keep in the same transaction as every write of loans,
 * loan periods and claim lines: thousands of rows per figure instead of hundreds of thousands, and the
 * same numbers (tests/integration/figure-rollups.test.ts checks every figure against the base tables).
 * The roll-ups carry `regency_code` and `bank_id`, so the scope's condition on `d` applies to them as is.
 *
 * Each figure is one statement (its parts as CTEs), like the bench's floors (scripts/bench/dashboard.ts):
 * on the roll-ups a part takes a few milliseconds, so a round trip and Prisma's cost per statement would
 * otherwise be most of a figure's time. For the same reason they run on the pg pool directly (`readSql`, routed
 * to the replica like every read), not through Prisma's `$queryRaw`. The programme itself is read once per request by `resolveFigureScope`.
 */
export type CreditFilter = FigureRequest
export type { ProgramHeader } from '@/lib/scope'

const num = (v: unknown) => Number(v ?? 0)

/**
 * The subsidy ceiling a figure is compared with: the programme's, or for one regency its share of it, pro
 * rata to its credit allocation (`target`). Comparing one regency's payments with the whole province's
 * ceiling would make every regency look nearly unabsorbed.
 */
function ceilingOf(s: { regencyCode?: string; program: { subsidyCeiling: unknown; creditTarget: unknown } }, target: number): number {
  const province = num(s.program.subsidyCeiling)
  if (!s.regencyCode) return province
  const programTarget = num(s.program.creditTarget)
  return programTarget > 0 ? Math.round((province * target) / programTarget) : 0
}
const pct = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : null)

/**
 * The headline figures of a programme: credit disbursed and realisation % of target, beneficiaries,
 * average plafond; subsidy due, claimed, approved and paid in the budget year and absorption % of the
 * ceiling; the year-end projection; and the subsidy this year's loans still commit in later years.
 */
export async function getCreditSummary({ user, filter }: { user: SessionUser; filter: CreditFilter }) {
  return creditSummary(await resolveFigureScope(user, filter))
}

/**
 * The `credit_daily` column that counts distinct beneficiaries in the scope: the loans that are their MSME's
 * first in the programme within the same regency and/or bank (summed up to a day = distinct MSMEs by then).
 */
export function firstLoanColumn(s: { regencyCode?: string; bankId?: string }): Prisma.Sql {
  if (s.regencyCode && s.bankId) return Prisma.raw('new_in_regency_bank')
  if (s.regencyCode) return Prisma.raw('new_in_regency')
  if (s.bankId) return Prisma.raw('new_in_bank')
  return Prisma.raw('new_in_program')
}

/**
 * What bounds a programme's rows in a figure's SQL: its id, as-of day, scheme and year. For one programme its
 * constants (`boundsOf`); in `summaryRows` for many programmes in one statement, the columns of its `scope`
 * list (`LISTED`), joined by `from` (written before a CTE's first table). The same SQL text serves both, so a
 * formula is written once; and one programme's statement keeps its constants for the planner to estimate with
 * (read through the list's columns, the bench's regency summary took three times its floor instead of about one).
 */
type Bounds = { from: Prisma.Sql; programId: Prisma.Sql; asOf: Prisma.Sql; scheme: Prisma.Sql; yearStart: Prisma.Sql; nextYear: Prisma.Sql }
function boundsOf(s: FigureScope): Bounds {
  return {
    from: Prisma.empty,
    // typed: a bare parameter selected as a column (`SELECT $1 AS program_id`) has no type PostgreSQL can infer
    programId: Prisma.sql`${s.programId}::text`,
    asOf: Prisma.sql`${s.asOf}::date`,
    scheme: Prisma.sql`${s.scheme}`,
    yearStart: Prisma.sql`${`${s.year}-01-01`}::date`,
    nextYear: Prisma.sql`${`${s.year + 1}-01-01`}::date`,
  }
}
const LISTED: Bounds = {
  from: Prisma.sql`scope sc,`,
  programId: Prisma.raw('sc.program_id'), asOf: Prisma.raw('sc.as_of'), scheme: Prisma.raw('sc.scheme'), yearStart: Prisma.raw('sc.year_start'), nextYear: Prisma.raw('sc.next_year'),
}

/** The regency's allocation (its credit target) in the programme, as a scalar subquery; null for the province. */
function regencyTargetSql(b: Bounds, regencyCode: string | undefined): Prisma.Sql {
  return regencyCode
    ? Prisma.sql`(SELECT a.credit_target FROM program_allocations a WHERE a.program_id = ${b.programId} AND a.regency_code = ${regencyCode})`
    : Prisma.sql`NULL::numeric`
}

/**
 * The loan periods that fall due in the budget year up to the as-of day, from the roll-ups: every period of
 * the scheme's loans (this year's and earlier programmes') whose claim month is in the year; the months
 * before the as-of day's month from `subsidy_monthly` (by month), that month's days up to the as-of day
 * from `subsidy_daily` (by day). `columns` are read from both as `d`; `inScope` is the scope's `loans`.
 */
function subsidyDueRows(b: Bounds, inScope: Prisma.Sql, columns: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT ${columns} FROM subsidy_monthly d
    WHERE d.program_id IN (SELECT p.id FROM credit_programs p WHERE p.scheme = ${b.scheme})
      AND d.claim_month >= ${b.yearStart} AND d.claim_month < ${b.nextYear}
      AND d.due_month < date_trunc('month', ${b.asOf}) ${inScope}
    UNION ALL
    SELECT ${columns} FROM subsidy_daily d
    WHERE d.program_id IN (SELECT p.id FROM credit_programs p WHERE p.scheme = ${b.scheme})
      AND d.claim_month >= ${b.yearStart} AND d.claim_month < ${b.nextYear}
      AND d.due_date >= date_trunc('month', ${b.asOf}) AND d.due_date <= ${b.asOf} ${inScope}`
}

/**
 * The headline figures of one or more programmes for one user's scope, in one statement (one round trip, one
 * plan): loans, subsidy due in the year, claims, payments, the later years' commitments and the regency's
 * allocation, each a CTE over the roll-ups grouped by programme, with the scope's condition in its WHERE
 * clause. The programme page reads it for its one programme (`creditSummary`) and the programme list for
 * all of its cards (`getProgramCards`): each formula is written here once, so a card and its programme's
 * page cannot differ, and the list stays one statement however many programmes it shows.
 *
 * Every scope must be the same user's with the same regency and bank (each programme's own as-of day and
 * year): the conditions on `d` (`s.loans`) and on the claims are the first scope's.
 */
async function summaryRows(scopes: FigureScope[]) {
  const [first] = scopes
  if (scopes.some((s) => s.regencyCode !== first.regencyCode || s.bankId !== first.bankId)) throw new Error('summaryRows: one regency and bank for all scopes')
  const { loans: inScope, regencyCode, bankId } = first
  // each programme once, with what its figures are bounded by: its as-of day, its scheme (a year's subsidy due
  // is every programme of the scheme's) and its year
  const list = Prisma.join(
    [...new Map(scopes.map((s) => [s.programId, s])).values()].map(
      (s) => Prisma.sql`(${s.programId}, ${s.asOf}::date, ${s.scheme}, ${`${s.year}-01-01`}::date, ${`${s.year + 1}-01-01`}::date)`,
    ),
  )
  const b = scopes.length === 1 ? boundsOf(first) : LISTED
  const bankClaims = bankId ? Prisma.sql`AND c.bank_id = ${bankId}` : Prisma.empty
  const paid = regencyCode
    ? // payments are per claim, not per loan: a regency's share is its share of each claim's approved lines
      Prisma.sql`
      claim_paid AS (
        SELECT ${b.programId} AS program_id, cp.claim_id, sum(cp.amount) AS paid
        FROM ${b.from} claim_payments cp JOIN subsidy_claims c ON c.id = cp.claim_id
        WHERE c.program_id = ${b.programId} AND cp.paid_on <= ${b.asOf} GROUP BY 1, 2),
      claim_total AS (
        SELECT cs.claim_id, sum(cs.approved) AS total FROM claim_scope cs JOIN claim_paid USING (claim_id) GROUP BY cs.claim_id),
      paid AS (
        SELECT cp.program_id, round(sum(d.approved * cp.paid / nullif(ct.total, 0))) AS paid
        FROM claim_scope d JOIN claim_paid cp USING (claim_id) JOIN claim_total ct USING (claim_id)
        WHERE true ${inScope} GROUP BY cp.program_id)`
    : Prisma.sql`
      paid AS (
        SELECT ${b.programId} AS program_id, sum(cp.amount) AS paid
        FROM ${b.from} claim_payments cp JOIN subsidy_claims c ON c.id = cp.claim_id
        WHERE c.program_id = ${b.programId} AND cp.paid_on <= ${b.asOf} ${bankClaims} GROUP BY 1)`
  // each CTE one row per programme that has any (GROUP BY 1: the programme), none for one without: the final
  // select reads every listed programme from `scope` and counts a missing row as 0
  return readSql<{
    program_id: string; disbursed: string; loans: number; beneficiaries: number; due: string; claimed: string; approved: string; paid: string; committed: string; regency_target: string | null
  }>(Prisma.sql`
    WITH scope (program_id, as_of, scheme, year_start, next_year) AS (VALUES ${list}),
    loans AS (
      SELECT ${b.programId} AS program_id, sum(d.disbursed) AS disbursed, sum(d.loans)::int AS loans, sum(d.${firstLoanColumn(first)})::int AS beneficiaries
      FROM ${b.from} credit_daily d
      WHERE d.program_id = ${b.programId} AND d.day <= ${b.asOf} ${inScope}
      GROUP BY 1),
    due AS (
      SELECT ${b.programId} AS program_id, sum(x.subsidy_due) AS due
      FROM ${b.from} LATERAL (${subsidyDueRows(b, inScope, Prisma.sql`d.subsidy_due`)}) x
      GROUP BY 1),
    claims AS (
      SELECT ${b.programId} AS program_id, sum(cs.claimed) AS claimed,
             sum(cs.approved) FILTER (WHERE c.status IN ('APPROVED', 'PAID') AND c.reviewed_at < ${b.asOf} + 1) AS approved
      FROM ${b.from} subsidy_claims c
      JOIN claim_scope cs ON cs.claim_id = c.id ${regencyCode ? Prisma.sql`AND cs.regency_code = ${regencyCode}` : Prisma.empty}
      WHERE c.program_id = ${b.programId} AND c.submitted_at < ${b.asOf} + 1 ${bankClaims}
      GROUP BY 1),
    ${paid},
    committed AS (
      SELECT ${b.programId} AS program_id, sum(d.subsidy_due) AS committed
      FROM ${b.from} subsidy_monthly d
      WHERE d.program_id = ${b.programId} AND d.due_month >= ${b.nextYear} ${inScope}
      GROUP BY 1)
    SELECT sc.program_id, coalesce(loans.disbursed, 0)::text AS disbursed, coalesce(loans.loans, 0) AS loans,
      coalesce(loans.beneficiaries, 0) AS beneficiaries, coalesce(due.due, 0)::text AS due,
      coalesce(claims.claimed, 0)::text AS claimed, coalesce(claims.approved, 0)::text AS approved, coalesce(paid.paid, 0)::text AS paid,
      coalesce(committed.committed, 0)::text AS committed,
      ${regencyTargetSql(LISTED, regencyCode)}::text AS regency_target
    FROM scope sc
    LEFT JOIN loans USING (program_id) LEFT JOIN due USING (program_id) LEFT JOIN claims USING (program_id)
    LEFT JOIN paid USING (program_id) LEFT JOIN committed USING (program_id)`)
}

/** A programme's headline figures from its row of `summaryRows`: targets, ceiling and percentages. */
function summaryOf(s: FigureScope, row: Awaited<ReturnType<typeof summaryRows>>[number]) {
  const disbursed = num(row.disbursed)
  const target = s.regencyCode ? num(row.regency_target) : num(s.program.creditTarget)
  const provinceCeiling = num(s.program.subsidyCeiling)
  const ceiling = ceilingOf(s, target)
  const subsidyPaid = num(row.paid)
  return {
    program: { id: s.program.id, code: s.program.code, name: s.program.name, year: s.year },
    asOf: s.asOf,
    regencyCode: s.regencyCode ?? null,
    bankId: s.bankId ?? null,
    creditTarget: target,
    disbursed,
    loans: row.loans,
    beneficiaries: row.beneficiaries,
    beneficiaryTarget: s.regencyCode ? null : s.program.beneficiaryTarget,
    averagePlafond: row.loans > 0 ? disbursed / row.loans : 0,
    realisationPct: pct(disbursed, target),
    subsidyDue: num(row.due),
    subsidyClaimed: num(row.claimed),
    subsidyApproved: num(row.approved),
    subsidyPaid,
    subsidyCeiling: ceiling,
    /** PROVINCE: the programme's ceiling; REGENCY_SHARE: the regency's share of it, pro rata to its allocation */
    ceilingBasis: s.regencyCode ? ('REGENCY_SHARE' as const) : ('PROVINCE' as const),
    provinceCeiling,
    absorptionPct: pct(subsidyPaid, ceiling),
    committedLaterYears: num(row.committed),
    projection: projection(disbursed, target, s.year, s.asOf),
  }
}

/** One programme's headline figures in its scope (the programme page, the dashboards and their exports). */
const creditSummary = cache(async (s: FigureScope) => summaryOf(s, (await summaryRows([s]))[0]))

/**
 * The cards of the programme list (/kredit): every listed programme's summary in one statement instead of one
 * per programme. Each programme's scope is resolved as for its own page (resolveFigureScope, so the same role
 * scope and as-of day), and its figures come from the same `summaryRows` as its page's.
 */
export async function getProgramCards({ user, programIds, regencyCode }: { user: SessionUser; programIds: string[]; regencyCode?: string }) {
  const scopes = await Promise.all(programIds.map((programId) => resolveFigureScope(user, { programId, regencyCode })))
  if (!scopes.length) return []
  const byProgram = new Map((await summaryRows(scopes)).map((r) => [r.program_id, r]))
  return scopes.map((s) => summaryOf(s, byProgram.get(s.programId)!))
}

// Indonesian, as every server-written text; pages show it through serverText (English in lib/i18n/server-messages.en.json)
export const PROJECTION_METHOD =
  'Proyeksi laju rata-rata: realisasi sampai tanggal data dibagi jumlah hari yang telah berjalan, dikali jumlah hari dalam setahun.'

/** Said instead of a projection for a programme whose year has not begun (set up in December for the next). */
export const PROJECTION_NOT_STARTED = 'Proyeksi dihitung setelah tahun program dimulai.'

/**
 * Year-end projection by run rate (disbursed so far ÷ days elapsed × days in the year). None (`pct` null, shown as
 * "–") before the programme's year begins: a walk read "Proyeksi akhir tahun 0,0%" for a year not begun.
 */
function projection(disbursed: number, target: number, year: number, asOf: string) {
  const start = Date.UTC(year, 0, 1)
  const end = Date.UTC(year + 1, 0, 1)
  if (Date.parse(`${asOf}T00:00:00Z`) < start) return { value: 0, pct: null, method: PROJECTION_NOT_STARTED, final: false }
  const at = Math.min(Date.parse(`${asOf}T00:00:00Z`) + 86_400_000, end)
  const elapsed = Math.max(1, (at - start) / 86_400_000)
  const yearDays = (end - start) / 86_400_000
  const value = at >= end ? disbursed : Math.round((disbursed / elapsed) * yearDays)
  return { value, pct: pct(value, target), method: PROJECTION_METHOD, final: at >= end }
}

/**
 * Month by month for the programme year: disbursed and cumulative against the target's pace (the
 * monthly plan where one is set, else a straight line), subsidy due and paid with its cumulative.
 */
export async function getMonthlySeries({ user, filter }: { user: SessionUser; filter: CreditFilter }) {
  return monthlySeries(await resolveFigureScope(user, filter))
}

const monthlySeries = cache(async (s: FigureScope) => {
  const yearStart = `${s.year}-01-01`
  const bankClaims = s.bankId ? Prisma.sql`AND c.bank_id = ${s.bankId}` : Prisma.empty
  const rows = await readSql<{ month: number; disbursed: string; cumulative: string; subsidy_due: string; subsidy_paid: string; subsidy_paid_cumulative: string; plan: string | null; regency_target: string | null }>(Prisma.sql`
    WITH months AS (SELECT generate_series(1, 12) AS month),
    disb AS (
      SELECT extract(month FROM d.day)::int AS month, sum(d.disbursed) AS amount
      FROM credit_daily d
      WHERE d.program_id = ${s.programId} AND d.day <= ${s.asOf}::date ${s.loans}
      GROUP BY 1),
    due AS (
      SELECT extract(month FROM x.claim_month)::int AS month, sum(x.subsidy_due) AS amount
      FROM (${subsidyDueRows(boundsOf(s), s.loans, Prisma.sql`d.claim_month, d.subsidy_due`)}) x
      GROUP BY 1),
    paid AS (${s.regencyCode ? Prisma.sql`
      -- payments are per claim: a regency's share of a payment is its share of the claim's approved lines
      SELECT extract(month FROM cp.paid_on)::int AS month,
        sum(cp.amount * share.regency_approved / nullif(share.total_approved, 0)) AS amount
      FROM claim_payments cp
      JOIN subsidy_claims c ON c.id = cp.claim_id
      JOIN (
        SELECT cs.claim_id, sum(cs.approved) AS total_approved,
          coalesce(sum(cs.approved) FILTER (WHERE cs.regency_code = ${s.regencyCode}), 0) AS regency_approved
        FROM claim_scope cs
        WHERE cs.claim_id IN (SELECT c2.id FROM subsidy_claims c2 WHERE c2.program_id = ${s.programId})
        GROUP BY cs.claim_id) share ON share.claim_id = c.id
      WHERE c.program_id = ${s.programId} AND cp.paid_on <= ${s.asOf}::date AND cp.paid_on >= ${yearStart}::date ${bankClaims}
      GROUP BY 1` : Prisma.sql`
      SELECT extract(month FROM cp.paid_on)::int AS month, sum(cp.amount) AS amount
      FROM claim_payments cp JOIN subsidy_claims c ON c.id = cp.claim_id
      WHERE c.program_id = ${s.programId} AND cp.paid_on <= ${s.asOf}::date AND cp.paid_on >= ${yearStart}::date ${bankClaims}
      GROUP BY 1`})
    SELECT m.month,
      coalesce(disb.amount, 0)::text AS disbursed,
      sum(coalesce(disb.amount, 0)) OVER (ORDER BY m.month)::text AS cumulative,
      coalesce(due.amount, 0)::text AS subsidy_due,
      round(coalesce(paid.amount, 0))::text AS subsidy_paid,
      -- the running total in SQL as the disbursed one beside it: the rounded sum, not a sum of rounded months
      round(sum(coalesce(paid.amount, 0)) OVER (ORDER BY m.month))::text AS subsidy_paid_cumulative,
      plan.cumulative_target::text AS plan,
      ${regencyTargetSql(boundsOf(s), s.regencyCode)}::text AS regency_target
    FROM months m
    LEFT JOIN disb USING (month) LEFT JOIN due USING (month) LEFT JOIN paid USING (month)
    LEFT JOIN program_monthly_plans plan ON plan.program_id = ${s.programId} AND plan.month = m.month
    ORDER BY m.month`)
  const target = s.regencyCode ? num(rows[0]?.regency_target) : num(s.program.creditTarget)
  const lastMonth = s.asOf.startsWith(String(s.year)) ? Number(s.asOf.slice(5, 7)) : 12
  const usePlan = !s.regencyCode && rows.some((r) => r.plan !== null)
  return rows.map((r) => ({
    month: r.month,
    disbursed: num(r.disbursed),
    // months after the as-of date have no realisation yet: a gap, not a flat line
    cumulative: r.month <= lastMonth ? num(r.cumulative) : null,
    targetPace: usePlan && r.plan !== null ? num(r.plan) : Math.round((target * r.month) / 12),
    subsidyDue: num(r.subsidy_due),
    subsidyPaid: num(r.subsidy_paid),
    subsidyPaidCumulative: r.month <= lastMonth ? num(r.subsidy_paid_cumulative) : null,
    subsidyCeiling: ceilingOf(s, target),
  }))
})

/** Realisation by regency of the agency's province, ranked, with each regency's allocation. */
export async function getRegencyRanking({ user, filter }: { user: SessionUser; filter: Omit<CreditFilter, 'regencyCode'> }) {
  return regencyRanking(await resolveFigureScope(user, { ...filter, regencyCode: undefined }))
}

const regencyRanking = cache(async (s: FigureScope) => {
  const rows = await readSql<{ code: string; name: string; target: string; disbursed: string; loans: number; beneficiaries: number }>(Prisma.sql`
    SELECT r.code, r.name, coalesce(a.credit_target, 0)::text AS target,
      coalesce(l.disbursed, 0)::text AS disbursed, coalesce(l.loans, 0)::int AS loans, coalesce(l.beneficiaries, 0)::int AS beneficiaries
    FROM regencies r
    LEFT JOIN program_allocations a ON a.program_id = ${s.programId} AND a.regency_code = r.code
    -- the programme's roll-up rows aggregated per regency first, then joined; distinct MSMEs per regency (and bank)
    LEFT JOIN (
      SELECT d.regency_code, sum(d.disbursed) AS disbursed, sum(d.loans) AS loans, sum(d.${firstLoanColumn({ regencyCode: 'each', bankId: s.bankId })}) AS beneficiaries
      FROM credit_daily d
      WHERE d.program_id = ${s.programId} AND d.day <= ${s.asOf}::date ${s.loans}
      GROUP BY d.regency_code) l ON l.regency_code = r.code
    WHERE r.province_code = ${env().AGENCY_PROVINCE_CODE}`)
  return rows
    .map((r) => ({ regencyCode: r.code, name: r.name, target: num(r.target), disbursed: num(r.disbursed), loans: r.loans, beneficiaries: r.beneficiaries, realisationPct: pct(num(r.disbursed), num(r.target)) }))
    .sort((a, b) => (b.realisationPct ?? -1) - (a.realisationPct ?? -1) || b.disbursed - a.disbursed)
})

/**
 * The three figures for a scope already resolved by `resolveFigureScope` (the ranking's with no regency, as
 * `getRegencyRanking` resolves it): what each figure of a page costs once its request has resolved the scope
 * and read the programme, which React `cache()` then holds for the rest of the request. For the bench, which
 * runs outside a request, where `cache()` holds nothing and every `get…` call reads the programme again.
 */
export const figuresInScope = { creditSummary, monthlySeries, regencyRanking }
