import 'server-only'
/**
 * Everything a process that works the job queue starts, in one place so the two that do cannot drift: the
 * job worker process (`npm run worker`, scripts/worker.ts, what `npm start` runs beside `next start`) and a
 * Next server that runs the jobs itself (`npm run dev`, `JOBS_WORKER=inline`; instrumentation.ts).
 */
import './kinds'
import { startJobWorker, type JobWorker } from './worker'
import { ensureReminderSchedule } from '@/lib/reminders/jobs'
import { ensureApiMaintenanceSchedule } from '@/lib/api/jobs'
import { ensureImportTidySchedule } from '@/lib/imports/retention'
import { numberSetting } from '@/lib/env'

/** `JOBS_CONCURRENCY`: how many jobs this process runs at once (default 1; a malformed value is refused, lib/env.ts). */
export function jobsConcurrency(env: NodeJS.ProcessEnv = process.env): number {
  return numberSetting('JOBS_CONCURRENCY', env)
}

/**
 * Start this process's job worker (every kind of lib/jobs/kinds.ts, `JOBS_CONCURRENCY` at a time) and make
 * sure the hourly schedules exist (lib/jobs/hourly.ts): the reminder scan (lib/reminders), the API's purge
 * (lib/api/jobs) and the imports' tidy (lib/imports/retention.ts), each queued once per hour however many
 * processes start. A schedule that cannot be queued now (PostgreSQL down)
 * is logged, not fatal, as it always was: the next start of a process that works the queue queues it.
 */
export async function startBackgroundWork(): Promise<JobWorker> {
  const worker = startJobWorker({ concurrency: jobsConcurrency() })
  await ensureReminderSchedule().catch((e) => console.error('[reminders] schedule:', e instanceof Error ? e.message : e))
  await ensureApiMaintenanceSchedule().catch((e) => console.error('[api] schedule:', e instanceof Error ? e.message : e))
  await ensureImportTidySchedule().catch((e) => console.error('[imports] schedule:', e instanceof Error ? e.message : e))
  return worker
}
