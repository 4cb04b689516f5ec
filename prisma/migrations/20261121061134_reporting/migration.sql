-- CreateEnum
CREATE TYPE "IndicatorUnit" AS ENUM ('COUNT', 'PERCENT', 'RUPIAH');

-- CreateEnum
CREATE TYPE "IndicatorAggregation" AS ENUM ('SUM', 'RATIO', 'PROVINCE');

-- CreateEnum
CREATE TYPE "IndicatorTimeAggregation" AS ENUM ('FLOW', 'STOCK');

-- CreateEnum
CREATE TYPE "ReportPeriodType" AS ENUM ('QUARTERLY', 'SEMESTER', 'YEARLY');

-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED');

-- CreateEnum
CREATE TYPE "ValidationRuleKind" AS ENUM ('LESS_OR_EQUAL', 'RANGE', 'MAX_CHANGE');

-- CreateEnum
CREATE TYPE "ValidationSeverity" AS ENUM ('ERROR', 'WARNING');

-- CreateTable
CREATE TABLE "report_forms" (
    "code" VARCHAR(32) NOT NULL,
    "name" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "period_type" "ReportPeriodType" NOT NULL,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "report_forms_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "indicators" (
    "code" VARCHAR(32) NOT NULL,
    "form_code" VARCHAR(32) NOT NULL,
    "name" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "unit" "IndicatorUnit" NOT NULL,
    "aggregation" "IndicatorAggregation" NOT NULL,
    "time_aggregation" "IndicatorTimeAggregation" NOT NULL DEFAULT 'STOCK',
    "numerator_code" VARCHAR(32),
    "denominator_code" VARCHAR(32),
    "decimals" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sort_order" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "indicators_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "indicator_targets" (
    "id" TEXT NOT NULL,
    "indicator_code" VARCHAR(32) NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL DEFAULT 0,
    "regency_code" VARCHAR(5),
    "value" DECIMAL(20,2) NOT NULL,

    CONSTRAINT "indicator_targets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "province_indicator_values" (
    "indicator_code" VARCHAR(32) NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "value" DECIMAL(20,2) NOT NULL,
    "source" TEXT,

    CONSTRAINT "province_indicator_values_pkey" PRIMARY KEY ("indicator_code","year","quarter")
);

-- CreateTable
CREATE TABLE "reporting_periods" (
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "deadline" DATE NOT NULL,

    CONSTRAINT "reporting_periods_pkey" PRIMARY KEY ("year","quarter")
);

-- CreateTable
CREATE TABLE "quarterly_reports" (
    "id" TEXT NOT NULL,
    "regency_code" VARCHAR(5) NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NOT NULL,
    "status" "ReportStatus" NOT NULL DEFAULT 'DRAFT',
    "obstacles" TEXT,
    "follow_ups" TEXT,
    "return_reason" TEXT,
    "reopen_reason" TEXT,
    "first_submitted_at" TIMESTAMP(3),
    "submitted_at" TIMESTAMP(3),
    "reviewed_at" TIMESTAMP(3),
    "reviewed_by_id" TEXT,
    "approved_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "quarterly_reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "report_values" (
    "report_id" TEXT NOT NULL,
    "indicator_code" VARCHAR(32) NOT NULL,
    "value" DECIMAL(20,2),
    "comment" TEXT,
    "review_note" TEXT,

    CONSTRAINT "report_values_pkey" PRIMARY KEY ("report_id","indicator_code")
);

-- CreateTable
CREATE TABLE "validation_rules" (
    "code" VARCHAR(40) NOT NULL,
    "kind" "ValidationRuleKind" NOT NULL,
    "severity" "ValidationSeverity" NOT NULL,
    "indicator_code" VARCHAR(32),
    "other_indicator_code" VARCHAR(32),
    "min" DECIMAL(20,2),
    "max" DECIMAL(20,2),
    "threshold_percent" DECIMAL(7,2),
    "message" TEXT NOT NULL,
    "message_en" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "validation_rules_pkey" PRIMARY KEY ("code")
);

-- CreateIndex
CREATE INDEX "indicators_form_code_sort_order_idx" ON "indicators"("form_code", "sort_order");

-- CreateIndex
CREATE INDEX "indicator_targets_year_indicator_code_idx" ON "indicator_targets"("year", "indicator_code");

-- CreateIndex
CREATE UNIQUE INDEX "indicator_targets_indicator_code_year_quarter_regency_code_key" ON "indicator_targets"("indicator_code", "year", "quarter", "regency_code");

-- CreateIndex
CREATE INDEX "quarterly_reports_year_quarter_status_idx" ON "quarterly_reports"("year", "quarter", "status");

-- CreateIndex
CREATE INDEX "quarterly_reports_status_idx" ON "quarterly_reports"("status");

-- CreateIndex
CREATE UNIQUE INDEX "quarterly_reports_regency_code_year_quarter_key" ON "quarterly_reports"("regency_code", "year", "quarter");

-- CreateIndex
CREATE INDEX "report_values_indicator_code_idx" ON "report_values"("indicator_code");

-- AddForeignKey
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_form_code_fkey" FOREIGN KEY ("form_code") REFERENCES "report_forms"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_indicator_code_fkey" FOREIGN KEY ("indicator_code") REFERENCES "indicators"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_regency_code_fkey" FOREIGN KEY ("regency_code") REFERENCES "regencies"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "province_indicator_values" ADD CONSTRAINT "province_indicator_values_indicator_code_fkey" FOREIGN KEY ("indicator_code") REFERENCES "indicators"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quarterly_reports" ADD CONSTRAINT "quarterly_reports_regency_code_fkey" FOREIGN KEY ("regency_code") REFERENCES "regencies"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_values" ADD CONSTRAINT "report_values_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "quarterly_reports"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_values" ADD CONSTRAINT "report_values_indicator_code_fkey" FOREIGN KEY ("indicator_code") REFERENCES "indicators"("code") ON DELETE RESTRICT ON UPDATE CASCADE;
