/**
 * `JOBS_WORKER`: where this deployment's background jobs run (README "Configuration").
 * - `process` (the default of `npm start`): in a job worker process of their own (`npm run worker`,
 *   scripts/worker.ts) with a bounded heap, started by `npm start` beside `next start`;
 * - `inline` (the default of `npm run dev` and of a bare `next start`): inside the Next server
 *   (instrumentation.ts), sharing its heap with the pages;
 * - `off`: not in this instance: it serves pages only, while other instances' workers work the queue.
 */
export type JobsWorkerMode = 'process' | 'inline' | 'off'

export const JOBS_WORKER_MODES: readonly JobsWorkerMode[] = ['process', 'inline', 'off']

/** The mode set in `JOBS_WORKER`, `fallback` when unset or empty; null for a value that is not a mode. */
export function jobsWorkerMode(fallback: JobsWorkerMode, env: NodeJS.ProcessEnv = process.env): JobsWorkerMode | null {
  const v = (env.JOBS_WORKER ?? '').trim().toLowerCase()
  if (!v) return fallback
  return (JOBS_WORKER_MODES as readonly string[]).includes(v) ? (v as JobsWorkerMode) : null
}
