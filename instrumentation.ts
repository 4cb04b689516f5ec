/**
 * Runs once when a Next server process starts (`npm run dev`, `next start`), in the Node.js runtime:
 * stamps the socket's peer address on requests (lib/peer-address) and starts the background job
 * worker (lib/jobs) with the hourly reminder scan (lib/reminders) and the API's hourly purge
 * (lib/api/jobs). `JOBS_WORKER=off` leaves the
 * worker out, for an instance that only serves pages while others work the queue.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { stampPeerAddress } = await import('@/lib/peer-address')
  stampPeerAddress()
  if (process.env.JOBS_WORKER === 'off') return
  await import('./lib/jobs/kinds')
  const { startJobWorker } = await import('./lib/jobs/worker')
  startJobWorker({ concurrency: Number(process.env.JOBS_CONCURRENCY ?? 1) || 1 })
  // the hourly reminder scan (lib/reminders): queued once per hour however many instances start
  const { ensureReminderSchedule } = await import('./lib/reminders/jobs')
  await ensureReminderSchedule().catch((e) => console.error('[reminders] schedule:', e instanceof Error ? e.message : e))
  // the hourly purge of the API's idempotency answers, rate windows and expired snapshots (lib/api/jobs)
  const { ensureApiMaintenanceSchedule } = await import('./lib/api/jobs')
  await ensureApiMaintenanceSchedule().catch((e) => console.error('[api] schedule:', e instanceof Error ? e.message : e))
}
