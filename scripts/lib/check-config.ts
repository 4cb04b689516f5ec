/**
 * The start scripts' configuration check: the settings Next.js and the worker will read (the process's
 * environment and the project's .env files, loaded as Next loads them), validated once by lib/env.ts before
 * anything starts. A malformed setting is refused with one sentence per variable and a non-zero exit, instead
 * of a server that answers "database unreachable" and a worker that logs the same error on every job.
 */
import { loadEnvConfig } from '@next/env'
import { configurationProblems } from '../../lib/env'
import { PROJECT_ROOT } from './worker-process'

/**
 * Load the .env files as `next start` does (unless `load` is false) and exit 1 with the problems when any
 * setting is malformed. `assume`: values the caller will provide itself (`npm run dev`'s embedded DATABASE_URL).
 */
export function refuseBadConfiguration(prefix: string, opts: { load?: boolean; assume?: Record<string, string> } = {}): void {
  // `npm run dev` does not load .env into its own environment (its children would inherit a DATABASE_URL from it)
  if (opts.load !== false) loadEnvConfig(PROJECT_ROOT, false, { info: () => {}, error: console.error })
  const problems = configurationProblems({ ...opts.assume, ...process.env })
  if (problems.length === 0) return
  for (const p of problems) console.error(`${prefix}${p.message}`)
  console.error(`${prefix}Tidak dijalankan: perbaiki ${problems.length === 1 ? 'variabel' : 'variabel-variabel'} di atas (lingkungan atau berkas .env) lalu jalankan lagi.`)
  process.exit(1)
}
