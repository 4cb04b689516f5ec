import 'server-only'
import { z } from 'zod'
import { db } from '@/lib/db'
import { defineJob, enqueue } from '@/lib/jobs'
import { scanReminders } from './scan'
import { sendPendingEmails } from './email'

/** The reminder scan, every hour on the hour (WIB and UTC hours coincide). */
export const REMINDER_SCAN = 'reminders.scan'
/** Sends waiting e-mails now (queued by a report's return when SMTP_URL is set). */
export const REMINDER_EMAIL = 'reminders.email'

const SCAN_INTERVAL_MS = 60 * 60 * 1000
/** finished scan jobs older than this are deleted by the scan, so the hourly chain does not grow the table */
const KEEP_FINISHED_MS = 7 * 24 * 60 * 60 * 1000

const payloadSchema = z.object({
  /** judge "due" and "late" at this instant instead of now (tests, a catch-up run) */
  now: z.iso.datetime().optional(),
  /** a single run: do not queue the next one */
  once: z.boolean().optional(),
})

/** The hour a scan belongs to: its dedupe key, so each hour has one live scan however many instances queue it. */
function slotKey(at: Date): string {
  return `slot:${at.toISOString().slice(0, 13)}`
}

/**
 * Queue this hour's scan (called when a worker process starts): with the slot as dedupe key, several app
 * instances starting together queue one. Each scan queues the next hour's before it works, so the chain
 * survives a failed scan; a restart picks it up again if it ever breaks.
 */
export async function ensureReminderSchedule(now = new Date()): Promise<string> {
  return enqueue(REMINDER_SCAN, {}, { dedupeKey: slotKey(now), runAt: now })
}

async function scheduleNext(now: Date): Promise<void> {
  const next = new Date(Math.floor(now.getTime() / SCAN_INTERVAL_MS + 1) * SCAN_INTERVAL_MS)
  await enqueue(REMINDER_SCAN, {}, { dedupeKey: slotKey(next), runAt: next })
}

defineJob(REMINDER_SCAN, {
  maxAttempts: 3,
  handler: async (ctx) => {
    const payload = payloadSchema.parse(ctx.job.payload ?? {})
    const now = payload.now ? new Date(payload.now) : new Date()
    if (!payload.once) await scheduleNext(new Date())
    const created = await scanReminders({ now })
    const email = await sendPendingEmails()
    await db.job.deleteMany({ where: { kind: REMINDER_SCAN, state: { in: ['SUCCEEDED', 'CANCELLED'] }, finishedAt: { lt: new Date(Date.now() - KEEP_FINISHED_MS) } } })
    return { created, email }
  },
})

defineJob(REMINDER_EMAIL, {
  maxAttempts: 3,
  handler: async () => sendPendingEmails(),
})
