-- Issue 17 (rest of the integration API): bulk register snapshots built by a job, and a database-set
-- updated_at on the records the API syncs incrementally.

-- A snapshot of a register (cooperatives or MSMEs) as NDJSON or CSV, requested by an API client and
-- written by a background job in chunks, so neither the job nor the download holds the whole file.
CREATE TYPE "ApiSnapshotStatus" AS ENUM ('QUEUED', 'RUNNING', 'READY', 'FAILED');

CREATE TABLE "api_snapshots" (
    "id" TEXT NOT NULL,
    "client_id" TEXT NOT NULL,
    "register" VARCHAR(16) NOT NULL,
    "format" VARCHAR(8) NOT NULL,
    "status" "ApiSnapshotStatus" NOT NULL DEFAULT 'QUEUED',
    "job_id" TEXT,
    "rows" INTEGER,
    "bytes" BIGINT,
    "sha256" VARCHAR(64),
    "as_of" TIMESTAMP(3),
    "error" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),
    "expires_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "api_snapshots_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "api_snapshots_register_check" CHECK ("register" IN ('koperasi', 'umkm')),
    CONSTRAINT "api_snapshots_format_check" CHECK ("format" IN ('ndjson', 'csv'))
);
CREATE INDEX "api_snapshots_client_id_created_at_idx" ON "api_snapshots"("client_id", "created_at");
CREATE INDEX "api_snapshots_expires_at_idx" ON "api_snapshots"("expires_at");
ALTER TABLE "api_snapshots" ADD CONSTRAINT "api_snapshots_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "api_clients"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "api_snapshot_chunks" (
    "snapshot_id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,
    CONSTRAINT "api_snapshot_chunks_pkey" PRIMARY KEY ("snapshot_id", "seq")
);
ALTER TABLE "api_snapshot_chunks" ADD CONSTRAINT "api_snapshot_chunks_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "api_snapshots"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- updated_at of the synced records is the database's statement time, not the app's clock: a record is then
-- never stamped earlier than the start of the transaction that writes it, which is what the sync watermark
-- (lib/data/sync-watermark.ts) relies on; raw-SQL writes that forget updated_at are stamped too.
CREATE FUNCTION "lumbung_stamp_updated_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."updated_at" := statement_timestamp() AT TIME ZONE 'UTC';
  RETURN NEW;
END
$$;

CREATE TRIGGER "cooperatives_stamp_updated_at" BEFORE INSERT OR UPDATE ON "cooperatives" FOR EACH ROW EXECUTE FUNCTION "lumbung_stamp_updated_at"();
CREATE TRIGGER "msmes_stamp_updated_at" BEFORE INSERT OR UPDATE ON "msmes" FOR EACH ROW EXECUTE FUNCTION "lumbung_stamp_updated_at"();
CREATE TRIGGER "meetings_stamp_updated_at" BEFORE INSERT OR UPDATE ON "meetings" FOR EACH ROW EXECUTE FUNCTION "lumbung_stamp_updated_at"();
CREATE TRIGGER "action_items_stamp_updated_at" BEFORE INSERT OR UPDATE ON "action_items" FOR EACH ROW EXECUTE FUNCTION "lumbung_stamp_updated_at"();
