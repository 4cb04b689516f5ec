-- CreateEnum
CREATE TYPE "RepaymentMethod" AS ENUM ('ANNUITY', 'FLAT');

-- CreateEnum
CREATE TYPE "LoanStatus" AS ENUM ('ACTIVE', 'PAID_OFF', 'WRITTEN_OFF');

-- CreateEnum
CREATE TYPE "ClaimStatus" AS ENUM ('SUBMITTED', 'RETURNED', 'APPROVED', 'PAID');

-- CreateTable
CREATE TABLE "credit_programs" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "scheme" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "credit_target" DECIMAL(18,2) NOT NULL,
    "beneficiary_target" INTEGER NOT NULL,
    "subsidy_ceiling" DECIMAL(18,2) NOT NULL,
    "borrower_rate" DECIMAL(7,6) NOT NULL,
    "max_plafond" DECIMAL(18,2) NOT NULL,
    "max_tenor_months" INTEGER NOT NULL,
    "eligible_scales" "BusinessScale"[],
    "admin_fee_rule" TEXT,
    "penalty_rule" TEXT,
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "credit_programs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "credit_program_banks" (
    "program_id" TEXT NOT NULL,
    "bank_id" TEXT NOT NULL,

    CONSTRAINT "credit_program_banks_pkey" PRIMARY KEY ("program_id","bank_id")
);

-- CreateTable
CREATE TABLE "program_rates" (
    "id" TEXT NOT NULL,
    "program_id" TEXT NOT NULL,
    "bank_id" TEXT NOT NULL,
    "effective_from" DATE NOT NULL,
    "rate" DECIMAL(7,6) NOT NULL,

    CONSTRAINT "program_rates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "program_allocations" (
    "program_id" TEXT NOT NULL,
    "regency_code" VARCHAR(5) NOT NULL,
    "credit_target" DECIMAL(18,2) NOT NULL,

    CONSTRAINT "program_allocations_pkey" PRIMARY KEY ("program_id","regency_code")
);

-- CreateTable
CREATE TABLE "program_monthly_plans" (
    "program_id" TEXT NOT NULL,
    "month" INTEGER NOT NULL,
    "cumulative_target" DECIMAL(18,2) NOT NULL,

    CONSTRAINT "program_monthly_plans_pkey" PRIMARY KEY ("program_id","month")
);

-- CreateTable
CREATE TABLE "disbursements" (
    "id" TEXT NOT NULL,
    "program_id" TEXT NOT NULL,
    "bank_id" TEXT NOT NULL,
    "account_number" TEXT NOT NULL,
    "msme_id" TEXT NOT NULL,
    "regency_code" VARCHAR(5) NOT NULL,
    "contract_date" DATE NOT NULL,
    "plafond" DECIMAL(18,2) NOT NULL,
    "tenor_months" INTEGER NOT NULL,
    "bank_rate" DECIMAL(7,6) NOT NULL,
    "borrower_rate" DECIMAL(7,6) NOT NULL,
    "method" "RepaymentMethod" NOT NULL DEFAULT 'ANNUITY',
    "collectibility" INTEGER NOT NULL DEFAULT 1,
    "status" "LoanStatus" NOT NULL DEFAULT 'ACTIVE',
    "eligibility_issues" TEXT[],
    "exception_reason" TEXT,
    "created_by_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "disbursements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "loan_months" (
    "disbursement_id" TEXT NOT NULL,
    "period" INTEGER NOT NULL,
    "due_date" DATE NOT NULL,
    "claim_month" DATE NOT NULL,
    "days" INTEGER NOT NULL,
    "opening_balance" DECIMAL(18,2) NOT NULL,
    "rate_difference" DECIMAL(7,6) NOT NULL,
    "instalment_paid" BOOLEAN NOT NULL DEFAULT true,
    "collectibility" INTEGER NOT NULL DEFAULT 1,
    "subsidy_due" DECIMAL(18,2) NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "loan_months_pkey" PRIMARY KEY ("disbursement_id","period")
);

-- CreateTable
CREATE TABLE "subsidy_claims" (
    "id" TEXT NOT NULL,
    "program_id" TEXT NOT NULL,
    "bank_id" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "status" "ClaimStatus" NOT NULL DEFAULT 'SUBMITTED',
    "submitted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submitted_by_id" TEXT,
    "reviewed_at" TIMESTAMP(3),
    "reviewed_by_id" TEXT,
    "return_reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "subsidy_claims_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claim_lines" (
    "id" TEXT NOT NULL,
    "claim_id" TEXT NOT NULL,
    "disbursement_id" TEXT NOT NULL,
    "claimed_amount" DECIMAL(18,2) NOT NULL,
    "computed_amount" DECIMAL(18,2) NOT NULL,
    "approved_amount" DECIMAL(18,2),
    "note" TEXT,

    CONSTRAINT "claim_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "claim_payments" (
    "id" TEXT NOT NULL,
    "claim_id" TEXT NOT NULL,
    "paid_on" DATE NOT NULL,
    "amount" DECIMAL(18,2) NOT NULL,
    "reference" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "claim_payments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "credit_programs_code_key" ON "credit_programs"("code");

-- CreateIndex
CREATE UNIQUE INDEX "credit_programs_scheme_year_key" ON "credit_programs"("scheme", "year");

-- CreateIndex
CREATE UNIQUE INDEX "program_rates_program_id_bank_id_effective_from_key" ON "program_rates"("program_id", "bank_id", "effective_from");

-- CreateIndex
CREATE INDEX "disbursements_program_id_contract_date_idx" ON "disbursements"("program_id", "contract_date");

-- CreateIndex
CREATE INDEX "disbursements_program_id_regency_code_contract_date_idx" ON "disbursements"("program_id", "regency_code", "contract_date");

-- CreateIndex
CREATE INDEX "disbursements_program_id_bank_id_contract_date_idx" ON "disbursements"("program_id", "bank_id", "contract_date");

-- CreateIndex
CREATE INDEX "disbursements_msme_id_idx" ON "disbursements"("msme_id");

-- CreateIndex
CREATE UNIQUE INDEX "disbursements_bank_id_account_number_key" ON "disbursements"("bank_id", "account_number");

-- CreateIndex
CREATE INDEX "loan_months_claim_month_idx" ON "loan_months"("claim_month");

-- CreateIndex
CREATE INDEX "subsidy_claims_status_idx" ON "subsidy_claims"("status");

-- CreateIndex
CREATE UNIQUE INDEX "subsidy_claims_program_id_bank_id_month_key" ON "subsidy_claims"("program_id", "bank_id", "month");

-- CreateIndex
CREATE INDEX "claim_lines_disbursement_id_idx" ON "claim_lines"("disbursement_id");

-- CreateIndex
CREATE UNIQUE INDEX "claim_lines_claim_id_disbursement_id_key" ON "claim_lines"("claim_id", "disbursement_id");

-- CreateIndex
CREATE INDEX "claim_payments_claim_id_idx" ON "claim_payments"("claim_id");

-- CreateIndex
CREATE INDEX "claim_payments_paid_on_idx" ON "claim_payments"("paid_on");

-- AddForeignKey
ALTER TABLE "credit_program_banks" ADD CONSTRAINT "credit_program_banks_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "credit_programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "credit_program_banks" ADD CONSTRAINT "credit_program_banks_bank_id_fkey" FOREIGN KEY ("bank_id") REFERENCES "banks"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "program_rates" ADD CONSTRAINT "program_rates_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "credit_programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "program_rates" ADD CONSTRAINT "program_rates_bank_id_fkey" FOREIGN KEY ("bank_id") REFERENCES "banks"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "program_allocations" ADD CONSTRAINT "program_allocations_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "credit_programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "program_allocations" ADD CONSTRAINT "program_allocations_regency_code_fkey" FOREIGN KEY ("regency_code") REFERENCES "regencies"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "program_monthly_plans" ADD CONSTRAINT "program_monthly_plans_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "credit_programs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "credit_programs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_bank_id_fkey" FOREIGN KEY ("bank_id") REFERENCES "banks"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_msme_id_fkey" FOREIGN KEY ("msme_id") REFERENCES "msmes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_regency_code_fkey" FOREIGN KEY ("regency_code") REFERENCES "regencies"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loan_months" ADD CONSTRAINT "loan_months_disbursement_id_fkey" FOREIGN KEY ("disbursement_id") REFERENCES "disbursements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subsidy_claims" ADD CONSTRAINT "subsidy_claims_program_id_fkey" FOREIGN KEY ("program_id") REFERENCES "credit_programs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "subsidy_claims" ADD CONSTRAINT "subsidy_claims_bank_id_fkey" FOREIGN KEY ("bank_id") REFERENCES "banks"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_lines" ADD CONSTRAINT "claim_lines_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "subsidy_claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_lines" ADD CONSTRAINT "claim_lines_disbursement_id_fkey" FOREIGN KEY ("disbursement_id") REFERENCES "disbursements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "claim_payments" ADD CONSTRAINT "claim_payments_claim_id_fkey" FOREIGN KEY ("claim_id") REFERENCES "subsidy_claims"("id") ON DELETE CASCADE ON UPDATE CASCADE;
