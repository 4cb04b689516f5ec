import 'server-only'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/generated/prisma/client'

type Client = Prisma.TransactionClient | typeof db

/** A return's event key (of report `r`): the report and the moment of the return (a report returned without one, e.g. seeded, once). */
export const returnedKeySql = Prisma.sql`'report-returned:' || r.id || ':' || coalesce(to_char(r.reviewed_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS'), '-')`

/** A report's approval's event key (of report `r`): the report and the moment of the approval (a reopened report approved again is a new one). */
export const approvedKeySql = Prisma.sql`'report-approved:' || r.id || ':' || to_char(r.approved_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS')`

/** A claim's return's event key (of claim `c`): the claim and the moment of the return. */
export const claimReturnedKeySql = Prisma.sql`'claim-returned:' || c.id || ':' || to_char(c.reviewed_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS')`

/** Whom follow-up `a` is assigned to, in an assignment notice's key: a new owner is a new notice. */
export const actionOwnerKeySql = Prisma.sql`a.owner_kind || '-' || coalesce(a.owner_regency_code, a.owner_bank_id, a.owner_user_id, a.created_by_id, '')`

/**
 * Mark read the unread reminders whose cause is gone, and drop the e-mail not yet sent for them:
 * - a report due or late that has been sent;
 * - a return answered (the report sent again) or superseded by a later return (which has its own reminder and
 *   reason; compared by time, so a notice keyed by an older format is judged the same way);
 * - a report or claim awaiting review that has been decided, or sent again since (the newer submission has its own);
 * - a claim's return answered (the claim sent again) or superseded by a later return;
 * - a follow-up done, dropped, given another due date or of a cancelled meeting, and one "due soon" once overdue
 *   (the overdue reminder replaces it); its assignment notice once done, dropped, cancelled, given to another owner or
 *   another due date (it states the date); a due or overdue reminder of a meeting not started (moved later).
 * A district officer's bell had kept "Laporan Triwulan III 2026 terlambat" unread after the report was sent.
 * Called at the end of the hourly scan (`today`: its day in Jakarta), by a report's submission in its own
 * transaction for that report's reminders only (`report`), by a claim's decision and resubmission for that claim's
 * (`claim`), and by a follow-up's change (done, dropped, a new due
 * date, its meeting cancelled) for those follow-ups' reminders only (`actions`): an owner's bell had kept "jatuh
 * tempo 11 Desember" unread after the meeting was cancelled, until the next hourly scan. The key's parts (lib/reminders/scan.ts) name the
 * record. A reminder another transaction holds is skipped (it is being marked read, or the next scan settles it):
 * a report's submission never waits on, nor deadlocks with, a scan or a user's "mark all as read".
 */
export async function settleNotifications(
  client: Client,
  opts: { now: Date; today: string; report?: { id: string; regencyCode: string }; claim?: string; actions?: string[] },
): Promise<number> {
  const { now, today, report, claim, actions } = opts
  if (actions && actions.length === 0) return 0
  const only = report
    ? Prisma.sql`AND split_part(n.event_key, ':', 2) IN (${report.id}, ${report.regencyCode})`
    : claim
      ? Prisma.sql`AND n.kind IN ('REVIEW_CLAIM', 'CLAIM_RETURNED') AND split_part(n.event_key, ':', 2) = ${claim}`
      : actions
      ? Prisma.sql`AND n.kind IN ('ACTION_DUE', 'ACTION_OVERDUE', 'ACTION_ASSIGNED') AND split_part(n.event_key, ':', 2) IN (${Prisma.join(actions)})`
      : Prisma.empty
  return client.$executeRaw`
    UPDATE notifications
       SET read_at = ${now}::timestamp,
           email_state = CASE WHEN email_state = 'PENDING' THEN NULL ELSE email_state END
     WHERE id IN (SELECT n.id FROM notifications n WHERE n.read_at IS NULL ${only} AND (
          (n.kind IN ('REPORT_DUE', 'REPORT_LATE') AND EXISTS (
             SELECT 1 FROM quarterly_reports r
              WHERE r.regency_code = split_part(n.event_key, ':', 2) AND r.year || '-' || r.quarter = split_part(n.event_key, ':', 3)
                AND r.first_submitted_at IS NOT NULL))
       OR (n.kind = 'REPORT_RETURNED' AND EXISTS (
             SELECT 1 FROM quarterly_reports r WHERE r.id = split_part(n.event_key, ':', 2) AND (r.status <> 'RETURNED' OR n.created_at < r.reviewed_at)))
       OR (n.kind = 'REPORT_APPROVED' AND EXISTS (
             SELECT 1 FROM quarterly_reports r WHERE r.id = split_part(n.event_key, ':', 2)
                AND (r.status <> 'APPROVED' OR n.event_key IS DISTINCT FROM ${approvedKeySql})))
       OR (n.kind = 'REVIEW_REPORT' AND EXISTS (
             SELECT 1 FROM quarterly_reports r WHERE r.id = split_part(n.event_key, ':', 2)
                AND (r.status <> 'SUBMITTED' OR split_part(n.event_key, ':', 3) <> r.version::text)))
       OR (n.kind = 'REVIEW_CLAIM' AND EXISTS (
             SELECT 1 FROM subsidy_claims c WHERE c.id = split_part(n.event_key, ':', 2)
                AND (c.status <> 'SUBMITTED' OR split_part(n.event_key, ':', 3) <> c.version::text)))
       OR (n.kind = 'CLAIM_RETURNED' AND EXISTS (
             SELECT 1 FROM subsidy_claims c WHERE c.id = split_part(n.event_key, ':', 2)
                AND (c.status <> 'RETURNED' OR n.event_key IS DISTINCT FROM ${claimReturnedKeySql})))
       OR (n.kind IN ('ACTION_DUE', 'ACTION_OVERDUE') AND EXISTS (
             SELECT 1 FROM action_items a JOIN meetings m ON m.id = a.meeting_id
              WHERE a.id = split_part(n.event_key, ':', 2)
                AND (a.status IN ('DONE', 'DROPPED') OR m.status = 'CANCELLED' OR to_char(a.due_date, 'YYYY-MM-DD') <> split_part(n.event_key, ':', 3)
                     OR m.starts_at > ${now}::timestamp
                     OR (n.kind = 'ACTION_DUE' AND a.due_date < ${today}::date))))
       OR (n.kind = 'ACTION_ASSIGNED' AND EXISTS (
             SELECT 1 FROM action_items a JOIN meetings m ON m.id = a.meeting_id
              WHERE a.id = split_part(n.event_key, ':', 2)
                AND (a.status IN ('DONE', 'DROPPED') OR m.status = 'CANCELLED' OR split_part(n.event_key, ':', 3) <> ${actionOwnerKeySql}
                     OR n.params->>'dueDate' <> to_char(a.due_date, 'YYYY-MM-DD'))))
     ) FOR UPDATE SKIP LOCKED)`
}
