/**
 * Runs once when a Next server process starts (`npm run dev`, `next start`): starts the background job
 * worker (lib/jobs) in the Node.js runtime. `JOBS_WORKER=off` leaves it out, for an instance that only
 * serves pages while others work the queue.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.JOBS_WORKER === 'off') return
  await import('./lib/jobs/kinds')
  const { startJobWorker } = await import('./lib/jobs/worker')
  startJobWorker({ concurrency: Number(process.env.JOBS_CONCURRENCY ?? 1) || 1 })
}
