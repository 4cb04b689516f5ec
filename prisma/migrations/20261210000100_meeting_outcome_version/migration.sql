-- An outcome (decision, recommendation, information) can now be corrected in place; like every other
-- record an admin edits, it carries the version the editor saw, so a stale correction or removal is refused.
ALTER TABLE "meeting_outcomes" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
