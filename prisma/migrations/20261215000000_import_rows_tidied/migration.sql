-- The hourly tidy of the imports (lib/imports/retention.ts) clears what an import no longer needs of its dry run
-- (an ended import's new and unchanged rows, every planned write that can no longer be applied) and records at
-- which version of the import, so that it tidies each import once per dry run or write.
ALTER TABLE "imports" ADD COLUMN "rows_tidied_version" INTEGER;
