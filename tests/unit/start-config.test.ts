/**
 * `npm start` and `npm run worker` refuse a malformed setting before starting anything: one sentence naming
 * the variable and its allowed form, exit code 1 (no server answering "database unreachable", no worker
 * logging the same error on every job).
 */
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { workerNodeArgs } from '@/scripts/lib/worker-process'

const env: Record<string, string | undefined> = { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: 'postgresql://lumbung:x@127.0.0.1:1/lumbung' }

function run(args: string[], extra: Record<string, string>) {
  return spawnSync(process.execPath, args, { cwd: process.cwd(), env: { ...env, ...extra } as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 60_000 })
}

describe('the start scripts refuse a malformed setting', () => {
  it('npm start: AGENCY_PROVINCE_CODE=3', () => {
    const r = run(['--require', 'tsx/cjs', 'scripts/start.ts'], { AGENCY_PROVINCE_CODE: '3' })
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('[start] AGENCY_PROVINCE_CODE tidak valid: kode provinsi Kemendagri dua digit')
    expect(r.stdout).not.toContain('next start (pid')
  })

  it('npm run worker: TRUSTED_PROXY_HOPS=11', () => {
    const r = run(['--require', 'tsx/cjs', 'scripts/start.ts', 'worker'], { TRUSTED_PROXY_HOPS: '11' })
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('[start] TRUSTED_PROXY_HOPS=11 tidak valid: bilangan bulat 0–10')
  })

  it('the job worker process itself: JOBS_CONCURRENCY=0', () => {
    const r = run(workerNodeArgs({ ...process.env, JOBS_WORKER_HEAP_MB: '0' }), { JOBS_CONCURRENCY: '0' })
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('[worker] JOBS_CONCURRENCY=0 tidak valid')
    expect(r.stderr.match(/JOBS_CONCURRENCY/g)).toHaveLength(1)
  })
})
