import { db } from '@/lib/db'

/**
 * Rows in which each figure roll-up (migration 20261204090000_figure_rollups) differs from the same roll-up
 * recomputed from the base tables now: all 0 when they agree.
 */
export async function rollupDifferences() {
  const [r] = await db.$queryRaw<{ credit: number; subsidy: number; subsidyMonthly: number; claims: number }[]>`
    WITH f AS (
      SELECT d.program_id, d.regency_code, d.bank_id, d.contract_date, d.plafond,
        row_number() OVER (PARTITION BY d.program_id, d.msme_id ORDER BY d.contract_date, d.id) = 1 AS fp,
        row_number() OVER (PARTITION BY d.program_id, d.msme_id, d.regency_code ORDER BY d.contract_date, d.id) = 1 AS fr,
        row_number() OVER (PARTITION BY d.program_id, d.msme_id, d.bank_id ORDER BY d.contract_date, d.id) = 1 AS fb,
        row_number() OVER (PARTITION BY d.program_id, d.msme_id, d.regency_code, d.bank_id ORDER BY d.contract_date, d.id) = 1 AS frb
      FROM disbursements d),
    credit AS (
      SELECT program_id, regency_code, bank_id, contract_date AS day, sum(plafond) AS disbursed, count(*)::int AS loans,
        count(*) FILTER (WHERE fp)::int AS a, count(*) FILTER (WHERE fr)::int AS b, count(*) FILTER (WHERE fb)::int AS c, count(*) FILTER (WHERE frb)::int AS e
      FROM f GROUP BY 1, 2, 3, 4),
    subsidy AS (
      SELECT d.program_id, d.regency_code, d.bank_id, lm.claim_month, lm.due_date, sum(lm.subsidy_due) AS due, count(*)::int AS periods
      FROM loan_months lm JOIN disbursements d ON d.id = lm.disbursement_id GROUP BY 1, 2, 3, 4, 5),
    monthly AS (
      SELECT d.program_id, d.regency_code, d.bank_id, lm.claim_month, date_trunc('month', lm.due_date)::date AS due_month, sum(lm.subsidy_due) AS due, count(*)::int AS periods
      FROM loan_months lm JOIN disbursements d ON d.id = lm.disbursement_id GROUP BY 1, 2, 3, 4, 5),
    claims AS (
      SELECT cl.claim_id, d.regency_code, d.bank_id, sum(cl.claimed_amount) AS claimed, coalesce(sum(cl.approved_amount), 0) AS approved, count(*)::int AS lines
      FROM claim_lines cl JOIN disbursements d ON d.id = cl.disbursement_id GROUP BY 1, 2, 3)
    SELECT
      (SELECT count(*) FROM ((SELECT * FROM credit EXCEPT SELECT * FROM credit_daily) UNION ALL (SELECT * FROM credit_daily EXCEPT SELECT * FROM credit)) x)::int AS credit,
      (SELECT count(*) FROM ((SELECT * FROM subsidy EXCEPT SELECT * FROM subsidy_daily) UNION ALL (SELECT * FROM subsidy_daily EXCEPT SELECT * FROM subsidy)) x)::int AS subsidy,
      (SELECT count(*) FROM ((SELECT * FROM monthly EXCEPT SELECT * FROM subsidy_monthly) UNION ALL (SELECT * FROM subsidy_monthly EXCEPT SELECT * FROM monthly)) x)::int AS "subsidyMonthly",
      (SELECT count(*) FROM ((SELECT * FROM claims EXCEPT SELECT * FROM claim_scope) UNION ALL (SELECT * FROM claim_scope EXCEPT SELECT * FROM claims)) x)::int AS claims`
  return r
}
