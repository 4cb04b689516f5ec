/**
 * Runs once when a Next server process starts (`npm run dev`, `next start`), in the Node.js runtime:
 * stamps the socket's peer address on requests (lib/peer-address) and, when this server runs the
 * background jobs itself (`JOBS_WORKER=inline`, the default of `npm run dev` and of a bare `next start`),
 * starts what a job worker process starts (lib/jobs/start.ts: the worker, the hourly reminder scan and the
 * API's hourly purge). `npm start` runs `next start` with `JOBS_WORKER=off` beside a job worker process of
 * its own (scripts/worker.ts); `off` also serves an instance that only serves pages while others work the queue.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { stampPeerAddress } = await import('@/lib/peer-address')
  stampPeerAddress()
  const { jobsWorkerMode } = await import('@/lib/jobs/mode')
  const mode = jobsWorkerMode('inline')
  if (mode === null) console.error(`[jobs] JOBS_WORKER=${process.env.JOBS_WORKER}: not one of process, inline, off; this server runs no jobs`)
  if (mode !== 'inline') return
  const { startBackgroundWork } = await import('@/lib/jobs/start')
  await startBackgroundWork()
}
