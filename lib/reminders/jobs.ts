import 'server-only'
import { z } from 'zod'
import { defineJob } from '@/lib/jobs'
import { dropFinishedRuns, ensureHourlyRun, queueNextHourlyRun } from '@/lib/jobs/hourly'
import { scanReminders } from './scan'
import { sendPendingEmails } from './email'

/** The reminder scan, every hour on the hour (WIB and UTC hours coincide). */
export const REMINDER_SCAN = 'reminders.scan'
/** Sends waiting e-mails now (queued by a report's return when SMTP_URL is set). */
export const REMINDER_EMAIL = 'reminders.email'

const payloadSchema = z.object({
  /** judge "due" and "late" at this instant instead of now (tests, a catch-up run) */
  now: z.iso.datetime().optional(),
  /** a single run: do not queue the next one */
  once: z.boolean().optional(),
})

/**
 * Queue this hour's scan (called when a worker process starts; lib/jobs/hourly.ts): several app instances
 * starting together queue one, and each scan queues the next hour's before it works.
 */
export async function ensureReminderSchedule(now = new Date()): Promise<string> {
  return ensureHourlyRun(REMINDER_SCAN, now)
}

defineJob(REMINDER_SCAN, {
  maxAttempts: 3,
  handler: async (ctx) => {
    const payload = payloadSchema.parse(ctx.job.payload ?? {})
    const now = payload.now ? new Date(payload.now) : new Date()
    if (!payload.once) await queueNextHourlyRun(REMINDER_SCAN)
    const created = await scanReminders({ now })
    const email = await sendPendingEmails()
    await dropFinishedRuns(REMINDER_SCAN)
    return { created, email }
  },
})

defineJob(REMINDER_EMAIL, {
  maxAttempts: 3,
  handler: async () => sendPendingEmails(),
})
