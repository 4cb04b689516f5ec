-- Approving a real month (10,000-16,000 lines) failed: the check that paid never exceeds approved ran once per
-- changed line, and each run summed every line of the claim, so one UPDATE of a claim's lines cost lines² row reads
-- (10,594 lines: about 85 s, past the transaction's time-out; a returned claim's resubmission, which deletes its
-- lines, the same). The lines' check now runs once per statement, once for each claim the statement touched (the
-- statement's old rows as a transition table). The same check, in one function, serves the payments' and the
-- claim status's row triggers, which change one row at a time.

CREATE FUNCTION claim_check_paid_within_approved(v_claim text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_status text;
  v_paid numeric;
  v_approved numeric;
BEGIN
  -- the claim row first, locked: two payments written at once are checked one after the other
  SELECT status::text INTO v_status FROM subsidy_claims WHERE id = v_claim FOR UPDATE;
  IF v_status IS NULL THEN
    RETURN; -- the claim is being deleted (cascade)
  END IF;
  SELECT coalesce(sum(amount), 0) INTO v_paid FROM claim_payments WHERE claim_id = v_claim;
  SELECT coalesce(sum(approved_amount), 0) INTO v_approved FROM claim_lines WHERE claim_id = v_claim;
  IF v_paid > 0 AND v_status NOT IN ('APPROVED', 'PAID') THEN
    RAISE EXCEPTION 'claim % has payments but status %', v_claim, v_status USING ERRCODE = 'check_violation';
  END IF;
  IF v_paid > v_approved THEN
    RAISE EXCEPTION 'claim %: paid % exceeds approved %', v_claim, v_paid, v_approved USING ERRCODE = 'check_violation';
  END IF;
END $$;

CREATE OR REPLACE FUNCTION claim_paid_within_approved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- each branch names its own table's column (a record's fields are resolved when the branch runs)
  IF TG_TABLE_NAME = 'subsidy_claims' THEN
    PERFORM claim_check_paid_within_approved(NEW.id);
  ELSE
    PERFORM claim_check_paid_within_approved(NEW.claim_id);
  END IF;
  RETURN NULL;
END $$;

DROP TRIGGER claim_lines_cover_payments ON claim_lines;

CREATE FUNCTION claim_lines_cover_payments() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_claim text;
BEGIN
  -- each claim the statement's lines belonged to, in one order so two statements lock their claims alike
  FOR v_claim IN SELECT DISTINCT claim_id FROM claim_lines_before ORDER BY claim_id LOOP
    PERFORM claim_check_paid_within_approved(v_claim);
  END LOOP;
  RETURN NULL;
END $$;

-- lowering an approved amount (or deleting a line) below what was already paid is refused. Transition tables
-- allow neither a column list nor two events in one trigger: one trigger per event, on every UPDATE (a
-- statement that changes no approved amount costs one check per claim it touched).
CREATE TRIGGER claim_lines_cover_payments_on_update
  AFTER UPDATE ON claim_lines REFERENCING OLD TABLE AS claim_lines_before
  FOR EACH STATEMENT EXECUTE FUNCTION claim_lines_cover_payments();
CREATE TRIGGER claim_lines_cover_payments_on_delete
  AFTER DELETE ON claim_lines REFERENCING OLD TABLE AS claim_lines_before
  FOR EACH STATEMENT EXECUTE FUNCTION claim_lines_cover_payments();

-- an approved amount is never negative (a negative line would let the claim's total cover more than it approves)
ALTER TABLE claim_lines ADD CONSTRAINT claim_lines_approved_not_negative CHECK (approved_amount IS NULL OR approved_amount >= 0);
