-- Validation rules and partner banks become editable by the admin (/pengaturan/aturan, /pengaturan/bank):
-- each row carries a version, so a stale edit is refused instead of silently overwriting another admin's,
-- and a bank can be deactivated (no new programme participation) while its loans, claims and users stay.
ALTER TABLE "validation_rules" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "validation_rules" ADD COLUMN "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

ALTER TABLE "banks" ADD COLUMN "active" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "banks" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "banks" ADD COLUMN "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
