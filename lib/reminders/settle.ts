import 'server-only'
import { db } from '@/lib/db'
import { Prisma } from '@/lib/generated/prisma/client'

type Client = Prisma.TransactionClient | typeof db

/** A return's event key (of report `r`): the report and the moment of the return (a report returned without one, e.g. seeded, once). */
export const returnedKeySql = Prisma.sql`'report-returned:' || r.id || ':' || coalesce(to_char(r.reviewed_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS'), '-')`

/**
 * Mark read the unread reminders whose cause is gone: a report due or late that has been sent, a returned report
 * sent again (or returned again since), a report or claim awaiting review that has been decided, a follow-up done, dropped, moved to another
 * due date or of a cancelled meeting. A district officer's bell had kept "Laporan Triwulan III 2026 terlambat"
 * unread after the report was sent. Called by the hourly scan, and by the report's submission in its own
 * transaction (the case a user meets at once), for that report's reminders only (`report`). The key's parts
 * (lib/reminders/scan.ts) name the record. The rows are locked in id order, so a scan and a submission that
 * settle the same reminders wait for each other instead of deadlocking.
 */
export async function settleNotifications(client: Client = db, now = new Date(), report?: { id: string; regencyCode: string }): Promise<number> {
  const only = report ? Prisma.sql`AND split_part(n.event_key, ':', 2) IN (${report.id}, ${report.regencyCode})` : Prisma.empty
  return client.$executeRaw`
    UPDATE notifications SET read_at = ${now}::timestamp
     WHERE id IN (SELECT n.id FROM notifications n WHERE n.read_at IS NULL ${only} AND (
          (n.kind IN ('REPORT_DUE', 'REPORT_LATE') AND EXISTS (
             SELECT 1 FROM quarterly_reports r
              WHERE r.regency_code = split_part(n.event_key, ':', 2) AND r.year || '-' || r.quarter = split_part(n.event_key, ':', 3)
                AND r.first_submitted_at IS NOT NULL))
       OR (n.kind = 'REPORT_RETURNED' AND EXISTS (
             -- sent again, or returned again since (the later return has its own reminder, with its own reason)
             SELECT 1 FROM quarterly_reports r WHERE r.id = split_part(n.event_key, ':', 2) AND (r.status <> 'RETURNED' OR n.event_key <> ${returnedKeySql})))
       OR (n.kind = 'REVIEW_REPORT' AND EXISTS (
             SELECT 1 FROM quarterly_reports r WHERE r.id = split_part(n.event_key, ':', 2) AND r.status <> 'SUBMITTED'))
       OR (n.kind = 'REVIEW_CLAIM' AND EXISTS (
             SELECT 1 FROM subsidy_claims c WHERE c.id = split_part(n.event_key, ':', 2) AND c.status <> 'SUBMITTED'))
       OR (n.kind IN ('ACTION_DUE', 'ACTION_OVERDUE') AND EXISTS (
             SELECT 1 FROM action_items a JOIN meetings m ON m.id = a.meeting_id
              WHERE a.id = split_part(n.event_key, ':', 2)
                AND (a.status IN ('DONE', 'DROPPED') OR m.status = 'CANCELLED' OR to_char(a.due_date, 'YYYY-MM-DD') <> split_part(n.event_key, ':', 3))))
     ) ORDER BY n.id FOR UPDATE)`
}
