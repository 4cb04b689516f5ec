import 'server-only'
/**
 * The integration API's background work (lib/jobs): register snapshots (lib/api/snapshots.ts) and an hourly
 * maintenance run that purges what only served a while: stored answers of idempotent writes after
 * IDEMPOTENCY_KEEP_MS (a client retries within minutes, not days), rate-limit windows older than an hour,
 * and snapshots past their expiry (their chunks with them).
 */
import { db } from '@/lib/db'
import { defineJob } from '@/lib/jobs'
import { dropFinishedRuns, ensureHourlyRun, queueNextHourlyRun } from '@/lib/jobs/hourly'
import '@/lib/api/snapshots'

export const API_MAINTENANCE = 'api.maintenance'
/** How long a retry with the same Idempotency-Key is answered from the stored answer (documented in the README). */
export const IDEMPOTENCY_KEEP_MS = 24 * 60 * 60 * 1000
const RATE_WINDOW_KEEP_MS = 60 * 60 * 1000

/** Queue this hour's run (called when a worker process starts): one per hour however many instances start. */
export async function ensureApiMaintenanceSchedule(now = new Date()): Promise<string> {
  return ensureHourlyRun(API_MAINTENANCE, now)
}

/** The purge itself, one statement per table, each by its own index (created_at, window_start, expires_at). */
export async function purgeApiLeftovers(now = new Date()) {
  const idempotency = await db.apiIdempotency.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_KEEP_MS) } } })
  const windows = await db.apiRateWindow.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - RATE_WINDOW_KEEP_MS) } } })
  // a snapshot's chunks go with it (ON DELETE CASCADE)
  const snapshots = await db.apiSnapshot.deleteMany({ where: { expiresAt: { lt: now } } })
  return { idempotency: idempotency.count, rateWindows: windows.count, snapshots: snapshots.count }
}

defineJob(API_MAINTENANCE, {
  maxAttempts: 3,
  handler: async () => {
    const now = new Date()
    // the next hour's run first, so the chain survives a failed run
    await queueNextHourlyRun(API_MAINTENANCE, now)
    const purged = await purgeApiLeftovers(now)
    await dropFinishedRuns(API_MAINTENANCE, now)
    return purged
  },
})
