import 'server-only'
import { defineJob, type JobInfo } from '@/lib/jobs'
import { runCheck, runCommit, settleFailedImport } from './pipeline'

// An import job is not retried on its own: a failure is reported on the import, and the user starts it again.
const onFailed = (job: JobInfo, error: unknown) => settleFailedImport((job.payload as { importId: string }).importId, error)
defineJob('import.check', { maxAttempts: 1, handler: runCheck, onFailed })
defineJob('import.commit', { maxAttempts: 1, handler: runCommit, onFailed })
