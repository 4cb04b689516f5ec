import 'server-only'
import { db, readDb } from '@/lib/db'

/**
 * The instant up to which an incremental read is complete: no record with `updatedAt` before it can still
 * appear later. A record becomes visible when its transaction commits, but carries the time its statement
 * ran; a long transaction (a 1.000-loan batch, an import) that started before a client's read and commits
 * after it would otherwise land behind the client's cursor and never be read. So the watermark is the
 * start of the oldest transaction still writing (one with a transaction id), or now when none is; sync
 * reads return only records changed before it, in (updatedAt, id) order, and the cursor never passes a
 * record that is not yet committed. It holds because the synced tables' `updated_at` is stamped by the
 * database with the statement's time (trigger `lumbung_stamp_updated_at`, migration
 * 20261210500000_api_snapshots_sync), never earlier than its transaction's start, and never by an app
 * server's clock. A transaction that has not written yet will stamp a later time when it does.
 */
export async function syncWatermark(): Promise<Date> {
  const [primary] = await db.$queryRaw<{ at: Date }[]>`
    SELECT least(now(), coalesce((SELECT min(xact_start) FROM pg_stat_activity
      WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()), now())) AT TIME ZONE 'UTC' AS at`
  // reads may go to a replica (lib/db.ts readDb): nothing after what it has replayed
  const [replica] = await readDb.$queryRaw<{ at: Date | null }[]>`
    SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_xact_replay_timestamp() AT TIME ZONE 'UTC' END AS at`
  const at = replica.at && replica.at < primary.at ? replica.at : primary.at
  return at
}
