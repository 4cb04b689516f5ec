/**
 * The benchmark data set, generated in SQL (`generate_series`, `INSERT … SELECT`), never row by row:
 * registers (cooperatives, MSMEs) through prisma/seed/registers.ts, then three programme years of one
 * credit scheme with allocations for every regency of the province, disbursements, loan periods,
 * monthly subsidy claims with their lines, and payments.
 *
 * The subsidy figures are SYNTHETIC: loan periods use a straight-line declining balance and a flat
 * rate difference (not lib/credit/subsidy.ts's annuity schedule and effective-dated rates), and only
 * the first 12 periods of a subset of loans are stored. Only the shapes and sizes of the queries
 * matter here, never the amounts.
 *
 * Deterministic: every "random" choice is a hash of a row number.
 */
import pg from 'pg'
import type { PrismaClient } from '../../lib/generated/prisma/client'
import { seedReference } from '../../prisma/seed/reference'
import { LARGE_VOLUME, seedRegisters } from '../../prisma/seed/registers'

export const PROVINCE = '35'
export const SCHEME = 'PROKESRA-BENCH'
export const YEARS = [2023, 2024, 2025] as const
export const programId = (year: number) => `bench-${year}`

export type Scale = 'small' | 'full'

export type Volume = {
  cooperatives: number
  msmes: number
  disbursements: number
  /** loans that get stored periods (12 each) */
  loansWithPeriods: number
  /** rows per INSERT statement, for progress lines */
  chunk: number
}

export const VOLUMES: Record<Scale, Volume> = {
  full: { cooperatives: 30_000, msmes: 300_000, disbursements: 1_000_000, loansWithPeriods: 100_000, chunk: 100_000 },
  small: { cooperatives: 3_000, msmes: 30_000, disbursements: 100_000, loansWithPeriods: 10_000, chunk: 25_000 },
}

const PERIODS = 12

/** abs(hashtext(expr || salt)): a deterministic pseudo-random non-negative integer. */
const h = (expr: string, salt: string) => `(hashtext((${expr})::text || '${salt}')::bigint & 2147483647)`

/**
 * What a run loads: everything (the dashboard and the pages read the credit data), or only what the import
 * reads and writes beside (`--only import`): regions, banks and the registers (the import's own table at its
 * bench size, so its indexes and its NIB lookups are those of the full data set), in well under a minute
 * instead of minutes for a million disbursements with their periods and claims.
 */
export type Extent = 'all' | 'registers'

/**
 * The marker left on a loaded database (programme notes), so a second run with BENCH_DATABASE_URL reuses it;
 * a database loaded for the import alone carries `bench:<scale>:registers`.
 */
const marker = (scale: Scale, extent: Extent = 'all') => (extent === 'all' ? `bench:${scale}` : `bench:${scale}:registers`)

export type LoadReport = { reused: boolean; seconds: number; counts: Record<string, number> }

async function counts(c: pg.Client): Promise<Record<string, number>> {
  const r = await c.query(`SELECT
    (SELECT count(*) FROM cooperatives)::int AS cooperatives,
    (SELECT count(*) FROM msmes)::int AS msmes,
    (SELECT count(*) FROM credit_programs WHERE scheme = '${SCHEME}')::int AS programmes,
    (SELECT count(*) FROM program_allocations WHERE program_id LIKE 'bench-%')::int AS allocations,
    (SELECT count(*) FROM disbursements)::int AS disbursements,
    (SELECT count(*) FROM loan_months)::int AS loan_months,
    (SELECT count(*) FROM subsidy_claims)::int AS subsidy_claims,
    (SELECT count(*) FROM claim_lines)::int AS claim_lines,
    (SELECT count(*) FROM claim_payments)::int AS claim_payments`)
  return r.rows[0]
}

/**
 * What is in the database: 'empty' (no tables or no rows: load it), 'loaded' (a previous bench run of
 * this scale that loaded at least `extent`: reuse it), or a reason to refuse (anything else: never write
 * into somebody's data; a registers-only data set is not completed into a full one).
 */
export async function inspectDatabase(c: pg.Client, scale: Scale, extent: Extent = 'all'): Promise<{ state: 'empty' | 'loaded' } | { state: 'refuse'; reason: string }> {
  const t = await c.query(`SELECT to_regclass('public.credit_programs') IS NOT NULL AS migrated,
    (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations') AS tables`)
  if (!t.rows[0].migrated) {
    return t.rows[0].tables === 0 ? { state: 'empty' } : { state: 'refuse', reason: 'the database has tables that are not Lumbung\'s; point BENCH_DATABASE_URL at an empty database' }
  }
  const r = await c.query(`SELECT
    (SELECT notes FROM credit_programs WHERE id = $1) AS notes,
    (SELECT count(*) FROM users)::int AS users,
    (SELECT count(*) FROM msmes)::int AS msmes,
    (SELECT count(*) FROM credit_programs)::int AS programmes`, [programId(YEARS[YEARS.length - 1])])
  const row = r.rows[0]
  if (row.notes === marker(scale) || (extent === 'registers' && row.notes === marker(scale, 'registers'))) return { state: 'loaded' }
  if (row.users === 0 && row.msmes === 0 && row.programmes === 0) return { state: 'empty' }
  return {
    state: 'refuse',
    reason: row.notes === 'bench:loading'
      ? 'an earlier bench run was interrupted while loading this database; use an empty database'
      : row.notes === marker(scale, 'registers')
      ? 'the database holds only the registers of an earlier --only import run; use an empty database for the other parts'
      : row.notes?.startsWith('bench:')
      ? `the database holds bench data of another scale (${row.notes}); use an empty database`
      : 'the database already holds data that is not a bench data set; point BENCH_DATABASE_URL at an empty database',
  }
}

/**
 * Load the data set into an empty, migrated database: everything, or with extent 'registers' the regions,
 * banks and registers only (what the import needs). `db` (Prisma) is used for the shared seed helpers.
 */
export async function loadBenchData(c: pg.Client, db: PrismaClient, scale: Scale, log: (m: string) => void, extent: Extent = 'all'): Promise<LoadReport> {
  const v = VOLUMES[scale]
  const t0 = Date.now()
  const step = async (label: string, fn: () => Promise<unknown>) => {
    const t = Date.now()
    await fn()
    log(`  ${label} (${((Date.now() - t) / 1000).toFixed(1)} s, total ${((Date.now() - t0) / 1000).toFixed(0)} s)`)
  }

  await step('wilayah dan bank mitra / regions and banks', () => seedReference(db))
  await step(`${v.cooperatives.toLocaleString('en')} cooperatives and ${v.msmes.toLocaleString('en')} MSMEs${extent === 'registers' ? ' (the records only)' : ''} (prisma/seed/registers.ts)`, () =>
    seedRegisters(db, {
      provinceCode: PROVINCE, volume: scale === 'full' ? LARGE_VOLUME : { cooperatives: v.cooperatives, msmes: v.msmes, serialOffset: LARGE_VOLUME.serialOffset },
      recordsOnly: extent === 'registers',
    }),
  )

  await step(`${YEARS.length} programme years of ${SCHEME}`, async () => {
    await c.query(
      `INSERT INTO credit_programs (id, code, scheme, name, year, credit_target, beneficiary_target, subsidy_ceiling, borrower_rate, max_plafond,
        max_tenor_months, eligible_scales, notes, updated_at)
      SELECT 'bench-' || y, 'BENCH-' || y, $1, 'Prokesra (bench) ' || y, y, 0, 0, 0, 0.03, 25000000, 24, ARRAY['MIKRO','KECIL']::"BusinessScale"[], $2, now()
      FROM unnest($3::int[]) y`,
      [SCHEME, 'bench:loading', YEARS],
    )
    await c.query(`INSERT INTO credit_program_banks (program_id, bank_id) SELECT p.id, b.id FROM credit_programs p CROSS JOIN banks b WHERE p.scheme = $1`, [SCHEME])
    await c.query(
      `INSERT INTO program_rates (id, program_id, bank_id, effective_from, rate)
      SELECT 'bench-rate-' || p.year || '-' || b.code, p.id, b.id, make_date(p.year, 1, 1), 0.14 FROM credit_programs p CROSS JOIN banks b WHERE p.scheme = $1`,
      [SCHEME],
    )
  })
  if (extent === 'registers') {
    await c.query(`UPDATE credit_programs SET notes = $1 WHERE scheme = $2`, [marker(scale, 'registers'), SCHEME])
    return { reused: false, seconds: (Date.now() - t0) / 1000, counts: await counts(c) }
  }

  // borrowers: the province's micro and small businesses, numbered so a hash picks one by equality (a hash join)
  await c.query(`DROP TABLE IF EXISTS bench_borrowers`)
  await c.query(
    `CREATE TEMP TABLE bench_borrowers AS
    SELECT m.id, m.regency_code, (row_number() OVER (ORDER BY m.id))::int AS rn
    FROM msmes m JOIN regencies r ON r.code = m.regency_code
    WHERE r.province_code = $1 AND m.computed_scale IN ('MIKRO', 'KECIL') AND m.deleted_at IS NULL`,
    [PROVINCE],
  )
  await c.query(`CREATE UNIQUE INDEX ON bench_borrowers (rn)`)
  await c.query(`ANALYZE bench_borrowers`)
  const borrowers = (await c.query(`SELECT count(*)::int AS n FROM bench_borrowers`)).rows[0].n as number
  const banks = (await c.query(`SELECT array_agg(id ORDER BY code DESC) AS ids FROM banks`)).rows[0].ids as string[]

  // disbursements: spread evenly over the years, ramping up through each year; about 1 in 5 through the
  // second bank (banks ordered by code descending: BPRJATIM first, Bank DKI second)
  for (let lo = 1; lo <= v.disbursements; lo += v.chunk) {
    const hi = Math.min(v.disbursements, lo + v.chunk - 1)
    await step(`disbursements ${lo.toLocaleString('en')}–${hi.toLocaleString('en')} of ${v.disbursements.toLocaleString('en')}`, () =>
      c.query(
        `INSERT INTO disbursements (id, program_id, bank_id, account_number, msme_id, regency_code, contract_date, plafond, tenor_months,
          bank_rate, borrower_rate, method, collectibility, status, eligibility_issues, updated_at)
        SELECT 'bd' || lpad(g::text, 8, '0'), 'bench-' || y, ($4::text[])[1 + (${h('g', 'bank')} % 5 = 0)::int % cardinality($4::text[])],
          'BN' || lpad(g::text, 9, '0'), b.id, b.regency_code,
          make_date(y, 1, 2) + floor(sqrt((${h('g', 'date')} % 100000) / 100000.0) * 362)::int,
          (50 + ${h('g', 'plafond')} % 201) * 100000, (ARRAY[12, 18, 24])[1 + ${h('g', 'tenor')} % 3], 0.14, 0.03, 'ANNUITY',
          CASE WHEN ${h('g', 'coll')} % 1000 < 12 THEN 5 WHEN ${h('g', 'coll')} % 100 < 5 THEN 2 ELSE 1 END,
          (CASE WHEN ${h('g', 'coll')} % 1000 < 12 THEN 'WRITTEN_OFF' ELSE 'ACTIVE' END)::"LoanStatus", '{}', now()
        FROM generate_series($1::int, $2::int) g
        CROSS JOIN LATERAL (SELECT ${YEARS[0]} + (g - 1) % ${YEARS.length} AS y, 1 + ${h('g', 'who')} % $3::int AS rn) pick
        JOIN bench_borrowers b ON b.rn = pick.rn`,
        [lo, hi, borrowers, banks],
      ),
    )
  }

  // loan periods: the first 12 periods of every (disbursements / loansWithPeriods)-th loan, straight-line
  // declining balance, rate difference 0.11, days / 360; collectibility 5 from period 6 on for written-off
  // loans, about 3% missed instalments (no subsidy for either)
  const every = Math.round(v.disbursements / v.loansWithPeriods)
  for (let lo = 1; lo <= v.disbursements; lo += v.chunk) {
    const hi = Math.min(v.disbursements, lo + v.chunk - 1)
    await step(`loan periods of loans ${lo.toLocaleString('en')}–${hi.toLocaleString('en')} (every ${every}th loan, ${PERIODS} periods)`, () =>
      c.query(
        `INSERT INTO loan_months (disbursement_id, period, due_date, claim_month, days, opening_balance, rate_difference, instalment_paid, collectibility, subsidy_due, reason)
        SELECT id, p, due, date_trunc('month', due)::date, due - prev, balance, 0.11, paid, coll,
          CASE WHEN coll < 5 AND paid THEN round(balance * 0.11 * (due - prev) / 360) ELSE 0 END,
          CASE WHEN coll = 5 THEN 'COLLECTIBILITY_5' WHEN NOT paid THEN 'NO_INSTALMENT' ELSE 'DUE' END
        FROM (
          SELECT d.id, p, (d.contract_date + make_interval(months => p))::date AS due, (d.contract_date + make_interval(months => p - 1))::date AS prev,
            round(d.plafond * (d.tenor_months - p + 1) / d.tenor_months, 2) AS balance,
            CASE WHEN d.collectibility = 5 AND p >= 6 THEN 5 ELSE 1 END AS coll,
            ${h("d.id || ':' || p", 'paid')} % 100 >= 3 AS paid
          FROM disbursements d CROSS JOIN generate_series(1, ${PERIODS}) p
          WHERE d.id BETWEEN $1 AND $2 AND substr(d.id, 3)::int % ${every} = 0) s`,
        [`bd${String(lo).padStart(8, '0')}`, `bd${String(hi).padStart(8, '0')}`],
      ),
    )
  }

  await step('ANALYZE before building claims', () => c.query('ANALYZE disbursements, loan_months, msmes'))

  // targets from what was disbursed (realisation ~96%), allocations per regency around their share, a monthly plan
  await step('targets, allocations, monthly plans', async () => {
    await c.query(
      `UPDATE credit_programs p SET credit_target = round(s.total * 1.04, -9), beneficiary_target = round(s.borrowers * 1.02)
      FROM (SELECT program_id, sum(plafond) AS total, count(DISTINCT msme_id) AS borrowers FROM disbursements GROUP BY program_id) s
      WHERE s.program_id = p.id`,
    )
    await c.query(
      `INSERT INTO program_allocations (program_id, regency_code, credit_target)
      SELECT p.id, r.code, round(coalesce(s.total, 0) * (0.85 + ${h("p.id || r.code", 'alloc')} % 35 / 100.0), -6)
      FROM credit_programs p
      CROSS JOIN regencies r
      LEFT JOIN (SELECT program_id, regency_code, sum(plafond) AS total FROM disbursements GROUP BY 1, 2) s ON s.program_id = p.id AND s.regency_code = r.code
      WHERE p.scheme = $1 AND r.province_code = $2`,
      [SCHEME, PROVINCE],
    )
    await c.query(
      `INSERT INTO program_monthly_plans (program_id, month, cumulative_target)
      SELECT p.id, m, round(p.credit_target * sqrt(m / 12.0), -6) FROM credit_programs p CROSS JOIN generate_series(1, 12) m WHERE p.scheme = $1`,
      [SCHEME],
    )
  })

  // claims: per budget year, bank and calendar month with subsidy due; the last programme year has
  // October–November approved but unpaid and December submitted, the earlier years are paid
  const lastYear = YEARS[YEARS.length - 1]
  await step('monthly subsidy claims', () =>
    c.query(
      `INSERT INTO subsidy_claims (id, program_id, bank_id, month, status, submitted_at, reviewed_at, version)
      SELECT 'bc-' || p.year || '-' || lpad(m::text, 2, '0') || '-' || b.code, p.id, b.id, make_date(p.year, m, 1),
        (CASE WHEN p.year < $2 OR m <= 9 THEN 'PAID' WHEN m <= 11 THEN 'APPROVED' ELSE 'SUBMITTED' END)::"ClaimStatus",
        make_date(p.year, m, 1) + interval '1 month 4 days', CASE WHEN p.year < $2 OR m <= 11 THEN make_date(p.year, m, 1) + interval '1 month 9 days' END, 1
      FROM credit_programs p CROSS JOIN generate_series(1, 12) m CROSS JOIN banks b
      WHERE p.scheme = $1 AND EXISTS (
        SELECT 1 FROM loan_months lm JOIN disbursements d ON d.id = lm.disbursement_id
        WHERE lm.claim_month = make_date(p.year, m, 1) AND d.bank_id = b.id AND lm.subsidy_due > 0)`,
      [SCHEME, lastYear],
    ),
  )
  for (const year of YEARS) {
    await step(`claim lines of ${year} (one per loan and claimed month; 1 in 200 over-claimed by 10%)`, () =>
      c.query(
        `INSERT INTO claim_lines (id, claim_id, disbursement_id, claimed_amount, computed_amount, approved_amount, note)
        SELECT md5(c.id || lm.disbursement_id), c.id, lm.disbursement_id,
          CASE WHEN ${h("c.id || lm.disbursement_id", 'over')} % 200 = 0 THEN round(sum(lm.subsidy_due) * 1.1) ELSE sum(lm.subsidy_due) END,
          sum(lm.subsidy_due),
          CASE WHEN c.status IN ('APPROVED', 'PAID') THEN sum(lm.subsidy_due) END, NULL
        FROM subsidy_claims c
        JOIN loan_months lm ON lm.claim_month = c.month
        JOIN disbursements d ON d.id = lm.disbursement_id AND d.bank_id = c.bank_id
        WHERE c.id LIKE $1 AND lm.subsidy_due > 0
        GROUP BY c.id, c.status, lm.disbursement_id`,
        [`bc-${year}-%`],
      ),
    )
  }
  await step('claim payments (paid claims: on the 15th of the month after the claim month)', async () => {
    await c.query(
      `INSERT INTO claim_payments (id, claim_id, paid_on, amount, reference)
      SELECT 'bp-' || c.id, c.id, (c.month + interval '1 month 14 days')::date, sum(cl.approved_amount), 'SP2D/' || to_char(c.month, 'YYYYMM') || '/001'
      FROM subsidy_claims c JOIN claim_lines cl ON cl.claim_id = c.id
      WHERE c.status = 'PAID'
      GROUP BY c.id, c.month`,
    )
    // the ceiling: the budget year's subsidy due plus 15%
    await c.query(
      `UPDATE credit_programs p SET subsidy_ceiling = round(s.due * 1.15, -6)
      FROM (SELECT extract(year FROM claim_month)::int AS year, sum(subsidy_due) AS due FROM loan_months GROUP BY 1) s
      WHERE p.scheme = $1 AND p.year = s.year`,
      [SCHEME],
    )
  })
  await c.query(`DROP TABLE bench_borrowers`)
  // statistics for the planner and visibility maps (index-only scans), as autovacuum leaves a live database
  await step('VACUUM ANALYZE', () =>
    c.query('VACUUM ANALYZE disbursements, loan_months, subsidy_claims, claim_lines, claim_payments, credit_programs, program_allocations, program_monthly_plans, msmes, cooperatives'),
  )
  await c.query(`UPDATE credit_programs SET notes = $1 WHERE scheme = $2`, [marker(scale), SCHEME])
  return { reused: false, seconds: (Date.now() - t0) / 1000, counts: await counts(c) }
}

export async function existingCounts(c: pg.Client): Promise<Record<string, number>> {
  return counts(c)
}
