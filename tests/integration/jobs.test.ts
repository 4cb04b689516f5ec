import { describe, expect, it, vi } from 'vitest'
import { db } from '@/lib/db'
import { defineJob, enqueue, getJob, JobCancelled, PermanentJobError, requestCancel, runJobsUntilIdle, runOneJob } from '@/lib/jobs'

/**
 * The job queue on the real database: claimed once however many workers race for it, retried with a
 * backoff, failed for good after its attempts, cancelled between batches, deduplicated by key.
 */
describe('jobs', () => {
  it('runs a job, records progress and the result', async () => {
    defineJob('test.count', {
      async handler(ctx) {
        const { n } = ctx.job.payload as { n: number }
        for (let i = 1; i <= n; i++) await ctx.progress(i, n, `baris ${i}`)
        return { counted: n }
      },
    })
    const id = await enqueue('test.count', { n: 3 })
    expect((await getJob(id))?.state).toBe('QUEUED')
    await runJobsUntilIdle({ kinds: ['test.count'] })
    const job = await getJob(id)
    expect(job).toMatchObject({ state: 'SUCCEEDED', progressDone: 3, progressTotal: 3, progressNote: 'baris 3', result: { counted: 3 }, attempts: 1 })
    expect(job?.finishedAt).toBeInstanceOf(Date)
  })

  it('hands each job to exactly one of several racing workers', async () => {
    const seen: string[] = []
    defineJob('test.once', { async handler(ctx) { seen.push(ctx.job.id) } })
    const ids = await Promise.all(Array.from({ length: 6 }, (_, i) => enqueue('test.once', { i })))
    // eight workers claim at the same moment, each until the queue is empty
    await Promise.all(Array.from({ length: 8 }, () => runJobsUntilIdle({ kinds: ['test.once'] })))
    expect(seen.sort()).toEqual([...ids].sort())
    const states = await db.job.groupBy({ by: ['state'], where: { id: { in: ids } }, _count: true })
    expect(states).toEqual([{ state: 'SUCCEEDED', _count: 6 }])
  })

  it('retries a failing job later, then fails it after its attempts', async () => {
    defineJob('test.flaky', { maxAttempts: 2, async handler() { throw new Error('bank tidak menjawab') } })
    const id = await enqueue('test.flaky', {})
    await runOneJob(undefined, ['test.flaky'])
    let job = await getJob(id)
    expect(job).toMatchObject({ state: 'QUEUED', attempts: 1, lastError: 'bank tidak menjawab' })
    // the retry waits for its backoff: nothing is due now
    expect(await runOneJob(undefined, ['test.flaky'])).toBe(false)
    await db.job.update({ where: { id }, data: { runAt: new Date(Date.now() - 1000) } })
    await runOneJob(undefined, ['test.flaky'])
    job = await getJob(id)
    expect(job).toMatchObject({ state: 'FAILED', attempts: 2, lastError: 'bank tidak menjawab' })
  })

  it('fails a permanent error without retrying', async () => {
    defineJob('test.bad', { async handler() { throw new PermanentJobError('Berkas bukan spreadsheet') } })
    const id = await enqueue('test.bad', {})
    await runJobsUntilIdle({ kinds: ['test.bad'] })
    expect(await getJob(id)).toMatchObject({ state: 'FAILED', attempts: 1, lastError: 'Berkas bukan spreadsheet' })
  })

  it('cancels a queued job at once and a running one at its next progress', async () => {
    defineJob('test.slow', {
      async handler(ctx) {
        await ctx.progress(1, 10)
        await requestCancel(ctx.job.id) // someone presses "Batalkan" while the job runs
        await ctx.progress(2, 10)
        return 'not reached'
      },
    })
    const queued = await enqueue('test.slow', {})
    expect(await requestCancel(queued)).toBe(true)
    expect((await getJob(queued))?.state).toBe('CANCELLED')
    const running = await enqueue('test.slow', {})
    await runJobsUntilIdle({ kinds: ['test.slow'] })
    expect(await getJob(running)).toMatchObject({ state: 'CANCELLED', progressDone: 2, result: null })
    expect(await requestCancel(running)).toBe(false)
  })

  it('knows its errors thrown by another copy of the jobs module (a Next server running the jobs inline)', async () => {
    // `npm run dev` and `JOBS_WORKER=inline` evaluate lib/jobs more than once: the worker started from
    // instrumentation checks a handler's error against its own copy's classes, the handler throws another's
    vi.resetModules()
    const other = await import('@/lib/jobs/registry')
    expect(other.JobCancelled).not.toBe(JobCancelled)
    expect(new other.JobCancelled()).toBeInstanceOf(JobCancelled)
    expect(new JobCancelled()).toBeInstanceOf(other.JobCancelled)
    expect(new PermanentJobError('x')).toBeInstanceOf(other.PermanentJobError)
    expect(new other.PermanentJobError('x')).toBeInstanceOf(PermanentJobError)
    expect(new other.PermanentJobError('x')).not.toBeInstanceOf(JobCancelled)
    expect(new Error('Pekerjaan dibatalkan')).not.toBeInstanceOf(JobCancelled)
    defineJob('test.copy-cancel', { async handler(ctx) { await requestCancel(ctx.job.id); throw new other.JobCancelled() } })
    defineJob('test.copy-bad', { async handler() { throw new other.PermanentJobError('Berkas bukan spreadsheet') } })
    const cancelled = await enqueue('test.copy-cancel', {})
    const bad = await enqueue('test.copy-bad', {})
    await runJobsUntilIdle({ kinds: ['test.copy-cancel', 'test.copy-bad'] })
    // not FAILED (a server error) and not QUEUED again for a retry
    expect(await getJob(cancelled)).toMatchObject({ state: 'CANCELLED', attempts: 1 })
    expect(await getJob(bad)).toMatchObject({ state: 'FAILED', attempts: 1, lastError: 'Berkas bukan spreadsheet' })
  })

  it('takes over a running job whose worker died (its lease passed)', async () => {
    defineJob('test.lease', { async handler() { return 'done' } })
    const id = await enqueue('test.lease', {})
    await db.job.update({ where: { id }, data: { state: 'RUNNING', attempts: 1, lockedBy: 'dead', lockedUntil: new Date(Date.now() - 1) } })
    await runJobsUntilIdle({ kinds: ['test.lease'] })
    expect(await getJob(id)).toMatchObject({ state: 'SUCCEEDED', attempts: 2, result: 'done' })
  })

  it('keeps one live job per dedupe key, even when enqueued at the same moment', async () => {
    defineJob('test.dedupe', { async handler() {} })
    const ids = await Promise.all(Array.from({ length: 5 }, () => enqueue('test.dedupe', {}, { dedupeKey: '2026-12' })))
    expect(new Set(ids).size).toBe(1)
    await runJobsUntilIdle({ kinds: ['test.dedupe'] })
    // once it has run, the same key queues a new one
    const next = await enqueue('test.dedupe', {}, { dedupeKey: '2026-12' })
    expect(next).not.toBe(ids[0])
  })

  it('enqueues inside a transaction: rolled back, no job', async () => {
    const before = await db.job.count()
    await expect(db.$transaction(async (tx) => {
      await enqueue('test.count', { n: 1 }, { tx })
      throw new Error('rollback')
    })).rejects.toThrow('rollback')
    expect(await db.job.count()).toBe(before)
  })
})
