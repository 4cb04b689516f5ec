/**
 * Dashboard figures: each server function the programme page calls (lib/data/credit.ts), called
 * exactly as the page calls it, against the fastest hand-written SQL that yields the same numbers on
 * a plain `pg` connection (the floor). The floor reads the same roll-up tables the functions read
 * (`credit_daily`, `subsidy_monthly`, `subsidy_daily`, `claim_scope`): the fastest SQL on the schema,
 * roll-ups included. Before timing, three answers are compared: the function's, the floor's, and the
 * same numbers computed from the base tables (loans, loan periods, claim lines) by hand-written SQL,
 * which is run once and not timed. A floor that computes other numbers would make the ratio
 * meaningless, and roll-ups that differ from their base tables would make the figures wrong, so any
 * mismatch is an error.
 *
 * Each function is timed two ways. "In a request": the scope (`resolveFigureScope`: the programme read and
 * the user's scope) is resolved once before the runs, as a page's request resolves it once and React
 * `cache()` holds it for every figure the page then reads; this is what a figure costs a page, and what
 * the target compares with the floor (which takes the programme's facts as given too). "Alone": the
 * exported `get…` function as a single call outside any request pays the programme read every time
 * (outside a request `cache()` holds nothing): what the first figure of a request costs.
 *
 * Runs alternate (in a request, alone, floor, …) so noise from other work on the machine falls on all
 * three alike.
 */
import pg from 'pg'
import { figuresInScope, getCreditSummary, getMonthlySeries, getRegencyRanking } from '../../lib/data/credit'
import { resolveFigureScope } from '../../lib/scope'
import { jakartaToday } from '../../lib/dates'
import type { SessionUser } from '../../lib/session-user'
import { performance } from 'node:perf_hooks'
import { percentile, round, timed } from './stats'
import { PROVINCE, SCHEME } from './data'

export type DashboardRow = {
  figure: string
  user: string
  n: number
  p50: number
  p95: number
  /** the same function called alone: with the programme read and scope resolution of `resolveFigureScope` */
  aloneP50: number
  aloneP95: number
  floorP50: number
  floorP95: number
  ratio: number
  aloneRatio: number
  p95Target: number
  ratioTarget: number
  pass: boolean
}

export const P95_TARGET_MS = 100
export const RATIO_TARGET = 1.5

const LEADERSHIP: SessionUser = { id: 'bench-pimpinan', username: 'pimpinan', name: 'Pimpinan (bench)', role: 'LEADERSHIP', regencyCode: null, bankId: null, mustChangePassword: false }
const JOMBANG: SessionUser = { id: 'bench-jombang', username: 'jombang', name: 'Petugas Jombang (bench)', role: 'DISTRICT_OFFICER', regencyCode: '35.17', bankId: null, mustChangePassword: false }

type Numbers = Record<string, number>
const n = (v: unknown) => Number(v ?? 0)

/** The programme facts the floor takes as given (the function reads them with its header query). */
type Programme = { id: string; scheme: string; year: number; asOf: string; yearStart: string; nextYear: string }

async function programme(c: pg.Pool, id: string): Promise<Programme> {
  const r = await c.query(`SELECT id, scheme, year FROM credit_programs WHERE id = $1`, [id])
  const { scheme, year } = r.rows[0]
  // the function's default as-of date: today in Jakarta, capped to the programme year's last day
  const yearEnd = `${year}-12-31`
  const asOf = jakartaToday() < yearEnd ? jakartaToday() : yearEnd
  return { id, scheme, year, asOf, yearStart: `${year}-01-01`, nextYear: `${year + 1}-01-01` }
}

// ── base-table SQL (the check, not timed): one statement each, sargable date ranges, aggregates before joins, no join that the scope
// does not need, and distinct counts of ids compared bytewise (COLLATE "C": ids are ASCII, and the
// database's C.UTF-8 libc collation sorts through strcoll) ────────────────────────────────────────

/** getCreditSummary's numbers in one statement. `$1` programme, `$2` as-of, `$3` scheme, `$4`/`$5` year range, `$6` regency. */
function baseSummarySql(regency: boolean): string {
  const scope = regency ? 'AND d.regency_code = $6' : ''
  const paid = regency
    ? `(WITH claim_paid AS (
          SELECT cp.claim_id, sum(cp.amount) AS paid FROM claim_payments cp JOIN subsidy_claims c ON c.id = cp.claim_id
          WHERE c.program_id = $1 AND cp.paid_on <= $2::date GROUP BY cp.claim_id),
        claim_total AS (
          SELECT cl.claim_id, sum(cl.approved_amount) AS total FROM claim_lines cl WHERE cl.claim_id IN (SELECT claim_id FROM claim_paid) GROUP BY cl.claim_id)
        SELECT coalesce(round(sum(cl.approved_amount * cp.paid / nullif(ct.total, 0))), 0)
        FROM claim_lines cl JOIN claim_paid cp USING (claim_id) JOIN claim_total ct USING (claim_id) JOIN disbursements d ON d.id = cl.disbursement_id
        WHERE true ${scope})`
    : `(SELECT coalesce(sum(cp.amount), 0) FROM claim_payments cp JOIN subsidy_claims c ON c.id = cp.claim_id WHERE c.program_id = $1 AND cp.paid_on <= $2::date)`
  return `
    SELECT l.disbursed::text, l.loans, l.beneficiaries,
      (SELECT coalesce(sum(lm.subsidy_due), 0) FROM loan_months lm JOIN disbursements d ON d.id = lm.disbursement_id
        WHERE d.program_id IN (SELECT id FROM credit_programs WHERE scheme = $3)
          AND lm.claim_month >= $4::date AND lm.claim_month < $5::date AND lm.due_date <= $2::date ${scope})::text AS due,
      cl.claimed::text, cl.approved::text,
      ${paid}::text AS paid,
      (SELECT coalesce(sum(lm.subsidy_due), 0) FROM loan_months lm JOIN disbursements d ON d.id = lm.disbursement_id
        WHERE d.program_id = $1 AND lm.due_date >= $5::date ${scope})::text AS committed,
      ${regency ? '(SELECT credit_target FROM program_allocations WHERE program_id = $1 AND regency_code = $6)' : '(SELECT credit_target FROM credit_programs WHERE id = $1)'}::text AS target,
      ${regency
        // a regency's share of the ceiling, pro rata to its credit allocation (lib/data/credit.ts#ceilingOf)
        ? `(SELECT coalesce(round(p.subsidy_ceiling * a.credit_target / nullif(p.credit_target, 0)), 0) FROM credit_programs p
             LEFT JOIN program_allocations a ON a.program_id = p.id AND a.regency_code = $6 WHERE p.id = $1)`
        : '(SELECT subsidy_ceiling FROM credit_programs WHERE id = $1)'}::text AS ceiling
    FROM (SELECT coalesce(sum(d.plafond), 0) AS disbursed, count(*)::int AS loans, count(DISTINCT d.msme_id COLLATE "C")::int AS beneficiaries
          FROM disbursements d WHERE d.program_id = $1 AND d.contract_date <= $2::date ${scope}) l,
         (SELECT coalesce(sum(cl.claimed_amount), 0) AS claimed,
                 coalesce(sum(cl.approved_amount) FILTER (WHERE c.status IN ('APPROVED', 'PAID') AND c.reviewed_at < $2::date + 1), 0) AS approved
          FROM subsidy_claims c JOIN claim_lines cl ON cl.claim_id = c.id ${regency ? 'JOIN disbursements d ON d.id = cl.disbursement_id' : ''}
          WHERE c.program_id = $1 AND c.submitted_at < $2::date + 1 ${scope}) cl`
}

/** getMonthlySeries's rows in one statement (same parameters). */
function baseSeriesSql(regency: boolean): string {
  const scope = regency ? 'AND d.regency_code = $6' : ''
  return `
    WITH disb AS (
      SELECT extract(month FROM d.contract_date)::int AS month, sum(d.plafond) AS amount
      FROM disbursements d WHERE d.program_id = $1 AND d.contract_date <= $2::date ${scope} GROUP BY 1),
    due AS (
      SELECT extract(month FROM lm.claim_month)::int AS month, sum(lm.subsidy_due) AS amount
      FROM loan_months lm JOIN disbursements d ON d.id = lm.disbursement_id
      WHERE d.program_id IN (SELECT id FROM credit_programs WHERE scheme = $3)
        AND lm.claim_month >= $4::date AND lm.claim_month < $5::date AND lm.due_date <= $2::date ${scope} GROUP BY 1),
    paid AS (${regency ? `
      -- a regency's share of each payment is its share of the claim's approved lines (as the function)
      SELECT extract(month FROM cp.paid_on)::int AS month, sum(cp.amount * sh.regency_approved / nullif(sh.total_approved, 0)) AS amount
      FROM claim_payments cp JOIN subsidy_claims c ON c.id = cp.claim_id
      JOIN (SELECT cl.claim_id, sum(cl.approved_amount) AS total_approved,
              coalesce(sum(cl.approved_amount) FILTER (WHERE d.regency_code = $6), 0) AS regency_approved
            FROM claim_lines cl JOIN disbursements d ON d.id = cl.disbursement_id
            WHERE cl.claim_id IN (SELECT id FROM subsidy_claims WHERE program_id = $1) GROUP BY cl.claim_id) sh ON sh.claim_id = c.id
      WHERE c.program_id = $1 AND cp.paid_on >= $4::date AND cp.paid_on <= $2::date AND cp.paid_on < $5::date GROUP BY 1` : `
      SELECT extract(month FROM cp.paid_on)::int AS month, sum(cp.amount) AS amount
      FROM claim_payments cp JOIN subsidy_claims c ON c.id = cp.claim_id
      WHERE c.program_id = $1 AND cp.paid_on >= $4::date AND cp.paid_on <= $2::date AND cp.paid_on < $5::date GROUP BY 1`})
    SELECT m AS month, coalesce(disb.amount, 0)::text AS disbursed,
      sum(coalesce(disb.amount, 0)) OVER (ORDER BY m)::text AS cumulative,
      coalesce(due.amount, 0)::text AS subsidy_due, round(coalesce(paid.amount, 0))::text AS subsidy_paid, plan.cumulative_target::text AS plan,
      ${regency ? '(SELECT credit_target FROM program_allocations WHERE program_id = $1 AND regency_code = $6)' : '(SELECT credit_target FROM credit_programs WHERE id = $1)'}::text AS target
    FROM generate_series(1, 12) m
    LEFT JOIN disb ON disb.month = m LEFT JOIN due ON due.month = m LEFT JOIN paid ON paid.month = m
    LEFT JOIN program_monthly_plans plan ON plan.program_id = $1 AND plan.month = m
    ORDER BY m`
}

/** getRegencyRanking's rows: aggregate the programme's loans per regency first, then join the regencies. */
const BASE_RANKING_SQL = `
  WITH agg AS (
    SELECT d.regency_code, sum(d.plafond) AS disbursed, count(*)::int AS loans, count(DISTINCT d.msme_id COLLATE "C")::int AS beneficiaries
    FROM disbursements d WHERE d.program_id = $1 AND d.contract_date <= $2::date GROUP BY d.regency_code)
  SELECT r.code, coalesce(a.credit_target, 0)::text AS target, coalesce(agg.disbursed, 0)::text AS disbursed,
    coalesce(agg.loans, 0) AS loans, coalesce(agg.beneficiaries, 0) AS beneficiaries
  FROM regencies r
  LEFT JOIN program_allocations a ON a.program_id = $1 AND a.regency_code = r.code
  LEFT JOIN agg ON agg.regency_code = r.code
  WHERE r.province_code = $3`

// ── floors: the same numbers from the roll-ups, one statement each ─────────────────────────────────────

/**
 * Subsidy due in the budget year up to the as-of day, from the roll-ups: whole due months before the
 * as-of day's month from `subsidy_monthly`, that month's days up to the as-of day from `subsidy_daily`
 * (the same split as lib/data/credit.ts, which reads a few thousand rows instead of a year of days).
 */
function rollupDue(scope: string, columns: string): string {
  return `
    SELECT ${columns} FROM subsidy_monthly d
    WHERE d.program_id IN (SELECT id FROM credit_programs WHERE scheme = $3) AND d.claim_month >= $4::date AND d.claim_month < $5::date
      AND d.due_month < date_trunc('month', $2::date) ${scope}
    UNION ALL
    SELECT ${columns} FROM subsidy_daily d
    WHERE d.program_id IN (SELECT id FROM credit_programs WHERE scheme = $3) AND d.claim_month >= $4::date AND d.claim_month < $5::date
      AND d.due_date >= date_trunc('month', $2::date) AND d.due_date <= $2::date ${scope}`
}

/** getCreditSummary's numbers from the roll-ups in one statement (parameters as baseSummarySql). */
export function summarySql(regency: boolean): string {
  const scope = regency ? 'AND d.regency_code = $6' : ''
  const paid = regency
    ? `(WITH claim_paid AS (
          SELECT cp.claim_id, sum(cp.amount) AS paid FROM claim_payments cp JOIN subsidy_claims c ON c.id = cp.claim_id
          WHERE c.program_id = $1 AND cp.paid_on <= $2::date GROUP BY cp.claim_id),
        claim_total AS (
          SELECT cs.claim_id, sum(cs.approved) AS total FROM claim_scope cs JOIN claim_paid USING (claim_id) GROUP BY cs.claim_id)
        SELECT coalesce(round(sum(d.approved * cp.paid / nullif(ct.total, 0))), 0)
        FROM claim_scope d JOIN claim_paid cp USING (claim_id) JOIN claim_total ct USING (claim_id)
        WHERE true ${scope})`
    : `(SELECT coalesce(sum(cp.amount), 0) FROM claim_payments cp JOIN subsidy_claims c ON c.id = cp.claim_id WHERE c.program_id = $1 AND cp.paid_on <= $2::date)`
  return `
    SELECT l.disbursed::text, l.loans, l.beneficiaries,
      (SELECT coalesce(sum(x.subsidy_due), 0) FROM (${rollupDue(scope, 'd.subsidy_due')}) x)::text AS due,
      cl.claimed::text, cl.approved::text,
      ${paid}::text AS paid,
      (SELECT coalesce(sum(d.subsidy_due), 0) FROM subsidy_monthly d WHERE d.program_id = $1 AND d.due_month >= $5::date ${scope})::text AS committed,
      ${regency ? '(SELECT credit_target FROM program_allocations WHERE program_id = $1 AND regency_code = $6)' : '(SELECT credit_target FROM credit_programs WHERE id = $1)'}::text AS target,
      ${regency
        ? `(SELECT coalesce(round(p.subsidy_ceiling * a.credit_target / nullif(p.credit_target, 0)), 0) FROM credit_programs p
             LEFT JOIN program_allocations a ON a.program_id = p.id AND a.regency_code = $6 WHERE p.id = $1)`
        : '(SELECT subsidy_ceiling FROM credit_programs WHERE id = $1)'}::text AS ceiling
    FROM (SELECT coalesce(sum(d.disbursed), 0) AS disbursed, coalesce(sum(d.loans), 0)::int AS loans,
            coalesce(sum(d.${regency ? 'new_in_regency' : 'new_in_program'}), 0)::int AS beneficiaries
          FROM credit_daily d WHERE d.program_id = $1 AND d.day <= $2::date ${scope}) l,
         (SELECT coalesce(sum(cs.claimed), 0) AS claimed,
                 coalesce(sum(cs.approved) FILTER (WHERE c.status IN ('APPROVED', 'PAID') AND c.reviewed_at < $2::date + 1), 0) AS approved
          FROM subsidy_claims c JOIN claim_scope cs ON cs.claim_id = c.id ${regency ? 'AND cs.regency_code = $6' : ''}
          WHERE c.program_id = $1 AND c.submitted_at < $2::date + 1) cl`
}

/** getMonthlySeries's rows from the roll-ups in one statement (same parameters). */
export function seriesSql(regency: boolean): string {
  const scope = regency ? 'AND d.regency_code = $6' : ''
  return `
    WITH disb AS (
      SELECT extract(month FROM d.day)::int AS month, sum(d.disbursed) AS amount
      FROM credit_daily d WHERE d.program_id = $1 AND d.day <= $2::date ${scope} GROUP BY 1),
    due AS (
      SELECT extract(month FROM x.claim_month)::int AS month, sum(x.subsidy_due) AS amount
      FROM (${rollupDue(scope, 'd.claim_month, d.subsidy_due')}) x GROUP BY 1),
    paid AS (${regency ? `
      SELECT extract(month FROM cp.paid_on)::int AS month, sum(cp.amount * sh.regency_approved / nullif(sh.total_approved, 0)) AS amount
      FROM claim_payments cp JOIN subsidy_claims c ON c.id = cp.claim_id
      JOIN (SELECT cs.claim_id, sum(cs.approved) AS total_approved, coalesce(sum(cs.approved) FILTER (WHERE cs.regency_code = $6), 0) AS regency_approved
            FROM claim_scope cs WHERE cs.claim_id IN (SELECT id FROM subsidy_claims WHERE program_id = $1) GROUP BY cs.claim_id) sh ON sh.claim_id = c.id
      WHERE c.program_id = $1 AND cp.paid_on >= $4::date AND cp.paid_on <= $2::date AND cp.paid_on < $5::date GROUP BY 1` : `
      SELECT extract(month FROM cp.paid_on)::int AS month, sum(cp.amount) AS amount
      FROM claim_payments cp JOIN subsidy_claims c ON c.id = cp.claim_id
      WHERE c.program_id = $1 AND cp.paid_on >= $4::date AND cp.paid_on <= $2::date AND cp.paid_on < $5::date GROUP BY 1`})
    SELECT m AS month, coalesce(disb.amount, 0)::text AS disbursed,
      sum(coalesce(disb.amount, 0)) OVER (ORDER BY m)::text AS cumulative,
      coalesce(due.amount, 0)::text AS subsidy_due, round(coalesce(paid.amount, 0))::text AS subsidy_paid, plan.cumulative_target::text AS plan
    FROM generate_series(1, 12) m
    LEFT JOIN disb ON disb.month = m LEFT JOIN due ON due.month = m LEFT JOIN paid ON paid.month = m
    LEFT JOIN program_monthly_plans plan ON plan.program_id = $1 AND plan.month = m
    ORDER BY m`
}

/** getRegencyRanking's rows from `credit_daily`: per regency first, then the regencies joined. */
export const RANKING_SQL = `
  WITH agg AS (
    SELECT d.regency_code, sum(d.disbursed) AS disbursed, sum(d.loans)::int AS loans, sum(d.new_in_regency)::int AS beneficiaries
    FROM credit_daily d WHERE d.program_id = $1 AND d.day <= $2::date GROUP BY d.regency_code)
  SELECT r.code, coalesce(a.credit_target, 0)::text AS target, coalesce(agg.disbursed, 0)::text AS disbursed,
    coalesce(agg.loans, 0) AS loans, coalesce(agg.beneficiaries, 0) AS beneficiaries
  FROM regencies r
  LEFT JOIN program_allocations a ON a.program_id = $1 AND a.regency_code = r.code
  LEFT JOIN agg ON agg.regency_code = r.code
  WHERE r.province_code = $3`

// ── the cases ──────────────────────────────────────────────────────────────────────────────────────

type Case = {
  figure: string
  user: string
  /** the figure with the request's scope already resolved (as a page's second and later figures) */
  fn: () => Promise<Numbers>
  /** the exported function, alone: resolves the scope (programme read) on every call */
  alone: () => Promise<Numbers>
  /** the fastest SQL, on the roll-ups: timed */
  floor: () => Promise<Numbers>
  /** the same numbers from the base tables: run once, to check the roll-ups */
  base: () => Promise<Numbers>
}

function cases(pool: pg.Pool, p: Programme): Case[] {
  const out: Case[] = []
  for (const user of [LEADERSHIP, JOMBANG]) {
    const regency = user.role === 'DISTRICT_OFFICER' ? user.regencyCode! : undefined
    const label = regency ? `DISTRICT_OFFICER ${regency}` : 'LEADERSHIP'
    // as the page builds it from the URL: `?regency=` for the officer, nothing else set
    const filter = { programId: p.id, regencyCode: regency, bankId: undefined, asOf: undefined }
    const params = [p.id, p.asOf, p.scheme, p.yearStart, p.nextYear, ...(regency ? [regency] : [])]
    // the request's scopes, resolved once as a page resolves them (the ranking's without a regency), not timed
    const scope = resolveFigureScope(user, filter)
    const rankingScope = resolveFigureScope(user, { programId: p.id, regencyCode: undefined, bankId: undefined, asOf: undefined })
    out.push({
      figure: 'getCreditSummary',
      user: label,
      fn: async () => summaryOf(await figuresInScope.creditSummary(await scope)),
      alone: async () => summaryOf(await getCreditSummary({ user, filter })),
      floor: () => summaryNumbers(summarySql(Boolean(regency))),
      base: () => summaryNumbers(baseSummarySql(Boolean(regency))),
    })
    function summaryOf(s: Awaited<ReturnType<typeof getCreditSummary>>): Numbers {
        return {
          disbursed: s.disbursed, loans: s.loans, beneficiaries: s.beneficiaries, target: s.creditTarget, subsidyDue: s.subsidyDue,
          claimed: s.subsidyClaimed, approved: s.subsidyApproved, paid: s.subsidyPaid, ceiling: s.subsidyCeiling, committed: s.committedLaterYears,
        }
    }
    async function summaryNumbers(sql: string): Promise<Numbers> {
      const r = (await pool.query(sql, params)).rows[0]
      return {
          disbursed: n(r.disbursed), loans: r.loans, beneficiaries: r.beneficiaries, target: n(r.target), subsidyDue: n(r.due),
        claimed: n(r.claimed), approved: n(r.approved), paid: n(r.paid), ceiling: n(r.ceiling), committed: n(r.committed),
      }
    }
    out.push({
      figure: 'getMonthlySeries',
      user: label,
      fn: async () => seriesOf(await figuresInScope.monthlySeries(await scope)),
      alone: async () => seriesOf(await getMonthlySeries({ user, filter })),
      floor: () => seriesNumbers(seriesSql(Boolean(regency))),
      base: () => seriesNumbers(baseSeriesSql(Boolean(regency))),
    })
    function seriesOf(rows: Awaited<ReturnType<typeof getMonthlySeries>>): Numbers {
      return Object.fromEntries(
        rows.flatMap((r) => [[`disbursed${r.month}`, r.disbursed], [`cumulative${r.month}`, r.cumulative ?? 0], [`due${r.month}`, r.subsidyDue], [`paid${r.month}`, r.subsidyPaid]]),
      )
    }
    async function seriesNumbers(sql: string): Promise<Numbers> {
      const rows = (await pool.query(sql, params)).rows
      const lastMonth = p.asOf.startsWith(String(p.year)) ? Number(p.asOf.slice(5, 7)) : 12
      return Object.fromEntries(
        rows.flatMap((r) => [
          [`disbursed${r.month}`, n(r.disbursed)], [`cumulative${r.month}`, r.month <= lastMonth ? n(r.cumulative) : 0],
          [`due${r.month}`, n(r.subsidy_due)], [`paid${r.month}`, n(r.subsidy_paid)],
        ]),
      )
    }
    out.push({
      figure: 'getRegencyRanking',
      user: label,
      fn: async () => rankingOf(await figuresInScope.regencyRanking(await rankingScope)),
      alone: async () => rankingOf(await getRegencyRanking({ user, filter: { programId: p.id, bankId: undefined, asOf: undefined } })),
      floor: () => rankingNumbers(RANKING_SQL),
      base: () => rankingNumbers(BASE_RANKING_SQL),
    })
    function rankingOf(rows: Awaited<ReturnType<typeof getRegencyRanking>>): Numbers {
      return Object.fromEntries(rows.flatMap((r) => [[`${r.regencyCode}.target`, r.target], [`${r.regencyCode}.disbursed`, r.disbursed], [`${r.regencyCode}.loans`, r.loans], [`${r.regencyCode}.beneficiaries`, r.beneficiaries]]))
    }
    async function rankingNumbers(sql: string): Promise<Numbers> {
      const rows = (await pool.query(sql, [p.id, p.asOf, PROVINCE])).rows
      return Object.fromEntries(rows.flatMap((r) => [[`${r.code}.target`, n(r.target)], [`${r.code}.disbursed`, n(r.disbursed)], [`${r.code}.loans`, r.loans], [`${r.code}.beneficiaries`, r.beneficiaries]]))
    }
  }
  return out
}

function differences(a: Numbers, b: Numbers): string[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])]
  return keys.filter((k) => !(k in a) || !(k in b) || Math.abs(a[k] - b[k]) > 0.5).map((k) => `${k}: function ${a[k]} ≠ floor ${b[k]}`)
}

export async function benchDashboard(opts: {
  pool: pg.Pool
  programId: string
  iterations: number
  warmup: number
  minRuns: number
  budgetSeconds: number
  log: (m: string) => void
}): Promise<{ rows: DashboardRow[]; programme: Programme; samples: Record<string, { fn: number[]; alone: number[]; floor: number[] }> }> {
  const p = await programme(opts.pool, opts.programId)
  if (p.scheme !== SCHEME) throw new Error(`programme ${p.id} is not a bench programme`)
  const rows: DashboardRow[] = []
  const samples: Record<string, { fn: number[]; alone: number[]; floor: number[] }> = {}
  for (const c of cases(opts.pool, p)) {
    const key = `${c.figure} / ${c.user}`
    const [a, single, b, base] = [await c.fn(), await c.alone(), await c.floor(), await c.base()]
    const aloneDiff = differences(a, single)
    if (aloneDiff.length) throw new Error(`${key}: the function alone does not give the function's numbers in a request:\n  ${aloneDiff.slice(0, 10).join('\n  ')}`)
    const diff = differences(a, b)
    if (diff.length) throw new Error(`${key}: the floor SQL does not give the function's numbers:\n  ${diff.slice(0, 10).join('\n  ')}`)
    const baseDiff = differences(a, base)
    if (baseDiff.length) throw new Error(`${key}: the roll-ups do not give the base tables' numbers:\n  ${baseDiff.slice(0, 10).join('\n  ')}`)
    for (let i = 1; i < opts.warmup; i++) {
      await c.fn()
      await c.alone()
      await c.floor()
    }
    const fn: number[] = []
    const alone: number[] = []
    const floor: number[] = []
    // bounded: at most `iterations` runs, and no more than `budgetSeconds` per figure once `minRuns` are done
    const started = performance.now()
    for (let i = 0; i < opts.iterations; i++) {
      if (i >= opts.minRuns && performance.now() - started > opts.budgetSeconds * 1000) break
      fn.push((await timed(c.fn)).ms)
      alone.push((await timed(c.alone)).ms)
      floor.push((await timed(c.floor)).ms)
    }
    samples[key] = { fn: fn.map((x) => round(x, 2)), alone: alone.map((x) => round(x, 2)), floor: floor.map((x) => round(x, 2)) }
    const p95 = percentile(fn, 95)
    const floorP95 = percentile(floor, 95)
    const ratio = p95 / floorP95
    const row: DashboardRow = {
      figure: c.figure, user: c.user, n: fn.length,
      p50: round(percentile(fn, 50)), p95: round(p95), aloneP50: round(percentile(alone, 50)), aloneP95: round(percentile(alone, 95)), floorP50: round(percentile(floor, 50)), floorP95: round(floorP95), ratio: round(ratio, 2), aloneRatio: round(percentile(alone, 95) / floorP95, 2),
      p95Target: P95_TARGET_MS, ratioTarget: RATIO_TARGET, pass: p95 <= P95_TARGET_MS && ratio <= RATIO_TARGET,
    }
    rows.push(row)
    opts.log(`  ${key} (${fn.length} runs): p50 ${row.p50} ms, p95 ${row.p95} ms; alone p95 ${row.aloneP95} ms; floor p95 ${row.floorP95} ms; ratio ${row.ratio} ${row.pass ? 'PASS' : 'FAIL'}`)
  }
  return { rows, programme: p, samples }
}
