/**
 * `npm start`: the production server. By default (`JOBS_WORKER=process`) two processes, supervised as one:
 * `next start` serving the pages (with `JOBS_WORKER=off`: no jobs in its heap) and the job worker process
 * (scripts/worker.ts, bounded heap) working the queue. If either exits, the other is stopped and this
 * process exits non-zero, so systemd, Docker or any supervisor restarts the pair. SIGTERM/SIGINT are passed
 * to both (the worker lets its running job end; a second signal, later, makes it hand the job over).
 *
 * `JOBS_WORKER=inline`: `next start` alone, running the jobs in its own process (unbounded heap, as a bare
 * `next start` does). `JOBS_WORKER=off`: `next start` alone without jobs, for an instance that only serves
 * pages while other instances' workers (`npm run worker`) work the queue. Arguments go to `next start`
 * (`npm start -- --port 8080`; `PORT` works too).
 *
 * `npm run worker` (this script with the argument `worker`): the job worker process alone, supervised the
 * same way, for the instances that work the queue beside page-only ones. This process is only the
 * supervisor: it loads no app code (`--require tsx/cjs`, no ESM loader thread: about 50 MB).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { jobsWorkerMode, JOBS_WORKER_MODES } from '../lib/jobs/mode'
import { PROJECT_ROOT, spawnWorker, workerHeapFlags } from './lib/worker-process'
import { refuseBadConfiguration } from './lib/check-config'

function main() {
  const workerOnly = process.argv[2] === 'worker'
  const mode = workerOnly ? 'process' : jobsWorkerMode('process')
  if (mode === null) {
    console.error(`[start] JOBS_WORKER=${process.env.JOBS_WORKER}: one of ${JOBS_WORKER_MODES.join(', ')}`)
    process.exit(1)
  }
  if (mode === 'process') {
    try {
      workerHeapFlags()
    } catch (e) {
      console.error(`[start] ${e instanceof Error ? e.message : e}`)
      process.exit(1)
    }
  }
  // once, before either process starts: a bad setting is one sentence here, not a 503 and a crash loop later.
  // A missing DATABASE_URL is left to the worker process, which says so in its own words and exits.
  refuseBadConfiguration('[start] ', mode === 'process' ? { assume: { DATABASE_URL: 'postgresql://checked-by-the-worker/lumbung' } } : {})
  const children = new Map<string, ChildProcess>()
  if (!workerOnly) children.set('next start', spawn(path.join(PROJECT_ROOT, 'node_modules', '.bin', 'next'), ['start', ...process.argv.slice(2)], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
    env: { ...process.env, JOBS_WORKER: mode === 'process' ? 'off' : mode, NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? '1' },
  }))
  if (mode === 'process') children.set('job worker', spawnWorker())
  console.log(`[start] ${[...children].map(([name, c]) => `${name} (pid ${c.pid})`).join(' + ')}; JOBS_WORKER=${mode}`)

  let stopping = false
  let exitCode = 0
  const running = new Set(children.keys())
  const stopAll = (signal: NodeJS.Signals) => {
    for (const name of running) children.get(name)!.kill(signal)
  }
  for (const [name, child] of children) {
    child.on('error', (e) => {
      // not started at all (e.g. no node_modules/.bin/next: run `npm install` and `npm run build` first)
      console.error(`[start] ${name}: ${e.message}`)
      child.emit('exit', 127, null)
    })
    child.on('exit', (code, signal) => {
      if (!running.has(name)) return
      running.delete(name)
      if (!stopping) {
        // one of the pair ended by itself: end the other, and exit non-zero so the pair is restarted
        console.error(`[start] ${name} exited (${signal ?? `code ${code}`}): stopping the rest`)
        stopping = true
        exitCode = code || 1
        stopAll('SIGTERM')
      } else if (code && code !== 130 && code !== 143) {
        // a stop we asked for ends `next start` with 128 + the signal's number: that is a clean stop
        exitCode ||= code
      }
      if (running.size === 0) process.exit(exitCode)
    })
  }
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      stopping = true
      stopAll(signal)
    })
  }
}

main()
