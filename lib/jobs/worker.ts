import 'server-only'
import { hostname } from 'node:os'
import { randomUUID } from 'node:crypto'
import { db, onPrimary } from '@/lib/db'
import { isDatabaseUnreachable } from '@/lib/db-errors'
import type { Prisma } from '@/lib/generated/prisma/client'
import { JobCancelled, PermanentJobError, jobDefinition, registeredKinds, type JobContext, type JobInfo } from './registry'

const DEFAULT_LEASE_MS = 5 * 60_000

type Claimed = {
  id: string
  kind: string
  payload: unknown
  attempts: number
  max_attempts: number
  created_by_id: string | null
}

/**
 * Take the oldest due job of a registered kind, or a RUNNING one whose worker's lease ran out (its process
 * died). `FOR UPDATE SKIP LOCKED` makes concurrent workers (threads, processes, app instances) each take a
 * different job without waiting on each other.
 */
async function claim(workerId: string, kinds: string[]): Promise<Claimed | null> {
  if (kinds.length === 0) return null
  const now = new Date()
  const until = new Date(now.getTime() + DEFAULT_LEASE_MS)
  const rows = await db.$queryRaw<Claimed[]>`
    UPDATE jobs SET state = 'RUNNING', attempts = attempts + 1, locked_by = ${workerId}, locked_until = ${until},
           started_at = COALESCE(started_at, ${now}), updated_at = ${now}
     WHERE id = (
       SELECT id FROM jobs
        WHERE kind = ANY(${kinds}::text[])
          AND ((state = 'QUEUED' AND run_at <= ${now}) OR (state = 'RUNNING' AND locked_until < ${now}))
        ORDER BY run_at, created_at
        FOR UPDATE SKIP LOCKED
        LIMIT 1)
    RETURNING id, kind, payload, attempts, max_attempts, created_by_id`
  return rows[0] ?? null
}

/** Only the worker holding the job may end it: a job taken over after a lost lease is not ended twice. */
async function finish(job: Claimed, workerId: string, data: Prisma.JobUpdateManyMutationInput): Promise<void> {
  await db.job.updateMany({
    where: { id: job.id, state: 'RUNNING', lockedBy: workerId },
    data: { ...data, lockedBy: null, lockedUntil: null },
  })
}

/**
 * Record a job's outcome even when PostgreSQL went away in the middle of it: the worker process outlives
 * the database's restart, so it keeps trying (every second, for up to `ms`) instead of leaving the job
 * RUNNING until its lease passes and its owner's record (an import shown as "importing") never settled.
 */
async function persist(what: () => Promise<unknown>, ms: number): Promise<void> {
  const until = Date.now() + ms
  for (;;) {
    try {
      await what()
      return
    } catch (e) {
      if (!isDatabaseUnreachable(e) || Date.now() > until) throw e
      await new Promise((r) => setTimeout(r, 1000))
    }
  }
}

async function run(job: Claimed, workerId: string): Promise<void> {
  const definition = jobDefinition(job.kind)
  if (!definition) {
    await finish(job, workerId, { state: 'FAILED', lastError: `Jenis pekerjaan tidak dikenal: ${job.kind}`, finishedAt: new Date() })
    return
  }
  const leaseMs = definition.leaseMs ?? DEFAULT_LEASE_MS
  const info: JobInfo = {
    id: job.id,
    kind: job.kind,
    payload: job.payload,
    attempt: job.attempts,
    maxAttempts: job.max_attempts,
    createdById: job.created_by_id,
  }
  if (job.attempts > job.max_attempts) {
    await finish(job, workerId, { state: 'FAILED', lastError: 'Batas percobaan terlampaui (pekerja berhenti di tengah jalan)', finishedAt: new Date() })
    await definition.onFailed?.(info, undefined)
    return
  }
  const ctx: JobContext = {
    job: info,
    async progress(done, total, note) {
      const row = await db.job.update({
        where: { id: job.id },
        data: {
          progressDone: done,
          ...(total !== undefined && { progressTotal: total }),
          ...(note !== undefined && { progressNote: note }),
          lockedUntil: new Date(Date.now() + leaseMs),
        },
        select: { cancelRequested: true },
      })
      if (row.cancelRequested) throw new JobCancelled()
    },
    async cancelRequested() {
      const row = await db.job.findUnique({ where: { id: job.id }, select: { cancelRequested: true } })
      return row?.cancelRequested ?? true
    },
  }
  let result: unknown
  try {
    // a job writes (imports) and checks before it writes: its reads never go to a lagging replica
    result = await onPrimary(() => definition.handler(ctx))
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    if (e instanceof JobCancelled) {
      await persist(() => finish(job, workerId, { state: 'CANCELLED', finishedAt: new Date() }), leaseMs)
    } else if (e instanceof PermanentJobError || job.attempts >= job.max_attempts) {
      await persist(() => finish(job, workerId, { state: 'FAILED', lastError: message, finishedAt: new Date() }), leaseMs)
      if (definition.onFailed) await persist(() => definition.onFailed!(info, e), leaseMs)
    } else {
      // exponential backoff: 10 s, 20 s, 40 s, …
      const delay = 10_000 * 2 ** (job.attempts - 1)
      await persist(() => finish(job, workerId, { state: 'QUEUED', lastError: message, runAt: new Date(Date.now() + delay) }), leaseMs)
    }
    if (!(e instanceof JobCancelled) && !(e instanceof PermanentJobError)) console.error(`[jobs] ${job.kind} ${job.id}:`, e)
    return
  }
  await persist(() => finish(job, workerId, {
    state: 'SUCCEEDED',
    result: (result ?? null) as Prisma.InputJsonValue,
    finishedAt: new Date(),
    lastError: null,
  }), leaseMs)
}

/** Claim and run one job; false when none was due. */
export async function runOneJob(workerId = `once-${randomUUID()}`, kinds = registeredKinds()): Promise<boolean> {
  const job = await claim(workerId, kinds)
  if (!job) return false
  await run(job, workerId)
  return true
}

/**
 * Run due jobs until none is left (tests, scripts): the same claim and run as the background worker, in
 * the caller's process, so a test can enqueue, drain and assert.
 */
export async function runJobsUntilIdle(options: { kinds?: string[]; max?: number } = {}): Promise<number> {
  const workerId = `drain-${randomUUID()}`
  let n = 0
  while (n < (options.max ?? 1000) && (await runOneJob(workerId, options.kinds ?? registeredKinds()))) n++
  return n
}

export type JobWorker = {
  /** stop claiming jobs and wait until the jobs this worker is running have ended (finished, failed, cancelled) */
  stop(): Promise<void>
  /**
   * For a process that must exit before its jobs end (a second stop signal): end the lease of every job this
   * worker holds now, so another worker takes it over at once instead of after the lease (up to 5 minutes).
   * The takeover counts as an attempt: a job with attempts left runs again from the start (imports write a
   * batch at a time and are idempotent on their natural keys), one without (an import's `import.commit`,
   * `maxAttempts: 1`) is FAILED and its owner told (`onFailed`). The caller exits right after: its open
   * transactions end with its connections and are rolled back. Returns how many leases were ended.
   */
  release(): Promise<number>
}
const g = globalThis as unknown as { __lumbungJobWorker?: JobWorker }

/**
 * The background worker of this process: polls for due jobs (every `pollMs` when idle, at once after a
 * job), `concurrency` jobs at a time. Started once per process (lib/jobs/start.ts, by the job worker
 * process or by a Next server running the jobs itself); a second call returns the running one.
 */
export function startJobWorker(options: { pollMs?: number; concurrency?: number } = {}): JobWorker {
  if (g.__lumbungJobWorker) return g.__lumbungJobWorker
  const pollMs = options.pollMs ?? 1000
  const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  let stopping = false
  const wakers = new Set<() => void>()
  const loop = async () => {
    while (!stopping) {
      let ran = false
      try {
        ran = await runOneJob(workerId)
      } catch (e) {
        // the database was unreachable: wait and try again, the worker must outlive a restart of PostgreSQL
        console.error('[jobs] worker:', e instanceof Error ? e.message : e)
      }
      if (!ran && !stopping) {
        await new Promise<void>((r) => {
          const wake = () => { wakers.delete(wake); clearTimeout(timer); r() }
          const timer = setTimeout(wake, pollMs)
          wakers.add(wake)
        })
      }
    }
  }
  const loops = Array.from({ length: options.concurrency ?? 1 }, () => loop())
  const worker: JobWorker = {
    async stop() {
      stopping = true
      for (const wake of [...wakers]) wake()
      await Promise.all(loops)
      delete g.__lumbungJobWorker
    },
    async release() {
      stopping = true
      const { count } = await db.job.updateMany({
        where: { state: 'RUNNING', lockedBy: workerId },
        data: { lockedUntil: new Date(Date.now() - 1) },
      })
      return count
    },
  }
  g.__lumbungJobWorker = worker
  return worker
}
