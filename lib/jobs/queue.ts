import 'server-only'
import { randomUUID } from 'node:crypto'
import { db } from '@/lib/db'
import type { Prisma } from '@/lib/generated/prisma/client'
import { jobDefinition } from './registry'

type Tx = Prisma.TransactionClient

export type EnqueueOptions = {
  /** the user who asked (shown with the job, used to scope who may read it) */
  createdById?: string | null
  /** not before this time (default now) */
  runAt?: Date
  /** overrides the kind's maxAttempts */
  maxAttempts?: number
  /**
   * At most one QUEUED or RUNNING job per (kind, dedupeKey): enqueueing again returns the live job's id
   * instead of a second job (a reminder for one month, a snapshot for one day).
   */
  dedupeKey?: string
  /** enqueue inside the caller's transaction: the job exists only if the rest commits */
  tx?: Tx
}

/**
 * Queue a job of `kind` with a JSON `payload`; a worker picks it up (lib/jobs/worker.ts). Returns the job's
 * id, which the caller keeps to show progress (`getJob`) or to cancel it (`requestCancel`).
 */
export async function enqueue(kind: string, payload: Prisma.InputJsonValue, options: EnqueueOptions = {}): Promise<string> {
  const client = options.tx ?? db
  const maxAttempts = options.maxAttempts ?? jobDefinition(kind)?.maxAttempts ?? 3
  if (options.dedupeKey) {
    const inserted = await enqueueUnique(kind, payload, { ...options, dedupeKey: options.dedupeKey })
    if (inserted) return inserted
    const live = await client.job.findFirst({
      where: { kind, dedupeKey: options.dedupeKey, state: { in: ['QUEUED', 'RUNNING'] } },
      select: { id: true },
    })
    if (live) return live.id
    // the live one finished between the two statements: queue a fresh one
    return enqueue(kind, payload, options)
  }
  const job = await client.job.create({
    data: {
      kind,
      payload,
      maxAttempts,
      runAt: options.runAt ?? new Date(),
      createdById: options.createdById ?? null,
    },
    select: { id: true },
  })
  return job.id
}

/**
 * Queue a job unless one of `kind` with the same `dedupeKey` is queued or running: null then (the caller refuses,
 * where `enqueue` would hand back the live job's id). ON CONFLICT on the partial unique index: of two concurrent
 * calls exactly one inserts.
 */
export async function enqueueUnique(kind: string, payload: Prisma.InputJsonValue, options: EnqueueOptions & { dedupeKey: string }): Promise<string | null> {
  const client = options.tx ?? db
  const maxAttempts = options.maxAttempts ?? jobDefinition(kind)?.maxAttempts ?? 3
  const rows = await client.$queryRaw<{ id: string }[]>`
    INSERT INTO jobs (id, kind, payload, dedupe_key, max_attempts, run_at, created_by_id)
    VALUES (${newId()}, ${kind}, ${JSON.stringify(payload)}::jsonb, ${options.dedupeKey}, ${maxAttempts},
            ${options.runAt ?? new Date()}, ${options.createdById ?? null})
    ON CONFLICT (kind, dedupe_key) WHERE dedupe_key IS NOT NULL AND state IN ('QUEUED', 'RUNNING') DO NOTHING
    RETURNING id`
  return rows[0]?.id ?? null
}

export type JobStatus = {
  id: string
  kind: string
  state: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED'
  progressDone: number
  progressTotal: number | null
  progressNote: string | null
  cancelRequested: boolean
  attempts: number
  maxAttempts: number
  result: unknown
  lastError: string | null
  createdById: string | null
  createdAt: Date
  startedAt: Date | null
  finishedAt: Date | null
}

/** A job's state and progress; callers check who may see it (the job knows only its creator). */
export async function getJob(id: string): Promise<JobStatus | null> {
  return db.job.findUnique({
    where: { id },
    select: {
      id: true, kind: true, state: true, progressDone: true, progressTotal: true, progressNote: true,
      cancelRequested: true, attempts: true, maxAttempts: true, result: true, lastError: true,
      createdById: true, createdAt: true, startedAt: true, finishedAt: true,
    },
  })
}

/**
 * Ask a job to stop. A queued job is cancelled at once; a running one at its next `progress()` call (its
 * handler decides what is kept: an import rolls its open batch back). Returns false when it had ended.
 */
export async function requestCancel(id: string, tx: Pick<typeof db, 'job'> = db): Promise<boolean> {
  const now = new Date()
  const queued = await tx.job.updateMany({
    where: { id, state: 'QUEUED' },
    data: { state: 'CANCELLED', cancelRequested: true, finishedAt: now },
  })
  if (queued.count === 1) return true
  const running = await tx.job.updateMany({ where: { id, state: 'RUNNING' }, data: { cancelRequested: true } })
  return running.count === 1
}

function newId(): string {
  return randomUUID()
}
