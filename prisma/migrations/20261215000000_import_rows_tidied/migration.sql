-- The hourly tidy of the imports (lib/imports/retention.ts) clears what an ended import no longer needs of its
-- dry run (its new and unchanged rows, every row's planned write) and records when, so that it does each import once.
ALTER TABLE "imports" ADD COLUMN "rows_tidied_at" TIMESTAMP(3);
