-- Configuration screens (issue 15): indicators get a validity window and a version (stale edits are
-- refused), a target grid per indicator and year carries the version its editors saw, reporting periods
-- get a version, and settings (the dashboard's status thresholds) live in one small key/value table.

-- AlterTable
ALTER TABLE "indicators" ADD COLUMN "active_from" DATE,
ADD COLUMN "active_to" DATE,
ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "reporting_periods" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "target_grids" (
    "indicator_code" VARCHAR(32) NOT NULL,
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "target_grids_pkey" PRIMARY KEY ("indicator_code","year")
);

-- CreateTable
CREATE TABLE "settings" (
    "key" VARCHAR(64) NOT NULL,
    "value" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("key")
);

-- AddForeignKey
ALTER TABLE "target_grids" ADD CONSTRAINT "target_grids_indicator_code_fkey" FOREIGN KEY ("indicator_code") REFERENCES "indicators"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- Which version of the agency's health template (setting `health.template`, 0 = the defaults) computed an
-- assessment's total and outcome: a later template change never recomputes a stored assessment.
ALTER TABLE "health_assessments" ADD COLUMN "template_version" INTEGER NOT NULL DEFAULT 0;
