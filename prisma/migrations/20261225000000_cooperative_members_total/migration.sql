-- The cooperative list sorts by members (men + women), in SQL: a column PostgreSQL keeps equal to the sum, so the
-- list's ORDER BY ... LIMIT reads an index instead of computing the sum of every cooperative in scope. Never written
-- by the app (Prisma leaves a field with a database default out of its inserts; every raw INSERT names its columns).
ALTER TABLE "cooperatives" ADD COLUMN "members_total" INTEGER NOT NULL GENERATED ALWAYS AS ("members_male" + "members_female") STORED;
CREATE INDEX "cooperatives_members_total_idx" ON "cooperatives" ("members_total");
