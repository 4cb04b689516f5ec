import 'server-only'

/** What a handler sees of its job. */
export type JobInfo = {
  id: string
  kind: string
  payload: unknown
  /** 1 on the first run, 2 on the first retry, … */
  attempt: number
  maxAttempts: number
  createdById: string | null
}

export type JobContext = {
  job: JobInfo
  /**
   * Record progress (shown by the page that started the job) and extend the worker's lease. Throws
   * `JobCancelled` when someone asked to cancel: call it between batches, outside a transaction you
   * want kept (or inside one you want rolled back by the cancel).
   */
  progress(done: number, total?: number | null, note?: string | null): Promise<void>
  /** true once a cancel was asked for; for handlers that want to stop at a point of their choosing */
  cancelRequested(): Promise<boolean>
}

/** The handler's return value is stored as the job's `result` (plain JSON). */
export type JobHandler = (ctx: JobContext) => Promise<unknown>

export type JobDefinition = {
  handler: JobHandler
  /** attempts before the job is FAILED (default 3); 1 for work that must not run twice */
  maxAttempts?: number
  /** how long a worker holds a job between progress calls before another may take it over (default 5 min) */
  leaseMs?: number
  /**
   * Called once the job has FAILED for good (its last attempt threw, a `PermanentJobError`, or its worker
   * died after the last attempt, when `error` is undefined), so the owner of the work records what the
   * user reads (e.g. an import's status). Retried by the worker while PostgreSQL is unreachable.
   */
  onFailed?: (job: JobInfo, error: unknown) => Promise<void>
}

/**
 * The brand of the two errors below, under a symbol shared by every copy of this module. A Next server that runs
 * the jobs itself (`npm run dev`, `JOBS_WORKER=inline`) evaluates this module more than once: the worker started
 * from instrumentation holds one copy's classes, while the handler it runs (the latest `defineJob`, e.g. from the
 * app's own module graph or after a hot reload) throws another copy's. `instanceof` by the class object then says
 * no: a cancel became a server error and a permanent failure was retried. So `instanceof` goes by the brand.
 */
const BRAND = Symbol.for('lumbung.jobs.error')
const branded = (value: unknown, name: string): boolean =>
  typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === name

/** Thrown by `progress()` after a cancel request: the job ends CANCELLED, not FAILED, and is not retried. */
export class JobCancelled extends Error {
  readonly [BRAND] = 'JobCancelled'
  constructor() {
    super('Pekerjaan dibatalkan')
    this.name = 'JobCancelled'
  }
  static [Symbol.hasInstance](value: unknown): boolean {
    // a subclass (none today) keeps the ordinary check
    if (this !== JobCancelled) return Function.prototype[Symbol.hasInstance].call(this, value)
    return branded(value, 'JobCancelled')
  }
}

/** Thrown by a handler for a failure that a retry cannot fix (bad payload, a file that will not parse). */
export class PermanentJobError extends Error {
  readonly [BRAND] = 'PermanentJobError'
  constructor(message: string) {
    super(message)
    this.name = 'PermanentJobError'
  }
  static [Symbol.hasInstance](value: unknown): boolean {
    if (this !== PermanentJobError) return Function.prototype[Symbol.hasInstance].call(this, value)
    return branded(value, 'PermanentJobError')
  }
}

// one registry per process, on globalThis so a dev hot reload does not lose the registrations the
// worker (started once from instrumentation) reads
const g = globalThis as unknown as { __lumbungJobs?: Map<string, JobDefinition> }
const registry = (g.__lumbungJobs ??= new Map())

/** Register the handler of a kind; a module defining a kind calls this at import (see lib/jobs/kinds.ts). */
export function defineJob(kind: string, definition: JobDefinition): void {
  registry.set(kind, definition)
}

export function jobDefinition(kind: string): JobDefinition | undefined {
  return registry.get(kind)
}

export function registeredKinds(): string[] {
  return [...registry.keys()]
}
