-- Roll-ups the credit figures read (lib/data/credit.ts, lib/data/dashboard.ts) instead of hundreds of thousands
-- of loans, loan periods and claim lines. They are kept by statement-level triggers on their source tables, so
-- every writer keeps them current in its own transaction and nothing can forget them: the server actions, the
-- demo seed's COPY, the bench's INSERT … SELECT, imports, a console. tests/integration/figure-rollups.test.ts
-- applies random sequences of writes and checks every figure against the same figure from the base tables.

-- One row per programme, regency, bank and contract day. new_in_* count the loans that are the first (by
-- contract date, then id) of their MSME in the programme within that scope, so the number of distinct
-- beneficiaries with a loan by a day in a scope = the sum of new_in_<scope> up to that day, exactly.
CREATE TABLE "credit_daily" (
  "program_id" TEXT NOT NULL,
  "regency_code" VARCHAR(5) NOT NULL,
  "bank_id" TEXT NOT NULL,
  "day" DATE NOT NULL,
  "disbursed" DECIMAL(20,2) NOT NULL DEFAULT 0,
  "loans" INTEGER NOT NULL DEFAULT 0,
  "new_in_program" INTEGER NOT NULL DEFAULT 0,
  "new_in_regency" INTEGER NOT NULL DEFAULT 0,
  "new_in_bank" INTEGER NOT NULL DEFAULT 0,
  "new_in_regency_bank" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "credit_daily_pkey" PRIMARY KEY ("program_id", "regency_code", "bank_id", "day")
);
CREATE INDEX "credit_daily_program_id_day_idx" ON "credit_daily" ("program_id", "day");

-- Subsidy due by the loan's programme, regency and bank, claim month and due day (periods = loan periods summed).
CREATE TABLE "subsidy_daily" (
  "program_id" TEXT NOT NULL,
  "regency_code" VARCHAR(5) NOT NULL,
  "bank_id" TEXT NOT NULL,
  "claim_month" DATE NOT NULL,
  "due_date" DATE NOT NULL,
  "subsidy_due" DECIMAL(20,2) NOT NULL DEFAULT 0,
  "periods" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "subsidy_daily_pkey" PRIMARY KEY ("program_id", "regency_code", "bank_id", "claim_month", "due_date")
);
CREATE INDEX "subsidy_daily_claim_month_due_date_idx" ON "subsidy_daily" ("claim_month", "due_date");

-- The same by due month: a figure as of a day reads the months before that day's month here and only that
-- month's days from subsidy_daily (a year of subsidy_daily is tens of thousands of rows, of this a few thousand).
CREATE TABLE "subsidy_monthly" (
  "program_id" TEXT NOT NULL,
  "regency_code" VARCHAR(5) NOT NULL,
  "bank_id" TEXT NOT NULL,
  "claim_month" DATE NOT NULL,
  "due_month" DATE NOT NULL,
  "subsidy_due" DECIMAL(20,2) NOT NULL DEFAULT 0,
  "periods" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "subsidy_monthly_pkey" PRIMARY KEY ("program_id", "regency_code", "bank_id", "claim_month", "due_month")
);
CREATE INDEX "subsidy_monthly_claim_month_idx" ON "subsidy_monthly" ("claim_month");
CREATE INDEX "subsidy_monthly_program_id_due_month_idx" ON "subsidy_monthly" ("program_id", "due_month");

-- Claim amounts by claim and the regency and bank of the lines' loans; an approved amount is null before approval
-- (counted as 0, as sum() ignores it).
CREATE TABLE "claim_scope" (
  "claim_id" TEXT NOT NULL,
  "regency_code" VARCHAR(5) NOT NULL,
  "bank_id" TEXT NOT NULL,
  "claimed" DECIMAL(20,2) NOT NULL DEFAULT 0,
  "approved" DECIMAL(20,2) NOT NULL DEFAULT 0,
  "lines" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "claim_scope_pkey" PRIMARY KEY ("claim_id", "regency_code", "bank_id")
);

-- ── credit_daily ────────────────────────────────────────────────────────────────────────────────────────
-- Applies a change of loans (rows before → rows after; an insert has no before, a delete no after).
CREATE FUNCTION credit_daily_apply(old_rows disbursements[], new_rows disbursements[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(old_rows), 0) + coalesce(cardinality(new_rows), 0) = 0 THEN RETURN; END IF;
  -- Whether a loan is its MSME's first in a scope depends on the MSME's other loans: writers of the same MSME's
  -- loans take turns (a row lock on the MSME, in id order), and the next statement's snapshot sees the other's.
  PERFORM 1 FROM msmes WHERE id IN (SELECT msme_id FROM unnest(old_rows) UNION SELECT msme_id FROM unnest(new_rows)) ORDER BY id FOR NO KEY UPDATE;
  WITH o AS (SELECT * FROM unnest(old_rows)),
  n AS (SELECT * FROM unnest(new_rows)),
  pairs AS (SELECT program_id, msme_id FROM o UNION SELECT program_id, msme_id FROM n),
  -- the affected MSMEs' loans now, and as they were before the statement
  after_rows AS (
    SELECT d.id, d.program_id, d.msme_id, d.regency_code, d.bank_id, d.contract_date
    FROM disbursements d JOIN pairs p ON p.program_id = d.program_id AND p.msme_id = d.msme_id),
  before_rows AS (
    SELECT a.* FROM after_rows a WHERE NOT EXISTS (SELECT 1 FROM n WHERE n.id = a.id)
    UNION ALL SELECT o.id, o.program_id, o.msme_id, o.regency_code, o.bank_id, o.contract_date FROM o),
  firsts AS (
    SELECT s.sign, s.program_id, s.regency_code, s.bank_id, s.contract_date,
      row_number() OVER (PARTITION BY s.sign, s.program_id, s.msme_id ORDER BY s.contract_date, s.id) = 1 AS fp,
      row_number() OVER (PARTITION BY s.sign, s.program_id, s.msme_id, s.regency_code ORDER BY s.contract_date, s.id) = 1 AS fr,
      row_number() OVER (PARTITION BY s.sign, s.program_id, s.msme_id, s.bank_id ORDER BY s.contract_date, s.id) = 1 AS fb,
      row_number() OVER (PARTITION BY s.sign, s.program_id, s.msme_id, s.regency_code, s.bank_id ORDER BY s.contract_date, s.id) = 1 AS frb
    FROM (SELECT -1 AS sign, * FROM before_rows UNION ALL SELECT 1, * FROM after_rows) s),
  delta AS (
    SELECT program_id, regency_code, bank_id, contract_date AS day, -plafond AS disbursed, -1 AS loans, 0 AS fp, 0 AS fr, 0 AS fb, 0 AS frb FROM o
    UNION ALL SELECT program_id, regency_code, bank_id, contract_date, plafond, 1, 0, 0, 0, 0 FROM n
    UNION ALL SELECT program_id, regency_code, bank_id, contract_date, 0, 0, sign * fp::int, sign * fr::int, sign * fb::int, sign * frb::int
      FROM firsts WHERE fp OR fr OR fb OR frb)
  INSERT INTO credit_daily AS c (program_id, regency_code, bank_id, day, disbursed, loans, new_in_program, new_in_regency, new_in_bank, new_in_regency_bank)
  SELECT program_id, regency_code, bank_id, day, sum(disbursed), sum(loans), sum(fp), sum(fr), sum(fb), sum(frb)
  FROM delta GROUP BY 1, 2, 3, 4
  HAVING sum(disbursed) <> 0 OR sum(loans) <> 0 OR sum(fp) <> 0 OR sum(fr) <> 0 OR sum(fb) <> 0 OR sum(frb) <> 0
  ORDER BY 1, 2, 3, 4 -- one lock order for every writer
  ON CONFLICT (program_id, regency_code, bank_id, day) DO UPDATE SET
    disbursed = c.disbursed + excluded.disbursed, loans = c.loans + excluded.loans,
    new_in_program = c.new_in_program + excluded.new_in_program, new_in_regency = c.new_in_regency + excluded.new_in_regency,
    new_in_bank = c.new_in_bank + excluded.new_in_bank, new_in_regency_bank = c.new_in_regency_bank + excluded.new_in_regency_bank;
  -- only a removed loan can empty a day
  IF coalesce(cardinality(old_rows), 0) > 0 THEN
    DELETE FROM credit_daily c USING (SELECT DISTINCT program_id, regency_code, bank_id, contract_date FROM unnest(old_rows)) o
    WHERE c.program_id = o.program_id AND c.regency_code = o.regency_code AND c.bank_id = o.bank_id AND c.day = o.contract_date AND c.loans = 0;
  END IF;
END $$;

-- ── subsidy_daily ───────────────────────────────────────────────────────────────────────────────────────
CREATE FUNCTION subsidy_daily_apply(old_rows loan_months[], new_rows loan_months[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(old_rows), 0) + coalesce(cardinality(new_rows), 0) = 0 THEN RETURN; END IF;
  -- a loan whose programme, regency or bank is being changed by another transaction: wait for it, then read
  -- the loan as it committed (its own trigger moved the periods it could see)
  PERFORM 1 FROM disbursements WHERE id IN (SELECT disbursement_id FROM unnest(old_rows) UNION SELECT disbursement_id FROM unnest(new_rows)) ORDER BY id FOR SHARE;
  WITH lm AS (
    SELECT disbursement_id, claim_month, due_date, -subsidy_due AS due, -1 AS periods FROM unnest(old_rows)
    UNION ALL SELECT disbursement_id, claim_month, due_date, subsidy_due, 1 FROM unnest(new_rows)),
  -- the inner join skips the periods of a loan being deleted: its BEFORE DELETE trigger took them out already
  daily AS (
    SELECT d.program_id, d.regency_code, d.bank_id, lm.claim_month, lm.due_date, sum(lm.due) AS due, sum(lm.periods) AS periods
    FROM lm JOIN disbursements d ON d.id = lm.disbursement_id
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(lm.due) <> 0 OR sum(lm.periods) <> 0),
  monthly AS (
    INSERT INTO subsidy_monthly AS s (program_id, regency_code, bank_id, claim_month, due_month, subsidy_due, periods)
    SELECT program_id, regency_code, bank_id, claim_month, date_trunc('month', due_date)::date, sum(due), sum(periods)
    FROM daily GROUP BY 1, 2, 3, 4, 5 HAVING sum(due) <> 0 OR sum(periods) <> 0 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (program_id, regency_code, bank_id, claim_month, due_month) DO UPDATE SET
      subsidy_due = s.subsidy_due + excluded.subsidy_due, periods = s.periods + excluded.periods
    RETURNING 1)
  INSERT INTO subsidy_daily AS s (program_id, regency_code, bank_id, claim_month, due_date, subsidy_due, periods)
  SELECT program_id, regency_code, bank_id, claim_month, due_date, due, periods FROM daily
  ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (program_id, regency_code, bank_id, claim_month, due_date) DO UPDATE SET
    subsidy_due = s.subsidy_due + excluded.subsidy_due, periods = s.periods + excluded.periods;
  IF coalesce(cardinality(old_rows), 0) > 0 THEN
    DELETE FROM subsidy_daily s USING (
      SELECT DISTINCT d.program_id, d.regency_code, d.bank_id, o.claim_month, o.due_date FROM unnest(old_rows) o JOIN disbursements d ON d.id = o.disbursement_id) o
    WHERE s.program_id = o.program_id AND s.regency_code = o.regency_code AND s.bank_id = o.bank_id AND s.claim_month = o.claim_month AND s.due_date = o.due_date
      AND s.periods = 0;
    DELETE FROM subsidy_monthly s USING (
      SELECT DISTINCT d.program_id, d.regency_code, d.bank_id, o.claim_month, date_trunc('month', o.due_date)::date AS due_month FROM unnest(old_rows) o JOIN disbursements d ON d.id = o.disbursement_id) o
    WHERE s.program_id = o.program_id AND s.regency_code = o.regency_code AND s.bank_id = o.bank_id AND s.claim_month = o.claim_month AND s.due_month = o.due_month
      AND s.periods = 0;
  END IF;
END $$;

-- ── claim_scope ─────────────────────────────────────────────────────────────────────────────────────────
CREATE FUNCTION claim_scope_apply(old_rows claim_lines[], new_rows claim_lines[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(old_rows), 0) + coalesce(cardinality(new_rows), 0) = 0 THEN RETURN; END IF;
  PERFORM 1 FROM disbursements WHERE id IN (SELECT disbursement_id FROM unnest(old_rows) UNION SELECT disbursement_id FROM unnest(new_rows)) ORDER BY id FOR SHARE;
  WITH l AS (
    SELECT claim_id, disbursement_id, -claimed_amount AS claimed, -coalesce(approved_amount, 0) AS approved, -1 AS lines FROM unnest(old_rows)
    UNION ALL SELECT claim_id, disbursement_id, claimed_amount, coalesce(approved_amount, 0), 1 FROM unnest(new_rows))
  INSERT INTO claim_scope AS c (claim_id, regency_code, bank_id, claimed, approved, lines)
  SELECT l.claim_id, d.regency_code, d.bank_id, sum(l.claimed), sum(l.approved), sum(l.lines)
  FROM l JOIN disbursements d ON d.id = l.disbursement_id
  GROUP BY 1, 2, 3 HAVING sum(l.claimed) <> 0 OR sum(l.approved) <> 0 OR sum(l.lines) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT (claim_id, regency_code, bank_id) DO UPDATE SET
    claimed = c.claimed + excluded.claimed, approved = c.approved + excluded.approved, lines = c.lines + excluded.lines;
  IF coalesce(cardinality(old_rows), 0) > 0 THEN
    DELETE FROM claim_scope c USING (SELECT DISTINCT o.claim_id, d.regency_code, d.bank_id FROM unnest(old_rows) o JOIN disbursements d ON d.id = o.disbursement_id) o
    WHERE c.claim_id = o.claim_id AND c.regency_code = o.regency_code AND c.bank_id = o.bank_id AND c.lines = 0;
  END IF;
END $$;

-- ── triggers on disbursements ───────────────────────────────────────────────────────────────────────────
CREATE FUNCTION disbursements_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  o disbursements[];
  n disbursements[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM credit_daily_apply('{}', ARRAY(SELECT ROW(r.*)::disbursements FROM new_rows r));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM credit_daily_apply(ARRAY(SELECT ROW(r.*)::disbursements FROM old_rows r), '{}');
  ELSE
    -- only loans whose figures' columns changed (a collectibility report updates the loan too)
    SELECT array_agg(ROW(x.*)::disbursements ORDER BY x.id), array_agg(ROW(y.*)::disbursements ORDER BY y.id) INTO o, n
    FROM old_rows x JOIN new_rows y ON y.id = x.id
    WHERE (x.program_id, x.msme_id, x.regency_code, x.bank_id, x.contract_date, x.plafond)
      IS DISTINCT FROM (y.program_id, y.msme_id, y.regency_code, y.bank_id, y.contract_date, y.plafond);
    IF o IS NULL THEN RETURN NULL; END IF;
    PERFORM credit_daily_apply(o, n);
    -- a loan moved to another programme, regency or bank takes its periods and claim lines with it
    SELECT array_agg(ROW(x.*)::disbursements ORDER BY x.id), array_agg(ROW(y.*)::disbursements ORDER BY y.id) INTO o, n
    FROM old_rows x JOIN new_rows y ON y.id = x.id
    WHERE (x.program_id, x.regency_code, x.bank_id) IS DISTINCT FROM (y.program_id, y.regency_code, y.bank_id);
    IF o IS NOT NULL THEN
      WITH moved AS (
        SELECT x.program_id AS old_program, x.regency_code AS old_regency, x.bank_id AS old_bank,
          y.program_id, y.regency_code, y.bank_id, lm.claim_month, lm.due_date, lm.subsidy_due
        FROM unnest(o) x JOIN unnest(n) y ON y.id = x.id JOIN loan_months lm ON lm.disbursement_id = x.id),
      delta AS (
        SELECT old_program AS program_id, old_regency AS regency_code, old_bank AS bank_id, claim_month, due_date, -subsidy_due AS due, -1 AS periods FROM moved
        UNION ALL SELECT program_id, regency_code, bank_id, claim_month, due_date, subsidy_due, 1 FROM moved),
      monthly AS (
        INSERT INTO subsidy_monthly AS s (program_id, regency_code, bank_id, claim_month, due_month, subsidy_due, periods)
        SELECT program_id, regency_code, bank_id, claim_month, date_trunc('month', due_date)::date, sum(due), sum(periods) FROM delta
        GROUP BY 1, 2, 3, 4, 5 HAVING sum(due) <> 0 OR sum(periods) <> 0 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (program_id, regency_code, bank_id, claim_month, due_month) DO UPDATE SET
          subsidy_due = s.subsidy_due + excluded.subsidy_due, periods = s.periods + excluded.periods
        RETURNING 1)
      INSERT INTO subsidy_daily AS s (program_id, regency_code, bank_id, claim_month, due_date, subsidy_due, periods)
      SELECT program_id, regency_code, bank_id, claim_month, due_date, sum(due), sum(periods) FROM delta
      GROUP BY 1, 2, 3, 4, 5 HAVING sum(due) <> 0 OR sum(periods) <> 0 ORDER BY 1, 2, 3, 4, 5
      ON CONFLICT (program_id, regency_code, bank_id, claim_month, due_date) DO UPDATE SET
        subsidy_due = s.subsidy_due + excluded.subsidy_due, periods = s.periods + excluded.periods;
      DELETE FROM subsidy_daily s WHERE s.periods = 0 AND (s.program_id, s.regency_code, s.bank_id) IN (SELECT x.program_id, x.regency_code, x.bank_id FROM unnest(o) x);
      DELETE FROM subsidy_monthly s WHERE s.periods = 0 AND (s.program_id, s.regency_code, s.bank_id) IN (SELECT x.program_id, x.regency_code, x.bank_id FROM unnest(o) x);
      WITH moved AS (
        SELECT cl.claim_id, x.regency_code AS old_regency, x.bank_id AS old_bank, y.regency_code, y.bank_id, cl.claimed_amount, coalesce(cl.approved_amount, 0) AS approved_amount
        FROM unnest(o) x JOIN unnest(n) y ON y.id = x.id JOIN claim_lines cl ON cl.disbursement_id = x.id
        WHERE (x.regency_code, x.bank_id) IS DISTINCT FROM (y.regency_code, y.bank_id)),
      delta AS (
        SELECT claim_id, old_regency AS regency_code, old_bank AS bank_id, -claimed_amount AS claimed, -approved_amount AS approved, -1 AS lines FROM moved
        UNION ALL SELECT claim_id, regency_code, bank_id, claimed_amount, approved_amount, 1 FROM moved)
      INSERT INTO claim_scope AS c (claim_id, regency_code, bank_id, claimed, approved, lines)
      SELECT claim_id, regency_code, bank_id, sum(claimed), sum(approved), sum(lines) FROM delta
      GROUP BY 1, 2, 3 HAVING sum(claimed) <> 0 OR sum(approved) <> 0 OR sum(lines) <> 0 ORDER BY 1, 2, 3
      ON CONFLICT (claim_id, regency_code, bank_id) DO UPDATE SET
        claimed = c.claimed + excluded.claimed, approved = c.approved + excluded.approved, lines = c.lines + excluded.lines;
      DELETE FROM claim_scope c WHERE c.lines = 0 AND c.claim_id IN (SELECT cl.claim_id FROM claim_lines cl JOIN unnest(o) x ON x.id = cl.disbursement_id);
    END IF;
  END IF;
  RETURN NULL;
END $$;

-- A deleted loan's periods go with it by cascade, when the loan row is already gone and no longer says which
-- programme, regency and bank they counted for: take them out of the roll-up before the loan row goes.
CREATE FUNCTION disbursements_before_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM subsidy_daily_apply(ARRAY(SELECT lm FROM loan_months lm WHERE lm.disbursement_id = OLD.id), '{}');
  RETURN OLD;
END $$;

CREATE TRIGGER disbursements_rollup_insert AFTER INSERT ON disbursements REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION disbursements_rollup();
CREATE TRIGGER disbursements_rollup_update AFTER UPDATE ON disbursements REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION disbursements_rollup();
CREATE TRIGGER disbursements_rollup_delete AFTER DELETE ON disbursements REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION disbursements_rollup();
CREATE TRIGGER disbursements_rollup_before_delete BEFORE DELETE ON disbursements
  FOR EACH ROW EXECUTE FUNCTION disbursements_before_delete();

-- ── triggers on loan_months and claim_lines ─────────────────────────────────────────────────────────────
CREATE FUNCTION loan_months_rollup() RETURNS trigger LANGUAGE plpgsql SET work_mem = '64MB' AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    -- the bulk path (the seed's COPY of hundreds of thousands of periods, a programme's recomputation): the same
    -- as subsidy_daily_apply('{}', new rows), but reading the transition table itself, whose size the planner
    -- knows, instead of an array it would take for ten rows
    PERFORM 1 FROM disbursements WHERE id IN (SELECT disbursement_id FROM new_rows) ORDER BY id FOR SHARE;
    WITH daily AS (
      SELECT d.program_id, d.regency_code, d.bank_id, n.claim_month, n.due_date, sum(n.subsidy_due) AS due, count(*)::int AS periods
      FROM new_rows n JOIN disbursements d ON d.id = n.disbursement_id
      GROUP BY 1, 2, 3, 4, 5),
    monthly AS (
      INSERT INTO subsidy_monthly AS s (program_id, regency_code, bank_id, claim_month, due_month, subsidy_due, periods)
      SELECT program_id, regency_code, bank_id, claim_month, date_trunc('month', due_date)::date, sum(due), sum(periods)
      FROM daily GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
      ON CONFLICT (program_id, regency_code, bank_id, claim_month, due_month) DO UPDATE SET
        subsidy_due = s.subsidy_due + excluded.subsidy_due, periods = s.periods + excluded.periods
      RETURNING 1)
    INSERT INTO subsidy_daily AS s (program_id, regency_code, bank_id, claim_month, due_date, subsidy_due, periods)
    SELECT program_id, regency_code, bank_id, claim_month, due_date, due, periods FROM daily
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (program_id, regency_code, bank_id, claim_month, due_date) DO UPDATE SET
      subsidy_due = s.subsidy_due + excluded.subsidy_due, periods = s.periods + excluded.periods;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM subsidy_daily_apply(ARRAY(SELECT ROW(r.*)::loan_months FROM old_rows r), '{}');
  ELSE
    PERFORM subsidy_daily_apply(
      ARRAY(SELECT ROW(x.*)::loan_months FROM old_rows x JOIN new_rows y USING (disbursement_id, period) WHERE (x.claim_month, x.due_date, x.subsidy_due) IS DISTINCT FROM (y.claim_month, y.due_date, y.subsidy_due)),
      ARRAY(SELECT ROW(y.*)::loan_months FROM old_rows x JOIN new_rows y USING (disbursement_id, period) WHERE (x.claim_month, x.due_date, x.subsidy_due) IS DISTINCT FROM (y.claim_month, y.due_date, y.subsidy_due)));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER loan_months_rollup_insert AFTER INSERT ON loan_months REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION loan_months_rollup();
CREATE TRIGGER loan_months_rollup_update AFTER UPDATE ON loan_months REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION loan_months_rollup();
CREATE TRIGGER loan_months_rollup_delete AFTER DELETE ON loan_months REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION loan_months_rollup();

CREATE FUNCTION claim_lines_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM claim_scope_apply('{}', ARRAY(SELECT ROW(r.*)::claim_lines FROM new_rows r));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM claim_scope_apply(ARRAY(SELECT ROW(r.*)::claim_lines FROM old_rows r), '{}');
  ELSE
    PERFORM claim_scope_apply(ARRAY(SELECT ROW(x.*)::claim_lines FROM old_rows x), ARRAY(SELECT ROW(y.*)::claim_lines FROM new_rows y));
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER claim_lines_rollup_insert AFTER INSERT ON claim_lines REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION claim_lines_rollup();
CREATE TRIGGER claim_lines_rollup_update AFTER UPDATE ON claim_lines REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION claim_lines_rollup();
CREATE TRIGGER claim_lines_rollup_delete AFTER DELETE ON claim_lines REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION claim_lines_rollup();

-- ── what the database holds already ─────────────────────────────────────────────────────────────────────
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
