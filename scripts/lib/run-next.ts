/**
 * Run `next dev` or `next start` as a child with the resolved database, forward Ctrl-C/SIGTERM, and
 * stop the embedded PostgreSQL cleanly after Next has exited.
 */
import { spawn } from 'node:child_process'
import type { ResolvedDatabase } from './with-database'

export type NextProcess = {
  /** print what Next held back (its banner) and everything after */
  release(): void
  /** stop Next; the embedded PostgreSQL is stopped after it and this process exits with `code` */
  stop(code?: number): void
  /** true until Next has exited: a health answer while it is gone came from some other server */
  alive(): boolean
}

/**
 * `hold`: keep Next's output until `release()`, so its "Local: http://…" banner does not invite the user
 * in while the demo data is still loading (Next starts, and compiles, alongside the seed).
 * `host`: the address to listen on (Next's own default, every interface, when omitted).
 */
export function runNext(mode: 'dev' | 'start', db: ResolvedDatabase, port: number, opts: { hold?: boolean; host?: string } = {}): NextProcess {
  // the PID of next itself (not npx), so signals reach next-server and nothing keeps the port
  const child = spawn('node_modules/.bin/next', [mode, '--port', String(port), ...(opts.host ? ['--hostname', opts.host] : [])], {
    stdio: opts.hold ? ['inherit', 'pipe', 'pipe'] : 'inherit',
    env: { ...process.env, DATABASE_URL: db.url, NEXT_TELEMETRY_DISABLED: '1' },
  })
  let held: [NodeJS.WriteStream, Buffer][] | null = opts.hold ? [] : null
  for (const [from, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]] as const) {
    from?.on('data', (chunk: Buffer) => (held ? held.push([to, chunk]) : to.write(chunk)))
  }
  let exitCode: number | undefined
  let exiting = false
  let exited = false
  const shutdown = (signal: NodeJS.Signals) => {
    if (exiting) return
    exiting = true
    console.log(`\n${signal}: menghentikan Lumbung ...`)
    child.kill(signal)
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
  child.on('exit', async (code) => {
    exited = true
    if (held) for (const [to, chunk] of held) to.write(chunk)
    await db.stop().catch((e) => console.error('Gagal menghentikan PostgreSQL:', e))
    if (db.embedded) console.log('PostgreSQL bawaan dihentikan.')
    process.exit(exitCode ?? code ?? 0)
  })
  return {
    release() {
      if (!held) return
      for (const [to, chunk] of held) to.write(chunk)
      held = null
    },
    stop(code) {
      exitCode = code
      shutdown('SIGTERM')
    },
    alive: () => !exited,
  }
}
