import 'server-only'
import { db } from '@/lib/db'
import { enqueue } from './queue'

/**
 * The jobs that run every hour on the hour (the reminder scan, the API's purge, the imports' tidy): a chain in
 * the queue, one live run per hour however many app instances queue it. A process that works the queue queues
 * this hour's run when it starts (lib/jobs/start.ts); each run queues the next hour's before it works, so the chain
 * survives a failed run, and deletes its kind's finished runs older than a week, so the chain does not grow the table.
 */

const HOUR_MS = 60 * 60 * 1000
const KEEP_FINISHED_MS = 7 * 24 * HOUR_MS

/** The hour a run belongs to: its dedupe key. */
const hourSlot = (at: Date) => `slot:${at.toISOString().slice(0, 13)}`

/** Queue this hour's run of `kind` (when a worker process starts). */
export function ensureHourlyRun(kind: string, now = new Date()): Promise<string> {
  return enqueue(kind, {}, { dedupeKey: hourSlot(now), runAt: now })
}

/** Queue the next hour's run of `kind` (first thing in a run). */
export async function queueNextHourlyRun(kind: string, now = new Date()): Promise<void> {
  const next = new Date(Math.floor(now.getTime() / HOUR_MS + 1) * HOUR_MS)
  await enqueue(kind, {}, { dedupeKey: hourSlot(next), runAt: next })
}

/** Delete the finished runs of `kind` older than a week. */
export async function dropFinishedRuns(kind: string, now = new Date()): Promise<void> {
  await db.job.deleteMany({ where: { kind, state: { in: ['SUCCEEDED', 'CANCELLED'] }, finishedAt: { lt: new Date(now.getTime() - KEEP_FINISHED_MS) } } })
}
