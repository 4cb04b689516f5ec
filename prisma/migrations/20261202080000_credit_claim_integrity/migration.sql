-- The balance a programme's subsidy is computed on (lib/credit/subsidy.ts): programmes that already exist keep
-- the bank's contract rate their loans and claims were computed with; the admin's form proposes the borrower's.
CREATE TYPE "AmortisationBasis" AS ENUM ('BORROWER_RATE', 'BANK_RATE');
ALTER TABLE "credit_programs" ADD COLUMN "amortisation_basis" "AmortisationBasis" NOT NULL DEFAULT 'BANK_RATE';

-- A period the bank has reported (paid or not) versus one not reported yet, which the schedule shows as such
ALTER TABLE "loan_months" ADD COLUMN "reported_at" TIMESTAMP(3);

-- Why a claim line differs, and the bank's own figures it was compared with
ALTER TABLE "claim_lines" ADD COLUMN "reason" TEXT,
  ADD COLUMN "claimed_balance" DECIMAL(18,2),
  ADD COLUMN "claimed_days" INTEGER,
  ADD COLUMN "claimed_rate" DECIMAL(7,6);

-- Paid never exceeds approved, whoever writes: the server actions check it under a lock on the claim, and this
-- trigger checks it again for any writer (a script, a console, a future code path). It locks the claim row
-- first, so two payments written at once are checked one after the other, each seeing the other's amount.
CREATE FUNCTION claim_paid_within_approved() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_claim text;
  v_status text;
  v_paid numeric;
  v_approved numeric;
BEGIN
  IF TG_TABLE_NAME = 'subsidy_claims' THEN
    v_claim := NEW.id;
  ELSIF TG_OP = 'DELETE' THEN
    v_claim := OLD.claim_id;
  ELSE
    v_claim := NEW.claim_id;
  END IF;
  SELECT status::text INTO v_status FROM subsidy_claims WHERE id = v_claim FOR UPDATE;
  IF v_status IS NULL THEN
    RETURN NULL; -- the claim is being deleted (cascade)
  END IF;
  SELECT coalesce(sum(amount), 0) INTO v_paid FROM claim_payments WHERE claim_id = v_claim;
  SELECT coalesce(sum(approved_amount), 0) INTO v_approved FROM claim_lines WHERE claim_id = v_claim;
  IF v_paid > 0 AND v_status NOT IN ('APPROVED', 'PAID') THEN
    RAISE EXCEPTION 'claim % has payments but status %', v_claim, v_status USING ERRCODE = 'check_violation';
  END IF;
  IF v_paid > v_approved THEN
    RAISE EXCEPTION 'claim %: paid % exceeds approved %', v_claim, v_paid, v_approved USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER claim_payments_within_approved
  AFTER INSERT OR UPDATE ON claim_payments
  FOR EACH ROW EXECUTE FUNCTION claim_paid_within_approved();

-- lowering an approved amount (or deleting a line) below what was already paid is refused the same way
CREATE CONSTRAINT TRIGGER claim_lines_cover_payments
  AFTER UPDATE OF approved_amount OR DELETE ON claim_lines
  FOR EACH ROW EXECUTE FUNCTION claim_paid_within_approved();

-- a claim with payments cannot go back to SUBMITTED or RETURNED
CREATE CONSTRAINT TRIGGER subsidy_claims_paid_status
  AFTER UPDATE OF status ON subsidy_claims
  FOR EACH ROW EXECUTE FUNCTION claim_paid_within_approved();
