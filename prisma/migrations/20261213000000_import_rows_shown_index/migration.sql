-- The import's stored verdicts had a second index on (import_id, outcome). The commit reads an import's
-- rows in row order, 500 after a row number (the primary key's order); for a new import the planner's
-- statistics do not know the import yet (its rows came after the last ANALYZE), estimate one row for it,
-- and could take the (import_id, outcome) index instead: every read then went through all the import's
-- rows and sorted them, 200 times for 100,000 rows (8,7 s of PostgreSQL's time in one commit).
-- The lists that filter by outcome ask only for the refused rows (INVALID) and the changes (UPDATE), in row
-- order: a partial index holds exactly those, can serve no query without that filter, and the rows to be
-- created or left unchanged (most of a large import) are no longer indexed twice.
-- The new index is built before the old one is dropped: the build takes a lock that still lets the table be
-- read, the DROP an exclusive one, held to the migration's end but no longer for the build.
CREATE INDEX "import_rows_shown_idx" ON "import_rows" ("import_id", "outcome", "row_number") WHERE "outcome" IN ('INVALID', 'UPDATE');
DROP INDEX "import_rows_import_id_outcome_idx";
