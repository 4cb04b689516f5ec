-- The figure roll-ups rebuilt from the base tables in four set statements. The triggers keep them
-- current row by row in every write; a bulk load (the demo seed's COPY of ~27.000 loans and ~620.000
-- periods) instead disables the roll-up triggers, loads, and calls this once: the same numbers in a
-- fraction of the time. tests/integration/credit-demo.test.ts checks the seeded roll-ups against the
-- base tables.
CREATE OR REPLACE FUNCTION rebuild_figure_rollups() RETURNS void LANGUAGE plpgsql AS $rebuild$
BEGIN
  TRUNCATE credit_daily, subsidy_daily, subsidy_monthly, claim_scope;
  INSERT INTO credit_daily (program_id, regency_code, bank_id, day, disbursed, loans, new_in_program, new_in_regency, new_in_bank, new_in_regency_bank)
  SELECT program_id, regency_code, bank_id, contract_date, sum(plafond), count(*),
    count(*) FILTER (WHERE fp), count(*) FILTER (WHERE fr), count(*) FILTER (WHERE fb), count(*) FILTER (WHERE frb)
  FROM (
    SELECT d.program_id, d.regency_code, d.bank_id, d.contract_date, d.plafond,
      row_number() OVER (PARTITION BY d.program_id, d.msme_id ORDER BY d.contract_date, d.id) = 1 AS fp,
      row_number() OVER (PARTITION BY d.program_id, d.msme_id, d.regency_code ORDER BY d.contract_date, d.id) = 1 AS fr,
      row_number() OVER (PARTITION BY d.program_id, d.msme_id, d.bank_id ORDER BY d.contract_date, d.id) = 1 AS fb,
      row_number() OVER (PARTITION BY d.program_id, d.msme_id, d.regency_code, d.bank_id ORDER BY d.contract_date, d.id) = 1 AS frb
    FROM disbursements d) f
  GROUP BY 1, 2, 3, 4;
  
  INSERT INTO subsidy_daily (program_id, regency_code, bank_id, claim_month, due_date, subsidy_due, periods)
  SELECT d.program_id, d.regency_code, d.bank_id, lm.claim_month, lm.due_date, sum(lm.subsidy_due), count(*)
  FROM loan_months lm JOIN disbursements d ON d.id = lm.disbursement_id GROUP BY 1, 2, 3, 4, 5;
  
  INSERT INTO subsidy_monthly (program_id, regency_code, bank_id, claim_month, due_month, subsidy_due, periods)
  SELECT program_id, regency_code, bank_id, claim_month, date_trunc('month', due_date)::date, sum(subsidy_due), sum(periods)
  FROM subsidy_daily GROUP BY 1, 2, 3, 4, 5;
  
  INSERT INTO claim_scope (claim_id, regency_code, bank_id, claimed, approved, lines)
  SELECT cl.claim_id, d.regency_code, d.bank_id, sum(cl.claimed_amount), coalesce(sum(cl.approved_amount), 0), count(*)
  FROM claim_lines cl JOIN disbursements d ON d.id = cl.disbursement_id GROUP BY 1, 2, 3;
END
$rebuild$;
