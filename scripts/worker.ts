/**
 * The job worker process (`npm run worker`; started by `npm start` beside `next start`): works the job queue
 * in PostgreSQL (imports, reminders, the API's snapshots and purge) and nothing else — no page server —, with
 * the bounded heap of scripts/lib/worker-process.ts. It starts exactly what a Next server running the jobs
 * itself starts (lib/jobs/start.ts#startBackgroundWork). Run it through scripts/lib/worker-process.ts's
 * arguments (`npm run worker` does): outside Next.js, lib/* needs the `react-server` condition.
 *
 * Environment: the same as `next start`'s, from the process and the project's .env files as Next reads them
 * (`@next/env`); `DATABASE_URL` is required (no embedded PostgreSQL here: that is `npm run dev`'s).
 *
 * Stopping: the first SIGTERM or SIGINT stops it from taking new jobs and lets the running ones end (an
 * import's write ends within a minute or so at 100,000 rows), then it exits 0; a second one ends the leases
 * of the jobs still running, so another worker takes them over at once, and exits 1 (lib/jobs/worker.ts#release).
 */
import { loadEnvConfig } from '@next/env'
import { hostname } from 'node:os'
import { getHeapStatistics } from 'node:v8'
import { PROJECT_ROOT } from './lib/worker-process'

async function main() {
  loadEnvConfig(PROJECT_ROOT, false, { info: () => {}, error: console.error })
  if (!process.env.DATABASE_URL) {
    console.error('[worker] DATABASE_URL is not set: the job worker needs the PostgreSQL the app uses (no embedded database here; `npm run dev` starts one)')
    process.exit(1)
  }
  const { refuseBadConfiguration } = await import('./lib/check-config')
  refuseBadConfiguration('[worker] ')
  const { startBackgroundWork, jobsConcurrency } = await import('../lib/jobs/start')
  const { registeredKinds } = await import('../lib/jobs/registry')
  const { db } = await import('../lib/db')
  const worker = await startBackgroundWork()
  const heap = Math.round(getHeapStatistics().heap_size_limit / 2 ** 20)
  // the flags in effect: the command line's over NODE_OPTIONS' (Node reads NODE_OPTIONS first)
  const flags = [...(process.env.NODE_OPTIONS ?? '').split(/\s+/), ...process.execArgv]
  const bound = ['--max-old-space-size', '--max-semi-space-size'].map((f) => flags.filter((a) => a.startsWith(f)).pop()).filter(Boolean)
  console.log(
    `[worker] Lumbung job worker ${hostname()}:${process.pid} working the queue: ${jobsConcurrency()} at a time, ` +
      `heap limit ${heap} MB (${bound.join(' ') || "V8's defaults"}), kinds ${registeredKinds().join(', ')}`,
  )

  // a signal repeated within 2 s is the same stop (Ctrl-C reaches both `npm start` and this process, which
  // passes it on; systemd signals every process of the service): only a later one hands the jobs over
  let signals = 0
  let firstAt = 0
  const stop = async (signal: NodeJS.Signals) => {
    if (signals === 1 && Date.now() - firstAt < 2000) return
    if (signals === 0) firstAt = Date.now()
    signals++
    if (signals === 1) {
      console.log(`[worker] ${signal}: taking no new jobs, letting the running ones end (send it again to hand them over now)`)
      await worker.stop()
      await db.$disconnect().catch(() => {})
      console.log('[worker] stopped')
      process.exit(0)
    }
    if (signals === 2) {
      const released = await worker.release().catch((e) => {
        console.error('[worker] could not end the leases:', e instanceof Error ? e.message : e)
        return 0
      })
      console.log(`[worker] ${signal} again: ${released} running job(s) handed over to the next worker; exiting`)
      process.exit(1)
    }
  }
  process.on('SIGTERM', (s) => void stop(s))
  process.on('SIGINT', (s) => void stop(s))
}

main().catch((e) => {
  console.error('[worker]', e instanceof Error ? e.message : e)
  process.exit(1)
})
