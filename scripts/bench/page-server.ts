/**
 * The page-load bench's server: the production build (`next build`, made first when missing) served by
 * `next start` on a free port against a given database, with a bench leadership user to sign in as.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import pg from 'pg'
import { hashPassword } from '../../lib/password'
import { freePort } from '../lib/embedded-db'

/** Make the production build when there is none (the same build serves every scale of the run). */
export function ensureBuild(log: (m: string) => void): void {
  if (existsSync('.next/BUILD_ID')) return
  log('No production build (.next/BUILD_ID): running next build ...')
  const r = spawnSync('node_modules/.bin/next', ['build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } })
  if (r.status !== 0) throw new Error('next build failed')
}

/** A LEADERSHIP user `bench-pimpinan` with a fresh random password (created or reset). */
export async function benchLeader(url: string): Promise<{ username: string; password: string }> {
  const username = 'bench-pimpinan'
  const password = `Bench-${randomBytes(9).toString('base64url')}-2026`
  const hash = await hashPassword(password)
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    await c.query(
      `INSERT INTO users (id, username, name, role, password_hash, must_change_password, active, updated_at)
       VALUES ('bench-pimpinan', $1, 'Pimpinan (bench)', 'LEADERSHIP', $2, false, true, now())
       ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, must_change_password = false, active = true`,
      [username, hash],
    )
  } finally {
    await c.end()
  }
  return { username, password }
}

/** `next start` on a free port (or `BENCH_PORT`, on a machine where ports are shared out); resolves once /api/health answers 200. */
export async function startServer(url: string, log: (m: string) => void): Promise<{ base: string; stop: () => Promise<void> }> {
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort()
  const child: ChildProcess = spawn('node_modules/.bin/next', ['start', '--port', String(port)], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString('base64'), AUTH_TRUST_HOST: 'true', NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
  })
  const base = `http://localhost:${port}`
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref()
    })
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`)
    try {
      if ((await fetch(`${base}/api/health`)).status === 200) {
        log(`next start on ${base} (PID ${child.pid}).`)
        return { base, stop }
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  await stop()
  throw new Error('next start did not answer /api/health within 60 s')
}
