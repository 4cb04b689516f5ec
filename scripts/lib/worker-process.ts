/**
 * How the job worker process is started (scripts/worker.ts): its Node flags, in one place for everything
 * that starts it — `npm run worker`, `npm start` (scripts/start.ts), the tests — and for the import bench
 * (scripts/bench/import.ts), whose import process gets the same flags so the RSS it reports is the
 * deployed worker's.
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process'
import path from 'node:path'

/**
 * The worker's V8 old-generation limit, MB, and its young generation's semi-space, MB. Chosen by measurement
 * (docs/benchmarks.md, "The import's memory"): unbounded, V8 lets the heap grow to 300+ MB of garbage between major
 * collections while an import's live heap stays under 80 MB, and a 100,000-row import peaks at 450–490 MB RSS.
 * With the old generation bounded (128, 160 or 192 MB alike) it peaks at about 291 MB, too close to the
 * 300 MB target; the young generation's semi-spaces (16 MB each by default, three of them) are most of the
 * rest, and 8 MB ones bring the peak to about 275 MB.
 */
export const WORKER_HEAP_MB = 160
export const WORKER_SEMI_SPACE_MB = 8

/**
 * The heap flags of the worker: `--max-old-space-size` from `JOBS_WORKER_HEAP_MB` (default WORKER_HEAP_MB)
 * and `--max-semi-space-size=WORKER_SEMI_SPACE_MB`; `JOBS_WORKER_HEAP_MB=0`: neither, V8's own limits.
 * Throws on a value that is not a whole number of at least 64 (or 0), so a typo does not start an unbounded
 * worker unnoticed.
 */
export function workerHeapFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  const raw = (env.JOBS_WORKER_HEAP_MB ?? '').trim()
  const mb = raw === '' ? WORKER_HEAP_MB : Number(raw)
  if (!Number.isInteger(mb) || (mb !== 0 && mb < 64)) {
    throw new Error(`JOBS_WORKER_HEAP_MB=${raw}: a whole number of MB, at least 64 (or 0 for V8's own limits)`)
  }
  return mb === 0 ? [] : [`--max-old-space-size=${mb}`, `--max-semi-space-size=${WORKER_SEMI_SPACE_MB}`]
}

/** The project's root (this file is scripts/lib/worker-process.ts). */
export const PROJECT_ROOT = path.resolve(__dirname, '..', '..')

/**
 * Node's arguments for the worker process: the heap flags, the `react-server` condition (lib/* import
 * `server-only`, which only loads under it, as inside Next's server) and tsx's loader for the TypeScript
 * (tsx is installed by `npm install`, which the README's production steps run).
 */
export function workerNodeArgs(env: NodeJS.ProcessEnv = process.env): string[] {
  return [...workerHeapFlags(env), '--conditions=react-server', '--import', 'tsx', path.join(PROJECT_ROOT, 'scripts', 'worker.ts')]
}

/** Start the job worker process (one Node process, no tsx CLI or npm between: signals reach it directly). */
export function spawnWorker(opts: { env?: NodeJS.ProcessEnv; stdio?: StdioOptions } = {}): ChildProcess {
  const env = opts.env ?? process.env
  return spawn(process.execPath, workerNodeArgs(env), { cwd: PROJECT_ROOT, env, stdio: opts.stdio ?? 'inherit' })
}
