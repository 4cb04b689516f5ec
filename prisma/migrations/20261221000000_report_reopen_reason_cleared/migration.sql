-- A report's banner says "reopened" while reopen_reason is set, and a return now clears it. A report reopened and
-- then returned again before that carries its old reopening reason: the return wrote a different return_reason
-- (a reopening writes the same text to both), so where they differ the report was returned since and is cleared.
UPDATE "quarterly_reports" SET "reopen_reason" = NULL
WHERE "reopen_reason" IS NOT NULL AND "return_reason" IS DISTINCT FROM "reopen_reason";
