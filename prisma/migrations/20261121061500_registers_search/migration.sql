-- (no semicolons or quotes in these comments: the migration runner splits statements naively)
-- Trigram matching for the search box of the registers (name or number, ILIKE with wildcards on both
-- sides), which a B-tree cannot serve. pg_trgm ships with the contrib of every PostgreSQL 13-17.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "cooperatives" ADD COLUMN     "health_outcome" "HealthOutcome";

-- AlterTable
ALTER TABLE "msmes" ADD COLUMN     "scale_mismatch" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "cooperatives_health_outcome_idx" ON "cooperatives"("health_outcome");

-- CreateIndex
CREATE INDEX "cooperatives_name_trgm_idx" ON "cooperatives" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "cooperatives_nik_trgm_idx" ON "cooperatives" USING GIN ("nik" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "msmes_scale_mismatch_idx" ON "msmes"("scale_mismatch");

-- CreateIndex
CREATE INDEX "msmes_business_name_trgm_idx" ON "msmes" USING GIN ("business_name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "msmes_owner_name_trgm_idx" ON "msmes" USING GIN ("owner_name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "msmes_nib_trgm_idx" ON "msmes" USING GIN ("nib" gin_trgm_ops);
