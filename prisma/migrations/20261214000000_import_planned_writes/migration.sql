-- The dry run of a register import (MSMEs, cooperatives) plans each row's write: the record it compared the
-- row with (id, version, deleted or not), the new or changed record's column texts and its audit row. The commit checks in
-- one statement that none of those records has changed since, then applies the plan set-based in SQL
-- (lib/imports/planned.ts) instead of checking and building every row again in JavaScript.
ALTER TABLE "import_rows" ADD COLUMN "record_id" TEXT,
  ADD COLUMN "seen_version" INTEGER,
  ADD COLUMN "seen_deleted" BOOLEAN,
  ADD COLUMN "record" JSONB,
  ADD COLUMN "audit_before" JSONB,
  ADD COLUMN "audit_after" JSONB;
-- what the plan was made under (the importer's role, the day, the register's columns): the commit applies it only under the same
ALTER TABLE "imports" ADD COLUMN "plan_key" TEXT;
