/**
 * The page-load bench's server: the production build (`next build`, made first when missing) served by
 * `next start` (one or several, behind a round-robin balancer) against a given database, with a bench
 * leadership user to sign in as.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
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

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux); null elsewhere. */
export function processCpuMs(pid: number | undefined): number | null {
  if (!pid) return null
  try {
    // fields after the command name (which may hold spaces): utime and stime are the 12th and 13th
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS
  } catch {
    return null
  }
}
// USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK)
const CLOCK_TICKS = 100

type Stoppable = { pid: number | undefined; stop: () => Promise<void> }

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref()
    })
}

async function waitFor(url: string, child: ChildProcess, what: string, stop: () => Promise<void>): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`)
    try {
      if ((await fetch(url)).status === 200) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  await stop()
  throw new Error(`${what} did not answer ${url} within 60 s`)
}

/** One `next start` on `port`; resolves once /api/health answers 200. */
async function startNext(url: string, port: number, secret: string, log: (m: string) => void): Promise<Stoppable> {
  const child: ChildProcess = spawn('node_modules/.bin/next', ['start', '--port', String(port)], {
    stdio: ['ignore', 'ignore', 'inherit'],
    // JOBS_WORKER=off: as `npm start` runs it (the jobs in a worker process of their own), so the page server's CPU is the pages'
    env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: secret, AUTH_TRUST_HOST: 'true', NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', JOBS_WORKER: 'off' },
  })
  const stop = stopper(child)
  await waitFor(`http://localhost:${port}/api/health`, child, 'next start', stop)
  log(`next start on http://localhost:${port} (PID ${child.pid}).`)
  return { pid: child.pid, stop }
}

export type BalancerKind = 'haproxy' | 'node'

/** HAProxy when installed (`apt-get install -y haproxy`), else the Node TCP balancer; `BENCH_BALANCER=node|haproxy` chooses. */
export function balancerKind(): BalancerKind {
  const wanted = process.env.BENCH_BALANCER
  if (wanted === 'node' || wanted === 'haproxy') return wanted
  return spawnSync('haproxy', ['-v'], { stdio: 'ignore' }).status === 0 ? 'haproxy' : 'node'
}

/**
 * A round-robin balancer on `port` in front of `backends` (ports on localhost), as its own process so
 * that its CPU is measured apart: HAProxy in HTTP mode (one thread, requests spread one by one over
 * keep-alive connections to the backends), or `tcp-balancer.mjs` (connections spread one by one).
 */
async function startBalancer(kind: BalancerKind, port: number, backends: number[], log: (m: string) => void): Promise<Stoppable & { kind: BalancerKind }> {
  let child: ChildProcess
  let folder: string | undefined
  if (kind === 'haproxy') {
    folder = mkdtempSync(path.join(os.tmpdir(), 'lumbung-haproxy-'))
    const config = path.join(folder, 'haproxy.cfg')
    writeFileSync(config, [
      'global', '  nbthread 1', '  maxconn 1000',
      'defaults', '  mode http', '  timeout connect 5s', '  timeout client 60s', '  timeout server 60s', '  option http-keep-alive', '  http-reuse always',
      'frontend pages', `  bind 127.0.0.1:${port}`, '  default_backend next',
      'backend next', '  balance roundrobin',
      ...backends.map((b, i) => `  server next${i + 1} 127.0.0.1:${b}`),
      '',
    ].join('\n'))
    child = spawn('haproxy', ['-db', '-f', config], { stdio: ['ignore', 'ignore', 'inherit'] })
  } else {
    child = spawn(process.execPath, ['scripts/bench/tcp-balancer.mjs', String(port), backends.map((b) => `127.0.0.1:${b}`).join(',')], { stdio: ['ignore', 'ignore', 'inherit'] })
  }
  const stopChild = stopper(child)
  const stop = async () => {
    await stopChild()
    if (folder) rmSync(folder, { recursive: true, force: true })
  }
  await waitFor(`http://localhost:${port}/api/health`, child, `the ${kind} balancer`, stop)
  log(`${kind === 'haproxy' ? 'HAProxy' : 'Node TCP balancer'} on http://localhost:${port} (PID ${child.pid}), round robin over ${backends.length} next start.`)
  return { kind, pid: child.pid, stop }
}

export type Served = {
  base: string
  instances: number
  balancer: BalancerKind | null
  /** CPU ms used so far by the next start processes (summed) and by the balancer */
  cpu: () => { servers: number | null; balancer: number | null }
  stop: () => Promise<void>
}

/**
 * `next start` × `instances` against one database (one AUTH_SECRET, so a session cookie is good on every
 * one; each keeps its own figure cache, keyed by the database snapshot), behind a balancer when more than
 * one. Ports: `BENCH_PORT` for what the load generator talks to (the balancer, or the single server) and
 * the next ones for the instances; free ports without it.
 */
export async function startServers(url: string, instances: number, log: (m: string) => void): Promise<Served> {
  const secret = process.env.AUTH_SECRET ?? randomBytes(32).toString('base64')
  const front = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort()
  const ports = instances === 1 ? [front] : await Promise.all(Array.from({ length: instances }, async (_, i) => (process.env.BENCH_PORT ? front + 1 + i : await freePort())))
  const started: Stoppable[] = []
  const stop = async () => {
    await Promise.all(started.map((s) => s.stop()))
  }
  try {
    // one after the other: N builds' worth of start-up at once would only slow each other down
    const servers: Stoppable[] = []
    for (const port of ports) {
      const s = await startNext(url, port, secret, log)
      started.push(s)
      servers.push(s)
    }
    const balancer = instances === 1 ? null : await startBalancer(balancerKind(), front, ports, log)
    if (balancer) started.unshift(balancer)
    const sum = (xs: (number | null)[]) => (xs.some((x) => x === null) ? null : xs.reduce((a: number, x) => a + x!, 0))
    return {
      base: `http://localhost:${front}`,
      instances,
      balancer: balancer?.kind ?? null,
      cpu: () => ({ servers: sum(servers.map((s) => processCpuMs(s.pid))), balancer: balancer ? processCpuMs(balancer.pid) : null }),
      stop,
    }
  } catch (e) {
    await stop()
    throw e
  }
}
