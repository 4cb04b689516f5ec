import 'server-only'
import { defineJob } from '@/lib/jobs'
import { runCheck, runCommit } from './pipeline'

// An import job is not retried on its own: a failure is reported on the import, and the user starts it again.
defineJob('import.check', { maxAttempts: 1, handler: runCheck })
defineJob('import.commit', { maxAttempts: 1, handler: runCommit })
