-- CreateEnum
CREATE TYPE "CooperativeType" AS ENUM ('KONSUMEN', 'PRODUSEN', 'SIMPAN_PINJAM', 'PEMASARAN', 'JASA');

-- CreateEnum
CREATE TYPE "CooperativeForm" AS ENUM ('PRIMER', 'SEKUNDER');

-- CreateEnum
CREATE TYPE "CooperativePattern" AS ENUM ('KONVENSIONAL', 'SYARIAH');

-- CreateEnum
CREATE TYPE "HealthOutcome" AS ENUM ('SEHAT', 'CUKUP_SEHAT', 'DALAM_PENGAWASAN', 'DALAM_PENGAWASAN_KHUSUS');

-- CreateEnum
CREATE TYPE "InspectionStatus" AS ENUM ('OPEN', 'FOLLOWED_UP', 'CLOSED');

-- CreateEnum
CREATE TYPE "BusinessScale" AS ENUM ('MIKRO', 'KECIL', 'MENENGAH', 'BESAR');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('L', 'P');

-- CreateTable
CREATE TABLE "cooperatives" (
    "id" TEXT NOT NULL,
    "nik" VARCHAR(16) NOT NULL,
    "legal_entity_number" TEXT,
    "legal_entity_date" DATE,
    "name" TEXT NOT NULL,
    "type" "CooperativeType" NOT NULL,
    "form" "CooperativeForm" NOT NULL DEFAULT 'PRIMER',
    "pattern" "CooperativePattern" NOT NULL DEFAULT 'KONVENSIONAL',
    "group_name" TEXT,
    "regency_code" VARCHAR(5) NOT NULL,
    "district_code" VARCHAR(8),
    "village_code" VARCHAR(13),
    "address" TEXT,
    "members_male" INTEGER NOT NULL DEFAULT 0,
    "members_female" INTEGER NOT NULL DEFAULT 0,
    "managers" INTEGER NOT NULL DEFAULT 0,
    "employees" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "deleted_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "cooperatives_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cooperative_years" (
    "id" TEXT NOT NULL,
    "cooperative_id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "own_capital" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "external_capital" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "assets" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "business_volume" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "net_surplus" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "rat_held" BOOLEAN NOT NULL DEFAULT false,
    "rat_date" DATE,

    CONSTRAINT "cooperative_years_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "health_assessments" (
    "id" TEXT NOT NULL,
    "cooperative_id" TEXT NOT NULL,
    "assessed_on" DATE NOT NULL,
    "assessor" TEXT NOT NULL,
    "governance_score" DECIMAL(5,2) NOT NULL,
    "risk_profile_score" DECIMAL(5,2) NOT NULL,
    "financial_score" DECIMAL(5,2) NOT NULL,
    "capital_score" DECIMAL(5,2) NOT NULL,
    "total_score" DECIMAL(5,2) NOT NULL,
    "outcome" "HealthOutcome" NOT NULL,
    "notes" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "health_assessments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inspections" (
    "id" TEXT NOT NULL,
    "cooperative_id" TEXT NOT NULL,
    "inspected_on" DATE NOT NULL,
    "officer" TEXT NOT NULL,
    "findings" TEXT NOT NULL,
    "follow_up" TEXT,
    "status" "InspectionStatus" NOT NULL DEFAULT 'OPEN',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inspections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "msmes" (
    "id" TEXT NOT NULL,
    "nib" VARCHAR(13) NOT NULL,
    "business_name" TEXT NOT NULL,
    "owner_name" TEXT NOT NULL,
    "owner_nik" VARCHAR(16) NOT NULL,
    "owner_gender" "Gender" NOT NULL,
    "kbli" VARCHAR(5) NOT NULL,
    "regency_code" VARCHAR(5) NOT NULL,
    "district_code" VARCHAR(8),
    "village_code" VARCHAR(13),
    "address" TEXT,
    "phone" TEXT,
    "workers" INTEGER NOT NULL DEFAULT 0,
    "business_capital" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "annual_sales" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "recorded_scale" "BusinessScale",
    "computed_scale" "BusinessScale" NOT NULL,
    "new_registration" BOOLEAN NOT NULL DEFAULT false,
    "iumk_number" TEXT,
    "iumk_date" DATE,
    "cooperative_id" TEXT,
    "deleted_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "msmes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "cooperatives_nik_key" ON "cooperatives"("nik");

-- CreateIndex
CREATE INDEX "cooperatives_regency_code_deleted_at_idx" ON "cooperatives"("regency_code", "deleted_at");

-- CreateIndex
CREATE INDEX "cooperatives_type_idx" ON "cooperatives"("type");

-- CreateIndex
CREATE INDEX "cooperatives_active_idx" ON "cooperatives"("active");

-- CreateIndex
CREATE INDEX "cooperatives_name_idx" ON "cooperatives"("name");

-- CreateIndex
CREATE UNIQUE INDEX "cooperative_years_cooperative_id_year_key" ON "cooperative_years"("cooperative_id", "year");

-- CreateIndex
CREATE INDEX "health_assessments_cooperative_id_assessed_on_idx" ON "health_assessments"("cooperative_id", "assessed_on");

-- CreateIndex
CREATE INDEX "health_assessments_outcome_idx" ON "health_assessments"("outcome");

-- CreateIndex
CREATE INDEX "inspections_cooperative_id_inspected_on_idx" ON "inspections"("cooperative_id", "inspected_on");

-- CreateIndex
CREATE UNIQUE INDEX "msmes_nib_key" ON "msmes"("nib");

-- CreateIndex
CREATE INDEX "msmes_regency_code_deleted_at_idx" ON "msmes"("regency_code", "deleted_at");

-- CreateIndex
CREATE INDEX "msmes_computed_scale_idx" ON "msmes"("computed_scale");

-- CreateIndex
CREATE INDEX "msmes_business_name_idx" ON "msmes"("business_name");

-- CreateIndex
CREATE INDEX "msmes_cooperative_id_idx" ON "msmes"("cooperative_id");

-- CreateIndex
CREATE INDEX "msmes_kbli_idx" ON "msmes"("kbli");

-- AddForeignKey
ALTER TABLE "cooperatives" ADD CONSTRAINT "cooperatives_regency_code_fkey" FOREIGN KEY ("regency_code") REFERENCES "regencies"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cooperatives" ADD CONSTRAINT "cooperatives_district_code_fkey" FOREIGN KEY ("district_code") REFERENCES "districts"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cooperatives" ADD CONSTRAINT "cooperatives_village_code_fkey" FOREIGN KEY ("village_code") REFERENCES "villages"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cooperative_years" ADD CONSTRAINT "cooperative_years_cooperative_id_fkey" FOREIGN KEY ("cooperative_id") REFERENCES "cooperatives"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "health_assessments" ADD CONSTRAINT "health_assessments_cooperative_id_fkey" FOREIGN KEY ("cooperative_id") REFERENCES "cooperatives"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_cooperative_id_fkey" FOREIGN KEY ("cooperative_id") REFERENCES "cooperatives"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "msmes" ADD CONSTRAINT "msmes_regency_code_fkey" FOREIGN KEY ("regency_code") REFERENCES "regencies"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "msmes" ADD CONSTRAINT "msmes_district_code_fkey" FOREIGN KEY ("district_code") REFERENCES "districts"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "msmes" ADD CONSTRAINT "msmes_village_code_fkey" FOREIGN KEY ("village_code") REFERENCES "villages"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "msmes" ADD CONSTRAINT "msmes_cooperative_id_fkey" FOREIGN KEY ("cooperative_id") REFERENCES "cooperatives"("id") ON DELETE SET NULL ON UPDATE CASCADE;
