import 'server-only'
import { defineJob, type JobInfo } from '@/lib/jobs'
import { runCheck, runCommit, settleFailedImport } from './pipeline'
import { IMPORT_TIDY, runImportTidy } from './retention'

// An import job is not retried on its own: a failure is reported on the import, and the user starts it again.
const onFailed = (job: JobInfo, error: unknown) => settleFailedImport((job.payload as { importId: string }).importId, error)
defineJob('import.check', { maxAttempts: 1, handler: runCheck, onFailed })
defineJob('import.commit', { maxAttempts: 1, handler: runCommit, onFailed })
// every hour: what ended imports and day-old plans no longer need of their rows (lib/imports/retention.ts)
defineJob(IMPORT_TIDY, { maxAttempts: 3, handler: runImportTidy })
