-- Pembinaan (issue #15): the agency's activities and their beneficiaries, indicators the activities
-- compute, and time-bound programme targets whose progress is counted from the records.

-- CreateEnum
CREATE TYPE "ActivityKind" AS ENUM ('TRAINING', 'CERTIFICATION', 'CAPITAL_ASSISTANCE', 'FINANCING_FACILITATION', 'MENTORING', 'SUPERVISION', 'OTHER');
CREATE TYPE "BudgetSource" AS ENUM ('APBD_PROVINCE', 'APBD_REGENCY', 'APBN', 'DAK', 'OTHER');
CREATE TYPE "BeneficiaryType" AS ENUM ('COOPERATIVE', 'MSME', 'PERSON');
CREATE TYPE "ProgrammeTargetMeasure" AS ENUM ('INDICATOR', 'HEALTHY_KSP', 'ACTIVITY_BENEFICIARIES');

-- CreateTable
CREATE TABLE "activities" (
    "id" TEXT NOT NULL,
    "kind" "ActivityKind" NOT NULL,
    "title" TEXT NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE,
    "regency_code" VARCHAR(5),
    "budget_source" "BudgetSource",
    "budget_amount" DECIMAL(18,2),
    "notes" TEXT,
    "created_by_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "activities_pkey" PRIMARY KEY ("id"),
    -- the form refuses these too; the table holds them for imports and scripts
    CONSTRAINT "activities_dates_check" CHECK ("end_date" IS NULL OR "end_date" >= "start_date"),
    CONSTRAINT "activities_amount_check" CHECK ("budget_amount" IS NULL OR "budget_amount" >= 0)
);

CREATE TABLE "activity_beneficiaries" (
    "id" TEXT NOT NULL,
    "activity_id" TEXT NOT NULL,
    "type" "BeneficiaryType" NOT NULL,
    "cooperative_id" TEXT,
    "msme_id" TEXT,
    "person_name" TEXT,
    "person_role" TEXT,
    "certificate_number" TEXT,
    "regency_code" VARCHAR(5),
    "beneficiary_key" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "activity_beneficiaries_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "activity_beneficiaries_shape_check" CHECK (
        ("type" = 'COOPERATIVE' AND "cooperative_id" IS NOT NULL AND "msme_id" IS NULL AND "person_name" IS NULL)
        OR ("type" = 'MSME' AND "msme_id" IS NOT NULL AND "cooperative_id" IS NULL AND "person_name" IS NULL)
        OR ("type" = 'PERSON' AND "person_name" IS NOT NULL AND "msme_id" IS NULL)
    )
);

CREATE TABLE "indicator_activity_measures" (
    "indicator_code" VARCHAR(32) NOT NULL,
    "activity_kind" "ActivityKind" NOT NULL,
    "beneficiary_type" "BeneficiaryType" NOT NULL,

    CONSTRAINT "indicator_activity_measures_pkey" PRIMARY KEY ("indicator_code")
);

CREATE TABLE "programme_targets" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "measure" "ProgrammeTargetMeasure" NOT NULL,
    "indicator_code" VARCHAR(32),
    "activity_kind" "ActivityKind",
    "beneficiary_type" "BeneficiaryType",
    "target_value" DECIMAL(20,2) NOT NULL,
    "start_date" DATE NOT NULL,
    "deadline" DATE NOT NULL,
    "regency_code" VARCHAR(5),
    "working_days" BOOLEAN NOT NULL DEFAULT false,
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "programme_targets_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "programme_targets_window_check" CHECK ("deadline" >= "start_date"),
    CONSTRAINT "programme_targets_value_check" CHECK ("target_value" > 0),
    CONSTRAINT "programme_targets_measure_check" CHECK (
        ("measure" = 'INDICATOR' AND "indicator_code" IS NOT NULL)
        OR ("measure" = 'HEALTHY_KSP')
        OR ("measure" = 'ACTIVITY_BENEFICIARIES' AND "activity_kind" IS NOT NULL AND "beneficiary_type" IS NOT NULL)
    )
);

-- CreateIndex
CREATE INDEX "activities_regency_code_start_date_idx" ON "activities"("regency_code", "start_date");
CREATE INDEX "activities_kind_start_date_idx" ON "activities"("kind", "start_date");
CREATE INDEX "activity_beneficiaries_cooperative_id_idx" ON "activity_beneficiaries"("cooperative_id");
CREATE INDEX "activity_beneficiaries_msme_id_idx" ON "activity_beneficiaries"("msme_id");
CREATE INDEX "activity_beneficiaries_regency_code_type_idx" ON "activity_beneficiaries"("regency_code", "type");
CREATE UNIQUE INDEX "activity_beneficiaries_activity_id_beneficiary_key_key" ON "activity_beneficiaries"("activity_id", "beneficiary_key");
CREATE INDEX "programme_targets_deadline_idx" ON "programme_targets"("deadline");

-- AddForeignKey
ALTER TABLE "activities" ADD CONSTRAINT "activities_regency_code_fkey" FOREIGN KEY ("regency_code") REFERENCES "regencies"("code") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "activity_beneficiaries" ADD CONSTRAINT "activity_beneficiaries_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "activities"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "activity_beneficiaries" ADD CONSTRAINT "activity_beneficiaries_cooperative_id_fkey" FOREIGN KEY ("cooperative_id") REFERENCES "cooperatives"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "activity_beneficiaries" ADD CONSTRAINT "activity_beneficiaries_msme_id_fkey" FOREIGN KEY ("msme_id") REFERENCES "msmes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "indicator_activity_measures" ADD CONSTRAINT "indicator_activity_measures_indicator_code_fkey" FOREIGN KEY ("indicator_code") REFERENCES "indicators"("code") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "programme_targets" ADD CONSTRAINT "programme_targets_indicator_code_fkey" FOREIGN KEY ("indicator_code") REFERENCES "indicators"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "programme_targets" ADD CONSTRAINT "programme_targets_regency_code_fkey" FOREIGN KEY ("regency_code") REFERENCES "regencies"("code") ON DELETE SET NULL ON UPDATE CASCADE;
