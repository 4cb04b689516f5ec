-- Background jobs in PostgreSQL (imports, reminders, snapshots): claimed with FOR UPDATE SKIP LOCKED,
-- so any number of app instances can run workers on the same table without handing a job out twice.
CREATE TYPE "JobState" AS ENUM ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED');

CREATE TABLE "jobs" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "state" "JobState" NOT NULL DEFAULT 'QUEUED',
    "dedupe_key" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "max_attempts" INTEGER NOT NULL DEFAULT 3,
    "run_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_by" TEXT,
    "locked_until" TIMESTAMP(3),
    "progress_done" INTEGER NOT NULL DEFAULT 0,
    "progress_total" INTEGER,
    "progress_note" TEXT,
    "cancel_requested" BOOLEAN NOT NULL DEFAULT false,
    "result" JSONB,
    "last_error" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id")
);

-- the worker's claim: the oldest due job of a kind it handles
CREATE INDEX "jobs_state_run_at_idx" ON "jobs"("state", "run_at");
CREATE INDEX "jobs_kind_created_at_idx" ON "jobs"("kind", "created_at");
CREATE INDEX "jobs_created_by_id_created_at_idx" ON "jobs"("created_by_id", "created_at");
-- one live job per (kind, dedupe key): a reminder for a month is queued once however often it is asked
CREATE UNIQUE INDEX "jobs_kind_dedupe_key_live_key" ON "jobs"("kind", "dedupe_key") WHERE "dedupe_key" IS NOT NULL AND "state" IN ('QUEUED', 'RUNNING');
