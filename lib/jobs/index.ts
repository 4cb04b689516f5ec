import 'server-only'
/**
 * Background jobs in PostgreSQL (the `jobs` table): `enqueue(kind, payload)` from a request, a handler
 * registered with `defineJob(kind, { handler })` runs it in a worker with `ctx.progress(done, total)`,
 * and the page reads `getJob(id)` to show progress. See README "Pekerjaan latar belakang".
 */
export { enqueue, enqueueUnique, getJob, requestCancel, type EnqueueOptions, type JobStatus } from './queue'
export { defineJob, JobCancelled, PermanentJobError, type JobContext, type JobHandler, type JobInfo } from './registry'
export { runJobsUntilIdle, runOneJob, startJobWorker, type JobWorker } from './worker'
