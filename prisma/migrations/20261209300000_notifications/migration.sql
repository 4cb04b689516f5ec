-- Reminders (issue 15): in-app notifications, one row per recipient and event. The unique
-- (user_id, event_key) is what makes a reminder "once per event": the reminder job and the
-- return of a report both insert with ON CONFLICT DO NOTHING, so several workers (or a worker and
-- the return's transaction) racing on the same event leave exactly one row.
CREATE TYPE "NotificationKind" AS ENUM ('REPORT_DUE', 'REPORT_LATE', 'REPORT_RETURNED', 'ACTION_DUE', 'ACTION_OVERDUE', 'REVIEW_REPORT', 'REVIEW_CLAIM');

-- PENDING: to be e-mailed; SENDING: taken by one worker (never sent twice, also after a crash);
-- SENT / FAILED: done. NULL: no e-mail (SMTP_URL unset or the user has no address).
CREATE TYPE "NotificationEmailState" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED');

CREATE TABLE "notifications" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "event_key" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "link" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMP(3),
    "email_state" "NotificationEmailState",
    "email_sent_at" TIMESTAMP(3),
    "email_error" TEXT,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE UNIQUE INDEX "notifications_user_id_event_key_key" ON "notifications"("user_id", "event_key");
-- the bell's unread count and the list, newest first
CREATE INDEX "notifications_user_id_read_at_created_at_idx" ON "notifications"("user_id", "read_at", "created_at");
-- the e-mail sender's queue
CREATE INDEX "notifications_email_pending_idx" ON "notifications"("created_at") WHERE "email_state" = 'PENDING';
