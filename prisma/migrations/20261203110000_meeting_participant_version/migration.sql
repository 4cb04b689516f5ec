-- Attendance edits carry the version the admin saw: a stale edit is refused, as everywhere else.
ALTER TABLE "meeting_participants" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
