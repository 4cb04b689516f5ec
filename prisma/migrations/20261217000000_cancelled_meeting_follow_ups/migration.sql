-- Cancelling a meeting now drops its open follow-ups (lib/actions/meetings.ts, dropOpenActions), so that they
-- stop counting as open or overdue. Meetings cancelled before that kept theirs open: they are dropped here the
-- same way, each with the same progress note (written by "Lumbung", no user).
WITH open_ones AS (
  SELECT a.id, a.status
  FROM action_items a JOIN meetings m ON m.id = a.meeting_id
  WHERE m.status = 'CANCELLED' AND a.status IN ('OPEN', 'IN_PROGRESS')
), notes AS (
  INSERT INTO action_progress_notes (id, action_id, author_id, author_name, note, status_from, status_to, created_at)
  SELECT gen_random_uuid()::text, o.id, NULL, 'Lumbung', 'Rapat dibatalkan; tindak lanjut ini ikut dibatalkan.', o.status, 'DROPPED', now()
  FROM open_ones o
)
UPDATE action_items a
SET status = 'DROPPED', closed_at = now(), version = a.version + 1, updated_at = now()
FROM open_ones o
WHERE a.id = o.id;
